// Lookups (`incarichi.retribuzione_posizione`, `fondi.importo di "2024"`,
// `obiettivi_settore.peso` keyed by `settore`): the row of a keyed table
// chosen by the person, the objective and the explicit key values, for any
// chunk that runs in a person's (or no one's) context. A row that is not
// there is Missing (non rilevato), never a silent zero.
#include "runtime/eval/session.h"

namespace misura::eval {

std::string staffText(const Person& p, uint32_t field) {
  if (field >= p.staff->values.size()) return {};
  const ir::Value value = p.staff->values[field];
  const std::string* text = std::get_if<std::string>(&value);
  return text ? *text : std::string();
}

const data::Row* lookupRow(const Session& s, const Person* p, const ir::Objective* o, const ir::CellRef& c) {
  if (c.dataset == ir::kStaff) return p ? p->staff : nullptr;
  if (c.dataset >= s.module.datasets.size() || c.dataset >= s.data.tables.size()) return nullptr;
  std::vector<std::string> key;
  size_t next = 0;
  for (const ir::KeyColumn& k : s.module.datasets[c.dataset].key) {
    switch (k.role) {
      case ir::KeyRole::Persona:
        if (!p) return nullptr;
        key.push_back(p->matricola);
        break;
      case ir::KeyRole::Campo:
        if (!p || !std::holds_alternative<std::string>(p->staff->values.at(k.staffField))) return nullptr;
        key.push_back(staffText(*p, k.staffField));
        break;
      case ir::KeyRole::Obiettivo:
        if (c.objective) key.push_back(s.module.objectives.at(*c.objective).code);
        else if (o) key.push_back(o->code);
        else return nullptr;
        break;
      case ir::KeyRole::Fase:  // only `misura ... su` reads a phase's row
      case ir::KeyRole::Comportamento:
        return nullptr;
      case ir::KeyRole::Libera:
        if (next >= c.keyValues.size()) return nullptr;
        key.push_back(c.keyValues[next++]);
        break;
    }
  }
  return s.data.tables[c.dataset].find(key);
}

namespace {

ir::Value cellValue(const Session& s, const Person* p, const ir::Objective* o, const ir::CellRef& c) {
  const data::Row* row = lookupRow(s, p, o, c);
  return row && c.field < row->values.size() ? row->values[c.field] : ir::Value{ir::Missing{}};
}

Span cellSource(const Session& s, const Person* p, const ir::Objective* o, const ir::CellRef& c) {
  const data::Row* row = lookupRow(s, p, o, c);
  if (!row) return {};
  if (c.field < row->spans.size() && row->spans[c.field].valid()) return row->spans[c.field];
  return row->span;
}

}  // namespace

void addLookups(const Session& s, const Person* p, const ir::Objective* o, interp::Context& ctx) {
  ctx.records = &s.records;
  ctx.recordTails = &s.resultTails;
  ctx.recordSpans = &s.recordSpans;
  if (!o) {  // two captures fit std::function's own storage: no allocation per person
    ctx.cell = [&s, p](const ir::CellRef& c) { return cellValue(s, p, nullptr, c); };
    ctx.cellSource = [&s, p](const ir::CellRef& c) { return cellSource(s, p, nullptr, c); };
    return;
  }
  ctx.cell = [&s, p, o](const ir::CellRef& c) { return cellValue(s, p, o, c); };
  ctx.cellSource = [&s, p, o](const ir::CellRef& c) { return cellSource(s, p, o, c); };
}

}  // namespace misura::eval
