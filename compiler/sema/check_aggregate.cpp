// Aggregates over record tables (`dati` tables without `chiave`):
//   conta(T [dove C])                      numero
//   somma(T, V [dove C])                   the unit of V
//   media(T, V [dove C])                   the unit of V
//   media_ponderata(T, V, P [dove C])      the unit of V; P any numeric unit
// V, P and C are checked once per row: the fields of T are in scope, and
// shadow the names of the enclosing scope, which stay visible otherwise.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

struct AggregateSpec {
  AggregateFn fn;
  const char* name;
  size_t rowArgs;  // arguments after the table
  const char* example;
};

constexpr AggregateSpec kAggregates[] = {
    {AggregateFn::Conta, "conta", 0, "conta(fatture dove importo > 1.000 euro)"},
    {AggregateFn::Somma, "somma", 1, "somma(fatture, importo dove importo > 1.000 euro)"},
    {AggregateFn::Media, "media", 1, "media(fatture, giorni_tra(ricezione, trasmissione))"},
    {AggregateFn::MediaPonderata, "media_ponderata", 2,
     "media_ponderata(fatture, giorni_tra(ricezione, trasmissione), importo)"},
    {AggregateFn::Cerca, "cerca", 1, "cerca(fondi, importo dove anno = 2024)"},
};

const AggregateSpec& specOf(AggregateFn fn) {
  for (const AggregateSpec& s : kAggregates)
    if (s.fn == fn) return s;
  return kAggregates[0];
}

}  // namespace

std::optional<AggregateFn> aggregateFn(const std::string& name) {
  for (const AggregateSpec& s : kAggregates)
    if (name == s.name) return s.fn;
  return std::nullopt;
}

std::optional<Type> Checker::rowField(const ast::Expr& e, const ast::NameRef& ref) {
  const ast::Dataset& table = *out_.datasets.at(*rows_).decl;
  for (uint32_t i = 0; i < table.fields.size(); ++i)
    if (table.fields[i].name.name == ref.first.name) {
      out_.resolved.at(e.id) = ResRowField{i};
      return fromTypeName(table.fields[i].type);
    }
  return std::nullopt;
}

Type Checker::aggregate(const ast::Expr& e, const ast::Call& c, AggregateFn fn, const Scope& scope) {
  const AggregateSpec& spec = specOf(fn);
  if (scope.kind == Scope::Kind::Indicator) {
    diags_.error("E0252", e.span, fmt::format("«{}» non si usa nel corpo di un indicatore", spec.name),
                 "calcola il valore negli argomenti di «misura» e passalo all'indicatore come parametro");
    return Type::Errore;
  }
  if (c.args.size() != spec.rowArgs + 1) {
    diags_.error("E0251", e.span,
                 fmt::format("«{}» vuole {} argomenti prima di un eventuale «dove», ne ha {}", spec.name, spec.rowArgs + 1,
                             c.args.size()),
                 fmt::format("per esempio: {}", spec.example));
    return Type::Errore;
  }
  // The table: a plain name of a `dati` table without key.
  const ast::Expr& tableExpr = *c.args[0];
  const auto* ref = std::get_if<ast::NameRef>(&tableExpr.node);
  std::optional<uint32_t> table;
  if (ref && !ref->member) {
    auto d = datasetIndex_.find(ref->first.name);
    if (d != datasetIndex_.end() && d->second != 0 && out_.datasets[d->second].decl->key.empty()) table = d->second;
    else if (d != datasetIndex_.end())
      diags_.error("E0250", tableExpr.span,
                   fmt::format("«{}» non è un registro: ha una chiave, e {} si applica alle tabelle senza chiave",
                               ref->first.name, spec.name),
                   "un registro (elenco di righe, come l'estratto delle fatture) si dichiara con «dati» senza «chiave (...)»");
  }
  if (!table && !(ref && !ref->member && datasetIndex_.count(ref->first.name))) {
    std::vector<std::string> names;
    for (const auto& [n, i] : datasetIndex_)
      if (i != 0 && out_.datasets[i].decl->key.empty()) names.push_back(n);
    diags_.error("E0250", tableExpr.span,
                 fmt::format("il primo argomento di «{}» deve essere il nome di un registro (tabella di dati senza chiave)",
                             spec.name),
                 ref && !ref->member ? didYouMean(ref->first.name, names) : std::string());
  }
  if (!table) {
    // Still check the row expressions in the enclosing scope would only cascade: skip them.
    return Type::Errore;
  }
  if (*table == out_.resultsTable && !resultsReadable(e, scope)) return Type::Errore;
  out_.types.at(tableExpr.id) = Type::Numero;  // not a value: lowering never emits it
  out_.resolved.at(e.id) = ResAggregate{fn, *table};
  std::optional<uint32_t> outer = rows_;  // nested aggregates: the innermost table's fields
  rows_ = *table;
  Type result = aggregateParts(c, fn, scope);
  rows_ = outer;
  return result;
}

Type Checker::aggregateParts(const ast::Call& c, AggregateFn fn, const Scope& rows) {
  const AggregateSpec& spec = specOf(fn);
  Type result = Type::Numero;
  if (fn != AggregateFn::Conta) {
    Type value = expr(*c.args[1], rows);
    if (value != Type::Errore && !isNumeric(value) && fn != AggregateFn::Cerca) {
      diags_.error("E0305", c.args[1]->span,
                   fmt::format("«{}» non si applica a valori di tipo {}", spec.name, typeName(value)),
                   "si sommano e si mediano numeri, percentuali, punti, euro e giorni (per le date: giorni_tra)");
      value = Type::Errore;
    }
    result = value;
  }
  if (fn == AggregateFn::MediaPonderata) {
    Type weight = expr(*c.args[2], rows);
    if (weight != Type::Errore && !isNumeric(weight)) {
      diags_.error("E0305", c.args[2]->span,
                   fmt::format("il peso di «media_ponderata» non può essere di tipo {}", typeName(weight)));
      result = Type::Errore;
    }
  }
  if (c.where) expectType(*c.where, expr(*c.where, rows), Type::Booleano, "dopo «dove»");
  return result;
}

}  // namespace misura::sema
