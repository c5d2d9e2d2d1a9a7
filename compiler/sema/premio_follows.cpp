// premioFollows (see effective.h): is the premio proportional to the score?
// `premio = posizione * (totale / 100 punti)` pays for every point, so an
// objective not reached costs its share of the money as surely as a gate on
// its esito: the "no threshold" warning (W0849) does not apply.
#include <functional>

#include "compiler/sema/effective.h"

namespace misura::sema {

namespace {

bool dependsOnScore(const Checked& c, const ast::Expr& e) {
  const Resolution& r = c.resolved.at(e.id);
  if (std::holds_alternative<ResBand>(r) || std::holds_alternative<ResTotal>(r) ||
      std::holds_alternative<ResComponent>(r) || std::holds_alternative<ResEsito>(r))
    return true;
  return std::visit(
      [&](const auto& n) -> bool {
        using N = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<N, ast::Call>) {
          for (const ast::ExprPtr& a : n.args)
            if (dependsOnScore(c, *a)) return true;
          return n.where && dependsOnScore(c, *n.where);
        } else if constexpr (std::is_same_v<N, ast::Unary>) {
          return dependsOnScore(c, *n.operand);
        } else if constexpr (std::is_same_v<N, ast::Binary>) {
          return dependsOnScore(c, *n.lhs) || dependsOnScore(c, *n.rhs);
        } else if constexpr (std::is_same_v<N, ast::If>) {
          return dependsOnScore(c, *n.cond) || dependsOnScore(c, *n.then) || dependsOnScore(c, *n.otherwise);
        } else if constexpr (std::is_same_v<N, ast::Steps>) {
          return dependsOnScore(c, *n.subject);
        } else {
          return false;
        }
      },
      e.node);
}

// The numerator factors of a product/quotient; false if a divisor depends on the score.
bool numerators(const Checked& c, const ast::Expr& e, std::vector<const ast::Expr*>& out) {
  if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
    if (b->op == ast::BinaryOp::Mul) return numerators(c, *b->lhs, out) && numerators(c, *b->rhs, out);
    if (b->op == ast::BinaryOp::Div) return !dependsOnScore(c, *b->rhs) && numerators(c, *b->lhs, out);
  }
  out.push_back(&e);
  return true;
}

// Fills `ps` when `e` is proportional to the total or to one component.
void proportional(const Checked& c, const ast::Profile& p, const ast::Expr& e, ProfileShares& ps) {
  std::vector<const ast::Expr*> factors;
  if (!numerators(c, e, factors)) return;
  const ast::Expr* score = nullptr;
  for (const ast::Expr* f : factors) {
    if (!dependsOnScore(c, *f)) continue;
    if (score) return;  // two factors on the score: not proportional
    score = f;
  }
  if (!score) return;
  const Resolution& r = c.resolved.at(score->id);
  if (std::holds_alternative<ResTotal>(r)) ps.premioFollowsTotal = true;
  if (const auto* comp = std::get_if<ResComponent>(&r))
    ps.premioFollowsComponents.push_back(p.components.at(comp->index).name.name);
}

}  // namespace

void premioFollows(const Checked& c, uint32_t profile, ProfileShares& ps) {
  const ProfileInfo& info = c.profiles.at(profile);
  if (info.decl->premio) return proportional(c, *info.decl, *info.decl->premio, ps);
  if (info.fund && c.funds.at(*info.fund).quota) proportional(c, *info.decl, *c.funds.at(*info.fund).quota, ps);
}

}  // namespace misura::sema
