// The parts of an explanation about a rule: its text as written, the values
// of the names it read and its intermediate results, from the
// interpreter's trace (interp::TraceEntry).
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"
#include "runtime/interp/trace_marks.h"

namespace misura::report::detail {

namespace {

constexpr std::string_view kBlanks = " \t\r";

bool isLoad(ir::Op op) {
  switch (op) {
    case ir::Op::LoadParam: case ir::Op::LoadPerson: case ir::Op::LoadComponent: case ir::Op::LoadTotal:
    case ir::Op::LoadBand: case ir::Op::LoadEsito: case ir::Op::LoadCell: case ir::Op::LoadDeadline:
    case ir::Op::Aggregate: case ir::Op::LoadValue: case ir::Op::FoldObjectives:
      return true;
    case ir::Op::PushConst: case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Div:
    case ir::Op::Neg: case ir::Op::AddDays: case ir::Op::SubDays: case ir::Op::DiffDates: case ir::Op::Lt:
    case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq: case ir::Op::Ne: case ir::Op::Not:
    case ir::Op::JumpIfFalse: case ir::Op::Jump: case ir::Op::CallBuiltin: case ir::Op::CallIndicator:
    case ir::Op::Return: case ir::Op::LoadRow: case ir::Op::Scaglioni: case ir::Op::Short: case ir::Op::And:
    case ir::Op::Or: case ir::Op::CallFunction: case ir::Op::LoadFoldItem:
      return false;
  }
  return false;
}

bool sameSpan(Span a, Span b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }

bool inside(Span inner, Span outer) {
  return inner.valid() && inner.file == outer.file && inner.begin >= outer.begin && inner.end <= outer.end;
}

// Source text with comments dropped and every run of blanks made one space;
// a leading or trailing run is kept as one space (the caller trims).
std::string collapse(std::string_view text) {
  std::string out;
  bool inQuotes = false, blank = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!inQuotes && c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      blank = true;
      continue;
    }
    if (!inQuotes && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
      blank = true;
      continue;
    }
    if (c == '"') inQuotes = !inQuotes;
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  if (blank) out += ' ';
  return out;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

size_t indentOf(std::string_view line) {
  size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos ? line.size() : n;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    size_t end = line.find_last_not_of(kBlanks);
    lines.push_back(end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

// A keyed-table cell read by a rule (`rilevazioni.completato di PIAO` in a
// measured expression, a lookup `incarichi.retribuzione_posizione` anywhere),
// shown as written, with the file, the row it was read from and its cell.
std::optional<UsedName> cellName(const Subject& s, const interp::TraceEntry& e, const eval::ObjectiveOutcome* objective) {
  const ir::Dataset& ds = at(s.module.datasets, e.dataset, "tabella");
  UsedName u{sourceLine(s.sources, e.span), e.value, e.type, {}, {}};
  bool inData = e.source.valid() && e.source.file != e.span.file;
  if (!inData) {
    u.origin = "nessuna riga del file «" + ds.file + "» corrisponde: non rilevato";
    return u;
  }
  u.location = location(s.sources, e.source);
  u.origin = "dal file «" + ds.file + "»";
  bool byObjective = false;
  for (const ir::KeyColumn& k : ds.key) byObjective |= k.role == ir::KeyRole::Obiettivo;
  if (byObjective && objective) {
    // The objective of the row: `di CODICE` as written, else the one measured.
    const ir::Objective& obj = objectiveOf(s.module, *objective);
    std::string code = obj.code;
    for (const std::optional<ir::Chunk>* chunk : {&obj.measure.expr, &obj.deadlineExpr})
      if (*chunk && e.operand < (*chunk)->cells.size() && sameSpan((*chunk)->cells[e.operand].span, e.span) &&
          (*chunk)->cells[e.operand].objective)
        code = at(s.module.objectives, *(*chunk)->cells[e.operand].objective, "obiettivo").code;
    u.origin += ", riga dell'obiettivo " + code;
  }
  return u;
}

// "righe 2, 3, 5" (file lines) and ", ..." when the list was cut.
std::string rowList(const Subject& s, const std::vector<Span>& rows, uint32_t count) {
  std::string out;
  for (Span r : rows) {
    if (!r.valid()) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(s.sources.lineCol(r.file, r.begin).line);
  }
  if (out.empty()) return {};
  return (count == 1 ? "riga " : "righe ") + out + (count > rows.size() ? ", ..." : "");
}

// An aggregate over a record table (`conta(fatture dove ...)`), shown as
// written, with its file, the rows it used and those its `dove` excluded.
std::optional<UsedName> aggregateName(const Subject& s, const interp::TraceEntry& e, const eval::ObjectiveOutcome*) {
  UsedName u{sourceLine(s.sources, e.span), e.value, e.type, {}, "aggregato di un registro"};
  if (e.dataset == ir::kStaff || e.dataset >= s.module.datasets.size()) return u;
  const ir::Dataset& table = s.module.datasets[e.dataset];
  if (table.results)  // `valutati`: one row per evaluated person, at their row of the staff list
    u.origin = "dai valutati (righe dell'elenco del personale «" + s.module.datasets[ir::kStaff].file + "»): ";
  else
    u.origin = "dal registro «" + table.file + "»: ";
  u.origin += e.usedCount == 1 ? "1 riga usata" : std::to_string(e.usedCount) + " righe usate";
  if (std::string rows = rowList(s, e.usedRows, e.usedCount); !rows.empty()) u.origin += " (" + rows + ")";
  if (e.excludedCount > 0) {
    u.origin += fmt::format(", {} esclus{} da «dove»", e.excludedCount, e.excludedCount == 1 ? "a" : "e");
    if (std::string rows = rowList(s, e.excludedRows, e.excludedCount); !rows.empty()) u.origin += " (" + rows + ")";
  }
  for (Span r : e.usedRows) u.usedRows.push_back(location(s.sources, r));
  for (Span r : e.excludedRows) u.excludedRows.push_back(location(s.sources, r));
  u.usedCount = e.usedCount;
  u.excludedCount = e.excludedCount;
  u.aggregate = true;
  return u;
}

// The unit of the fold of entry `e` (`somma per ogni obiettivo`): found among
// the chunks of the person's profile and of the funds.
ir::Type foldType(const Subject& s, const interp::TraceEntry& e) {
  std::vector<const ir::Chunk*> chunks;
  if (s.profile.premio) chunks.push_back(&*s.profile.premio);
  for (const ir::Component& c : s.profile.components) chunks.push_back(&c.expr);
  for (const ir::Fund& f : s.module.funds) chunks.push_back(&f.quota);
  for (const ir::Chunk* c : chunks)
    if (e.operand < c->folds.size() && inside(c->folds[e.operand].span, e.span)) return c->folds[e.operand].type;
  return ir::Type::Numero;
}

// The name read by a Load entry, or nullopt for other entries.
std::optional<UsedName> nameOf(const Subject& s, const interp::TraceEntry& e, const eval::ObjectiveOutcome* objective) {
  switch (e.op) {
    case ir::Op::LoadParam: {
      if (!objective) return std::nullopt;
      const ir::Objective& obj = objectiveOf(s.module, *objective);
      const ir::Indicator& ind = at(s.module.indicators, obj.measure.indicator, "indicatore");
      if (e.operand >= ind.slots.size() || e.operand >= ind.slotNames.size()) return std::nullopt;
      UsedName u{ind.slotNames[e.operand], e.value, ind.slots[e.operand], {}, {}};
      if (e.operand == 0) {
        u.location = location(s.sources, objective->dataSpan);
        u.origin = obj.measure.expr ? "valore misurato, calcolato dall'espressione dopo «su»" : "valore rilevato";
      } else if (e.operand - 1 < obj.measure.args.size()) {
        const ir::Chunk& arg = obj.measure.args[e.operand - 1];
        u.location = location(s.sources, arg.span);
        u.origin = "argomento della misura: " + sourceLine(s.sources, arg.span);
      }
      return u;
    }
    case ir::Op::LoadPerson: {
      const ir::Field& field = at(at(s.module.datasets, ir::kStaff, "tabella").fields, e.operand, "campo");
      UsedName u{field.name, e.value, field.type, {}, "dato della persona"};
      if (e.operand < s.person.staffCells.size()) u.location = location(s.sources, s.person.staffCells[e.operand]);
      return u;
    }
    case ir::Op::LoadComponent: {
      const ir::Component& c = at(s.profile.components, e.operand, "componente");
      return UsedName{c.name, e.value, ir::Type::Punti, {}, "punti della componente"};
    }
    case ir::Op::LoadTotal:
      return UsedName{"totale", e.value, ir::Type::Punti, {},
                      s.profile.totalRounding ? "totale arrotondato" : "totale, senza arrotondamento"};
    case ir::Op::LoadBand: {
      std::string origin = "percentuale della fascia";
      if (s.person.band) origin += " «" + at(s.profile.bands, *s.person.band, "fascia").label + "»";
      return UsedName{"fascia", e.value, ir::Type::Percentuale, {}, origin};
    }
    case ir::Op::LoadEsito: {
      const ir::Objective& o = at(s.module.objectives, e.operand, "obiettivo");
      return UsedName{"esito(" + o.code + ")", e.value, ir::Type::Percentuale, {}, "esito dell'obiettivo «" + o.title + "»"};
    }
    case ir::Op::PushConst: case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul: case ir::Op::Div:
    case ir::Op::Neg: case ir::Op::AddDays: case ir::Op::SubDays: case ir::Op::DiffDates: case ir::Op::Lt:
    case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq: case ir::Op::Ne: case ir::Op::Not:
    case ir::Op::JumpIfFalse: case ir::Op::Jump: case ir::Op::CallBuiltin: case ir::Op::CallIndicator:
    case ir::Op::Return: case ir::Op::LoadRow: case ir::Op::Scaglioni: case ir::Op::Short: case ir::Op::And:
    case ir::Op::Or: case ir::Op::CallFunction: case ir::Op::LoadFoldItem:
      break;
    case ir::Op::LoadValue: {
      const ir::NamedValue& v = at(s.module.values, e.operand, "valore");
      UsedName u{v.name, e.value, v.body.type, location(s.sources, v.span),
                 "valore: " + sourceLine(s.sources, v.body.span)};
      return u;
    }
    case ir::Op::FoldObjectives:
      return UsedName{sourceLine(s.sources, e.span), e.value, foldType(s, e), {}, "somma sugli obiettivi della persona"};
    case ir::Op::Aggregate: return aggregateName(s, e, objective);
    case ir::Op::LoadCell: return cellName(s, e, objective);
    case ir::Op::LoadDeadline:
      if (!objective) return std::nullopt;
      return UsedName{"termine", e.value, ir::Type::Data, {}, "termine dell'obiettivo, calcolato per la persona"};
  }
  return std::nullopt;
}

// The text at `outer`, on one line, with each name read inside it replaced
// by its value. `replaced` counts the names replaced.
std::string substitute(const Subject& s, Span outer, const std::vector<interp::TraceEntry>& trace,
                       const eval::ObjectiveOutcome* objective, size_t& replaced) {
  struct Piece {
    Span span;
    std::string text;
  };
  std::vector<Piece> pieces;
  for (const interp::TraceEntry& e : trace) {
    if (!isLoad(e.op) || !inside(e.span, outer)) continue;
    if (std::optional<UsedName> u = nameOf(s, e, objective)) pieces.push_back(Piece{e.span, shown(u->value, u->type)});
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.span.begin < b.span.begin; });
  std::string_view text = s.sources.text(outer.file);
  std::string out;
  uint32_t pos = outer.begin;
  replaced = 0;
  for (const Piece& p : pieces) {
    if (p.span.begin < pos) continue;  // the same name traced twice, or nested: keep the first
    out += collapse(text.substr(pos, p.span.begin - pos));
    out += p.text;
    pos = p.span.end;
    ++replaced;
  }
  out += collapse(text.substr(pos, outer.end - pos));
  return trim(out);
}

// The unit of a step's value, when it can be told from the plan alone.
std::optional<ir::Type> stepType(const interp::TraceEntry& e, const ir::Chunk& chunk) {
  switch (e.op) {
    case ir::Op::Lt: case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq: case ir::Op::Ne:
      return ir::Type::Booleano;
    case ir::Op::CallIndicator: return ir::Type::Percentuale;
    case ir::Op::Short: case ir::Op::And: case ir::Op::Or: case ir::Op::LoadValue: case ir::Op::FoldObjectives:
    case ir::Op::LoadFoldItem:
      return std::nullopt;
    case ir::Op::CallFunction: return std::nullopt;  // see ruleSteps: the function's own type
    case ir::Op::Scaglioni:
      if (e.operand < chunk.steps.size()) return chunk.steps[e.operand].type;
      return std::nullopt;
    case ir::Op::CallBuiltin:
      if (e.operand == interp::kRoundingInput) return std::nullopt;  // see ruleSteps
      break;
    case ir::Op::PushConst: case ir::Op::LoadParam: case ir::Op::LoadPerson: case ir::Op::LoadComponent:
    case ir::Op::LoadTotal: case ir::Op::LoadBand: case ir::Op::LoadEsito: case ir::Op::Add: case ir::Op::Sub: case ir::Op::Mul:
    case ir::Op::Div: case ir::Op::Neg: case ir::Op::AddDays: case ir::Op::SubDays: case ir::Op::DiffDates:
    case ir::Op::Not: case ir::Op::JumpIfFalse: case ir::Op::Jump: case ir::Op::Return: case ir::Op::LoadRow:
    case ir::Op::Aggregate: case ir::Op::LoadCell: case ir::Op::LoadDeadline:
      return std::nullopt;
  }
  switch (static_cast<ir::Builtin>(e.operand)) {
    case ir::Builtin::GiorniTra:
    case ir::Builtin::GiorniAnno:
    case ir::Builtin::GiorniServizio:
    case ir::Builtin::GiorniNelPeriodo:
      return ir::Type::Giorni;
    case ir::Builtin::MesiIniziatiTra:
    case ir::Builtin::MesiInteriTra:
    case ir::Builtin::AnniInteriTra:
    case ir::Builtin::AnnoValutazione: return ir::Type::Numero;
    case ir::Builtin::Rilevato:
    case ir::Builtin::Contiene:
    case ir::Builtin::IniziaCon: return ir::Type::Booleano;
    // Same unit as the arguments, which the plan does not record: known
    // only when the call is the whole expression.
    case ir::Builtin::Minimo:
    case ir::Builtin::Massimo:
    case ir::Builtin::Arrotonda:
      if (sameSpan(e.span, chunk.span)) return chunk.type;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::string num(const Rational& q) { return formatExact(q, 6, false); }

std::string exactNote(const Rational& q) { return isExactAt(q, 6) ? "" : " (esatto: " + q.toFraction() + ")"; }

std::string percentNote(const Rational& fraction) {
  Rational percent = fraction * 100;
  return isExactAt(percent, 6) ? "" : " (esatto: " + percent.toFraction() + "%)";
}

std::string shown(const ir::Value& value, ir::Type type) {
  if (const Rational* q = std::get_if<Rational>(&value); q && type == ir::Type::Euro)
    return (isExactAt(*q, 2) ? formatItalian(*q, 2, true) : formatExact(*q, 6, true)) + " €";
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "vero" : "falso";
  if (const std::string* text = std::get_if<std::string>(&value)) return "\"" + *text + "\"";
  return valueText(value, type);
}

std::string sourceText(const SourceManager& sources, Span span) {
  if (!span.valid()) return {};
  std::string_view file = sources.text(span.file);
  LineCol lc = sources.lineCol(span.file, span.begin);
  uint32_t lineStart = sources.lineStart(span.file, lc.line);
  std::string_view before = file.substr(lineStart, span.begin - lineStart);
  std::vector<std::string_view> lines = splitLines(file.substr(span.begin, span.end - span.begin));
  // The first line's indentation is what precedes it, if only blanks do.
  size_t common = before.find_first_not_of(" \t") == std::string_view::npos ? before.size() : std::string_view::npos;
  for (size_t i = 1; i < lines.size(); ++i)
    if (!lines[i].empty()) common = std::min(common, indentOf(lines[i]));
  if (common == std::string_view::npos) common = 0;
  std::string out(lines.front());
  for (size_t i = 1; i < lines.size(); ++i) {
    out += '\n';
    if (!lines[i].empty()) out += lines[i].substr(common);
  }
  return out;
}

std::string sourceLine(const SourceManager& sources, Span span) {
  if (!span.valid()) return {};
  return trim(collapse(sources.slice(span)));
}

std::vector<UsedName> usedNames(const Subject& s, const std::vector<interp::TraceEntry>& trace,
                                const eval::ObjectiveOutcome* objective) {
  std::vector<UsedName> names;
  for (const interp::TraceEntry& e : trace) {
    std::optional<UsedName> u = nameOf(s, e, objective);
    if (!u) continue;
    bool seen = std::any_of(names.begin(), names.end(), [&](const UsedName& n) { return n.name == u->name; });
    if (!seen) names.push_back(std::move(*u));
  }
  return names;
}

std::vector<RuleStep> ruleSteps(const Subject& s, const ir::Chunk& chunk, const std::vector<interp::TraceEntry>& trace,
                                const eval::ObjectiveOutcome* objective) {
  std::vector<RuleStep> steps;
  for (const interp::TraceEntry& e : trace) {
    if (e.op == ir::Op::LoadFoldItem) {  // one term of `somma per ogni obiettivo (...)`
      ir::Type t = ir::Type::Numero;
      for (const ir::Chunk& f : chunk.folds)
        if (sameSpan(f.span, e.span)) t = f.type;
      const std::string code = e.operand < s.module.objectives.size() ? s.module.objectives[e.operand].code : "?";
      steps.push_back(RuleStep{"per l'obiettivo " + code + ", " + sourceLine(s.sources, e.span), {}, shown(e.value, t)});
      continue;
    }
    if (e.op == ir::Op::CallBuiltin && e.operand == interp::kRoundingInput) {  // `arrotonda`: the value before
      std::optional<ir::Type> t = sameSpan(e.span, chunk.span) ? std::optional(chunk.type) : std::nullopt;
      if (t && std::holds_alternative<Rational>(e.value))
        steps.push_back(RuleStep{"prima di arrotondare, " + sourceLine(s.sources, e.span), {}, shown(e.value, *t)});
      continue;
    }
    if (e.op == ir::Op::CallFunction && e.operand < s.module.functions.size() && e.span.valid()) {
      // A `funzione`: its own line, with its definition, even when it is the whole rule.
      const ir::Function& f = s.module.functions[e.operand];
      RuleStep step{sourceLine(s.sources, e.span) + ", con la funzione " + f.name + " = " +
                        sourceLine(s.sources, f.body.span) + " (" + location(s.sources, f.span) + ")",
                    {}, shown(e.value, f.body.type)};
      size_t replaced = 0;
      std::string with = substitute(s, e.span, trace, objective, replaced);
      if (replaced > 0) step.withValues = std::move(with);
      steps.push_back(std::move(step));
      continue;
    }
    std::optional<ir::Type> type = stepType(e, chunk);
    // The whole rule is not a step: its value is the result, shown anyway.
    if (!type || !e.span.valid() || sameSpan(e.span, chunk.span)) continue;
    RuleStep step{sourceLine(s.sources, e.span), {}, shown(e.value, *type)};
    size_t replaced = 0;
    std::string with = substitute(s, e.span, trace, objective, replaced);
    if (replaced > 0) step.withValues = std::move(with);
    steps.push_back(std::move(step));
  }
  return steps;
}

std::optional<std::string> withValues(const Subject& s, const ir::Chunk& chunk,
                                      const std::vector<interp::TraceEntry>& trace,
                                      const eval::ObjectiveOutcome* objective) {
  size_t loads = 0;
  for (const ir::Instr& in : chunk.code) {
    if (in.op == ir::Op::JumpIfFalse || in.op == ir::Op::Short) return std::nullopt;  // a branch: some names were not read
    if (isLoad(in.op)) ++loads;
  }
  if (loads == 0 || !chunk.span.valid()) return std::nullopt;
  size_t replaced = 0;
  std::string text = substitute(s, chunk.span, trace, objective, replaced);
  if (replaced != loads) return std::nullopt;  // the run stopped before reading them all
  return text;
}

}  // namespace misura::report::detail
