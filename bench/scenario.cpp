#include "bench/scenario.h"

#include <fmt/format.h>

#include <fstream>
#include <random>
#include <stdexcept>

namespace misura::bench {

namespace {

// Raw mt19937 output is specified by the standard; distributions are not,
// so values are drawn with a plain modulo to stay the same everywhere.
class Draw {
 public:
  explicit Draw(unsigned seed) : gen_(seed) {}
  int upTo(int n) { return static_cast<int>(gen_() % static_cast<unsigned>(n)); }  // 0 .. n-1
  bool chance(int percent) { return upTo(100) < percent; }

 private:
  std::mt19937 gen_;
};

std::string date(int dayOfYear2024) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2024, d = dayOfYear2024;
  for (int m = 0;; m = (m + 1) % 12) {
    int len = (year == 2025 && m == 1) ? 28 : kDays[m];
    if (d < len) return fmt::format("{:02}/{:02}/{}", d + 1, m + 1, year);
    d -= len;
    if (m == 11) ++year;
  }
}

std::ofstream open(const std::filesystem::path& p) {
  std::ofstream out(p, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return out;
}

}  // namespace

long fundCents(const Scenario& s) { return 95037L * s.persons; }

std::string regolamento(const Scenario& s) {
  long cents = fundCents(s);
  return fmt::format(R"(ente "Comune sintetico per il benchmark"
anno 2024

personale da "personale.csv" {{
  matricola        testo chiave
  profilo          testo
  ore_settimanali  numero
  parametro        euro
}}

dati rilevazioni da "rilevazioni.csv" chiave (matricola, obiettivo) {{
  valore      percentuale opzionale
  completato  data opzionale
}}

dati valutazioni da "valutazioni.csv" chiave (matricola, comportamento) {{
  voto  numero
}}

indicatore almeno(soglia: percentuale) su valore: percentuale =
  se valore < soglia * 70% allora 0%
  altrimenti minimo(100%, valore / soglia)

indicatore entro(termine: data) su completato: data =
  se completato <= termine allora 100%
  altrimenti massimo(0%, 100% - 10% * mesi_iniziati_tra(termine, completato))

profilo dipendente {{
  componente obiettivi fino a 60 punti da obiettivi
  componente comportamenti fino a 40 punti da comportamenti
  totale arrotondato a 2 decimali
  fasce {{
    "Ottimo"        da 90 punti         -> 100%
    "Buono"         da 75 a 89,99 punti -> 80%
    "Sufficiente"   da 60 a 74,99 punti -> 50%
    "Insufficiente" altrimenti          -> 0%
  }}
  premio da fondo produttivita
}}

fondo produttivita {{
  importo {},{:02} euro
  quota = parametro * ore_settimanali / 36 * fascia
  ripartizione al centesimo
}}

obiettivo OB1 "Almeno l'80%" {{
  assegnato a tutti
  peso 30
  misura almeno(80%) su rilevazioni.valore
}}

obiettivo OB2 "Almeno il 90%, neutralizzato se manca il dato" {{
  assegnato a tutti
  peso 30
  misura almeno(90%) su rilevazioni.valore
  se non rilevato: neutralizzato
}}

obiettivo OB3 "Entro il 30 giugno, 0% se non concluso" {{
  assegnato a tutti
  peso 20
  termine 30/06/2024
  misura entro(termine) su rilevazioni.completato
  se non rilevato: 0%
}}

obiettivo OB4 "Entro il 31 dicembre" {{
  assegnato a tutti
  peso 20
  termine 31/12/2024
  misura entro(termine) su rilevazioni.completato
}}

comportamenti per dipendente {{
  scala da 1 a 10
  voti da valutazioni.voto
  C1 "Qualità" peso 10
  C2 "Autonomia" peso 10
  C3 "Collaborazione" peso 8
  C4 "Flessibilità" peso 6
  C5 "Puntualità" peso 6
}}
)",
                     cents / 100, cents % 100);
}

void writeScenario(const Scenario& s, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir / "dati");
  open(dir / "regolamento.misura") << regolamento(s);
  std::ofstream staff = open(dir / "dati" / "personale.csv");
  std::ofstream data = open(dir / "dati" / "rilevazioni.csv");
  std::ofstream votes = open(dir / "dati" / "valutazioni.csv");
  staff << "matricola;profilo;ore_settimanali;parametro\n";
  data << "matricola;obiettivo;valore;completato\n";
  votes << "matricola;comportamento;voto\n";
  static const int kHours[] = {36, 36, 36, 36, 36, 36, 36, 30, 24, 18};
  static const char* kParam[] = {"1000,00", "1100,50", "1250,75", "1400,00"};
  Draw draw(s.seed);
  for (int i = 0; i < s.persons; ++i) {
    std::string m = fmt::format("P{:06}", i + 1);
    staff << m << ";dipendente;" << kHours[draw.upTo(10)] << ";" << kParam[draw.upTo(4)] << "\n";
    data << m << ";OB1;" << fmt::format("{},{}", 50 + draw.upTo(51), draw.upTo(10)) << ";\n";
    if (draw.chance(10)) data << m << ";OB2;;\n";
    else data << m << ";OB2;" << fmt::format("{},{}", 55 + draw.upTo(46), draw.upTo(10)) << ";\n";
    data << m << ";OB3;;" << (draw.chance(5) ? std::string() : date(121 + draw.upTo(153))) << "\n";
    data << m << ";OB4;;" << date(274 + draw.upTo(151)) << "\n";
    for (int c = 1; c <= 5; ++c) votes << m << ";C" << c << ";" << 4 + draw.upTo(7) << "\n";
  }
}

}  // namespace misura::bench
