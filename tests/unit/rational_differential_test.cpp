// Differential test of Rational's inline (64-bit) fast path against GMP.
//
// Every operation is computed twice: by Rational (inline when it fits,
// promoted to GMP on overflow) and directly by mpq_class. The results must
// be equal, and the representation canonical: inline exactly when numerator
// and denominator fit 64 bits. Operands are drawn near the overflow
// boundaries on purpose (|n| close to 2^63, denominators close to 2^63,
// powers of two and of ten), plus ordinary small scores and amounts.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdint>
#include <random>
#include <vector>

#include "compiler/support/rational.h"

using misura::Rational;
using misura::RoundingMode;
using misura::roundTo;

namespace {

bool fitsInline(const mpq_class& q) {
  return q.get_num().fits_slong_p() && q.get_den().fits_slong_p();
}

class Operands {
 public:
  explicit Operands(uint64_t seed) : rng_(seed) {}

  long integer() {
    switch (pick(8)) {
      case 0: return long(pick(21)) - 10;                       // tiny, incl. 0
      case 1: return long(pick(20001)) - 10000;                 // scores, cents
      case 2: return LONG_MAX - long(pick(4));                  // at the top
      case 3: return LONG_MIN + long(pick(4));                  // at the bottom
      case 4: return (1L << pick(63)) * (pick(2) ? 1 : -1);     // powers of two
      case 5: return pow10(pick(19)) * (pick(2) ? 1 : -1);      // powers of ten
      case 6: return long(uint64_t(rng_()) >> (1 + pick(62)));   // any magnitude
      default: return long(rng_());                              // full range
    }
  }

  long denominator() {
    long d = 0;
    while (d == 0 || d == LONG_MIN) d = integer();
    return d;
  }

  Rational value(mpq_class& reference) {
    if (pick(10) == 0) {  // sometimes already a GMP value: a big numerator
      mpz_class n(integer());
      n *= mpz_class(integer());
      reference = mpq_class(n + 1, mpz_class(denominator()));
      reference.canonicalize();
      return Rational::fromMpq(reference);
    }
    const long n = integer();
    const long d = pick(3) == 0 ? 1 : denominator();
    reference = mpq_class(mpz_class(n), mpz_class(d));
    reference.canonicalize();
    return Rational(n, d);
  }

  uint64_t pick(uint64_t n) { return rng_() % n; }

 private:
  static long pow10(uint64_t e) {
    long r = 1;
    for (uint64_t i = 0; i < e; ++i) r *= 10;
    return r;
  }
  std::mt19937_64 rng_;
};

void expectSame(const Rational& got, const mpq_class& want) {
  REQUIRE(got.mpq() == want);
  REQUIRE(got.isInline() == fitsInline(want));
}

mpq_class roundReference(const mpq_class& q, int decimals, RoundingMode mode) {
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, decimals);
  const mpq_class scaled = q * scale;
  mpz_class whole, rest;
  const mpz_class magnitude = abs(scaled.get_num());
  mpz_tdiv_qr(whole.get_mpz_t(), rest.get_mpz_t(), magnitude.get_mpz_t(), scaled.get_den_mpz_t());
  const int half = cmp(mpz_class(2 * rest), scaled.get_den());
  bool away = false;
  if (rest != 0) {
    switch (mode) {
      case RoundingMode::HalfUp: away = half >= 0; break;
      case RoundingMode::HalfEven: away = half > 0 || (half == 0 && mpz_odd_p(whole.get_mpz_t())); break;
      case RoundingMode::Down: away = false; break;
      case RoundingMode::Up: away = true; break;
    }
  }
  if (away) ++whole;
  if (sgn(scaled) < 0) whole = -whole;
  mpq_class r(whole, scale);
  r.canonicalize();
  return r;
}

}  // namespace

TEST_CASE("Rational arithmetic agrees with GMP, inline and promoted", "[rational][differential]") {
  Operands gen(20261207);
  for (int i = 0; i < 400000; ++i) {
    mpq_class qa, qb;
    const Rational a = gen.value(qa);
    const Rational b = gen.value(qb);
    expectSame(a, qa);
    switch (gen.pick(6)) {
      case 0: expectSame(a + b, mpq_class(qa + qb)); break;
      case 1: expectSame(a - b, mpq_class(qa - qb)); break;
      case 2: expectSame(a * b, mpq_class(qa * qb)); break;
      case 3:
        if (sgn(qb) != 0) expectSame(a / b, mpq_class(qa / qb));
        break;
      case 4: {
        const int want = cmp(qa, qb);
        const auto got = a <=> b;
        REQUIRE((got < 0) == (want < 0));
        REQUIRE((got > 0) == (want > 0));
        REQUIRE((a == b) == (want == 0));
        break;
      }
      default: expectSame(-a, mpq_class(-qa)); break;
    }
  }
}

TEST_CASE("Rational floor, ceil and integer tests agree with GMP", "[rational][differential]") {
  Operands gen(7);
  for (int i = 0; i < 100000; ++i) {
    mpq_class q;
    const Rational r = gen.value(q);
    mpz_class f, c;
    mpz_fdiv_q(f.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
    mpz_cdiv_q(c.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
    expectSame(r.floor(), mpq_class(f));
    expectSame(r.ceil(), mpq_class(c));
    REQUIRE(r.isInteger() == (q.get_den() == 1));
    REQUIRE(r.sign() == sgn(q));
  }
}

TEST_CASE("Rational rounding agrees with GMP in every mode, ties included", "[rational][differential]") {
  Operands gen(11);
  const RoundingMode modes[] = {RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down,
                                RoundingMode::Up};
  for (int i = 0; i < 200000; ++i) {
    mpq_class q;
    Rational r = gen.value(q);
    // A third of the cases are exact ties at the rounding digit: k + 1/2 units.
    const int decimals = int(gen.pick(22));
    if (gen.pick(3) == 0) {
      mpz_class scale;
      mpz_ui_pow_ui(scale.get_mpz_t(), 10, decimals);
      q = mpq_class(mpz_class(2 * mpz_class(long(gen.pick(2000001)) - 1000000) + 1), mpz_class(2 * scale));
      q.canonicalize();
      r = Rational::fromMpq(q);
    }
    const RoundingMode mode = modes[gen.pick(4)];
    expectSame(roundTo(r, decimals, mode), roundReference(q, decimals, mode));
  }
}

TEST_CASE("Rational formats like GMP on both sides of the inline limit", "[rational][differential]") {
  const Rational justInline(LONG_MAX, 100);
  const Rational promoted = justInline + Rational(1);  // (LONG_MAX + 100) / 100
  CHECK(justInline.isInline());
  CHECK(!promoted.isInline());
  CHECK(misura::formatItalian(promoted, 2) == "92.233.720.368.547.759,07");
  CHECK((promoted - Rational(1)) == justInline);
  CHECK((promoted - Rational(1)).isInline());
  CHECK(misura::formatItalian(justInline, 2) == "92.233.720.368.547.758,07");
  CHECK(misura::formatItalian(Rational(LONG_MAX) + Rational(1), 0) == "9.223.372.036.854.775.808");
  CHECK(!(Rational(LONG_MAX) + Rational(1)).isInline());
  CHECK((Rational(LONG_MAX) + Rational(1) - Rational(1)).isInline());
  CHECK(misura::formatItalian(-Rational(LONG_MIN), 1) == "9.223.372.036.854.775.808,0");
}
