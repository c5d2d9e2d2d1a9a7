// Unit tests for compiler/syntax (source -> AST, syntax diagnostics) and
// compiler/ast/print.h (AST -> canonical source).
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/print.h"
#include "compiler/syntax/parse.h"

using namespace misura;

namespace {

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  FileId file = kNoFile;
  std::optional<ast::Program> program;

  std::string rendered() const { return render(sources, diags.all()); }
  std::string_view slice(Span s) const { return sources.slice(s); }
};

std::unique_ptr<Parsed> parseText(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sources.add("prova.misura", std::move(text));
  p->program = syntax::parse(p->sources, p->file, p->diags);
  return p;
}

// Parses a source that must be valid and returns the AST.
std::unique_ptr<Parsed> parseValid(std::string text) {
  auto p = parseText(std::move(text));
  INFO(p->rendered());
  REQUIRE(p->program.has_value());
  REQUIRE(p->diags.all().empty());
  return p;
}

std::string printed(const std::string& source) { return ast::print(*parseValid(source)->program); }

// The canonical form of one expression, read as an indicator body.
std::string printedExpr(const std::string& expr) {
  auto p = parseValid("indicatore f() su v: numero = " + expr);
  REQUIRE(p->program->indicators.size() == 1);
  return ast::print(*p->program->indicators[0].body);
}

// Every expression of a program, in no particular order.
void forEachExpr(const ast::Program& p, const std::function<void(const ast::Expr&)>& f) {
  std::function<void(const ast::Expr&)> walk = [&](const ast::Expr& e) {
    f(e);
    if (auto* c = std::get_if<ast::Call>(&e.node))
      for (const auto& a : c->args) walk(*a);
    if (auto* u = std::get_if<ast::Unary>(&e.node)) walk(*u->operand);
    if (auto* b = std::get_if<ast::Binary>(&e.node)) {
      walk(*b->lhs);
      walk(*b->rhs);
    }
    if (auto* i = std::get_if<ast::If>(&e.node)) {
      walk(*i->cond);
      walk(*i->then);
      walk(*i->otherwise);
    }
    if (auto* st = std::get_if<ast::Steps>(&e.node)) {
      walk(*st->subject);
      for (const auto& line : st->lines) {
        if (line.threshold) walk(*line.threshold);
        walk(*line.result);
      }
    }
  };
  for (const auto& i : p.indicators) walk(*i.body);
  for (const auto& pr : p.profiles) {
    for (const auto& c : pr.components)
      if (c.expr) walk(*c.expr);
    if (pr.premio) walk(*pr.premio);
  }
  for (const auto& o : p.objectives) {
    for (const auto& a : o.assignments)
      if (a.where) walk(*a.where);
    for (const auto& m : o.measures) {
      for (const auto& a : m.args) walk(*a);
      walk(*m.measured);
    }
    for (const auto& d : o.deadlines)
      if (d.expr) walk(*d.expr);
    for (const auto& w : o.weights)
      if (w.who && w.who->where) walk(*w.who->where);
    for (const auto& m : o.onMissing)
      if (m.value) walk(*m.value);
  }
  for (const auto& pv : p.prove)
    for (const auto& e : pv.expectations)
      if (e.value) walk(*e.value);
}

struct ErrorRow {
  std::string name;
  std::string source;
  std::string code;
  uint32_t line, column;
};

// True if `p` reported `code` at line:column.
bool hasError(const Parsed& p, const std::string& code, uint32_t line, uint32_t column) {
  for (const Diagnostic& d : p.diags.all()) {
    if (d.code != code || d.severity != Severity::Errore || !d.span.valid()) continue;
    LineCol lc = p.sources.lineCol(d.span.file, d.span.begin);
    if (lc.line == line && lc.column == column) return true;
  }
  return false;
}

// A realistic regolamento, with Unicode names, titles and comments.
const char* const kRegolamento = R"(# Sistema di misurazione e valutazione della performance 2024
ente "Comune di Sant'Agata de' Goti — Servizi «Qualità & Città»"
anno 2024

personale da "dati/personale.csv" codifica "UTF-8" separatore ";" {
  matricola testo chiave
  cognome testo
  qualifica testo
  profilo testo
  assunzione data opzionale
  presenze giorni
}

dati rilevazioni da "dati/rilevazioni.csv" chiave (matricola; obiettivo) {
  matricola testo chiave
  obiettivo testo chiave
  valore percentuale opzionale
  ritardo giorni opzionale
}

dati valutazioni da "dati/schede.csv" separatore "," chiave (matricola, comportamento) {
  matricola testo
  comportamento testo
  voto numero
}

# Indicatori della libreria del Comune.
indicatore almeno(soglia: percentuale) su valore: percentuale =
  se valore >= soglia allora 100% altrimenti valore / soglia * 100%

indicatore entro(limite: giorni; penalità: percentuale) su ritardo: giorni =
  se ritardo <= limite allora 100%
  altrimenti se ritardo <= limite * 2 allora 100% - penalità
  altrimenti 0%

profilo dirigente "Dirigenti e titolari di incarico di E.Q." {
  componente obiettivi "Obiettivi di performance organizzativa" fino a 60 punti da obiettivi
  componente comportamenti "Comportamenti organizzativi" fino a 35 punti da comportamenti
  componente qualità "Qualità percepita dall'utenza" fino a 5 punti = min(customer.indice, 100%) * 5 punti
  totale arrotondato a 2 decimali per difetto
  fasce {
    "Eccellente" da 92 punti -> 100%
    "Più che adeguato" da 80 a 91,99 punti -> 85%
    "Adeguato" da 60 a 79,99 -> 60%
    "Non adeguato" altrimenti -> 0%
  }
  premio = fondo.dirigenza * quota / 100 arrotondato a 2 decimali al pari
  non valutato "in servizio per meno di 90 giorni"
}

profilo dipendente {
  componente obiettivi fino a 70 punti da obiettivi
  componente comportamenti fino a 30 punti da comportamenti
  totale arrotondato
  fasce {
    "Alta" da 85 punti -> 100%
    "Media" da 70 a 84,99 punti -> 70%
    "Bassa" altrimenti -> 0%
  }
  premio = se presenze < 120 giorni allora 0 euro altrimenti 1.250,50 euro * coefficiente
}

obiettivo OB1 "Riduzione dei tempi medi di rilascio dei titoli \"SUAP\"" {
  assegnato a profilo dirigente, dipendente
  peso 30
  termine 31/12/2024
  misura almeno(80%) su rilevazioni.valore
  fonte "Protocollo informatico — registro «SUAP»"
  se non rilevato: neutralizzato
}

obiettivo OB2 "Digitalizzazione delle pratiche edilizie" {
  assegnato a "M0012", "M0047"; "M0101"
  peso 20,5
  termine 30.06.2024
  misura entro(30 giorni, 10%) su rilevazioni.ritardo
  se non rilevato 0%
}

obiettivo OB3 "Trasparenza e anticorruzione" {
  assegnato a personale dove qualifica = "istruttore" e non (assunzione > 01/07/2024)
  peso 49,5
  misura almeno(100%) su rilevazioni.valore
}

obiettivo OB4 "Benessere organizzativo" {
  assegnato a tutti
  peso 10
}

comportamenti per dirigente, dipendente {
  scala da 1 a 5
  voti da valutazioni.voto
  C1 "Collaborazione e lavoro di gruppo" peso 25
  C2 "Orientamento all'utenza e qualità del servizio" peso 40
  C3 "Capacità di gestione delle criticità" peso 35
}

prova "Dirigente M0012: 88,50, fascia «Buona»" {
  dati "prove/m0012"
  persona "M0012"
  attendi totale = 88,50
  attendi fascia = "Buona"
  attendi premio = 1.234,50 euro
  attendi componente qualità = 4,5 punti
  attendi esito SUAP1 = 87,5%
  attendi esito SUAP2 = neutralizzato
}
)";

}  // namespace

// ---- printing every construct -------------------------------------------

TEST_CASE("Every declaration kind prints in canonical form", "[syntax][print]") {
  struct Row {
    std::string source, expected;
  };
  const std::vector<Row> rows = {
      {"ente \"Comune di Prova\"", "ente \"Comune di Prova\"\n"},
      {"ente \"Il \\\"Borgo\\\" e la barra \\\\\"", "ente \"Il \\\"Borgo\\\" e la barra \\\\\"\n"},
      {"anno 2024", "anno 2024\n"},
      {"# solo un commento\nanno   2025 # e un altro", "anno 2025\n"},
      {"personale da \"p.csv\" { matricola testo chiave\n nome testo }",
       "personale da \"p.csv\" {\n  matricola testo chiave\n  nome testo\n}\n"},
      {"personale da \"p.csv\" separatore \";\" codifica \"latin1\" {}",
       "personale da \"p.csv\" codifica \"latin1\" separatore \";\" {\n}\n"},
      {"dati ril da \"r.csv\" chiave (matricola; obiettivo) { v percentuale opzionale chiave }",
       "dati ril da \"r.csv\" chiave (matricola, obiettivo) {\n  v percentuale chiave opzionale\n}\n"},
      {"dati d da \"d.csv\" { c1 testo c2 numero c3 percentuale c4 punti c5 euro c6 data c7 giorni c8 booleano }",
       "dati d da \"d.csv\" {\n  c1 testo\n  c2 numero\n  c3 percentuale\n  c4 punti\n  c5 euro\n  c6 data\n"
       "  c7 giorni\n  c8 booleano\n}\n"},
      {"indicatore almeno(soglia: percentuale; peso: numero) su valore: percentuale = valore",
       "indicatore almeno(soglia: percentuale, peso: numero) su valore: percentuale = valore\n"},
      {"indicatore sempre() su v: booleano = vero", "indicatore sempre() su v: booleano = vero\n"},
      {"profilo p {}", "profilo p {\n}\n"},
      {"profilo p \"Titolo\" { componente c \"C\" fino a 60 punti da obiettivi }",
       "profilo p \"Titolo\" {\n  componente c \"C\" fino a 60 punti da obiettivi\n}\n"},
      {"profilo p { componente c fino a 40,5 punti da comportamenti }",
       "profilo p {\n  componente c fino a 40,5 punti da comportamenti\n}\n"},
      {"profilo p { componente c fino a 10 punti = x * 10 punti }",
       "profilo p {\n  componente c fino a 10 punti = x * 10 punti\n}\n"},
      {"profilo p { totale arrotondato }", "profilo p {\n  totale arrotondato\n}\n"},
      {"profilo p { totale arrotondato a 2 decimali }", "profilo p {\n  totale arrotondato a 2 decimali\n}\n"},
      {"profilo p { totale arrotondato per difetto }", "profilo p {\n  totale arrotondato per difetto\n}\n"},
      {"profilo p { totale arrotondato a 0 decimali per eccesso }",
       "profilo p {\n  totale arrotondato a 0 decimali per eccesso\n}\n"},
      {"profilo p { totale arrotondato a 3 decimali al pari }",
       "profilo p {\n  totale arrotondato a 3 decimali al pari\n}\n"},
      {"profilo p { fasce { \"A\" da 92 punti -> 100% \"B\" da 80 a 91,99 -> 85% \"C\" altrimenti -> 0% } }",
       "profilo p {\n  fasce {\n    \"A\" da 92 punti -> 100%\n    \"B\" da 80 a 91,99 punti -> 85%\n"
       "    \"C\" altrimenti -> 0%\n  }\n}\n"},
      {"profilo p { premio = 1.000 euro }", "profilo p {\n  premio = 1.000 euro\n}\n"},
      {"profilo p { premio = f * q arrotondato a 2 decimali }",
       "profilo p {\n  premio = f * q arrotondato a 2 decimali\n}\n"},
      {"profilo p { non valutato \"assente\" }", "profilo p {\n  non valutato \"assente\"\n}\n"},
      // Items come out in a fixed order: components, total, bands, premio, non valutato.
      {"profilo p { non valutato \"n\" premio = 1 totale arrotondato componente c fino a 1 punti da obiettivi }",
       "profilo p {\n  componente c fino a 1 punti da obiettivi\n  totale arrotondato\n  premio = 1\n"
       "  non valutato \"n\"\n}\n"},
      {"obiettivo O1 \"T\" { assegnato a tutti }", "obiettivo O1 \"T\" {\n  assegnato a tutti\n}\n"},
      {"obiettivo O1 \"T\" { assegnato a profilo a1; b2 }",
       "obiettivo O1 \"T\" {\n  assegnato a profilo a1, b2\n}\n"},
      {"obiettivo O1 \"T\" { assegnato a \"M1\", \"M2\" }",
       "obiettivo O1 \"T\" {\n  assegnato a \"M1\", \"M2\"\n}\n"},
      {"obiettivo O1 \"T\" { assegnato a personale dove ruolo = \"x\" }",
       "obiettivo O1 \"T\" {\n  assegnato a personale dove ruolo = \"x\"\n}\n"},
      {"obiettivo O1 \"T\" { peso 30 peso 12,5 }", "obiettivo O1 \"T\" {\n  peso 30\n  peso 12,5\n}\n"},
      {"obiettivo O1 \"T\" { termine 31/12/2024 termine 1.2.2025 }",
       "obiettivo O1 \"T\" {\n  termine 31/12/2024\n  termine 01/02/2025\n}\n"},
      {"obiettivo O1 \"T\" { misura almeno(80%; 2) su ril.valore }",
       "obiettivo O1 \"T\" {\n  misura almeno(80%, 2) su ril.valore\n}\n"},
      {"obiettivo O1 \"T\" { misura sempre() su ril.valore }",
       "obiettivo O1 \"T\" {\n  misura sempre() su ril.valore\n}\n"},
      {"obiettivo O1 \"T\" { misura q(conta(f dove k > 1 e rilevato(b)); somma(f; x); "
       "media_ponderata(f; giorni_tra(r; p); i dove i > 0 euro)) su ril.valore }",
       "obiettivo O1 \"T\" {\n  misura q(conta(f dove k > 1 e rilevato(b)), somma(f, x), "
       "media_ponderata(f, giorni_tra(r, p), i dove i > 0 euro)) su ril.valore\n}\n"},
      {"obiettivo O1 \"T\" { fonte \"Protocollo\" }", "obiettivo O1 \"T\" {\n  fonte \"Protocollo\"\n}\n"},
      {"obiettivo O1 \"T\" { se non rilevato neutralizzato }",
       "obiettivo O1 \"T\" {\n  se non rilevato: neutralizzato\n}\n"},
      {"obiettivo O1 \"T\" { se non rilevato: 50% }", "obiettivo O1 \"T\" {\n  se non rilevato: 50%\n}\n"},
      {"obiettivo O1 \"T\" { se non rilevato: neutralizzato + 1 }",
       "obiettivo O1 \"T\" {\n  se non rilevato: neutralizzato + 1\n}\n"},
      {"comportamenti per a1 { }", "comportamenti per a1 {\n}\n"},
      {"comportamenti per a1; b2 { scala da 1 a 5 voti da v.voto C1 \"Collaborazione\" peso 30 }",
       "comportamenti per a1, b2 {\n  scala da 1 a 5\n  voti da v.voto\n  C1 \"Collaborazione\" peso 30\n}\n"},
      {"prova \"P\" {}", "prova \"P\" {\n}\n"},
      // Items come out in a fixed order: dati, persona, then the `attendi` lines as written.
      {"prova \"P\" { attendi totale = 90,50 persona \"R1\" dati \"d\" attendi non valutato }",
       "prova \"P\" {\n  dati \"d\"\n  persona \"R1\"\n  attendi totale = 90,5\n  attendi non valutato\n}\n"},
      {"prova \"P\" { attendi fascia = \"A\" attendi premio = 1.247,35 euro attendi componente c = 55,5 punti }",
       "prova \"P\" {\n  attendi fascia = \"A\"\n  attendi premio = 1.247,35 euro\n"
       "  attendi componente c = 55,5 punti\n}\n"},
      {"prova \"P\" { attendi esito O1 = 84,375% attendi esito O2 = neutralizzato attendi errore E0602 }",
       "prova \"P\" {\n  attendi esito O1 = 84,375%\n  attendi esito O2 = neutralizzato\n"
       "  attendi errore E0602\n}\n"},
      // A name spelt `neutralizzato` keeps its parentheses (else it would read back as the keyword).
      {"prova \"P\" { attendi esito O1 = (neutralizzato) }",
       "prova \"P\" {\n  attendi esito O1 = (neutralizzato)\n}\n"},
      // Soft keywords can be names.
      {"dati dati da \"x\" { termine data peso numero }",
       "dati dati da \"x\" {\n  termine data\n  peso numero\n}\n"},
      {"dati d da \"x\" { prova testo persona testo attendi testo esito numero errore testo fascia testo }",
       "dati d da \"x\" {\n  prova testo\n  persona testo\n  attendi testo\n  esito numero\n  errore testo\n"
       "  fascia testo\n}\n"},
      // Declarations come out grouped by kind, separated by a blank line.
      {"obiettivo O \"o\" {} anno 2024 ente \"e\"", "ente \"e\"\n\nanno 2024\n\nobiettivo O \"o\" {\n}\n"},
      {"prova \"p\" {} obiettivo O \"o\" {}", "obiettivo O \"o\" {\n}\n\nprova \"p\" {\n}\n"},
  };
  for (const Row& row : rows) {
    INFO(row.source);
    CHECK(printed(row.source) == row.expected);
  }
}

TEST_CASE("Every expression form prints with just the parentheses it needs", "[syntax][print]") {
  struct Row {
    std::string source, expected;
  };
  const std::vector<Row> rows = {
      // arithmetic and precedence
      {"p + q * r", "p + q * r"},
      {"(p + q) * r", "(p + q) * r"},
      {"p * (q + r)", "p * (q + r)"},
      {"(p * q) + r", "p * q + r"},
      {"p - q - r", "p - q - r"},
      {"(p - q) - r", "p - q - r"},
      {"p - (q - r)", "p - (q - r)"},
      {"p / q / r", "p / q / r"},
      {"p / (q / r)", "p / (q / r)"},
      {"((((p))))", "p"},
      // unary minus binds tighter than '*'
      {"-p * q", "-p * q"},
      {"-(p * q)", "-(p * q)"},
      {"- -p", "--p"},
      {"p - -1", "p - -1"},
      // comparisons
      {"p < q", "p < q"},
      {"p <= q", "p <= q"},
      {"p > q", "p > q"},
      {"p >= q", "p >= q"},
      {"p = q", "p = q"},
      {"p <> q", "p <> q"},
      {"p + 1 >= q * 2", "p + 1 >= q * 2"},
      {"(p < q) = vero", "p < q = vero"},
      {"p = (q < r)", "p = (q < r)"},
      // logic: 'non' is looser than comparisons, tighter than 'e'
      {"non p e q", "non p e q"},
      {"non (p e q)", "non (p e q)"},
      {"(non p) e q", "non p e q"},
      {"non p = q", "non p = q"},
      {"(non p) = q", "(non p) = q"},
      {"p * (non q)", "p * non q"},
      {"p * (non q) = r", "p * (non q) = r"},
      {"p o q e r", "p o q e r"},
      {"(p o q) e r", "(p o q) e r"},
      {"p e (q o r)", "p e (q o r)"},
      {"non non p", "non non p"},
      // conditionals
      {"se p allora 1 altrimenti 2", "se p allora 1 altrimenti 2"},
      {"se x > 1 allora 2 altrimenti se x > 0 allora 1 altrimenti 0",
       "se x > 1 allora 2 altrimenti se x > 0 allora 1 altrimenti 0"},
      {"se p allora se q allora 1 altrimenti 2 altrimenti 3", "se p allora se q allora 1 altrimenti 2 altrimenti 3"},
      {"(se p allora 1 altrimenti 2) + 3", "(se p allora 1 altrimenti 2) + 3"},
      {"3 + se p allora 1 altrimenti 2", "3 + se p allora 1 altrimenti 2"},
      {"se p allora 1 altrimenti 2 + 3", "se p allora 1 altrimenti 2 + 3"},
      {"(se p allora 1 altrimenti 2) * 3 + 1", "(se p allora 1 altrimenti 2) * 3 + 1"},
      // calls and member references
      {"f()", "f()"},
      {"f(1; 2)", "f(1, 2)"},
      {"f(1,5; 2)", "f(1,5, 2)"},
      {"f(x, g(y; z))", "f(x, g(y, z))"},
      // aggregates over a record table: `dove` ends the argument list
      {"conta(f dove (k > 1 o b) e c)", "conta(f dove (k > 1 o b) e c)"},
      {"somma(f; x * 2 dove se p allora q altrimenti r)", "somma(f, x * 2 dove se p allora q altrimenti r)"},
      {"media_ponderata(f, giorni_tra(r, p), i dove rilevato(p)) / conta(f)",
       "media_ponderata(f, giorni_tra(r, p), i dove rilevato(p)) / conta(f)"},
      {"rilevazioni.valore", "rilevazioni.valore"},
      {"max(rilevazioni.valore, 0) * 2", "max(rilevazioni.valore, 0) * 2"},
      {"qualità.π + città", "qualità.π + città"},
      // literals with units, Italian numbers, dates, texts, booleans
      {"80%", "80%"},
      {"60 punti", "60 punti"},
      {"1 punti", "1 punto"},
      {"1 punto", "1 punto"},
      {"1.200,50 euro", "1.200,5 euro"},
      {"1200", "1.200"},
      {"0,125", "0,125"},
      {"1.234.567,891", "1.234.567,891"},
      {"90 giorni", "90 giorni"},
      {"1 giorno", "1 giorno"},
      {"31/12/2024", "31/12/2024"},
      {"1.2.2024", "01/02/2024"},
      {"\"testo \\\"citato\\\" e \\\\\"", "\"testo \\\"citato\\\" e \\\\\""},
      {"\"àèìòù €\"", "\"àèìòù €\""},
      {"vero", "vero"},
      {"falso", "falso"},
      {"punti", "punti"},  // a soft keyword as a name
      {"scaglioni + nel + negli + anni", "scaglioni + nel + negli + anni"},  // new soft keywords
      // step tables print on one line; `-> risultato` keeps its unit
      {"scaglioni v {\n da 90% -> 100%\n altrimenti -> 0% }", "scaglioni v { da 90% -> 100%  altrimenti -> 0% }"},
      {"scaglioni x + y { fino a 1 giorno -> 1 punto altrimenti -> 0 punti } * 2",
       "scaglioni x + y { fino a 1 giorno -> 1 punto  altrimenti -> 0 punti } * 2"},
      {"scaglioni g { \"Ottimo\" -> 100% altrimenti -> 0% }", "scaglioni g { \"Ottimo\" -> 100%  altrimenti -> 0% }"},
  };
  for (const Row& row : rows) {
    INFO(row.source);
    CHECK(printedExpr(row.source) == row.expected);
  }
}

TEST_CASE("A printed expression parses back to the same printed form", "[syntax][print]") {
  const std::vector<std::string> exprs = {
      "-(non p) = q",         "(se p allora q altrimenti r) e s", "p * (se r allora 1 altrimenti 2) - 3",
      "non (p o q) = r",      "-(-p)",                           "p - (-q - r) * -s",
      "(non p) * q",          "f(se p allora 1 altrimenti 2)",   "x <= (y o z)"};
  for (const std::string& e : exprs) {
    INFO(e);
    std::string once = printedExpr(e);
    CHECK(printedExpr(once) == once);
  }
}

TEST_CASE("A full regolamento prints to a fixpoint", "[syntax][print]") {
  auto p = parseValid(kRegolamento);
  const ast::Program& prog = *p->program;
  CHECK(prog.ente.size() == 1);
  CHECK(prog.anno.size() == 1);
  CHECK(prog.anno[0].year == 2024);
  CHECK(prog.datasets.size() == 3);
  CHECK(prog.datasets[0].isStaff);
  CHECK(prog.indicators.size() == 2);
  CHECK(prog.profiles.size() == 2);
  CHECK(prog.objectives.size() == 4);
  CHECK(prog.catalogues.size() == 1);
  REQUIRE(prog.prove.size() == 1);
  CHECK(prog.prove[0].expectations.size() == 6);
  CHECK(prog.prove[0].expectations[5].kind == ast::Expectation::Kind::Esito);
  CHECK(!prog.prove[0].expectations[5].value);  // = neutralizzato
  CHECK(prog.ente[0].value == "Comune di Sant'Agata de' Goti — Servizi «Qualità & Città»");
  CHECK(prog.objectives[0].title.value == "Riduzione dei tempi medi di rilascio dei titoli \"SUAP\"");

  std::string once = ast::print(prog);
  auto again = parseValid(once);
  std::string twice = ast::print(*again->program);
  CHECK(once == twice);
  CHECK(again->program->nodeCount == prog.nodeCount);
  // Spot checks of the canonical text.
  CHECK(once.find("  componente qualità \"Qualità percepita dall'utenza\" fino a 5 punti = "
                  "min(customer.indice, 100%) * 5 punti\n") != std::string::npos);
  CHECK(once.find("  assegnato a \"M0012\", \"M0047\", \"M0101\"\n") != std::string::npos);
  CHECK(once.find("  termine 30/06/2024\n") != std::string::npos);
  CHECK(once.find("assegnato a personale dove qualifica = \"istruttore\" e non assunzione > 01/07/2024") !=
        std::string::npos);
  CHECK(once.find("  se non rilevato: 0%\n") != std::string::npos);
  CHECK(once.find("  attendi totale = 88,5\n  attendi fascia = \"Buona\"\n") != std::string::npos);
}

// ---- the AST ---------------------------------------------------------------

TEST_CASE("Number literals keep value and unit; sema scales percentages", "[syntax]") {
  auto p = parseValid("indicatore f() su v: numero = g(80%, 60 punti; 1 punto, 1.200,50 euro, 90 giorni, 1 giorno, 7)");
  const auto& call = std::get<ast::Call>(p->program->indicators[0].body->node);
  REQUIRE(call.args.size() == 7);
  auto lit = [&](size_t i) { return std::get<ast::NumberLit>(call.args[i]->node); };
  CHECK(lit(0).value == Rational(80));
  CHECK(lit(0).unit == ast::Unit::Percento);
  CHECK(lit(1).value == Rational(60));
  CHECK(lit(1).unit == ast::Unit::Punti);
  CHECK(lit(2).unit == ast::Unit::Punti);
  CHECK(lit(3).value == Rational(240100, 200));
  CHECK(lit(3).unit == ast::Unit::Euro);
  CHECK(lit(4).unit == ast::Unit::Giorni);
  CHECK(lit(5).unit == ast::Unit::Giorni);
  CHECK(lit(6).unit == ast::Unit::Nessuna);
}

TEST_CASE("Declarations carry exact Rational limits, dates and unescaped texts", "[syntax]") {
  auto p = parseValid(kRegolamento);
  const ast::Program& prog = *p->program;
  const ast::Profile& dir = prog.profiles[0];
  REQUIRE(dir.components.size() == 3);
  CHECK(dir.components[0].maxPoints == Rational(60));
  CHECK(dir.components[0].source == ast::ComponentSource::Obiettivi);
  CHECK(dir.components[1].source == ast::ComponentSource::Comportamenti);
  CHECK(dir.components[2].source == ast::ComponentSource::Espressione);
  REQUIRE(dir.bandTables.size() == 1);
  const auto& bands = dir.bandTables[0];
  REQUIRE(bands.size() == 4);
  CHECK(*bands[1].from == Rational(80));
  CHECK(*bands[1].to == Rational(9199, 100));
  CHECK(bands[1].percent == Rational(85));
  CHECK(p->slice(bands[1].percentSpan) == "85%");
  CHECK(bands[3].otherwise);
  CHECK(!bands[0].to);
  REQUIRE(dir.totalRounding.size() == 1);
  CHECK(dir.totalRounding[0].decimals == 2);
  CHECK(dir.totalRounding[0].mode == ast::RoundingMode::PerDifetto);
  REQUIRE(dir.premioRounding);
  CHECK(dir.premioRounding->mode == ast::RoundingMode::AlPari);
  REQUIRE(dir.notEvaluated);
  CHECK(dir.notEvaluated->value == "in servizio per meno di 90 giorni");

  const ast::Objective& ob2 = prog.objectives[1];
  REQUIRE(ob2.weights.size() == 1);
  CHECK(ob2.weights[0].value == Rational(41, 2));
  CHECK(p->slice(ob2.weights[0].valueSpan) == "20,5");
  REQUIRE(ob2.deadlines.size() == 1);
  CHECK(ob2.deadlines[0].date == *Date::fromYmd(2024, 6, 30));
  CHECK(ob2.assignments[0].kind == ast::Assignment::Kind::Matricole);
  CHECK(ob2.assignments[0].persons.size() == 3);
  REQUIRE(ob2.onMissing.size() == 1);
  CHECK(!ob2.onMissing[0].neutralize);
  CHECK(prog.objectives[0].onMissing[0].neutralize);
  CHECK(prog.objectives[3].assignments[0].kind == ast::Assignment::Kind::Tutti);

  const ast::Catalogue& cat = prog.catalogues[0];
  CHECK(cat.profiles.size() == 2);
  REQUIRE(cat.scales.size() == 1);
  CHECK(cat.scales[0].to == Rational(5));
  CHECK(cat.items.size() == 3);
  CHECK(cat.ratings[0].dataset.name == "valutazioni");
  CHECK(cat.ratings[0].field.name == "voto");

  const ast::Dataset& staff = prog.datasets[0];
  CHECK(staff.name.name == "personale");
  CHECK(p->slice(staff.name.span) == "personale");
  REQUIRE(staff.separator);
  CHECK(staff.separator->value == ";");
  CHECK(staff.fields[0].key);
  CHECK(staff.fields[4].optional);
  CHECK(staff.fields[4].type == ast::TypeName::Data);
  CHECK(prog.datasets[1].key.size() == 2);
  const ast::Indicator& entro = prog.indicators[1];
  CHECK(entro.params.size() == 2);
  CHECK(entro.params[1].name.name == "penalità");
  CHECK(entro.measured.name.name == "ritardo");
  CHECK(entro.measured.type == ast::TypeName::Giorni);
}

TEST_CASE("Repeated singletons are all kept for sema", "[syntax]") {
  auto p = parseValid("ente \"a\" ente \"b\" anno 2024 anno 2025 personale da \"x\" {} personale da \"y\" {}");
  CHECK(p->program->ente.size() == 2);
  CHECK(p->program->anno.size() == 2);
  CHECK(p->program->datasets.size() == 2);
  auto q = parseValid("profilo p { totale arrotondato totale arrotondato fasce { \"a\" altrimenti -> 1% } "
                      "fasce { \"b\" altrimenti -> 2% } }\n"
                      "obiettivo O \"o\" { assegnato a tutti assegnato a tutti peso 1 peso 2 termine 1/1/2024 "
                      "termine 2/1/2024 fonte \"a\" fonte \"b\" se non rilevato: 0 se non rilevato: 1 }");
  const ast::Profile& pr = q->program->profiles[0];
  CHECK(pr.totalRounding.size() == 2);
  CHECK(pr.bandTables.size() == 2);
  CHECK(pr.bandTableSpans.size() == 2);
  const ast::Objective& o = q->program->objectives[0];
  CHECK(o.assignments.size() == 2);
  CHECK(o.weights.size() == 2);
  CHECK(o.deadlines.size() == 2);
  CHECK(o.sources.size() == 2);
  CHECK(o.onMissing.size() == 2);
}

TEST_CASE("Every expression gets a distinct NodeId below nodeCount", "[syntax]") {
  auto p = parseValid(kRegolamento);
  const ast::Program& prog = *p->program;
  std::set<ast::NodeId> ids;
  size_t count = 0;
  forEachExpr(prog, [&](const ast::Expr& e) {
    ++count;
    ids.insert(e.id);
    CHECK(e.id < prog.nodeCount);
    CHECK(e.span.valid());
  });
  CHECK(count == prog.nodeCount);
  CHECK(ids.size() == count);
  CHECK(count > 40);
}

TEST_CASE("Spans are byte offsets, exact with Unicode text", "[syntax][span]") {
  const std::string src =
      "ente \"Città di Forlì — «Qualità» 😀\"\n"
      "profilo qualità \"Qualità €\" {\n"
      "  premio = qualità.π * 2 + \"é\"\n"
      "}\n";
  auto p = parseValid(src);
  const ast::Program& prog = *p->program;
  CHECK(p->slice(prog.ente[0].span) == "\"Città di Forlì — «Qualità» 😀\"");
  CHECK(prog.ente[0].value == "Città di Forlì — «Qualità» 😀");
  const ast::Profile& pr = prog.profiles[0];
  CHECK(pr.name.name == "qualità");
  CHECK(p->slice(pr.name.span) == "qualità");
  CHECK(pr.name.span.begin == src.find("qualità \"Qualità €\""));
  CHECK(pr.name.span.end == pr.name.span.begin + std::string("qualità").size());
  CHECK(p->slice(pr.title->span) == "\"Qualità €\"");
  CHECK(p->slice(pr.premio->span) == "qualità.π * 2 + \"é\"");
  const auto& sum = std::get<ast::Binary>(pr.premio->node);
  const auto& product = std::get<ast::Binary>(sum.lhs->node);
  const auto& ref = std::get<ast::NameRef>(product.lhs->node);
  CHECK(p->slice(ref.first.span) == "qualità");
  REQUIRE(ref.member);
  CHECK(p->slice(ref.member->span) == "π");
  CHECK(p->slice(sum.rhs->span) == "\"é\"");
  CHECK(p->slice(pr.span).starts_with("profilo qualità \"Qualità €\" {"));
  CHECK(p->slice(pr.span).back() == '}');
  CHECK(p->slice(p->program->profiles[0].premioSpan) == "premio = qualità.π * 2 + \"é\"");

  // An error after multi-byte characters: the column counts code points.
  auto bad = parseText("ente \"Città 😀\" §");
  INFO(bad->rendered());
  CHECK(hasError(*bad, "E0102", 1, 16));
  REQUIRE(bad->diags.all().size() == 1);
  CHECK(bad->slice(bad->diags.all()[0].span) == "§");
}

TEST_CASE("An empty file is a valid empty program", "[syntax]") {
  for (const char* src : {"", "   \n\t\n", "# solo commenti\n# nient'altro\n", "\xEF\xBB\xBF"}) {
    auto p = parseValid(src);
    CHECK(p->program->nodeCount == 0);
    CHECK(p->program->file == p->file);
    CHECK(ast::print(*p->program).empty());
  }
}

// ---- errors ------------------------------------------------------------------

TEST_CASE("Syntax errors have stable codes and exact positions", "[syntax][errors]") {
  const std::string deepParens = "profilo p { premio = " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }";
  std::string deepMinus = "profilo p { premio = ";
  for (int i = 0; i < 100000; ++i) deepMinus += "- ";
  deepMinus += "1 }";
  std::string longSum = "profilo p { premio = x";
  for (int i = 0; i < 1000; ++i) longSum += " + x";
  longSum += " }";
  std::string deepNot = "profilo p { premio = ";
  for (int i = 0; i < 5000; ++i) deepNot += "non x = ";
  deepNot += "1 }";

  const std::vector<ErrorRow> rows = {
      {"missing }", "profilo p {\n  totale arrotondato\n", "E0101", 3, 1},
      {"missing } before a declaration", "profilo p {\n  totale arrotondato\nente \"x\"\n", "E0101", 3, 1},
      {"missing )", "profilo p {\n  premio = f(1; 2\n}\n", "E0101", 3, 1},
      {"unexpected token", "profilo p { premio = x y }", "E0101", 1, 24},
      {"keyword as a name", "profilo p { premio = a }", "E0101", 1, 22},
      {"text expected", "ente 5", "E0101", 1, 6},
      {"date expected", "obiettivo O \"t\" { termine 2024 }", "E0101", 1, 27},
      {"unknown declaration", "regola x", "E0101", 1, 1},
      {"stray §", "ente \"Comune\" §", "E0102", 1, 15},
      {"stray control character", "anno 2024\x01", "E0102", 1, 10},
      {"typographic quotes", "ente “Comune”", "E0102", 1, 6},
      {"invalid UTF-8 byte", "ente \"Citt\xE0\"", "E0102", 1, 11},
      {"dot as decimal separator", "obiettivo O \"t\" { peso 1.5 }", "E0103", 1, 24},
      {"1.23 lexes as 1 . 23", "obiettivo O \"t\" {\n  peso 1.23\n}", "E0103", 2, 8},
      {"bad grouping", "obiettivo O \"t\" { peso 1.2024 }", "E0103", 1, 24},
      {"year of two digits", "anno 24", "E0103", 1, 6},
      {"year with decimals", "anno 2024,5", "E0103", 1, 6},
      {"decimals not an integer", "profilo p { totale arrotondato a 2,5 decimali }", "E0103", 1, 34},
      {"too many decimals", "profilo p { totale arrotondato a 99 decimali }", "E0103", 1, 34},
      {"31 February", "obiettivo O \"t\" { termine 31/02/2024 }", "E0104", 1, 27},
      {"five-digit year", "obiettivo O \"t\" { termine 31/12/20245 }", "E0104", 1, 27},
      {"two-digit year", "obiettivo O \"t\" { termine 31/12/24 }", "E0101", 1, 27},
      {"29 February 2023", "obiettivo O \"t\" { termine 29.02.2023 }", "E0104", 1, 27},
      {"month 13", "indicatore f() su v: data = 01/13/2024", "E0104", 1, 29},
      {"100000 (", deepParens, "E0105", 1, 22 + 200},
      {"100000 unclosed (", "profilo p { premio = " + std::string(100000, '('), "E0105", 1, 22 + 200},
      {"100000 unary minus", deepMinus, "E0105", 1, 22 + 400},
      {"1000-term sum", longSum, "E0105", 1, 22},
      // each "non x = " opens two levels: the 'non' and its comparison
      {"5000 nested non", deepNot, "E0105", 1, 22 + 100 * 8},
      {"bad escape", "ente \"a\\nb\"", "E0106", 1, 8},
      {"bad escape after Unicode", "ente \"è\\tè\"", "E0106", 1, 8},
      {"unterminated text", "ente \"Comune di\nanno 2024", "E0106", 1, 6},
      {"unterminated text with an escaped quote", "ente \"a\\\"\nanno 2024", "E0106", 1, 6},
      {"repeated premio", "profilo p {\n  premio = 1\n  premio = 2\n}", "E0107", 3, 3},
      {"repeated non valutato", "profilo p { non valutato \"a\" non valutato \"b\" }", "E0107", 1, 30},
      {"repeated codifica", "personale da \"p\" codifica \"a\" codifica \"b\" {}", "E0107", 1, 31},
  };
  for (const ErrorRow& row : rows) {
    INFO(row.name);
    auto p = parseText(row.source);
    INFO(p->rendered().substr(0, 2000));
    CHECK_FALSE(p->program.has_value());
    CHECK(hasError(*p, row.code, row.line, row.column));
  }
}

TEST_CASE("Syntax error messages are Italian and readable", "[syntax][errors]") {
  struct Row {
    std::string source, message;
  };
  const std::vector<Row> rows = {
      {"profilo p {\n  totale arrotondato\n", "manca «}» prima della fine del file"},
      {"profilo p { premio = f(1; 2 }", "manca «)» prima di «}»"},
      {"ente \"Comune\" §", "carattere non valido «§»"},
      {"ente \"x\" \x07", "carattere non valido U+0007 (invisibile o di controllo)"},
      {"ente \"x\" §§§", "caratteri non validi «§§§»"},
      {"obiettivo O \"t\" { termine 31/02/2024 }", "data inesistente «31/02/2024»"},
      {"obiettivo O \"t\" { peso 1.5 }", "numero non valido «1.5»"},
      {"anno 24", "anno non valido «24»"},
      {"ente 5", "simbolo inatteso «5»: si attendeva «un testo tra virgolette»"},
      {"obiettivo O \"t\" { termine x }", "simbolo inatteso «x»: si attendeva «=» o «una data»"},
      {"profilo p { premio = }", "simbolo inatteso «}»: si attendeva «un'espressione»"},
      {"profilo p { componente c fino a x punti da obiettivi }",
       "simbolo inatteso «x»: si attendeva «un numero»"},
      {"dati d da \"x\" { campo quantitativo }", "simbolo inatteso «quantitativo»: si attendeva «un tipo»"},
      {"ente \"a\\nb\"", "sequenza di escape non valida «\\n»"},
      {"obiettivo O \"t\" { termine 31/12/20245 }", "data non valida «31/12/20245»"},
      {"anno\u2009 2024", "carattere non valido U+2009 (invisibile o di controllo)"},
      {"profilo p { componente c fino a 60 da obiettivi }", "manca «punti» prima di «da»"},
      {"indicatore f(x numero) su v: numero = x", "manca «:» prima di «numero»"},
      {"ente \"Comune", "testo non terminato: manca «\"» di chiusura"},
      {"profilo p { premio = 1 premio = 2 }", "voce «premio» ripetuta nel profilo «p»: il premio si calcola in un solo modo"},
  };
  for (const Row& row : rows) {
    INFO(row.source);
    auto p = parseText(row.source);
    INFO(p->rendered());
    REQUIRE(!p->diags.all().empty());
    CHECK(p->diags.all()[0].message == row.message);
  }
  // At most six expected items are listed.
  auto p = parseText("profilo p { 5 }");
  REQUIRE(p->diags.all().size() == 1);
  CHECK(p->diags.all()[0].message ==
        "simbolo inatteso «5»: si attendeva «}», «non», «servizio», «componente», «totale», «fasce» o altro");
  auto q = parseText("5");
  REQUIRE(q->diags.all().size() == 1);
  CHECK(q->diags.all()[0].message.find(" o altro") != std::string::npos);
  // A reserved word used as a name gets a hint.
  auto r = parseText("profilo p { premio = se }");
  REQUIRE(!r->diags.all().empty());
  auto s = parseText("profilo p { premio = a }");
  REQUIRE(s->diags.all().size() == 1);
  CHECK(s->diags.all()[0].hint == "«a» è una parola riservata del linguaggio e non può fare da nome");
}

TEST_CASE("All the errors of a file are reported in one run", "[syntax][errors]") {
  const std::string src =
      "ente \"Comune\" §\n"                                  // E0102 1:15
      "anno 2024\n"
      "obiettivo O1 \"Uno\" {\n"
      "  peso 1.5\n"                                         // E0103 4:8
      "  termine 31/02/2024\n"                               // E0104 5:11
      "  fonte \"a\\qb\"\n"                                   // E0106 6:11
      "}\n"
      "profilo p {\n"
      "  premio = x y\n"                                     // E0101 9:14
      "}\n"
      "obiettivo O2 \"Due\" {\n"
      "  peso )\n"                                           // E0101 12:8
      "}\n"
      "ente \"fine\n";                                       // E0106 14:6
  auto p = parseText(src);
  INFO(p->rendered());
  CHECK_FALSE(p->program.has_value());
  CHECK(hasError(*p, "E0102", 1, 15));
  CHECK(hasError(*p, "E0103", 4, 8));
  CHECK(hasError(*p, "E0104", 5, 11));
  CHECK(hasError(*p, "E0106", 6, 11));
  CHECK(hasError(*p, "E0101", 9, 14));
  CHECK(hasError(*p, "E0101", 12, 8));
  CHECK(hasError(*p, "E0106", 14, 6));
  CHECK(p->diags.errorCount() == 7);
}

TEST_CASE("Recovery goes on after a wrong word without a cascade", "[syntax][errors]") {
  const std::string src =
      "ente Comune di Forlì\n"                                   // 1:6
      "anno 2024\n"
      "obiettivo O \"t\" { termine giugno peso 3 }\n"           // 3:27
      "profilo p { totale arrotondato a due decimali }\n"       // 4:34
      "indicatore f(x: numero) su v: intero = 1\n"              // 5:31
      "dati d da \"x\" { campo intero chiave\n altro testo }\n"  // 6:23
      "ente Forlì\n";                                           // 8:6
  auto p = parseText(src);
  INFO(p->rendered());
  CHECK(hasError(*p, "E0101", 1, 6));
  CHECK(hasError(*p, "E0101", 3, 27));
  CHECK(hasError(*p, "E0101", 4, 34));
  CHECK(hasError(*p, "E0101", 5, 31));
  CHECK(hasError(*p, "E0101", 6, 23));
  CHECK(hasError(*p, "E0101", 8, 6));
  CHECK(p->diags.errorCount() == 6);
}

TEST_CASE("An awful file produces at most 50 errors and a closing note", "[syntax][errors]") {
  std::string src;
  for (int i = 0; i < 300; ++i) src += "ente 5 § anno 1.5\n";
  auto p = parseText(src);
  CHECK_FALSE(p->program.has_value());
  CHECK(p->diags.errorCount() == 50);
  REQUIRE(p->diags.all().size() == 51);
  const Diagnostic& note = p->diags.all().back();
  CHECK(note.severity == Severity::Nota);
  CHECK(note.message == "troppi errori di sintassi: mostrati solo i primi 50");
  // The ones shown are the first of the file.
  CHECK(hasError(*p, "E0101", 1, 6));
  CHECK(hasError(*p, "E0102", 1, 8));
  CHECK(hasError(*p, "E0103", 1, 15));

  std::string binary;
  for (int i = 0; i < 20000; ++i) binary += static_cast<char>((i * 7919) % 256);
  auto b = parseText(binary);
  CHECK_FALSE(b->program.has_value());
  CHECK(b->diags.errorCount() <= 50);
}

TEST_CASE("Nesting up to the limit is accepted", "[syntax][errors]") {
  int levels = syntax::kMaxExprDepth - 1;  // plus the literal itself
  std::string src = "profilo p { premio = " + std::string(levels, '(') + "1" + std::string(levels, ')') + " }";
  auto p = parseValid(src);
  CHECK(ast::print(*p->program) == "profilo p {\n  premio = 1\n}\n");
  std::string sum = "profilo p { premio = x";
  for (int i = 1; i < syntax::kMaxExprDepth; ++i) sum += " + x";
  parseValid(sum + " }");
}
