// The graduatorie in the table, CSV, JSON and `spiega` (see ranking.h).
#include "runtime/report/ranking.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/report/format.h"
#include "runtime/report/report.h"

namespace misura::report::detail {

namespace {

// The k-th not admitted person's reason ("" : `ammessi se`, or none recorded).
std::string reasonOf(const eval::RankingOutcome& o, size_t k) { return k < o.reasons.size() ? o.reasons[k] : std::string(); }

const eval::RankingOutcome* outcomeOf(const eval::Evaluation& ev, uint32_t ranking) {
  for (const eval::RankingOutcome& o : ev.rankings)
    if (o.ranking == ranking) return &o;
  return nullptr;
}

std::string keysLine(const ir::Ranking& r) {
  std::string out;
  for (const ir::SortKey& k : r.keys) out += (out.empty() ? "" : ", ") + k.text;
  bool matricolaLast = !r.keys.empty() && r.keys.back().kind == ir::SortKey::Kind::Matricola;
  if (!matricolaLast) out += std::string(out.empty() ? "" : ", ") + "matricola (ultima chiave, sempre)";
  return out;
}

// "3 posti su 7 (40% di 7 = 2,8, arrotondati per eccesso)".
std::string placesText(const ir::Ranking& r, const eval::RankGroup& g) {
  if (!r.places) return fmt::format("{} in graduatoria, senza posti", g.entries.size());
  std::string out = fmt::format("{} {} su {}", g.places, g.places == 1 ? "posto" : "posti", g.entries.size());
  if (r.places->share && r.places->ofAll)
    out += fmt::format(" ({} dei {} concorrenti = {}; posti {})", percentText(r.places->value), g.contenders,
                       exactText(g.placesExact), r.places->text);
  else if (r.places->share)
    out += fmt::format(" ({} di {} = {}; posti {})", percentText(r.places->value), g.entries.size(),
                       exactText(g.placesExact), r.places->text);
  else if (g.placesExact > Rational(static_cast<long>(g.places)))
    out += fmt::format(" (posti {}: vincono tutti)", exactText(g.placesExact));
  return out;
}

const eval::PersonResult& personAt(const eval::Evaluation& ev, uint32_t i) { return at(ev.persons, i, "persona"); }

// The key as written, without its direction: "totale", "componente comportamenti".
std::string keyLabel(const ir::SortKey& k) {
  std::string text = k.text;
  const std::string last = ", non rilevati in fondo";
  if (k.missingLast && text.size() > last.size()) text.resize(text.size() - last.size());
  for (const char* suffix : {" decrescente", " crescente"}) {
    const std::string sfx(suffix);
    if (text.size() > sfx.size() && text.compare(text.size() - sfx.size(), sfx.size(), sfx) == 0)
      return text.substr(0, text.size() - sfx.size());
  }
  return text;
}

// "totale 95 punti, componente comportamenti 25 punti, assunzione 01/01/2005"
// (the matricola, shown anyway, is left out).
std::string keyValues(const ir::Ranking& r, const eval::RankEntry& e) {
  std::string out;
  for (size_t k = 0; k < r.keys.size() && k < e.keys.size(); ++k) {
    if (r.keys[k].kind == ir::SortKey::Kind::Matricola) continue;
    out += (out.empty() ? "" : ", ") + keyLabel(r.keys[k]) + " " + keyValueText(r.keys[k], e.keys[k]);
  }
  return out;
}

// The first key on which `a` (above) and `b` differ, with both values:
// "componente comportamenti decrescente (25 punti contro 18 punti)".
std::string decidingKey(const ir::Ranking& r, const eval::RankEntry& a, const eval::RankEntry& b,
                        const std::string& ma, const std::string& mb) {
  for (size_t k = 0; k < r.keys.size() && k < a.keys.size() && k < b.keys.size(); ++k)
    if (!(a.keys[k] == b.keys[k]))
      return fmt::format("{} ({} contro {})", r.keys[k].text, keyValueText(r.keys[k], a.keys[k]),
                         keyValueText(r.keys[k], b.keys[k]));
  return fmt::format("la matricola, ultima chiave ({} prima di {}: le matricole di sole cifre si confrontano come numeri)",
                     ma, mb);
}

}  // namespace

// Points as a graduatoria is published: two decimals (92,67 punti; 101,00
// punti), more only when the value has them.
std::string pointsText(const ir::Value& value, ir::Type type) {
  const Rational* q = std::get_if<Rational>(&value);
  if (!q || type != ir::Type::Punti || roundTo(*q, 2, RoundingMode::Down) != *q) return valueText(value, type);
  return formatItalian(*q, 2) + " punti";
}

std::string keyValueText(const ir::SortKey& key, const ir::Value& value) {
  switch (key.kind) {
    case ir::SortKey::Kind::Matricola: return valueText(value, ir::Type::Testo);
    case ir::SortKey::Kind::Componente: return pointsText(value, ir::Type::Punti);
    case ir::SortKey::Kind::Espressione: return pointsText(value, key.expr.type);
  }
  return valueText(value, ir::Type::Testo);
}

std::string groupText(const ir::Ranking& r, const ir::Value& value) {
  if (!r.group) return "";
  return valueText(value, r.group->type);
}

std::string rankingsText(const ir::Module& module, const eval::Evaluation& evaluation) {
  std::string out;
  for (uint32_t ri = 0; ri < module.rankings.size(); ++ri) {
    const ir::Ranking& r = module.rankings[ri];
    const eval::RankingOutcome* o = outcomeOf(evaluation, ri);
    out += fmt::format("\nGraduatoria «{}»{}\n", r.name, r.title.empty() ? "" : " — " + r.title);
    out += "ordine: " + keysLine(r) + "\n";
    if (!o || o->blocked) {
      out += "non decisa per gli errori segnalati\n";
      continue;
    }
    for (const eval::RankGroup& g : o->groups) {
      if (r.group) out += fmt::format("gruppo {} = {}: {}\n", r.groupText, groupText(r, g.value), placesText(r, g));
      else out += placesText(r, g) + "\n";
      for (const eval::RankEntry& e : g.entries) {
        const eval::PersonResult& p = personAt(evaluation, e.person);
        std::string name = p.nominativo.empty() ? "" : " " + p.nominativo;
        // With places, the others are «idoneo» (admitted, not a winner), as a graduatoria is published.
        out += fmt::format("  {:>3}. {}{}  {}{}\n", e.position, p.matricola, name, keyValues(r, e),
                           e.winner ? "  vincitore" : r.places ? "  idoneo" : "");
      }
    }
    if (!o->notAdmitted.empty()) {
      std::string list;
      for (size_t k = 0; k < o->notAdmitted.size(); ++k) {
        std::string reason = reasonOf(*o, k);
        const eval::PersonResult& p = personAt(evaluation, o->notAdmitted[k]);
        list += (list.empty() ? "" : ", ") + p.matricola + (p.nominativo.empty() ? "" : " " + p.nominativo) +
                (reason.empty() ? "" : " (" + reason + ")");
      }
      out += "non ammessi: " + list + "\n";
    }
  }
  return out;
}

// The CSV cell `esclusione_NOME`: the reason the person is not admitted, or "".
std::string exclusionOf(const eval::Evaluation& evaluation, uint32_t ranking, uint32_t person) {
  const eval::RankingOutcome* o = outcomeOf(evaluation, ranking);
  if (!o) return {};
  for (size_t k = 0; k < o->notAdmitted.size(); ++k)
    if (o->notAdmitted[k] == person) return reasonOf(*o, k).empty() ? "non ammesso" : reasonOf(*o, k);
  return {};
}

std::string rankingsCsvHeader(const ir::Module& module) {
  std::string out;
  for (const ir::Ranking& r : module.rankings) {
    if (r.group) out += ";gruppo_" + r.name;
    out += ";posizione_" + r.name;
    if (r.places) out += ";vincitore_" + r.name;
    if (!r.exclusions.empty()) out += ";esclusione_" + r.name;
  }
  return out;
}

std::string rankingsCsvCells(const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index) {
  std::string out;
  for (uint32_t ri = 0; ri < module.rankings.size(); ++ri) {
    const ir::Ranking& r = module.rankings[ri];
    auto [g, e] = eval::findRank(evaluation, ri, index);
    if (r.group) out += ";" + (g ? groupText(r, g->value) : std::string());
    out += ";" + (e ? std::to_string(e->position) : std::string());
    if (r.places) out += ";" + (e ? std::string(e->winner ? "sì" : "no") : std::string());
    if (!r.exclusions.empty()) out += ";" + exclusionOf(evaluation, ri, index);
  }
  return out;
}

void putRankings(Json& doc, const ir::Module& module, const eval::Evaluation& evaluation) {
  if (module.rankings.empty()) return;
  Json list = Json::array();
  for (uint32_t ri = 0; ri < module.rankings.size(); ++ri) {
    const ir::Ranking& r = module.rankings[ri];
    const eval::RankingOutcome* o = outcomeOf(evaluation, ri);
    Json j;
    j["graduatoria"] = r.name;
    j["titolo"] = orNull(r.title);
    Json keys = Json::array();
    for (const ir::SortKey& k : r.keys) keys.push_back(k.text);
    j["ordine"] = std::move(keys);
    j["ultima_chiave"] = "matricola";
    j["gruppi_per"] = r.group ? Json(r.groupText) : Json(nullptr);
    j["posti"] = r.places ? Json(r.places->text) : Json(nullptr);
    j["decisa"] = o && !o->blocked;
    Json groups = Json::array();
    if (o)
      for (const eval::RankGroup& g : o->groups) {
        Json gj;
        gj["gruppo"] = r.group ? Json(groupText(r, g.value)) : Json(nullptr);
        gj["persone"] = g.entries.size();
        if (r.places) {
          gj["posti"] = g.places;
          putExact(gj, "posti_prima_dell_arrotondamento", g.placesExact);
          if (r.places->ofAll) gj["concorrenti"] = g.contenders;
        }
        Json entries = Json::array();
        for (const eval::RankEntry& e : g.entries) {
          Json ej;
          ej["posizione"] = e.position;
          ej["matricola"] = personAt(evaluation, e.person).matricola;
          Json kv = Json::array();
          for (size_t k = 0; k < r.keys.size() && k < e.keys.size(); ++k) kv.push_back(keyValueText(r.keys[k], e.keys[k]));
          ej["chiavi"] = std::move(kv);
          if (r.places) ej["vincitore"] = e.winner;
          entries.push_back(std::move(ej));
        }
        gj["graduatoria"] = std::move(entries);
        groups.push_back(std::move(gj));
      }
    j["gruppi"] = std::move(groups);
    Json excluded = Json::array();
    Json reasons = Json::object();
    if (o)
      for (size_t k = 0; k < o->notAdmitted.size(); ++k) {
        excluded.push_back(personAt(evaluation, o->notAdmitted[k]).matricola);
        if (!reasonOf(*o, k).empty()) reasons[personAt(evaluation, o->notAdmitted[k]).matricola] = reasonOf(*o, k);
      }
    j["non_ammessi"] = std::move(excluded);
    if (!r.exclusions.empty()) j["motivi_di_esclusione"] = std::move(reasons);
    list.push_back(std::move(j));
  }
  doc["graduatorie"] = std::move(list);
}

void putPersonRankings(Json& person, const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index) {
  if (module.rankings.empty()) return;
  Json list = Json::array();
  for (uint32_t ri = 0; ri < module.rankings.size(); ++ri) {
    const ir::Ranking& r = module.rankings[ri];
    auto [g, e] = eval::findRank(evaluation, ri, index);
    if (!e) continue;
    Json j;
    j["graduatoria"] = r.name;
    if (r.group) j["gruppo"] = groupText(r, g->value);
    j["posizione"] = e->position;
    if (r.places) j["vincitore"] = e->winner;
    list.push_back(std::move(j));
  }
  person["graduatorie"] = std::move(list);
}

std::string explainRankingsText(const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index) {
  std::string out;
  for (uint32_t ri = 0; ri < module.rankings.size(); ++ri) {
    const ir::Ranking& r = module.rankings[ri];
    const eval::RankingOutcome* o = outcomeOf(evaluation, ri);
    std::string head = fmt::format("\nGraduatoria «{}»{}\n", r.name, r.title.empty() ? "" : " (" + r.title + ")");
    if (!o) continue;
    if (o->blocked) {
      out += head + "   non decisa per gli errori segnalati\n";
      continue;
    }
    auto at = std::find(o->notAdmitted.begin(), o->notAdmitted.end(), index);
    if (at != o->notAdmitted.end()) {
      std::string reason = reasonOf(*o, static_cast<size_t>(at - o->notAdmitted.begin()));
      out += head + (reason.empty() ? "   non ammessa: la condizione «ammessi se» non è soddisfatta\n"
                                    : "   non ammessa: " + reason + " (escluso se)\n");
      continue;
    }
    auto [g, e] = eval::findRank(evaluation, ri, index);
    if (!e) continue;
    out += head;
    out += "   ordine: " + keysLine(r) + "\n";
    if (r.group) out += fmt::format("   gruppo: {} = {}\n", r.groupText, groupText(r, g->value));
    out += fmt::format("   posizione {} su {}", e->position, g->entries.size());
    if (r.places)
      out += fmt::format("; {}: {}\n", placesText(r, *g), e->winner ? "vincitore" : "non vincitore");
    else
      out += "\n";
    out += "   valori di questa persona: " + keyValues(r, *e) + "\n";
    const size_t pos = e->position - 1;
    if (pos > 0) {
      const eval::RankEntry& above = g->entries[pos - 1];
      out += fmt::format("   sopra, posizione {}: {} ({}); decide: {}\n", above.position,
                         personAt(evaluation, above.person).matricola, keyValues(r, above),
                         decidingKey(r, above, *e, personAt(evaluation, above.person).matricola,
                                     personAt(evaluation, e->person).matricola));
    }
    if (pos + 1 < g->entries.size()) {
      const eval::RankEntry& below = g->entries[pos + 1];
      out += fmt::format("   sotto, posizione {}: {} ({}); decide: {}\n", below.position,
                         personAt(evaluation, below.person).matricola, keyValues(r, below),
                         decidingKey(r, *e, below, personAt(evaluation, e->person).matricola,
                                     personAt(evaluation, below.person).matricola));
    }
  }
  return out;
}

}  // namespace misura::report::detail
