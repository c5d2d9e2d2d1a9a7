// Checks of a premio made of parts (`parte NOME ["titolo"] = ...` or
// `parte NOME ["titolo"] da fondo F`, docs/linguaggio.md «Premio in più
// parti»): the premio is the sum of the parts, each computed like a premio or
// drawn from its own fund. E0382 parts with `premio = ...`/`premio da fondo`,
// E0383 a part named twice.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

bool Checker::partFund(const std::string& name) const {
  for (const ast::Profile& p : program_.profiles)
    for (const ast::PremioPart& part : p.parts)
      if (part.fund && part.fund->name == name) return true;
  return false;
}

void Checker::checkPremioParts(const std::map<std::string, uint32_t>& fundIndex) {
  for (uint32_t index = 0; index < out_.profiles.size(); ++index) {
    ProfileInfo& info = out_.profiles[index];
    const ast::Profile& p = *info.decl;
    if (p.parts.empty()) continue;
    if (p.premio || p.premioFund)
      diags_.error("E0382", p.parts.front().span,
                   fmt::format("il profilo «{}» ha sia il premio sia le sue parti", p.name.name),
                   "con le parti il premio è la loro somma: togli la riga «premio»");
    std::map<std::string, Span> seen;
    for (const ast::PremioPart& part : p.parts) {
      PartInfo pi{&part, std::nullopt};
      auto [it, fresh] = seen.emplace(part.name.name, part.name.span);
      if (!fresh)
        diags_.report(Diagnostic{"E0383", Severity::Errore, part.name.span,
                                 fmt::format("la parte «{}» del premio del profilo «{}» è scritta due volte",
                                             part.name.name, p.name.name),
                                 {Label{it->second, "prima parte con questo nome"}},
                                 "ogni parte ha il suo nome", {}});
      if (part.expr) {
        Type t = expr(*part.expr, Scope{Scope::Kind::ProfileResult, nullptr, index, nullptr, true});
        expectType(*part.expr, t, Type::Euro, "per una parte del premio");
        if (part.rounding && part.rounding->decimals && *part.rounding->decimals != 2)
          diags_.error("E0413", part.rounding->span, "una parte del premio si arrotonda sempre al centesimo (2 decimali)",
                       "scrivi solo il modo, per esempio: arrotondato per difetto");
      }
      if (part.fund) {
        auto f = fundIndex.find(part.fund->name);
        if (f == fundIndex.end()) undeclared("fondo", *part.fund, fundIndex);
        else if (out_.funds[f->second].budget)
          diags_.error("E0380", part.fund->span,
                       fmt::format("il fondo «{}» è uno stanziamento (premio a carico): non si divide in parti",
                                   part.fund->name),
                       "dichiara due fondi");
        else
          pi.fund = f->second;
      }
      info.parts.push_back(pi);
    }
  }
}

}  // namespace misura::sema
