// The explanation as JSON (see explain.h): the results document's shapes for
// objectives and behaviours (json_detail.h), plus the rules, the values
// they used and every computation written out.
#include "runtime/report/explain.h"
#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"
#include "runtime/report/json_detail.h"
#include "runtime/report/ranking.h"

namespace misura::report {

namespace {

using namespace detail;

// Adds to `j` the names a rule read, its intermediate results and the rule with the values in place.
void ruleValuesJson(const Subject& s, const ir::Chunk& chunk, const std::vector<interp::TraceEntry>& trace,
                    const eval::ObjectiveOutcome* objective, Json& j) {
  Json names = Json::array();
  for (const UsedName& n : usedNames(s, trace, objective)) {
    Json nj;
    nj["nome"] = n.name;
    nj["valore"] = valueText(n.value, n.type);
    if (const Rational* q = std::get_if<Rational>(&n.value)) nj["valore_esatto"] = q->toFraction();
    nj["origine"] = orNull(n.origin);
    nj["dato"] = orNull(n.location);
    if (n.aggregate) {
      nj["righe_usate"] = Json{{"numero", n.usedCount}, {"prime", n.usedRows}};
      nj["righe_escluse"] = Json{{"numero", n.excludedCount}, {"prime", n.excludedRows}};
    }
    names.push_back(std::move(nj));
  }
  j["valori_usati"] = std::move(names);
  Json steps = Json::array();
  for (const RuleStep& st : ruleSteps(s, chunk, trace, objective)) {
    Json sj;
    sj["espressione"] = st.expression;
    sj["con_i_valori"] = orNull(st.withValues);
    sj["valore"] = st.value;
    steps.push_back(std::move(sj));
  }
  j["passaggi"] = std::move(steps);
  std::optional<std::string> with = withValues(s, chunk, trace, objective);
  j["con_i_valori"] = with ? Json(*with) : Json(nullptr);
}

// The `misura` arguments of an objective: parameter name, value, text as written.
Json argumentsJson(const Subject& s, const ir::Objective& obj, const ir::Indicator& ind,
                   const std::vector<ir::Value>& values) {
  Json list = Json::array();
  for (size_t i = 0; i < values.size() && i + 1 < ind.slots.size() && i < obj.measure.args.size(); ++i) {
    Json a;
    a["nome"] = ind.slotNames.at(i + 1);
    a["valore"] = valueText(values[i], ind.slots[i + 1]);
    if (const Rational* q = std::get_if<Rational>(&values[i])) a["valore_esatto"] = q->toFraction();
    a["scritto"] = sourceLine(s.sources, obj.measure.args[i].span);
    list.push_back(std::move(a));
  }
  return list;
}

// `fasi`: per phase its weight, termine, value and esito.
Json phasesJson(const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  const ir::Field& field = at(at(s.module.datasets, obj.measure.measured.dataset, "tabella").fields,
                              obj.measure.measured.field, "campo");
  Json list = Json::array();
  for (const eval::PhaseOutcome& po : o.phases) {
    const ir::Phase& f = at(obj.phases, po.phase, "fase");
    Json j;
    j["codice"] = f.code;
    j["titolo"] = f.title;
    putDecimal(j, "peso", f.weight);
    j["termine"] = formatItalian(f.deadline);
    j["valore"] = std::holds_alternative<ir::Missing>(po.measured) ? Json(nullptr) : Json(valueText(po.measured, field.type));
    j["dato"] = orNull(location(s.sources, po.dataSpan));
    if (po.esito) putPercent(j, "esito", *po.esito);
    else j["esito"] = nullptr;
    list.push_back(std::move(j));
  }
  return list;
}

Json objectiveExplained(const Subject& s, const eval::ObjectiveOutcome& o, const ObjectivesSum& sum) {
  const ir::Objective& obj = objectiveOf(s.module, o);
  const ir::Indicator& ind = at(s.module.indicators, obj.measure.indicator, "indicatore");
  Json j = objectiveJson(s.module, o, s.sources);
  j["misura"] = sourceLine(s.sources, obj.measure.span);
  j["periodo_assegnazione"] = orNull(assignedPeriodText(obj, s.person.matricola));
  j["argomenti"] = argumentsJson(s, obj, ind, o.args);
  j["se_non_rilevato"] = orNull(notMeasuredRule(obj));
  j["regola_applicata"] = orNull(notMeasuredEffect(obj, o));
  if (obj.deadlineExpr) {  // `termine = espressione`: the names it read
    Json deadline;
    deadline["nel_regolamento"] = orNull(location(s.sources, obj.deadlineExpr->span));
    ruleValuesJson(s, *obj.deadlineExpr, o.deadlineTrace, &o, deadline);
    j["calcolo_termine"] = std::move(deadline);
  }
  if (obj.measure.expr) {  // `su ESPRESSIONE`: the names it read and its steps
    Json measured;
    measured["nel_regolamento"] = orNull(location(s.sources, obj.measure.expr->span));
    ruleValuesJson(s, *obj.measure.expr, o.measuredTrace, &o, measured);
    j["valore_misurato"] = std::move(measured);
  }
  if (!obj.phases.empty()) j["fasi"] = phasesJson(s, obj, o);
  if (!o.trace.empty()) {
    Json rule;
    rule["indicatore"] = ind.name;
    rule["testo"] = sourceText(s.sources, ind.body.span);
    rule["nel_regolamento"] = orNull(location(s.sources, ind.body.span));
    ruleValuesJson(s, ind.body, o.trace, &o, rule);
    j["regola"] = std::move(rule);
  } else {
    j["regola"] = nullptr;
  }
  if (o.esito && !sum.counted.isZero()) {
    putExact(j, "peso_effettivo", effectiveWeight(o, sum));
    j["calcolo_peso_effettivo"] = effectiveWeightFormula(o, sum);
  }
  return j;
}

void objectivesJson(const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co, Json& j) {
  ObjectivesSum sum = objectivesSum(s.module, c, co);
  Json objs = Json::array();
  for (const eval::ObjectiveOutcome& o : co.objectives) objs.push_back(objectiveExplained(s, o, sum));
  j["obiettivi"] = std::move(objs);
  putDecimal(j, "somma_pesi", sum.declared);
  putDecimal(j, "somma_pesi_contati", sum.counted);
  j["neutralizzati"] = sum.neutralised;
  j["calcolo"] = orNull(sum.formula);
}

void behavioursJson(const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co, Json& j) {
  const ir::Catalogue& cat = catalogueOf(s.module, c);
  j["scala"] = num(cat.scaleMin) + "-" + num(cat.scaleMax);
  Json items = Json::array();
  std::vector<Rational> terms;
  for (const eval::BehaviourOutcome& b : co.behaviours) {
    Json bj = behaviourJson(cat, b, s.sources);
    bj["calcolo"] = behaviourFormula(c, cat, b);
    items.push_back(std::move(bj));
    terms.push_back(b.points);
  }
  j["comportamenti"] = std::move(items);
  j["calcolo"] = orNull(sumFormula(terms, co.pointsExact ? co.pointsExact.get() : co.points));
}

void expressionJson(const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co, Json& j) {
  Json e;
  e["testo"] = sourceText(s.sources, c.expr.span);
  e["nel_regolamento"] = orNull(location(s.sources, c.expr.span));
  ruleValuesJson(s, c.expr, co.trace, nullptr, e);
  j["espressione"] = std::move(e);
}

Json componentJson(const Subject& s, const eval::ComponentOutcome& co) {
  const ir::Component& c = at(s.profile.components, co.component, "componente");
  Json j = componentHeaderJson(c);
  switch (c.source) {
    case ir::ComponentSource::Obiettivi: objectivesJson(s, c, co, j); break;
    case ir::ComponentSource::Comportamenti: behavioursJson(s, c, co, j); break;
    case ir::ComponentSource::Espressione: expressionJson(s, c, co, j); break;
  }
  putPoints(j, co.points);
  if (co.pointsExact && c.rounding) {  // `arrotondato ...`: the value before and after
    putExact(j, "punti_non_arrotondati", *co.pointsExact);
    j["arrotondamento"] = roundingText(*c.rounding);
  }
  if (c.relativeWeights) j["pesi"] = "relativi";
  if (c.equalWeights) j["pesi"] = "a pari peso";
  return j;
}

Json totalJson(const Subject& s, const std::vector<Rational>& points) {
  const eval::PersonResult& p = s.person;
  Json j;
  j["calcolo"] = sumFormula(points, p.totalExact);
  putExact(j, "non_arrotondato", p.totalExact);
  j["arrotondamento"] = s.profile.totalRounding ? Json(roundingText(*s.profile.totalRounding)) : Json(nullptr);
  j["valore"] = roundedTotal(s.profile, p.total);
  j["valore_esatto"] = p.total.toFraction();
  return j;
}

Json bandJson(const Subject& s) {
  if (!s.person.band) return nullptr;
  const ir::Band& b = at(s.profile.bands, *s.person.band, "fascia");
  Json j;
  j["etichetta"] = b.label;
  j["scritta"] = sourceLine(s.sources, b.span);
  j["nel_regolamento"] = orNull(location(s.sources, b.span));
  j["intervallo"] = bandRange(s.profile, *s.person.band);
  putPercent(j, "percentuale", b.percent);
  return j;
}

// A premio drawn from a fund: the fund, the person's quota and share, and
// the art. 81 maggiorazione when the fund has one.
Json fundShareJson(const Subject& s) {
  const eval::PersonResult& p = s.person;
  const ir::Fund& f = at(s.module.funds, *s.profile.fund, "fondo");
  const eval::FundOutcome* o = nullptr;
  for (const eval::FundOutcome& c : s.evaluation.funds)
    if (c.fund == *s.profile.fund) o = &c;
  Json j;
  j["fondo"] = f.name;
  j["nel_regolamento"] = orNull(location(s.sources, f.span));
  j["importo_fondo"] = euroText(o ? o->amount : f.amount, false);
  if (f.amountExpr && o) {  // `importo = ...`: read from the data
    Json a;
    a["espressione"] = sourceLine(s.sources, f.amountExpr->span);
    a["nel_regolamento"] = orNull(location(s.sources, f.amountExpr->span));
    ruleValuesJson(s, *f.amountExpr, o->amountTrace, nullptr, a);
    j["importo_dai_dati"] = std::move(a);
  }
  if (f.unitQuotaExpr && o) {  // `quota unitaria = ...`: read from the data
    Json a;
    a["espressione"] = sourceLine(s.sources, f.unitQuotaExpr->span);
    a["nel_regolamento"] = orNull(location(s.sources, f.unitQuotaExpr->span));
    ruleValuesJson(s, *f.unitQuotaExpr, o->unitQuotaTrace, nullptr, a);
    j["quota_unitaria_dai_dati"] = std::move(a);
  }
  if (!p.quotaTrace.empty()) {
    Json q;
    q["espressione"] = sourceLine(s.sources, f.quota.span);
    ruleValuesJson(s, f.quota, p.quotaTrace, nullptr, q);
    j["calcolo_quota"] = std::move(q);
  }
  j["ripartito"] = o && !o->blocked;
  if (p.fundQuota) putExact(j, "quota", *p.fundQuota);
  if (o) putExact(j, "somma_quote", o->quotaSum);
  if (o && o->bonusPersons) {
    Json m;
    m["riferimento"] = "art. 81 CCNL Funzioni Locali 16.11.2022";
    m["beneficiari"] = o->bonusPersons;
    m["valutati_con_quota_positiva"] = o->bonusEligible;
    if (o->unitQuota)  // quota unitaria: the average of the premi paid, or of the amount
      putExact(m, f.bonus && f.bonus->base == ir::BonusBase::ImportoDivisoValutati ? "importo" : "somma_dei_premi",
               o->bonusBase);
    else
      putExact(m, "base_ripartita", o->bonusBase);
    m["ricevuta"] = p.maggiorazione.has_value();
    if (p.maggiorazione) putExact(m, "maggiorazione", *p.maggiorazione);
    j["maggiorazione_art81"] = std::move(m);
  }
  if (p.premioExact) putExact(j, "non_arrotondato", *p.premioExact);
  else j["non_arrotondato"] = nullptr;
  if (o && o->unitQuota) j["quota_unitaria"] = euroText(*o->unitQuota, false);
  if (f.cap) j["massimo_per_persona"] = euroText(*f.cap, false);
  if (p.cappedExcess) putExact(j, "oltre_il_massimo", *p.cappedExcess);
  if (o && !o->blocked) {
    j["stanziato"] = euroText(o->amount, false);
    j["distribuito"] = euroText(o->distributed, false);
    j["economia"] = euroText(o->unspent, false);
  }
  j["centesimo_dai_resti"] = p.leftoverCent;
  j["importo"] = p.premio ? Json(euroText(*p.premio, false)) : Json(nullptr);
  if (p.premio) j["importo_esatto"] = p.premio->toFraction();
  return j;
}

// A premio made of parts: each part's formula or fund share, and the sum.
Json partsJson(const Subject& s) {
  const eval::PersonResult& p = s.person;
  Json parts = Json::array();
  for (const eval::PartOutcome& part : p.parts) {
    const ir::PremioPart& decl = at(s.profile.parts, part.part, "parte");
    Json j;
    j["parte"] = decl.name;
    j["titolo"] = decl.title;
    j["nel_regolamento"] = orNull(location(s.sources, decl.span));
    if (decl.expr) {
      j["formula"] = sourceText(s.sources, decl.expr->span);
      ruleValuesJson(s, *decl.expr, part.trace, nullptr, j);
      j["arrotondamento"] = premioRoundingText(decl.rounding);
    }
    if (decl.fund) {
      j["fondo"] = at(s.module.funds, *decl.fund, "fondo").name;
      if (part.fundQuota) putExact(j, "quota", *part.fundQuota);
      for (const eval::FundOutcome& o : s.evaluation.funds)
        if (o.fund == *decl.fund && !o.blocked) {
          putExact(j, "somma_quote", o.quotaSum);
          j["stanziato"] = euroText(o.amount, false);
          j["distribuito"] = euroText(o.distributed, false);
          j["economia"] = euroText(o.unspent, false);
        }
      j["centesimo_dai_resti"] = part.leftoverCent;
      if (part.maggiorazione) putExact(j, "maggiorazione", *part.maggiorazione);
      if (part.cappedExcess) putExact(j, "oltre_il_massimo", *part.cappedExcess);
    }
    if (part.exact) putExact(j, "non_arrotondato", *part.exact);
    else j["non_arrotondato"] = nullptr;
    j["importo"] = part.amount ? Json(euroText(*part.amount, false)) : Json(nullptr);
    parts.push_back(std::move(j));
  }
  Json out;
  out["parti"] = std::move(parts);
  out["importo"] = p.premio ? Json(euroText(*p.premio, false)) : Json(nullptr);
  if (p.premio) out["importo_esatto"] = p.premio->toFraction();
  return out;
}

Json premioJson(const Subject& s) {
  if (!s.profile.parts.empty()) return partsJson(s);
  if (!s.profile.premio && s.profile.fund) return fundShareJson(s);
  if (!s.profile.premio) return nullptr;
  const eval::PersonResult& p = s.person;
  const ir::Chunk& chunk = *s.profile.premio;
  Json j;
  j["formula"] = "premio = " + sourceText(s.sources, chunk.span);
  j["nel_regolamento"] = orNull(location(s.sources, chunk.span));
  ruleValuesJson(s, chunk, p.premioTrace, nullptr, j);
  if (p.premioExact) putExact(j, "non_arrotondato", *p.premioExact);
  else j["non_arrotondato"] = nullptr;
  j["arrotondamento"] = premioRoundingText(s.profile.premioRounding);
  j["importo"] = p.premio ? Json(euroText(*p.premio, false)) : Json(nullptr);
  if (p.premio) j["importo_esatto"] = p.premio->toFraction();
  if (s.profile.budget) {
    Json b;
    b["fondo"] = at(s.module.funds, *s.profile.budget, "fondo").name;
    for (const eval::FundOutcome& o : s.evaluation.funds)
      if (o.fund == *s.profile.budget && !o.blocked) {
        b["stanziato"] = euroText(o.amount, false);
        b["distribuito"] = euroText(o.distributed, false);
        b["economia"] = euroText(o.unspent, false);
      }
    j["a_carico_del_fondo"] = std::move(b);
  }
  return j;
}

Json errorsJson(const Subject& s) {
  Json list = Json::array();
  for (const Diagnostic& d : s.person.errors) {
    Json e;
    e["codice"] = d.code;
    e["messaggio"] = d.message;
    e["dove"] = orNull(location(s.sources, d.span));
    e["suggerimento"] = orNull(d.hint);
    list.push_back(std::move(e));
  }
  return list;
}

void personJson(const Subject& s, Json& doc) {
  const eval::PersonResult& p = s.person;
  doc["matricola"] = p.matricola;
  doc["nominativo"] = p.nominativo;
  doc["profilo"] = s.profile.name;
  doc["profilo_titolo"] = orNull(s.profile.title);
  std::string row;
  if (s.module.staffKeyField < p.staffCells.size()) row = location(s.sources, p.staffCells[s.module.staffKeyField]);
  doc["dato"] = orNull(row);
  doc["stato"] = statusWord(p.status);
  if (p.status != eval::PersonStatus::Valutato) doc["motivo"] = p.reason;
}

}  // namespace

std::string explainJson(const ir::Module& module, const eval::Evaluation& evaluation,
                        const eval::PersonResult& person, const SourceManager& sources) {
  Subject s{module, evaluation, person, detail::at(module.profiles, person.profile, "profilo"), sources};
  Json doc;
  doc["ente"] = module.ente;
  doc["anno"] = module.anno;
  doc["regolamento"] = module.sourcePath;
  detail::putModules(doc, module);
  personJson(s, doc);
  if (person.status != eval::PersonStatus::NonValutato) {
    Json comps = Json::array();
    for (const eval::ComponentOutcome& co : person.components) comps.push_back(componentJson(s, co));
    doc["componenti"] = std::move(comps);
    if (!person.premioObjectives.empty()) {  // `solo per il premio`
      ObjectivesSum none;
      Json objs = Json::array();
      for (const eval::ObjectiveOutcome& o : person.premioObjectives) objs.push_back(objectiveExplained(s, o, none));
      doc["obiettivi_solo_premio"] = std::move(objs);
    }
    std::optional<std::vector<Rational>> points = componentPoints(person);
    doc["totale"] = points ? totalJson(s, *points) : Json(nullptr);
    doc["fascia"] = points ? bandJson(s) : Json(nullptr);
    doc["premio"] = points ? premioJson(s) : Json(nullptr);
    doc["errori"] = errorsJson(s);
    detail::putPersonRankings(doc, module, evaluation, static_cast<uint32_t>(&person - evaluation.persons.data()));
  }
  if (evaluation.deroga) {
    Json d;
    d["motivo"] = evaluation.deroga->reason;
    d["requisiti_non_rispettati"] = evaluation.deroga->violations;
    doc["deroga"] = std::move(d);
  }
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace misura::report
