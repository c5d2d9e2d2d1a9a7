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

std::optional<Measured> lookup(const Session& s, const Person& p, const ir::Objective& o, PersonErrors& errors) {
  const ir::DataRef& ref = o.measure.measured;
  const data::Row* row = p.staff;
  if (ref.dataset != ir::kStaff) {
    std::vector<std::string> key;
    for (const ir::KeyColumn& k : s.module.datasets[ref.dataset].key) {
      if (k.role == ir::KeyRole::Comportamento) {
        errors.report(Diagnostic{"E0600", Severity::Errore, ref.span,
                                 "errore interno nel piano di valutazione: dato di un obiettivo con chiave "
                                 "«comportamento»",
                                 {}, "segnala il problema a chi mantiene Misura", {}});
        return std::nullopt;
      }
      key.push_back(k.role == ir::KeyRole::Persona ? p.matricola : o.code);
    }
    row = s.data.tables[ref.dataset].find(key);
  }
  if (!row) return Measured{};
  return Measured{row->values.at(ref.field), row->spans.at(ref.field), true};
}

void reportNotMeasured(const Session& s, const Person& p, const ir::Objective& o, const Measured& m,
                       PersonErrors& errors) {
  const ir::Dataset& ds = s.module.datasets[o.measure.measured.dataset];
  const ir::Field& field = ds.fields.at(o.measure.measured.field);
  Diagnostic d{"E0602", Severity::Errore, o.span,
               fmt::format("obiettivo {}: valore non rilevato per {}", o.code, p.matricola), {}, {}, {}};
  d.hint = fmt::format(
      "inserisci il valore di «{}» nel file «{}», oppure scrivi nell'obiettivo `se non rilevato: neutralizzato` "
      "(il peso va agli altri obiettivi) o `se non rilevato: 0%`",
      field.name, ds.file);
  if (m.rowFound) d.labels.push_back(Label{m.span, "cella vuota"});
  d.labels.push_back(Label{personSpan(p), fmt::format("matricola {}", p.matricola)});
  errors.report(std::move(d));
}

// Applies the objective's `se non rilevato` rule to `out`.
void notMeasured(const Session& s, const Person& p, const ir::Objective& o, const Measured& m, ObjectiveOutcome& out,
                 PersonErrors& errors) {
  switch (o.onMissing) {
    case ir::OnMissing::Neutralizza: out.status = Status::Neutralizzato; return;
    case ir::OnMissing::EsitoFisso:
      out.status = Status::EsitoFisso;
      out.esito = o.fixedEsito;
      return;
    case ir::OnMissing::Errore:
      out.status = Status::Errore;
      reportNotMeasured(s, p, o, m, errors);
      return;
  }
}

void reportOutOfRange(const Session& s, const Person& p, const ir::Objective& o, const Rational& esito,
                      PersonErrors& errors) {
  const ir::Indicator& ind = s.module.indicators[o.measure.indicator];
  Diagnostic d{"E0603", Severity::Errore, o.measure.span,
               fmt::format("obiettivo {}: l'esito per {} è {}%, fuori dall'intervallo da 0% a 100%", o.code,
                           p.matricola, formatExact(esito * 100, 4)),
               {}, {}, {}};
  d.hint = fmt::format("limita il risultato dell'indicatore «{}», ad esempio con minimo(100%, ...) e massimo(0%, ...)",
                       ind.name);
  d.labels.push_back(Label{ind.span, fmt::format("indicatore «{}»", ind.name)});
  errors.report(std::move(d));
}

ObjectiveOutcome scoreObjective(const Session& s, const Person& p, uint32_t index, PersonErrors& errors) {
  const ir::Objective& o = s.module.objectives[index];
  ObjectiveOutcome out;
  out.objective = index;
  out.weight = o.weight;
  std::optional<Measured> m = lookup(s, p, o, errors);
  if (!m) {
    out.status = Status::Errore;
    return out;
  }
  out.measured = m->value;
  out.dataSpan = m->span;
  if (std::holds_alternative<ir::Missing>(m->value)) {
    notMeasured(s, p, o, *m, out, errors);
    return out;
  }
  std::vector<ir::Value> args{m->value};
  args.insert(args.end(), s.objectiveArgs[index].begin(), s.objectiveArgs[index].end());
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.args = args;
  if (s.trace) ctx.trace = &out.trace;
  interp::Result r = interp::run(s.module.indicators.at(o.measure.indicator).body, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    out.status = Status::Errore;
    errors.runtime(*e, fmt::format("obiettivo {}", o.code),
                   {Label{o.measure.span, fmt::format("misura dell'obiettivo {}", o.code)}});
    return out;
  }
  const ir::Value& esito = std::get<ir::Value>(r);
  if (std::holds_alternative<ir::Missing>(esito)) {
    notMeasured(s, p, o, *m, out, errors);
  } else if (const Rational* e = std::get_if<Rational>(&esito); e && e->sign() >= 0 && *e <= Rational(1)) {
    out.esito = *e;
  } else {
    out.status = Status::Errore;
    if (e) reportOutOfRange(s, p, o, *e, errors);
    else errors.report(Diagnostic{"E0600", Severity::Errore, o.measure.span,
                                  "errore interno nel piano di valutazione: l'indicatore non dà una percentuale",
                                  {}, "segnala il problema a chi mantiene Misura", {}});
  }
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
  for (uint32_t o : p.objectives) {
    out.objectives.push_back(scoreObjective(s, p, o, errors));
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

}  // namespace misura::eval
