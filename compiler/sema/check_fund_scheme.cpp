// Checks of the fund schemes besides the split in proportion
// (docs/linguaggio.md, «Quota unitaria, massimo per persona, stanziamenti»):
//   `quota unitaria N euro`          each member gets N x quota, the rest is economia;
//   `massimo N euro per persona`     a cap on each share, the excess is economia;
//   `premio a carico del fondo F`    (in a profile) the premio = ... is paid from
//                                    the budget line F (importo only).
// Codes E0376, E0378-E0380 (E0377, quota unitaria with a maggiorazione, is no
// longer reported: runtime/eval/fund_bonus.cpp, unitBonus); roles by condition
// (`ruolo R = personale dove C`): E0381.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

bool mentionsAggregate(const Checked& c, const ast::Expr& e) {
  if (std::holds_alternative<ResAggregate>(c.resolved.at(e.id))) return true;
  return std::visit(
      [&](const auto& n) -> bool {
        using N = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<N, ast::Call>) {
          for (const ast::ExprPtr& a : n.args)
            if (mentionsAggregate(c, *a)) return true;
          return n.where && mentionsAggregate(c, *n.where);
        } else if constexpr (std::is_same_v<N, ast::Unary>) {
          return mentionsAggregate(c, *n.operand);
        } else if constexpr (std::is_same_v<N, ast::Binary>) {
          return mentionsAggregate(c, *n.lhs) || mentionsAggregate(c, *n.rhs);
        } else if constexpr (std::is_same_v<N, ast::If>) {
          return mentionsAggregate(c, *n.cond) || mentionsAggregate(c, *n.then) || mentionsAggregate(c, *n.otherwise);
        } else if constexpr (std::is_same_v<N, ast::Steps>) {
          return mentionsAggregate(c, *n.subject);
        } else {
          return false;
        }
      },
      e.node);
}

}  // namespace

bool Checker::budgetFund(const std::string& name) const {
  for (const ast::Profile& p : program_.profiles)
    for (const ast::Ident& b : p.premioBudget)
      if (b.name == name) return true;
  return false;
}

void Checker::checkFundSchemes(const std::map<std::string, uint32_t>& index) {
  auto euros = [&](const std::pair<Rational, Span>& v, const char* what) {
    if (v.first <= 0 || !isExactAt(v.first, 2))
      diags_.error("E0376", v.second,
                   fmt::format("{} deve essere un importo maggiore di zero, in euro e centesimi (al massimo 2 decimali)",
                               what));
  };
  for (FundInfo& info : out_.funds) {
    const ast::Fund& f = *info.decl;
    for (size_t i = 1; i < f.unitQuotas.size(); ++i)
      diags_.error("E0212", f.unitQuotas[i].second,
                   fmt::format("il fondo «{}» dichiara la quota unitaria più di una volta", f.name.name));
    for (size_t i = f.unitQuotas.empty() ? 1 : 0; i < f.unitQuotaExprs.size(); ++i)
      diags_.error("E0212", f.unitQuotaExprs[i]->span,
                   fmt::format("il fondo «{}» dichiara la quota unitaria più di una volta", f.name.name));
    if (f.unitQuotas.empty() && !f.unitQuotaExprs.empty()) checkFundUnitQuota(f, info);
    for (size_t i = 1; i < f.caps.size(); ++i)
      diags_.error("E0212", f.caps[i].second,
                   fmt::format("il fondo «{}» dichiara il massimo per persona più di una volta", f.name.name));
    if (!f.unitQuotas.empty()) {
      euros(f.unitQuotas[0], "la quota unitaria");
      info.unitQuota = f.unitQuotas[0].first;
    }
    if (!f.caps.empty()) {
      euros(f.caps[0], "il massimo per persona");
      info.cap = f.caps[0].first;
    }
    if (!budgetFund(f.name.name)) continue;
    info.budget = true;
    bool shared = false;  // also divided with `premio da fondo`: E0380 below says it
    for (const ast::Profile& p : program_.profiles) shared |= p.premioFund && p.premioFund->name == f.name.name;
    if (shared) continue;
    std::vector<Span> extra;
    for (const ast::ExprPtr& q : f.quotas) extra.push_back(q->span);
    for (const auto& s : f.splits) extra.push_back(s.second);
    for (const auto& u : f.unitQuotas) extra.push_back(u.second);
    for (const ast::ExprPtr& u : f.unitQuotaExprs) extra.push_back(u->span);
    for (const auto& c : f.caps) extra.push_back(c.second);
    for (const ast::FundBonus& b : f.bonuses) extra.push_back(b.span);
    for (Span s : extra)
      diags_.error("E0378", s,
                   fmt::format("il fondo «{}» è uno stanziamento da cui si pagano premi calcolati («premio a carico del "
                               "fondo»): ha solo l'importo",
                               f.name.name),
                   "un fondo ripartito fra le persone si usa con «premio da fondo»; uno stanziamento ha solo la riga "
                   "«importo»");
  }
  for (ProfileInfo& p : out_.profiles) {
    const ast::Profile& decl = *p.decl;
    for (size_t i = 1; i < decl.premioBudget.size(); ++i)
      diags_.error("E0212", decl.premioBudget[i].span,
                   fmt::format("il profilo «{}» dice più di una volta a carico di quale fondo è il premio",
                               decl.name.name));
    if (decl.premioBudget.empty()) continue;
    const ast::Ident& name = decl.premioBudget.front();
    auto it = index.find(name.name);
    if (it == index.end()) {
      undeclared("fondo", name, index);
      continue;
    }
    if (!decl.premio) {
      diags_.error("E0379", name.span,
                   fmt::format("«premio a carico del fondo {}» vuole un premio calcolato nel profilo «{}»: premio = ...",
                               name.name, decl.name.name),
                   decl.premioFund ? "con «premio da fondo» il premio è già la parte del fondo: togli una delle due righe"
                                   : "aggiungi al profilo la riga: premio = ESPRESSIONE");
      continue;
    }
    p.budget = it->second;
    for (const ProfileInfo& other : out_.profiles)
      if (other.fund == it->second)
        diags_.error("E0380", name.span,
                     fmt::format("il fondo «{}» è ripartito fra le persone del profilo «{}» (premio da fondo) e non può "
                                 "essere anche uno stanziamento",
                                 name.name, other.decl->name.name),
                     "dichiara due fondi distinti");
  }
}

void Checker::checkRoleCondition(const ast::Role& r) {
  Type t = expr(*r.where, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
  expectType(*r.where, t, Type::Booleano, "dopo «dove»");
  if (mentionsAggregate(out_, *r.where))
    diags_.error("E0381", r.where->span,
                 fmt::format("la condizione del ruolo «{}» legge una tabella di dati: un ruolo si decide sui soli "
                             "campi del personale",
                             r.name.name),
                 "aggiungi all'elenco del personale un campo (per esempio liquida_fatture booleano) e scrivi: ruolo " +
                     r.name.name + " = personale dove liquida_fatture");
}

}  // namespace misura::sema
