// One person's result: components, exact and rounded total, band, premio.
#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

RoundingMode modeOf(ir::Rounding r) {
  switch (r) {
    case ir::Rounding::MezzoInSu: return RoundingMode::HalfUp;
    case ir::Rounding::PerDifetto: return RoundingMode::Down;
    case ir::Rounding::PerEccesso: return RoundingMode::Up;
    case ir::Rounding::AlPari: return RoundingMode::HalfEven;
  }
  return RoundingMode::HalfUp;
}

std::string nominativoOf(const Session& s, const Person& p) {
  const std::vector<ir::Field>& fields = s.module.datasets[ir::kStaff].fields;
  for (size_t f = 0; f < fields.size(); ++f)
    if (fields[f].name == "nominativo")
      if (const ir::Value v = p.staff->values.at(f); std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return {};
}

// `componente ... arrotondato a N decimali`: the points rounded, the exact value kept for spiega.
void roundComponent(const ir::Component& c, ComponentOutcome& out) {
  if (!c.rounding || !out.points) return;
  out.pointsExact = out.points;
  out.points = roundTo(*out.points, c.rounding->decimals, modeOf(c.rounding->mode));
}

// All components, `= espressione` ones last (they may use the others).
void scoreComponents(const Session& s, const Person& p, PersonResult& result, PersonErrors& errors) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  std::vector<std::optional<Rational>> points(profile.components.size());
  result.components.resize(profile.components.size());
  result.premioObjectives = scorePremioObjectives(s, p, errors);
  for (uint32_t i = 0; i < profile.components.size(); ++i) {
    const ir::Component& c = profile.components[i];
    if (c.source == ir::ComponentSource::Obiettivi) result.components[i] = scoreObjectives(s, p, i, errors);
    if (c.source == ir::ComponentSource::Comportamenti) result.components[i] = scoreBehaviours(s, p, i, errors);
    result.components[i].component = i;
    roundComponent(c, result.components[i]);
    points[i] = result.components[i].points;
  }
  const std::vector<std::optional<Rational>> esiti = esitiOf(s, result);
  const std::vector<interp::FoldEntry> fold = foldOf(s, result);
  for (uint32_t i = 0; i < profile.components.size(); ++i) {
    const ir::Component& c = profile.components[i];
    if (c.source != ir::ComponentSource::Espressione) continue;
    std::optional<Rational> value = runFixed(s, c.expr, p, result, std::nullopt, std::nullopt);
    if (!value) {
      interp::Context ctx = personContext(s, p, points);
      ctx.esiti = &esiti;
      ctx.fold = &fold;
      if (s.trace) ctx.trace = &result.components[i].trace.mut();
      value = runNumber(s, c.expr, ctx, "componente ", c.name, p, errors);
    }
    if (value && (value->sign() < 0 || *value > c.maxPoints)) {
      errors.report(Diagnostic{"E0611", Severity::Errore, c.expr.span,
                               fmt::format("la componente «{}» vale {} punti per la matricola {}, fuori da 0..{}",
                                           c.name, formatExact(*value), p.matricola, formatExact(c.maxPoints)),
                               {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
                               "una componente non può superare il suo massimo: limita l'espressione, per esempio "
                               "con minimo(...)",
                               {}});
      value.reset();
    }
    result.components[i].points = value;
    roundComponent(c, result.components[i]);
    points[i] = result.components[i].points;
  }
}

// The band of `total`, or nullopt after reporting that none applies.
std::optional<uint32_t> bandOf(const ir::Profile& profile, const Rational& total, const Person& p,
                               PersonErrors& errors) {
  for (uint32_t i = 0; i < profile.bands.size(); ++i) {
    const ir::Band& b = profile.bands[i];
    if (!b.from) return i;
    if (total < *b.from) continue;
    if (!b.to || total <= *b.to) return i;
    break;  // above this band's end but below the next one's start: a gap
  }
  errors.report(Diagnostic{"E0608", Severity::Errore, profile.span,
                           fmt::format("il totale {} della matricola {} non rientra in nessuna fascia del profilo {}",
                                       formatExact(total), p.matricola, profile.name),
                           {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
                           "le fasce devono coprire ogni totale possibile: controlla i loro limiti e "
                           "l'arrotondamento del totale",
                           {}});
  return std::nullopt;
}

// The computed parts of a premio made of parts; the fund parts are filled
// by the funds, the sum by sumParts (fund_scheme.cpp).
void computeParts(const Session& s, const Person& p, const std::vector<std::optional<Rational>>& points,
                  PersonResult& result, PersonErrors& errors) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  const std::vector<std::optional<Rational>> esiti = esitiOf(s, result.components);
  for (uint32_t k = 0; k < profile.parts.size(); ++k) {
    const ir::PremioPart& part = profile.parts[k];
    PartOutcome out;
    out.part = k;
    if (part.expr) {
      interp::Context ctx = personContext(s, p, points);
      ctx.esiti = &esiti;
      ctx.total = result.total;
      if (result.band) ctx.band = profile.bands[*result.band].percent;
      if (s.trace) ctx.trace = &out.trace.mut();
      out.exact = runFixed(s, *part.expr, p, result, ctx.total, ctx.band);
      if (!out.exact) out.exact = runNumber(s, *part.expr, ctx, "parte ", part.name + " del premio", p, errors);
      if (out.exact) out.amount = roundTo(*out.exact, 2, modeOf(part.rounding));
    }
    result.parts.push_back(std::move(out));
  }
}

// Total, band and premio of a person whose components all have points.
void conclude(const Session& s, const Person& p, PersonResult& result, PersonErrors& errors) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  std::vector<std::optional<Rational>> points;
  for (const ComponentOutcome& c : result.components) {
    result.totalExact += *c.points;
    points.push_back(c.points);
  }
  result.total = result.totalExact;
  if (profile.totalRounding)
    result.total = roundTo(result.totalExact, profile.totalRounding->decimals, modeOf(profile.totalRounding->mode));
  if (!profile.bands.empty()) result.band = bandOf(profile, result.total, p, errors);
}

// The premio (or its computed parts) of a scored person: after everyone is
// scored, since it may read quantities over the staff (`conta(valutati)`).
void concludePremio(const Session& s, const Person& p, PersonResult& result, PersonErrors& errors) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  std::vector<std::optional<Rational>> points;
  auto pointsOf = [&] {
    for (const ComponentOutcome& c : result.components) points.push_back(c.points);
  };
  if (!profile.parts.empty()) {
    pointsOf();
    return computeParts(s, p, points, result, errors);
  }
  if (!profile.premio) return;
  std::optional<Rational> band;
  if (result.band) band = profile.bands[*result.band].percent;
  result.premioExact = runFixed(s, *profile.premio, p, result, result.total, band);
  if (result.premioExact) {
    result.premio = roundTo(*result.premioExact, 2, modeOf(profile.premioRounding));
    return;
  }
  pointsOf();  // only the interpreter reads them
  const std::vector<std::optional<Rational>> esiti = esitiOf(s, result);
  const std::vector<interp::FoldEntry> fold = foldOf(s, result);
  interp::Context ctx = personContext(s, p, points);
  ctx.esiti = &esiti;
  ctx.fold = &fold;
  ctx.total = result.total;
  ctx.band = band;
  if (s.trace) ctx.trace = &result.premioTrace.mut();
  result.premioExact = runNumber(s, *profile.premio, ctx, "premio", "", p, errors);
  if (result.premioExact) result.premio = roundTo(*result.premioExact, 2, modeOf(profile.premioRounding));
}

void markFailed(const PersonErrors& errors, PersonResult& result) {
  if (!errors.failed()) return;
  result.status = PersonStatus::Errore;
  if (result.reason.empty()) result.reason = errors.summary();
  result.errors.mut().insert(result.errors.mut().end(), errors.reported().begin(), errors.reported().end());
}

}  // namespace

interp::Context personContext(const Session& s, const Person& p, const std::vector<std::optional<Rational>>& points) {
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.person = &p.staff->values;
  ctx.components = &points;
  ctx.service = p.service;
  addLookups(s, &p, nullptr, ctx);
  return ctx;
}

std::optional<Rational> runFixed(const Session& s, const ir::Chunk& chunk, const Person& p, PersonResult& r,
                                 const std::optional<Rational>& total, const std::optional<Rational>& band) {
  if (s.trace) return std::nullopt;  // a derivation is recorded by the interpreter only
  auto it = s.fixed.find(&chunk);
  if (it == s.fixed.end()) return std::nullopt;
  std::optional<Rational> v = fixed::run(it->second, fixed::Inputs{&p.staff->values, &p.service, &band, &total});
  if (v && r.integerRuns < UINT8_MAX) ++r.integerRuns;
  return v;
}

// Runs a chunk that must give a number (an `=` component, the premio): the
// number, or nullopt after reporting why not.
std::optional<Rational> runNumber(const Session& s, const ir::Chunk& chunk, const interp::Context& ctx,
                                  std::string_view whatKind, std::string_view whatName, const Person& p,
                                  PersonErrors& errors) {
  interp::Result r = interp::run(chunk, ctx);
  if (const Rational* q = std::get_if<Rational>(std::get_if<ir::Value>(&r))) return *q;
  const std::string what = std::string(whatKind) + std::string(whatName);  // only for a message
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    errors.runtime(*e, what);
    return std::nullopt;
  }
  const ir::Value& v = std::get<ir::Value>(r);
  if (const Rational* q = std::get_if<Rational>(&v)) return *q;
  if (std::holds_alternative<ir::Missing>(v)) {
    errors.report(Diagnostic{"E0602", Severity::Errore, chunk.span,
                             fmt::format("{}: valore non rilevato per {}", what, p.matricola),
                             {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
                             "un dato usato nell'espressione è vuoto: completalo, oppure tratta il caso nel "
                             "regolamento con `se rilevato(...) allora ... altrimenti ...`",
                             {}});
    return std::nullopt;
  }
  errors.report(Diagnostic{"E0600", Severity::Errore, chunk.span,
                           "errore interno nel piano di valutazione: l'espressione non dà un numero", {},
                           "segnala il problema a chi mantiene Misura", {}});
  return std::nullopt;
}

PersonResult scorePerson(const Session& s, const Person& p, Diagnostics& diags) {
  PersonResult result;
  result.row = p.row;
  result.matricola = p.matricola;
  result.nominativo = nominativoOf(s, p);
  result.profile = p.profile;
  if (!p.staff->spans.empty()) result.staffRow = Span::cover(p.staff->spans.front(), p.staff->spans.back());
  if (s.trace) result.staffCells = p.staff->spans.toVector();
  result.objectives = p.objectives;
  result.weights = p.weights;
  result.roles = p.roles;
  if (p.notEvaluated) {
    result.status = PersonStatus::NonValutato;
    result.reason = *p.notEvaluated;
    return result;
  }
  PersonErrors errors(diags, p);
  scoreComponents(s, p, result, errors);
  if (!errors.failed()) conclude(s, p, result, errors);
  markFailed(errors, result);
  return result;
}

void scorePremio(const Session& s, const Person& p, PersonResult& result, Diagnostics& diags) {
  if (result.status != PersonStatus::Valutato) return;
  PersonErrors errors(diags, p);
  concludePremio(s, p, result, errors);
  markFailed(errors, result);
}

}  // namespace misura::eval
