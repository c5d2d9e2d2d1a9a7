// The abstract syntax tree of a regolamento: what the segretario wrote, with
// every node's span, and nothing of ANTLR. Built by compiler/syntax, read by
// compiler/sema (which keeps its findings in side tables keyed by NodeId),
// printed back to source by print.h.
//
// Ownership: a Program owns all its nodes; expressions are owned through
// unique_ptr by their parent. Nodes are immutable after the syntax stage.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/support/date.h"
#include "compiler/support/period.h"
#include "compiler/support/rational.h"
#include "compiler/support/source.h"

namespace misura::ast {

using NodeId = uint32_t;

// The value types a segretario can name in a declaration.
enum class TypeName { Testo, Numero, Percentuale, Punti, Euro, Data, Giorni, Booleano };

// The unit written after a number literal: 80%, 60 punti, 1.200 euro, 90 giorni.
enum class Unit { Nessuna, Percento, Punti, Euro, Giorni };

struct Ident {
  std::string name;
  Span span;
};

struct Text {
  std::string value;  // unescaped
  Span span;
};

// ---- expressions --------------------------------------------------------

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct NumberLit {
  Rational value;  // 80% is stored as 80 with unit Percento; sema scales it
  Unit unit = Unit::Nessuna;
};
struct DateLit {
  Date value;
};
struct TextLit {
  std::string value;
};
struct BoolLit {
  bool value = false;
};
// One value of an explicit lookup key (`di "2024"`, `di (PIAO, "2024")`):
// a text or number as written (a free key column), or a code (`obiettivo`).
struct KeyValue {
  enum class Kind { Testo, Codice };
  Kind kind = Kind::Testo;
  std::string text;  // unescaped text, the number as written, or the code
  Span span;
};

// `valore`, `posizione`, `rilevazioni.valore`, `rilevazioni.completato di PIAO`
// (the row of another objective of the same person), `fondi.importo di "2024"`
// (the row whose free key column is "2024"), `persona.matricola` (the person's
// field), `assegnazioni.matricola` inside an aggregate (the row's column).
struct NameRef {
  Ident first;
  std::optional<Ident> member;
  std::optional<Ident> of;  // `di CODICE`, only with a member
  std::vector<KeyValue> keyValues = {};  // `di "2024"` / `di (...)`: only with a member, never with `of`
};
// `giorni_tra(a, b)`; an aggregate over a record table may end with a
// selection: `conta(fatture dove importo > 1.000 euro)`.
struct Call {
  Ident callee;
  std::vector<ExprPtr> args;
  ExprPtr where;  // `dove ...`; only aggregates (sema checks)
};
enum class UnaryOp { Neg, Not };
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};
enum class BinaryOp { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or };
struct Binary {
  BinaryOp op;
  ExprPtr lhs, rhs;
};
struct If {
  ExprPtr cond, then, otherwise;
};
// One line of a step table: `da 90% -> 100%`, `fino a 10 giorni -> 100%`,
// `"Ottimo" -> 100%`, `altrimenti -> 0%`.
struct StepLine {
  enum class Kind { Da, FinoA, Testo, Altrimenti };
  Kind kind = Kind::Altrimenti;
  ExprPtr threshold;  // a NumberLit, DateLit or TextLit; null for Altrimenti
  ExprPtr result;     // a NumberLit
  Span span;
};
// `scaglioni X { ... }`: the result of the first line X meets (sema checks
// the shape of the table).
struct Steps {
  ExprPtr subject;
  std::vector<StepLine> lines;
};

struct Expr {
  NodeId id = 0;
  Span span;
  std::variant<NumberLit, DateLit, TextLit, BoolLit, NameRef, Call, Unary, Binary, If, Steps> node;
};

// ---- declarations -------------------------------------------------------

struct Field {
  Ident name;
  TypeName type = TypeName::Testo;
  Span typeSpan;
  bool key = false;
  bool optional = false;
};

// `servizio dal assunzione al cessazione`: the two date fields of the staff
// list that give each person's period of service.
struct ServicePeriod {
  Ident from, to;
  Span span;
};

// `personale da "personale.csv" { ... }` (isStaff) or
// `dati rilevazioni da "rilevazioni.csv" chiave (matricola, obiettivo) { ... }`.
struct Dataset {
  Ident name;  // for the staff list: "personale", spanning the keyword
  bool isStaff = false;
  Text file;
  std::optional<Text> encoding;
  std::optional<Text> separator;
  std::vector<Ident> key;  // `chiave (...)`; empty for the staff list
  std::vector<Field> fields;
  std::vector<ServicePeriod> service;  // staff list only; at most one is valid, sema checks
  Span span;
};

struct Param {
  Ident name;
  TypeName type = TypeName::Numero;
  Span typeSpan;
};

// `indicatore almeno(soglia: percentuale) su valore: percentuale = espr`
struct Indicator {
  Ident name;
  std::vector<Param> params;
  Param measured;
  ExprPtr body;
  Span span;
};

enum class RoundingMode { MezzoInSu, PerDifetto, PerEccesso, AlPari };

struct Rounding {
  std::optional<int> decimals;  // absent: the default of the context
  RoundingMode mode = RoundingMode::MezzoInSu;
  Span span;
};

enum class ComponentSource { Obiettivi, Comportamenti, Espressione };

// `componente obiettivi "..." fino a 60 punti da obiettivi`
struct Component {
  Ident name;
  std::optional<Text> title;
  Rational maxPoints;
  Span maxSpan;
  ComponentSource source = ComponentSource::Obiettivi;
  ExprPtr expr;  // only for Espressione
  std::vector<Ident> themes;  // `tema ...` (legal requirements it implements)
  Span span;
};

// `"Ottimo" da 92 punti -> 100%`, `"Buono" da 80 a 91,99 punti -> 85%`,
// `"Non adeguato" altrimenti -> 0%`.
struct Band {
  Text label;
  std::optional<Rational> from;
  std::optional<Rational> to;
  bool otherwise = false;
  Rational percent;  // 100% is stored as 100
  Span percentSpan;
  Span span;
};

// `non valutato se cessato "cessato in corso d'anno"`
struct Exclusion {
  ExprPtr condition;
  Text reason;
  Span span;
};

// `servizio minimo 60 giorni`
struct MinService {
  Rational days;
  Span span;
};

struct Profile {
  Ident name;
  std::optional<Text> title;
  std::vector<Component> components;
  std::vector<Rounding> totalRounding;  // at most one is valid; sema checks
  std::vector<std::vector<Band>> bandTables;  // idem
  std::vector<Span> bandTableSpans;
  ExprPtr premio;
  std::optional<Rounding> premioRounding;
  Span premioSpan;
  std::optional<Text> notEvaluated;  // `non valutato "motivo"`
  std::vector<Exclusion> exclusions;  // `non valutato se COND "motivo"`, in writing order
  std::optional<MinService> minService;  // `servizio minimo 60 giorni`
  std::optional<Ident> premioFund;   // `premio da fondo NOME`
  Span span;
};

// The part of the year a matricola is assigned an objective for:
// `fino al 01/05/2024` (no from), `dal 01/04/2024` (no to), `dal D al D`.
struct Period {
  std::optional<Date> from, to;
  Span span;
};

struct Assignment {
  enum class Kind { Tutti, Profili, Matricole, Dove };
  Kind kind = Kind::Tutti;
  std::vector<Ident> profiles;
  std::vector<Text> persons;
  std::vector<std::optional<Period>> periods;  // parallel to persons
  ExprPtr where;
  Span span;
};

// `peso 20`, or `peso 35 per profilo P` / `per "0103"` / `per personale dove C`,
// or `peso = assegnazioni.peso` (a weight per person from the data: `expr`).
struct Weight {
  ExprPtr expr;  // `peso = espressione`; then value is unused and who absent
  Rational value;
  Span valueSpan;
  std::optional<Assignment> who;  // absent: the default weight
  Span span;
};

// `misura almeno(80%) su rilevazioni.valore` or `misura almeno(90%) su ESPRESSIONE`;
// sema tells a keyed-table field (today's meaning) from an expression.
struct Measure {
  Ident indicator;
  std::vector<ExprPtr> args;
  ExprPtr measured;
  Span span;
};

// `se non rilevato: neutralizzato` or `se non rilevato: 0%`
struct OnMissing {
  bool neutralize = false;
  ExprPtr value;
  Span span;
};

// `termine 31/12/2024` or `termine = rilevazioni.completato di PIAO + 90 giorni`.
struct Deadline {
  std::optional<Date> date;
  ExprPtr expr;  // when not a date literal
  Span span;
};

// A milestone of an objective: `F1 "Bozza" peso 40 termine 15/01/2024`.
struct Phase {
  Ident code;
  Text title;
  Rational weight;
  Span weightSpan;
  Date deadline;
  Span span;
};

// `fasi { ... }`: the objective's measure is applied per phase.
struct Phases {
  std::vector<Phase> items;
  Span span;
};

// `valutato nel 2024`, `valutato negli anni 2024, 2026`.
struct EvaluatedYears {
  std::vector<std::pair<Rational, Span>> years;  // as written; sema checks they are years
  Span span;
};

struct Objective {
  Ident code;
  Text title;
  std::vector<Assignment> assignments;  // exactly one is valid; sema checks
  std::vector<Weight> weights;  // at most one default; sema checks
  std::vector<Deadline> deadlines;
  std::vector<Measure> measures;
  std::vector<Text> sources;
  std::vector<OnMissing> onMissing;
  std::vector<EvaluatedYears> evaluatedIn;  // at most one; sema checks
  std::vector<Phases> phases;               // at most one; sema checks
  std::vector<Ident> themes;  // `tema tempi_pagamento, ...`
  Span span;
};

struct BehaviourItem {
  Ident code;
  Text title;
  Rational weight;
  Span weightSpan;
  std::vector<Ident> themes;
  Span span;
};

// `scala da 1 a 10`, or a scale of levels `scala { "Adeguato" -> 2 ... }`
// (then `from`/`to` are left to sema: the smallest and largest value).
struct Scale {
  Rational from, to;
  std::vector<std::pair<Text, Rational>> levels;
  Span span;
};

struct RatingSource {
  Ident dataset;
  Ident field;
  Span span;
};

// `comportamenti per responsabile, dipendente { scala ... voti ... items }`
struct Catalogue {
  std::vector<Ident> profiles;
  std::vector<Scale> scales;
  std::vector<RatingSource> ratings;
  std::vector<BehaviourItem> items;
  Span span;
};

enum class FundSplit {
  AlCentesimo,  // to the last cent: largest remainders get the leftover cents
  PerDifetto,   // each share truncated to the cent; the rest stays unspent
};

// `maggiorazione 30% ai primi 10%` (art. 81 CCNL Funzioni Locali 16.11.2022).
struct FundBonus {
  Rational percent;  // 30% is stored as 30
  Span percentSpan;
  Rational share;    // of the persons, 10% is stored as 10
  Span shareSpan;
  Span span;
};

// `fondo produttivita "..." { importo 25.000 euro  quota = ...  ripartizione al centesimo }`
struct Fund {
  Ident name;
  std::optional<Text> title;
  std::vector<std::pair<Rational, Span>> amounts;  // exactly one is valid; sema checks
  std::vector<ExprPtr> amountExprs;  // `importo = espressione` (from the data); counts with amounts
  std::vector<ExprPtr> quotas;                      // idem
  std::vector<std::pair<FundSplit, Span>> splits;   // at most one
  std::vector<FundBonus> bonuses;                   // at most one (art. 81)
  Span span;
};

// ---- worked cases (`misura prova`) -----------------------------------------

// One `attendi` line: `attendi totale = 92,00`, `attendi fascia = "Ottimo"`,
// `attendi premio = 1.247,35 euro`, `attendi componente obiettivi = 55,5 punti`,
// `attendi esito OB1 = 84,375%` (or `= neutralizzato`), `attendi non valutato`,
// `attendi errore E0602`.
struct Expectation {
  enum class Kind { Totale, Fascia, Premio, Componente, Esito, NonValutato, Errore };
  Kind kind = Kind::Totale;
  std::optional<Ident> name;  // Componente: the component; Esito: the objective; Errore: the code
  ExprPtr value;              // Totale, Fascia, Premio, Componente, Esito; null for `= neutralizzato`
  Span span;
};

// `prova "titolo" { dati "cartella"  persona "0102"  attendi ... }`
struct Prova {
  Text title;
  std::vector<Text> data;     // the data folder; exactly one is valid, sema checks
  std::vector<Text> persons;  // the matricola; idem
  std::vector<Expectation> expectations;
  Span span;
};

// ---- legal requirements (`misura verifica --anno`) ---------------------------

// `vigente dal 13/01/2024 al 31/12/2025`: usable by any block that needs it.
struct Validity {
  misura::Period period;  // not ast::Period (a part-year assignment)
  Span span;
};

// `peso effettivo almeno 30%` / `peso effettivo oltre 50%`
struct ShareThreshold {
  bool strict = false;  // `oltre`: more than; `almeno`: at least
  Rational percent;     // 30% is stored as 30
  Span span;
};

// One `richiede ...` line of a requirement.
struct Demand {
  enum class Kind {
    Obiettivo,      // `richiede obiettivo con tema T [soglia]`
    Elemento,       // `richiede elemento con tema T [soglia]`: objectives, components, behaviours
    Componente,     // `richiede componente da obiettivi|comportamenti [soglia]`
    Maggiorazione,  // `richiede maggiorazione almeno 30%` (the person's fund)
    Dichiarazione,  // `richiede dichiarazione NOME`: the regolamento states it (`dichiara NOME "..."`)
  };
  Kind kind = Kind::Obiettivo;
  Ident theme;                             // Obiettivo, Elemento; Dichiarazione: the statement's name
  ComponentSource source = ComponentSource::Obiettivi;  // Componente
  std::optional<ShareThreshold> threshold;  // Obiettivo, Elemento, Componente
  Rational percent;                         // Maggiorazione: 30% is stored as 30
  Span span;
};

// `avviso se indicatore diverso da ritardo_annuale "..."`
struct IndicatorWarning {
  Ident indicator;
  Text message;
  Span span;
};

// `avviso se senza soglia "..."`: a warning when the premio has no gate on
// the esito of an objective of the requirement's themes.
struct GateWarning {
  Text message;
  Span span;
};

// `si applica a tutti` / `si applica a ruolo NOME`
struct Addressees {
  bool everyone = false;
  Ident role;  // when !everyone
  Span span;
};

// `requisito NOME "titolo" { citazione ... vigente ... si applica ... richiede ... }`
struct Requirement {
  Ident name;
  Text title;
  std::vector<Text> citations;          // exactly one is valid; sema checks
  std::vector<Validity> validities;     // idem
  std::vector<Addressees> addressees;   // at most one; none: the plan as a whole
  std::vector<Span> warningLevel;       // `livello avviso`: at most one
  std::vector<Demand> demands;
  std::vector<IndicatorWarning> indicatorWarnings;
  std::vector<GateWarning> gateWarnings;
  Span span;
};

// `dichiara congedi_parentali "Art. 12: i congedi ... non sono considerati"`:
// the regolamento states where it meets a rule that cannot be computed.
struct Statement {
  Ident name;
  Text text;
  Span span;
};

// `ruolo pagatori_fatture "..." = profilo responsabile`
struct Role {
  enum class Kind { Nessuno, Tutti, Profili, Matricole };
  Ident name;
  std::optional<Text> title;
  Kind kind = Kind::Nessuno;
  std::vector<Ident> profiles;
  std::vector<Text> persons;
  Span span;
};

struct YearDecl {
  int year = 0;
  Span span;
};

// ---- modules (docs/linguaggio.md, § 13) -----------------------------------

// `usa legge.dl_13_2023`
struct Use {
  std::string module;  // the dotted name, without spaces: "legge.dl_13_2023"
  Span nameSpan;
  Span span;
};

// `modulo legge.dl_13_2023 "titolo" vigente dal 01/01/2023`: the first line
// of a module file.
struct ModuleHeader {
  std::string name;  // dotted, as written
  Span nameSpan;
  Text title;
  std::optional<Validity> validity;  // absent: always in force
  Span span;
};

// One source file of the program: files[0] is the regolamento, the others
// the modules loaded by `usa` (compiler/driver/load.h), in load order.
// A declaration belongs to the file its span points into (Program::sourceFile).
struct SourceFile {
  FileId file = kNoFile;
  std::optional<ModuleHeader> header;  // present in (and required of) modules
  std::vector<Use> uses;
  // Whether its declarations are in the program: false for a module not in
  // force in the evaluation year (they were parsed, not built).
  bool applied = true;
  // The names of the indicators, profiles, objectives, tables and funds of a
  // file not applied: only for the hint of a name "non dichiarato".
  std::vector<std::string> namesNotApplied;
  Span usedAt;  // the first `usa` that loaded it; invalid for the regolamento
};

// Singletons (ente, anno, personale) are kept as lists so that sema can
// report a repeated or a missing one with its location.
//
// A program is the regolamento plus every module applied: the declaration
// lists hold the declarations of all of them (in load order), so sema sees
// one program; `files` says which file each came from.
struct Program {
  FileId file = kNoFile;  // the regolamento
  std::vector<SourceFile> files;
  // The evaluation year given on the command line (--anno), set by the
  // driver; it takes the place of `anno` for the evaluation.
  std::optional<int> yearOverride;
  std::vector<Text> ente;
  std::vector<YearDecl> anno;
  std::vector<Dataset> datasets;  // the staff list is the one with isStaff
  std::vector<Indicator> indicators;
  std::vector<Profile> profiles;
  std::vector<Objective> objectives;
  std::vector<Catalogue> catalogues;
  std::vector<Fund> funds;
  std::vector<Prova> prove;
  std::vector<Requirement> requirements;
  std::vector<Role> roles;
  std::vector<Statement> statements;
  NodeId nodeCount = 0;  // expression ids are 0..nodeCount-1

  // The source file `f`, or null if the file is not part of the program.
  const SourceFile* sourceFile(FileId f) const {
    for (const SourceFile& u : files)
      if (u.file == f) return &u;
    return nullptr;
  }
};

}  // namespace misura::ast
