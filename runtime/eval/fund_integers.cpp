// The split of a fund in proportion to the quotas, on integers: the common
// case (no cap, no maggiorazione, no unit quota) of payOut (fund.cpp),
// without a Rational per share.
//
// With the quotas at a common scale D (Q_k = q_k * D, whole numbers) and the
// amount in cents A, the exact share is A * Q_k / (100 * ΣQ): its whole
// cents are c_k = floor(A * Q_k / ΣQ) and its remainder r_k / (100 * ΣQ),
// with r_k = A * Q_k mod ΣQ. Every remainder has the same denominator, so the
// largest remainders are the largest r_k. The result is the Rational split's,
// value for value (the interprete/* tests run that one); when a quantity
// does not fit, the Rational split runs instead.
#include <algorithm>
#include <numeric>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

using i128 = __int128;
constexpr int64_t kMaxScale = int64_t(1) << 40;

// The quotas as whole numbers at one scale, with their sum; false if one is
// not inline or negative, or a number does not fit.
bool scaled(const std::vector<Rational>& q, std::vector<int64_t>& out, int64_t& scale, int64_t& sum) {
  scale = 1;
  for (const Rational& x : q) {
    std::optional<std::pair<int64_t, int64_t>> p = x.inlineParts();
    if (!p || p->first < 0) return false;
    std::optional<int64_t> l = fixed::lcmWithin(scale, p->second, kMaxScale);
    if (!l) return false;
    scale = *l;
  }
  i128 total = 0;
  out.reserve(q.size());
  for (const Rational& x : q) {
    const auto [n, d] = *x.inlineParts();
    const i128 v = i128(n) * (scale / d);
    if (v > INT64_MAX) return false;
    out.push_back(int64_t(v));
    total += v;
  }
  if (total <= 0 || total > INT64_MAX) return false;
  sum = int64_t(total);
  return true;
}

}  // namespace

bool payOutOnIntegers(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids,
                      const std::vector<Rational>& q, const std::vector<uint32_t>& tieRank, bool exact,
                      FundOutcome& outcome) {
  if (f.cap || f.bonus || f.unitQuota) return false;
  const Rational cents = f.amount * 100;
  std::optional<long> amount = cents.isInteger() ? cents.toLong() : std::nullopt;
  std::vector<int64_t> quota;
  int64_t scale = 0, sum = 0;
  if (!amount || *amount < 0 || !scaled(q, quota, scale, sum)) return false;
  std::vector<int64_t> remainder(ids.size());
  i128 paid = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    const i128 share = i128(*amount) * quota[k];  // the share times 100 * ΣQ
    const int64_t whole = int64_t(share / sum);     // <= amount
    remainder[k] = int64_t(share % sum);
    PersonResult& r = ev.persons[ids[k]];
    r.premio = Rational(whole, 100);
    if (exact) r.premioExact = *r.premio + Rational(remainder[k], sum) / 100;  // may need GMP: exact either way
    paid += whole;
  }
  outcome.quotaSum = Rational(sum, scale);
  if (f.split == ir::FundSplit::AlCentesimo) {
    // The remainders add up to the cents left: fewer than the persons.
    const size_t left = static_cast<size_t>(std::clamp<i128>(*amount - paid, 0, i128(ids.size())));
    std::vector<size_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0);
    const auto before = [&](size_t a, size_t b) {
      return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : tieRank[a] < tieRank[b];
    };
    const auto cut = order.begin() + static_cast<std::ptrdiff_t>(left);
    std::nth_element(order.begin(), cut, order.end(), before);
    for (auto it = order.begin(); it != cut; ++it) {
      PersonResult& r = ev.persons[ids[*it]];
      *r.premio += Rational(1, 100);
      r.leftoverCent = true;
      ++paid;
      ++outcome.leftoverCents;
    }
  }
  outcome.distributed = Rational(static_cast<long>(paid), 100);
  outcome.unit = false;
  outcome.unspent = f.amount - outcome.distributed;
  return true;
}

}  // namespace misura::eval
