// Lookups and qualified names (docs/linguaggio.md, «Ricerche nelle tabelle»):
//   persona.campo              the person's staff field, anywhere there is a person
//   T.campo  inside conta/somma/media/media_ponderata/cerca(T ...)   the row's column
//   T.campo  elsewhere         the row of keyed table T whose key columns match the
//                              person (matricola, or a staff field such as `settore`),
//                              the objective, and the explicit values `di "2024"`
// and the two checks against silently wrong selections: a name that is both a
// column of the folded rows and a visible name (E0310), and a comparison of
// an expression with itself (E0311).
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

bool personInScope(const Scope& scope) {
  switch (scope.kind) {
    case Scope::Kind::Person:
    case Scope::Kind::ProfileResult:
    case Scope::Kind::FundQuota:
    case Scope::Kind::Measured:
      return true;
    case Scope::Kind::Indicator:
    case Scope::Kind::MeasureArg:
    case Scope::Kind::FundAmount:
      return false;
  }
  return false;
}

// A key that identifies what a name resolved to, "" when unresolved.
std::string resolutionKey(const Resolution& r) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, ResParam>) return fmt::format("param {}", v.slot);
        else if constexpr (std::is_same_v<T, ResPersonField>) return fmt::format("person {}", v.field);
        else if constexpr (std::is_same_v<T, ResComponent>) return fmt::format("component {}", v.index);
        else if constexpr (std::is_same_v<T, ResTotal>) return "totale";
        else if constexpr (std::is_same_v<T, ResBand>) return "fascia";
        else if constexpr (std::is_same_v<T, ResDeadline>) return "termine";
        else if constexpr (std::is_same_v<T, ResBuiltin>) return fmt::format("builtin {}", static_cast<int>(v.fn));
        else if constexpr (std::is_same_v<T, ResEsito>) return fmt::format("esito {}", v.objective);
        else if constexpr (std::is_same_v<T, ResRowField>) return fmt::format("row {}", v.field);
        else if constexpr (std::is_same_v<T, ResCell>) {
          std::string k = fmt::format("cell {} {} {}", v.dataset, v.field, v.objective ? static_cast<int64_t>(*v.objective) : -1);
          for (const std::string& s : v.keyValues) k += "|" + s;
          return k;
        } else return "";  // unresolved, or a whole call (compared by its parts)
      },
      r);
}

bool mentionsName(const ast::Expr& e) {
  if (std::holds_alternative<ast::NameRef>(e.node) || std::holds_alternative<ast::Call>(e.node)) return true;
  if (const auto* u = std::get_if<ast::Unary>(&e.node)) return mentionsName(*u->operand);
  if (const auto* b = std::get_if<ast::Binary>(&e.node)) return mentionsName(*b->lhs) || mentionsName(*b->rhs);
  if (const auto* i = std::get_if<ast::If>(&e.node))
    return mentionsName(*i->cond) || mentionsName(*i->then) || mentionsName(*i->otherwise);
  return false;
}

}  // namespace

// `persona.campo`, and `T.campo` inside an aggregate over T; nullopt for any
// other qualified name (a lookup).
std::optional<Type> Checker::qualified(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope) {
  if (ref.of || !ref.keyValues.empty()) return std::nullopt;
  const std::string& member = ref.member->name;
  if (ref.first.name == "persona" && !datasetIndex_.count("persona")) {
    if (!personInScope(scope)) {
      diags_.error("E0312", e.span, fmt::format("«persona.{}»: qui non c'è una persona", member),
                   "i campi della persona si usano nel premio, nelle componenti, nelle quote dei fondi, nelle "
                   "condizioni sul personale e nel valore misurato di un obiettivo");
      return Type::Errore;
    }
    auto f = staffFields_.find(member);
    if (f == staffFields_.end()) {
      std::vector<std::string> names;
      for (const auto& [n, i] : staffFields_) names.push_back(n);
      diags_.error("E0312", ref.member->span, fmt::format("l'elenco del personale non ha il campo «{}»", member),
                   didYouMean(member, names));
      return Type::Errore;
    }
    out_.resolved.at(e.id) = ResPersonField{f->second};
    return fromTypeName(out_.datasets.at(0).decl->fields.at(f->second).type);
  }
  if (rows_ && ref.first.name == out_.datasets.at(*rows_).decl->name.name) {
    const ast::Dataset& table = *out_.datasets.at(*rows_).decl;
    std::vector<std::string> names;
    for (uint32_t i = 0; i < table.fields.size(); ++i) {
      if (table.fields[i].name.name == member) {
        out_.resolved.at(e.id) = ResRowField{i};
        return fromTypeName(table.fields[i].type);
      }
      names.push_back(table.fields[i].name.name);
    }
    noSuchField(*rows_, *ref.member, names);
    return Type::Errore;
  }
  return std::nullopt;
}

// `T.campo [di ...]` outside a measured expression: the row of keyed table T
// for this person / objective / explicit key values.
Type Checker::lookup(const ast::Expr& e, const ast::NameRef& ref, const Scope& scope) {
  std::optional<FieldRef> field = resolveField(ref.first, *ref.member, e.span);
  if (!field) return Type::Errore;
  const DatasetInfo& ds = out_.datasets[field->dataset];
  const std::string& t = ref.first.name;
  const std::string& c = ref.member->name;
  if (scope.rowTable == field->dataset && field->dataset != 0) {  // the row being read
    out_.resolved.at(e.id) = ResCell{field->dataset, field->field, std::nullopt, {}};
    return fromTypeName(ds.decl->fields[field->field].type);
  }
  if (field->dataset == 0) {
    diags_.error("E0316", e.span, fmt::format("«{}.{}»: i campi del personale si leggono come «persona.{}»", t, c, c),
                 fmt::format("scrivi «persona.{}» (o solo «{}» dove non c'è ambiguità)", c, c));
    return Type::Errore;
  }
  if (ds.decl->key.empty()) {
    diags_.error("E0316", e.span, fmt::format("«{}» è un registro (una tabella senza chiave): non ha una riga sola da leggere", t),
                 fmt::format("si riassume con conta, somma, media, media_ponderata, o con cerca({}, {} dove ...) per la "
                             "sola riga che soddisfa la condizione",
                             t, c));
    return Type::Errore;
  }
  ResCell res{field->dataset, field->field, std::nullopt, {}};
  std::optional<ast::Ident> code = ref.of;
  std::vector<const ast::KeyValue*> texts;
  bool ok = true;
  for (const ast::KeyValue& v : ref.keyValues) {
    if (v.kind == ast::KeyValue::Kind::Testo) {
      texts.push_back(&v);
      continue;
    }
    if (code) {
      diags_.error("E0315", v.span, fmt::format("«{}.{}»: l'obiettivo della riga è indicato due volte", t, c));
      ok = false;
    }
    code = ast::Ident{v.text, v.span};
  }
  size_t nextText = 0;
  bool byObjective = false;
  for (size_t i = 0; i < ds.keyRoles.size() && i < ds.decl->key.size(); ++i) {
    const std::string& column = ds.decl->key[i].name;
    switch (ds.keyRoles[i]) {
      case KeyRole::Persona:
      case KeyRole::Campo:
        if (!personInScope(scope)) {
          diags_.error("E0314", e.span,
                       fmt::format("«{}.{}» sceglie la riga della persona (colonna chiave «{}»), ma qui non c'è una persona",
                                   t, c, column),
                       "qui si leggono solo tabelle con la chiave scritta per intero: tabella.campo di \"valore\"");
          ok = false;
        }
        break;
      case KeyRole::Obiettivo:
        byObjective = true;
        if (!code && !scope.objective) {
          diags_.error("E0315", e.span,
                       fmt::format("«{}.{}»: la tabella ha la colonna chiave «obiettivo», e qui non c'è un obiettivo", t, c),
                       fmt::format("indica l'obiettivo della riga: {}.{} di CODICE", t, c));
          ok = false;
        }
        break;
      case KeyRole::Fase:
      case KeyRole::Comportamento:
        diags_.error("E0316", e.span,
                     fmt::format("«{}.{}»: una tabella con la colonna chiave «{}» si legge solo con «misura» o «voti da»",
                                 t, c, column));
        ok = false;
        break;
      case KeyRole::Libera:
        if (nextText < texts.size()) {
          res.keyValues.push_back(texts[nextText++]->text);
        } else {
          diags_.error("E0315", e.span,
                       fmt::format("«{}.{}»: la tabella «{}» ha la colonna chiave «{}», e non si sa quale riga leggere", t,
                                   c, t, column),
                       fmt::format("indica il valore della colonna: {}.{} di \"...\"", t, c));
          ok = false;
        }
        break;
    }
  }
  if (nextText < texts.size()) {
    std::string free;
    for (size_t i = 0; i < ds.keyRoles.size() && i < ds.decl->key.size(); ++i)
      if (ds.keyRoles[i] == KeyRole::Libera) free += (free.empty() ? "«" : ", «") + ds.decl->key[i].name + "»";
    diags_.error("E0315", texts[nextText]->span,
                 free.empty() ? fmt::format("valore di chiave in più: la riga di «{}» si sceglie dalla persona e "
                                            "dall'obiettivo, senza «di \"...\"»",
                                            t)
                              : fmt::format("valore di chiave in più: con «di» si indica solo {} della tabella «{}»",
                                            free, t),
                 "le colonne che vengono dalla persona (matricola, settore, ...) non si scrivono");
    ok = false;
  }
  if (code) {
    auto o = objectiveIndex_.find(code->name);
    if (!byObjective) {
      diags_.error("E0272", code->span,
                   fmt::format("«di {}» sceglie la riga di un obiettivo, ma la tabella «{}» non ha chiave per obiettivo",
                               code->name, t),
                   "per un'altra colonna chiave scrivi il valore tra virgolette: di \"...\"");
      ok = false;
    } else if (o == objectiveIndex_.end()) {
      undeclared("obiettivo", *code, objectiveIndex_);
      ok = false;
    } else {
      res.objective = o->second;
    }
  }
  if (!ok) return Type::Errore;
  out_.resolved.at(e.id) = res;
  return fromTypeName(ds.decl->fields[field->field].type);
}

// Whether `n`, a column of the rows being folded, is also a name of the
// enclosing scope (then the bare name is ambiguous: E0310).
bool Checker::visibleOutsideRows(const std::string& n, const Scope& scope) const {
  if (n == "giorni_anno") return true;
  if (n == "giorni_servizio" && personInScope(scope)) return true;
  const bool staff = staffFields_.count(n) > 0;
  const bool deadline = n == "termine" && scope.objective && (scope.objective->deadline || scope.objective->deadlineExpr);
  switch (scope.kind) {
    case Scope::Kind::Indicator:
      if (n == scope.indicator->measured.name.name) return true;
      for (const ast::Param& p : scope.indicator->params)
        if (p.name.name == n) return true;
      return false;
    case Scope::Kind::ProfileResult:
      for (const ast::Component& c : out_.profiles.at(scope.profile).decl->components)
        if (c.name.name == n) return true;
      return staff || n == "totale" || n == "fascia";
    case Scope::Kind::FundQuota: return staff || n == "totale" || n == "fascia";
    case Scope::Kind::Person: return staff;
    case Scope::Kind::MeasureArg: return deadline;
    case Scope::Kind::Measured: return staff || deadline;
    case Scope::Kind::FundAmount: return false;
  }
  return false;
}

bool Checker::sameExpr(const ast::Expr& a, const ast::Expr& b) const {
  if (a.node.index() != b.node.index()) return false;
  if (const auto* x = std::get_if<ast::NumberLit>(&a.node)) {
    const auto& y = std::get<ast::NumberLit>(b.node);
    return x->value == y.value && x->unit == y.unit;
  }
  if (const auto* x = std::get_if<ast::DateLit>(&a.node)) return x->value == std::get<ast::DateLit>(b.node).value;
  if (const auto* x = std::get_if<ast::TextLit>(&a.node)) return x->value == std::get<ast::TextLit>(b.node).value;
  if (const auto* x = std::get_if<ast::BoolLit>(&a.node)) return x->value == std::get<ast::BoolLit>(b.node).value;
  if (std::holds_alternative<ast::NameRef>(a.node)) {
    std::string k = resolutionKey(out_.resolved.at(a.id));
    return !k.empty() && k == resolutionKey(out_.resolved.at(b.id));
  }
  if (const auto* x = std::get_if<ast::Call>(&a.node)) {
    const auto& y = std::get<ast::Call>(b.node);
    if (x->callee.name != y.callee.name || x->args.size() != y.args.size() || !x->where != !y.where) return false;
    if (resolutionKey(out_.resolved.at(a.id)) != resolutionKey(out_.resolved.at(b.id))) return false;
    if (std::holds_alternative<ResEsito>(out_.resolved.at(a.id)))  // the argument is a code, not an expression
      return x->args.size() == 1 && std::get_if<ast::NameRef>(&x->args[0]->node) &&
             std::get_if<ast::NameRef>(&y.args[0]->node) &&
             std::get<ast::NameRef>(x->args[0]->node).first.name == std::get<ast::NameRef>(y.args[0]->node).first.name;
    for (size_t i = 0; i < x->args.size(); ++i)
      if (!sameExpr(*x->args[i], *y.args[i])) return false;
    return !x->where || sameExpr(*x->where, *y.where);
  }
  if (const auto* x = std::get_if<ast::Unary>(&a.node)) {
    const auto& y = std::get<ast::Unary>(b.node);
    return x->op == y.op && sameExpr(*x->operand, *y.operand);
  }
  if (const auto* x = std::get_if<ast::Binary>(&a.node)) {
    const auto& y = std::get<ast::Binary>(b.node);
    return x->op == y.op && sameExpr(*x->lhs, *y.lhs) && sameExpr(*x->rhs, *y.rhs);
  }
  if (const auto* x = std::get_if<ast::If>(&a.node)) {
    const auto& y = std::get<ast::If>(b.node);
    return sameExpr(*x->cond, *y.cond) && sameExpr(*x->then, *y.then) && sameExpr(*x->otherwise, *y.otherwise);
  }
  return false;  // step tables: never taken as equal
}

// `matricola = matricola`, `assegnazioni.matricola = assegnazioni.matricola`:
// the comparison always has the same result, almost surely a mistake.
void Checker::checkSelfComparison(const ast::Expr& e, const ast::Binary& b) {
  if (!mentionsName(*b.lhs) || !sameExpr(*b.lhs, *b.rhs)) return;
  std::string hint = "confronta due valori diversi";
  if (rows_) {
    const std::string& table = out_.datasets.at(*rows_).decl->name.name;
    const auto* ref = std::get_if<ast::NameRef>(&b.lhs->node);
    const std::string col = ref && ref->member ? ref->member->name : ref ? ref->first.name : "campo";
    hint = fmt::format("per confrontare la colonna della riga con il campo della persona scrivi «{}.{} = persona.{}»",
                       table, col, col);
  }
  diags_.error("E0311", e.span, "l'espressione è confrontata con sé stessa: il confronto ha sempre lo stesso risultato",
               hint);
}

void Checker::checkFundAmount(const ast::Fund& f, FundInfo& info) {
  const ast::Expr& amount = *f.amountExprs.front();
  Type t = expr(amount, Scope{Scope::Kind::FundAmount, nullptr, 0, nullptr});
  if (t != Type::Errore && t != Type::Euro)
    diags_.error("E0318", amount.span,
                 fmt::format("l'importo del fondo «{}» deve essere in euro, ma questa espressione è di tipo {}", f.name.name,
                             typeName(t)),
                 "per esempio: importo = fondi.importo di \"2024\"  (con importo euro tra i campi della tabella)");
  info.amountExpr = &amount;
}

// `quota unitaria = espressione`: like `importo = ...`, once for the fund, in euro.
void Checker::checkFundUnitQuota(const ast::Fund& f, FundInfo& info) {
  const ast::Expr& unit = *f.unitQuotaExprs.front();
  Type t = expr(unit, Scope{Scope::Kind::FundAmount, nullptr, 0, nullptr});
  if (t != Type::Errore && t != Type::Euro)
    diags_.error("E0320", unit.span,
                 fmt::format("la quota unitaria del fondo «{}» deve essere in euro, ma questa espressione è di tipo {}",
                             f.name.name, typeName(t)),
                 "per esempio: quota unitaria = fondo_voci.importo di \"Quota unitaria\"  (con importo euro tra i "
                 "campi della tabella)");
  info.unitQuotaExpr = &unit;
}

void Checker::checkWeightExpr(ObjectiveInfo& info, const ast::Weight& w) {
  Type t = expr(*w.expr, Scope{Scope::Kind::Measured, nullptr, 0, &info});
  if (t != Type::Errore && t != Type::Numero)
    diags_.error("E0319", w.expr->span,
                 fmt::format("il peso di un obiettivo è un numero, ma questa espressione è di tipo {}", typeName(t)),
                 "per esempio: peso = assegnazioni.peso  (con peso numero tra i campi della tabella)");
  info.weightExpr = w.expr.get();
}

}  // namespace misura::sema
