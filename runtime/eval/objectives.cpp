// Scoring of a `da obiettivi` component: each assigned objective's measured
// value through its indicator to an esito, then the weighted mean over the
// objectives not neutralised.
#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

using Status = ObjectiveOutcome::Status;

// The measured value of `o` for `p` and the cell it came from (invalid span: no row).
struct Measured {
  ir::Value value = ir::Missing{};
  Span span;
  bool rowFound = false;
};

// The row of `dataset` for person `p`, objective `code` and, for a table
// keyed by phase, phase `phase` (null if none, or if the table is keyed by
// behaviour, which sema excludes).
const data::Row* rowOf(const Session& s, const Person& p, uint32_t dataset, const std::string& code,
                       const ir::Phase* phase = nullptr) {
  if (dataset == ir::kStaff) return p.staff;
  std::vector<std::string> key;
  for (const ir::KeyColumn& k : s.module.datasets[dataset].key) {
    if (k.role == ir::KeyRole::Comportamento || k.role == ir::KeyRole::Libera) return nullptr;
    if (k.role == ir::KeyRole::Campo) {  // `chiave (settore, obiettivo)`: the person's settore
      key.push_back(staffText(p, k.staffField));
      continue;
    }
    key.push_back(k.role == ir::KeyRole::Persona ? p.matricola
                  : k.role == ir::KeyRole::Fase    ? (phase ? phase->code : std::string())
                                                   : code);
  }
  return s.data.tables[dataset].find(key);
}

// `phase`: the phase whose row is read (`fasi`), or null.
std::optional<Measured> lookup(const Session& s, const Person& p, const ir::Objective& o, const ir::Phase* phase,
                               PersonErrors& errors) {
  const ir::DataRef& ref = o.measure.measured;
  for (const ir::KeyColumn& k : s.module.datasets[ref.dataset].key)
    if (k.role == ir::KeyRole::Comportamento) {
      errors.report(Diagnostic{"E0600", Severity::Errore, ref.span,
                               "errore interno nel piano di valutazione: dato di un obiettivo con chiave "
                               "«comportamento»",
                               {}, "segnala il problema a chi mantiene Misura", {}});
      return std::nullopt;
    }
  const data::Row* row = rowOf(s, p, ref.dataset, o.code, phase);
  if (!row) return Measured{};
  return Measured{row->values.at(ref.field), row->spans.at(ref.field), true};
}

// The interpreter context of an objective's chunks for person `p`: staff
// fields, record tables, and the cells of this person's rows.
interp::Context objectiveContext(const Session& s, const Person& p, const ir::Objective& o) {
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.person = &p.staff->values;
  ctx.service = p.service;
  addLookups(s, &p, &o, ctx);
  return ctx;
}

// Runs one of the objective's chunks for `p`; nullopt after reporting a
// runtime error, labelled with `what` ("valore misurato", "termine").
std::optional<ir::Value> runFor(const ir::Chunk& chunk, const interp::Context& ctx, const ir::Objective& o,
                                const char* what, PersonErrors& errors) {
  interp::Result r = interp::run(chunk, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    errors.runtime(*e, fmt::format("obiettivo {}", o.code), {Label{chunk.span, fmt::format("{} dell'obiettivo {}", what, o.code)}});
    return std::nullopt;
  }
  return std::get<ir::Value>(std::move(r));
}

// `su ESPRESSIONE`: the value computed for `p` (Missing is non rilevato).
std::optional<Measured> compute(const Session& s, const Person& p, const ir::Objective& o, ObjectiveOutcome& out,
                                PersonErrors& errors) {
  interp::Context ctx = objectiveContext(s, p, o);
  ctx.deadline = out.deadline;
  if (s.trace) ctx.trace = &out.measuredTrace.mut();
  std::optional<ir::Value> v = runFor(*o.measure.expr, ctx, o, "valore misurato", errors);
  if (!v) return std::nullopt;
  return Measured{std::move(*v), Span{}, false};
}

// The `misura` arguments for `p`: computed once for the objective, or for
// each person when the objective has `termine = espressione`. False after an error.
bool arguments(const Session& s, const Person& p, const ir::Objective& o, uint32_t index, ObjectiveOutcome& out,
               PersonErrors& errors) {
  if (!o.deadlineExpr) {
    out.args = s.objectiveArgs[index];
    return true;
  }
  interp::Context ctx = objectiveContext(s, p, o);
  if (s.trace) ctx.trace = &out.deadlineTrace.mut();
  std::optional<ir::Value> deadline = runFor(*o.deadlineExpr, ctx, o, "termine", errors);
  if (!deadline) return false;
  out.deadline = *deadline;
  ctx.trace = nullptr;
  ctx.deadline = out.deadline;
  for (const ir::Chunk& arg : o.measure.args) {
    std::optional<ir::Value> v = runFor(arg, ctx, o, "argomento della misura", errors);
    if (!v) return false;
    out.args.push_back(std::move(*v));
  }
  return true;
}

std::string objectiveName(const ir::Objective& o, const ir::Phase* phase) {
  return phase ? fmt::format("obiettivo {}, fase {}", o.code, phase->code) : "obiettivo " + o.code;
}

void reportNotMeasured(const Session& s, const Person& p, const ir::Objective& o, const ir::Phase* phase,
                       const Measured& m, PersonErrors& errors) {
  const ir::Dataset& ds = s.module.datasets[o.measure.measured.dataset];
  const ir::Field& field = ds.fields.at(o.measure.measured.field);
  Diagnostic d{"E0602", Severity::Errore, phase ? phase->span : o.span,
               fmt::format("{}: valore non rilevato per {}", objectiveName(o, phase), p.matricola), {}, {}, {}};
  const char* rule =
      "scrivi nell'obiettivo `se non rilevato: neutralizzato` (il peso va agli altri obiettivi) o `se non rilevato: 0%`";
  d.hint = o.measure.expr ? fmt::format("completa i dati da cui si calcola il valore misurato, oppure {}", rule)
                          : fmt::format("inserisci il valore di «{}» nel file «{}», oppure {}", field.name, ds.file, rule);
  if (o.measure.expr) d.labels.push_back(Label{o.measure.expr->span, "valore misurato: non rilevato"});
  if (m.rowFound) d.labels.push_back(Label{m.span, "cella vuota"});
  d.labels.push_back(Label{personSpan(p), fmt::format("matricola {}", p.matricola)});
  errors.report(std::move(d));
}

// Applies the objective's `se non rilevato` rule (to the objective or to one phase).
Status notMeasured(const Session& s, const Person& p, const ir::Objective& o, const ir::Phase* phase,
                   const Measured& m, std::optional<Rational>& esito, PersonErrors& errors) {
  switch (o.onMissing) {
    case ir::OnMissing::Neutralizza: return Status::Neutralizzato;
    case ir::OnMissing::EsitoFisso:
      esito = o.fixedEsito;
      return Status::EsitoFisso;
    case ir::OnMissing::Errore:
      reportNotMeasured(s, p, o, phase, m, errors);
      return Status::Errore;
  }
  return Status::Errore;
}

void reportOutOfRange(const Session& s, const Person& p, const ir::Objective& o, const ir::Phase* phase,
                      const Rational& esito, PersonErrors& errors) {
  const ir::Indicator& ind = s.module.indicators[o.measure.indicator];
  Diagnostic d{"E0603", Severity::Errore, o.measure.span,
               fmt::format("{}: l'esito per {} è {}%, fuori dall'intervallo da 0% a 100%", objectiveName(o, phase),
                           p.matricola, formatExact(esito * 100, 4)),
               {}, {}, {}};
  d.hint = fmt::format("limita il risultato dell'indicatore «{}», ad esempio con minimo(100%, ...) e massimo(0%, ...)",
                       ind.name);
  d.labels.push_back(Label{ind.span, fmt::format("indicatore «{}»", ind.name)});
  errors.report(std::move(d));
}

// The measured value `m` through the indicator (with `args`) to `esito`, or
// the `se non rilevato` rule; `phase`: the phase measured, or null.
Status scoreValue(const Session& s, const Person& p, const ir::Objective& o, const ir::Phase* phase,
                  const Measured& m, const std::vector<ir::Value>& measureArgs, std::optional<Rational>& esito,
                  std::vector<interp::TraceEntry>* trace, PersonErrors& errors) {
  if (std::holds_alternative<ir::Missing>(m.value)) return notMeasured(s, p, o, phase, m, esito, errors);
  std::vector<ir::Value> args{m.value};
  args.insert(args.end(), measureArgs.begin(), measureArgs.end());
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.args = args;
  ctx.trace = trace;
  interp::Result r = interp::run(s.module.indicators.at(o.measure.indicator).body, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    errors.runtime(*e, objectiveName(o, phase),
                   {Label{o.measure.span, fmt::format("misura dell'obiettivo {}", o.code)}});
    return Status::Errore;
  }
  const ir::Value& value = std::get<ir::Value>(r);
  if (std::holds_alternative<ir::Missing>(value)) return notMeasured(s, p, o, phase, m, esito, errors);
  const Rational* e = std::get_if<Rational>(&value);
  if (e && e->sign() >= 0 && *e <= Rational(1)) {
    esito = *e;
    return Status::Misurato;
  }
  if (e) reportOutOfRange(s, p, o, phase, *e, errors);
  else errors.report(Diagnostic{"E0600", Severity::Errore, o.measure.span,
                                "errore interno nel piano di valutazione: l'indicatore non dà una percentuale",
                                {}, "segnala il problema a chi mantiene Misura", {}});
  return Status::Errore;
}

// `fasi`: each phase measured on its own row with its own `termine`; the
// esito is sum(weight x esito) / sum(weight) over the phases not neutralised
// (all neutralised: the objective is neutralised).
void scorePhases(const Session& s, const Person& p, uint32_t index, ObjectiveOutcome& out, PersonErrors& errors) {
  const ir::Objective& o = s.module.objectives[index];
  bool failed = false;
  Rational weights, sum;
  for (uint32_t f = 0; f < o.phases.size(); ++f) {
    const ir::Phase& phase = o.phases[f];
    PhaseOutcome po;
    po.phase = f;
    std::optional<Measured> m = lookup(s, p, o, &phase, errors);
    Status st = Status::Errore;
    if (m) {
      po.measured = m->value;
      po.dataSpan = m->span;
      st = scoreValue(s, p, o, &phase, *m, s.phaseArgs[index][f], po.esito, nullptr, errors);
    }
    po.fixed = st == Status::EsitoFisso;
    failed = failed || st == Status::Errore;
    if (po.esito) {
      weights += phase.weight;
      sum += phase.weight * *po.esito;
    }
    out.phases.push_back(std::move(po));
  }
  if (failed) out.status = Status::Errore;
  else if (weights.isZero()) out.status = Status::Neutralizzato;
  else out.esito = sum / weights;
}

// Scores the k-th objective assigned to `p`.
ObjectiveOutcome scoreObjective(const Session& s, const Person& p, size_t k, PersonErrors& errors) {
  uint32_t index = p.objectives[k];
  const ir::Objective& o = s.module.objectives[index];
  ObjectiveOutcome out;
  out.objective = index;
  out.weight = p.weights[k];
  out.weightRule = p.weightRules[k];
  if (k < p.weightCells.size()) out.weightCell = p.weightCells[k];
  if (!o.phases.empty()) {
    scorePhases(s, p, index, out, errors);
    return out;
  }
  if (!arguments(s, p, o, index, out, errors)) {
    out.status = Status::Errore;
    return out;
  }
  std::optional<Measured> m = o.measure.expr ? compute(s, p, o, out, errors) : lookup(s, p, o, nullptr, errors);
  if (!m) {
    out.status = Status::Errore;
    return out;
  }
  out.measured = m->value;
  out.dataSpan = m->span;
  out.status = scoreValue(s, p, o, nullptr, *m, out.args, out.esito, s.trace ? &out.trace.mut() : nullptr, errors);
  return out;
}

void reportAllNeutralised(const Person& p, const ir::Component& c, PersonErrors& errors) {
  Diagnostic d{"E0606", Severity::Errore, personSpan(p),
               fmt::format("tutti gli obiettivi della matricola {} sono neutralizzati: i punti della componente "
                           "«{}» non si possono calcolare",
                           p.matricola, c.name),
               {Label{c.span, "componente da obiettivi"}},
               "servono i dati di almeno un obiettivo: completa le rilevazioni, oppure decidi nel regolamento un "
               "esito fisso con `se non rilevato: 0%`",
               {}};
  errors.report(std::move(d));
}

}  // namespace

ComponentOutcome scoreObjectives(const Session& s, const Person& p, uint32_t component, PersonErrors& errors) {
  const ir::Component& c = s.module.profiles[p.profile].components[component];
  ComponentOutcome out;
  out.component = component;
  bool failed = false;
  Rational weights;
  for (size_t k = 0; k < p.objectives.size(); ++k) {
    if (k < p.components.size() && p.components[k] != component) continue;  // another component, or the premio only
    out.objectives.push_back(scoreObjective(s, p, k, errors));
    const ObjectiveOutcome& oo = out.objectives.back();
    failed = failed || oo.status == Status::Errore;
    if (oo.esito) weights += oo.weight;
  }
  if (failed) return out;
  if (weights.isZero()) {
    reportAllNeutralised(p, c, errors);
    return out;
  }
  Rational points;
  for (ObjectiveOutcome& oo : out.objectives) {
    if (oo.esito) oo.points = c.maxPoints * oo.weight * *oo.esito / weights;
    points += oo.points;
  }
  out.points = points;
  return out;
}

std::vector<ObjectiveOutcome> scorePremioObjectives(const Session& s, const Person& p, PersonErrors& errors) {
  std::vector<ObjectiveOutcome> out;
  for (size_t k = 0; k < p.objectives.size() && k < p.components.size(); ++k)
    if (!p.components[k]) out.push_back(scoreObjective(s, p, k, errors));
  return out;
}

}  // namespace misura::eval
