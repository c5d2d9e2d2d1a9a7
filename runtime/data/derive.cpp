// Computed staff fields (`profilo = se incarico_eq allora "responsabile"
// altrimenti "dipendente"`, `nominativo = cognome + " " + nome`): each row
// is the person the expression sees.
#include <fmt/format.h>

#include "runtime/data/schema.h"
#include "runtime/interp/interp.h"

namespace misura::data {

const ir::Dataset& staffPart(const ir::Module& module, const Row& row) {
  const ir::Dataset& staff = module.datasets.at(ir::kStaff);
  return row.part == 0 ? staff : staff.moreFiles.at(row.part - 1);
}

void deriveStaffFields(const ir::Module& module, Table& staff, FileDiagnostics& fd) {
  for (Row& row : staff.rows) {
    const ir::Dataset& part = staffPart(module, row);
    for (size_t f = 0; f < part.fields.size() && f < row.values.size(); ++f) {
      if (!part.fields[f].derived) continue;
      interp::Context ctx;
      ctx.module = &module;
      ctx.person = &row.values;
      interp::Result r = interp::run(*part.fields[f].derived, ctx);
      row.spans[f] = row.span;
      if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
        fd.report(Diagnostic{"E0545", Severity::Errore, row.span,
                             fmt::format("non si può calcolare «{}» per la matricola «{}»: {}", part.fields[f].name,
                                         row.key.empty() ? std::string() : row.key.front(), e->message),
                             {Label{e->span, "regola del regolamento"}}, e->hint, {}});
        continue;
      }
      row.values[f] = std::get<ir::Value>(std::move(r));
    }
  }
}

}  // namespace misura::data
