// Op::Aggregate: conta, somma, media, media_ponderata over a record table.
// Totality: one pass over a finite list of rows, each part a chunk that
// itself terminates; nested aggregates count towards kMaxCallDepth.
//
// Missing ("non rilevato") is never turned into a number: a Missing value,
// weight or `dove` condition on any row makes the whole result Missing.
// An empty selection: conta 0, somma 0, media and media_ponderata Missing;
// media_ponderata is Missing also when the weights add up to 0.
#include "runtime/interp/aggregate.h"

#include <fmt/format.h>

#include "runtime/interp/values.h"
#include "runtime/interp/memo.h"

namespace misura::interp {

namespace {

RuntimeError internalAt(const std::string& what, Span span) {
  Failure f = internalFailure(what);
  return RuntimeError{std::move(f.code), span, std::move(f.message), std::move(f.hint)};
}

// The value of one part on the current row, whether it is Missing, or the error.
struct PartValue {
  std::optional<RuntimeError> error;
  bool missing = false;
  ir::Value value;
};

PartValue runPart(const ir::Chunk& chunk, const Context& rowCtx, int depth) {
  Result r = executeAt(chunk, rowCtx, depth + 1);
  if (RuntimeError* e = std::get_if<RuntimeError>(&r)) return PartValue{std::move(*e), false, {}};
  ir::Value v = std::get<ir::Value>(std::move(r));
  bool missing = std::holds_alternative<ir::Missing>(v);
  return PartValue{std::nullopt, missing, std::move(v)};
}

// The `dove` condition on a row: remembered by the fields it reads, when it can be.
PartValue whereOf(const ir::Chunk& where, const Context& rowCtx, int depth, ChunkMemo& memo, std::string& key) {
  if (const ir::Value* known = memo.find(rowCtx, key))
    return PartValue{std::nullopt, std::holds_alternative<ir::Missing>(*known), *known};
  PartValue c = runPart(where, rowCtx, depth);
  if (!c.error) memo.remember(key, c.value);
  return c;
}

// The span of row `i` of `dataset`, if known.
Span rowSpan(const Context& ctx, uint32_t dataset, size_t i) {
  if (!ctx.recordSpans || dataset >= ctx.recordSpans->size() || i >= (*ctx.recordSpans)[dataset].size()) return {};
  return (*ctx.recordSpans)[dataset][i];
}

void noteRow(std::vector<Span>& rows, uint32_t& count, Span span) {
  if (rows.size() < kMaxTracedRows) rows.push_back(span);
  ++count;
}

// E0640: `cerca` selected more than one row.
RuntimeError ambiguous(const ir::Aggregate& a, const Context& ctx, const std::vector<size_t>& rows) {
  std::vector<Span> spans;
  for (size_t i : rows) spans.push_back(rowSpan(ctx, a.dataset, i));
  RuntimeError e{"E0640", a.span,
                 fmt::format("«cerca» ha trovato {} righe che soddisfano la condizione: deve essercene una sola", rows.size()),
                 "rendi la condizione dopo «dove» più precisa, o correggi le righe ripetute nel file"};
  e.rows = std::move(spans);
  return e;
}

}  // namespace

Result foldAggregate(const ir::Aggregate& a, const Context& ctx, int depth, TraceEntry* trace) {
  if (depth >= kMaxCallDepth) return internalAt("aggregati annidati troppo in profondità", a.span);
  if (!ctx.records || a.dataset >= ctx.records->size())
    return internalAt(fmt::format("righe della tabella {} non disponibili qui", a.dataset), a.span);
  const bool needsValue = a.kind != ir::AggregateKind::Conta;
  const bool needsWeight = a.kind == ir::AggregateKind::MediaPonderata;
  if (a.value.size() != (needsValue ? 1u : 0u) || a.weight.size() != (needsWeight ? 1u : 0u) || a.where.size() > 1)
    return internalAt("aggregato con parti mancanti", a.span);
  Context rowCtx = ctx;
  rowCtx.trace = nullptr;  // the per-row steps are not part of the explanation
  uint64_t count = 0;  // a whole number: no fraction per row
  Rational sum, weights;
  std::optional<ir::Value> found;   // Cerca: the value on the selected row
  std::vector<size_t> foundRows;    // Cerca: the rows selected
  const std::vector<const ir::Record*>& rows = (*ctx.records)[a.dataset];
  const RecordTails* tails = ctx.recordTails && ctx.recordTails->dataset == a.dataset ? ctx.recordTails : nullptr;
  if (tails && tails->count != rows.size()) return internalAt("righe dei valutati incomplete", a.span);
  rowCtx.rowSplit = tails ? tails->split : 0;
  // `dove` usually reads a text field or two: run once per distinct value (memo.h).
  std::optional<ChunkMemo> whereMemo;
  if (!a.where.empty()) whereMemo.emplace(a.where[0]);
  std::string key;
  for (size_t i = 0; i < rows.size(); ++i) {
    rowCtx.row = rows[i];
    rowCtx.rowTail = tails ? std::optional(tails->tail(i)) : std::nullopt;
    if (!a.where.empty()) {
      PartValue c = whereOf(a.where[0], rowCtx, depth, *whereMemo, key);
      if (c.error) return std::move(*c.error);
      if (c.missing) return ir::Value{ir::Missing{}};
      const bool* selected = std::get_if<bool>(&c.value);
      if (!selected) return internalAt("condizione «dove» che non è un booleano", a.span);
      if (!*selected) {
        if (trace) noteRow(trace->excludedRows, trace->excludedCount, rowSpan(ctx, a.dataset, i));
        continue;
      }
    }
    if (trace) noteRow(trace->usedRows, trace->usedCount, rowSpan(ctx, a.dataset, i));
    ++count;
    if (!needsValue) continue;
    PartValue v = runPart(a.value[0], rowCtx, depth);
    if (v.error) return std::move(*v.error);
    if (a.kind == ir::AggregateKind::Cerca) {  // any type; Missing is the value of that cell
      foundRows.push_back(i);
      if (!found) found = std::move(v.value);
      continue;
    }
    if (v.missing) return ir::Value{ir::Missing{}};
    const Rational* x = std::get_if<Rational>(&v.value);
    if (!x) return internalAt("valore da aggregare che non è un numero", a.span);
    if (!needsWeight) {
      sum += *x;
      continue;
    }
    PartValue w = runPart(a.weight[0], rowCtx, depth);
    if (w.error) return std::move(*w.error);
    if (w.missing) return ir::Value{ir::Missing{}};
    const Rational* p = std::get_if<Rational>(&w.value);
    if (!p) return internalAt("peso che non è un numero", a.span);
    sum += *x * *p;
    weights += *p;
  }
  switch (a.kind) {
    case ir::AggregateKind::Conta: return ir::Value{Rational(static_cast<long>(count))};
    case ir::AggregateKind::Somma: return ir::Value{sum};
    case ir::AggregateKind::Media:
      if (count == 0) return ir::Value{ir::Missing{}};
      return ir::Value{sum / Rational(static_cast<long>(count))};
    case ir::AggregateKind::MediaPonderata:
      if (weights == Rational(0)) return ir::Value{ir::Missing{}};
      return ir::Value{sum / weights};
    case ir::AggregateKind::Cerca:
      if (foundRows.size() > 1) return ambiguous(a, ctx, foundRows);
      if (!found) return ir::Value{ir::Missing{}};  // no row: non rilevato, never a silent 0
      return std::move(*found);
  }
  return internalAt("tipo di aggregato sconosciuto", a.span);
}

}  // namespace misura::interp
