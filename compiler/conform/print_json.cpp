// The conformance report as JSON (`misura verifica --anno --formato json`):
// the same content as the text, as data.
#include <nlohmann/json.hpp>

#include "compiler/conform/conform.h"

namespace misura::conform {

namespace {

using Json = nlohmann::ordered_json;

const char* outcomeKey(Outcome o) {
  switch (o) {
    case Outcome::Conforme: return "conforme";
    case Outcome::NonConforme: return "non conforme";
    case Outcome::NonApplicabile: return "non applicabile";
  }
  return "";
}

const char* kindKey(sema::Share::Kind k) {
  switch (k) {
    case sema::Share::Kind::Obiettivo: return "obiettivo";
    case sema::Share::Kind::Componente: return "componente";
    case sema::Share::Kind::Comportamento: return "comportamento";
  }
  return "";
}

Json share(const sema::Share& s) {
  Json j;
  j["tipo"] = kindKey(s.kind);
  j["codice"] = s.code;
  j["componente"] = s.component;
  Json themes = Json::array();
  if (s.themes)
    for (const ast::Ident& t : *s.themes) themes.push_back(t.name);
  j["temi"] = themes;
  j["quota_punteggio"] = percent(s.ofScore);
  j["quota_punteggio_esatta"] = s.ofScore.toFraction();
  j["quota_premio"] = s.ofPremio ? Json(percent(*s.ofPremio)) : Json();
  j["soglia_premio"] = s.gated ? Json(percent(*s.gated)) : Json();
  return j;
}

Json weights(const sema::Checked& c, const sema::ProfileShares& ps) {
  Json j;
  j["profilo"] = c.profiles[ps.profile].decl->name.name;
  j["premio_per_obiettivo"] = ps.premioByObjective;
  j["altri_obiettivi_per_persona"] = ps.dynamic;
  j["voci"] = Json::array();
  for (const sema::Share& s : ps.shares) j["voci"].push_back(share(s));
  return j;
}

Json requirement(const RequirementReport& rr) {
  const sema::RequirementInfo& r = *rr.info;
  Json j;
  j["nome"] = r.decl->name.name;
  j["titolo"] = r.decl->title.value;
  j["citazione"] = r.citation;
  j["vigente_dal"] = formatItalian(r.period.from);
  j["vigente_al"] = r.period.to ? Json(formatItalian(*r.period.to)) : Json();
  j["vigente"] = rr.inForce;
  j["livello"] = r.warningLevel ? "avviso" : "errore";
  j["si_applica_a"] = rr.inForce ? Json(rr.addressees) : Json();
  j["verifiche"] = Json::array();
  for (const Check& ch : rr.checks) {
    Json v{{"soggetto", ch.subject}};
    if (!ch.matricola.empty()) v["matricola"] = ch.matricola;
    v["profilo"] = ch.profile.empty() ? Json() : Json(ch.profile);
    v["esito"] = outcomeKey(ch.outcome);
    v["dettagli"] = ch.details;
    j["verifiche"].push_back(std::move(v));
  }
  return j;
}

}  // namespace

std::string printJson(const sema::Checked& c, const Report& report) {
  Json j;
  j["ente"] = report.ente;
  j["anno"] = report.year;
  j["verifica_per"] = report.perPerson ? "persona" : "profilo";
  if (!report.modules.empty()) {
    Json list = Json::array();
    for (const ir::ModuleVersion& v : report.modules)
      list.push_back(Json{{"nome", v.name},
                          {"titolo", v.title},
                          {"vigente_dal", v.validity ? Json(formatItalian(v.validity->from)) : Json()},
                          {"vigente_al", v.validity && v.validity->to ? Json(formatItalian(*v.validity->to)) : Json()},
                          {"applicato", v.applied}});
    j["moduli"] = list;
  }
  j["pesi_effettivi"] = Json::array();
  for (const sema::ProfileShares& ps : report.weights) j["pesi_effettivi"].push_back(weights(c, ps));
  j["requisiti"] = Json::array();
  for (const RequirementReport& rr : report.requirements) j["requisiti"].push_back(requirement(rr));
  j["errori"] = report.errors;
  j["avvisi"] = report.warnings;
  return j.dump(2) + "\n";
}

}  // namespace misura::conform
