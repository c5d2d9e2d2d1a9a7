// The weights of an objective: a plain `peso N` (the default) and lines
// `peso N per profilo P[, Q]`, `peso N per "matricola"[, ...]`,
// `peso N per personale dove COND`. For each person the first matching line
// in writing order wins, else the default; a person matched by none with no
// default is an evaluation error (E0630).
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

void Checker::checkWeights(ObjectiveInfo& info, const ast::Objective& o) {
  const ast::Weight* firstDefault = nullptr;
  for (const ast::Weight& w : o.weights) {
    if (w.expr) {  // `peso = espressione`: per person, from the data
      if (info.weightExpr || firstDefault || !info.weightRules.empty())
        diags_.error("E0212", w.span, fmt::format("l'obiettivo «{}» dichiara il peso più di una volta", o.code.name),
                     "con «peso = ...» il peso di ogni persona viene dai dati: togli le altre righe «peso»");
      checkWeightExpr(info, w);
      continue;
    }
    if (info.weightExpr)
      diags_.error("E0212", w.span, fmt::format("l'obiettivo «{}» dichiara il peso più di una volta", o.code.name),
                   "con «peso = ...» il peso di ogni persona viene dai dati: togli le altre righe «peso»");
    if (w.value <= 0) diags_.error("E0410", w.valueSpan, "il peso di un obiettivo deve essere maggiore di zero");
    if (!w.who) {
      if (firstDefault)
        diags_.error("E0212", w.valueSpan, fmt::format("l'obiettivo «{}» dichiara il peso più di una volta", o.code.name),
                     "per pesi diversi secondo la persona scrivi: peso N per profilo P, peso N per \"matricola\" "
                     "o peso N per personale dove ...");
      firstDefault = firstDefault ? firstDefault : &w;
      continue;
    }
    WeightRuleInfo rule{&w, {}};
    switch (w.who->kind) {
      case ast::Assignment::Kind::Tutti:
        diags_.error("E0274", w.who->span, "«per tutti» non serve: il peso scritto senza «per» vale per tutti",
                     fmt::format("scrivi: peso {}", formatExact(w.value)));
        break;
      case ast::Assignment::Kind::Profili: rule.profiles = resolveProfiles(w.who->profiles); break;
      case ast::Assignment::Kind::Matricole: break;
      case ast::Assignment::Kind::Dove: {
        Type t = expr(*w.who->where, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
        expectType(*w.who->where, t, Type::Booleano, "dopo «dove»");
        break;
      }
    }
    info.weightRules.push_back(rule);
  }
  if (firstDefault) {
    info.weight = firstDefault->value;
    info.hasDefaultWeight = true;
  }
  info.weightsOk = std::count_if(o.weights.begin(), o.weights.end(), [](const ast::Weight& w) { return !w.who; }) <= 1;
}

}  // namespace misura::sema
