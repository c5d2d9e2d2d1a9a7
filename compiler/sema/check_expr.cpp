// Type checking of expressions: names resolved in their scope, units
// checked by the algebra of types.h. Results go to the side tables
// Checked::types and Checked::resolved, keyed by NodeId.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

struct BuiltinSpec {
  BuiltinFn fn;
  const char* name;
  size_t minArgs, maxArgs;  // maxArgs 0: no limit
};

constexpr BuiltinSpec kBuiltins[] = {
#define X(name, italian, minArgs, maxArgs, meaning) {BuiltinFn::name, italian, minArgs, maxArgs},
#include "compiler/ir/builtins.def"
#undef X
};

const BuiltinSpec* findBuiltin(const std::string& name) {
  for (const BuiltinSpec& b : kBuiltins)
    if (name == b.name) return &b;
  return nullptr;
}

const char* opText(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Add: return "+";
    case ast::BinaryOp::Sub: return "-";
    case ast::BinaryOp::Mul: return "*";
    case ast::BinaryOp::Div: return "/";
    case ast::BinaryOp::Lt: return "<";
    case ast::BinaryOp::Le: return "<=";
    case ast::BinaryOp::Gt: return ">";
    case ast::BinaryOp::Ge: return ">=";
    case ast::BinaryOp::Eq: return "=";
    case ast::BinaryOp::Ne: return "<>";
    case ast::BinaryOp::And: return "e";
    case ast::BinaryOp::Or: return "o";
  }
  return "?";
}

bool isComparison(ast::BinaryOp op) {
  return op == ast::BinaryOp::Lt || op == ast::BinaryOp::Le || op == ast::BinaryOp::Gt || op == ast::BinaryOp::Ge ||
         op == ast::BinaryOp::Eq || op == ast::BinaryOp::Ne;
}

}  // namespace

Type Checker::expr(const ast::Expr& e, const Scope& scope) {
  struct Visitor {
    Checker& c;
    const ast::Expr& e;
    const Scope& scope;
    Type operator()(const ast::NumberLit& n) { return fromUnit(n.unit); }
    Type operator()(const ast::DateLit&) { return Type::Data; }
    Type operator()(const ast::TextLit&) { return Type::Testo; }
    Type operator()(const ast::BoolLit&) { return Type::Booleano; }
    Type operator()(const ast::NameRef& r) { return c.name(e, r, scope); }
    Type operator()(const ast::Call& call) { return c.call(e, call, scope); }
    Type operator()(const ast::Unary& u) {
      Type t = c.expr(*u.operand, scope);
      if (u.op == ast::UnaryOp::Not) {
        c.expectType(*u.operand, t, Type::Booleano, "dopo «non»");
        return Type::Booleano;
      }
      if (t != Type::Errore && !isNumeric(t)) {
        c.diags_.error("E0301", e.span, fmt::format("il segno meno non si applica a un valore di tipo {}", typeName(t)));
        return Type::Errore;
      }
      return t;
    }
    Type operator()(const ast::Binary& b) { return c.binary(e, b, scope); }
    Type operator()(const ast::If& i) { return c.conditional(e, i, scope); }
    Type operator()(const ast::Steps& s) { return c.steps(e, s, scope); }
    Type operator()(const ast::ObjectiveFold& f) { return c.fold(e, f, scope); }
  };
  Type t = std::visit(Visitor{*this, e, scope}, e.node);
  out_.types.at(e.id) = t;
  return t;
}

void Checker::expectType(const ast::Expr& e, Type actual, Type expected, const char* where) {
  if (assignable(expected, actual)) return;
  diags_.error("E0302", e.span,
               fmt::format("{} serve un valore di tipo {}, ma questa espressione è di tipo {}", where,
                           typeName(expected), typeName(actual)));
}

std::vector<std::string> Checker::namesInScope(const Scope& scope) const {
  std::vector<std::string> names = {"giorni_anno", "anno"};
  if (scope.kind == Scope::Kind::Person || scope.kind == Scope::Kind::ProfileResult ||
      scope.kind == Scope::Kind::FundQuota)
    names.push_back("giorni_servizio");
  if (rows_)
    for (const ast::Field& f : out_.datasets.at(*rows_).decl->fields) names.push_back(f.name.name);
  switch (scope.kind) {
    case Scope::Kind::Indicator:
      if (scope.function)
        for (const ast::Param& p : scope.function->params) names.push_back(p.name.name);
      if (scope.votes) names.insert(names.end(), {"voto", "peso"});
      if (!scope.indicator) break;
      names.push_back(scope.indicator->measured.name.name);
      for (const ast::Param& p : scope.indicator->params) names.push_back(p.name.name);
      break;
    case Scope::Kind::ProfileResult:
      names.insert(names.end(), {"totale", "fascia"});
      for (const ast::Component& c : out_.profiles.at(scope.profile).decl->components) names.push_back(c.name.name);
      [[fallthrough]];
    case Scope::Kind::Person:
      for (const auto& [n, i] : staffFields_) names.push_back(n);
      break;
    case Scope::Kind::MeasureArg:
      names.push_back("termine");
      break;
    case Scope::Kind::Measured:
      names.push_back("termine");
      for (const auto& [n, i] : staffFields_) names.push_back(n);
      break;
    case Scope::Kind::FundQuota:
      names.insert(names.end(), {"totale", "fascia"});
      for (const auto& [n, i] : staffFields_) names.push_back(n);
      break;
    case Scope::Kind::FundAmount:
      break;
  }
  return names;
}

Type Checker::name(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope) {
  auto freeKeyed = [this](const std::string& table) {  // keyed by a staff field or a free column: a lookup
    auto d = datasetIndex_.find(table);
    if (d == datasetIndex_.end()) return false;
    for (KeyRole r : out_.datasets.at(d->second).keyRoles)
      if (r == KeyRole::Campo || r == KeyRole::Libera) return true;
    return false;
  };
  if (ref.member && scope.kind == Scope::Kind::Measured && !rows_ && ref.keyValues.empty() && ref.first.name != "persona" &&
      !freeKeyed(ref.first.name))
    return cell(e, ref);
  if (ref.member)
    if (std::optional<Type> t = qualified(e, ref, scope)) return *t;
  if (ref.member && scope.kind != Scope::Kind::Indicator) return lookup(e, ref, scope);
  if (ref.member) {
    diags_.error("E0213", e.span, fmt::format("«{}.{}» non si può usare in un'espressione", ref.first.name, ref.member->name),
                 "i campi delle tabelle di dati si leggono con «misura ... su tabella.campo» e «voti da tabella.campo»");
    return Type::Errore;
  }
  if (rows_)
    if (std::optional<Type> t = rowField(e, ref)) {
      if (visibleOutsideRows(ref.first.name, scope)) {
        const std::string& table = out_.datasets.at(*rows_).decl->name.name;
        diags_.error("E0310", e.span,
                     fmt::format("«{}» è ambiguo: è una colonna di «{}» e anche un nome visibile qui (per esempio un "
                                 "campo della persona)",
                                 ref.first.name, table),
                     fmt::format("scrivi «{}.{}» per la colonna della riga, «persona.{}» per il campo della persona",
                                 table, ref.first.name, ref.first.name));
        out_.resolved.at(e.id) = std::monostate{};
        return Type::Errore;
      }
      return *t;
    }
  const std::string& n = ref.first.name;
  if (std::optional<Type> t = scoringName(e, n, scope)) return *t;
  Resolution& res = out_.resolved.at(e.id);
  switch (scope.kind) {
    case Scope::Kind::Indicator: {
      if (!scope.indicator) break;  // a `funzione` or a `punteggio`: scoringName
      const ast::Indicator& ind = *scope.indicator;
      if (n == ind.measured.name.name) {
        res = ResParam{0};
        return fromTypeName(ind.measured.type);
      }
      for (uint32_t i = 0; i < ind.params.size(); ++i)
        if (n == ind.params[i].name.name) {
          res = ResParam{i + 1};
          return fromTypeName(ind.params[i].type);
        }
      break;
    }
    case Scope::Kind::ProfileResult: {
      const ProfileInfo& p = out_.profiles.at(scope.profile);
      if (n == "totale") {
        res = ResTotal{};
        return Type::Punti;
      }
      if (n == "fascia") {
        if (!p.bands) {
          diags_.error("E0411", e.span, "«fascia» è usata ma il profilo non ha una tabella delle fasce",
                       "aggiungi al profilo: fasce { ... }");
          return Type::Errore;
        }
        res = ResBand{};
        return Type::Percentuale;
      }
      for (uint32_t i = 0; i < p.decl->components.size(); ++i)
        if (n == p.decl->components[i].name.name) {
          res = ResComponent{i};
          return Type::Punti;
        }
      [[fallthrough]];
    }
    case Scope::Kind::FundQuota:
      if (n == "totale") {
        res = ResTotal{};
        return Type::Punti;
      }
      if (n == "fascia") {
        res = ResBand{};
        return Type::Percentuale;
      }
      [[fallthrough]];
    case Scope::Kind::Person: {
      auto f = staffFields_.find(n);
      if (f != staffFields_.end()) {
        res = ResPersonField{f->second};
        return staffFieldType(f->second);
      }
      break;
    }
    case Scope::Kind::MeasureArg:
      if (n == "termine") return deadlineRef(e, scope);
      break;
    case Scope::Kind::Measured: {
      if (n == "termine") return deadlineRef(e, scope);
      auto f = staffFields_.find(n);
      if (f != staffFields_.end()) {
        res = ResPersonField{f->second};
        return staffFieldType(f->second);
      }
      break;
    }
    case Scope::Kind::FundAmount:
      break;
  }
  if (std::optional<Type> t = calendarName(e, n, scope)) return *t;
  diags_.error("E0204", ref.first.span, fmt::format("nome sconosciuto «{}»", n), didYouMean(n, namesInScope(scope)));
  return Type::Errore;
}

namespace {

bool hasPerson(const Scope& scope) {
  return scope.kind == Scope::Kind::Person || scope.kind == Scope::Kind::ProfileResult ||
         scope.kind == Scope::Kind::FundQuota || scope.kind == Scope::Kind::Measured;
}

}  // namespace

std::optional<Type> Checker::calendarName(const ast::Expr& e, const std::string& n, const Scope& scope) {
  if (n == "anno") {  // the evaluation year (dated clauses, docs/linguaggio.md § 4)
    out_.resolved.at(e.id) = ResBuiltin{BuiltinFn::AnnoValutazione};
    return Type::Numero;
  }
  if (n != "giorni_anno" && n != "giorni_servizio") return std::nullopt;
  const bool service = n == "giorni_servizio";
  out_.resolved.at(e.id) = ResBuiltin{service ? BuiltinFn::GiorniServizio : BuiltinFn::GiorniAnno};
  if (service && !hasPerson(scope)) {
    diags_.error("E0263", e.span, "«giorni_servizio» si usa solo dove c'è una persona",
                 "si può usare nel premio, nelle componenti, nella quota di un fondo, in «assegnato a personale "
                 "dove» e in «non valutato se»");
    return Type::Errore;
  }
  return Type::Giorni;
}

Type Checker::call(const ast::Expr& e, const ast::Call& c, const Scope& scope) {
  if (std::optional<AggregateFn> fn = aggregateFn(c.callee.name)) return aggregate(e, c, *fn, scope);
  if (c.where)
    diags_.error("E0251", c.where->span, fmt::format("«dove» non si usa con «{}»", c.callee.name),
                 "«dove» seleziona le righe di conta, somma, media e media_ponderata");
  if (std::optional<Type> t = roundingCall(e, c, scope)) return *t;
  if (c.callee.name == "esito") return esitoCall(e, c, scope);
  if (std::optional<Type> t = functionCall(e, c, scope)) return *t;
  std::vector<Type> args;
  for (const ast::ExprPtr& a : c.args) args.push_back(expr(*a, scope));
  const BuiltinSpec* spec = findBuiltin(c.callee.name);
  if (!spec) {
    if (indicatorIndex_.count(c.callee.name))
      diags_.error("E0210", c.callee.span, fmt::format("l'indicatore «{}» non si chiama in un'espressione", c.callee.name),
                   "un indicatore si usa in un obiettivo: misura " + c.callee.name + "(...) su tabella.campo");
    else {
      std::vector<std::string> names;
      for (const BuiltinSpec& b : kBuiltins) names.push_back(b.name);
      diags_.error("E0210", c.callee.span, fmt::format("funzione sconosciuta «{}»", c.callee.name),
                   didYouMean(c.callee.name, names));
    }
    return Type::Errore;
  }
  out_.resolved.at(e.id) = ResBuiltin{spec->fn};
  if (args.size() < spec->minArgs || (spec->maxArgs && args.size() > spec->maxArgs)) {
    std::string expected = spec->maxArgs == spec->minArgs ? fmt::format("{}", spec->minArgs)
                           : spec->maxArgs ? fmt::format("da {} a {}", spec->minArgs, spec->maxArgs)
                                           : fmt::format("almeno {}", spec->minArgs);
    diags_.error("E0304", e.span,
                 fmt::format("«{}» vuole {} argomenti, ne ha {}", spec->name, expected, args.size()),
                 "separa gli argomenti con «;» oppure con «, » (virgola e spazio): 1,5 è un numero decimale");
    return Type::Errore;
  }
  switch (spec->fn) {
    case BuiltinFn::Minimo:
    case BuiltinFn::Massimo: {
      Type t = args[0];
      for (size_t i = 1; i < args.size(); ++i) {
        auto u = unify(t, args[i]);
        if (!u) {
          diags_.error("E0301", c.args[i]->span,
                       fmt::format("«{}» confronta valori di tipo diverso: {} e {}", spec->name, typeName(t), typeName(args[i])));
          return Type::Errore;
        }
        t = *u;
      }
      if (t != Type::Errore && !isNumeric(t) && t != Type::Data) {
        diags_.error("E0305", e.span, fmt::format("«{}» non si applica a valori di tipo {}", spec->name, typeName(t)));
        return Type::Errore;
      }
      return t;
    }
    case BuiltinFn::Arrotonda: {
      if (args[0] != Type::Errore && !isNumeric(args[0]))
        diags_.error("E0305", c.args[0]->span, fmt::format("«arrotonda» non si applica a un valore di tipo {}", typeName(args[0])));
      const auto* lit = std::get_if<ast::NumberLit>(&c.args[1]->node);
      if (!lit || lit->unit != ast::Unit::Nessuna || !lit->value.isInteger() || lit->value < 0 || lit->value > 10)
        diags_.error("E0305", c.args[1]->span, "il numero di decimali di «arrotonda» deve essere un intero da 0 a 10 scritto come numero");
      return args[0];
    }
    case BuiltinFn::MesiInteriTra:
    case BuiltinFn::AnniInteriTra:
    case BuiltinFn::GiorniTra:
    case BuiltinFn::MesiIniziatiTra:
      for (size_t i = 0; i < 2; ++i) expectType(*c.args[i], args[i], Type::Data, fmt::format("a «{}»", spec->name).c_str());
      return spec->fn == BuiltinFn::GiorniTra ? Type::Giorni : Type::Numero;
    case BuiltinFn::Rilevato:
      return Type::Booleano;
    case BuiltinFn::Contiene:
    case BuiltinFn::IniziaCon:
      for (size_t i = 0; i < 2; ++i) expectType(*c.args[i], args[i], Type::Testo, fmt::format("a «{}»", spec->name).c_str());
      return Type::Booleano;
    case BuiltinFn::AnnoValutazione:
    case BuiltinFn::GiorniAnno:
    case BuiltinFn::GiorniServizio:
      if (!args.empty()) {
        diags_.error("E0304", e.span, fmt::format("«{}» non vuole argomenti", spec->name),
                     fmt::format("scrivi solo: {}", spec->name));
        return Type::Errore;
      }
      return calendarName(e, spec->name, scope).value_or(Type::Errore);
    case BuiltinFn::GiorniNelPeriodo:
      for (size_t i = 0; i < 2; ++i) expectType(*c.args[i], args[i], Type::Data, "a «giorni_nel_periodo»");
      return Type::Giorni;
  }
  return Type::Errore;
}

Type Checker::binary(const ast::Expr& e, const ast::Binary& b, const Scope& scope) {
  Type l = expr(*b.lhs, scope);
  Type r = expr(*b.rhs, scope);
  if (b.op == ast::BinaryOp::And || b.op == ast::BinaryOp::Or) {
    expectType(*b.lhs, l, Type::Booleano, fmt::format("prima di «{}»", opText(b.op)).c_str());
    expectType(*b.rhs, r, Type::Booleano, fmt::format("dopo «{}»", opText(b.op)).c_str());
    return Type::Booleano;
  }
  if (isComparison(b.op)) {
    auto u = unify(l, r);
    bool ordered = b.op != ast::BinaryOp::Eq && b.op != ast::BinaryOp::Ne;
    if (!u) {
      diags_.error("E0301", e.span, fmt::format("non si può confrontare un valore di tipo {} con uno di tipo {}",
                                                typeName(l), typeName(r)));
    } else if (ordered && (*u == Type::Testo || *u == Type::Booleano)) {
      diags_.error("E0301", e.span, fmt::format("«{}» non si applica a valori di tipo {}", opText(b.op), typeName(*u)));
    } else {
      checkSelfComparison(e, b);
    }
    return Type::Booleano;
  }
  auto t = arithmetic(b.op, l, r);
  if (!t) {
    diags_.error("E0301", e.span,
                 fmt::format("unità incompatibili: {} {} {}", typeName(l), opText(b.op), typeName(r)),
                 "si sommano solo valori della stessa unità; si moltiplica una quantità per un numero o una percentuale");
    return Type::Errore;
  }
  return *t;
}

Type Checker::conditional(const ast::Expr& e, const ast::If& i, const Scope& scope) {
  Type c = expr(*i.cond, scope);
  expectType(*i.cond, c, Type::Booleano, "dopo «se»");
  Type a = expr(*i.then, scope);
  Type b = expr(*i.otherwise, scope);
  auto u = unify(a, b);
  if (!u) {
    diags_.error("E0301", e.span,
                 fmt::format("i due rami di «se» hanno tipi diversi: {} dopo «allora», {} dopo «altrimenti»",
                             typeName(a), typeName(b)));
    return Type::Errore;
  }
  return *u;
}

}  // namespace misura::sema
