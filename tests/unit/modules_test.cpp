// Modules (docs/linguaggio.md, § 13): module names and their files, the
// search path, the rule "in force in year Y", and the loader that puts the
// regolamento and its modules into one program.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "compiler/ast/print.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/module_path.h"
#include "compiler/support/period.h"
#include "compiler/syntax/parse.h"

namespace fs = std::filesystem;
using namespace misura;

namespace {

Date ymd(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

// A folder of files that disappears with the test.
struct Tree {
  fs::path dir;
  Tree() {
    static int counter = 0;
    dir = fs::temp_directory_path() /
          ("misura-modules-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Tree() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel) << text;
  }
};

std::vector<std::string> codes(const Compilation& c, Severity s = Severity::Errore) {
  std::vector<std::string> out;
  for (const Diagnostic& d : c.diags.all())
    if (d.severity == s) out.push_back(d.code);
  return out;
}

const char* kRegolamento = R"(ente "Comune di Prova"
anno 2024
usa unione.regole
personale da "personale.csv" {
  matricola testo chiave
  nominativo testo
  profilo testo
}
)";

}  // namespace

TEST_CASE("A dotted module name is a path of folders and a .misura file", "[modules]") {
  struct Row {
    const char* name;
    const char* path;
  };
  for (Row r : {Row{"legge.dl_13_2023", "legge/dl_13_2023.misura"}, Row{"indicatori", "indicatori.misura"},
                Row{"unione.comune.regole", "unione/comune/regole.misura"}}) {
    CAPTURE(r.name);
    CHECK(modules::relativePath(r.name) == fs::path(r.path));
    CHECK(modules::nameOf(r.path) == std::optional<std::string>(r.name));
  }
  CHECK_FALSE(modules::nameOf("legge/dl_13_2023.csv"));
  CHECK_FALSE(modules::nameOf("legge/dl.13.misura"));  // a dot inside a part
  CHECK_FALSE(modules::nameOf("../fuori.misura"));
  CHECK_FALSE(modules::nameOf(".misura"));
}

TEST_CASE("A period is in force in a year when it shares at least one day with it", "[modules][period]") {
  struct Row {
    Period period;
    int year;
    bool inForce;
  };
  Row rows[] = {
      {{ymd(2024, 1, 13), std::nullopt}, 2024, true},  // D.Lgs. 222/2023: from 13/01/2024
      {{ymd(2024, 1, 13), std::nullopt}, 2023, false},
      {{ymd(2024, 1, 13), std::nullopt}, 2030, true},  // open: still in force
      {{ymd(2010, 1, 1), ymd(2019, 12, 31)}, 2010, true},
      {{ymd(2010, 1, 1), ymd(2019, 12, 31)}, 2019, true},
      {{ymd(2010, 1, 1), ymd(2019, 12, 31)}, 2020, false},
      {{ymd(2010, 1, 1), ymd(2019, 12, 31)}, 2009, false},
      {{ymd(2023, 12, 31), std::nullopt}, 2023, true},         // the last day is enough
      {{ymd(2020, 1, 1), ymd(2024, 1, 1)}, 2024, true},        // and so is the first
      {{ymd(2023, 12, 31), ymd(2023, 12, 31)}, 2024, false},   // one day, the year before
      {{ymd(2024, 2, 29), ymd(2024, 2, 29)}, 2024, true},      // one day in a leap year
  };
  for (const Row& r : rows) {
    CAPTURE(r.period.describe(), r.year);
    CHECK(r.period.overlapsYear(r.year) == r.inForce);
  }
  CHECK(Period{ymd(2024, 1, 13), std::nullopt}.describe() == "dal 13/01/2024");
  CHECK(Period{ymd(2010, 1, 1), ymd(2019, 12, 31)}.describe() == "dal 01/01/2010 al 31/12/2019");
  CHECK_FALSE(Period{ymd(2025, 1, 1), ymd(2024, 12, 31)}.wellFormed());
}

TEST_CASE("The search path is tried in order; available() lists every module", "[modules]") {
  Tree t;
  t.write("primo/unione/regole.misura", "modulo unione.regole \"primo\"\n");
  t.write("secondo/unione/regole.misura", "modulo unione.regole \"secondo\"\n");
  t.write("secondo/legge/dl_13_2023.misura", "modulo legge.dl_13_2023 \"x\"\n");
  t.write("secondo/legge/note.txt", "non un modulo\n");
  std::vector<fs::path> path{t.dir / "primo", t.dir / "secondo"};
  CHECK(modules::find(path, "unione.regole") == t.dir / "primo/unione/regole.misura");
  CHECK(modules::find(path, "legge.dl_13_2023") == t.dir / "secondo/legge/dl_13_2023.misura");
  CHECK_FALSE(modules::find(path, "legge.dl_13_2032"));
  CHECK(modules::available(path) == std::vector<std::string>{"legge.dl_13_2023", "unione.regole"});
}

TEST_CASE("A module's declarations join the program and remember their file", "[modules][driver]") {
  Tree t;
  t.write("regolamento.misura", kRegolamento);
  t.write("moduli/unione/regole.misura",
          "modulo unione.regole \"Regole\" vigente dal 01/01/2024\n"
          "indicatore pieno() su valore: percentuale = valore\n");
  Compilation c;
  REQUIRE(compileFile((t.dir / "regolamento.misura").string(), c, Stage::Syntax));
  const ast::Program& p = *c.ast;
  REQUIRE(p.files.size() == 2);
  CHECK(p.files[0].file == p.file);
  REQUIRE(p.files[1].header);
  CHECK(p.files[1].header->name == "unione.regole");
  CHECK(p.files[1].applied);
  CHECK(p.files[1].usedAt.file == p.file);
  REQUIRE(p.indicators.size() == 1);
  const ast::SourceFile* origin = p.sourceFile(p.indicators[0].name.span.file);
  REQUIRE(origin);
  CHECK(origin->header->name == "unione.regole");
}

TEST_CASE("The evaluation year decides which modules are applied", "[modules][driver]") {
  Tree t;
  t.write("regolamento.misura", kRegolamento);
  t.write("moduli/unione/regole.misura",
          "modulo unione.regole \"Regole\" vigente dal 01/01/2025\n"
          "indicatore pieno() su valore: percentuale = valore\n");
  std::string file = (t.dir / "regolamento.misura").string();

  Compilation in2024;  // the regolamento's own year
  REQUIRE(compileFile(file, in2024, Stage::Syntax));
  CHECK_FALSE(in2024.ast->files[1].applied);
  CHECK(in2024.ast->indicators.empty());
  CHECK(codes(in2024, Severity::Nota) == std::vector<std::string>{"E0808"});

  Compilation in2025;  // --anno 2025
  CompileOptions options;
  options.year = 2025;
  REQUIRE(compileFile(file, in2025, Stage::Syntax, options));
  CHECK(in2025.ast->files[1].applied);
  CHECK(in2025.ast->indicators.size() == 1);
  CHECK(in2025.ast->yearOverride == 2025);
  CHECK(codes(in2025, Severity::Nota).empty());
}

TEST_CASE("Module errors: unknown, cycle, header, ente in a module", "[modules][driver]") {
  struct Row {
    const char* what;
    const char* module;  // the text of moduli/unione/regole.misura
    const char* code;
  };
  Row rows[] = {
      {"header naming another module", "modulo unione.altre \"x\"\n", "E0802"},
      {"no header", "indicatore pieno() su valore: percentuale = valore\n", "E0803"},
      {"a module using itself", "modulo unione.regole \"x\"\nusa unione.regole\n", "E0801"},
      {"an unknown module", "modulo unione.regole \"x\"\nusa unione.nessuna\n", "E0800"},
      {"anno in a module", "modulo unione.regole \"x\"\nanno 2024\n", "E0807"},
      {"an empty period", "modulo unione.regole \"x\" vigente dal 02/01/2024 al 01/01/2024\n", "E0806"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.what);
    Tree t;
    t.write("regolamento.misura", kRegolamento);
    t.write("moduli/unione/regole.misura", r.module);
    Compilation c;
    CHECK_FALSE(compileFile((t.dir / "regolamento.misura").string(), c, Stage::Syntax));
    CHECK(codes(c) == std::vector<std::string>{r.code});
  }
}

TEST_CASE("The evaluation year and the modules reach the IR", "[modules][driver]") {
  Tree t;
  t.write("regolamento.misura", std::string(kRegolamento) + R"(
dati rilevazioni da "rilevazioni.csv" chiave (matricola, obiettivo) {
  valore percentuale
}
profilo dipendente {
  componente obiettivi "Obiettivi" fino a 100 punti da obiettivi
  fasce {
    "Positiva" da 60 punti -> 100%
    "Negativa" altrimenti -> 0%
  }
}
obiettivo OB1 "Servizi" {
  assegnato a tutti
  peso 100
  misura pieno() su rilevazioni.valore
}
)");
  t.write("moduli/unione/regole.misura",
          "modulo unione.regole \"Regole\" vigente dal 01/01/2020 al 31/12/2025\n"
          "indicatore pieno() su valore: percentuale = valore\n");
  Compilation c;
  CompileOptions options;
  options.year = 2025;
  REQUIRE(compileFile((t.dir / "regolamento.misura").string(), c, Stage::Lower, options));
  REQUIRE(c.module);
  CHECK(c.module->anno == 2025);
  REQUIRE(c.module->modules.size() == 1);
  const ir::ModuleVersion& v = c.module->modules[0];
  CHECK(v.name == "unione.regole");
  CHECK(v.applied);
  REQUIRE(v.validity);
  CHECK(v.validity->to == ymd(2025, 12, 31));
  CHECK(ir::describe(v, 2025) == "unione.regole «Regole», vigente dal 01/01/2020 al 31/12/2025");
}

TEST_CASE("A name declared in the regolamento and in a module is E0805", "[modules][driver]") {
  Tree t;
  t.write("regolamento.misura", std::string(kRegolamento) + "indicatore pieno() su valore: percentuale = valore\n");
  t.write("moduli/unione/regole.misura",
          "modulo unione.regole \"Regole\"\nindicatore pieno() su valore: percentuale = valore\n");
  Compilation c;
  CHECK_FALSE(compileFile((t.dir / "regolamento.misura").string(), c, Stage::Sema));
  CHECK(codes(c) == std::vector<std::string>{"E0805"});
}

TEST_CASE("A module header and usa lines print back to a fixpoint", "[modules][syntax][print]") {
  const char* text =
      "modulo  legge . dl_13_2023 \"Tempi di pagamento\"  vigente dal 1/1/2023 al 31/12/2030\n"
      "usa unione.indicatori\n"
      "indicatore pieno() su valore: percentuale = valore\n"
      "usa indicatori.base\n";
  SourceManager sm;
  Diagnostics diags;
  std::optional<ast::Program> p = syntax::parse(sm, sm.add("m.misura", text), diags);
  REQUIRE(p);
  REQUIRE(p->files.size() == 1);
  REQUIRE(p->files[0].header);
  CHECK(p->files[0].header->name == "legge.dl_13_2023");
  CHECK(p->files[0].uses.size() == 2);
  std::string printed = ast::print(*p);
  CHECK(printed ==
        "modulo legge.dl_13_2023 \"Tempi di pagamento\" vigente dal 01/01/2023 al 31/12/2030\n\n"
        "usa unione.indicatori\nusa indicatori.base\n\n"
        "indicatore pieno() su valore: percentuale = valore\n");
  std::optional<ast::Program> again = syntax::parse(sm, sm.add("m2.misura", printed), diags);
  REQUIRE(again);
  CHECK(ast::print(*again) == printed);
}
