#include "compiler/ast/print.h"

#include <fmt/format.h>

namespace misura::ast {

namespace {

// ---- leaves ---------------------------------------------------------------

constexpr int kMaxPrintedDecimals = 40;

// The exact decimal form ("87,5", "1.200", "0,125"); a parsed literal always
// has a finite decimal expansion.
std::string number(const Rational& q) {
  Rational scaled = q;
  int decimals = 0;
  while (!scaled.isInteger() && decimals < kMaxPrintedDecimals) {
    scaled *= Rational(10);
    ++decimals;
  }
  return formatExact(q, decimals);
}

std::string text(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string text(const Text& t) { return text(t.value); }

std::string typeName(TypeName t) {
  switch (t) {
    case TypeName::Testo: return "testo";
    case TypeName::Numero: return "numero";
    case TypeName::Percentuale: return "percentuale";
    case TypeName::Punti: return "punti";
    case TypeName::Euro: return "euro";
    case TypeName::Data: return "data";
    case TypeName::Giorni: return "giorni";
    case TypeName::Booleano: return "booleano";
  }
  return "testo";
}

template <typename T, typename F>
std::string join(const std::vector<T>& items, F&& show, std::string_view sep = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += show(items[i]);
  }
  return out;
}

std::string names(const std::vector<Ident>& ids) {
  return join(ids, [](const Ident& i) { return i.name; });
}

std::string numberLit(const NumberLit& n) {
  bool one = n.value == Rational(1);
  switch (n.unit) {
    case Unit::Nessuna: return number(n.value);
    case Unit::Percento: return number(n.value) + "%";
    case Unit::Punti: return number(n.value) + (one ? " punto" : " punti");
    case Unit::Euro: return number(n.value) + " euro";
    case Unit::Giorni: return number(n.value) + (one ? " giorno" : " giorni");
  }
  return number(n.value);
}

// ---- expressions ----------------------------------------------------------
//
// Precedence as in the grammar (higher binds tighter). The prefix forms
// ('-', 'non', 'se') are accepted anywhere an operand is, but their operand
// extends to the right over every operator of their level or above; so a
// prefix form needs parentheses when such an operator follows it. `follow`
// is the precedence of the operator printed right after the expression
// being printed (0: none, or a closing token).

constexpr int kIf = 1, kOr = 2, kAnd = 3, kNot = 4, kCompare = 5, kAdd = 6, kMul = 7, kNeg = 8;

int precedence(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or: return kOr;
    case BinaryOp::And: return kAnd;
    case BinaryOp::Lt: case BinaryOp::Le: case BinaryOp::Gt:
    case BinaryOp::Ge: case BinaryOp::Eq: case BinaryOp::Ne: return kCompare;
    case BinaryOp::Add: case BinaryOp::Sub: return kAdd;
    case BinaryOp::Mul: case BinaryOp::Div: return kMul;
  }
  return kOr;
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "<>";
    case BinaryOp::And: return "e";
    case BinaryOp::Or: return "o";
  }
  return "?";
}

// `"2024"`, `2024`, `(PIAO, "2024")`: the explicit key of a lookup.
std::string keyValues(const std::vector<KeyValue>& values) {
  auto one = [](const KeyValue& v) { return v.kind == KeyValue::Kind::Codice ? v.text : text(v.text); };
  if (values.size() == 1 && values[0].kind == KeyValue::Kind::Testo) return one(values[0]);
  std::string out = "(";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + one(values[i]);
  return out + ")";
}

class ExprPrinter {
 public:
  explicit ExprPrinter(std::string& out) : out_(out) {}

  // `minPrec`: the weakest binary operator the context accepts unparenthesised.
  void print(const Expr& e, int minPrec, int follow);

 private:
  void binary(const Binary& b, int minPrec, int follow);
  void prefix(const char* word, int prec, const Expr& operand, int follow);
  void conditional(const If& i, int follow);
  void call(const Call& c);
  void steps(const Steps& s);

  std::string& out_;
};

void ExprPrinter::print(const Expr& e, int minPrec, int follow) {
  if (auto* n = std::get_if<NumberLit>(&e.node)) out_ += numberLit(*n);
  else if (auto* d = std::get_if<DateLit>(&e.node)) out_ += formatItalian(d->value);
  else if (auto* t = std::get_if<TextLit>(&e.node)) out_ += text(t->value);
  else if (auto* b = std::get_if<BoolLit>(&e.node)) out_ += b->value ? "vero" : "falso";
  else if (auto* r = std::get_if<NameRef>(&e.node)) {
    out_ += r->member ? r->first.name + "." + r->member->name : r->first.name;
    if (r->of) out_ += " di " + printCode(*r->of);
    if (!r->keyValues.empty()) out_ += " di " + keyValues(r->keyValues);
  } else if (auto* c = std::get_if<Call>(&e.node)) call(*c);
  else if (auto* u = std::get_if<Unary>(&e.node)) {
    if (u->op == UnaryOp::Neg) prefix("-", kNeg, *u->operand, follow);
    else prefix("non ", kNot, *u->operand, follow);
  } else if (auto* bin = std::get_if<Binary>(&e.node)) binary(*bin, minPrec, follow);
  else if (auto* i = std::get_if<If>(&e.node)) conditional(*i, follow);
  else if (auto* s = std::get_if<Steps>(&e.node)) steps(*s);
  else if (auto* f = std::get_if<ObjectiveFold>(&e.node)) {
    out_ += "somma per ogni obiettivo (";
    print(*f->body, 0, 0);
    out_ += ")";
  }
}

void ExprPrinter::binary(const Binary& b, int minPrec, int follow) {
  int p = precedence(b.op);
  bool parens = p < minPrec;
  if (parens) out_ += "(";
  print(*b.lhs, p, p);  // left-associative: the left operand may be of the same level
  out_ += fmt::format(" {} ", spelling(b.op));
  print(*b.rhs, p + 1, parens ? 0 : follow);
  if (parens) out_ += ")";
}

void ExprPrinter::prefix(const char* word, int prec, const Expr& operand, int follow) {
  bool parens = follow >= prec;
  if (parens) out_ += "(";
  out_ += word;
  print(operand, prec, parens ? 0 : follow);
  if (parens) out_ += ")";
}

void ExprPrinter::conditional(const If& i, int follow) {
  bool parens = follow >= kIf;
  if (parens) out_ += "(";
  out_ += "se ";
  print(*i.cond, 0, 0);
  out_ += " allora ";
  print(*i.then, 0, 0);
  out_ += " altrimenti ";
  print(*i.otherwise, kIf, parens ? 0 : follow);
  if (parens) out_ += ")";
}

void ExprPrinter::call(const Call& c) {
  out_ += c.callee.name + "(";
  for (size_t i = 0; i < c.args.size(); ++i) {
    if (i > 0) out_ += ", ";
    print(*c.args[i], 0, 0);
  }
  if (c.where) {
    out_ += c.args.empty() ? "dove " : " dove ";
    print(*c.where, 0, 0);
  }
  if (c.roundingMode) {
    switch (*c.roundingMode) {
      case RoundingMode::MezzoInSu: break;
      case RoundingMode::PerDifetto: out_ += ", per difetto"; break;
      case RoundingMode::PerEccesso: out_ += ", per eccesso"; break;
      case RoundingMode::AlPari: out_ += ", al pari"; break;
    }
  }
  out_ += ")";
}

// On one line: `scaglioni x { da 90% -> 100%  altrimenti -> 0% }`.
void ExprPrinter::steps(const Steps& s) {
  out_ += "scaglioni ";
  print(*s.subject, 0, 0);
  out_ += " {";
  for (size_t i = 0; i < s.lines.size(); ++i) {
    const StepLine& line = s.lines[i];
    out_ += i == 0 ? " " : "  ";
    switch (line.kind) {
      case StepLine::Kind::Da: out_ += "da "; break;
      case StepLine::Kind::FinoA: out_ += "fino a "; break;
      case StepLine::Kind::Testo: break;
      case StepLine::Kind::Altrimenti: out_ += "altrimenti"; break;
    }
    if (line.threshold) print(*line.threshold, 0, 0);
    out_ += " -> ";
    print(*line.result, 0, 0);
  }
  out_ += " }";
}

std::string expr(const Expr& e) {
  std::string out;
  ExprPrinter(out).print(e, 0, 0);
  return out;
}

// ---- declarations ---------------------------------------------------------

class Printer {
 public:
  std::string program(const Program& p);

 private:
  void line(std::string_view s) { out_ += fmt::format("{}{}\n", std::string(indent_ * 2, ' '), s); }
  void open(std::string_view header) {
    line(fmt::format("{} {{", header));
    ++indent_;
  }
  void close() {
    --indent_;
    line("}");
  }
  template <typename Block>
  void moduleLines(const SourceFile& f, Block& block);
  void dataset(const Dataset& d);
  void indicator(const Indicator& i);
  void profile(const Profile& p);
  void component(const Component& c);
  void bands(const std::vector<Band>& table);
  void objective(const Objective& o);
  void objectiveTemplate(const ObjectiveTemplate& t);
  void objectiveLines(const Objective& o);
  void catalogue(const Catalogue& c);
  void fund(const Fund& f);
  void ranking(const Ranking& r);

  std::string out_;
  int indent_ = 0;
};

std::string rounding(const Rounding& r) {
  std::string out = "arrotondato";
  if (r.decimals) out += fmt::format(" a {} decimali", *r.decimals);
  switch (r.mode) {
    case RoundingMode::MezzoInSu: break;
    case RoundingMode::PerDifetto: out += " per difetto"; break;
    case RoundingMode::PerEccesso: out += " per eccesso"; break;
    case RoundingMode::AlPari: out += " al pari"; break;
  }
  return out;
}

std::string unitSuffix(Unit u) {
  switch (u) {
    case Unit::Nessuna: return "";
    case Unit::Percento: return "%";
    case Unit::Punti: return " punti";
    case Unit::Euro: return " euro";
    case Unit::Giorni: return " giorni";
  }
  return "";
}

std::string bound(const FieldBound& b) {
  return number(b.value) + unitSuffix(b.unit) + (b.exclusive ? " escluso" : "");
}

// A declared field; derived fields (`nome = espressione`) are printed by the dataset.
std::string field(const Field& f) {
  std::string out = f.name.name + " " + typeName(f.type) + (f.key ? " chiave" : "") + (f.optional ? " opzionale" : "");
  if (f.column) out += " colonna " + text(*f.column);
  if (f.integer) out += " intero";
  if (f.lower) out += " da " + bound(*f.lower);
  if (f.upper) out += (f.lower ? " a " : " fino a ") + bound(*f.upper);
  if (f.nonNegative) out += " non negativo";
  if (f.perCode) {
    out += " per " + f.perCode->role.name + " {";
    for (const auto& [code, column] : f.perCode->columns) out += " " + printCode(code) + " colonna " + text(column);
    out += " }";
  }
  return out;
}

std::string param(const Param& p) { return p.name.name + ": " + typeName(p.type); }

std::string Printer::program(const Program& p) {
  std::vector<std::string> blocks;
  auto block = [&](auto&& printOne) {
    out_.clear();
    printOne();
    blocks.push_back(out_);
  };
  // Only the regolamento's own declarations: the modules' are in their files.
  auto own = [&](const auto& list, auto&& printOne) {
    for (const auto& d : list)
      if (p.files.empty() || d.span.file == p.file) block([&] { printOne(d); });
  };
  if (!p.files.empty()) moduleLines(p.files.front(), block);
  own(p.ente, [&](const Text& e) { line("ente " + text(e)); });
  own(p.anno, [&](const YearDecl& y) { line(fmt::format("anno {}", y.year)); });
  own(p.datasets, [&](const Dataset& d) { dataset(d); });
  own(p.indicators, [&](const Indicator& i) { indicator(i); });
  own(p.functions, [&](const Function& f) {
    line("funzione " + f.name.name + "(" + join(f.params, [](const Param& x) { return param(x); }) + ") = " + expr(*f.body));
  });
  own(p.values, [&](const NamedValue& v) { line("valore " + v.name.name + " = " + expr(*v.body)); });
  own(p.profiles, [&](const Profile& pr) { profile(pr); });
  own(p.objectives, [&](const Objective& o) { objective(o); });
  own(p.objectiveTemplates, [&](const ObjectiveTemplate& t) { objectiveTemplate(t); });
  own(p.catalogues, [&](const Catalogue& c) { catalogue(c); });
  own(p.funds, [&](const Fund& f) { fund(f); });
  own(p.rankings, [&](const Ranking& r) { ranking(r); });
  own(p.roles, [&](const Role& r) { out_ += print(r); });
  own(p.statements, [&](const Statement& s) { out_ += print(s); });
  own(p.requirements, [&](const Requirement& r) { out_ += print(r); });
  own(p.prove, [&](const Prova& pr) { out_ += print(pr); });
  if (std::string dated = printDated(p); !dated.empty()) block([&] { out_ += dated; });
  return join(blocks, [](const std::string& s) { return s; }, "\n");
}

// The module header, if any, and the `usa` lines of `f`, one block each.
template <typename Block>
void Printer::moduleLines(const SourceFile& f, Block& block) {
  if (f.header)
    block([&] {
      std::string h = "modulo " + f.header->name + " " + text(f.header->title);
      if (f.header->validity) h += " vigente " + f.header->validity->period.describe();
      line(h);
    });
  if (!f.uses.empty())
    block([&] {
      for (const Use& u : f.uses) line("usa " + u.module);
    });
}

void Printer::dataset(const Dataset& d) {
  std::string header = d.isStaff ? "personale" : "dati " + d.name.name;
  header += " da " + text(d.file);
  if (d.encoding) header += " codifica " + text(*d.encoding);
  if (d.separator) header += " separatore " + text(*d.separator);
  if (d.sheet) header += " foglio " + text(*d.sheet);
  if (d.decimal) header += " decimali " + text(*d.decimal);
  if (d.headerRow) header += " intestazione riga " + d.headerRow->value;
  for (size_t i = 0; i < d.missingMarks.size(); ++i)
    header += (i == 0 ? " non rilevato " : ", ") + text(d.missingMarks[i]);
  if (!d.key.empty()) header += " chiave (" + names(d.key) + ")";
  if (!d.unique.empty()) header += " unico (" + names(d.unique) + ")";
  open(header);
  for (const Field& f : d.fields)
    line(f.derived ? f.name.name + " = " + expr(*d.derived.at(*f.derived)) : field(f));
  for (const ServicePeriod& sp : d.service) {
    std::string s = "servizio";
    if (sp.from) s += " dal " + sp.from->name;
    if (sp.to) s += " al " + sp.to->name;
    line(s);
  }
  for (const RowCheck& c : d.checks) line("controlla " + expr(*c.condition) + " " + text(c.message));
  close();
}

void Printer::indicator(const Indicator& i) {
  line(fmt::format("indicatore {}({}) su {} = {}", i.name.name, join(i.params, param), param(i.measured),
                   i.body ? expr(*i.body) : "0"));
}

void Printer::profile(const Profile& p) {
  open("profilo " + p.name.name + (p.title ? " " + text(*p.title) : ""));
  for (const Component& c : p.components) component(c);
  for (const Rounding& r : p.totalRounding) line("totale " + rounding(r));
  for (const auto& table : p.bandTables) bands(table);
  if (p.premio)
    line("premio = " + expr(*p.premio) + (p.premioRounding ? " " + rounding(*p.premioRounding) : ""));
  if (p.premioFund) line("premio da fondo " + p.premioFund->name);
  for (const Ident& b : p.premioBudget) line("premio a carico del fondo " + b.name);
  for (const PremioPart& part : p.parts) {
    std::string head = "parte " + part.name.name + (part.title ? " " + text(*part.title) : "");
    if (part.fund) line(head + " da fondo " + part.fund->name);
    else line(head + " = " + (part.expr ? expr(*part.expr) : "0") + (part.rounding ? " " + rounding(*part.rounding) : ""));
  }
  if (p.notEvaluated) line("non valutato " + text(*p.notEvaluated));
  for (const Exclusion& x : p.exclusions)
    line("non valutato se " + (x.condition ? expr(*x.condition) : "vero") + " " + text(x.reason));
  if (p.minService) line("servizio minimo " + number(p.minService->days) + " giorni");
  close();
}

void Printer::component(const Component& c) {
  std::string s = "componente " + c.name.name + (c.title ? " " + text(*c.title) : "");
  s += " fino a " + number(c.maxPoints) + " punti";
  switch (c.source) {
    case ComponentSource::Obiettivi: s += " da obiettivi"; break;
    case ComponentSource::Comportamenti: s += " da comportamenti"; break;
    case ComponentSource::Espressione: s += " = " + (c.expr ? expr(*c.expr) : std::string("0")); break;
  }
  if (!c.themes.empty()) s += " tema " + names(c.themes);
  for (size_t i = 0; i < c.relativeWeights.size(); ++i) s += " con pesi relativi";
  for (size_t i = 0; i < c.equalWeights.size(); ++i) s += " a pari peso";
  for (const Rounding& r : c.rounding) s += " " + rounding(r);
  line(s);
}

void Printer::bands(const std::vector<Band>& table) {
  open("fasce");
  for (const Band& b : table) {
    std::string s = text(b.label);
    if (b.otherwise) {
      s += " altrimenti";
    } else {
      s += " da " + number(b.from.value_or(Rational()));
      if (b.to) s += " a " + number(*b.to);
      s += " punti";
    }
    line(s + " -> " + number(b.percent) + "%");
  }
  close();
}

std::string period(const std::optional<Period>& p) {
  if (!p) return "";
  if (!p->from) return " fino al " + formatItalian(p->to.value_or(Date()));
  return " dal " + formatItalian(*p->from) + (p->to ? " al " + formatItalian(*p->to) : "");
}

std::string matricole(const Assignment& a) {
  std::string s;
  for (size_t i = 0; i < a.persons.size(); ++i) {
    if (i) s += ", ";
    s += text(a.persons[i]) + (i < a.periods.size() ? period(a.periods[i]) : "");
  }
  return s;
}

std::string sortKeys(const std::vector<SortKey>& keys) {
  std::string out;
  for (const SortKey& k : keys) out += (out.empty() ? "" : ", ") + print(k);
  return out;
}

}  // namespace

std::string print(const SortKey& k) {
  std::string out = k.component ? "componente " + k.component->name : (k.expr ? expr(*k.expr) : "?");
  switch (k.direction) {
    case SortDirection::NonDetta: break;
    case SortDirection::Crescente: out += " crescente"; break;
    case SortDirection::Decrescente: out += " decrescente"; break;
  }
  if (k.missingLast) out += ", non rilevati in fondo";
  return out;
}

namespace {

std::string assignment(const Assignment& a) {
  switch (a.kind) {
    case Assignment::Kind::Tutti: return "assegnato a tutti";
    case Assignment::Kind::Profili: return "assegnato a profilo " + names(a.profiles);
    case Assignment::Kind::Matricole:
      return "assegnato a " + matricole(a);
    case Assignment::Kind::Dove: return "assegnato a personale dove " + (a.where ? expr(*a.where) : "vero");
  }
  return "assegnato a tutti";
}

std::string onMissing(const OnMissing& m) {
  if (m.neutralize || !m.value) return "se non rilevato: neutralizzato";
  // A plain name `neutralizzato` would read back as the keyword.
  auto* ref = std::get_if<NameRef>(&m.value->node);
  bool clash = ref && !ref->member && ref->first.name == "neutralizzato";
  return "se non rilevato: " + (clash ? "(" + expr(*m.value) + ")" : expr(*m.value));
}

// `valutato nel 2024`, `valutato negli anni 2024, 2026`: years without a thousands dot.
std::string evaluatedIn(const EvaluatedYears& y) {
  std::string out = y.years.size() == 1 ? "valutato nel " : "valutato negli anni ";
  for (size_t i = 0; i < y.years.size(); ++i) {
    const Rational& q = y.years[i].first;
    out += (i ? ", " : "") + (q.isInteger() ? q.toFraction() : number(q));
  }
  return out;
}

void Printer::objective(const Objective& o) {
  open("obiettivo " + printCode(o.code) + " " + text(o.title));
  objectiveLines(o);
  close();
}

void Printer::objectiveTemplate(const ObjectiveTemplate& t) {
  open("obiettivi da " + t.dataset.name + (t.where ? " dove " + expr(*t.where) : ""));
  if (t.title) line("titolo = " + expr(*t.title));
  objectiveLines(t.body);
  close();
}

void Printer::objectiveLines(const Objective& o) {
  for (const Assignment& a : o.assignments) line(assignment(a));
  for (const Weight& w : o.weights)
    if (w.expr) line("peso = " + expr(*w.expr));
    else line("peso " + number(w.value) + (w.who ? " per " + assignment(*w.who).substr(std::string("assegnato a ").size()) : ""));
  for (const Deadline& d : o.deadlines) line(d.date ? "termine " + formatItalian(*d.date) : "termine = " + expr(*d.expr));
  for (const Measure& m : o.measures)
    line(fmt::format("misura {}({}) su {}", m.indicator.name,
                     join(m.args, [](const ExprPtr& e) { return expr(*e); }), expr(*m.measured)));
  for (const Text& s : o.sources) line("fonte " + text(s));
  for (const OnMissing& m : o.onMissing) line(onMissing(m));
  for (const EvaluatedYears& y : o.evaluatedIn) line(evaluatedIn(y));
  for (const Phases& ph : o.phases) {
    open("fasi");
    for (const Phase& f : ph.items)
      line(fmt::format("{} {} peso {} termine {}", printCode(f.code), text(f.title), number(f.weight),
                       formatItalian(f.deadline)));
    close();
  }
  if (!o.themes.empty()) line("tema " + names(o.themes));
  for (const Ident& c : o.components) line("componente " + c.name);
  for (size_t i = 0; i < o.premioOnly.size(); ++i) line("solo per il premio");
  for (const auto& q : o.quotas) line("quota " + number(q.first) + "%");
}

void Printer::catalogue(const Catalogue& c) {
  open("comportamenti per " + names(c.profiles));
  for (const Scale& s : c.scales) {
    if (s.levels.empty()) {
      line("scala da " + number(s.from) + " a " + number(s.to));
      continue;
    }
    std::string levels;
    for (const auto& [name, value] : s.levels) levels += " " + text(name) + " -> " + number(value);
    line("scala {" + levels + " }");
  }
  for (const RatingSource& r : c.ratings) line("voti da " + r.dataset.name + "." + r.field.name);
  for (size_t i = 0; i < c.wholeVotes.size(); ++i) line("voti interi");
  for (size_t i = 0; i < c.halfVotes.size(); ++i) line("voti a mezzi punti");
  for (const ExprPtr& e : c.points) line("punteggio = " + expr(*e));
  for (const BehaviourItem& b : c.items)
    line(printCode(b.code) + " " + text(b.title) + " peso " + number(b.weight) +
         (b.themes.empty() ? "" : " tema " + names(b.themes)));
  close();
}

void Printer::fund(const Fund& f) {
  open("fondo " + f.name.name + (f.title ? " " + text(*f.title) : ""));
  for (const auto& a : f.amounts) line("importo " + number(a.first) + " euro");
  for (const ExprPtr& a : f.amountExprs) line("importo = " + expr(*a));
  for (const ExprPtr& q : f.quotas) line("quota = " + expr(*q));
  for (const auto& s : f.splits)
    line(s.first == FundSplit::AlCentesimo ? "ripartizione al centesimo" : "ripartizione per difetto");
  for (const FundBonus& b : f.bonuses) {
    std::string head = "maggiorazione " + number(b.percent) + "% " +
                       (b.ranking ? "ai vincitori di " + b.ranking->name : "ai primi " + number(b.share) + "%");
    if (!b.declared) {
      line(head);
      continue;
    }
    open(head);
    for (const auto& [base, sp] : b.bases)
      line(base == BonusBase::PremioMedio ? "base premio medio" : "base importo diviso valutati");
    for (const auto& [mode, sp] : b.roundings) {
      switch (mode) {
        case RoundingMode::MezzoInSu: line("arrotondata al centesimo"); break;
        case RoundingMode::PerDifetto: line("arrotondata al centesimo per difetto"); break;
        case RoundingMode::PerEccesso: line("arrotondata al centesimo per eccesso"); break;
        case RoundingMode::AlPari: line("arrotondata al centesimo al pari"); break;
      }
    }
    for (const auto& [top, sp] : b.onTop) line(top ? "in aggiunta al fondo" : "a carico del fondo");
    close();
  }
  for (const auto& u : f.unitQuotas) line("quota unitaria " + number(u.first) + " euro");
  for (const ExprPtr& u : f.unitQuotaExprs) line("quota unitaria = " + expr(*u));
  for (const auto& c : f.caps) line("massimo " + number(c.first) + " euro per persona");
  for (const std::vector<SortKey>& keys : f.tieKeys) line("a parità ordine " + sortKeys(keys));
  close();
}

void Printer::ranking(const Ranking& r) {
  open("graduatoria " + r.name.name + (r.title ? " " + text(*r.title) : ""));
  for (const Assignment& a : r.among) line("tra " + assignment(a).substr(std::string("assegnato a ").size()));
  for (const ExprPtr& e : r.admitted) line("ammessi se " + expr(*e));
  for (const auto& [e, reason] : r.exclusions) line("escluso se " + expr(*e) + " " + text(reason));
  for (size_t i = 0; i < r.withNotEvaluated.size(); ++i) line("compresi i non valutati");
  if (!r.themes.empty()) line("tema " + names(r.themes));
  for (const std::vector<SortKey>& keys : r.orders) line("ordine " + sortKeys(keys));
  for (const ExprPtr& e : r.groups) line("gruppi per " + expr(*e));
  for (const Places& p : r.places) {
    std::string s = "posti " + number(p.value) + (p.percent ? "%" : "");
    if (p.rounding) {
      switch (*p.rounding) {
        case CountRounding::PerDifetto: s += " arrotondati per difetto"; break;
        case CountRounding::PerEccesso: s += " arrotondati per eccesso"; break;
        case CountRounding::AlPiuVicino: s += " arrotondati al più vicino"; break;
        case CountRounding::AlPiuVicinoMetaPerDifetto: s += " arrotondati al più vicino, metà per difetto"; break;
        case CountRounding::AlPiuVicinoMetaPerEccesso: s += " arrotondati al più vicino, metà per eccesso"; break;
      }
    }
    if (p.minimum) s += ", almeno " + number(*p.minimum);
    line(s);
  }
  close();
}

}  // namespace

std::string print(const Program& program) { return Printer().program(program); }

std::string print(const Expr& e) { return expr(e); }

std::string printNumber(const Rational& q) { return number(q); }

std::string quote(std::string_view value) { return text(value); }

std::string printCode(const Ident& code) { return code.quoted ? text(code.name) : code.name; }

}  // namespace misura::ast
