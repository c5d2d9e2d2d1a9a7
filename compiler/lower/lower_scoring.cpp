// Lowering of the scoring constructs (docs/linguaggio.md § 4 and § 5): the
// component options, the catalogues' vote steps and `punteggio`, `valore` and `funzione`. Runs
// after the declarations are lowered (lower.cpp) and fills in their fields.
#include "compiler/lower/lower_expr.h"
#include "compiler/lower/lower_scoring.h"

namespace misura::lowering {

void lowerScoring(const sema::Checked& c, ir::Module& m) {
  for (size_t p = 0; p < c.profiles.size() && p < m.profiles.size(); ++p) {
    const ast::Profile& decl = *c.profiles[p].decl;
    for (size_t i = 0; i < decl.components.size() && i < m.profiles[p].components.size(); ++i) {
      const ast::Component& comp = decl.components[i];
      ir::Component& out = m.profiles[p].components[i];
      out.relativeWeights = !comp.relativeWeights.empty();
      out.equalWeights = !comp.equalWeights.empty();
      if (!comp.rounding.empty())
        out.rounding = ir::RoundingRule{comp.rounding[0].decimals.value_or(2), rounding(comp.rounding[0].mode)};
    }
  }
  for (size_t k = 0; k < c.catalogues.size() && k < m.catalogues.size(); ++k) {
    m.catalogues[k].wholeVotes = c.catalogues[k].wholeVotes;
    m.catalogues[k].halfVotes = c.catalogues[k].halfVotes;
    if (c.catalogues[k].points) m.catalogues[k].points = compileExpr(c, *c.catalogues[k].points);
  }
  for (const ast::NamedValue* v : c.values) m.values.push_back(ir::NamedValue{v->name.name, compileExpr(c, *v->body), v->span});
  for (const ast::Function* f : c.functions) {
    ir::Function out;
    out.name = f->name.name;
    out.span = f->span;
    for (const ast::Param& p : f->params) {
      out.slots.push_back(toIr(sema::fromTypeName(p.type)));
      out.slotNames.push_back(p.name.name);
    }
    out.body = compileExpr(c, *f->body);
    m.functions.push_back(std::move(out));
  }
}

}  // namespace misura::lowering
