// Unit tests for runtime/eval: a small regolamento (built as IR by hand)
// evaluated over CSV files: exact scores, bands, rounding, neutralisation,
// premio, per-person errors and the checks made before any score.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/evaluate.h"

using misura::Rational;
using misura::Span;
namespace fs = std::filesystem;
namespace ir = misura::ir;
namespace eval = misura::eval;
using ir::Op;
using Status = eval::ObjectiveOutcome::Status;

namespace {

// ---- the regolamento ---------------------------------------------------------
//
// profilo responsabile: obiettivi 60 + comportamenti 40, totale a 2 decimali
//   (mezzo in su), fasce Ottimo da 90 -> 100%, Buono da 60 a 89,99 -> 80%,
//   Insufficiente altrimenti -> 0%; premio = posizione * 20% * fascia.
// profilo dipendente: obiettivi 100, totale esatto, fasce Premiato da 50 ->
//   100%, altrimenti 0%; premio = 1.000,01 euro * totale / 100 per difetto.
// profilo convenzione: non valutato.
// OB1 (responsabile, dipendente) peso 40, almeno(80%) su rilevazioni.valore.
// OB2 (responsabile) peso 60, lineare su rilevazioni.valore, neutralizzato.
// OB3 (personale dove settore = "Anagrafe") peso 60, lineare, se non rilevato 0%.
// comportamenti per responsabile: scala da 1 a 10, C1 peso 20, C2 peso 20.

const char* const kRegolamento =
    "personale da \"personale.csv\" {\n"                         // 1
    "dati rilevazioni da \"rilevazioni.csv\" chiave (matricola, obiettivo) {\n"  // 2
    "dati valutazioni da \"comportamenti.csv\" chiave (matricola, comportamento) {\n"  // 3
    "indicatore almeno(soglia) su valore = ...\n"               // 4
    "indicatore lineare su valore = valore\n"                   // 5
    "profilo responsabile {\n"                                  // 6
    "  componente obiettivi fino a 60 punti da obiettivi\n"     // 7
    "  componente comportamenti fino a 40 punti da comportamenti\n"  // 8
    "  premio = posizione * 20% * fascia\n"                     // 9
    "profilo dipendente {\n"                                    // 10
    "  componente obiettivi fino a 100 punti da obiettivi\n"    // 11
    "  premio = 1.000,01 euro * totale / 100 arrotondato per difetto\n"  // 12
    "profilo convenzione { non valutato \"valutato dal comune capofila\" }\n"  // 13
    "obiettivo OB1 \"Trasparenza\" {\n"                         // 14
    "obiettivo OB2 \"Digitale\" {\n"                            // 15
    "obiettivo OB3 \"Sportello\" {\n"                           // 16
    "comportamenti per responsabile {\n"                        // 17
    "  C1 \"Comunicazione\" peso 20\n"                          // 18
    "  C2 \"Leadership\" peso 20\n";                            // 19

struct Code {
  ir::Chunk chunk;
  Span span;
  Code& op(Op o, uint32_t a = 0, uint32_t b = 0) {
    chunk.code.push_back(ir::Instr{o, a, b, span});
    return *this;
  }
  Code& push(ir::Value v) {
    chunk.consts.push_back(std::move(v));
    return op(Op::PushConst, static_cast<uint32_t>(chunk.consts.size() - 1));
  }
  Code& num(long n, long d = 1) { return push(Rational(n, d)); }
  ir::Chunk done(ir::Type type, Span whole) {
    op(Op::Return);
    chunk.type = type;
    chunk.span = whole;
    return chunk;
  }
};

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
  misura::FileId reg = sources.add("regole.misura", kRegolamento);
  ir::Module module;
  fs::path dir;

  // The whole of line `line` of the regolamento.
  Span line(uint32_t n) const {
    uint32_t start = sources.lineStart(reg, n);
    return Span{reg, start, start + static_cast<uint32_t>(sources.lineText(reg, n).size())};
  }

  Fixture() {
    static int counter = 0;
    dir = fs::temp_directory_path() /
          ("misura-eval-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(dir);
    fs::create_directories(dir);
    buildDatasets();
    buildIndicators();
    buildProfiles();
    buildObjectives();
    writeFiles();
  }

  ~Fixture() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  void buildDatasets() {
    ir::Dataset staff;
    staff.name = "personale";
    staff.file = "personale.csv";
    staff.fields = {field("matricola", ir::Type::Testo), field("nominativo", ir::Type::Testo),
                    field("profilo", ir::Type::Testo), field("settore", ir::Type::Testo),
                    field("posizione", ir::Type::Euro, true)};
    staff.span = staff.fileSpan = line(1);
    ir::Dataset ril;
    ril.name = "rilevazioni";
    ril.file = "rilevazioni.csv";
    ril.key = {ir::KeyColumn{"matricola", ir::KeyRole::Persona, line(2)},
               ir::KeyColumn{"obiettivo", ir::KeyRole::Obiettivo, line(2)}};
    ril.fields = {field("valore", ir::Type::Percentuale, true)};
    ril.span = ril.fileSpan = line(2);
    ir::Dataset val;
    val.name = "valutazioni";
    val.file = "comportamenti.csv";
    val.key = {ir::KeyColumn{"matricola", ir::KeyRole::Persona, line(3)},
               ir::KeyColumn{"comportamento", ir::KeyRole::Comportamento, line(3)}};
    val.fields = {field("voto", ir::Type::Numero)};
    val.span = val.fileSpan = line(3);
    module.datasets = {staff, ril, val};
    module.staffKeyField = 0;
    module.staffProfileField = 2;
  }

  void buildIndicators() {
    // se valore < soglia * 70% allora 0% altrimenti minimo(100%, valore / soglia)
    Code a;
    a.span = line(4);
    a.op(Op::LoadParam, 0).op(Op::LoadParam, 1).num(7, 10).op(Op::Mul).op(Op::Lt);
    a.op(Op::JumpIfFalse, 8, 13).num(0).op(Op::Jump, 13);
    a.num(1).op(Op::LoadParam, 0).op(Op::LoadParam, 1).op(Op::Div);
    a.op(Op::CallBuiltin, static_cast<uint32_t>(ir::Builtin::Minimo), 2);
    ir::Indicator almeno{"almeno", {ir::Type::Percentuale, ir::Type::Percentuale}, {"valore", "soglia"},
                         a.done(ir::Type::Percentuale, line(4)), line(4)};
    Code l;
    l.span = line(5);
    l.op(Op::LoadParam, 0);
    ir::Indicator lineare{"lineare", {ir::Type::Percentuale}, {"valore"}, l.done(ir::Type::Percentuale, line(5)),
                          line(5)};
    module.indicators = {almeno, lineare};
  }

  static ir::Component component(std::string name, long max, ir::ComponentSource source, Span span) {
    ir::Component c;
    c.name = std::move(name);
    c.maxPoints = max;
    c.source = source;
    c.span = span;
    return c;
  }

  static ir::Band band(std::string label, std::optional<Rational> from, std::optional<Rational> to,
                       Rational percent) {
    ir::Band b;
    b.label = std::move(label);
    b.from = from;
    b.to = to;
    b.percent = percent;
    return b;
  }

  void buildProfiles() {
    ir::Profile resp;
    resp.name = "responsabile";
    resp.span = line(6);
    resp.components = {component("obiettivi", 60, ir::ComponentSource::Obiettivi, line(7)),
                       component("comportamenti", 40, ir::ComponentSource::Comportamenti, line(8))};
    resp.components[1].catalogue = 0;
    resp.totalRounding = ir::RoundingRule{2, ir::Rounding::MezzoInSu};
    resp.bands = {band("Ottimo", Rational(90), std::nullopt, Rational(1)),
                  band("Buono", Rational(60), Rational(8999, 100), Rational(4, 5)),
                  band("Insufficiente", std::nullopt, std::nullopt, Rational(0))};
    Code premio;  // posizione * 20% * fascia
    premio.span = line(9);
    premio.op(Op::LoadPerson, 4).num(1, 5).op(Op::Mul).op(Op::LoadBand).op(Op::Mul);
    resp.premio = premio.done(ir::Type::Euro, line(9));

    ir::Profile dip;
    dip.name = "dipendente";
    dip.span = line(10);
    dip.components = {component("obiettivi", 100, ir::ComponentSource::Obiettivi, line(11))};
    dip.bands = {band("Premiato", Rational(50), std::nullopt, Rational(1)),
                 band("Non premiato", std::nullopt, std::nullopt, Rational(0))};
    Code p2;  // 1.000,01 euro * totale / 100
    p2.span = line(12);
    p2.num(100001, 100).op(Op::LoadTotal).op(Op::Mul).num(100).op(Op::Div);
    dip.premio = p2.done(ir::Type::Euro, line(12));
    dip.premioRounding = ir::Rounding::PerDifetto;

    ir::Profile conv;
    conv.name = "convenzione";
    conv.span = line(13);
    conv.notEvaluated = "valutato dal comune capofila";
    module.profiles = {resp, dip, conv};

    ir::Catalogue cat;
    cat.scaleMin = 1;
    cat.scaleMax = 10;
    cat.ratings = ir::DataRef{2, 0, line(17)};
    cat.items = {ir::Behaviour{"C1", "Comunicazione", Rational(20), line(18)},
                 ir::Behaviour{"C2", "Leadership", Rational(20), line(19)}};
    cat.span = line(17);
    module.catalogues = {cat};
    module.catalogueOfProfile = {0, std::nullopt, std::nullopt};
  }

  ir::Objective objective(std::string code, long weight, uint32_t indicator, uint32_t n) {
    ir::Objective o;
    o.code = std::move(code);
    o.weight = weight;
    o.measure.indicator = indicator;
    o.measure.measured = ir::DataRef{1, 0, line(n)};
    o.measure.span = line(n);
    o.span = line(n);
    return o;
  }

  void buildObjectives() {
    ir::Objective ob1 = objective("OB1", 40, 0, 14);
    ob1.assignment.kind = ir::Assignment::Kind::Profili;
    ob1.assignment.profiles = {0, 1};
    Code soglia;
    soglia.num(4, 5);
    ob1.measure.args = {soglia.done(ir::Type::Percentuale, line(14))};

    ir::Objective ob2 = objective("OB2", 60, 1, 15);
    ob2.assignment.kind = ir::Assignment::Kind::Profili;
    ob2.assignment.profiles = {0};
    ob2.onMissing = ir::OnMissing::Neutralizza;

    ir::Objective ob3 = objective("OB3", 60, 1, 16);
    ob3.assignment.kind = ir::Assignment::Kind::Dove;
    Code where;  // settore = "Anagrafe"
    where.span = line(16);
    where.op(Op::LoadPerson, 3).push(std::string("Anagrafe")).op(Op::Eq);
    ob3.assignment.where = where.done(ir::Type::Booleano, line(16));
    ob3.onMissing = ir::OnMissing::EsitoFisso;
    ob3.fixedEsito = 0;
    module.objectives = {ob1, ob2, ob3};
  }

  void file(const std::string& name, const std::string& text) {
    std::ofstream out(dir / name, std::ios::binary);
    out << text;
  }

  void writeFiles() {
    file("personale.csv",
         "matricola;nominativo;profilo;settore;posizione\n"
         "A01;Anna Bianchi;responsabile;Ragioneria;10.000,00\n"
         "A02;Bruno Verdi;responsabile;Tecnico;12.345,67\n"
         "A03;Carla Neri;responsabile;Polizia Locale;€ 9.999,99\n"
         "A04;Dario Gialli;responsabile;Segreteria;8.000\n"
         "A05;Elena Rossi;dipendente;Anagrafe;\n"
         "A06;Franco Blu;dipendente;Anagrafe;\n"
         "A07;Gina Viola;convenzione;Segreteria;\n"
         "A08;Ugo Rosa;dipendente;Anagrafe;\n");
    file("rilevazioni.csv",
         "matricola;obiettivo;valore\n"
         "A01;OB1;80%\n"
         "A01;OB2;80%\n"
         "A02;OB1;100%\n"
         "A02;OB2;100\n"
         "A03;OB1;90%\n"
         "A03;OB2;76,375 %\n"
         "A04;OB1;72%\n"
         "A05;OB1;\n"
         "A05;OB3;90%\n"
         "A06;OB1;100%\n"
         "A06;OB3;75%\n"
         "A08;OB1;100%\n");
    file("comportamenti.csv",
         "matricola;comportamento;voto\n"
         "A01;C1;10\nA01;C2;8\n"
         "A02;C1;7\nA02;C2;8\n"
         "A03;C1;9\nA03;C2;9\n"
         "A04;C1;5\nA04;C2;6\n");
  }

  std::optional<eval::Evaluation> run() { return eval::evaluate(module, eval::Options{dir}, sources, diags); }
  std::string rendered() const { return misura::render(sources, diags.all()); }
  bool says(const std::string& text) const { return rendered().find(text) != std::string::npos; }
  size_t count(const std::string& code) const {
    size_t n = 0;
    for (const auto& d : diags.all()) n += d.code == code && d.severity == misura::Severity::Errore;
    return n;
  }
};

const eval::PersonResult& person(const eval::Evaluation& e, const std::string& matricola) {
  for (const auto& p : e.persons)
    if (p.matricola == matricola) return p;
  FAIL("matricola " << matricola << " assente");
  throw 0;
}

}  // namespace

TEST_CASE("A regolamento evaluated over a year's data", "[evaluate]") {
  Fixture fx;
  std::optional<eval::Evaluation> ev = fx.run();
  INFO(fx.rendered());
  REQUIRE(ev);
  REQUIRE(ev->persons.size() == 8);
  for (size_t i = 0; i < ev->persons.size(); ++i) CHECK(ev->persons[i].row == i);  // staff order

  SECTION("scores, bands and premio of a responsabile") {
    const eval::PersonResult& a01 = person(*ev, "A01");
    CHECK(a01.status == eval::PersonStatus::Valutato);
    CHECK(a01.nominativo == "Anna Bianchi");
    CHECK(a01.profile == 0);
    REQUIRE(a01.components.size() == 2);
    // 60 * (40 * 100% + 60 * 80%) / 100 = 52,8
    CHECK(*a01.components[0].points == Rational(528, 10));
    REQUIRE(a01.components[0].objectives.size() == 2);
    CHECK(*a01.components[0].objectives[0].esito == Rational(1));  // 80% of a "almeno 80%"
    CHECK(a01.components[0].objectives[0].points == Rational(24));
    CHECK(*a01.components[0].objectives[1].esito == Rational(4, 5));
    CHECK(a01.components[0].objectives[1].points == Rational(144, 5));
    CHECK(fx.sources.slice(a01.components[0].objectives[1].dataSpan) == "80%");
    // 40 * (20 * 10 + 20 * 8) / 10 / 40 = 36
    CHECK(*a01.components[1].points == Rational(36));
    REQUIRE(a01.components[1].behaviours.size() == 2);
    CHECK(a01.components[1].behaviours[0].points == Rational(20));
    CHECK(a01.components[1].behaviours[1].rating == Rational(8));
    CHECK(a01.totalExact == Rational(888, 10));
    CHECK(a01.total == Rational(888, 10));
    CHECK(a01.band == 1u);
    CHECK(*a01.premioExact == Rational(1600));
    CHECK(*a01.premio == Rational(1600));
  }

  SECTION("an exact total of 90 is in the band from 90") {
    const eval::PersonResult& a02 = person(*ev, "A02");
    CHECK(*a02.components[0].points == Rational(60));
    CHECK(*a02.components[1].points == Rational(30));
    CHECK(a02.totalExact == Rational(90));
    CHECK(a02.band == 0u);
    // 12.345,67 * 20% * 100% = 2.469,134 -> 2.469,13
    CHECK(*a02.premioExact == Rational(2469134, 1000));
    CHECK(*a02.premio == Rational(246913, 100));
  }

  SECTION("the total is rounded half up: 87,495 -> 87,50") {
    const eval::PersonResult& a03 = person(*ev, "A03");
    CHECK(*a03.components[0].points == Rational(51495, 1000));
    CHECK(a03.totalExact == Rational(87495, 1000));
    CHECK(a03.total == Rational(8750, 100));
    CHECK(a03.band == 1u);
    // 9.999,99 * 20% * 80% = 1.599,9984 -> 1.600,00 (half up)
    CHECK(*a03.premioExact == Rational(15999984, 10000));
    CHECK(*a03.premio == Rational(1600));
  }

  SECTION("a neutralised objective's weight goes to the others") {
    const eval::PersonResult& a04 = person(*ev, "A04");
    const auto& objs = a04.components[0].objectives;
    REQUIRE(objs.size() == 2);
    CHECK(objs[1].status == Status::Neutralizzato);
    CHECK_FALSE(objs[1].esito);
    CHECK(std::holds_alternative<ir::Missing>(objs[1].measured));
    CHECK_FALSE(objs[1].dataSpan.valid());
    CHECK(objs[1].points == Rational(0));
    // OB1 alone: 72% / 80% = 90% of the whole 60 points
    CHECK(*objs[0].esito == Rational(9, 10));
    CHECK(*a04.components[0].points == Rational(54));
    CHECK(a04.totalExact == Rational(76));  // 54 + 40 * (20*5 + 20*6) / 10 / 40 = 54 + 22
    CHECK(*a04.premio == Rational(1280));
  }

  SECTION("a value not measured without a rule is E0602 for that person only") {
    const eval::PersonResult& a05 = person(*ev, "A05");
    CHECK(a05.status == eval::PersonStatus::Errore);
    CHECK(a05.reason == "obiettivo OB1: valore non rilevato per A05");
    CHECK_FALSE(a05.premio);
    CHECK(a05.components[0].objectives[0].status == Status::Errore);
    CHECK_FALSE(a05.components[0].points);
    CHECK(fx.count("E0602") == 1);
    CHECK(fx.diags.errorCount() == 1);
    CHECK(fx.says("regole.misura:14:1: errore[E0602]: obiettivo OB1: valore non rilevato per A05"));
    CHECK(fx.says("se non rilevato: neutralizzato"));
  }

  SECTION("a dipendente: objectives by condition, exact total, premio per difetto") {
    const eval::PersonResult& a06 = person(*ev, "A06");
    CHECK(a06.status == eval::PersonStatus::Valutato);
    REQUIRE(a06.components[0].objectives.size() == 2);
    CHECK(a06.components[0].objectives[1].objective == 2u);  // OB3, assigned by settore
    CHECK(a06.totalExact == Rational(85));                    // 40 * 100% + 60 * 75%
    CHECK(a06.total == Rational(85));
    CHECK(a06.band == 0u);
    // 1.000,01 * 85 / 100 = 850,0085 -> 850,00 per difetto (half up would give 850,01)
    CHECK(*a06.premioExact == Rational(8500085, 10000));
    CHECK(*a06.premio == Rational(850));

    const eval::PersonResult& a08 = person(*ev, "A08");  // OB3 not measured: fixed esito 0%
    CHECK(a08.components[0].objectives[1].status == Status::EsitoFisso);
    CHECK(*a08.components[0].objectives[1].esito == Rational(0));
    CHECK(a08.totalExact == Rational(40));
    CHECK(a08.band == 1u);
    CHECK(*a08.premio == Rational(40000, 100));  // 400,004 -> 400,00
  }

  SECTION("a profile not evaluated") {
    const eval::PersonResult& a07 = person(*ev, "A07");
    CHECK(a07.status == eval::PersonStatus::NonValutato);
    CHECK(a07.reason == "valutato dal comune capofila");
    CHECK(a07.components.empty());
    CHECK_FALSE(a07.premio);
  }
}

TEST_CASE("Weights that do not add up to 100 for a person: E0604 and no scores", "[evaluate]") {
  Fixture fx;
  fx.file("personale.csv",
          "matricola;nominativo;profilo;settore;posizione\n"
          "A01;Anna Bianchi;responsabile;Anagrafe;10.000,00\n"
          "A02;Bruno Verdi;dipendente;Tecnico;\n");
  fx.file("rilevazioni.csv", "matricola;obiettivo;valore\nA01;OB1;80%\nA02;OB1;\n");
  fx.file("comportamenti.csv", "matricola;comportamento;voto\n");
  std::optional<eval::Evaluation> ev = fx.run();
  INFO(fx.rendered());
  CHECK_FALSE(ev);
  CHECK(fx.count("E0604") == 2);
  CHECK(fx.says("personale.csv:2:1: errore[E0604]: i pesi degli obiettivi assegnati alla matricola A01 sommano a "
                "160 invece di 100"));
  CHECK(fx.says("nota: OB3: peso 60 (regole.misura:16:1)"));
  CHECK(fx.says("personale.csv:3:1: errore[E0604]: i pesi degli obiettivi assegnati alla matricola A02 sommano a "
                "40 invece di 100"));
  // Checked before any score: A02's missing value is not even looked at.
  CHECK(fx.count("E0602") == 0);
}

TEST_CASE("Out-of-range esito, rating out of scale, all objectives neutralised", "[evaluate]") {
  Fixture fx;
  fx.file("rilevazioni.csv",
          "matricola;obiettivo;valore\n"
          "A01;OB1;80%\nA01;OB2;120%\n"
          "A02;OB1;100%\nA02;OB2;100%\n"
          "A03;OB1;90%\nA03;OB2;50%\n"
          "A04;OB1;80%\n"
          "A05;OB1;100%\nA06;OB1;100%\nA08;OB1;100%\n");
  fx.file("comportamenti.csv",
          "matricola;comportamento;voto\n"
          "A01;C1;10\nA01;C2;8\n"
          "A02;C1;7\nA02;C2;11\n"
          "A03;C1;9\n"
          "A04;C1;5\nA04;C2;6\n");
  fx.module.objectives[0].onMissing = ir::OnMissing::Neutralizza;
  std::optional<eval::Evaluation> ev = fx.run();
  INFO(fx.rendered());
  REQUIRE(ev);
  CHECK(person(*ev, "A01").status == eval::PersonStatus::Errore);
  CHECK(fx.says("regole.misura:15:1: errore[E0603]: obiettivo OB2: l'esito per A01 è 120%, fuori dall'intervallo"));
  CHECK(person(*ev, "A02").status == eval::PersonStatus::Errore);
  CHECK(fx.says("comportamenti.csv:5:8: errore[E0605]: il voto 11 della matricola A02 per il comportamento C2 è "
                "fuori dalla scala da 1 a 10"));
  CHECK(person(*ev, "A03").status == eval::PersonStatus::Errore);
  CHECK(fx.says("regole.misura:19:1: errore[E0602]: comportamento C2: voto non rilevato per A03"));
  CHECK(person(*ev, "A04").status == eval::PersonStatus::Valutato);
  CHECK(person(*ev, "A04").totalExact == Rational(60 + 22));  // OB2 neutralised, OB1 at 100%
  CHECK(person(*ev, "A06").status == eval::PersonStatus::Valutato);
  CHECK(person(*ev, "A06").totalExact == Rational(40));  // OB3 fixed at 0%
  CHECK(fx.count("E0606") == 0);

  // Without measured values for the dipendente's objectives and with both neutralised: E0606.
  Fixture all;
  all.module.objectives[0].onMissing = ir::OnMissing::Neutralizza;
  all.module.objectives[2].onMissing = ir::OnMissing::Neutralizza;
  all.file("rilevazioni.csv",
           "matricola;obiettivo;valore\n"
           "A01;OB1;80%\nA02;OB1;100%\nA03;OB1;90%\nA04;OB1;80%\nA06;OB1;100%\nA06;OB3;75%\n");
  std::optional<eval::Evaluation> ev2 = all.run();
  INFO(all.rendered());
  REQUIRE(ev2);
  CHECK(person(*ev2, "A05").status == eval::PersonStatus::Errore);
  CHECK(all.says("personale.csv:6:1: errore[E0606]: tutti gli obiettivi della matricola A05 sono neutralizzati"));
  CHECK(person(*ev2, "A06").status == eval::PersonStatus::Valutato);
  CHECK(all.count("E0606") == 2);  // A05 and A08
}

TEST_CASE("A division by zero in an indicator is E0601 for that person", "[evaluate]") {
  Fixture fx;
  // soglia 0%: almeno divides valore by 0 once valore >= 0 * 70%
  fx.module.objectives[0].measure.args[0].consts[0] = Rational(0);
  std::optional<eval::Evaluation> ev = fx.run();
  REQUIRE(ev);
  CHECK(person(*ev, "A01").status == eval::PersonStatus::Errore);
  CHECK(fx.count("E0601") == 6);  // every person with a measured OB1
  CHECK(fx.says("regole.misura:4:1: errore[E0601]: obiettivo OB1, matricola A01: divisione per zero"));
}

TEST_CASE("Data errors stop the evaluation before any score", "[evaluate]") {
  Fixture fx;
  fs::remove(fx.dir / "comportamenti.csv");
  CHECK_FALSE(fx.run());
  CHECK(fx.count("E0508") == 1);
}

TEST_CASE("A table keyed by objective only gives every assignee the same value", "[evaluate]") {
  Fixture fx;
  fx.module.datasets[1].key = {ir::KeyColumn{"obiettivo", ir::KeyRole::Obiettivo, fx.line(2)}};
  fx.file("rilevazioni.csv", "obiettivo;valore\nOB1;100%\nOB2;50%\nOB3;75%\n");
  std::optional<eval::Evaluation> ev = fx.run();
  INFO(fx.rendered());
  REQUIRE(ev);
  CHECK(*person(*ev, "A01").components[0].points == Rational(42));  // 60 * (40 * 1 + 60 * 1/2) / 100
  CHECK(*person(*ev, "A04").components[0].points == Rational(42));
  CHECK(person(*ev, "A05").totalExact == Rational(85));  // 40 * 1 + 60 * 3/4
  CHECK(person(*ev, "A08").totalExact == Rational(85));
}

TEST_CASE("A total in a gap between bands is E0608, never the band below", "[evaluate]") {
  Fixture fx;
  // "Alto" da 86, "Medio" da 50 a 84,99: an exact 85 is in neither.
  fx.module.profiles[1].bands = {Fixture::band("Alto", Rational(86), std::nullopt, Rational(1)),
                                 Fixture::band("Medio", Rational(50), Rational(8499, 100), Rational(1, 2)),
                                 Fixture::band("Basso", std::nullopt, std::nullopt, Rational(0))};
  fx.file("rilevazioni.csv",
          "matricola;obiettivo;valore\n"
          "A01;OB1;80%\nA01;OB2;80%\nA02;OB1;100%\nA02;OB2;100%\nA03;OB1;90%\nA03;OB2;50%\nA04;OB1;72%\n"
          "A05;OB1;100%\nA05;OB3;100%\nA06;OB1;100%\nA06;OB3;75%\nA08;OB1;100%\n");
  std::optional<eval::Evaluation> ev = fx.run();
  INFO(fx.rendered());
  REQUIRE(ev);
  CHECK(person(*ev, "A06").status == eval::PersonStatus::Errore);
  CHECK_FALSE(person(*ev, "A06").band);
  CHECK(fx.says("regole.misura:10:1: errore[E0608]: il totale 85 della matricola A06 non rientra in nessuna fascia"));
  CHECK(person(*ev, "A05").band == 0u);  // 100
  CHECK(person(*ev, "A08").band == 2u);  // 40
  CHECK(fx.count("E0608") == 1);
}
