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
  bool quoted = false;  // a code written as text: `obiettivo "AG-1" ...`
};

struct Text {
  std::string value;  // unescaped
  Span span;
};

// ---- expressions --------------------------------------------------------

enum class RoundingMode { MezzoInSu, PerDifetto, PerEccesso, AlPari };

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
  // `arrotonda(x, 0, per difetto)`: the declared rounding mode (only
  // `arrotonda`; sema checks). Absent: half up.
  std::optional<RoundingMode> roundingMode;
  Span modeSpan;
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
// `somma per ogni obiettivo (quota * esito)`: the body summed over the
// objectives assigned to the person; in it `quota`, `esito` and `peso` are
// those of each objective.
struct ObjectiveFold {
  ExprPtr body;
};

struct Expr {
  NodeId id = 0;
  Span span;
  std::variant<NumberLit, DateLit, TextLit, BoolLit, NameRef, Call, Unary, Binary, If, Steps, ObjectiveFold> node;
};

// ---- declarations -------------------------------------------------------

// A bound of a field's admitted values: `da 0 escluso`, `a 100%`.
struct FieldBound {
  Rational value;  // as written: 100% is 100 with unit Percento
  Unit unit = Unit::Nessuna;
  bool exclusive = false;
  Span span;
};

// `voto numero per comportamento { C1 colonna "K1"  C2 colonna "K2" }`: a
// wide sheet, one column per code; the table reads as keyed by the code too.
struct CodeColumns {
  Ident role;  // `comportamento`, `obiettivo`
  std::vector<std::pair<Ident, Text>> columns;  // code -> column header
  Span span;
};

// `controlla CONDIZIONE "messaggio"`: a condition every row of the file meets,
// checked at load.
struct RowCheck {
  ExprPtr condition;
  Text message;
  Span span;
};

struct Field {
  Ident name;
  TypeName type = TypeName::Testo;
  Span typeSpan;
  bool key = false;
  bool optional = false;
  std::optional<Text> column;  // `colonna "Cognome e nome"`: the header in the file
  // Constraints checked at load (docs/linguaggio.md, «Vincoli sui campi»).
  std::optional<Span> integer;      // `intero`
  std::optional<FieldBound> lower;  // `da X [escluso]`
  std::optional<FieldBound> upper;  // `a Y [escluso]`, `fino a Y [escluso]`
  std::optional<Span> nonNegative;  // `non negativo`
  std::optional<CodeColumns> perCode;  // wide sheet
  // A staff field computed per row (`profilo = se ... allora ... altrimenti ...`):
  // index into Dataset::derived; then `type` is left to sema.
  std::optional<uint32_t> derived;
  Span span;
};

// `servizio dal assunzione al cessazione`: the two date fields of the staff
// list that give each person's period of service.
struct ServicePeriod {
  std::optional<Ident> from, to;  // at least one of the two
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
  std::optional<Text> sheet;    // `foglio "Schede"`: the sheet of an XLSX workbook
  std::optional<Text> decimal;  // `decimali "."`: the decimal separator of numbers written as text
  std::optional<Text> headerRow;  // `intestazione riga 3`: the row of the column names (value: the digits)
  std::vector<Text> missingMarks;  // `non rilevato "n.v.", "-"`: cell texts that mean non rilevato
  std::vector<Ident> key;  // `chiave (...)`; empty for the staff list
  std::vector<Field> fields;
  std::vector<ServicePeriod> service;  // staff list only; at most one is valid, sema checks
  std::vector<ExprPtr> derived;        // staff list only: the expressions of derived fields
  std::vector<RowCheck> checks;        // `controlla ...`, in writing order
  std::vector<Ident> unique;           // `unico (a, b)`: a register without repeated rows
  Span uniqueSpan;
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
  // How its objectives weigh (docs/linguaggio.md § 5): `con pesi relativi`
  // (each weight over the sum of the person's weights, no sum to 100), `a
  // pari peso` (the same weight for each, no `peso` lines).
  std::vector<Span> relativeWeights;
  std::vector<Span> equalWeights;
  std::vector<Rounding> rounding;  // `arrotondato a N decimali`: at most one; sema checks
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

// One part of a premio made of several (issue 13, item 3):
// `parte organizzativa "Performance organizzativa" da fondo settori` or
// `parte individuale = posizione * 10% * fascia [arrotondato ...]`.
struct PremioPart {
  Ident name;
  std::optional<Text> title;
  ExprPtr expr;                      // a computed part (euro)
  std::optional<Rounding> rounding;  // of a computed part: to the cent, this mode
  std::optional<Ident> fund;         // a part drawn from a fund
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
  // `premio a carico del fondo NOME`: the `premio = ...` is paid from that
  // budget line (its economia reported); at most one, sema checks.
  std::vector<Ident> premioBudget;
  std::vector<PremioPart> parts;  // `parte ...`: the premio is their sum (check_premio_parts.cpp)
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
  std::vector<Ident> components;  // `componente NOME`: at most one; sema checks
  std::vector<Span> premioOnly;   // `solo per il premio`: at most one
  std::vector<std::pair<Rational, Span>> quotas;  // `quota 4%` (stored as 4): at most one
  Span span;
};

// `obiettivi da peg dove COND { titolo = ...  <an objective's lines> }`: one
// objective per objective code of the table's rows (in row order), each with
// `body`, a lookup into `dataset` reading that code's row.
struct ObjectiveTemplate {
  Ident dataset;
  ExprPtr where;  // null: every row
  ExprPtr title;  // null: the code is the title
  Objective body;  // body.code names the block ("da peg") in messages
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
  std::vector<Span> wholeVotes;  // `voti interi`
  std::vector<Span> halfVotes;   // `voti a mezzi punti`
  std::vector<ExprPtr> points;   // `punteggio = espr` over `voto` and `peso`: at most one
  Span span;
};

enum class FundSplit {
  AlCentesimo,  // to the last cent: largest remainders get the leftover cents
  PerDifetto,   // each share truncated to the cent; the rest stays unspent
};

// What the art. 81 maggiorazione is a percentage of.
enum class BonusBase {
  PremioMedio,            // the average premio of the persons counted (the CCNL's reading, the default)
  ImportoDivisoValutati,  // the fund's amount divided by the persons counted
};

// `maggiorazione 30% ai primi 10%` (art. 81 CCNL Funzioni Locali 16.11.2022).
struct FundBonus {
  Rational percent;  // 30% is stored as 30
  Span percentSpan;
  Rational share;    // of the persons, 10% is stored as 10
  Span shareSpan;
  Span span;
  // `maggiorazione 30% ai vincitori di NOME`: the beneficiaries are the
  // winners of that graduatoria (then `share` is unused).
  std::optional<Ident> ranking = std::nullopt;
  // The block `{ ... }` of a declared maggiorazione (art. 81 as the contratto
  // integrativo writes it); each at most once, sema checks.
  bool declared = false;
  std::vector<std::pair<BonusBase, Span>> bases = {};           // `base premio medio` / `base importo diviso valutati`
  std::vector<std::pair<RoundingMode, Span>> roundings = {};    // `arrotondata al centesimo [modo]`
  std::vector<std::pair<bool, Span>> onTop = {};                // `in aggiunta al fondo` (true) / `a carico del fondo`
};

// ---- rankings (`graduatoria`) ---------------------------------------------

enum class SortDirection { NonDetta, Crescente, Decrescente };

// One ordering key: `totale decrescente`, `componente comportamenti decrescente`,
// `assunzione crescente`, `matricola`.
struct SortKey {
  std::optional<Ident> component;  // `componente NOME`
  ExprPtr expr;                    // otherwise
  SortDirection direction = SortDirection::NonDetta;
  bool missingLast = false;  // `non rilevati in fondo`: a non rilevato value comes after every value
  Span span;
};

// How a share of a group's size is turned into a whole number of places.
enum class CountRounding { PerDifetto, PerEccesso, AlPiuVicino, AlPiuVicinoMetaPerDifetto, AlPiuVicinoMetaPerEccesso };

// `posti 2`, `posti 30% arrotondati per eccesso, almeno 1`.
struct Places {
  Rational value;  // 30% is stored as 30
  bool percent = false;
  Span valueSpan;
  std::optional<CountRounding> rounding;
  Span roundingSpan;
  std::optional<Rational> minimum;
  Span minimumSpan;
  std::optional<Span> ofAll;  // `dei concorrenti`: the share counts every person of `tra`, admitted or not
  Span span;
};

// `graduatoria NOME "titolo" { tra ...  ammessi se ...  ordine ...  gruppi per ...  posti ... }`
struct Ranking {
  Ident name;
  std::optional<Text> title;
  std::vector<Assignment> among;              // at most one; none: every evaluated person
  std::vector<ExprPtr> admitted;              // at most one
  std::vector<std::pair<ExprPtr, Text>> exclusions;  // `escluso se C "motivo"`, in writing order
  std::vector<Span> withNotEvaluated;         // `compresi i non valutati`: at most one
  std::vector<Ident> themes;                  // `tema differenziali`
  std::vector<std::vector<SortKey>> orders;   // exactly one
  std::vector<Span> orderSpans;               // parallel to orders
  std::vector<ExprPtr> groups;                // at most one
  std::vector<Places> places;                 // at most one; none: no winners
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
  // `quota unitaria 100,00 euro`: each member gets unit x quota, the rest is
  // economia (instead of the split in proportion); at most one.
  std::vector<std::pair<Rational, Span>> unitQuotas;
  std::vector<ExprPtr> unitQuotaExprs;  // `quota unitaria = espressione` (from the data); counts with unitQuotas
  // `massimo 2.000,00 euro per persona`: a cap on each share, the excess is
  // economia; at most one.
  std::vector<std::pair<Rational, Span>> caps;
  Span span;
  // `a parità ordine ...`: how equal remainders and the art. 81 cut are
  // decided (at most one; none: the documented default).
  std::vector<std::vector<SortKey>> tieKeys = {};
  std::vector<Span> tieSpans = {};
};

// ---- worked cases (`misura prova`) -----------------------------------------

// `anno 2024` (the regolamento's, or a prova's).
struct YearDecl {
  int year = 0;
  Span span;
};

// One `attendi` line: `attendi totale = 92,00`, `attendi fascia = "Ottimo"`,
// `attendi premio = 1.247,35 euro`, `attendi componente obiettivi = 55,5 punti`,
// `attendi esito OB1 = 84,375%` (or `= neutralizzato`), `attendi non valutato`,
// `attendi errore E0602`.
struct Expectation {
  // Posizione, Vincitore, NonVincitore, Escluso: `attendi posizione G = 3`,
  // `attendi vincitore G`, `attendi non vincitore G`, `attendi escluso da G
  // "motivo"` (G a graduatoria).
  enum class Kind { Totale, Fascia, Premio, Componente, Esito, NonValutato, Errore, Posizione, Vincitore, NonVincitore,
                    Escluso };
  Kind kind = Kind::Totale;
  std::optional<Ident> name;  // Componente: the component; Esito: the objective; Errore: the code; Posizione...: the graduatoria
  ExprPtr value;              // Totale, Fascia, Premio, Componente, Esito; null for `= neutralizzato`
  std::optional<Text> reason;  // NonValutato, Escluso: the reason expected, as the results write it
  Span span;
};

// `prova "titolo" { dati "cartella"  persona "0102"  attendi ... }`
struct Prova {
  Text title;
  std::vector<Text> data;     // the data folder; exactly one is valid, sema checks
  std::vector<Text> persons;  // the matricola; idem
  std::vector<YearDecl> years;  // `anno 2023`: at most one; none: the regolamento's year (or --anno)
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
    QuotaLimitata,  // `richiede maggiorazione a quota limitata`: to a limited share of the staff (art. 81 c. 3)
    Dichiarazione,  // `richiede dichiarazione NOME`: the regolamento states it (`dichiara NOME "..."`)
    Graduatoria,    // `richiede graduatoria con tema T [e posti | e requisiti]`
  };
  enum class RankingAspect { Nessuno, Posti, Requisiti };
  RankingAspect aspect = RankingAspect::Nessuno;  // Graduatoria
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
  // Dove: `= personale dove CONDIZIONE` on the staff fields, person by person.
  enum class Kind { Nessuno, Tutti, Profili, Matricole, Dove };
  Ident name;
  std::optional<Text> title;
  Kind kind = Kind::Nessuno;
  std::vector<Ident> profiles;
  std::vector<Text> persons;
  ExprPtr where;  // Kind::Dove
  Span span;
};

// `valore NOME = espressione`: a value computed for each person.
struct NamedValue {
  Ident name;
  ExprPtr body;
  Span span;
};

// `funzione NOME(p: tipo, ...) = espressione`: a pure function.
struct Function {
  Ident name;
  std::vector<Param> params;
  ExprPtr body;
  Span span;
};

// A dated clause (`dal 2024: premio = ...`, docs/linguaggio.md § 4): a
// declaration or an item of a block that applies only in the evaluation
// years its prefix names. The builder keeps in the program only the clauses
// that apply in the evaluation year; every dated clause is listed here, so
// that `misura ast`, `misura ir` and `misura verifica` can show them.
struct DatedClause {
  std::string block;   // "profilo dipendente", "obiettivo OB1", "fondo f"; empty for a declaration
  std::string when;    // the prefix as written, normalised: "dal 2024", "fino al 30/06/2024"
  std::string text;    // the clause without its prefix, on one line (shortened)
  misura::Period period;  // from 01/01/0001 when the prefix has no start (`fino al`)
  bool applies = false;   // in the evaluation year
  Span span;              // the whole clause
  std::string declared = {};  // a declaration: the name it introduces (for the hint of E0206)
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
  std::vector<ObjectiveTemplate> objectiveTemplates;  // `obiettivi da TABELLA`
  std::vector<Catalogue> catalogues;
  std::vector<Fund> funds;
  std::vector<Prova> prove;
  std::vector<Requirement> requirements;
  std::vector<Role> roles;
  std::vector<Statement> statements;
  std::vector<NamedValue> values;     // `valore`
  std::vector<Function> functions;    // `funzione`
  std::vector<DatedClause> dated;  // every dated clause, in writing order (applied or not)
  std::vector<Ranking> rankings;  // `graduatoria`
  NodeId nodeCount = 0;  // expression ids are 0..nodeCount-1

  // The source file `f`, or null if the file is not part of the program.
  const SourceFile* sourceFile(FileId f) const {
    for (const SourceFile& u : files)
      if (u.file == f) return &u;
    return nullptr;
  }
};

}  // namespace misura::ast
