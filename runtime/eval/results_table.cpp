// `valutati`: after everyone is scored, one row per evaluated person with
// the staff fields, `totale`, `fascia` (its label) and the points of each
// component, for the aggregates of the premio, the funds and the rankings.
#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

std::optional<uint32_t> resultsTable(const ir::Module& m) {
  for (uint32_t d = 0; d < m.datasets.size(); ++d)
    if (m.datasets[d].results) return d;
  return std::nullopt;
}

// The value of results field `name` for person `r` (Missing if the person has none).
ir::Value resultValue(const Session& s, const PersonResult& r, const data::Row& staff, const std::string& name) {
  const ir::Dataset& staffList = s.module.datasets[ir::kStaff];
  for (uint32_t f = 0; f < staffList.fields.size(); ++f)
    if (staffList.fields[f].name == name) return staff.values.at(f);
  const ir::Profile& profile = s.module.profiles[r.profile];
  if (name == "totale") return r.total;
  if (name == "fascia") return r.band ? ir::Value{profile.bands[*r.band].label} : ir::Value{ir::Missing{}};
  for (const ComponentOutcome& c : r.components)
    if (profile.components.at(c.component).name == name && c.points) return *c.points;
  return ir::Missing{};
}

}  // namespace

void fillResults(Session& s, const std::vector<PersonResult>& results) {
  std::optional<uint32_t> table = resultsTable(s.module);
  if (!table) return;
  const ir::Dataset& ds = s.module.datasets[*table];
  const std::vector<data::Row>& staff = s.data.tables.at(ir::kStaff).rows;
  s.resultRows.clear();
  s.resultRows.reserve(results.size());  // stable: records point into it
  std::vector<Span> spans;
  for (const PersonResult& r : results) {
    if (r.status != PersonStatus::Valutato) continue;
    std::vector<ir::Value> row;
    for (const ir::Field& f : ds.fields) row.push_back(resultValue(s, r, staff.at(r.row), f.name));
    s.resultRows.push_back(std::move(row));
    spans.push_back(staff.at(r.row).span);
  }
  s.records.at(*table).clear();
  for (const std::vector<ir::Value>& row : s.resultRows) s.records[*table].push_back(&row);
  s.recordSpans.at(*table) = std::move(spans);
}

}  // namespace misura::eval
