// The art. 81 maggiorazione of a fund: `maggiorazione 30% ai primi 10%`.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

void Checker::checkFundBonus(const ast::Fund& f, FundInfo& info) {
  for (size_t i = 1; i < f.bonuses.size(); ++i)
    diags_.error("E0212", f.bonuses[i].span,
                 fmt::format("il fondo «{}» dichiara la maggiorazione più di una volta", f.name.name));
  if (f.bonuses.empty()) return;
  const ast::FundBonus& b = f.bonuses[0];
  bool ok = true;
  if (b.ranking) {
    info.bonus = &b;
    checkFundRanking(f, info);
    checkDeclaredBonus(b);
    return;
  }
  if (b.percent < 30) {
    diags_.report(Diagnostic{"E0430", Severity::Errore, b.percentSpan,
                             fmt::format("la maggiorazione del fondo «{}» è del {}%, sotto il minimo del 30%", f.name.name,
                                         formatExact(b.percent)),
                             {},
                             "la maggiorazione del premio individuale non può essere inferiore al 30% del valore "
                             "medio pro capite dei premi",
                             "art. 81 c. 2 CCNL Funzioni Locali 16.11.2022"});
    ok = false;
  }
  if (b.share <= 0 || b.share > 100) {
    diags_.error("E0431", b.shareSpan,
                 fmt::format("la quota di persone che ricevono la maggiorazione deve essere tra 0% (escluso) e 100%, "
                             "non {}%", formatExact(b.share)),
                 "per esempio: maggiorazione 30% ai primi 10%");
    ok = false;
  }
  if (ok) info.bonus = &b;
}

// The lines of `maggiorazione R ai vincitori di G { ... }`: each at most once.
// The 30% minimum of the CCNL is not built in here: the stdlib module
// ccnl.funzioni_locali_2022 checks it (`richiede maggiorazione almeno 30%`).
void Checker::checkDeclaredBonus(const ast::FundBonus& b) {
  auto once = [&](const auto& items, const char* what) {
    for (size_t i = 1; i < items.size(); ++i)
      diags_.error("E0212", items[i].second, fmt::format("la maggiorazione dichiara {} più di una volta", what));
  };
  once(b.bases, "la base");
  once(b.roundings, "l'arrotondamento");
  once(b.onTop, "come è finanziata");
  if (b.percent <= 0)
    diags_.error("E0912", b.percentSpan, "la maggiorazione deve essere una percentuale maggiore di zero",
                 "per esempio: maggiorazione 30% ai vincitori di art81");
}

}  // namespace misura::sema
