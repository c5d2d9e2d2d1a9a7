// `obiettivi da TABELLA`: the objectives that the rows of a table declare,
// made once the data is loaded and before anyone is assigned anything. Each
// objective code of the table (first occurrence, in row order) whose row
// meets `dove` becomes a copy of the block's body with that code and its
// `titolo`; from then on it is an objective like a declared one.
#include <set>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

// Runs `dove` or `titolo` for the objective `o` of `row`: a lookup in the
// block's own table reads `row` (whatever its key), any other as usual.
interp::Result runForRow(const Session& s, const ir::ObjectiveTemplate& t, const data::Row& row, const ir::Objective& o,
                         const ir::Chunk& chunk) {
  interp::Context ctx;
  ctx.module = &s.module;
  addLookups(s, nullptr, &o, ctx);
  auto cell = ctx.cell;
  auto cellSource = ctx.cellSource;
  ctx.cell = [&, cell](const ir::CellRef& c) -> ir::Value {
    if (c.dataset != t.dataset) return cell(c);
    return c.field < row.values.size() ? row.values[c.field] : ir::Value{ir::Missing{}};
  };
  ctx.cellSource = [&, cellSource](const ir::CellRef& c) -> Span {
    if (c.dataset != t.dataset) return cellSource(c);
    return c.field < row.spans.size() && row.spans[c.field].valid() ? row.spans[c.field] : row.span;
  };
  return interp::run(chunk, ctx);
}

// E0612/E0613 at the row (and the block), false.
bool rowError(const Session& s, const char* code, const data::Row& row, const ir::ObjectiveTemplate& t,
              std::string message, std::string hint) {
  s.diags.report(Diagnostic{code, Severity::Errore, row.span, std::move(message), {Label{t.span, "il blocco che legge gli obiettivi"}},
                            std::move(hint), {}});
  return false;
}

// The value of `chunk` for `o`, or a reported error (false).
bool evaluateForRow(const Session& s, const ir::ObjectiveTemplate& t, const data::Row& row, const ir::Objective& o,
                    const ir::Chunk& chunk, const char* what, ir::Value& out) {
  interp::Result r = runForRow(s, t, row, o, chunk);
  if (const auto* e = std::get_if<interp::RuntimeError>(&r)) {
    s.diags.report(Diagnostic{e->code, Severity::Errore, e->span,
                              fmt::format("obiettivo {} letto dai dati, {}: {}", o.code, what, e->message),
                              {Label{row.span, "la riga dell'obiettivo"}}, e->hint, {}});
    return false;
  }
  out = std::get<ir::Value>(r);
  return true;
}

// The objective of `row`, if the row makes one (false on a reported error).
bool objectiveOfRow(const Session& s, uint32_t index, const data::Row& row, std::optional<ir::Objective>& out) {
  const ir::ObjectiveTemplate& t = s.module.objectiveTemplates[index];
  ir::Objective o = t.body;
  o.code = row.key.at(t.codeColumn);
  o.title = o.code;
  o.fromTemplate = index;
  o.row = row.span;
  ir::Value v;
  if (t.where) {
    if (!evaluateForRow(s, t, row, o, *t.where, "condizione «dove»", v)) return false;
    const bool* keep = std::get_if<bool>(&v);
    if (!keep || !*keep) return true;  // non rilevato counts as false, as in `assegnato a personale dove`
  }
  if (t.title) {
    if (!evaluateForRow(s, t, row, o, *t.title, "titolo", v)) return false;
    const std::string* title = std::get_if<std::string>(&v);
    if (!title || title->empty())
      return rowError(s, "E0613", row, t, fmt::format("il titolo dell'obiettivo {} non è rilevato", o.code),
                      "completa nel file la cella del titolo, o togli «titolo =» per usare il codice");
    o.title = *title;
  }
  out = std::move(o);
  return true;
}

}  // namespace

bool expandObjectives(const Session& s, std::vector<ir::Objective>& objectives) {
  bool ok = true;
  std::map<std::string, Span> codes;  // every objective so far: where it was declared or read
  for (const ir::Objective& o : objectives) codes.emplace(o.code, o.span);
  for (uint32_t i = 0; i < s.module.objectiveTemplates.size(); ++i) {
    const ir::ObjectiveTemplate& t = s.module.objectiveTemplates[i];
    std::set<std::string> seen;  // a register keyed by (matricola, obiettivo) lists a code many times
    for (const data::Row& row : s.data.tables.at(t.dataset).rows) {
      if (!seen.insert(row.key.at(t.codeColumn)).second) continue;
      std::optional<ir::Objective> o;
      if (!objectiveOfRow(s, i, row, o)) {
        ok = false;
        continue;
      }
      if (!o) continue;
      auto [it, fresh] = codes.emplace(o->code, row.span);
      if (!fresh) {
        s.diags.report(Diagnostic{"E0612", Severity::Errore, row.keySpans.at(t.codeColumn),
                                  fmt::format("l'obiettivo {} è già dichiarato", o->code), {Label{it->second, "qui"}},
                                  "un codice si dichiara una volta sola: nel regolamento o nei dati", {}});
        ok = false;
        continue;
      }
      objectives.push_back(std::move(*o));
    }
  }
  return ok;
}

}  // namespace misura::eval
