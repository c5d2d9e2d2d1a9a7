// `valutati`: after everyone is scored, one row per evaluated person with
// the staff fields, `totale`, `fascia` (its label) and the points of each
// component, for the aggregates of the premio, the funds and the rankings.
#include <algorithm>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

std::optional<uint32_t> resultsTable(const ir::Module& m) {
  for (uint32_t d = 0; d < m.datasets.size(); ++d)
    if (m.datasets[d].results) return d;
  return std::nullopt;
}

// Where each column of `valutati` comes from, decided once by name: a staff
// field, `totale`, `fascia`, or a component (by profile: its index there).
struct Column {
  enum class Kind { Staff, Totale, Fascia, Component } kind = Kind::Component;
  uint32_t staffField = 0;
  std::vector<std::optional<uint32_t>> component;  // per profile
};

std::vector<Column> columnsOf(const ir::Module& m, const ir::Dataset& table) {
  std::vector<Column> out;
  const std::vector<ir::Field>& staff = m.datasets[ir::kStaff].fields;
  for (const ir::Field& f : table.fields) {
    Column c;
    auto field = std::find_if(staff.begin(), staff.end(), [&](const ir::Field& s) { return s.name == f.name; });
    if (field != staff.end()) {
      c.kind = Column::Kind::Staff;
      c.staffField = static_cast<uint32_t>(field - staff.begin());
    } else if (f.name == "totale") {
      c.kind = Column::Kind::Totale;
    } else if (f.name == "fascia") {
      c.kind = Column::Kind::Fascia;
    } else {
      for (const ir::Profile& p : m.profiles) {
        std::optional<uint32_t> at;
        for (uint32_t k = 0; k < p.components.size(); ++k)
          if (p.components[k].name == f.name) at = k;
        c.component.push_back(at);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Column `c` for person `r` (Missing where the person has no such value).
ir::Value resultValue(const ir::Module& m, const Column& c, const PersonResult& r, const data::Row& staff) {
  switch (c.kind) {
    case Column::Kind::Staff: return staff.values.at(c.staffField);
    case Column::Kind::Totale: return r.total;
    case Column::Kind::Fascia:
      return r.band ? ir::Value{m.profiles[r.profile].bands[*r.band].label} : ir::Value{ir::Missing{}};
    case Column::Kind::Component: {
      std::optional<uint32_t> k = c.component.at(r.profile);
      for (const ComponentOutcome& o : r.components)
        if (k && o.component == *k && o.points) return *o.points;
      return ir::Missing{};
    }
  }
  return ir::Missing{};
}

}  // namespace

void fillResults(Session& s, const std::vector<PersonResult>& results) {
  std::optional<uint32_t> table = resultsTable(s.module);
  if (!table) return;
  const std::vector<Column> columns = columnsOf(s.module, s.module.datasets[*table]);
  const std::vector<data::Row>& staff = s.data.tables.at(ir::kStaff).rows;
  // The leading columns that are the staff fields in their own order are
  // read from the staff row itself (interp::RecordTails): not copied.
  uint32_t split = 0;
  while (split < columns.size() && columns[split].kind == Column::Kind::Staff && columns[split].staffField == split)
    ++split;
  s.resultTails = interp::RecordTails{*table, split, static_cast<uint32_t>(columns.size() - split), 0, {}};
  s.resultTails.values.reserve(results.size() * s.resultTails.width);
  s.records.at(*table).clear();
  std::vector<Span> spans;
  for (const PersonResult& r : results) {
    if (r.status != PersonStatus::Valutato) continue;
    const data::Row& row = staff.at(r.row);
    for (size_t c = split; c < columns.size(); ++c)
      s.resultTails.values.push_back(resultValue(s.module, columns[c], r, row));
    ++s.resultTails.count;
    s.records[*table].push_back(&row.values);
    spans.push_back(row.span);
  }
  s.recordSpans.at(*table) = std::move(spans);
}

}  // namespace misura::eval
