// premioShares (see effective.h): the premio formula as a sum of terms
//   coefficient × [esito(OB)] × opaque factors (posizione, monte_salari, ...)
// and, when every term has the same opaque factors, each objective's
// fraction of the money.
#include <functional>
#include <set>

#include "compiler/ast/print.h"
#include "compiler/sema/effective.h"

namespace misura::sema {

namespace {

struct Term {
  Rational coef;
  std::optional<uint32_t> esito;
  std::multiset<std::string> factors;  // printed esito-free sub-expressions; "÷x" divides
};
using Form = std::vector<Term>;

class Analyzer {
 public:
  Analyzer(const Checked& c, uint32_t profile) : c_(c), profile_(profile) {}

  std::optional<Form> form(const ast::Expr& e) {
    if (const auto* f = std::get_if<ast::ObjectiveFold>(&e.node)) return fold(*f);
    if (const auto* item = std::get_if<ResFoldItem>(&c_.resolved.at(e.id))) return foldItem(item->item);
    if (!mentionsEsito(e)) return opaque(e);
    if (std::holds_alternative<ast::Call>(e.node)) {
      if (const auto* r = std::get_if<ResEsito>(&c_.resolved.at(e.id))) return Form{Term{1, r->objective, {}}};
      return std::nullopt;
    }
    if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
      if (u->op != ast::UnaryOp::Neg) return std::nullopt;
      std::optional<Form> f = form(*u->operand);
      if (f)
        for (Term& t : *f) t.coef = -t.coef;
      return f;
    }
    if (const auto* b = std::get_if<ast::Binary>(&e.node)) return binary(*b);
    return std::nullopt;  // a condition on an esito: not a proportional split
  }

 private:
  // `somma per ogni obiettivo (body)`: the body's form for each objective
  // assigned to the whole profile (nullopt when others are assigned person
  // by person: the terms are not known).
  std::optional<Form> fold(const ast::ObjectiveFold& f) {
    bool dynamic = false;
    std::vector<uint32_t> objectives = profileObjectives(c_, profile_, dynamic);
    if (dynamic || foldObjective_) return std::nullopt;
    Form out;
    for (uint32_t o : objectives) {
      foldObjective_ = o;
      std::optional<Form> term = form(*f.body);
      foldObjective_.reset();
      if (!term) return std::nullopt;
      out = concat(std::move(out), *term, 1);
    }
    return out;
  }

  std::optional<Form> foldItem(FoldItem item) {
    if (!foldObjective_) return std::nullopt;
    const ObjectiveInfo& o = c_.objectives.at(*foldObjective_);
    switch (item) {
      case FoldItem::Quota: return Form{Term{o.quota.value_or(Rational()), std::nullopt, {}}};
      case FoldItem::Esito: return Form{Term{1, *foldObjective_, {}}};
      case FoldItem::Peso: {
        if (o.premioOnly) return Form{Term{0, std::nullopt, {}}};
        const ast::Weight* w = staticWeight(o, profile_);
        if (!w) return std::nullopt;
        return Form{Term{w->value, std::nullopt, {}}};
      }
    }
    return std::nullopt;
  }

  // An expression without esito: a constant number, or an opaque factor
  // (nullopt if it depends on the score: fascia, totale, components).
  std::optional<Form> opaque(const ast::Expr& e) {
    if (dependsOnScore(e)) return std::nullopt;
    if (const auto* n = std::get_if<ast::NumberLit>(&e.node))
      return Form{Term{n->unit == ast::Unit::Percento ? n->value / 100 : n->value, std::nullopt, {}}};
    return Form{Term{1, std::nullopt, {ast::print(e)}}};
  }

  std::optional<Form> binary(const ast::Binary& b) {
    std::optional<Form> l = form(*b.lhs), r = form(*b.rhs);
    if (!l || !r) return std::nullopt;
    switch (b.op) {
      case ast::BinaryOp::Add: return concat(*l, *r, 1);
      case ast::BinaryOp::Sub: return concat(*l, *r, -1);
      case ast::BinaryOp::Mul: return product(*l, *r);
      case ast::BinaryOp::Div: return quotient(*l, *r, *b.rhs);
      default: return std::nullopt;
    }
  }

  static Form concat(Form l, const Form& r, long sign) {
    for (Term t : r) {
      t.coef *= Rational(sign);
      l.push_back(std::move(t));
    }
    return l;
  }

  static std::optional<Form> product(const Form& l, const Form& r) {
    Form out;
    for (const Term& a : l)
      for (const Term& b : r) {
        if (a.esito && b.esito) return std::nullopt;  // esito × esito: not proportional
        Term t{a.coef * b.coef, a.esito ? a.esito : b.esito, a.factors};
        t.factors.insert(b.factors.begin(), b.factors.end());
        out.push_back(std::move(t));
      }
    return out;
  }

  std::optional<Form> quotient(const Form& l, const Form& r, const ast::Expr& rhs) {
    if (mentionsEsito(rhs)) return std::nullopt;
    Term divisor{1, std::nullopt, {"÷" + ast::print(rhs)}};
    if (r.size() == 1 && r[0].factors.empty()) {
      if (r[0].coef == 0) return std::nullopt;
      divisor = Term{1 / r[0].coef, std::nullopt, {}};
    }
    return product(l, Form{divisor});
  }

  bool mentionsEsito(const ast::Expr& e) const { return any(e, [&](const ast::Expr& x) {
      const Resolution& r = c_.resolved.at(x.id);
      return std::holds_alternative<ResEsito>(r) || std::holds_alternative<ResFold>(r) ||
             std::holds_alternative<ResFoldItem>(r);
    });
  }

  bool dependsOnScore(const ast::Expr& e) const {
    return any(e, [&](const ast::Expr& x) {
      const Resolution& r = c_.resolved.at(x.id);
      return std::holds_alternative<ResBand>(r) || std::holds_alternative<ResTotal>(r) ||
             std::holds_alternative<ResComponent>(r) || std::holds_alternative<ResEsito>(r) ||
             std::holds_alternative<ResFold>(r) || std::holds_alternative<ResFoldItem>(r);
    });
  }

  static bool any(const ast::Expr& e, const std::function<bool(const ast::Expr&)>& pred) {
    if (pred(e)) return true;
    return std::visit(
        [&](const auto& n) -> bool {
          using N = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<N, ast::Call>) {
            for (const ast::ExprPtr& a : n.args)
              if (any(*a, pred)) return true;
            return n.where && any(*n.where, pred);
          } else if constexpr (std::is_same_v<N, ast::Unary>) {
            return any(*n.operand, pred);
          } else if constexpr (std::is_same_v<N, ast::Binary>) {
            return any(*n.lhs, pred) || any(*n.rhs, pred);
          } else if constexpr (std::is_same_v<N, ast::If>) {
            return any(*n.cond, pred) || any(*n.then, pred) || any(*n.otherwise, pred);
          } else if constexpr (std::is_same_v<N, ast::ObjectiveFold>) {
            return any(*n.body, pred);
          } else {
            return false;
          }
        },
        e.node);
  }

  const Checked& c_;
  uint32_t profile_ = 0;
  std::optional<uint32_t> foldObjective_;  // inside a fold: the objective being summed
};

}  // namespace

std::optional<std::map<uint32_t, Rational>> premioShares(const Checked& c, uint32_t profile) {
  const ast::Profile& p = *c.profiles.at(profile).decl;
  if (!p.premio) return std::nullopt;
  std::optional<Form> f = Analyzer(c, profile).form(*p.premio);
  if (!f || f->empty()) return std::nullopt;
  Rational total;
  bool byObjective = false;
  for (const Term& t : *f) {
    if (t.factors != f->front().factors) return std::nullopt;  // different bases: no common measure
    total += t.coef;
    byObjective |= t.esito.has_value();
  }
  if (!byObjective || total <= 0) return std::nullopt;
  std::map<uint32_t, Rational> out;
  for (const Term& t : *f)
    if (t.esito) out[*t.esito] += t.coef / total;
  return out;
}

}  // namespace misura::sema

namespace misura::sema {

namespace {

// The factors of a product `a * b * c` (through parentheses).
void factors(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
  if (const auto* b = std::get_if<ast::Binary>(&e.node); b && b->op == ast::BinaryOp::Mul) {
    factors(*b->lhs, out);
    factors(*b->rhs, out);
    return;
  }
  out.push_back(&e);
}

// A constant percentage or number literal, as a fraction.
std::optional<Rational> constant(const ast::Expr& e) {
  const auto* n = std::get_if<ast::NumberLit>(&e.node);
  if (!n || (n->unit != ast::Unit::Percento && n->unit != ast::Unit::Nessuna)) return std::nullopt;
  return n->unit == ast::Unit::Percento ? n->value / 100 : n->value;
}

// The single objective whose esito the condition reads, if exactly one and
// nothing else but constants.
std::optional<uint32_t> gateObjective(const Checked& c, const ast::Expr& cond) {
  if (const auto* b = std::get_if<ast::Binary>(&cond.node)) {
    std::optional<uint32_t> l = gateObjective(c, *b->lhs), r = gateObjective(c, *b->rhs);
    if (l && r) return l == r ? l : std::nullopt;
    if (l) return constant(*b->rhs) ? l : std::nullopt;
    if (r) return constant(*b->lhs) ? r : std::nullopt;
    return std::nullopt;
  }
  if (const auto* e = std::get_if<ResEsito>(&c.resolved.at(cond.id))) return e->objective;
  return std::nullopt;
}

}  // namespace

std::map<uint32_t, Rational> premioGates(const Checked& c, uint32_t profile) {
  std::map<uint32_t, Rational> out;
  const ast::Profile& p = *c.profiles.at(profile).decl;
  if (!p.premio) return out;
  std::vector<const ast::Expr*> list;
  factors(*p.premio, list);
  for (const ast::Expr* f : list) {
    const auto* gate = std::get_if<ast::If>(&f->node);
    if (!gate) continue;
    std::optional<uint32_t> o = gateObjective(c, *gate->cond);
    std::optional<Rational> kept = constant(*gate->then), lost = constant(*gate->otherwise);
    if (!o || !kept || !lost || *kept <= 0 || *lost < 0 || *lost >= *kept) continue;
    out[*o] = 1 - (1 - out[*o]) * (*lost / *kept);  // several gates on one objective compound
  }
  return out;
}

}  // namespace misura::sema
