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

}  // namespace

Result foldAggregate(const ir::Aggregate& a, const Context& ctx, int depth) {
  if (depth >= kMaxCallDepth) return internalAt("aggregati annidati troppo in profondità", a.span);
  if (!ctx.records || a.dataset >= ctx.records->size())
    return internalAt(fmt::format("righe della tabella {} non disponibili qui", a.dataset), a.span);
  const bool needsValue = a.kind != ir::AggregateKind::Conta;
  const bool needsWeight = a.kind == ir::AggregateKind::MediaPonderata;
  if (a.value.size() != (needsValue ? 1u : 0u) || a.weight.size() != (needsWeight ? 1u : 0u) || a.where.size() > 1)
    return internalAt("aggregato con parti mancanti", a.span);
  Context rowCtx = ctx;
  rowCtx.trace = nullptr;  // the per-row steps are not part of the explanation
  Rational count, sum, weights;
  for (const std::vector<ir::Value>* row : (*ctx.records)[a.dataset]) {
    rowCtx.row = row;
    if (!a.where.empty()) {
      PartValue c = runPart(a.where[0], rowCtx, depth);
      if (c.error) return std::move(*c.error);
      if (c.missing) return ir::Value{ir::Missing{}};
      const bool* selected = std::get_if<bool>(&c.value);
      if (!selected) return internalAt("condizione «dove» che non è un booleano", a.span);
      if (!*selected) continue;
    }
    count += 1;
    if (!needsValue) continue;
    PartValue v = runPart(a.value[0], rowCtx, depth);
    if (v.error) return std::move(*v.error);
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
    case ir::AggregateKind::Conta: return ir::Value{count};
    case ir::AggregateKind::Somma: return ir::Value{sum};
    case ir::AggregateKind::Media:
      if (count == Rational(0)) return ir::Value{ir::Missing{}};
      return ir::Value{sum / count};
    case ir::AggregateKind::MediaPonderata:
      if (weights == Rational(0)) return ir::Value{ir::Missing{}};
      return ir::Value{sum / weights};
  }
  return internalAt("tipo di aggregato sconosciuto", a.span);
}

}  // namespace misura::interp
