// Checks of `indicatore` declarations: the scoring rules written by the ente.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

void Checker::checkIndicators() {
  indicatorIndex_ = indexNames(program_.indicators,
                               [](const ast::Indicator& i) -> const ast::Ident& { return i.name; }, "indicatore");
  for (const ast::Indicator& ind : program_.indicators) {
    out_.indicators.push_back(&ind);
    std::vector<ast::Param> slots{ind.measured};
    slots.insert(slots.end(), ind.params.begin(), ind.params.end());
    indexNames(slots, [](const ast::Param& p) -> const ast::Ident& { return p.name; }, "parametro");
    Scope scope{Scope::Kind::Indicator, &ind, 0, nullptr};
    Type t = expr(*ind.body, scope);
    expectType(*ind.body, t, Type::Percentuale,
               fmt::format("come esito dell'indicatore «{}»", ind.name.name).c_str());
  }
}

}  // namespace misura::sema
