// Exact rational arithmetic and the Italian textual forms of numbers.
//
// Scores and bonuses are legal amounts: every intermediate value must be
// exact, so the whole pipeline computes with Rational and only rounds where
// a rule says so (roundTo) or when text is shown to a person (formatItalian,
// formatExact).
#pragma once

#include <gmpxx.h>

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace misura {

// An exact rational number, always kept in canonical form (lowest terms,
// positive denominator), so equal values have equal representations.
//
// Representation: the common case (every score, percentage and amount of a
// real evaluation) is held inline as two 64-bit integers, with no allocation;
// arithmetic is done in 128 bits with overflow checks. A value whose
// numerator or denominator does not fit 64 bits is held by GMP (mpq_class)
// instead. The form is canonical too: a value that fits the inline form is
// never held by GMP, so equality can compare representations. Moves are
// noexcept and never allocate.
class Rational {
 public:
  Rational() noexcept = default;                    // 0
  Rational(long value) noexcept : num_(value) {}    // NOLINT: implicit on purpose, integers are rationals
  Rational(long num, long den);      // precondition: den != 0 (assert)

  Rational(const Rational& other);
  Rational(Rational&& other) noexcept = default;
  Rational& operator=(const Rational& other);
  Rational& operator=(Rational&& other) noexcept = default;
  ~Rational() = default;

  // Floating point values are never exact decimals: forbid the silent
  // double -> long conversion that Rational(0.5) would otherwise perform.
  template <std::floating_point F>
  Rational(F) = delete;

  // Any mpq_class value; it is canonicalized here.
  static Rational fromMpq(mpq_class value);
  // The value as GMP sees it (a copy: the inline form has no mpq_class).
  mpq_class mpq() const;
  // Whether the value is held inline (for tests of the representation).
  bool isInline() const { return !big_; }
  // The value num/den already in lowest terms with den > 0, as inlineParts()
  // gave them: no gcd (ir::Record decodes its cells with it).
  static Rational fromLowestTerms(int64_t num, int64_t den) noexcept {
    Rational q;
    q.num_ = num;
    q.den_ = den;
    return q;
  }
  // The numerator and denominator of a value held inline (lowest terms,
  // denominator > 0); nullopt for a value held by GMP. For the evaluator on
  // machine integers (runtime/fixed/), which needs no GMP value.
  std::optional<std::pair<int64_t, int64_t>> inlineParts() const {
    if (big_) return std::nullopt;
    return std::make_pair(num_, den_);
  }

  // Non-member (hidden friends) so that an integer works on either side:
  // both `x * 60` and `60 * x` compile.
  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // precondition: b != 0 (assert)
  Rational operator-() const;

  Rational& operator+=(const Rational& rhs);
  Rational& operator-=(const Rational& rhs);
  Rational& operator*=(const Rational& rhs);
  Rational& operator/=(const Rational& rhs);  // precondition: rhs != 0 (assert)

  friend bool operator==(const Rational& a, const Rational& b);
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

  int sign() const;  // -1, 0 or 1
  bool isZero() const;
  bool isInteger() const;
  Rational abs() const;
  Rational floor() const;  // greatest integer <= *this
  Rational ceil() const;   // least integer >= *this

  std::string toFraction() const;      // "7/3", "-1/2", "5"
  double toDouble() const;             // approximate: benchmarks and debug display only
  std::optional<long> toLong() const;  // the value if it is an integer that fits a long

 private:
  friend struct RationalAccess;  // rational.cpp's helpers

  // Inline form, when big_ is null: num_/den_ in lowest terms, den_ > 0.
  int64_t num_ = 0;
  int64_t den_ = 1;
  // GMP form: only for canonical values that do not fit the inline form.
  std::unique_ptr<mpq_class> big_;
};

// Prints toFraction(); lets test frameworks and debug logs show values.
std::ostream& operator<<(std::ostream& out, const Rational& q);

// Named minOf/maxOf rather than min/max so they never clash with std::min/max
// found through ADL or using-declarations.
Rational minOf(const Rational& a, const Rational& b);
Rational maxOf(const Rational& a, const Rational& b);

enum class RoundingMode {
  HalfUp,    // ties away from zero: 2,345 -> 2,35 ; -2,345 -> -2,35 ("arrotondamento commerciale")
  HalfEven,  // ties to the even neighbour (banker's rounding): 2,345 -> 2,34 ; 2,355 -> 2,36
  Down,      // toward zero, truncation ("per difetto")
  Up,        // away from zero ("per eccesso")
};

// q rounded to `decimals` decimal digits (precondition: decimals >= 0).
// The result is exact: a Rational whose denominator divides 10^decimals.
Rational roundTo(const Rational& q, int decimals, RoundingMode mode);

// True when q*10^decimals is an integer, i.e. q is representable with
// `decimals` decimal digits (precondition: decimals >= 0).
bool isExactAt(const Rational& q, int decimals);

// ---- Italian text forms -------------------------------------------------

enum class NumberParseError {
  Empty,         // nothing but spaces
  NotANumber,    // not digits/sign/separators in the accepted shape
  DotAsDecimal,  // "1.5": the user probably meant 1,5
  BadGrouping,   // "1.23,4", "12.34.567": '.' is only a thousands separator
};

// Parses the Italian decimal notation: optional sign ('+' or '-'), digits,
// optional '.' thousands separators (then every group after the first has
// exactly three digits and the first has one to three), optional decimal comma
// followed by at least one digit. Surrounding ASCII spaces/tabs are ignored.
// Accepted: "12", "-3", "0,5", "1.234,56", "1234,56", "1.234.567".
// Rejected: "1.5" and "1.23" (DotAsDecimal), "1.23,4" (BadGrouping),
// "1,2,3", ",5", "5,", "1e3", "12%" (NotANumber), "" and " " (Empty).
// No exponent and no percent sign: callers strip units first.
std::variant<Rational, NumberParseError> parseItalianNumber(std::string_view text);

// The common shape of a data cell, read without allocating: an optional
// sign, digits, and optionally `decimal` (',' or '.') followed by digits, at
// most 18 digits in all, nothing else (no blanks, no thousands separators).
// Its value is the one parseItalianNumber gives (with '.' and ',' swapped
// when `decimal` is '.'); nullopt for every other text, which the caller then
// gives to parseItalianNumber for the value or the reason it is not one.
std::optional<Rational> parsePlainDecimal(std::string_view text, char decimal);

// One short Italian sentence explaining `error` for the given input `text`,
// e.g. "il separatore decimale è la virgola: scrivi 1,5 invece di 1.5".
std::string describe(NumberParseError error, std::string_view text);

// q rounded HalfUp to exactly `decimals` digits (precondition: decimals >= 0),
// decimal comma, '.' every three integer digits when `thousands`.
// Never prints a negative zero: a value rounding to 0 prints as "0,00".
// formatItalian(Rational(123456, 100), 2) == "1.234,56"
// formatItalian(Rational(1, 3), 2) == "0,33"; formatItalian(-5, 0) == "-5"
std::string formatItalian(const Rational& q, int decimals, bool thousands = true);

// Shows an exact value: the shortest decimal form when q has at most
// `maxDecimals` decimals ("87,5", "90", "0,125"); otherwise q rounded HalfUp
// to `maxDecimals` digits followed by "…" (U+2026) to mark the approximation
// ("87,33…" with maxDecimals 2). Precondition: maxDecimals >= 0.
std::string formatExact(const Rational& q, int maxDecimals = 6, bool thousands = true);

}  // namespace misura
