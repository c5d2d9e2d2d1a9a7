// Arithmetic differential test: random small regolamenti (objectives with
// weights, three kinds of indicator, an optional second component, the
// totale's rounding, bands, a premio by formula or from a fund) on random
// data, evaluated by Misura and recomputed here independently with GMP
// fractions (mpq_class), following docs/linguaggio.md §§ 4, 6, 8. Every
// total, band and cent must agree. The seed is fixed: the cases are the
// same on every run (a failure prints the regolamento and the data).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gmpxx.h>

#include "compiler/driver/driver.h"
#include "runtime/eval/evaluate.h"

using namespace misura;
namespace fs = std::filesystem;

namespace {

// ---- the independent reference ------------------------------------------------

enum class Mode { HalfUp, Down, Up, HalfEven };

// The fraction a/b, canonical (GMP's operations require canonical operands).
mpq_class frac(const mpz_class& a, const mpz_class& b) {
  mpq_class q(a, b);
  q.canonicalize();
  return q;
}

mpz_class floorOf(const mpq_class& q) {
  mpz_class r;
  mpz_fdiv_q(r.get_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return r;
}

mpq_class roundAt(const mpq_class& q, int decimals, Mode mode) {
  mpz_class scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  mpq_class scaled = q * scale;
  mpz_class down = floorOf(scaled);
  mpq_class rest = scaled - down;
  mpz_class r = down;
  switch (mode) {
    case Mode::Down: break;
    case Mode::Up: if (rest != 0) r += 1; break;
    case Mode::HalfUp: if (rest >= frac(1, 2)) r += 1; break;
    case Mode::HalfEven:
      if (rest > frac(1, 2) || (rest == frac(1, 2) && down % 2 != 0)) r += 1;
      break;
  }
  return frac(r, scale);
}

const char* modeWords(Mode m) {
  switch (m) {
    case Mode::HalfUp: return "";
    case Mode::Down: return " per difetto";
    case Mode::Up: return " per eccesso";
    case Mode::HalfEven: return " al pari";
  }
  return "";
}

// "1234,5" style: exact decimal with `decimals` digits, Italian comma.
std::string italian(long hundredthsOrUnits, int decimals) {
  long scale = decimals == 2 ? 100 : 1;
  std::string s = std::to_string(hundredthsOrUnits / scale);
  if (decimals == 2) {
    long f = hundredthsOrUnits % scale;
    s += f < 10 ? ",0" + std::to_string(f) : "," + std::to_string(f);
  }
  return s;
}

enum class Indicator { Lineare, Tempestivita, Gradini };

struct Objective {
  int weight;
  Indicator kind;
  long pieno = 0, soglia = 0;  // hundredths of a percent, for Tempestivita
};

struct Band {
  long from;  // hundredths of a point
  int percent;
};

struct Person {
  std::string matricola;
  int ore;
  long base;    // cents
  long extra;   // hundredths of a point
  std::vector<long> values;  // per objective, hundredths of a percent
};

struct Case {
  std::vector<Objective> objectives;
  int objectivePoints = 100, extraPoints = 0;
  std::optional<std::pair<int, Mode>> totalRounding;  // decimals, mode
  std::vector<Band> bands;  // from the highest; the last is `altrimenti` (from unused)
  bool fund = false;
  long fundCents = 0;
  bool fundByDefect = false, quotaWithBand = false;
  Mode premioMode = Mode::HalfUp;
  std::vector<Person> persons;
};

mpq_class grade(const Objective& o, long value) {
  mpq_class v = frac(value, 10000);
  switch (o.kind) {
    case Indicator::Lineare: return std::min(mpq_class(1), v);
    case Indicator::Tempestivita: {
      mpq_class p = frac(o.pieno, 10000), s = frac(o.soglia, 10000);
      if (v >= p) return 1;
      if (v < s) return 0;
      return (v - s) / (p - s);
    }
    case Indicator::Gradini:
      if (v >= frac(95, 100)) return 1;
      if (v >= frac(80, 100)) return frac(7, 10);
      if (v >= frac(60, 100)) return frac(4, 10);
      return 0;
  }
  return 0;
}

struct Expected {
  mpq_class total;
  size_t band;
  std::optional<mpq_class> premio;
};

std::vector<Expected> expected(const Case& c) {
  std::vector<Expected> out;
  for (const Person& p : c.persons) {
    mpq_class weighted = 0, weights = 0;
    for (size_t i = 0; i < c.objectives.size(); ++i) {
      weighted += c.objectives[i].weight * grade(c.objectives[i], p.values[i]);
      weights += c.objectives[i].weight;
    }
    mpq_class total = c.objectivePoints * weighted / weights + frac(p.extra, 100);
    if (c.totalRounding) total = roundAt(total, c.totalRounding->first, c.totalRounding->second);
    size_t band = c.bands.size() - 1;
    for (size_t b = 0; b + 1 < c.bands.size(); ++b)
      if (total >= frac(c.bands[b].from, 100)) {
        band = b;
        break;
      }
    Expected e{total, band, std::nullopt};
    if (!c.fund) e.premio = roundAt(frac(p.base, 100) * frac(c.bands[band].percent, 100), 2, c.premioMode);
    out.push_back(e);
  }
  if (!c.fund) return out;
  // The fund: exact shares, truncated to the cent; the leftover cents one each
  // to the largest remainders, ties to the smaller matricola.
  std::vector<mpq_class> quotas;
  mpq_class sum = 0;
  for (size_t i = 0; i < c.persons.size(); ++i) {
    mpq_class q = out[i].total * c.persons[i].ore / 36;
    if (c.quotaWithBand) q *= frac(c.bands[out[i].band].percent, 100);
    quotas.push_back(q);
    sum += q;
  }
  if (sum == 0) return {};  // every quota zero: a warning (A0601), not a division; the case is skipped
  mpq_class amount = frac(c.fundCents, 100);
  std::vector<mpz_class> cents;
  std::vector<mpq_class> remainders;
  mpz_class paid = 0;
  for (size_t i = 0; i < quotas.size(); ++i) {
    mpq_class share = amount * quotas[i] / sum * 100;
    cents.push_back(floorOf(share));
    remainders.push_back(share - cents.back());
    paid += cents.back();
  }
  if (!c.fundByDefect) {
    mpz_class left = mpz_class(c.fundCents) - paid;
    std::vector<size_t> order(quotas.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
      return c.persons[a].matricola < c.persons[b].matricola;
    });
    for (size_t k = 0; left > 0; ++k, --left) cents[order[k]] += 1;
  }
  for (size_t i = 0; i < quotas.size(); ++i) out[i].premio = frac(cents[i], 100);
  return out;
}

// ---- the generator ------------------------------------------------------------

struct Random {
  std::mt19937_64 engine;
  explicit Random(uint64_t seed) : engine(seed) {}
  long between(long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(engine); }
  bool chance(int percent) { return between(1, 100) <= percent; }
};

Case generate(Random& r) {
  Case c;
  const int k = static_cast<int>(r.between(1, 4));
  int left = 100;
  for (int i = 0; i < k; ++i) {
    Objective o;
    o.weight = i + 1 == k ? left : static_cast<int>(r.between(1, left - (k - i - 1)));
    left -= o.weight;
    o.kind = static_cast<Indicator>(r.between(0, 2));
    o.soglia = r.between(0, 8000);
    o.pieno = r.between(o.soglia + 1, 10000);
    c.objectives.push_back(o);
  }
  if (r.chance(40)) {
    c.extraPoints = static_cast<int>(r.between(1, 30));
    c.objectivePoints = 100 - c.extraPoints;
  }
  if (r.chance(75)) c.totalRounding = std::make_pair(static_cast<int>(r.between(0, 2)), static_cast<Mode>(r.between(0, 3)));
  // Bands: starts strictly decreasing, percentages not increasing.
  const int nBands = static_cast<int>(r.between(2, 4));
  const bool whole = c.totalRounding && c.totalRounding->first == 0;
  std::vector<long> starts;
  while (static_cast<int>(starts.size()) < nBands - 1) {
    long s = whole ? r.between(1, 99) * 100 : r.between(1, 9999);
    if (std::find(starts.begin(), starts.end(), s) == starts.end()) starts.push_back(s);
  }
  std::sort(starts.rbegin(), starts.rend());
  int percent = 100;
  for (int b = 0; b < nBands; ++b) {
    percent = static_cast<int>(r.between(b + 1 == nBands ? 0 : 1, percent));
    c.bands.push_back(Band{b + 1 < nBands ? starts[b] : 0, percent});
  }
  c.fund = r.chance(50);
  c.fundCents = r.between(100, 5'000'000);
  c.fundByDefect = r.chance(25);
  c.quotaWithBand = r.chance(50);
  c.premioMode = static_cast<Mode>(r.between(0, 3));
  const int n = static_cast<int>(r.between(1, 8));
  for (int i = 0; i < n; ++i) {
    Person p;
    p.matricola = "P" + std::to_string(r.between(1, 99)) + "-" + std::to_string(i);
    p.ore = static_cast<int>(r.between(6, 36));
    p.base = r.between(0, 1'000'000);
    p.extra = c.extraPoints ? r.between(0, c.extraPoints * 100) : 0;
    for (int o = 0; o < k; ++o) p.values.push_back(r.chance(15) ? 10000 : r.between(0, 12000));
    c.persons.push_back(p);
  }
  return c;
}

std::string regolamento(const Case& c) {
  std::string s = "ente \"Comune di Prova\"\nanno 2024\n\n";
  s += "personale da \"personale.csv\" {\n  matricola testo chiave\n  profilo testo\n  ore numero\n  base euro\n";
  if (c.extraPoints) s += "  extra punti\n";
  s += "}\n\ndati rilevazioni da \"rilevazioni.csv\" chiave (matricola, obiettivo) {\n  valore percentuale\n}\n\n";
  s += "indicatore lineare() su v: percentuale = minimo(100%, v)\n";
  s += "indicatore tempestivita(pieno: percentuale, soglia: percentuale) su v: percentuale =\n"
       "  se v >= pieno allora 100%\n  altrimenti se v < soglia allora 0%\n"
       "  altrimenti (v - soglia) / (pieno - soglia)\n";
  s += "indicatore gradini() su v: percentuale =\n  se v >= 95% allora 100%\n  altrimenti se v >= 80% allora 70%\n"
       "  altrimenti se v >= 60% allora 40%\n  altrimenti 0%\n\n";
  s += "profilo dipendente {\n";
  s += "  componente obiettivi fino a " + std::to_string(c.objectivePoints) + " punti da obiettivi\n";
  if (c.extraPoints) s += "  componente extra fino a " + std::to_string(c.extraPoints) + " punti = extra\n";
  if (c.totalRounding)
    s += "  totale arrotondato a " + std::to_string(c.totalRounding->first) + " decimali" +
         modeWords(c.totalRounding->second) + "\n";
  s += "  fasce {\n";
  for (size_t b = 0; b < c.bands.size(); ++b) {
    s += "    \"F" + std::to_string(b) + "\" ";
    s += b + 1 < c.bands.size() ? "da " + italian(c.bands[b].from, 2) + " punti" : std::string("altrimenti");
    s += " -> " + std::to_string(c.bands[b].percent) + "%\n";
  }
  s += "  }\n";
  if (c.fund) s += "  premio da fondo f\n";
  else s += std::string("  premio = base * fascia") + (c.premioMode == Mode::HalfUp ? "" : std::string(" arrotondato") + modeWords(c.premioMode)) + "\n";
  s += "}\n\n";
  if (c.fund) {
    s += "fondo f {\n  importo " + italian(c.fundCents, 2) + " euro\n";
    s += c.quotaWithBand ? "  quota = totale * fascia * ore / 36\n" : "  quota = totale * ore / 36\n";
    s += c.fundByDefect ? "  ripartizione per difetto\n" : "  ripartizione al centesimo\n";
    s += "}\n\n";
  }
  for (size_t i = 0; i < c.objectives.size(); ++i) {
    const Objective& o = c.objectives[i];
    s += "obiettivo OB" + std::to_string(i + 1) + " \"Obiettivo\" {\n  assegnato a tutti\n  peso " +
         std::to_string(o.weight) + "\n  misura ";
    switch (o.kind) {
      case Indicator::Lineare: s += "lineare()"; break;
      case Indicator::Tempestivita:
        s += "tempestivita(" + italian(o.pieno, 2) + "%, " + italian(o.soglia, 2) + "%)";
        break;
      case Indicator::Gradini: s += "gradini()"; break;
    }
    s += " su rilevazioni.valore\n}\n";
  }
  return s;
}

std::string staffCsv(const Case& c) {
  std::string s = std::string("matricola;profilo;ore;base") + (c.extraPoints ? ";extra" : "") + "\n";
  for (const Person& p : c.persons) {
    s += p.matricola + ";dipendente;" + std::to_string(p.ore) + ";" + italian(p.base, 2);
    if (c.extraPoints) s += ";" + italian(p.extra, 2);
    s += "\n";
  }
  return s;
}

std::string valuesCsv(const Case& c) {
  std::string s = "matricola;obiettivo;valore\n";
  for (const Person& p : c.persons)
    for (size_t o = 0; o < p.values.size(); ++o)
      s += p.matricola + ";OB" + std::to_string(o + 1) + ";" + italian(p.values[o], 2) + "%\n";
  return s;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string show(const mpq_class& q) { return q.get_str(); }

}  // namespace

TEST_CASE("Differential: totals, bands and cents against an independent reference", "[differential]") {
  std::string tmpl = (fs::temp_directory_path() / "misura-differenziale-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const fs::path dir = tmpl;
  Random r(20261207);
  int compared = 0, withFund = 0;
  for (int n = 0; n < 300; ++n) {
    Case c = generate(r);
    std::vector<Expected> want = expected(c);
    if (want.empty()) continue;
    const std::string source = regolamento(c);
    write(dir / "regolamento.misura", source);
    write(dir / "personale.csv", staffCsv(c));
    write(dir / "rilevazioni.csv", valuesCsv(c));
    INFO("caso " << n << "\n" << source << "\n" << staffCsv(c) << valuesCsv(c));

    Compilation comp;
    bool compiled = compileFile((dir / "regolamento.misura").string(), comp);
    INFO(render(comp.sources, comp.diags.all()));
    REQUIRE(compiled);
    eval::Options options;
    options.dataDir = dir;
    std::optional<eval::Evaluation> ev = eval::evaluate(*comp.module, options, comp.sources, comp.diags);
    INFO(render(comp.sources, comp.diags.all()));
    REQUIRE(ev.has_value());
    REQUIRE(ev->persons.size() == c.persons.size());
    for (size_t i = 0; i < c.persons.size(); ++i) {
      const eval::PersonResult& got = ev->persons[i];
      INFO("matricola " << got.matricola << ": totale atteso " << show(want[i].total) << ", ottenuto "
                        << got.total.mpq().get_str());
      REQUIRE(got.status == eval::PersonStatus::Valutato);
      CHECK(got.matricola == c.persons[i].matricola);
      CHECK(got.total.mpq() == want[i].total);
      REQUIRE(got.band.has_value());
      CHECK(*got.band == want[i].band);
      REQUIRE(got.premio.has_value());
      INFO("premio atteso " << show(*want[i].premio) << ", ottenuto " << got.premio->mpq().get_str());
      CHECK(got.premio->mpq() == *want[i].premio);
    }
    ++compared;
    if (c.fund) ++withFund;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  CHECK(compared >= 250);
  CHECK(withFund >= 100);
}
