// loadRoster (see roster.h): the staff list read alone, objectives assigned
// as the evaluation would assign them.
#include "runtime/eval/roster.h"

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

// An objective whose `dove` condition needs a data table besides the staff list.
bool needsOtherTables(const ir::Objective& o) {
  return (o.assignment.kind == ir::Assignment::Kind::Dove &&
          (!o.assignment.where.aggregates.empty() || !o.assignment.where.cells.empty())) ||
         o.weightExpr;  // `peso = assegnazioni.peso`: from a table the roster does not read
}

std::optional<uint32_t> nameField(const ir::Module& module) {
  const std::vector<ir::Field>& fields = module.datasets[ir::kStaff].fields;
  for (uint32_t f = 0; f < fields.size(); ++f)
    if (fields[f].name == "nominativo" && fields[f].type == ir::Type::Testo) return f;
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<RosterEntry>> loadRoster(const ir::Module& module, const std::filesystem::path& file,
                                                   SourceManager& sources, Diagnostics& diags) {
  ir::Module plan = module;
  for (ir::Objective& o : plan.objectives) {
    if (!needsOtherTables(o)) continue;
    diags.warning("W0847", o.assignment.span,
                  fmt::format("l'obiettivo {} è assegnato con una condizione sui dati dell'anno: la verifica di "
                              "conformità non ne tiene conto",
                              o.code),
                  "la verifica legge solo l'elenco del personale; per questo obiettivo controlla a mano");
    o.assignment.kind = ir::Assignment::Kind::Matricole;  // nobody
    o.assignment.persons.clear();
  }
  std::optional<data::LoadedData> data = data::loadStaffList(plan, file, sources, diags);
  if (!data) return std::nullopt;
  Session session{plan, *data, diags, {}, false};
  session.records.resize(plan.datasets.size());
  session.recordSpans.resize(plan.datasets.size());
  bool ok = true;
  std::vector<Person> persons = preparePersons(session, ok);
  if (!ok) return std::nullopt;
  std::optional<uint32_t> name = nameField(plan);
  std::vector<RosterEntry> out;
  for (const Person& p : persons) {
    RosterEntry e{p.matricola, {}, p.profile, p.objectives, {}, p.staff->span};
    if (p.weights.size() == p.objectives.size()) e.weights = p.weights;
    e.roles = p.roles;
    if (name)
      if (const ir::Value v = p.staff->values[*name]; std::holds_alternative<std::string>(v)) e.name = std::get<std::string>(v);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace misura::eval
