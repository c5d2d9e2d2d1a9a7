#include "compiler/support/rational.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <iterator>
#include <numeric>
#include <ostream>
#include <utility>

namespace misura {

// ---- Rational -------------------------------------------------------------

using i128 = __int128;
using u128 = unsigned __int128;

// The helpers that build and read both forms of a Rational. Every result
// goes through fromParts or fromBig, which restore the canonical form.
struct RationalAccess {
  static constexpr i128 kMin = INT64_MIN;
  static constexpr i128 kMax = INT64_MAX;

  static bool fits(i128 v) { return v >= kMin && v <= kMax; }

  static u128 magnitude(i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); }

  static u128 gcd(u128 a, u128 b) {
    // Both below 2^64 is the common case: the 64-bit hardware division.
    while (b != 0) {
      if ((a >> 64) == 0 && (b >> 64) == 0) return std::gcd(uint64_t(a), uint64_t(b));
      const u128 r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  static mpz_class toMpz(i128 v) {
    const u128 m = magnitude(v);
    mpz_class hi(static_cast<unsigned long>(m >> 64));
    mpz_class z = (hi << 64) + mpz_class(static_cast<unsigned long>(m));
    return v < 0 ? mpz_class(-z) : z;
  }

  static Rational inlineValue(int64_t num, int64_t den) {
    Rational r;
    r.num_ = num;
    r.den_ = den;
    return r;
  }

  // n/d with d > 0, in any terms.
  static Rational fromParts(i128 n, i128 d) {
    assert(d > 0);
    // Both parts in 64 bits is the common case: no 128-bit division.
    if (fits(n) && d <= kMax) return fromParts64(int64_t(n), int64_t(d));
    const u128 g = gcd(magnitude(n), u128(d));
    if (g > 1) {
      n /= i128(g);
      d /= i128(g);
    }
    return fromReduced(n, d);
  }

  // n/d with 0 < d, both in 64 bits, in any terms.
  static Rational fromParts64(int64_t n, int64_t d) {
    const uint64_t g = std::gcd(magnitude64(n), uint64_t(d));
    if (g > 1) {  // g <= d <= INT64_MAX, so the divisions cannot overflow
      n /= int64_t(g);
      d /= int64_t(g);
    }
    return inlineValue(n, d);
  }

  static uint64_t magnitude64(int64_t v) { return v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v); }

  // n/d with d > 0, already in lowest terms.
  static Rational fromReduced(i128 n, i128 d) {
    if (fits(n) && d <= kMax) return inlineValue(int64_t(n), int64_t(d));
    Rational r;
    r.big_ = std::make_unique<mpq_class>(toMpz(n), toMpz(d));
    return r;
  }

  // A canonical mpq value: inline when it fits.
  static Rational fromBig(mpq_class&& q) {
    const mpz_class& n = q.get_num();
    const mpz_class& d = q.get_den();
    if (n.fits_slong_p() && d.fits_slong_p()) return inlineValue(n.get_si(), d.get_si());
    Rational r;
    r.big_ = std::make_unique<mpq_class>(std::move(q));
    return r;
  }

  static mpq_class toMpq(const Rational& r) {
    if (r.big_) return *r.big_;
    return mpq_class(mpz_class(static_cast<long>(r.num_)), mpz_class(static_cast<long>(r.den_)));
  }

  static bool bothInline(const Rational& a, const Rational& b) { return !a.big_ && !b.big_; }

  static Rational add(const Rational& a, const Rational& b) {
    if (bothInline(a, b)) {
      if (a.den_ == b.den_) {
        const i128 n = i128(a.num_) + b.num_;
        return a.den_ == 1 ? fromReduced(n, 1) : fromParts(n, a.den_);
      }
      return fromParts(i128(a.num_) * b.den_ + i128(b.num_) * a.den_, i128(a.den_) * b.den_);
    }
    return fromBig(mpq_class(toMpq(a) + toMpq(b)));
  }

  static Rational negate(const Rational& a) {
    if (!a.big_) return fromReduced(-i128(a.num_), a.den_);
    return fromBig(mpq_class(-*a.big_));
  }

  // Cross-reduction keeps the product in lowest terms without a gcd of the
  // (larger) product: (a/b)(c/d) = (a/g1)(c/g2) / ((b/g2)(d/g1)).
  static Rational multiply(const Rational& a, const Rational& b) {
    if (bothInline(a, b)) {
      if (a.num_ == 0 || b.num_ == 0) return Rational();
      if (a.den_ == 1 && b.den_ == 1) return fromReduced(i128(a.num_) * b.num_, 1);
      // Each gcd divides a denominator (<= INT64_MAX), so 64-bit divisions suffice.
      const int64_t g1 = int64_t(std::gcd(magnitude64(a.num_), uint64_t(b.den_)));
      const int64_t g2 = int64_t(std::gcd(magnitude64(b.num_), uint64_t(a.den_)));
      const i128 n = i128(g1 == 1 ? a.num_ : a.num_ / g1) * (g2 == 1 ? b.num_ : b.num_ / g2);
      const i128 d = i128(g2 == 1 ? a.den_ : a.den_ / g2) * (g1 == 1 ? b.den_ : b.den_ / g1);
      return fromReduced(n, d);
    }
    return fromBig(mpq_class(toMpq(a) * toMpq(b)));
  }

  static Rational divide(const Rational& a, const Rational& b) {
    assert(b.sign() != 0 && "Rational: division by zero");
    if (bothInline(a, b)) {
      i128 n = i128(a.num_) * b.den_;
      i128 d = i128(a.den_) * b.num_;
      if (d < 0) {
        n = -n;
        d = -d;
      }
      return fromParts(n, d);
    }
    return fromBig(mpq_class(toMpq(a) / toMpq(b)));
  }

  // The inline parts, or nullopt for a value held by GMP.
  static std::optional<std::pair<int64_t, int64_t>> parts(const Rational& r) {
    if (r.big_) return std::nullopt;
    return std::make_pair(r.num_, r.den_);
  }

  static int compare(const Rational& a, const Rational& b) {
    if (bothInline(a, b)) {
      if (a.den_ == b.den_) return a.num_ < b.num_ ? -1 : (a.num_ > b.num_ ? 1 : 0);
      const i128 l = i128(a.num_) * b.den_;
      const i128 r = i128(b.num_) * a.den_;
      return l < r ? -1 : (l > r ? 1 : 0);
    }
    return cmp(toMpq(a), toMpq(b));
  }
};

Rational::Rational(long num, long den) {
  assert(den != 0 && "Rational: zero denominator");
  *this = den < 0 ? RationalAccess::fromParts(-i128(num), -i128(den))
                  : RationalAccess::fromParts(num, den);
}

Rational::Rational(const Rational& other) : num_(other.num_), den_(other.den_) {
  if (other.big_) big_ = std::make_unique<mpq_class>(*other.big_);
}

Rational& Rational::operator=(const Rational& other) {
  if (this != &other) {
    num_ = other.num_;
    den_ = other.den_;
    big_ = other.big_ ? std::make_unique<mpq_class>(*other.big_) : nullptr;
  }
  return *this;
}

Rational Rational::fromMpq(mpq_class value) {
  value.canonicalize();
  return RationalAccess::fromBig(std::move(value));
}

mpq_class Rational::mpq() const { return RationalAccess::toMpq(*this); }

Rational operator+(const Rational& a, const Rational& b) { return RationalAccess::add(a, b); }

Rational operator-(const Rational& a, const Rational& b) {
  return RationalAccess::add(a, RationalAccess::negate(b));
}

Rational operator*(const Rational& a, const Rational& b) { return RationalAccess::multiply(a, b); }

Rational operator/(const Rational& a, const Rational& b) { return RationalAccess::divide(a, b); }

Rational Rational::operator-() const { return RationalAccess::negate(*this); }

Rational& Rational::operator+=(const Rational& rhs) { return *this = *this + rhs; }

Rational& Rational::operator-=(const Rational& rhs) { return *this = *this - rhs; }

Rational& Rational::operator*=(const Rational& rhs) { return *this = *this * rhs; }

Rational& Rational::operator/=(const Rational& rhs) { return *this = *this / rhs; }

// The canonical form makes equal values equal representations.
bool operator==(const Rational& a, const Rational& b) {
  if (!a.big_ && !b.big_) return a.num_ == b.num_ && a.den_ == b.den_;
  if (a.big_ && b.big_) return *a.big_ == *b.big_;
  return false;
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const int c = RationalAccess::compare(a, b);
  if (c < 0) return std::strong_ordering::less;
  if (c > 0) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

int Rational::sign() const {
  if (big_) return sgn(*big_);
  return (num_ > 0) - (num_ < 0);
}

bool Rational::isZero() const { return sign() == 0; }

// Canonical form makes this a plain denominator test.
bool Rational::isInteger() const { return big_ ? big_->get_den() == 1 : den_ == 1; }

Rational Rational::abs() const { return sign() < 0 ? -*this : *this; }

Rational Rational::floor() const {
  if (!big_) {
    int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0) --q;
    return Rational(q);
  }
  mpz_class result;
  mpz_fdiv_q(result.get_mpz_t(), big_->get_num_mpz_t(), big_->get_den_mpz_t());
  return fromMpq(mpq_class(result));
}

Rational Rational::ceil() const {
  if (!big_) {
    int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ > 0) ++q;
    return Rational(q);
  }
  mpz_class result;
  mpz_cdiv_q(result.get_mpz_t(), big_->get_num_mpz_t(), big_->get_den_mpz_t());
  return fromMpq(mpq_class(result));
}

std::string Rational::toFraction() const {
  if (big_) return big_->get_str();
  return den_ == 1 ? std::to_string(num_) : std::to_string(num_) + "/" + std::to_string(den_);
}

double Rational::toDouble() const {
  return big_ ? big_->get_d() : static_cast<double>(num_) / static_cast<double>(den_);
}

std::optional<long> Rational::toLong() const {
  if (!isInteger()) return std::nullopt;
  if (!big_) return num_;
  if (!big_->get_num().fits_slong_p()) return std::nullopt;
  return big_->get_num().get_si();
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
  if (const auto p = RationalAccess::parts(q)) {
    uint64_t den = uint64_t(p->second);
    unsigned long twos = 0, fives = 0;
    while (den % 2 == 0) den /= 2, ++twos;
    while (den % 5 == 0) den /= 5, ++fives;
    if (den != 1) return std::nullopt;
    return std::max(twos, fives);
  }
  mpz_class rest = q.mpq().get_den();
  const mpz_class two = 2;
  const mpz_class five = 5;
  const unsigned long twos = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), two.get_mpz_t());
  const unsigned long fives = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t());
  if (rest != 1) return std::nullopt;
  return std::max(twos, fives);
}

// The rounding decision for a magnitude with a non-zero remainder, given how
// the remainder compares with one half (-1, 0, 1) and whether the whole part
// is odd: shared by the GMP and the inline paths.
bool roundsAwayFrom(RoundingMode mode, int versusHalf, bool wholeOdd) {
  switch (mode) {
    case RoundingMode::HalfUp:
      return versusHalf >= 0;
    case RoundingMode::HalfEven:
      return versusHalf > 0 || (versusHalf == 0 && wholeOdd);
    case RoundingMode::Down:
      return false;
    case RoundingMode::Up:
      return true;
  }
  return false;  // unreachable: every mode is handled above
}

// Whether a magnitude whole + rest/den (0 <= rest < den) must move to the
// next integer away from zero. Working on magnitudes keeps every mode
// symmetric around zero, which is what the Italian rules expect.
bool roundsAway(RoundingMode mode, const mpz_class& whole, const mpz_class& rest,
                const mpz_class& den) {
  if (rest == 0) return false;  // already exact: no mode moves it
  return roundsAwayFrom(mode, cmp(mpz_class(2 * rest), den), mpz_odd_p(whole.get_mpz_t()) != 0);
}

}  // namespace

namespace {

constexpr int kInlineDecimals = 18;  // 10^18 < 2^63: the inline fast paths below

uint64_t pow10u(int exponent) {
  uint64_t r = 1;
  for (int i = 0; i < exponent; ++i) r *= 10;
  return r;
}

// roundsAway on 128-bit magnitudes: the inline twin of the GMP version.
bool roundsAwayInline(RoundingMode mode, u128 whole, u128 rest, u128 den) {
  if (rest == 0) return false;
  const u128 twice = 2 * rest;
  return roundsAwayFrom(mode, twice < den ? -1 : (twice > den ? 1 : 0), (whole & 1) != 0);
}

}  // namespace

Rational roundTo(const Rational& q, int decimals, RoundingMode mode) {
  assert(decimals >= 0);
  if (const auto p = RationalAccess::parts(q); p && decimals <= kInlineDecimals) {
    const auto [num, den] = *p;
    const i128 scale = i128(pow10u(decimals));
    const u128 magnitude = RationalAccess::magnitude(i128(num) * scale);
    u128 whole = magnitude / u128(den);
    const u128 rest = magnitude % u128(den);
    if (roundsAwayInline(mode, whole, rest, u128(den))) ++whole;
    const i128 signedWhole = num < 0 ? -i128(whole) : i128(whole);
    return RationalAccess::fromParts(signedWhole, scale);
  }
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
  if (intDigits.size() + fracDigits.size() <= kInlineDecimals) {
    int64_t n = 0;
    for (char c : intDigits) n = n * 10 + (c - '0');
    for (char c : fracDigits) n = n * 10 + (c - '0');
    return Rational(n, static_cast<long>(pow10u(static_cast<int>(fracDigits.size()))));
  }
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

std::optional<Rational> parsePlainDecimal(std::string_view text, char decimal) {
  size_t i = 0;
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) i = 1;
  long num = 0, den = 1;
  int digits = 0, integerDigits = 0, fractionDigits = 0;
  bool separator = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (isDigit(c)) {
      if (++digits > 18) return std::nullopt;  // 10^18 < 2^63: no overflow below
      num = num * 10 + (c - '0');
      if (separator) {
        den *= 10;
        ++fractionDigits;
      } else {
        ++integerDigits;
      }
    } else if (c == decimal && !separator) {
      separator = true;
    } else {
      return std::nullopt;
    }
  }
  if (integerDigits == 0 || (separator && fractionDigits == 0)) return std::nullopt;  // ",5", "5,", "", "-"
  return Rational(negative ? -num : num, den);
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

// The decimal digits of v, written at the end of `buffer`.
std::string_view decimalDigits(u128 v, char (&buffer)[40]) {
  char* end = buffer + sizeof buffer;
  char* p = end;
  if (v <= UINT64_MAX) {  // the common case: 64-bit divisions, not a library call per digit
    uint64_t w = uint64_t(v);
    do {
      *--p = char('0' + int(w % 10));
      w /= 10;
    } while (w != 0);
    return std::string_view(p, std::size_t(end - p));
  }
  do {
    *--p = char('0' + int(v % 10));
    v /= 10;
  } while (v != 0);
  return std::string_view(p, std::size_t(end - p));
}

// The Italian text of a number given by its digits: `digits` (no sign,
// at least one) are the value times 10^fracSize; "-" when negative, "."
// between thousands when asked, "," before the decimals. One allocation.
std::string italianText(std::string_view digits, std::size_t fracSize, bool negative, bool thousands) {
  const std::size_t padded = std::max(digits.size(), fracSize + 1);  // at least "0," before the decimals
  const std::size_t whole = padded - fracSize;
  std::string out;
  out.reserve(1 + whole + whole / 3 + 1 + fracSize);
  if (negative) out += '-';
  const std::size_t missing = padded - digits.size();  // leading zeros of a value below 1
  for (std::size_t i = 0; i < padded; ++i) {
    if (i == whole) out += ',';
    else if (thousands && i > 0 && i < whole && (whole - i) % 3 == 0) out += '.';
    out += i < missing ? '0' : digits[i - missing];
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
  const Rational rounded = roundTo(q, decimals, RoundingMode::HalfUp);
  if (const auto p = RationalAccess::parts(rounded); p && decimals <= kInlineDecimals) {
    // The denominator divides 10^decimals: the units are an exact integer.
    const i128 units = i128(p->first) * i128(pow10u(decimals) / uint64_t(p->second));
    char buffer[40];
    return italianText(decimalDigits(RationalAccess::magnitude(units), buffer), fracSize, units < 0, thousands);
  }
  const mpq_class scaled = rounded.mpq() * pow10(decimals);
  const std::string digits = mpz_class(::abs(scaled.get_num())).get_str();
  return italianText(digits, fracSize, sgn(scaled) < 0, thousands);
}

std::string formatExact(const Rational& q, int maxDecimals, bool thousands) {
  assert(maxDecimals >= 0);
  const auto needed = exactDecimals(q);
  if (needed && *needed <= static_cast<unsigned long>(maxDecimals))
    return formatItalian(q, static_cast<int>(*needed), thousands);
  return formatItalian(q, maxDecimals, thousands) + "…";
}

}  // namespace misura
