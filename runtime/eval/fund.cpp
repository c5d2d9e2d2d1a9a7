// Paying out a fund (`fondo`): each evaluated person of the profiles that
// draw from it gets amount x quota / (sum of quotas), exactly; then to the
// cent. With `ripartizione al centesimo` (the default) every share is first
// truncated to the cent and the k cents left over go one each to the k
// largest remainders, ties broken by `a parità ordine` and then the smaller
// matricola (numbers in numeric order, sort_keys.cpp), so
// the fund is paid out to the last cent; with `per difetto` the truncated
// shares are paid and the leftover stays unspent. Fund schemes
// (fund_scheme.cpp): `quota unitaria` (unit x quota each, the rest is
// economia), `massimo per persona` (the excess is economia), budget lines.
// Whatever is not paid out is the fund's economia (FundOutcome::unspent).
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

const Rational kCent{1, 100};

Rational truncateToCent(const Rational& q) { return (q * 100).floor() / 100; }

// The fund's members: evaluated persons whose profile draws from `fund`.
// Reports E0609 and returns nullopt if one of them is in error, since then
// the sum of the quotas, and so every share, is unknown.
std::optional<std::vector<uint32_t>> members(const Session& s, const Evaluation& ev, uint32_t fund) {
  std::vector<uint32_t> out;
  std::vector<Label> inError;
  for (uint32_t i = 0; i < ev.persons.size(); ++i) {
    const PersonResult& r = ev.persons[i];
    if (s.module.profiles[r.profile].fund != fund && !partOf(s.module.profiles[r.profile], fund))
      continue;  // budget lines: fund_scheme.cpp
    if (r.status == PersonStatus::Errore)
      inError.push_back(Label{r.staffRow,
                              fmt::format("matricola {} in errore", r.matricola)});
    else if (r.status == PersonStatus::Valutato)
      out.push_back(i);
  }
  if (inError.empty()) return out;
  const ir::Fund& f = s.module.funds[fund];
  s.diags.report(Diagnostic{"E0609", Severity::Errore, f.span,
                            fmt::format("il fondo «{}» non è stato ripartito: {} che lo condivid{} in errore", f.name,
                                        inError.size() == 1 ? "una persona" : std::to_string(inError.size()) + " persone",
                                        inError.size() == 1 ? "e è" : "ono sono"),
                            std::move(inError),
                            "la quota di ciascuno dipende da quelle di tutti: correggi prima gli errori di quelle persone",
                            {}});
  return std::nullopt;
}

// Each member's quota, or nullopt after reporting (E0602 non rilevato,
// E0610 negative) for the persons whose quota could not be computed.
// `f` may be the fund as paid (asPaid: a copy); its quota is run as the
// declared fund's, the chunk the integer evaluator compiled (compileFixed).
std::optional<std::vector<Rational>> quotas(const Session& s, const std::vector<Person>& persons, Evaluation& ev,
                                            const ir::Fund& f, const ir::Chunk& quota, const std::vector<uint32_t>& ids) {
  std::vector<Rational> out;
  bool ok = true;
  for (uint32_t i : ids) {
    PersonResult& r = ev.persons[i];
    std::optional<Rational> band;
    if (r.band) band = s.module.profiles[r.profile].bands[*r.band].percent;
    if (std::optional<Rational> q = runFixed(s, quota, persons[i], r, r.total, band); q && q->sign() >= 0) {
      r.fundQuota = *q;
      out.push_back(std::move(*q));
      continue;  // a negative quota goes the long way, which reports it
    }
    PersonErrors errors(s.diags, persons[i]);
    std::vector<std::optional<Rational>> points;
    for (const ComponentOutcome& c : r.components) points.push_back(c.points);
    const std::vector<std::optional<Rational>> esiti = esitiOf(s, r);
    const std::vector<interp::FoldEntry> fold = foldOf(s, r);
    interp::Context ctx = personContext(s, persons[i], points);
    ctx.esiti = &esiti;
    ctx.fold = &fold;
    ctx.total = r.total;
    if (r.band) ctx.band = s.module.profiles[r.profile].bands[*r.band].percent;
    if (s.trace) ctx.trace = &r.quotaTrace.mut();
    std::optional<Rational> q = runNumber(s, quota, ctx, "quota del fondo ", f.name, persons[i], errors);
    if (q && q->sign() < 0) {
      errors.report(Diagnostic{"E0610", Severity::Errore, f.quota.span,
                               fmt::format("la quota della matricola {} nel fondo «{}» è negativa: {}", r.matricola,
                                           f.name, formatExact(*q)),
                               {Label{personSpan(persons[i]), fmt::format("matricola {}", r.matricola)}},
                               "la quota misura la parte di fondo spettante e non può essere negativa", {}});
      q.reset();
    }
    if (!q) {
      ok = false;
      r.status = PersonStatus::Errore;
      r.reason = errors.summary();
      r.errors.mut().insert(r.errors.mut().end(), errors.reported().begin(), errors.reported().end());
      continue;
    }
    r.fundQuota = *q;
    out.push_back(*q);
  }
  if (!ok) return std::nullopt;
  return out;
}

// Truncated shares, then the leftover cents by largest remainder.
void payOut(const ir::Fund& f, Evaluation& ev, const std::vector<uint32_t>& ids, const std::vector<Rational>& q,
            const std::vector<uint32_t>& tieRank, FundOutcome& outcome) {
  outcome.quotaSum = std::accumulate(q.begin(), q.end(), Rational());
  std::vector<Rational> remainder(ids.size());
  std::vector<Rational> bonus;
  if (f.bonus && !f.unitQuota && !outcome.quotaSum.isZero()) bonus = bonusShares(f, ev, ids, q, tieRank, outcome);
  // The sum of the exact shares after the caps. Shares in proportion to the
  // quotas add up to the amount exactly: summed only when caps or a bonus
  // change them (a sum of a million fractions is costly).
  const bool proportional = !f.cap && bonus.empty() && !f.unitQuota;
  Rational paidExact = proportional && !outcome.quotaSum.isZero() ? f.amount : Rational();
  for (size_t k = 0; k < ids.size(); ++k) {
    PersonResult& r = ev.persons[ids[k]];
    Rational share = outcome.quotaSum.isZero() ? Rational() : f.amount * q[k] / outcome.quotaSum;
    if (!bonus.empty()) share = bonus[k];
    if (f.unitQuota) share = *f.unitQuota * q[k];
    if (f.cap && share > *f.cap) {
      r.cappedExcess = share - *f.cap;
      outcome.cappedExcess += *r.cappedExcess;
      share = *f.cap;
    }
    if (!proportional) paidExact += share;
    r.premioExact = share;
    r.premio = f.unitQuota && f.split == ir::FundSplit::AlCentesimo ? roundTo(share, 2, RoundingMode::HalfUp)
                                                                     : truncateToCent(share);
    remainder[k] = r.cappedExcess ? Rational() : share - *r.premio;  // at the cap: no leftover cent
    outcome.distributed += *r.premio;
  }
  outcome.unit = f.unitQuota.has_value();
  if (f.split == ir::FundSplit::AlCentesimo && !outcome.quotaSum.isZero() && !f.unitQuota) {
    Rational left = truncateToCent(paidExact) - outcome.distributed;
    // Only the first `left` cents' worth of persons need to be in order.
    std::vector<size_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0);
    const auto before = [&](size_t a, size_t b) {
      const std::strong_ordering c = remainder[a] <=> remainder[b];
      return c != 0 ? c > 0 : tieRank[a] < tieRank[b];
    };
    const long leftCents = (left / kCent).floor().toLong().value_or(0);
    const size_t cents = static_cast<size_t>(std::clamp<long>(leftCents, 0, static_cast<long>(order.size())));
    const auto cut = order.begin() + static_cast<std::ptrdiff_t>(cents);
    std::nth_element(order.begin(), cut, order.end(), before);
    std::sort(order.begin(), cut, before);
    for (size_t k = 0; k < order.size() && left >= kCent; ++k, left -= kCent) {
      PersonResult& r = ev.persons[ids[order[k]]];
      if (r.cappedExcess) break;  // remainders are sorted: the capped ones (0) come last
      *r.premio += kCent;
      r.leftoverCent = true;
      outcome.distributed += kCent;
      ++outcome.leftoverCents;
    }
  }
  if (f.bonus && f.unitQuota) unitBonus(f, ev, ids, q, tieRank, outcome);
  // Art. 81 `in aggiunta al fondo`: the maggiorazione (already to the cent) on top.
  if (f.bonus && f.bonus->onTop && !f.unitQuota)
    for (uint32_t i : ids) {
      PersonResult& r = ev.persons[i];
      if (!r.maggiorazione || !r.premio || !r.premioExact) continue;
      *r.premio += *r.maggiorazione;
      *r.premioExact += *r.maggiorazione;
      outcome.bonusOnTop += *r.maggiorazione;
    }
  outcome.unspent = f.amount - outcome.distributed;
}

// The data cell a traced run read (the first, or the first with a Missing
// value when `missing`); invalid if none.
Span cellRead(const std::vector<interp::TraceEntry>& trace, bool missing) {
  for (const interp::TraceEntry& t : trace)
    if (t.op == ir::Op::LoadCell && (!missing || std::holds_alternative<ir::Missing>(t.value))) return t.source.valid() ? t.source : t.span;
  return {};
}

// A fund value computed from the data once (`importo = espressione`,
// `quota unitaria = espressione`: `what` is "l'importo" or "la quota
// unitaria"), or nullopt after reporting E0643 (non rilevato), E0644
// (negative), E0645 (not whole cents) at the data cell it was read from.
// `trace` gets the run, `cells` the data read.
std::optional<Rational> computedValue(const Session& s, const ir::Fund& f, const ir::Chunk& chunk, const std::string& what,
                                      std::vector<interp::TraceEntry>& trace, std::vector<std::string>& cells) {
  interp::Context ctx;
  ctx.module = &s.module;
  addLookups(s, nullptr, nullptr, ctx);
  ctx.trace = &trace;
  interp::Result r = interp::run(chunk, ctx);
  const Span expr = chunk.span;
  const std::string line = what == "l'importo" ? "importo = ..." : "quota unitaria = ...";
  const std::string of = what == "l'importo" ? "importo" : "quota unitaria";
  auto fail = [&](const char* code, Span at, std::string message, std::string hint) {
    std::vector<Label> labels;
    if (at.file != expr.file || at.begin != expr.begin) labels.push_back(Label{expr, line});
    s.diags.report(Diagnostic{code, Severity::Errore, at.valid() ? at : expr, std::move(message), std::move(labels),
                              std::move(hint), {}});
    return std::nullopt;
  };
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    Diagnostic d{e->code, Severity::Errore, e->span, fmt::format("{} del fondo «{}»: {}", of, f.name, e->message), {}, e->hint, {}};
    for (Span row : e->rows) d.labels.push_back(Label{row, "riga trovata"});
    s.diags.report(std::move(d));
    return std::nullopt;
  }
  const ir::Value& v = std::get<ir::Value>(r);
  const Rational* q = std::get_if<Rational>(&v);
  if (!q) {
    Span cell = cellRead(trace, true);
    bool noRow = cell.valid() && cell.file == expr.file;  // the lookup found no row: located at the expression
    return fail("E0643", cell, fmt::format("{} del fondo «{}» non è rilevat{}", what, f.name, of == "importo" ? "o" : "a"),
                noRow ? "nei dati non c'è la riga cercata: controlla la chiave (per esempio l'anno) e il file"
                      : "la cella " + std::string(of == "importo" ? "dell'importo" : "della quota unitaria") +
                            " è vuota: completala nel file dei dati");
  }
  if (q->sign() < 0)
    return fail("E0644", cellRead(trace, false),
                fmt::format("{} del fondo «{}» è negativ{}: {} euro", what, f.name, of == "importo" ? "o" : "a",
                            formatExact(*q)),
                "un fondo non può essere negativo: correggi il dato");
  if (!isExactAt(*q, 2))
    return fail("E0645", cellRead(trace, false),
                fmt::format("{} del fondo «{}» non è in euro e centesimi: {}", what, f.name, formatExact(*q)),
                what + " di un fondo ha al massimo due decimali: arrotondal" + (of == "importo" ? "o" : "a") +
                    " nel regolamento o nei dati");
  if (s.sources)
    for (const interp::TraceEntry& t : trace) {
      std::vector<Span> read;
      if (t.op == ir::Op::LoadCell && t.source.valid() && t.source.file != expr.file) read.push_back(t.source);
      if (t.op == ir::Op::Aggregate) read = t.usedRows;
      for (Span r : read) cells.push_back(s.sources->location(r));
    }
  return *q;
}

// The fund as paid: its amount and unit quota computed from the data when
// declared so, or nullopt (reported). Sets outcome.amount once it is known.
std::optional<ir::Fund> asPaid(const Session& s, const ir::Fund& declared, FundOutcome& outcome) {
  ir::Fund f = declared;
  if (declared.amountExpr) {
    auto v = computedValue(s, declared, *declared.amountExpr, "l'importo", outcome.amountTrace, outcome.amountCells);
    if (!v) return std::nullopt;
    f.amount = *v;
  }
  outcome.amount = f.amount;  // known even if the unit quota below is not
  if (declared.unitQuotaExpr) {
    auto v = computedValue(s, declared, *declared.unitQuotaExpr, "la quota unitaria", outcome.unitQuotaTrace,
                           outcome.unitQuotaCells);
    if (!v) return std::nullopt;
    f.unitQuota = *v;
  }
  outcome.unitQuota = f.unitQuota;
  return f;
}

}  // namespace

void distributeFunds(const Session& s, const std::vector<Person>& persons, Evaluation& ev) {
  for (uint32_t fi = 0; fi < s.module.funds.size(); ++fi) {
    if (s.module.funds[fi].budget) {
      ev.funds.push_back(chargeBudget(s, ev, fi));
      continue;
    }
    FundOutcome outcome;
    outcome.fund = fi;
    std::optional<ir::Fund> paid = asPaid(s, s.module.funds[fi], outcome);
    const ir::Fund& f = paid ? *paid : s.module.funds[fi];
    auto ids = members(s, ev, fi);
    if (!paid) ids.reset();
    std::optional<std::vector<Rational>> q;
    if (ids) q = quotas(s, persons, ev, f, s.module.funds[fi].quota, *ids);
    std::optional<std::vector<uint32_t>> tieRank;
    if (q) tieRank = tieRanks(s, persons, ev, f, *ids);
    if (!tieRank) q.reset();
    if (ids && !q)
      s.diags.report(Diagnostic{"E0609", Severity::Errore, f.span,
                                fmt::format("il fondo «{}» non è stato ripartito: la quota di qualcuno non si è potuta "
                                            "calcolare (vedi gli altri messaggi)", f.name),
                                {}, "la parte di ciascuno dipende dalle quote di tutti", {}});
    if (!ids || !q) {
      outcome.blocked = true;
      if (ids)
        for (uint32_t i : *ids) ev.persons[i].premio.reset();
      ev.funds.push_back(outcome);
      continue;
    }
    outcome.members = static_cast<uint32_t>(ids->size());
    // A premio part keeps its exact share: the premio adds up the parts' (sumParts).
    const bool exact = s.exactShares || std::any_of(s.module.profiles.begin(), s.module.profiles.end(),
                                                    [fi](const ir::Profile& p) { return partOf(p, fi).has_value(); });
    if (!s.integers || !payOutOnIntegers(f, ev, *ids, *q, *tieRank, exact, outcome))
      payOut(f, ev, *ids, *q, *tieRank, outcome);
    if (f.unitQuota && outcome.distributed > f.amount) overspent(s, ev, *ids, f, outcome);
    moveToParts(s, ev, *ids, fi);
    if (outcome.quotaSum.isZero() && !ids->empty())
      s.diags.warning("A0601", f.span,
                      fmt::format("nessuna persona ha una quota nel fondo «{}»: il fondo non è stato distribuito", f.name));
    ev.funds.push_back(outcome);
  }
}

}  // namespace misura::eval
