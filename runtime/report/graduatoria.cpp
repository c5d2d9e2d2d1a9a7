// The graduatoria and the distribution of the premi (documents.h).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "runtime/report/documents.h"
#include "runtime/report/format.h"
#include "runtime/report/html.h"
#include "runtime/report/ranking.h"
#include "runtime/report/svg.h"

namespace misura::report {

namespace {

using namespace detail;
using html::Writer;

std::string euro(const Rational& amount) { return euroText(amount, true) + " €"; }

// "33,3%" of the persons: one decimal is what a published table shows.
std::string share(uint32_t part, uint32_t whole) {
  return whole == 0 ? "—" : formatItalian(Rational(static_cast<long>(part) * 100, whole), 1) + "%";
}

bool evaluated(const eval::PersonResult& p) { return p.status == eval::PersonStatus::Valutato; }

// The persons of a profile, evaluated, by total (highest first), then in
// staff-list order.
std::vector<const eval::PersonResult*> ranked(const eval::Evaluation& ev, uint32_t profile) {
  std::vector<const eval::PersonResult*> out;
  for (const eval::PersonResult& p : ev.persons)
    if (p.profile == profile && evaluated(p)) out.push_back(&p);
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return b->total < a->total; });
  return out;
}

std::string bandOf(const ir::Profile& profile, const eval::PersonResult& p) {
  return p.band ? at(profile.bands, *p.band, "fascia").label : std::string("—");
}

void ranking(Writer& w, const ir::Module& m, const eval::Evaluation& ev, int& section) {
  w.el("h2", fmt::format("{}. Graduatoria per profilo", section++));
  w.el("p", "In ordine di punteggio totale; a parità di totale la posizione è la stessa e l'ordine è quello "
            "dell'elenco del personale.",
       "nota");
  for (uint32_t pi = 0; pi < m.profiles.size(); ++pi) {
    const ir::Profile& profile = m.profiles[pi];
    std::vector<const eval::PersonResult*> list = ranked(ev, pi);
    std::vector<const eval::PersonResult*> out;
    for (const eval::PersonResult& p : ev.persons)
      if (p.profile == pi && !evaluated(p)) out.push_back(&p);
    if (list.empty() && out.empty()) continue;
    w.el("h3", "Profilo «" + profile.name + "»" + (profile.title.empty() ? "" : " — " + profile.title));
    if (!list.empty()) {
      w.open("table").open("thead").open("tr").el("th", "Pos.", "n").el("th", "Matricola").el("th", "Nominativo");
      w.el("th", "Totale", "n").el("th", "Fascia").el("th", "Premio", "n").close("tr").close("thead").open("tbody");
      for (size_t i = 0; i < list.size(); ++i) {
        size_t position = i;
        while (position > 0 && list[position - 1]->total == list[i]->total) --position;
        const eval::PersonResult& p = *list[i];
        w.open("tr").el("td", std::to_string(position + 1), "n").el("td", p.matricola).el("td", p.nominativo);
        w.el("td", totalText(profile, p.total), "n").el("td", bandOf(profile, p));
        w.el("td", p.premio ? euro(*p.premio) : "—", "n").close("tr");
      }
      w.close("tbody").close("table");
    }
    for (const eval::PersonResult* p : out)
      w.el("p", "Non valutato: " + p->matricola + (p->nominativo.empty() ? "" : " " + p->nominativo) + " — " +
                    p->reason,
           "nota");
  }
}

// The persons and premi of one band of one profile.
struct BandCell {
  uint32_t persons = 0;
  Rational sum, min, max;
};

struct Distribution {
  std::vector<std::pair<std::string, BandCell>> rows;  // "profilo|fascia" order of the regolamento
  uint32_t evaluated = 0;
  Rational sum;
};

Distribution distribution(const ir::Module& m, const eval::Evaluation& ev) {
  Distribution d;
  for (uint32_t pi = 0; pi < m.profiles.size(); ++pi) {
    const ir::Profile& profile = m.profiles[pi];
    std::vector<BandCell> cells(profile.bands.size() + 1);  // the last: no band
    for (const eval::PersonResult& p : ev.persons) {
      if (p.profile != pi || !evaluated(p)) continue;
      BandCell& c = cells[p.band ? *p.band : profile.bands.size()];
      Rational premio = p.premio.value_or(Rational());
      if (c.persons == 0 || premio < c.min) c.min = premio;
      if (c.persons == 0 || c.max < premio) c.max = premio;
      ++c.persons;
      c.sum += premio;
      ++d.evaluated;
      d.sum += premio;
    }
    uint32_t inProfile = 0;
    for (const BandCell& c : cells) inProfile += c.persons;
    if (inProfile == 0) continue;  // nobody evaluated: no rows of zeros
    for (size_t b = 0; b < cells.size(); ++b) {
      if (cells[b].persons == 0 && b == profile.bands.size()) continue;
      std::string band = b < profile.bands.size() ? profile.bands[b].label : "senza fascia";
      d.rows.push_back({profile.name + "|" + band, cells[b]});
    }
  }
  return d;
}

std::pair<std::string, std::string> split(const std::string& key) {
  size_t bar = key.find('|');
  return {key.substr(0, bar), key.substr(bar + 1)};
}

void distributionTable(Writer& w, const ir::Module& m, const Distribution& d, int& section) {
  w.el("h2", fmt::format("{}. Distribuzione dei premi per fascia", section++));
  w.el("p", "Dati per la pubblicazione ai sensi dell'art. 20 del D.Lgs. 33/2013: per ogni fascia il numero di "
            "persone, la loro quota sul personale valutato (colonna «Quota») e i premi distribuiti.",
       "nota");
  bool profiles = m.profiles.size() > 1;
  w.open("table", "stretta").open("thead").open("tr");
  if (profiles) w.el("th", "Profilo");
  w.el("th", "Fascia").el("th", "Persone", "n").el("th", "Quota", "n").el("th", "Premi totali", "n");
  w.el("th", "Premio medio", "n").el("th", "Minimo", "n").el("th", "Massimo", "n");
  w.close("tr").close("thead").open("tbody");
  for (const auto& [key, c] : d.rows) {
    auto [profile, band] = split(key);
    w.open("tr");
    if (profiles) w.el("td", profile);
    w.el("td", band).el("td", std::to_string(c.persons), "n").el("td", share(c.persons, d.evaluated), "n");
    w.el("td", euro(c.sum), "n").el("td", c.persons ? euro(c.sum / Rational(static_cast<long>(c.persons))) : "—", "n");
    w.el("td", c.persons ? euro(c.min) : "—", "n").el("td", c.persons ? euro(c.max) : "—", "n").close("tr");
  }
  w.open("tr", "totale");
  if (profiles) w.el("td", "");
  w.el("td", "Totale").el("td", std::to_string(d.evaluated), "n").el("td", share(d.evaluated, d.evaluated), "n");
  w.el("td", euro(d.sum), "n").el("td", d.evaluated ? euro(d.sum / Rational(static_cast<long>(d.evaluated))) : "—", "n");
  w.el("td", "").el("td", "").close("tr");
  w.close("tbody").close("table");
  w.el("p", "Il premio medio è arrotondato al centesimo; i premi totali sono la somma esatta dei premi pagati.",
       "nota");
}

// One chart per profile: its bands, from the highest.
void bandCharts(Writer& w, const ir::Module& m, const Distribution& d) {
  for (const ir::Profile& profile : m.profiles) {
    std::vector<svg::Bar> bars;
    uint32_t persons = 0;
    for (const auto& [key, c] : d.rows) {
      auto [name, band] = split(key);
      if (name != profile.name) continue;
      bars.push_back({band, Rational(static_cast<long>(c.persons)),
                      std::to_string(c.persons) + (c.persons == 1 ? " persona" : " persone")});
      persons += c.persons;
    }
    if (persons == 0) continue;
    std::string title = m.profiles.size() > 1 ? "Persone per fascia — profilo «" + profile.name + "»"
                                              : std::string("Persone per fascia");
    w.open("div", "grafico").raw(svg::barChart(title, "persone", bars)).close("div");
  }
}

// Totals in classes of 10 points, from the lowest class with someone in it
// to the highest a profile allows.
void totalsHistogram(Writer& w, const ir::Module& m, const eval::Evaluation& ev) {
  Rational top;
  for (const ir::Profile& profile : m.profiles) {
    Rational max;
    for (const ir::Component& c : profile.components) max += c.maxPoints;
    if (top < max) top = max;
  }
  long classes = (top / 10).ceil().toLong().value_or(10);
  if (classes < 1) classes = 1;
  std::vector<uint32_t> counts(static_cast<size_t>(classes), 0);
  long lowest = classes - 1;
  for (const eval::PersonResult& p : ev.persons) {
    if (!evaluated(p)) continue;
    long k = std::clamp((p.total / 10).floor().toLong().value_or(0), 0L, classes - 1);
    ++counts[static_cast<size_t>(k)];
    lowest = std::min(lowest, k);
  }
  std::vector<svg::Bar> bars;
  for (long k = lowest; k < classes; ++k) {
    bool last = k == classes - 1;
    std::string label = fmt::format("{}–{}", k * 10, last ? formatItalian(top, 0) : std::to_string(k * 10 + 10));
    bars.push_back({label, Rational(static_cast<long>(counts[static_cast<size_t>(k)])), std::to_string(counts[static_cast<size_t>(k)])});
  }
  w.open("div", "grafico").raw(svg::barChart("Totali: persone per classe di punteggio", "persone", bars)).close("div");
  w.el("p", "Ogni classe comprende il suo estremo inferiore e non quello superiore, tranne l'ultima.", "nota");
}

void funds(Writer& w, const ir::Module& m, const eval::Evaluation& ev, int& section) {
  w.el("h2", fmt::format("{}. Fondi: stanziato, distribuito, economia", section++));
  std::vector<FundRow> rows = fundRows(m, ev);
  if (rows.empty()) {
    w.el("p", "Il regolamento non ripartisce fondi: i premi sono calcolati persona per persona.");
    return;
  }
  w.open("table").open("thead").open("tr").el("th", "Fondo").el("th", "Tipo").el("th", "Stanziato", "n");
  w.el("th", "Distribuito", "n").el("th", "Economia", "n").el("th", "Persone", "n");
  w.close("tr").close("thead").open("tbody");
  Rational stanziato, distribuito;
  for (const FundRow& f : rows) {
    stanziato += f.stanziato;
    distribuito += f.distribuito;
    w.open("tr").el("td", f.name).el("td", f.scheme).el("td", euro(f.stanziato), "n");
    w.el("td", f.blocked ? "non ripartito" : euro(f.distribuito), "n");
    w.el("td", f.blocked ? "—" : euro(f.economia), "n").el("td", std::to_string(f.persons), "n").close("tr");
  }
  w.open("tr", "totale").el("td", "Totale").el("td", "").el("td", euro(stanziato), "n");
  w.el("td", euro(distribuito), "n").el("td", euro(stanziato - distribuito), "n").el("td", "").close("tr");
  w.close("tbody").close("table");
  Rational onTop;
  for (const eval::FundOutcome& f : ev.funds) onTop += f.bonusOnTop;
  if (!onTop.isZero())
    w.el("p", "Oltre al distribuito, le maggiorazioni dell'art. 81 pagate in aggiunta al fondo: " + euro(onTop) + ".",
         "nota");
}

}  // namespace

std::string graduatoria(const ir::Module& m, const eval::Evaluation& ev, bool publication) {
  Writer w;
  int section = 1;
  w.el("p", m.ente, "ente");
  w.el("h1", publication ? fmt::format("Distribuzione dei premi — anno {}", m.anno)
                         : fmt::format("Graduatoria e distribuzione dei premi — anno {}", m.anno));
  w.el("p", "Regolamento: " + m.sourcePath, "sottotitolo");
  if (publication)
    w.el("p", "Dati aggregati per la pubblicazione (art. 20 D.Lgs. 33/2013): nessun nome e nessuna matricola.",
         "sottotitolo");
  else
    ranking(w, m, ev, section);
  Distribution d = distribution(m, ev);
  distributionTable(w, m, d, section);
  bandCharts(w, m, d);
  totalsHistogram(w, m, ev);
  funds(w, m, ev, section);
  if (!m.rankings.empty() && !publication) {
    w.el("h2", fmt::format("{}. Graduatorie previste dal regolamento", section++));
    std::string text = rankingsText(m, ev);
    while (!text.empty() && text.front() == '\n') text.erase(text.begin());
    if (!text.empty() && text.back() == '\n') text.pop_back();
    w.el("div", text, "formula");
  }
  if (ev.deroga) {
    w.open("div", "avviso").el("strong", "DEROGA: ");
    w.text("premi calcolati nonostante i requisiti di legge non rispettati, con il motivo «" + ev.deroga->reason +
           "»:");
    w.open("ul");
    for (const std::string& v : ev.deroga->violations) w.el("li", v);
    w.close("ul").close("div");
  }
  std::string title = (publication ? "Distribuzione dei premi " : "Graduatoria ") + std::to_string(m.anno);
  return html::page(title, m.ente + " — " + title, w.take());
}

}  // namespace misura::report
