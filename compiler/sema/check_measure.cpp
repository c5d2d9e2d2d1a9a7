// The `misura` line of an objective: its indicator and arguments, and what
// it measures: a field of a keyed table (`su rilevazioni.valore`, the row of
// this person and objective) or an expression in the person's context
// (`su conta(fatture dove ...) / conta(fatture)`), whose keyed-table fields
// are cells of this person's rows (`rilevazioni.completato di PIAO`: the row
// of objective PIAO).
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

// Whether a keyed table has rows per person and/or objective (not per behaviour).
bool keyedByPersonOrObjective(const DatasetInfo& ds) {
  bool byObjectiveOrPerson = false, byBehaviour = false;
  for (KeyRole r : ds.keyRoles) {
    byObjectiveOrPerson |= r != KeyRole::Comportamento;
    byBehaviour |= r == KeyRole::Comportamento || r == KeyRole::Libera;  // Libera: no row without `di`
  }
  return byObjectiveOrPerson && !byBehaviour;
}

bool keyedByObjective(const DatasetInfo& ds) {
  for (KeyRole r : ds.keyRoles)
    if (r == KeyRole::Obiettivo) return true;
  return false;
}

}  // namespace

void Checker::checkMeasure(ObjectiveInfo& info, const ast::Measure& m) {
  info.measure = &m;
  auto ind = indicatorIndex_.find(m.indicator.name);
  Scope scope{Scope::Kind::MeasureArg, nullptr, 0, &info};
  std::vector<Type> args;
  for (const ast::ExprPtr& a : m.args) args.push_back(expr(*a, scope));
  if (ind == indicatorIndex_.end()) {
    undeclared("indicatore", m.indicator, indicatorIndex_);
    return;
  }
  info.indicator = ind->second;
  const ast::Indicator& decl = *out_.indicators[ind->second];
  if (args.size() != decl.params.size()) {
    diags_.error("E0304", m.span,
                 fmt::format("l'indicatore «{}» vuole {} argomenti, ne ha {}", decl.name.name, decl.params.size(), args.size()),
                 "separa gli argomenti con «;» oppure con «, » (virgola e spazio): 1,5 è un numero decimale");
  } else {
    for (size_t i = 0; i < args.size(); ++i)
      expectType(*m.args[i], args[i], fromTypeName(decl.params[i].type),
                 fmt::format("come argomento «{}» di «{}»", decl.params[i].name.name, decl.name.name).c_str());
  }
  const auto* ref = std::get_if<ast::NameRef>(&m.measured->node);
  if (ref && ref->member && !ref->of) checkMeasuredField(info, m, *ref);
  else checkMeasuredExpr(info, m);
}

// `su tabella.campo`: the row of this person and/or objective.
void Checker::checkMeasuredField(ObjectiveInfo& info, const ast::Measure& m, const ast::NameRef& ref) {
  const ast::Indicator& decl = *out_.indicators[info.indicator];
  auto field = resolveField(ref.first, *ref.member, m.measured->span);
  if (!field) return;
  info.measured = *field;
  const DatasetInfo& ds = out_.datasets[field->dataset];
  if (field->dataset == 0 || !keyedByPersonOrObjective(ds))
    diags_.error("E0216", ref.first.span,
                 fmt::format("la misura di un obiettivo si legge da una tabella con chiave per persona e/o obiettivo; «{}» non lo è",
                             ref.first.name),
                 "per esempio: dati rilevazioni da \"rilevazioni.csv\" chiave (matricola, obiettivo) { ... }");
  checkPhaseKey(info, ds, ref.first);
  Type fieldType = fromTypeName(ds.decl->fields[field->field].type);
  Type measuredType = fromTypeName(decl.measured.type);
  if (!assignable(measuredType, fieldType))
    diags_.error("E0305", field->span,
                 fmt::format("l'indicatore «{}» misura un valore di tipo {}, ma il campo «{}» è di tipo {}", decl.name.name,
                             typeName(measuredType), ref.member->name, typeName(fieldType)));
}

// `su ESPRESSIONE`: computed for each assigned person.
void Checker::checkMeasuredExpr(ObjectiveInfo& info, const ast::Measure& m) {
  const ast::Indicator& decl = *out_.indicators[info.indicator];
  info.measuredExpr = m.measured.get();
  if (!info.decl->phases.empty())
    diags_.error("E0452", m.measured->span,
                 fmt::format("l'obiettivo «{}» ha le fasi: il valore di ogni fase si legge con «su tabella.campo»",
                             info.decl->code.name),
                 "per esempio: misura entro(termine) su rilevazioni_fasi.completata");
  Type t = expr(*m.measured, Scope{Scope::Kind::Measured, nullptr, 0, &info});
  Type measuredType = fromTypeName(decl.measured.type);
  if (!assignable(measuredType, t))
    diags_.error("E0270", m.measured->span,
                 fmt::format("l'indicatore «{}» misura un valore di tipo {}, ma l'espressione dopo «su» è di tipo {}",
                             decl.name.name, typeName(measuredType), typeName(t)),
                 fmt::format("il valore misurato deve avere l'unità del parametro «{}» dell'indicatore",
                             decl.measured.name.name));
}

// `tabella.campo [di CODICE]` inside a measured expression.
Type Checker::cell(const ast::Expr& e, const ast::NameRef& ref) {
  auto field = resolveField(ref.first, *ref.member, e.span);
  if (!field) return Type::Errore;
  const DatasetInfo& ds = out_.datasets[field->dataset];
  if (field->dataset == 0 || !keyedByPersonOrObjective(ds)) {
    diags_.error("E0271", e.span,
                 fmt::format("«{}.{}» si legge dalla riga di questa persona e/o di questo obiettivo, ma la tabella «{}» "
                             "non ha chiave per persona o per obiettivo",
                             ref.first.name, ref.member->name, ref.first.name),
                 field->dataset == 0 ? "i campi dell'elenco del personale si scrivono senza «personale.»: per esempio «ore»"
                                     : "i registri (tabelle senza chiave) si leggono con conta, somma, media e media_ponderata");
    return Type::Errore;
  }
  ResCell res{field->dataset, field->field, std::nullopt};
  if (ref.of) {
    auto o = objectiveIndex_.find(ref.of->name);
    if (o == objectiveIndex_.end()) {
      undeclared("obiettivo", *ref.of, objectiveIndex_);
      return Type::Errore;
    }
    if (!keyedByObjective(ds)) {
      diags_.error("E0272", ref.of->span,
                   fmt::format("«di {}» sceglie la riga di un obiettivo, ma la tabella «{}» non ha chiave per obiettivo",
                               ref.of->name, ref.first.name),
                   "per esempio: dati rilevazioni da \"rilevazioni.csv\" chiave (matricola, obiettivo) { ... }");
      return Type::Errore;
    }
    res.objective = o->second;
  }
  out_.resolved.at(e.id) = res;
  return fromTypeName(ds.decl->fields[field->field].type);
}

// `termine 31/12/2024` or `termine = espressione` (a date for each person,
// from staff fields and this person's cells: `rilevazioni.completato di PIAO + 90 giorni`).
void Checker::checkDeadline(ObjectiveInfo& info, const ast::Deadline& d) {
  if (d.date) {
    info.deadline = d.date;
    return;
  }
  Type t = expr(*d.expr, Scope{Scope::Kind::Measured, nullptr, 0, &info});  // `termine` not yet declared here
  if (t != Type::Errore && t != Type::Data)
    diags_.error("E0273", d.expr->span,
                 fmt::format("il termine deve essere una data, ma questa espressione è di tipo {}", typeName(t)),
                 "per esempio: termine = rilevazioni.completato di PIAO + 90 giorni");
  info.deadlineExpr = d.expr.get();  // even when wrong: `termine` in the measure adds no error
}

// `termine` in the arguments of `misura` and in the measured expression.
Type Checker::deadlineRef(const ast::Expr& e, const Scope& scope) {
  if (scope.objective && scope.objective->deadline) {
    out_.resolved.at(e.id) = ResDeadline{*scope.objective->deadline};
    return Type::Data;
  }
  if (scope.objective && scope.objective->deadlineExpr) {
    out_.resolved.at(e.id) = ResDeadline{std::nullopt};
    return Type::Data;
  }
  diags_.error("E0204", e.span, "«termine» è usato ma l'obiettivo non dichiara un termine",
               "aggiungi all'obiettivo una riga come: termine 31/12/2024");
  return Type::Errore;
}

}  // namespace misura::sema
