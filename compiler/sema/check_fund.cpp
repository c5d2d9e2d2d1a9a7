// Checks of `fondo` declarations (a bonus fund shared by score) and of the
// profiles that draw their premio from one.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

void missingItem(Diagnostics& diags, const ast::Fund& f, const char* what, const char* example) {
  diags.error("E0220", f.name.span, fmt::format("al fondo «{}» manca {}", f.name.name, what),
              fmt::format("aggiungi una riga come: {}", example));
}

}  // namespace

void Checker::checkFunds() {
  auto index = indexNames(program_.funds, [](const ast::Fund& f) -> const ast::Ident& { return f.name; }, "fondo");
  for (const ast::Fund& f : program_.funds) {
    FundInfo info;
    info.decl = &f;
    if (f.amounts.empty() && f.amountExprs.empty()) missingItem(diags_, f, "l'importo", "importo 25.000,00 euro");
    for (size_t i = 1; i < f.amounts.size(); ++i)
      diags_.error("E0212", f.amounts[i].second, fmt::format("il fondo «{}» dichiara l'importo più di una volta", f.name.name));
    for (size_t i = f.amounts.empty() ? 1 : 0; i < f.amountExprs.size(); ++i)
      diags_.error("E0212", f.amountExprs[i]->span, fmt::format("il fondo «{}» dichiara l'importo più di una volta", f.name.name));
    if (f.amounts.empty() && !f.amountExprs.empty()) checkFundAmount(f, info);
    if (!f.amounts.empty()) {
      info.amount = f.amounts[0].first;
      if (info.amount <= 0) diags_.error("E0410", f.amounts[0].second, "l'importo di un fondo deve essere maggiore di zero");
      if (!isExactAt(info.amount, 2))
        diags_.error("E0410", f.amounts[0].second, "l'importo di un fondo si scrive in euro e centesimi (al massimo 2 decimali)");
    }
    if (f.quotas.empty() && !budgetFund(f.name.name)) missingItem(diags_, f, "la quota di ciascuno", "quota = totale * fascia");
    for (size_t i = 1; i < f.quotas.size(); ++i)
      diags_.error("E0212", f.quotas[i]->span, fmt::format("il fondo «{}» dichiara la quota più di una volta", f.name.name));
    if (!f.quotas.empty()) {
      info.quota = f.quotas[0].get();
      Type t = expr(*info.quota, Scope{Scope::Kind::FundQuota, nullptr, 0, nullptr, true});
      if (t != Type::Errore && !isNumeric(t))
        diags_.error("E0302", info.quota->span,
                     fmt::format("la quota di un fondo deve essere un numero (punti, percentuale, euro...), non {}", typeName(t)));
    }
    for (size_t i = 1; i < f.splits.size(); ++i)
      diags_.error("E0212", f.splits[i].second, fmt::format("il fondo «{}» dichiara la ripartizione più di una volta", f.name.name));
    if (!f.splits.empty()) info.split = f.splits[0].first;
    checkFundBonus(f, info);
    for (size_t i = 1; i < f.tieKeys.size(); ++i)
      diags_.error("E0212", f.tieSpans[i], fmt::format("il fondo «{}» dichiara l'ordine a parità più di una volta", f.name.name));
    if (!f.tieKeys.empty()) info.tieKeys = checkSortKeys(f.tieKeys[0], {});
    out_.funds.push_back(info);
  }
  std::vector<bool> used(program_.funds.size(), false);
  for (size_t i = 0; i < program_.funds.size(); ++i)
    used[i] = budgetFund(program_.funds[i].name.name) || partFund(program_.funds[i].name.name);
  std::vector<bool> usesBand(program_.funds.size(), false);
  for (size_t i = 0; i < program_.funds.size(); ++i) {
    if (!program_.funds[i].quotas.empty()) {
      // Re-derive from the side table: did the quota resolve `fascia`?
      std::vector<const ast::Expr*> stack{program_.funds[i].quotas[0].get()};
      while (!stack.empty()) {
        const ast::Expr* e = stack.back();
        stack.pop_back();
        if (std::holds_alternative<ResBand>(out_.resolved.at(e->id))) usesBand[i] = true;
        if (auto* b = std::get_if<ast::Binary>(&e->node)) stack.insert(stack.end(), {b->lhs.get(), b->rhs.get()});
        if (auto* u = std::get_if<ast::Unary>(&e->node)) stack.push_back(u->operand.get());
        if (auto* f = std::get_if<ast::If>(&e->node))
          stack.insert(stack.end(), {f->cond.get(), f->then.get(), f->otherwise.get()});
        if (auto* s = std::get_if<ast::Steps>(&e->node)) stack.push_back(s->subject.get());
        if (auto* f = std::get_if<ast::ObjectiveFold>(&e->node)) stack.push_back(f->body.get());
        if (auto* c = std::get_if<ast::Call>(&e->node))
          for (const ast::ExprPtr& a : c->args) stack.push_back(a.get());
      }
    }
  }
  for (ProfileInfo& p : out_.profiles) {
    if (!p.decl->premioFund) continue;
    const ast::Ident& name = *p.decl->premioFund;
    auto it = index.find(name.name);
    if (it == index.end()) {
      undeclared("fondo", name, index);
      continue;
    }
    p.fund = it->second;
    used[it->second] = true;
    if (usesBand[it->second] && !p.bands)
      diags_.error("E0411", name.span,
                   fmt::format("la quota del fondo «{}» usa «fascia», ma il profilo «{}» non ha una tabella delle fasce",
                               name.name, p.decl->name.name),
                   "aggiungi al profilo: fasce { ... }");
  }
  checkFundSchemes(index);
  checkPremioParts(index);
  for (size_t i = 0; i < program_.funds.size(); ++i)
    if (!used[i])
      diags_.warning("A0201", program_.funds[i].name.span,
                     fmt::format("il fondo «{}» non è usato da nessun profilo", program_.funds[i].name.name),
                     fmt::format("nel profilo che lo distribuisce scrivi: premio da fondo {}", program_.funds[i].name.name));
}

}  // namespace misura::sema
