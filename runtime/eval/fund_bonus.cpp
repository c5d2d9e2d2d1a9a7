// The art. 81 CCNL Funzioni Locali 16.11.2022 maggiorazione inside a fund
// (`maggiorazione R ai primi S`). Among the n members with a positive quota,
// the k = max(1, floor(S x n)) with the highest total (equal totals: the
// fund's `a parità ordine`, then the matricola; see tieRanks) — or, with
// `ai vincitori di G`, the winners of graduatoria G — each get R x P / n on top of their share of
// P, the part split by quota. Since k x R x P / n + P = amount,
// P = amount / (1 + k x R / n): everything is exact, and the caller rounds
// the final amounts to the cent with the fund's `ripartizione`.
#include <algorithm>
#include <numeric>

#include "runtime/eval/session.h"

namespace {

misura::RoundingMode roundingMode(misura::ir::Rounding r) {
  switch (r) {
    case misura::ir::Rounding::MezzoInSu: return misura::RoundingMode::HalfUp;
    case misura::ir::Rounding::PerDifetto: return misura::RoundingMode::Down;
    case misura::ir::Rounding::PerEccesso: return misura::RoundingMode::Up;
    case misura::ir::Rounding::AlPari: return misura::RoundingMode::HalfEven;
  }
  return misura::RoundingMode::HalfUp;
}

}  // namespace

namespace misura::eval {

namespace {

// The members (indices into ids) with a positive quota, the beneficiaries
// first: the k with the highest total (`ai primi`) or the winners of the
// graduatoria (`ai vincitori di`). Returns k.
size_t beneficiaries(const ir::FundBonus& b, const Evaluation& ev, const std::vector<uint32_t>& ids,
                     const std::vector<uint32_t>& tieRank, std::vector<size_t>& eligible) {
  std::sort(eligible.begin(), eligible.end(), [&](size_t x, size_t y) {
    const PersonResult& a = ev.persons[ids[x]];
    const PersonResult& c = ev.persons[ids[y]];
    if (a.total != c.total) return a.total > c.total;
    return tieRank[x] < tieRank[y];
  });
  const Rational n(static_cast<long>(eligible.size()));
  size_t k = 0;
  if (b.ranking) {
    // The winners of the graduatoria first (in fund order), then the others.
    std::stable_partition(eligible.begin(), eligible.end(), [&](size_t x) {
      const RankEntry* e = findRank(ev, *b.ranking, ids[x]).second;
      return e && e->winner;
    });
    for (size_t x : eligible) {
      const RankEntry* e = findRank(ev, *b.ranking, ids[x]).second;
      if (e && e->winner) ++k;
    }
  } else {
    const long floorK = (b.share * n).floor().toLong().value_or(1);  // share <= 100%: floorK <= n
    k = static_cast<size_t>(std::clamp<long>(floorK, 1, static_cast<long>(eligible.size())));
  }
  return k;
}

}  // namespace

std::vector<Rational> bonusShares(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids,
                                  const std::vector<Rational>& q, const std::vector<uint32_t>& tieRank,
                                  FundOutcome& outcome) {
  const ir::FundBonus& b = *f.bonus;
  std::vector<size_t> eligible;
  for (size_t k = 0; k < ids.size(); ++k)
    if (q[k].sign() > 0) eligible.push_back(k);
  const Rational quotaSum = std::accumulate(q.begin(), q.end(), Rational());
  std::vector<Rational> shares(ids.size());
  if (eligible.empty() || quotaSum.isZero()) {
    for (size_t k = 0; k < ids.size(); ++k) shares[k] = quotaSum.isZero() ? Rational() : f.amount * q[k] / quotaSum;
    return shares;
  }
  const Rational n(static_cast<long>(eligible.size()));
  const size_t k = beneficiaries(b, ev, ids, tieRank, eligible);
  const Rational kk(static_cast<long>(k));
  Rational each;
  Rational base;  // P: what is split by quota
  if (b.onTop) {
    each = b.rate * f.amount / n;  // the average premio and the amount per person coincide
    each = roundTo(each, 2, b.rounding ? roundingMode(*b.rounding) : RoundingMode::HalfUp);
    base = f.amount;
  } else {
    switch (b.base) {
      case ir::BonusBase::PremioMedio:
        each = b.rate * (f.amount / (Rational(1) + kk * b.rate / n)) / n;
        break;
      case ir::BonusBase::ImportoDivisoValutati: each = b.rate * f.amount / n; break;
    }
    if (b.rounding) each = roundTo(each, 2, roundingMode(*b.rounding));
    base = f.amount - kk * each;
  }
  for (size_t i = 0; i < ids.size(); ++i) shares[i] = base * q[i] / quotaSum;
  for (size_t i = 0; i < k; ++i) {
    if (!b.onTop) shares[eligible[i]] += each;  // on top: added to the premio after the cents
    ev.persons[ids[eligible[i]]].maggiorazione = each;
  }
  outcome.bonusEligible = static_cast<uint32_t>(eligible.size());
  outcome.bonusPersons = static_cast<uint32_t>(k);
  outcome.bonusBase = base;
  outcome.bonusEach = each;
  return shares;
}

}  // namespace misura::eval

namespace misura::eval {

// With `quota unitaria` the premi are already paid (unit x quota, capped, to
// the cent): the maggiorazione m is R x the average of those premi over the n
// members with a positive quota (`base premio medio`) or R x amount / n
// (`base importo diviso valutati`), to the cent (as declared; half up
// otherwise), added to each beneficiary's premio outside the cap. It is
// paid from the fund's economia (`a carico del fondo`, the default) or on
// top of it (`in aggiunta al fondo`).
void unitBonus(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids, const std::vector<Rational>& q,
               const std::vector<uint32_t>& tieRank, FundOutcome& outcome) {
  const ir::FundBonus& b = *f.bonus;
  std::vector<size_t> eligible;
  Rational paid;  // the premi of the n members with a positive quota
  for (size_t k = 0; k < ids.size(); ++k)
    if (q[k].sign() > 0) {
      eligible.push_back(k);
      paid += ev.persons[ids[k]].premio.value_or(Rational());
    }
  if (eligible.empty()) return;
  const Rational n(static_cast<long>(eligible.size()));
  const size_t k = beneficiaries(b, ev, ids, tieRank, eligible);
  const Rational base = b.base == ir::BonusBase::PremioMedio ? paid : f.amount;
  const Rational each = roundTo(b.rate * base / n, 2, b.rounding ? roundingMode(*b.rounding) : RoundingMode::HalfUp);
  for (size_t i = 0; i < k; ++i) {
    PersonResult& r = ev.persons[ids[eligible[i]]];
    r.maggiorazione = each;
    if (r.premio) *r.premio += each;
    if (r.premioExact) *r.premioExact += each;
    (b.onTop ? outcome.bonusOnTop : outcome.distributed) += each;
  }
  outcome.bonusEligible = static_cast<uint32_t>(eligible.size());
  outcome.bonusPersons = static_cast<uint32_t>(k);
  outcome.bonusBase = base;
  outcome.bonusEach = each;
}

}  // namespace misura::eval
