// Milestone phases of an objective, `fasi { F1 "..." peso 40 termine 15/01/2024 ... }`:
//   E0298 an empty `fasi`, or a phase code written twice
//   E0450 a phase weight that is not positive
//   E0451 `termine` written both on the objective and on its phases
//   E0452 the measure's table and the phases disagree: with phases the table is
//         keyed by (obiettivo, fase) or (matricola, obiettivo, fase); without, it has no `fase`
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

void Checker::checkPhases(ObjectiveInfo& info, const ast::Phases& phases) {
  const ast::Objective& o = *info.decl;
  if (phases.items.empty()) {
    diags_.error("E0298", phases.span, fmt::format("le fasi dell'obiettivo «{}» sono vuote", o.code.name),
                 "scrivi una riga per fase, come: F1 \"Predisposizione\" peso 40 termine 15/01/2024");
    return;
  }
  for (size_t i = 0; i < phases.items.size(); ++i) {
    const ast::Phase& f = phases.items[i];
    for (size_t j = 0; j < i; ++j)
      if (phases.items[j].code.name == f.code.name)
        diags_.report(Diagnostic{"E0298", Severity::Errore, f.code.span,
                                 fmt::format("la fase «{}» è scritta due volte", f.code.name),
                                 {Label{phases.items[j].code.span, "già qui"}}, "dai a ogni fase un codice diverso", {}});
    if (f.weight <= 0) diags_.error("E0450", f.weightSpan, "il peso di una fase deve essere maggiore di zero");
  }
  if (!o.deadlines.empty()) {
    diags_.error("E0451", o.deadlines[0].span,
                 fmt::format("l'obiettivo «{}» ha le fasi: il termine si scrive in ogni fase", o.code.name),
                 "togli la riga «termine» dell'obiettivo: nella misura «termine» è il termine di ciascuna fase");
    return;
  }
  info.phases = &phases;
  info.deadline = phases.items[0].deadline;  // sema types `termine`; lowering uses each phase's own
}

void Checker::checkPhaseKey(const ObjectiveInfo& info, const DatasetInfo& ds, const ast::Ident& table) {
  auto has = [&](KeyRole r) { return std::find(ds.keyRoles.begin(), ds.keyRoles.end(), r) != ds.keyRoles.end(); };
  bool withPhases = !info.decl->phases.empty();
  if (withPhases && (!has(KeyRole::Fase) || !has(KeyRole::Obiettivo)))
    diags_.error("E0452", table.span,
                 fmt::format("l'obiettivo «{}» ha le fasi, ma la tabella «{}» non ha la chiave (obiettivo, fase)",
                             info.decl->code.name, table.name),
                 "per esempio: dati rilevazioni_fasi da \"fasi.csv\" chiave (obiettivo, fase) { ... }");
  else if (!withPhases && has(KeyRole::Fase))
    diags_.error("E0452", table.span,
                 fmt::format("la tabella «{}» ha la chiave «fase», ma l'obiettivo «{}» non dichiara le fasi",
                             table.name, info.decl->code.name),
                 "aggiungi all'obiettivo: fasi { F1 \"...\" peso 50 termine 31/12/2024 ... }");
}

}  // namespace misura::sema
