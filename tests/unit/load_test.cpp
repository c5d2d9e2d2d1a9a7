// Unit tests for runtime/data loading: typed cells, the error codes
// E0508-E0514 with their rendered file:line:col, declared encodings, and
// every problem of every file reported in one run.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/data/table.h"

using misura::Date;
using misura::Rational;
using misura::Span;
namespace fs = std::filesystem;
namespace ir = misura::ir;
namespace data = misura::data;

namespace {

// A fresh, empty directory for one test's data files.
fs::path freshDir() {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("misura-load-test-" + std::to_string(getpid()) + "-" +
                                              std::to_string(++counter));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// The regolamento the datasets come from: one declaration per line, so that
// every span has a known line.
const char* const kRegolamento =
    "personale da \"personale.csv\" {\n"                                         // line 1
    "dati rilevazioni da \"rilevazioni.csv\" chiave (matricola, obiettivo) {\n"  // line 2
    "dati valutazioni da \"comportamenti.csv\" chiave (matricola, comportamento) {\n"  // line 3
    "obiettivo OB1 \"Trasparenza\" {\n"                                          // line 4
    "obiettivo OB2 \"Digitale\" {\n"                                              // line 5
    "comportamenti per responsabile { C1 C2 }\n";                                // line 6

// The span of `text` in line `line` of the registered regolamento.
Span spanOf(const misura::SourceManager& sm, misura::FileId f, uint32_t line, std::string_view text) {
  uint32_t start = sm.lineStart(f, line);
  size_t at = sm.lineText(f, line).find(text);
  REQUIRE(at != std::string_view::npos);
  return Span{f, static_cast<uint32_t>(start + at), static_cast<uint32_t>(start + at + text.size())};
}

ir::Field field(std::string name, ir::Type type, bool optional = false) {
  ir::Field f;
  f.name = std::move(name);
  f.type = type;
  f.optional = optional;
  return f;
}

struct Fixture {
  misura::SourceManager sources;
  misura::Diagnostics diags;
  ir::Module module;
  fs::path dir = freshDir();

  Fixture() {
    const misura::FileId reg = sources.add("regole.misura", kRegolamento);
    ir::Dataset staff;
    staff.name = "personale";
    staff.file = "personale.csv";
    staff.fields = {field("matricola", ir::Type::Testo), field("nominativo", ir::Type::Testo),
                    field("profilo", ir::Type::Testo), field("posizione", ir::Type::Euro, true),
                    field("part_time", ir::Type::Percentuale), field("assunzione", ir::Type::Data, true),
                    field("giorni", ir::Type::Giorni, true), field("convenzione", ir::Type::Booleano, true)};
    staff.span = spanOf(sources, reg, 1, "personale");
    staff.fileSpan = spanOf(sources, reg, 1, "\"personale.csv\"");
    ir::Dataset ril;
    ril.name = "rilevazioni";
    ril.file = "rilevazioni.csv";
    ril.key = {ir::KeyColumn{"matricola", ir::KeyRole::Persona, spanOf(sources, reg, 2, "matricola")},
               ir::KeyColumn{"obiettivo", ir::KeyRole::Obiettivo, spanOf(sources, reg, 2, "obiettivo")}};
    ril.fields = {field("valore", ir::Type::Percentuale, true)};
    ril.span = spanOf(sources, reg, 2, "rilevazioni");
    ril.fileSpan = spanOf(sources, reg, 2, "\"rilevazioni.csv\"");
    ir::Dataset val;
    val.name = "valutazioni";
    val.file = "comportamenti.csv";
    val.key = {ir::KeyColumn{"matricola", ir::KeyRole::Persona, {}},
               ir::KeyColumn{"comportamento", ir::KeyRole::Comportamento, {}}};
    val.fields = {field("voto", ir::Type::Numero)};
    val.span = spanOf(sources, reg, 3, "valutazioni");
    val.fileSpan = spanOf(sources, reg, 3, "\"comportamenti.csv\"");
    module.datasets = {staff, ril, val};
    module.staffKeyField = 0;
    module.staffProfileField = 2;
    for (const char* name : {"responsabile", "dipendente"}) {
      ir::Profile p;
      p.name = name;
      module.profiles.push_back(p);
    }
    for (const char* code : {"OB1", "OB2"}) {
      ir::Objective o;
      o.code = code;
      module.objectives.push_back(o);
    }
    ir::Catalogue cat;
    for (const char* code : {"C1", "C2"}) cat.items.push_back(ir::Behaviour{code, "", Rational(20), {}});
    module.catalogues.push_back(cat);
    module.catalogueOfProfile = {0, std::nullopt};
  }

  ~Fixture() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  void file(const std::string& name, const std::string& bytes) { write(dir / name, bytes); }

  // Valid files; each test then breaks the one it is about.
  void goodFiles() {
    file("personale.csv",
         "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
         "A01;Anna Bianchi;responsabile;€ 10.000,00;100%;01/03/2024;306;no\n"
         "A02;Bruno Verdi;dipendente;;85,5 %;;;SÌ\n"
         "A03;Carla Neri;dipendente;1.234,56 €;85;2024-01-15;1.200;Vero\n");
    file("rilevazioni.csv",
         "matricola;obiettivo;valore;note\n"
         "A01;OB1;85%;extra column, ignored\n"
         "A01;OB2;;\n"
         "A02;OB1;100;\n");
    file("comportamenti.csv", "matricola;comportamento;voto\nA01;C1;7\nA01;C2;8,5\n");
  }

  std::optional<data::LoadedData> load() { return data::loadData(module, dir, sources, diags); }
  std::string rendered() const { return misura::render(sources, diags.all()); }
  size_t count(const std::string& code) const {
    size_t n = 0;
    for (const auto& d : diags.all()) n += d.code == code && d.severity == misura::Severity::Errore;
    return n;
  }
  const misura::Diagnostic& first(const std::string& code) const {
    for (const auto& d : diags.all())
      if (d.code == code) return d;
    FAIL("nessuna diagnostica " << code << "\n" << rendered());
    throw 0;
  }
  bool says(const std::string& text) const { return rendered().find(text) != std::string::npos; }
};

}  // namespace

TEST_CASE("Valid files load into typed, indexed tables", "[load]") {
  Fixture fx;
  fx.goodFiles();
  std::optional<data::LoadedData> loaded = fx.load();
  INFO(fx.rendered());
  REQUIRE(loaded);
  CHECK_FALSE(fx.diags.hasErrors());

  const data::Table& staff = loaded->tables[ir::kStaff];
  REQUIRE(staff.rows.size() == 3);
  const data::Row& a01 = staff.rows[0];
  CHECK(a01.key == std::vector<std::string>{"A01"});
  CHECK(std::get<std::string>(a01.values[1]) == "Anna Bianchi");
  CHECK(std::get<Rational>(a01.values[3]) == Rational(10000));
  CHECK(std::get<Rational>(a01.values[4]) == Rational(1));
  CHECK(std::get<Date>(a01.values[5]) == *Date::fromYmd(2024, 3, 1));
  CHECK(std::get<Rational>(a01.values[6]) == Rational(306));
  CHECK(std::get<bool>(a01.values[7]) == false);

  const data::Row& a02 = staff.rows[1];
  CHECK(std::holds_alternative<ir::Missing>(a02.values[3]));  // empty optional euro
  CHECK(std::get<Rational>(a02.values[4]) == Rational(171, 200));  // "85,5 %"
  CHECK(std::get<bool>(a02.values[7]) == true);                    // "SÌ"

  const data::Row& a03 = staff.rows[2];
  CHECK(std::get<Rational>(a03.values[3]) == Rational(123456, 100));  // "1.234,56 €"
  CHECK(std::get<Rational>(a03.values[4]) == Rational(17, 20));       // "85" means 85%
  CHECK(std::get<Date>(a03.values[5]) == *Date::fromYmd(2024, 1, 15));
  CHECK(std::get<Rational>(a03.values[6]) == Rational(1200));
  CHECK(std::get<bool>(a03.values[7]) == true);

  CHECK(loaded->staffProfiles == std::vector<uint32_t>{0, 1, 1});

  const data::Table& ril = loaded->tables[1];
  const data::Row* r = ril.find({"A01", "OB1"});
  REQUIRE(r);
  CHECK(std::get<Rational>(r->values[0]) == Rational(17, 20));  // "85%"
  CHECK(fx.sources.slice(r->spans[0]) == "85%");
  const data::Row* empty = ril.find({"A01", "OB2"});
  REQUIRE(empty);
  CHECK(std::holds_alternative<ir::Missing>(empty->values[0]));
  CHECK(ril.find({"A02", "OB2"}) == nullptr);

  const data::Row* vote = loaded->tables[2].find({"A01", "C2"});
  REQUIRE(vote);
  CHECK(std::get<Rational>(vote->values[0]) == Rational(17, 2));
}

TEST_CASE("E0508: a missing file, at its name in the regolamento, with the files present", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fs::remove(fx.dir / "rilevazioni.csv");
  fx.file("Rilevazioni.csv", "matricola;obiettivo;valore\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0508") == 1);
  const misura::Diagnostic& d = fx.first("E0508");
  CHECK(d.message.find("file non trovato") != std::string::npos);
  CHECK(d.message.find("rilevazioni.csv") != std::string::npos);
  CHECK(d.hint.find("forse intendevi «Rilevazioni.csv»?") != std::string::npos);
  CHECK(d.hint.find("comportamenti.csv, personale.csv") != std::string::npos);
  CHECK(fx.says("regole.misura:2:21: errore[E0508]: file non trovato"));
}

TEST_CASE("E0509: a declared column missing from the header", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("rilevazioni.csv", "matricola;obiettivo;Valor\nA01;OB1;85%\n");
  fx.file("comportamenti.csv", "matricola;voto\nA01;7\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0509") == 2);
  CHECK(fx.says("rilevazioni.csv:1:1: errore[E0509]: manca la colonna «valore» richiesta dal regolamento"));
  CHECK(fx.says("forse intendevi «Valor»? Rinomina la colonna in «valore»"));
  CHECK(fx.says("comportamenti.csv:1:1: errore[E0509]: manca la colonna «comportamento»"));
  CHECK(fx.says("le colonne presenti sono: matricola, voto"));
}

TEST_CASE("E0510: a cell that is not a value of its type, at the cell", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("rilevazioni.csv",
          "matricola;obiettivo;valore\n"
          "A01;OB1;12.5\n"
          "A01;OB2;molto\n");
  fx.file("personale.csv",
          "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
          "A01;Anna Bianchi;responsabile;10.000 $;100%;31/02/2024;2,5;forse\n");
  CHECK_FALSE(fx.load());
  INFO(fx.rendered());
  CHECK(fx.count("E0510") == 6);
  CHECK(fx.says("rilevazioni.csv:2:9: errore[E0510]: «12.5» non è una percentuale valida: il separatore decimale "
                "è la virgola: scrivi 12,5 invece di 12.5"));
  CHECK(fx.says("rilevazioni.csv:3:9: errore[E0510]: «molto» non è una percentuale valida"));
  CHECK(fx.says("la colonna «valore» contiene percentuali: scrivi ad esempio 85%, 85 oppure 85,5%"));
  CHECK(fx.says("personale.csv:2:31: errore[E0510]: «10.000 $» non è un importo in euro valido"));
  CHECK(fx.says("personale.csv:2:45: errore[E0510]: «31/02/2024» non è una data valida: questo giorno non esiste "
                "nel calendario"));
  CHECK(fx.says("«2,5» non è un numero di giorni valido: i giorni si contano interi"));
  CHECK(fx.says("«forse» non è un valore sì/no valido"));
}

TEST_CASE("E0511: an empty cell in a field that is not opzionale", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("comportamenti.csv", "matricola;comportamento;voto\nA01;C1;\n;C2;8\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0511") == 2);
  CHECK(fx.says("comportamenti.csv:2:8: errore[E0511]: manca il valore di «voto»"));
  CHECK(fx.says("dichiara il campo `opzionale`"));
  CHECK(fx.says("comportamenti.csv:3:1: errore[E0511]: manca il valore della colonna «matricola»"));
}

TEST_CASE("E0512: a repeated key, labelled at its first occurrence", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("rilevazioni.csv",
          "matricola;obiettivo;valore\n"
          "A01;OB1;85%\n"
          "A02;OB1;85%\n"
          "A01;OB1;90%\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0512") == 1);
  const misura::Diagnostic& d = fx.first("E0512");
  CHECK(d.message == "riga ripetuta: matricola «A01», obiettivo «OB1» compare già alla riga 2");
  REQUIRE(d.labels.size() == 1);
  CHECK(fx.sources.slice(d.labels[0].span) == "A01;OB1");
  CHECK(fx.says("rilevazioni.csv:4:1: errore[E0512]"));
  CHECK(fx.says("prima riga con la stessa chiave (/"));
}

TEST_CASE("E0513: a key that is not a known person, objective or behaviour", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("rilevazioni.csv",
          "matricola;obiettivo;valore\n"
          "a01;OB1;85%\n"
          "A01;OB3;85%\n");
  fx.file("comportamenti.csv", "matricola;comportamento;voto\nA01;X9;7\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0513") == 3);
  CHECK(fx.says("rilevazioni.csv:2:1: errore[E0513]: «a01» non è una matricola dell'elenco del personale"));
  CHECK(fx.says("forse intendevi «A01»?"));
  CHECK(fx.says("rilevazioni.csv:3:5: errore[E0513]: «OB3» non è il codice di un obiettivo del regolamento"));
  CHECK(fx.says("comportamenti.csv:2:5: errore[E0513]: «X9» non è il codice di un comportamento"));
  CHECK(fx.says("i comportamenti del regolamento sono: C1, C2"));
}

TEST_CASE("E0514: a staff profilo that is not a declared profile", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("personale.csv",
          "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
          "A01;Anna Bianchi;Responsabile;;100%;;;\n"
          "A02;Bruno Verdi;segretario;;100%;;;\n");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0514") == 2);
  CHECK(fx.says("personale.csv:2:18: errore[E0514]: «Responsabile» non è un profilo dichiarato nel regolamento "
                "(matricola «A01»)"));
  CHECK(fx.says("forse intendevi «responsabile»?"));
  CHECK(fx.says("i profili dichiarati sono: responsabile, dipendente"));
  // The rows of the other files that name A02 are still checked against the staff list: no E0513.
  CHECK(fx.count("E0513") == 0);
}

TEST_CASE("Every problem of every file is reported in one run", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.file("personale.csv",
          "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
          "A01;Anna Bianchi;responsabile;;cento;;;\n");
  fx.file("rilevazioni.csv", "matricola;obiettivo;valore\nA01;OB1;1,2,3\nA09;OB1;5%\n");
  fs::remove(fx.dir / "comportamenti.csv");
  CHECK_FALSE(fx.load());
  CHECK(fx.count("E0510") == 2);
  CHECK(fx.count("E0513") == 1);
  CHECK(fx.count("E0508") == 1);
}

TEST_CASE("At most 100 errors per file, then one note", "[load]") {
  Fixture fx;
  fx.goodFiles();
  std::string text = "matricola;obiettivo;valore\n";
  for (int i = 0; i < 150; ++i) text += "A01;OB" + std::to_string(i + 3) + ";x\n";  // E0513 and E0510 per row
  fx.file("rilevazioni.csv", text);
  CHECK_FALSE(fx.load());
  size_t errors = 0, notes = 0;
  for (const auto& d : fx.diags.all()) {
    errors += d.severity == misura::Severity::Errore;
    notes += d.severity == misura::Severity::Nota;
  }
  CHECK(errors == 100);
  CHECK(notes == 1);
  CHECK(fx.says("ci sono altri 200 errori in questo file, non mostrati"));
}

TEST_CASE("A file declared windows-1252 is decoded", "[load]") {
  Fixture fx;
  fx.goodFiles();
  fx.module.datasets[ir::kStaff].encoding = "windows-1252";
  fx.file("personale.csv",
          "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
          "A01;Niccol\xF2 Rossi;responsabile;\x80 1.000;100%;;;s\xEC\n"
          "A02;Bruno Verdi;dipendente;;100%;;;\n");
  std::optional<data::LoadedData> loaded = fx.load();
  INFO(fx.rendered());
  REQUIRE(loaded);
  const data::Row& a01 = loaded->tables[ir::kStaff].rows.at(0);
  CHECK(std::get<std::string>(a01.values[1]) == "Niccolò Rossi");
  CHECK(std::get<Rational>(a01.values[3]) == Rational(1000));
  CHECK(std::get<bool>(a01.values[7]) == true);

  // The same bytes read as UTF-8 are an encoding error (E0501), not garbage.
  Fixture utf8;
  utf8.goodFiles();
  utf8.file("personale.csv",
            "matricola;nominativo;profilo;posizione;part_time;assunzione;giorni;convenzione\n"
            "A01;Niccol\xF2 Rossi;responsabile;;100%;;;\n");
  CHECK_FALSE(utf8.load());
  CHECK(utf8.count("E0501") == 1);
}
