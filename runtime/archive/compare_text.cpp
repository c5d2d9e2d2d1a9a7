// comparisonText() and comparisonJson() (compare.h).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <gmpxx.h>

#include "runtime/archive/compare.h"
#include "runtime/report/format.h"

namespace misura::archive {

namespace {

using Json = nlohmann::ordered_json;

std::string euro(int64_t cents) { return report::detail::euroText(Rational(cents, 100), true) + " €"; }

std::string signedEuro(int64_t cents) {
  return (cents > 0 ? "+" : cents < 0 ? "−" : "") + euro(cents < 0 ? -cents : cents);
}

std::string orDash(const std::string& s) { return s.empty() ? "—" : s; }

std::string shortHash(const std::string& h) { return h.empty() ? "assente" : h.substr(0, 12); }

// The difference of two exact totals ("175/2"), signed, in its shortest decimal form.
std::string totalDelta(const std::string& before, const std::string& after) {
  if (before.empty() || after.empty()) return "";
  try {
    mpq_class a(before), b(after);
    a.canonicalize();
    b.canonicalize();
    Rational d = Rational::fromMpq(b - a);
    // Two decimals as the totals are shown, unless the difference needs more.
    std::string text = isExactAt(d, 2) ? report::detail::euroText(d.abs(), false) : report::detail::exactText(d.abs());
    return d.sign() > 0 ? "+" + text : d.sign() < 0 ? "−" + text : "0";
  } catch (const std::invalid_argument&) {
    return "";
  }
}

// "2026-12-07T13:05:00Z" -> "07/12/2026 alle 13:05:00 UTC" (as stored if another shape).
std::string timeText(const std::string& iso) {
  if (iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4) + " alle " + iso.substr(11, 8) + " UTC";
}

std::string runLabel(const Snapshot& s) {
  std::string out;
  if (s.id) {
    out = "esecuzione n. " + std::to_string(s.id) + " del " + timeText(s.creata);
    if (!s.autore.empty()) out += ", di «" + s.autore + "»";
    if (s.chiusa) out += ", anno chiuso";
    if (s.sostituisce) out += ", sostituisce la n. " + std::to_string(*s.sostituisce);
    out += "\n     ";
  }
  out += s.ente + ", anno " + std::to_string(s.anno) + ", regolamento «" + s.regolamento + "» (sha256 " +
         shortHash(s.regolamentoSha256) + "), dati «" + s.cartellaDati + "»";
  if (s.id && !s.nota.empty()) out += "\n     nota: " + s.nota;
  return out;
}

void inputsText(const Comparison& c, std::string& out) {
  out += "\nChe cosa è cambiato negli ingressi\n";
  if (c.regolamento && c.regolamento->empty()) {
    out += "  Regolamento: uguale.\n";
  } else if (!c.regolamento) {
    out += "  Regolamento: diverso, troppo per elencare le righe (sha256 " + shortHash(c.a->regolamentoSha256) +
           " → " + shortHash(c.b->regolamentoSha256) + ").\n";
  } else {
    out += "  Regolamento: " + std::to_string(c.regolamento->size()) + " righe diverse (- in A, + in B):\n";
    for (const LineChange& l : *c.regolamento)
      out += std::string("    ") + (l.removed ? "- " : "+ ") + "riga " + std::to_string(l.line) + ": " + l.text + "\n";
  }
  bool any = false;
  for (const FileChange& f : c.files) {
    if (!any) out += "  File cambiati:\n";
    any = true;
    out += "    " + std::string(f.tipo == "dati" ? "dati " : "modulo ") + f.nome + ": sha256 " + shortHash(f.before) +
           " → " + shortHash(f.after) + (f.tipo == "dati" && !f.detail.empty() ? ", " + f.detail : "") + "\n";
  }
  if (!any) out += "  Moduli e file di dati: uguali.\n";
}

// The band transition table: the persons who change band, by transition,
// then those who stay, by band ("—": not evaluated, or in one run only).
void bandsText(const Comparison& c, std::string& out) {
  std::string moves, stays;
  int stayed = 0;
  for (const auto& [pair, n] : c.transitions) {
    if (pair.first != pair.second) {
      moves += "    " + orDash(pair.first) + " → " + orDash(pair.second) + ": " + std::to_string(n) + "\n";
    } else {
      stayed += n;
      stays += (stays.empty() ? "" : ", ") + orDash(pair.first) + " " + std::to_string(n);
    }
  }
  out += moves.empty() ? "  Passaggi di fascia: nessuno.\n" : "  Passaggi di fascia (prima → dopo: persone):\n" + moves;
  if (stayed) out += "  Restano nella stessa fascia: " + std::to_string(stayed) + " (" + stays + ").\n";
}

void staffText(const Comparison& c, size_t maxChanges, std::string& out) {
  size_t changed = 0, bands = 0;
  for (const PersonDiff& d : c.persons) {
    changed += d.changed();
    bands += d.a && d.b && d.fascia;
  }
  out += "\nEffetti sul personale\n";
  out += "  Persone confrontate: " + std::to_string(c.persons.size()) + "; con un risultato diverso: " +
         std::to_string(changed) + "; che cambiano fascia: " + std::to_string(bands) + ".\n";
  int64_t before = 0, after = 0;
  for (const PersonDiff& d : c.persons) {
    if (d.a) before += d.a->premioCentesimi.value_or(0);
    if (d.b) after += d.b->premioCentesimi.value_or(0);
  }
  out += "  Premi: " + euro(before) + " → " + euro(after) + " (" + signedEuro(after - before) + ").\n";
  bandsText(c, out);
  for (const FundDiff& f : c.funds) {
    auto money = [](const FundRecord* r, int64_t FundRecord::*m) { return r ? euro(r->*m) : std::string("—"); };
    out += "  Fondo «" + f.nome + "»: stanziato " + money(f.a, &FundRecord::stanziato) + " → " +
           money(f.b, &FundRecord::stanziato) + "; distribuito " + money(f.a, &FundRecord::distribuito) + " → " +
           money(f.b, &FundRecord::distribuito) + "; economia " + money(f.a, &FundRecord::economia) + " → " +
           money(f.b, &FundRecord::economia) + "\n";
  }
  std::vector<std::pair<int64_t, const PersonDiff*>> moves;
  for (const PersonDiff& d : c.persons) {
    int64_t delta = (d.b ? d.b->premioCentesimi.value_or(0) : 0) - (d.a ? d.a->premioCentesimi.value_or(0) : 0);
    if (delta) moves.push_back({delta, &d});
  }
  std::stable_sort(moves.begin(), moves.end(),
                   [](const auto& x, const auto& y) { return std::llabs(x.first) > std::llabs(y.first); });
  if (moves.empty()) return;
  out += "  Le variazioni di premio maggiori:\n";
  for (size_t i = 0; i < moves.size() && i < maxChanges; ++i) {
    const PersonRecord* p = moves[i].second->b ? moves[i].second->b : moves[i].second->a;
    out += "    " + p->matricola + " " + p->nominativo + ": " + signedEuro(moves[i].first) + "\n";
  }
}

std::string premioText(const PersonRecord* p) { return p && p->premioCentesimi ? euro(*p->premioCentesimi) : "—"; }

void personText(const PersonDiff& d, std::string& out) {
  const PersonRecord* p = d.b ? d.b : d.a;
  out += "\n  " + p->matricola + " " + p->nominativo + " (" + p->profilo + ")\n";
  if (!d.a || !d.b) {
    out += std::string("    presente solo in ") + (d.a ? "A" : "B") + "\n";
    return;
  }
  if (d.stato) out += "    stato: " + d.a->stato + " → " + d.b->stato + "\n";
  if (d.totale) {
    out += "    totale: " + orDash(d.a->totale) + " → " + orDash(d.b->totale);
    std::string delta = totalDelta(d.a->totaleEsatto, d.b->totaleEsatto);
    if (!delta.empty() && delta != "0") out += " (" + delta + ")";
    if (delta == "0") out += " (non arrotondato: " + d.a->totaleNonArrotondato + " → " + d.b->totaleNonArrotondato + ")";
    out += "\n";
  }
  if (d.fascia) out += "    fascia: " + orDash(d.a->fascia) + " → " + orDash(d.b->fascia) + "\n";
  if (d.premio) {
    out += "    premio: " + premioText(d.a) + " → " + premioText(d.b);
    if (d.a->premioCentesimi && d.b->premioCentesimi)
      out += " (" + signedEuro(*d.b->premioCentesimi - *d.a->premioCentesimi) + ")";
    out += "\n";
  }
  if (d.causes.empty()) {
    out += "    perché: nessun peso, dato o regola della sua derivazione è diverso; la differenza viene "
           "da ciò che la persona condivide con altri (fondo, graduatoria)\n";
    return;
  }
  out += "    perché:\n";
  for (const Cause& cause : d.causes) {
    out += "      - " + cause.what + ": " + orDash(cause.before) + " → " + orDash(cause.after);
    if (!cause.where.empty()) out += " (" + cause.where + ")";
    out += "\n";
  }
}

}  // namespace

std::string comparisonText(const Comparison& c, size_t maxChanges) {
  std::string out = "Confronto tra due valutazioni\n";
  out += "  A: " + runLabel(*c.a) + "\n";
  out += "  B: " + runLabel(*c.b) + "\n";
  inputsText(c, out);
  staffText(c, maxChanges, out);
  size_t same = 0;
  bool header = false;
  for (const PersonDiff& d : c.persons) {
    if (!d.changed()) {
      ++same;
      continue;
    }
    if (!header) out += "\nPersona per persona: che cosa cambia e perché\n";
    header = true;
    personText(d, out);
  }
  if (same)
    out += "\n" + std::string(same == 1 ? "1 persona ha" : std::to_string(same) + " persone hanno") +
           " lo stesso risultato in A e in B.\n";
  return out;
}

namespace {

Json runJson(const Snapshot& s) {
  Json j;
  j["esecuzione"] = s.id ? Json(s.id) : Json(nullptr);
  j["creata"] = s.id ? Json(s.creata) : Json(nullptr);
  j["autore"] = s.autore;
  j["ente"] = s.ente;
  j["anno"] = s.anno;
  j["regolamento"] = s.regolamento;
  j["regolamento_sha256"] = s.regolamentoSha256;
  j["dati"] = s.cartellaDati;
  j["chiusa"] = s.chiusa;
  j["sostituisce"] = s.sostituisce ? Json(*s.sostituisce) : Json(nullptr);
  return j;
}

Json personSide(const PersonRecord* p) {
  if (!p) return nullptr;
  Json j;
  j["stato"] = p->stato;
  j["totale"] = p->totale;
  j["totale_esatto"] = p->totaleEsatto;
  j["fascia"] = p->fascia;
  j["premio_centesimi"] = p->premioCentesimi ? Json(*p->premioCentesimi) : Json(nullptr);
  return j;
}

}  // namespace

std::string comparisonJson(const Comparison& c) {
  Json doc;
  doc["a"] = runJson(*c.a);
  doc["b"] = runJson(*c.b);
  if (c.regolamento) {
    Json lines = Json::array();
    for (const LineChange& l : *c.regolamento)
      lines.push_back({{"segno", l.removed ? "-" : "+"}, {"riga", l.line}, {"testo", l.text}});
    doc["regolamento_righe"] = std::move(lines);
  } else {
    doc["regolamento_righe"] = nullptr;
  }
  Json files = Json::array();
  for (const FileChange& f : c.files)
    files.push_back({{"tipo", f.tipo}, {"nome", f.nome}, {"sha256_a", f.before}, {"sha256_b", f.after}});
  doc["file_cambiati"] = std::move(files);
  Json bands = Json::array();
  for (const auto& [pair, n] : c.transitions) bands.push_back({{"da", pair.first}, {"a", pair.second}, {"persone", n}});
  doc["fasce"] = std::move(bands);
  Json funds = Json::array();
  for (const FundDiff& f : c.funds) {
    Json j{{"fondo", f.nome}};
    for (auto [key, r] : {std::pair{"a", f.a}, std::pair{"b", f.b}})
      j[key] = r ? Json{{"stanziato_centesimi", r->stanziato},
                        {"distribuito_centesimi", r->distribuito},
                        {"economia_centesimi", r->economia}}
                 : Json(nullptr);
    funds.push_back(std::move(j));
  }
  doc["fondi"] = std::move(funds);
  Json persons = Json::array();
  for (const PersonDiff& d : c.persons) {
    if (!d.changed()) continue;
    const PersonRecord* p = d.b ? d.b : d.a;
    Json j{{"matricola", p->matricola}, {"nominativo", p->nominativo}, {"a", personSide(d.a)}, {"b", personSide(d.b)}};
    Json causes = Json::array();
    for (const Cause& k : d.causes)
      causes.push_back({{"che_cosa", k.what}, {"prima", k.before}, {"dopo", k.after}, {"dove", k.where}});
    j["perche"] = std::move(causes);
    persons.push_back(std::move(j));
  }
  doc["persone_cambiate"] = std::move(persons);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace misura::archive
