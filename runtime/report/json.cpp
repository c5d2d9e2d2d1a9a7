// The JSON report: every number of every person with what it came from.
#include <nlohmann/json.hpp>

#include <string>

#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"
#include "runtime/report/json_detail.h"
#include "runtime/report/ranking.h"
#include "runtime/report/report.h"

namespace misura::report {

using detail::at;
using detail::Json;

namespace detail {

// "x": decimal form, "x_esatto": exact fraction.
void putExact(Json& obj, const std::string& key, const Rational& q) {
  obj[key] = detail::exactText(q);
  obj[key + "_esatto"] = q.toFraction();
}

// For values written in the regolamento or the data (weights, maxima,
// ratings): the decimal form, plus the fraction only if that is not exact.
void putDecimal(Json& obj, const std::string& key, const Rational& q) {
  obj[key] = detail::exactText(q);
  if (!isExactAt(q, 6)) obj[key + "_esatto"] = q.toFraction();
}

void putPercent(Json& obj, const std::string& key, const Rational& fraction) {
  obj[key] = detail::percentText(fraction);
  obj[key + "_esatto"] = fraction.toFraction();
}

Json orNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

const char* objectiveStatus(eval::ObjectiveOutcome::Status s) {
  switch (s) {
    case eval::ObjectiveOutcome::Status::Misurato: return "misurato";
    case eval::ObjectiveOutcome::Status::Neutralizzato: return "neutralizzato";
    case eval::ObjectiveOutcome::Status::EsitoFisso: return "esito fisso";
    case eval::ObjectiveOutcome::Status::Errore: return "errore";
  }
  return "errore";
}

const char* componentSource(ir::ComponentSource s) {
  switch (s) {
    case ir::ComponentSource::Obiettivi: return "obiettivi";
    case ir::ComponentSource::Comportamenti: return "comportamenti";
    case ir::ComponentSource::Espressione: return "espressione";
  }
  return "espressione";
}

Json componentHeaderJson(const ir::Component& c) {
  Json j;
  j["nome"] = c.name;
  j["titolo"] = orNull(c.title);
  j["da"] = componentSource(c.source);
  putDecimal(j, "massimo", c.maxPoints);
  return j;
}

void putPoints(Json& obj, const std::optional<Rational>& points) {
  if (points) putExact(obj, "punti", *points);
  else obj["punti"] = nullptr;
}

Json objectiveJson(const ir::Module& module, const eval::ObjectiveOutcome& o, const SourceManager& sources) {
  const ir::Objective& obj = at(module.objectives, o.objective, "obiettivo");
  Json j;
  j["codice"] = obj.code;
  j["titolo"] = obj.title;
  if (obj.fromTemplate) j["letto_da"] = orNull(detail::location(sources, obj.row));  // `obiettivi da`: its row
  putDecimal(j, "peso", o.weight);
  if (o.weightRule && *o.weightRule < obj.weightRules.size())
    j["peso_per"] = detail::sourceLine(sources, obj.weightRules[*o.weightRule].span);
  if (obj.weightExpr) {  // `peso = ...`: the expression and the data cell it read
    j["peso_da"] = detail::sourceLine(sources, obj.weightExpr->span);
    j["peso_dato"] = orNull(detail::location(sources, o.weightCell));
  }
  j["termine"] = obj.deadline ? Json(formatItalian(*obj.deadline)) : Json(nullptr);
  if (obj.deadlineExpr) {
    j["termine"] = o.deadline ? Json(detail::valueText(*o.deadline, ir::Type::Data)) : Json(nullptr);
    j["termine_calcolato"] = detail::sourceLine(sources, obj.deadlineExpr->span);
  }
  j["indicatore"] = at(module.indicators, obj.measure.indicator, "indicatore").name;
  j["stato"] = objectiveStatus(o.status);

  const ir::DataRef& ref = obj.measure.measured;
  const ir::Dataset& ds = at(module.datasets, ref.dataset, "tabella");
  const ir::Field& field = at(ds.fields, ref.field, "campo");
  // A computed value is shown in the unit of the indicator's measured value.
  ir::Type type = obj.measure.expr ? at(module.indicators, obj.measure.indicator, "indicatore").slots.at(0) : field.type;
  if (obj.measure.expr) {
    j["campo"] = nullptr;
    j["espressione"] = detail::sourceLine(sources, obj.measure.expr->span);
  } else {
    j["campo"] = ds.name + "." + field.name;
  }
  if (std::holds_alternative<ir::Missing>(o.measured)) {
    j["valore"] = nullptr;
  } else {
    j["valore"] = detail::valueText(o.measured, type);
    if (const auto* q = std::get_if<Rational>(&o.measured)) j["valore_esatto"] = q->toFraction();
  }
  j["dato"] = orNull(detail::location(sources, o.dataSpan));
  if (o.esito) {
    putPercent(j, "esito", *o.esito);
  } else {
    j["esito"] = nullptr;
  }
  putExact(j, "punti", o.points);
  j["fonte"] = orNull(obj.source);
  return j;
}

Json behaviourJson(const ir::Catalogue& catalogue, const eval::BehaviourOutcome& b, const SourceManager& sources) {
  const ir::Behaviour& item = at(catalogue.items, b.item, "comportamento");
  Json j;
  j["codice"] = item.code;
  j["titolo"] = item.title;
  putDecimal(j, "peso", item.weight);
  putDecimal(j, "voto", b.rating);
  if (!b.level.empty()) j["giudizio"] = b.level;
  j["scala"] = detail::exactText(catalogue.scaleMin) + "-" + detail::exactText(catalogue.scaleMax);
  putExact(j, "punti", b.points);
  j["dato"] = orNull(detail::location(sources, b.dataSpan));
  return j;
}

}  // namespace detail

namespace {

using detail::behaviourJson;
using detail::componentSource;
using detail::objectiveJson;
using detail::orNull;
using detail::putDecimal;
using detail::putExact;
using detail::putPercent;

Json personJson(const ir::Module& module, const eval::PersonResult& p, const SourceManager& sources) {
  const ir::Profile& profile = at(module.profiles, p.profile, "profilo");
  Json j;
  j["matricola"] = p.matricola;
  j["nominativo"] = p.nominativo;
  j["profilo"] = profile.name;
  j["stato"] = detail::statusWord(p.status);
  if (p.status != eval::PersonStatus::Valutato) j["motivo"] = p.reason;

  Json components = Json::array();
  for (const eval::ComponentOutcome& c : p.components) {
    const ir::Component& comp = at(profile.components, c.component, "componente");
    Json cj = detail::componentHeaderJson(comp);
    detail::putPoints(cj, c.points);
    if (c.pointsExact) putExact(cj, "punti_non_arrotondati", *c.pointsExact);
    if (comp.source == ir::ComponentSource::Obiettivi) {
      Json objs = Json::array();
      for (const auto& o : c.objectives) objs.push_back(objectiveJson(module, o, sources));
      cj["obiettivi"] = std::move(objs);
    } else if (comp.source == ir::ComponentSource::Comportamenti) {
      const ir::Catalogue& catalogue = at(module.catalogues, comp.catalogue, "catalogo");
      Json items = Json::array();
      for (const auto& b : c.behaviours) items.push_back(behaviourJson(catalogue, b, sources));
      cj["comportamenti"] = std::move(items);
    }
    components.push_back(std::move(cj));
  }
  j["componenti"] = std::move(components);
  if (!p.premioObjectives.empty()) {  // `solo per il premio`
    Json objs = Json::array();
    for (const auto& o : p.premioObjectives) objs.push_back(objectiveJson(module, o, sources));
    j["obiettivi_solo_premio"] = std::move(objs);
  }

  if (p.status == eval::PersonStatus::Valutato) {
    putExact(j, "totale_non_arrotondato", p.totalExact);
    j["totale"] = detail::totalText(profile, p.total);
    j["totale_esatto"] = p.total.toFraction();
    if (profile.totalRounding) {
      j["arrotondamento"] = std::to_string(profile.totalRounding->decimals) + " decimali, " +
                            ir::roundingName(profile.totalRounding->mode);
    } else {
      j["arrotondamento"] = nullptr;
    }
    if (p.band) {
      const ir::Band& band = at(profile.bands, *p.band, "fascia");
      j["fascia"] = band.label;
      putPercent(j, "fascia_percentuale", band.percent);
    } else {
      j["fascia"] = nullptr;
    }
    if (p.premio) {
      j["premio"] = detail::euroText(*p.premio, false);
      j["premio_esatto"] = p.premio->toFraction();
      if (p.premioExact) putExact(j, "premio_non_arrotondato", *p.premioExact);
    } else {
      j["premio"] = nullptr;
    }
    if (!p.parts.empty()) {
      Json parts = Json::array();
      for (const eval::PartOutcome& part : p.parts) {
        const ir::PremioPart& decl = at(profile.parts, part.part, "parte");
        Json pj;
        pj["parte"] = decl.name;
        pj["titolo"] = decl.title;
        pj["fondo"] = decl.fund ? Json(at(module.funds, *decl.fund, "fondo").name) : Json(nullptr);
        pj["importo"] = part.amount ? Json(detail::euroText(*part.amount, false)) : Json(nullptr);
        if (part.exact) putExact(pj, "non_arrotondato", *part.exact);
        if (part.fundQuota) putExact(pj, "quota", *part.fundQuota);
        if (decl.fund) pj["centesimo_dai_resti"] = part.leftoverCent;
        if (part.maggiorazione) putExact(pj, "maggiorazione", *part.maggiorazione);
        if (part.cappedExcess) putExact(pj, "oltre_il_massimo", *part.cappedExcess);
        parts.push_back(std::move(pj));
      }
      j["parti_premio"] = std::move(parts);
    }
    if (profile.budget) j["a_carico_del_fondo"] = at(module.funds, *profile.budget, "fondo").name;
    if (profile.fund) {
      Json fj;
      fj["fondo"] = at(module.funds, *profile.fund, "fondo").name;
      if (p.fundQuota) putExact(fj, "quota", *p.fundQuota);
      fj["centesimo_dai_resti"] = p.leftoverCent;
      if (p.maggiorazione) putExact(fj, "maggiorazione", *p.maggiorazione);
      if (p.cappedExcess) putExact(fj, "oltre_il_massimo", *p.cappedExcess);
      j["da_fondo"] = std::move(fj);
    }
  }
  return j;
}

}  // namespace

std::string json(const ir::Module& module, const eval::Evaluation& evaluation, const SourceManager& sources) {
  Json doc;
  doc["ente"] = module.ente;
  doc["anno"] = module.anno;
  doc["regolamento"] = module.sourcePath;
  detail::putModules(doc, module);
  Json persons = Json::array();
  Rational premiSum;
  std::size_t valutate = 0, nonValutate = 0, inErrore = 0;
  for (const eval::PersonResult& p : evaluation.persons) {
    persons.push_back(personJson(module, p, sources));
    detail::putPersonRankings(persons.back(), module, evaluation, static_cast<uint32_t>(&p - evaluation.persons.data()));
    switch (p.status) {
      case eval::PersonStatus::Valutato:
        ++valutate;
        if (p.premio) premiSum += *p.premio;
        break;
      case eval::PersonStatus::NonValutato: ++nonValutate; break;
      case eval::PersonStatus::Errore: ++inErrore; break;
    }
  }
  doc["persone"] = std::move(persons);
  Json summary;
  summary["persone"] = evaluation.persons.size();
  summary["valutate"] = valutate;
  summary["non_valutate"] = nonValutate;
  summary["in_errore"] = inErrore;
  summary["totale_premi"] = detail::euroText(premiSum, false);
  doc["riepilogo"] = std::move(summary);
  Json funds = Json::array();
  for (const eval::FundOutcome& f : evaluation.funds) {
    Json j;
    j["fondo"] = module.funds.at(f.fund).name;
    j["importo"] = detail::euroText(f.amount, false);
    if (module.funds.at(f.fund).amountExpr) j["importo_dai_dati"] = f.amountCells;
    j["ripartito"] = !f.blocked;
    j["persone"] = f.members;
    j["somma_quote_esatta"] = f.quotaSum.toFraction();
    j["distribuito"] = detail::euroText(f.distributed, false);
    j["non_distribuito"] = detail::euroText(f.unspent, false);
    j["centesimi_ai_resti_maggiori"] = f.leftoverCents;
    // Fund schemes: every fund says stanziato, distribuito, economia.
    const ir::Fund& decl = module.funds.at(f.fund);
    j["tipo"] = decl.budget ? "stanziamento" : decl.unit() ? "quota unitaria" : "ripartito in proporzione";
    j["stanziato"] = detail::euroText(f.amount, false);
    j["economia"] = f.blocked ? Json(nullptr) : Json(detail::euroText(f.unspent, false));
    if (f.unitQuota) j["quota_unitaria"] = detail::euroText(*f.unitQuota, false);
    if (decl.unitQuotaExpr) j["quota_unitaria_dai_dati"] = f.unitQuotaCells;
    if (decl.cap) {
      j["massimo_per_persona"] = detail::euroText(*decl.cap, false);
      j["oltre_il_massimo_esatto"] = f.cappedExcess.toFraction();
    }
    if (f.bonusPersons) {
      Json m;
      m["beneficiari"] = f.bonusPersons;
      m["valutati_con_quota_positiva"] = f.bonusEligible;
      // quota unitaria: what the average is taken of (the premi paid, or the amount); else the part split by quota
      const bool onAmount = decl.bonus && decl.bonus->base == ir::BonusBase::ImportoDivisoValutati;
      m[!f.unitQuota ? "base_ripartita_esatta" : onAmount ? "importo_esatto" : "somma_dei_premi_esatta"] =
          f.bonusBase.toFraction();
      m["maggiorazione_esatta"] = f.bonusEach.toFraction();
      const ir::Fund& fund = module.funds.at(f.fund);
      if (fund.bonus && fund.bonus->ranking) {
        m["graduatoria"] = module.rankings.at(*fund.bonus->ranking).name;
        m["base"] = fund.bonus->base == ir::BonusBase::PremioMedio ? "premio medio" : "importo diviso valutati";
        m["finanziata"] = fund.bonus->onTop ? "in aggiunta al fondo" : "a carico del fondo";
        if (fund.bonus->onTop) m["in_aggiunta"] = detail::euroText(f.bonusOnTop, false);
      }
      j["maggiorazione_art81"] = std::move(m);
    }
    funds.push_back(std::move(j));
  }
  doc["fondi"] = std::move(funds);
  if (!evaluation.funds.empty()) {
    Rational stanziato, distribuito;
    for (const eval::FundOutcome& f : evaluation.funds) {
      stanziato += f.amount;
      distribuito += f.distributed;
    }
    Json t;
    t["stanziato"] = detail::euroText(stanziato, false);
    t["distribuito"] = detail::euroText(distribuito, false);
    t["economia"] = detail::euroText(stanziato - distribuito, false);
    doc["totale_fondi"] = std::move(t);
  }
  if (evaluation.deroga) {
    Json d;
    d["motivo"] = evaluation.deroga->reason;
    d["requisiti_non_rispettati"] = evaluation.deroga->violations;
    doc["deroga"] = std::move(d);
  }
  detail::putRankings(doc, module, evaluation);
  // Invalid UTF-8 cannot come from the loader (it decodes and checks), but a
  // report must never throw on text: replace rather than fail.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace misura::report
