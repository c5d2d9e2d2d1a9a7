// The builtin functions of builtins.def.
#include <iterator>

#include <fmt/format.h>

#include "runtime/interp/values.h"

namespace misura::interp {

namespace {

struct Arity {
  uint32_t min, max;  // max 0: no limit
};

constexpr Arity kArity[] = {
#define X(name, italian, minArgs, maxArgs, meaning) {minArgs, maxArgs},
#include "compiler/ir/builtins.def"
#undef X
};

constexpr int kMaxDecimals = 20;

bool anyMissing(const std::vector<ir::Value>& args) {
  for (const ir::Value& v : args)
    if (isMissing(v)) return true;
  return false;
}

// minimo / massimo over numbers or over dates.
Computed extreme(const std::vector<ir::Value>& args, bool smallest) {
  if (anyMissing(args)) return ir::Value(ir::Missing{});
  for (const ir::Value& v : args)
    if (!std::holds_alternative<Rational>(v) && !std::holds_alternative<Date>(v))
      return internalFailure("minimo/massimo di valori che non sono numeri né date");
  const ir::Value* best = &args.front();
  for (const ir::Value& v : args) {
    Computed better = compare(smallest ? Compare::Lt : Compare::Gt, v, *best);
    if (const Failure* f = std::get_if<Failure>(&better)) return *f;
    if (std::get<bool>(std::get<ir::Value>(better))) best = &v;
  }
  return *best;
}

// `arrotonda(x, n)` half up; `arrotonda(x, n, modo)` with the mode lowered
// as a third argument: 0 half up, 1 per difetto, 2 per eccesso, 3 al pari
// (the order of ast::RoundingMode).
Computed roundHalfUp(const ir::Value& x, const ir::Value& n, RoundingMode mode = RoundingMode::HalfUp) {
  if (isMissing(x) || isMissing(n)) return ir::Value(ir::Missing{});
  const Rational* value = std::get_if<Rational>(&x);
  const Rational* decimals = std::get_if<Rational>(&n);
  if (!value || !decimals) return internalFailure("arrotonda su valori che non sono numeri");
  std::optional<long> d = decimals->toLong();
  if (!d || *d < 0 || *d > kMaxDecimals)
    return Failure{"E0607",
                   fmt::format("arrotonda: {} non è un numero di decimali ammesso", formatExact(*decimals)),
                   fmt::format("i decimali sono un numero intero da 0 a {}, ad esempio arrotonda(x, 2)", kMaxDecimals)};
  return ir::Value(roundTo(*value, static_cast<int>(*d), mode));
}

// giorni_tra / mesi_iniziati_tra.
Computed wholeBetween(const ir::Value& from, const ir::Value& to, int monthsPerUnit) {
  if (isMissing(from) || isMissing(to)) return ir::Value(ir::Missing{});
  const Date* a = std::get_if<Date>(&from);
  const Date* b = std::get_if<Date>(&to);
  if (!a || !b) return internalFailure("mesi_interi_tra/anni_interi_tra su valori che non sono date");
  return ir::Value(Rational(wholeMonthsBetween(*a, *b) / monthsPerUnit));
}

// `t` in lower case: ASCII and the accented capitals of Italian (À È É Ì Ò Ù),
// so that "MULTA" and "Multa" are the same word to `contiene`.
std::string folded(const std::string& t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < t.size()) {  // U+00C0..U+00DE: capitals, +0x20 is the small letter
      unsigned char next = static_cast<unsigned char>(t[i + 1]);
      out += static_cast<char>(c);
      out += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// contiene(t, p) / inizia_con(t, p); non rilevato if either is.
Computed textMatch(const ir::Value& text, const ir::Value& part, bool prefix) {
  if (isMissing(text) || isMissing(part)) return ir::Value(ir::Missing{});
  const std::string* t = std::get_if<std::string>(&text);
  const std::string* p = std::get_if<std::string>(&part);
  if (!t || !p) return internalFailure("contiene/inizia_con su valori che non sono testi");
  std::string ft = folded(*t), fp = folded(*p);
  return ir::Value(prefix ? ft.compare(0, fp.size(), fp) == 0 : ft.find(fp) != std::string::npos);
}

Computed between(const ir::Value& from, const ir::Value& to, bool months) {
  if (isMissing(from) || isMissing(to)) return ir::Value(ir::Missing{});
  const Date* a = std::get_if<Date>(&from);
  const Date* b = std::get_if<Date>(&to);
  if (!a || !b) return internalFailure("giorni_tra/mesi_iniziati_tra su valori che non sono date");
  long n = months ? monthsStartedBetween(*a, *b) : daysBetween(*a, *b);
  return ir::Value(Rational(n));
}

// giorni_nel_periodo(d1, d2): a non rilevato end is the year's first or last day.
Computed daysInPeriod(const ir::Value& from, const ir::Value& to, int year) {
  const DateRange y = wholeYear(year);
  const Date* a = std::get_if<Date>(&from);
  const Date* b = std::get_if<Date>(&to);
  if ((!a && !isMissing(from)) || (!b && !isMissing(to)))
    return internalFailure("giorni_nel_periodo su valori che non sono date");
  return ir::Value(Rational(daysIn(intersect(DateRange{a ? *a : y.first, b ? *b : y.last}, y))));
}

Computed calendarBuiltin(ir::Builtin builtin, const std::vector<ir::Value>& args, const Calendar& cal) {
  if (cal.year == 0) return internalFailure(fmt::format("{} senza l'anno di valutazione", ir::builtinName(builtin)));
  if (builtin == ir::Builtin::GiorniAnno) return ir::Value(Rational(daysInYear(cal.year)));
  if (builtin == ir::Builtin::AnnoValutazione) return ir::Value(Rational(cal.year));
  if (builtin == ir::Builtin::GiorniNelPeriodo) return daysInPeriod(args[0], args[1], cal.year);
  if (!cal.service) return internalFailure("giorni_servizio dove non c'è una persona");
  return ir::Value(Rational(daysIn(intersect(*cal.service, wholeYear(cal.year)))));
}

}  // namespace

bool arityOk(ir::Builtin builtin, uint32_t argc) {
  if (builtin == ir::Builtin::Arrotonda && argc == 3) return true;  // the mode, added by the lowering
  const size_t index = static_cast<size_t>(builtin);
  if (index >= std::size(kArity)) return false;
  const Arity& a = kArity[index];
  return argc >= a.min && (a.max == 0 || argc <= a.max);
}

Computed callBuiltin(ir::Builtin builtin, const std::vector<ir::Value>& args, const Calendar& calendar) {
  if (!arityOk(builtin, static_cast<uint32_t>(args.size())))
    return internalFailure(fmt::format("{} chiamata con {} argomenti", ir::builtinName(builtin), args.size()));
  switch (builtin) {
    case ir::Builtin::Minimo: return extreme(args, true);
    case ir::Builtin::Massimo: return extreme(args, false);
    case ir::Builtin::Arrotonda: {
      if (args.size() < 3) return roundHalfUp(args[0], args[1]);
      const Rational* m = std::get_if<Rational>(&args[2]);
      std::optional<long> k = m ? m->toLong() : std::nullopt;
      static constexpr RoundingMode kModes[] = {RoundingMode::HalfUp, RoundingMode::Down, RoundingMode::Up,
                                                RoundingMode::HalfEven};
      if (!k || *k < 0 || *k > 3) return internalFailure("modo di arrotondamento sconosciuto");
      return roundHalfUp(args[0], args[1], kModes[*k]);
    }
    case ir::Builtin::GiorniTra: return between(args[0], args[1], false);
    case ir::Builtin::MesiIniziatiTra: return between(args[0], args[1], true);
    case ir::Builtin::Rilevato: return ir::Value(!isMissing(args[0]));
    case ir::Builtin::Contiene: return textMatch(args[0], args[1], false);
    case ir::Builtin::IniziaCon: return textMatch(args[0], args[1], true);
    case ir::Builtin::MesiInteriTra: return wholeBetween(args[0], args[1], 1);
    case ir::Builtin::AnniInteriTra: return wholeBetween(args[0], args[1], 12);
    case ir::Builtin::AnnoValutazione:
    case ir::Builtin::GiorniAnno:
    case ir::Builtin::GiorniServizio:
      if (!args.empty()) return internalFailure(fmt::format("{} con argomenti", ir::builtinName(builtin)));
      return calendarBuiltin(builtin, args, calendar);
    case ir::Builtin::GiorniNelPeriodo: return calendarBuiltin(builtin, args, calendar);
  }
  return internalFailure("funzione sconosciuta");
}

}  // namespace misura::interp
