// The scheda di valutazione of one person (documents.h), built from the
// pieces `spiega` uses (explain_parts.h), written with html::Writer.
#include <fmt/format.h>

#include "compiler/support/date.h"
#include "runtime/report/documents.h"
#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"
#include "runtime/report/html.h"

namespace misura::report {

namespace {

using namespace detail;
using html::Writer;

// One row of a two-column table of facts.
void fact(Writer& w, const std::string& label, const std::string& value, const std::string& where = {}) {
  w.open("tr").el("th", label).open("td").text(value);
  if (!where.empty()) w.text(" ").el("span", "(" + where + ")", "fonte");
  w.close("td").close("tr");
}

// "dal 01/03/2024 al 31/12/2024" from the staff cells of `servizio dal X al Y`.
std::string servicePeriod(const Subject& s) {
  const ir::ServiceFields& fields = s.module.serviceFields;
  if (!fields.declared())
    return fmt::format("intero anno {} (il regolamento non indica un periodo di servizio)", s.module.anno);
  // An end not declared, or an empty cell, is the year's first or last day
  // (runtime/eval/service.cpp).
  auto cell = [&](std::optional<uint32_t> field, const char* none) {
    std::string text =
        field && *field < s.person.staffCells.size() ? sourceLine(s.sources, s.person.staffCells[*field]) : "";
    return text.empty() ? fmt::format("{}/{}", none, s.module.anno) : text;
  };
  return "dal " + cell(fields.from, "01/01") + " al " + cell(fields.to, "31/12");
}

void person(Writer& w, const Subject& s) {
  const eval::PersonResult& p = s.person;
  w.el("h2", "1. Persona valutata").open("table", "dati");
  std::string row;
  if (s.module.staffKeyField < p.staffCells.size()) row = location(s.sources, p.staffCells[s.module.staffKeyField]);
  fact(w, "Matricola", p.matricola, row);
  if (!p.nominativo.empty()) fact(w, "Nominativo", p.nominativo);
  fact(w, "Profilo", s.profile.name + (s.profile.title.empty() ? "" : " — " + s.profile.title));
  fact(w, "Periodo di servizio", servicePeriod(s));
  fact(w, "Esito", statusWord(p.status));
  w.close("table");
}

// The indicator's arguments, its rule as written and the deadline: what the
// objective asks for and how the result becomes an esito.
std::string target(const Subject& s, const ir::Objective& obj, const eval::ObjectiveOutcome& o) {
  const ir::Indicator& ind = at(s.module.indicators, obj.measure.indicator, "indicatore");
  std::string out = "indicatore «" + ind.name + "»";
  for (size_t i = 0; i < o.args.size() && i + 1 < ind.slots.size(); ++i)
    out += (i ? ", " : ": ") + ind.slotNames.at(i + 1) + " " + shown(o.args[i], ind.slots[i + 1]);
  if (obj.deadline) out += "; termine " + formatItalian(*obj.deadline);
  else if (o.deadline) out += "; termine " + shown(*o.deadline, ir::Type::Data);
  if (std::string rule = sourceLine(s.sources, ind.body.span); !rule.empty()) out += "; regola: " + rule;
  return out;
}

std::string esitoText(const eval::ObjectiveOutcome& o) {
  using Status = eval::ObjectiveOutcome::Status;
  if (o.esito) return percentText(*o.esito) + (o.status == Status::EsitoFisso ? " (esito fisso)" : "");
  return o.status == Status::Neutralizzato ? "neutralizzato" : "non calcolato";
}

void objectiveRows(Writer& w, const Subject& s, const std::vector<eval::ObjectiveOutcome>& list, bool points) {
  w.open("table").open("thead").open("tr");
  w.el("th", "Obiettivo").el("th", "Peso", "n").el("th", "Risultato atteso").el("th", "Valore misurato e fonte");
  w.el("th", "Esito", "n");
  if (points) w.el("th", "Punti", "n");
  w.close("tr").close("thead").open("tbody");
  for (const eval::ObjectiveOutcome& o : list) {
    const ir::Objective& obj = objectiveOf(s.module, o);
    w.open("tr").open("td").el("strong", obj.code).text(" — " + obj.title);
    if (!obj.source.empty()) w.raw("<br>").el("span", "fonte: " + obj.source, "fonte");
    w.close("td");
    w.el("td", num(o.weight), "n").el("td", target(s, obj, o));
    w.open("td");
    std::string measured = measuredText(s, o);
    if (!measured.empty() && measured.back() == '\n') measured.pop_back();
    size_t start = 0;
    while (start <= measured.size()) {  // one line per phase
      size_t nl = measured.find('\n', start);
      if (start) w.raw("<br>");
      w.text(measured.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    w.close("td").el("td", esitoText(o), "n");
    if (points) w.el("td", o.esito ? num(o.points) : "—", "n");
    w.close("tr");
  }
  w.close("tbody").close("table");
}

void objectivesComponent(Writer& w, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  objectiveRows(w, s, co.objectives, true);
  ObjectivesSum sum = objectivesSum(s.module, c, co);
  if (!sum.neutralised.empty())
    w.el("p", fmt::format("Pesi ridistribuiti: si divide per la somma dei pesi degli obiettivi misurati, {} invece "
                          "di {} (vedi «Neutralizzazioni»).",
                          num(sum.counted), num(sum.declared)),
         "nota");
  w.el("p", "Punti = massimo × (somma di peso × esito) ÷ somma dei pesi", "nota");
  w.el("div", sum.formula.empty() ? "non calcolati" : sum.formula, "formula");
}

void behavioursComponent(Writer& w, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  const ir::Catalogue& cat = catalogueOf(s.module, c);
  w.el("p", fmt::format("Scala dei voti da {} a {}; ogni voce vale peso × voto ÷ {}.", num(cat.scaleMin),
                        num(cat.scaleMax), num(cat.scaleMax)),
       "nota");
  w.open("table").open("thead").open("tr");
  w.el("th", "Comportamento").el("th", "Peso", "n").el("th", "Voto").el("th", "Calcolo").el("th", "Punti", "n");
  w.close("tr").close("thead").open("tbody");
  std::vector<Rational> terms;
  for (uint32_t i = 0; i < cat.items.size(); ++i) {
    const ir::Behaviour& item = cat.items[i];
    const eval::BehaviourOutcome* b = nullptr;
    for (const eval::BehaviourOutcome& candidate : co.behaviours)
      if (candidate.item == i) b = &candidate;
    w.open("tr").open("td").el("strong", item.code).text(" — " + item.title).close("td");
    w.el("td", num(item.weight), "n");
    if (!b) {
      w.el("td", "non disponibile").el("td", "").el("td", "—", "n").close("tr");
      continue;
    }
    w.open("td").text(b->level.empty() ? num(b->rating) : "«" + b->level + "» = " + num(b->rating));
    if (std::string where = location(s.sources, b->dataSpan); !where.empty())
      w.raw("<br>").el("span", where, "fonte");
    w.close("td").el("td", behaviourFormula(c, cat, *b), "calcolo").el("td", num(b->points), "n").close("tr");
    terms.push_back(b->points);
  }
  w.close("tbody").close("table");
  w.el("div", co.points ? "Punti = " + sumFormula(terms, co.pointsExact ? co.pointsExact.get() : co.points)
                        : std::string("Punti: non calcolati"),
       "formula");
}

void expressionComponent(Writer& w, const Subject& s, const ir::Component& c, const eval::ComponentOutcome& co) {
  w.el("p", "Calcolati con l'espressione del regolamento (" + location(s.sources, c.expr.span) + "):", "nota");
  const std::optional<Rational>& exact = co.pointsExact ? co.pointsExact.get() : co.points;
  std::string text = sourceText(s.sources, c.expr.span);
  for (const UsedName& n : usedNames(s, co.trace, nullptr)) {
    std::string where = n.origin;
    if (!n.location.empty()) where += (where.empty() ? "" : ", ") + n.location;
    text += "\n    " + n.name + " = " + shown(n.value, n.type) + (where.empty() ? "" : " (" + where + ")");
  }
  if (std::optional<std::string> with = withValues(s, c.expr, co.trace, nullptr)) text += "\ncon i valori: " + *with;
  text += "\npunti: " + (exact ? num(*exact) + exactNote(*exact) : std::string("non calcolati"));
  w.el("div", text, "formula");
}

void components(Writer& w, const Subject& s) {
  w.el("h2", "2. Componenti della valutazione");
  for (const eval::ComponentOutcome& co : s.person.components) {
    const ir::Component& c = at(s.profile.components, co.component, "componente");
    w.el("h3", fmt::format("Componente «{}»{}: fino a {} punti", c.name, c.title.empty() ? "" : " — " + c.title,
                           num(c.maxPoints)));
    switch (c.source) {
      case ir::ComponentSource::Obiettivi: objectivesComponent(w, s, c, co); break;
      case ir::ComponentSource::Comportamenti: behavioursComponent(w, s, c, co); break;
      case ir::ComponentSource::Espressione: expressionComponent(w, s, c, co); break;
    }
    if (c.rounding && co.pointsExact && co.points)
      w.el("p", fmt::format("{} (regola del regolamento): {} → {} punti", roundingText(*c.rounding),
                            num(*co.pointsExact), num(*co.points)),
           "nota");
  }
  if (!s.person.premioObjectives.empty()) {
    w.el("h3", "Obiettivi che contano solo per il premio");
    objectiveRows(w, s, s.person.premioObjectives, false);
  }
}

void total(Writer& w, const Subject& s, const std::vector<Rational>& points) {
  const eval::PersonResult& p = s.person;
  w.el("h2", "3. Punteggio totale e fascia");
  w.open("table").open("thead").open("tr").el("th", "Componente").el("th", "Massimo", "n").el("th", "Punti", "n");
  w.close("tr").close("thead").open("tbody");
  for (const eval::ComponentOutcome& co : p.components) {
    const ir::Component& c = at(s.profile.components, co.component, "componente");
    w.open("tr").el("td", c.name + (c.title.empty() ? "" : " — " + c.title)).el("td", num(c.maxPoints), "n");
    w.el("td", co.points ? num(*co.points) : "—", "n").close("tr");
  }
  w.open("tr", "totale").el("td", "Totale").el("td", "", "n").el("td", totalText(s.profile, p.total), "n").close("tr");
  w.close("tbody").close("table");
  w.el("p", "Somma delle componenti: " + sumFormula(points, p.totalExact), "nota");
  if (s.profile.totalRounding)
    w.el("p", fmt::format("{} (regola del regolamento): {} → {} punti", roundingText(*s.profile.totalRounding),
                          num(p.totalExact), roundedTotal(s.profile, p.total)),
         "nota");
  else
    w.el("p", "Nessun arrotondamento (il regolamento non lo prevede).", "nota");
  if (s.profile.bands.empty()) {
    w.el("p", "Il profilo non ha fasce.");
    return;
  }
  if (!p.band) {
    w.el("p", "Fascia: non determinata.");
    return;
  }
  const ir::Band& b = at(s.profile.bands, *p.band, "fascia");
  w.open("p").text("Fascia: ").el("span", b.label, "esito").close("p");
  w.el("p", fmt::format("il totale {} è nella fascia «{}»: {}; percentuale della fascia {}.",
                        roundedTotal(s.profile, p.total), b.label, bandRange(s.profile, *p.band),
                        percentText(b.percent)),
       "nota");
}

void premio(Writer& w, const Subject& s) {
  w.el("h2", "4. Premio");
  const eval::PersonResult& p = s.person;
  w.open("p").text("Premio: ").el("span", p.premio ? euroText(*p.premio, true) + " €" : "non previsto", "esito");
  w.close("p");
  w.el("p", "Come è calcolato, con i valori usati:", "nota");
  std::string text = premioText(s);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  w.el("div", text, "formula");
}

void neutralisations(Writer& w, const Subject& s, const std::string& number) {
  w.el("h2", number + ". Neutralizzazioni ed esiti fissi");
  Writer items;
  for (const eval::ComponentOutcome& co : s.person.components)
    for (const eval::ObjectiveOutcome& o : co.objectives) {
      const ir::Objective& obj = objectiveOf(s.module, o);
      std::string effect = notMeasuredEffect(obj, o);
      if (effect.empty()) continue;
      items.open("li").el("strong", obj.code).text(" — " + obj.title + ": " + effect);
      if (std::string where = location(s.sources, o.dataSpan); !where.empty()) items.text(" (" + where + ")");
      items.text(".").close("li");
    }
  std::string list = items.take();
  if (list.empty()) w.el("p", "Nessun obiettivo neutralizzato o con esito fisso.");
  else w.open("ul").raw(list).close("ul");
}

void modules(Writer& w, const Subject& s, const std::string& number) {
  w.el("h2", number + ". Norme e moduli applicati");
  Writer items;
  for (const ir::ModuleVersion& v : s.module.modules)
    if (v.applied) items.el("li", ir::describe(v, s.module.anno));
  std::string list = items.take();
  if (list.empty()) w.el("p", "Il regolamento non applica moduli di legge per quest'anno.");
  else w.open("ul").raw(list).close("ul");
  if (s.evaluation.deroga) {
    w.open("div", "avviso").el("strong", "DEROGA: ");
    w.text("premio calcolato nonostante i requisiti di legge non rispettati, con il motivo «" +
           s.evaluation.deroga->reason + "»:");
    w.open("ul");
    for (const std::string& v : s.evaluation.deroga->violations) w.el("li", v);
    w.close("ul").close("div");
  }
}

void signatures(Writer& w, const std::string& number) {
  w.el("h2", number + ". Firme");
  w.open("div", "firme");
  w.open("div", "firma").el("strong", "Il valutatore").el("p", "Nome e cognome").raw("<div class=\"riga\"></div>");
  w.el("p", "Data").raw("<div class=\"riga\"></div>").el("p", "Firma").raw("<div class=\"riga\"></div>").close("div");
  w.open("div", "firma").el("strong", "Il valutato, per presa visione").el("p", "Nome e cognome");
  w.raw("<div class=\"riga\"></div>").el("p", "Data").raw("<div class=\"riga\"></div>").el("p", "Firma");
  w.raw("<div class=\"riga\"></div>").close("div");
  w.close("div");
  w.el("p", "La firma del valutato attesta la consegna della scheda, non l'accordo con il suo contenuto.", "nota");
}

}  // namespace

std::string scheda(const ir::Module& module, const eval::Evaluation& evaluation, const eval::PersonResult& p,
                   const SourceManager& sources) {
  Subject s{module, evaluation, p, at(module.profiles, p.profile, "profilo"), sources};
  Writer w;
  w.el("p", module.ente, "ente");
  w.el("h1", fmt::format("Scheda di valutazione individuale — anno {}", module.anno));
  w.el("p", "Regolamento: " + module.sourcePath, "sottotitolo");
  person(w, s);
  int next = 2;
  if (p.status == eval::PersonStatus::NonValutato) {
    w.el("h2", "2. Non valutato");
    w.el("p", p.reason);
    w.el("p", s.profile.notEvaluated ? "Il regolamento non valuta le persone di questo profilo: nessun punteggio, "
                                       "fascia o premio."
                                     : "Il profilo esclude dalla valutazione chi è in questo caso: nessun "
                                       "punteggio, fascia o premio.");
    next = 3;
  } else {
    components(w, s);
    if (std::optional<std::vector<Rational>> points = componentPoints(p)) {
      total(w, s, *points);
      premio(w, s);
    }
    neutralisations(w, s, "5");
    next = 6;
  }
  modules(w, s, std::to_string(next));
  signatures(w, std::to_string(next + 1));
  std::string title = "Scheda di valutazione " + std::to_string(module.anno) + " — matricola " + p.matricola;
  return html::page(title, module.ente + " — " + title, w.take());
}

}  // namespace misura::report
