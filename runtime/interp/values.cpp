#include "runtime/interp/values.h"

#include <fmt/format.h>

namespace misura::interp {

namespace {

const ir::Value kMissing = ir::Missing{};

// The calendar range dates may take: years 1 to 9999.
bool inCalendarRange(int64_t days) {
  static const int64_t first = Date::fromYmd(1, 1, 1)->days();
  static const int64_t last = Date::fromYmd(9999, 12, 31)->days();
  return days >= first && days <= last;
}

const char* kindName(const ir::Value& v) {
  switch (v.index()) {
    case 0: return "non rilevato";
    case 1: return "numero";
    case 2: return "data";
    case 3: return "booleano";
    default: return "testo";
  }
}

Failure wrongKinds(const char* what, const ir::Value& x, const ir::Value& y) {
  return internalFailure(fmt::format("{} tra {} e {}", what, kindName(x), kindName(y)));
}

template <typename T>
std::strong_ordering order(const T& a, const T& b) {
  if (a < b) return std::strong_ordering::less;
  if (b < a) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

bool holds(Compare op, std::strong_ordering c) {
  switch (op) {
    case Compare::Lt: return c < 0;
    case Compare::Le: return c <= 0;
    case Compare::Gt: return c > 0;
    case Compare::Ge: return c >= 0;
    case Compare::Eq: return c == 0;
    case Compare::Ne: return c != 0;
  }
  return false;
}

}  // namespace

Failure internalFailure(const std::string& what) {
  return Failure{"E0600", "errore interno nel piano di valutazione: " + what,
                 "non è un errore del regolamento né dei dati: segnala il problema a chi mantiene Misura, "
                 "allegando il regolamento"};
}

bool isMissing(const ir::Value& v) { return std::holds_alternative<ir::Missing>(v); }

Computed arithmetic(Arith op, const ir::Value& x, const ir::Value& y) {
  if (isMissing(x) || isMissing(y)) return kMissing;
  const Rational* a = std::get_if<Rational>(&x);
  const Rational* b = std::get_if<Rational>(&y);
  if (op == Arith::Add && !a && !b) {  // testo + testo
    const std::string* s = std::get_if<std::string>(&x);
    const std::string* t = std::get_if<std::string>(&y);
    if (s && t) return ir::Value(*s + *t);
  }
  if (!a || !b) return wrongKinds("operazione aritmetica", x, y);
  switch (op) {
    case Arith::Add: return ir::Value(*a + *b);
    case Arith::Sub: return ir::Value(*a - *b);
    case Arith::Mul: return ir::Value(*a * *b);
    case Arith::Div:
      if (b->isZero())
        return Failure{"E0601", fmt::format("divisione per zero: {} diviso 0", formatExact(*a)),
                       "il divisore vale zero con questi dati: se può succedere, trattalo nel regolamento con "
                       "`se ... allora ... altrimenti`"};
      return ir::Value(*a / *b);
  }
  return internalFailure("operazione aritmetica sconosciuta");
}

Computed compare(Compare op, const ir::Value& x, const ir::Value& y) {
  if (isMissing(x) || isMissing(y)) return kMissing;
  if (x.index() != y.index()) return wrongKinds("confronto", x, y);
  if (const Rational* a = std::get_if<Rational>(&x)) return ir::Value(holds(op, *a <=> std::get<Rational>(y)));
  if (const Date* a = std::get_if<Date>(&x)) return ir::Value(holds(op, *a <=> std::get<Date>(y)));
  if (const std::string* a = std::get_if<std::string>(&x)) return ir::Value(holds(op, *a <=> std::get<std::string>(y)));
  if (op != Compare::Eq && op != Compare::Ne) return wrongKinds("confronto d'ordine", x, y);
  return ir::Value(holds(op, order(std::get<bool>(x), std::get<bool>(y))));
}

Computed shiftDate(const ir::Value& d, const ir::Value& n, bool subtract) {
  if (isMissing(d) || isMissing(n)) return kMissing;
  const Date* date = std::get_if<Date>(&d);
  const Rational* days = std::get_if<Rational>(&n);
  if (!date || !days) return wrongKinds("somma di giorni", d, n);
  std::optional<long> whole = days->toLong();
  if (!whole)
    return Failure{"E0607", fmt::format("non si possono sommare {} giorni a una data: i giorni devono essere interi",
                                        formatExact(*days)),
                   "arrotonda il numero di giorni con arrotonda(x, 0) prima di sommarlo alla data"};
  int64_t target = static_cast<int64_t>(date->days()) + (subtract ? -*whole : *whole);
  if (!inCalendarRange(target))
    return Failure{"E0607", fmt::format("la data {} spostata di {} giorni esce dal calendario", formatItalian(*date),
                                        subtract ? -*whole : *whole),
                   "controlla il numero di giorni: è troppo grande"};
  return ir::Value(Date::fromDays(static_cast<int32_t>(target)));
}

Computed diffDates(const ir::Value& d1, const ir::Value& d2) {
  if (isMissing(d1) || isMissing(d2)) return kMissing;
  const Date* a = std::get_if<Date>(&d1);
  const Date* b = std::get_if<Date>(&d2);
  if (!a || !b) return wrongKinds("differenza di date", d1, d2);
  return ir::Value(Rational(static_cast<long>(daysBetween(*b, *a))));
}

Computed negate(const ir::Value& x) {
  if (isMissing(x)) return kMissing;
  if (const Rational* a = std::get_if<Rational>(&x)) return ir::Value(-*a);
  return internalFailure(fmt::format("cambio di segno di un valore {}", kindName(x)));
}

Computed logicalNot(const ir::Value& x) {
  if (isMissing(x)) return kMissing;
  if (const bool* b = std::get_if<bool>(&x)) return ir::Value(!*b);
  return internalFailure(fmt::format("«non» applicato a un valore {}", kindName(x)));
}

}  // namespace misura::interp
