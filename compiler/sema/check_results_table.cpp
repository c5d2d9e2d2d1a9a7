// `valutati`: the register of the evaluated persons, one row each with the
// staff fields and the results (`totale`, `fascia`, the components). Its
// aggregates (`conta(valutati dove fascia = "Prima")`, `media(valutati.totale)`)
// are quantities over the staff: known only once everyone is scored, so they
// may be read only where the evaluation comes after every score (premio,
// parti, fondi, graduatorie); anywhere else they would read the person's own
// result before it exists (E0680).
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

std::optional<ast::TypeName> typeNameOf(Type t) {
  switch (t) {
    case Type::Testo: return ast::TypeName::Testo;
    case Type::Numero: return ast::TypeName::Numero;
    case Type::Percentuale: return ast::TypeName::Percentuale;
    case Type::Punti: return ast::TypeName::Punti;
    case Type::Euro: return ast::TypeName::Euro;
    case Type::Data: return ast::TypeName::Data;
    case Type::Giorni: return ast::TypeName::Giorni;
    case Type::Booleano: return ast::TypeName::Booleano;
    case Type::Errore: return std::nullopt;
  }
  return std::nullopt;
}

ast::Field resultField(const std::string& name, ast::TypeName type, Span at) {
  ast::Field f;
  f.name = ast::Ident{name, at};
  f.type = type;
  f.optional = true;
  return f;
}

}  // namespace

void Checker::addResultsTable() {
  if (datasetIndex_.count(kResultsTable) || out_.datasets.empty()) return;  // a `dati valutati` of the regolamento: that one
  const ast::Dataset& staff = *out_.datasets.at(0).decl;
  auto table = std::make_shared<ast::Dataset>();
  table->name = ast::Ident{kResultsTable, staff.span};
  table->span = staff.span;
  for (uint32_t f = 0; f < staff.fields.size(); ++f) {
    std::optional<ast::TypeName> type = typeNameOf(staffFieldType(f));
    if (type) table->fields.push_back(resultField(staff.fields[f].name.name, *type, staff.fields[f].name.span));
  }
  auto add = [&](const std::string& name, ast::TypeName type, Span at) {
    for (const ast::Field& f : table->fields)
      if (f.name.name == name) return;  // a staff field, or a component of another profile
    table->fields.push_back(resultField(name, type, at));
  };
  add("totale", ast::TypeName::Punti, staff.span);
  add("fascia", ast::TypeName::Testo, staff.span);
  for (const ast::Profile& p : program_.profiles)
    for (const ast::Component& c : p.components) add(c.name.name, ast::TypeName::Punti, c.name.span);
  out_.resultsTable = static_cast<uint32_t>(out_.datasets.size());
  datasetIndex_.emplace(kResultsTable, *out_.resultsTable);
  out_.resultsDecl = table;
  out_.datasets.push_back(DatasetInfo{table.get(), {}, {}});
}

// E0680 when an aggregate over `valutati` is read where the persons' results
// are not all known yet.
bool Checker::resultsReadable(const ast::Expr& e, const Scope& scope) {
  bool afterScores = scope.kind == Scope::Kind::ProfileResult || scope.kind == Scope::Kind::FundQuota ||
                     (scope.kind == Scope::Kind::FundAmount && !scope.rowTable && !scope.objective);
  if (afterScores) return out_.resultsUsed = true;
  diags_.error("E0680", e.span,
               "ciclo: «valutati» riassume i risultati di tutti, e qui si sta calcolando il risultato di ciascuno "
               "(che ne farebbe parte)",
               "i riepiloghi sui valutati (quanti sono, quanti in una fascia, il totale medio) si usano nel premio, "
               "nelle parti del premio, nell'importo e nella quota di un fondo e nelle graduatorie");
  return false;
}

}  // namespace misura::sema
