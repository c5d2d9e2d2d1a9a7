#include "compiler/support/rational.h"

#include <algorithm>
#include <cassert>
#include <iterator>
#include <ostream>
#include <utility>

namespace misura {

// ---- Rational -------------------------------------------------------------

Rational::Rational() = default;

Rational::Rational(long value) : value_(mpz_class(value)) {}

Rational::Rational(long num, long den) {
  assert(den != 0 && "Rational: zero denominator");
  // Build from mpz_class so that LONG_MIN and negative denominators are
  // handled by GMP instead of by overflow-prone sign juggling here.
  value_ = mpq_class(mpz_class(num), mpz_class(den));
  value_.canonicalize();
}

Rational Rational::fromMpq(mpq_class value) {
  value.canonicalize();
  return Rational(std::move(value), Canonical{});
}

// GMP's mpq operations return canonical results for canonical operands, so
// the arithmetic below can skip the (costly) canonicalize step.
Rational operator+(const Rational& a, const Rational& b) {
  return Rational(mpq_class(a.value_ + b.value_), Rational::Canonical{});
}

Rational operator-(const Rational& a, const Rational& b) {
  return Rational(mpq_class(a.value_ - b.value_), Rational::Canonical{});
}

Rational operator*(const Rational& a, const Rational& b) {
  return Rational(mpq_class(a.value_ * b.value_), Rational::Canonical{});
}

Rational operator/(const Rational& a, const Rational& b) {
  assert(!b.isZero() && "Rational: division by zero");
  return Rational(mpq_class(a.value_ / b.value_), Rational::Canonical{});
}

Rational Rational::operator-() const { return Rational(mpq_class(-value_), Canonical{}); }

Rational& Rational::operator+=(const Rational& rhs) {
  value_ += rhs.value_;
  return *this;
}

Rational& Rational::operator-=(const Rational& rhs) {
  value_ -= rhs.value_;
  return *this;
}

Rational& Rational::operator*=(const Rational& rhs) {
  value_ *= rhs.value_;
  return *this;
}

Rational& Rational::operator/=(const Rational& rhs) {
  assert(!rhs.isZero() && "Rational: division by zero");
  value_ /= rhs.value_;
  return *this;
}

bool operator==(const Rational& a, const Rational& b) { return a.value_ == b.value_; }

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const int c = cmp(a.value_, b.value_);
  if (c < 0) return std::strong_ordering::less;
  if (c > 0) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

int Rational::sign() const { return sgn(value_); }

bool Rational::isZero() const { return sign() == 0; }

// Canonical form makes this a plain denominator test.
bool Rational::isInteger() const { return value_.get_den() == 1; }

Rational Rational::abs() const { return sign() < 0 ? -*this : *this; }

Rational Rational::floor() const {
  mpz_class result;
  mpz_fdiv_q(result.get_mpz_t(), value_.get_num_mpz_t(), value_.get_den_mpz_t());
  return Rational(mpq_class(result), Canonical{});
}

Rational Rational::ceil() const {
  mpz_class result;
  mpz_cdiv_q(result.get_mpz_t(), value_.get_num_mpz_t(), value_.get_den_mpz_t());
  return Rational(mpq_class(result), Canonical{});
}

std::string Rational::toFraction() const { return value_.get_str(); }

double Rational::toDouble() const { return value_.get_d(); }

std::optional<long> Rational::toLong() const {
  if (!isInteger() || !value_.get_num().fits_slong_p()) return std::nullopt;
  return value_.get_num().get_si();
}

std::ostream& operator<<(std::ostream& out, const Rational& q) { return out << q.toFraction(); }

Rational minOf(const Rational& a, const Rational& b) { return b < a ? b : a; }

Rational maxOf(const Rational& a, const Rational& b) { return a < b ? b : a; }

// ---- Rounding -------------------------------------------------------------

namespace {

mpz_class pow10(int exponent) {
  assert(exponent >= 0);
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 10, static_cast<unsigned long>(exponent));
  return result;
}

// Digits after the decimal point needed to write q exactly, or nullopt when
// its decimal expansion never ends. A canonical fraction terminates exactly
// when its denominator is 2^a * 5^b, and then needs max(a, b) digits.
std::optional<unsigned long> exactDecimals(const Rational& q) {
  mpz_class rest = q.mpq().get_den();
  const mpz_class two = 2;
  const mpz_class five = 5;
  const unsigned long twos = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), two.get_mpz_t());
  const unsigned long fives = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t());
  if (rest != 1) return std::nullopt;
  return std::max(twos, fives);
}

// Whether a magnitude whole + rest/den (0 <= rest < den) must move to the
// next integer away from zero. Working on magnitudes keeps every mode
// symmetric around zero, which is what the Italian rules expect.
bool roundsAway(RoundingMode mode, const mpz_class& whole, const mpz_class& rest,
                const mpz_class& den) {
  if (rest == 0) return false;  // already exact: no mode moves it
  const int versusHalf = cmp(mpz_class(2 * rest), den);
  switch (mode) {
    case RoundingMode::HalfUp:
      return versusHalf >= 0;
    case RoundingMode::HalfEven:
      return versusHalf > 0 || (versusHalf == 0 && mpz_odd_p(whole.get_mpz_t()));
    case RoundingMode::Down:
      return false;
    case RoundingMode::Up:
      return true;
  }
  return false;  // unreachable: every mode is handled above
}

}  // namespace

Rational roundTo(const Rational& q, int decimals, RoundingMode mode) {
  assert(decimals >= 0);
  const mpz_class scale = pow10(decimals);
  const mpq_class scaled = q.mpq() * scale;
  const mpz_class magnitude = ::abs(scaled.get_num());
  mpz_class whole;
  mpz_class rest;
  mpz_tdiv_qr(whole.get_mpz_t(), rest.get_mpz_t(), magnitude.get_mpz_t(),
              scaled.get_den_mpz_t());
  if (roundsAway(mode, whole, rest, scaled.get_den())) ++whole;
  if (sgn(scaled) < 0) whole = -whole;
  return Rational::fromMpq(mpq_class(whole, scale));
}

bool isExactAt(const Rational& q, int decimals) {
  assert(decimals >= 0);
  const auto needed = exactDecimals(q);
  return needed && *needed <= static_cast<unsigned long>(decimals);
}

// ---- Parsing ----------------------------------------------------------------

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isAllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimBlanks(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

// The integer part with '.' separators: "1", "12.345", "1.234.567".
// The first group may be short, all later groups have exactly three digits.
bool isWellGrouped(std::string_view integerPart) {
  const std::size_t firstDot = integerPart.find('.');
  if (firstDot == std::string_view::npos) return isAllDigits(integerPart);  // no separators
  const std::string_view first = integerPart.substr(0, firstDot);
  if (!isAllDigits(first) || first.size() > 3) return false;
  std::string_view rest = integerPart.substr(firstDot);  // starts at a '.'
  while (!rest.empty()) {
    if (rest.size() < 4 || rest[0] != '.' || !isAllDigits(rest.substr(1, 3))) return false;
    rest.remove_prefix(4);
  }
  return true;
}

// Why a dotted integer part is not a valid grouping. A single dot and no
// comma reads like an English decimal ("1.5", "3.14"), the most common slip.
NumberParseError classifyBadDots(std::string_view integerPart, bool hasComma) {
  const bool singleDot = std::count(integerPart.begin(), integerPart.end(), '.') == 1;
  return (singleDot && !hasComma) ? NumberParseError::DotAsDecimal
                                  : NumberParseError::BadGrouping;
}

// Exact value of unsigned digits "intDigits,fracDigits" (dots already removed).
Rational decimalValue(const std::string& intDigits, std::string_view fracDigits) {
  const mpz_class numerator(intDigits + std::string(fracDigits), 10);
  return Rational::fromMpq(mpq_class(numerator, pow10(static_cast<int>(fracDigits.size()))));
}

std::string withoutDots(std::string_view s) {
  std::string out;
  std::copy_if(s.begin(), s.end(), std::back_inserter(out), [](char c) { return c != '.'; });
  return out;
}

// Validates the unsigned body (no sign, no blanks) and computes its value.
std::variant<Rational, NumberParseError> parseUnsigned(std::string_view body) {
  const auto allowed = [](char c) { return isDigit(c) || c == '.' || c == ','; };
  if (body.empty() || !std::all_of(body.begin(), body.end(), allowed))
    return NumberParseError::NotANumber;

  const std::size_t comma = body.find(',');
  const bool hasComma = comma != std::string_view::npos;
  const std::string_view integerPart = body.substr(0, comma);
  const std::string_view fraction = hasComma ? body.substr(comma + 1) : std::string_view{};

  if (hasComma && fraction.find(',') != std::string_view::npos) return NumberParseError::NotANumber;
  if (hasComma && fraction.find('.') != std::string_view::npos) return NumberParseError::BadGrouping;
  if (hasComma && fraction.empty()) return NumberParseError::NotANumber;  // "5,"
  // ",5", "5.", ".5": a number starts and ends its integer part with a digit.
  if (integerPart.empty() || !isDigit(integerPart.front()) || !isDigit(integerPart.back()))
    return NumberParseError::NotANumber;
  if (!isWellGrouped(integerPart)) return classifyBadDots(integerPart, hasComma);

  return decimalValue(withoutDots(integerPart), fraction);
}

}  // namespace

std::variant<Rational, NumberParseError> parseItalianNumber(std::string_view text) {
  std::string_view body = trimBlanks(text);
  if (body.empty()) return NumberParseError::Empty;

  const bool negative = body.front() == '-';
  if (body.front() == '-' || body.front() == '+') body.remove_prefix(1);

  auto result = parseUnsigned(body);
  if (negative) {
    if (auto* value = std::get_if<Rational>(&result)) *value = -*value;
  }
  return result;
}

std::string describe(NumberParseError error, std::string_view text) {
  const std::string shown(trimBlanks(text));
  switch (error) {
    case NumberParseError::Empty:
      return "manca il numero: il valore è vuoto";
    case NumberParseError::NotANumber:
      return "«" + shown + "» non è un numero (esempi validi: 12, -3, 0,5, 1.234,56)";
    case NumberParseError::DotAsDecimal: {
      std::string suggestion = shown;
      std::replace(suggestion.begin(), suggestion.end(), '.', ',');
      return "il separatore decimale è la virgola: scrivi " + suggestion + " invece di " + shown;
    }
    case NumberParseError::BadGrouping:
      return "in «" + shown +
             "» il punto separa le migliaia e va messo ogni tre cifre (es. 1.234.567,89)";
  }
  return "numero non valido";  // unreachable: every error is handled above
}

// ---- Formatting ---------------------------------------------------------------

namespace {

// "1234567" -> "1.234.567".
std::string groupThousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string formatItalian(const Rational& q, int decimals, bool thousands) {
  assert(decimals >= 0);
  const std::size_t fracSize = static_cast<std::size_t>(decimals);
  // After rounding, q * 10^decimals is an integer: format its digits and
  // place the comma. The sign comes from the rounded value, so a negative
  // number that rounds to zero prints as "0,00", never "-0,00".
  const mpq_class scaled = roundTo(q, decimals, RoundingMode::HalfUp).mpq() * pow10(decimals);
  const mpz_class& units = scaled.get_num();
  std::string digits = mpz_class(::abs(units)).get_str();
  if (digits.size() <= fracSize) digits.insert(0, fracSize + 1 - digits.size(), '0');

  const std::string integerDigits = digits.substr(0, digits.size() - fracSize);
  std::string out = sgn(units) < 0 ? "-" : "";
  out += thousands ? groupThousands(integerDigits) : integerDigits;
  if (fracSize > 0) out += "," + digits.substr(digits.size() - fracSize);
  return out;
}

std::string formatExact(const Rational& q, int maxDecimals, bool thousands) {
  assert(maxDecimals >= 0);
  const auto needed = exactDecimals(q);
  if (needed && *needed <= static_cast<unsigned long>(maxDecimals))
    return formatItalian(q, static_cast<int>(*needed), thousands);
  return formatItalian(q, maxDecimals, thousands) + "…";
}

}  // namespace misura
