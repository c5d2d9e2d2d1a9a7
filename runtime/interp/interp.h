// The interpreter of the evaluation plan: runs one ir::Chunk on a stack
// machine and returns its value, or the runtime error it met.
//
// Contract: run() never throws for any chunk and never loops (jumps must go
// forward, indicator calls nest at most kMaxCallDepth deep); values are
// exact. A chunk that breaks the compiler's invariants (stack underflow,
// operand of the wrong kind, a name the context does not provide) gives the
// runtime error E0600 "errore interno" instead of a crash.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/record.h"

namespace misura::interp {

inline constexpr int kMaxCallDepth = 32;

// One step of a traced run (see Context::trace): an instruction that read a
// name (LoadParam, LoadPerson, LoadComponent, LoadTotal, LoadBand, LoadEsito, LoadCell, LoadDeadline)
// or folded a record table (Aggregate), compared
// two values (Lt .. Ne) or called a function (CallBuiltin, CallIndicator),
// with the value it left on the stack. Explanations show these as "name =
// value" and as the intermediate results of a rule.
struct TraceEntry {
  ir::Op op = ir::Op::Return;
  uint32_t operand = 0;  // Instr::a: the slot, field, component, builtin or indicator
  Span span;             // the source expression the instruction computes
  ir::Value value;
  // Provenance in the data. LoadCell: the cell read (the row, if the cell
  // is absent; invalid if no row matched). Aggregate: its table, the rows
  // it used and the rows its `dove` excluded, the first kMaxTracedRows of
  // each with the full counts.
  Span source;
  uint32_t dataset = 0;
  ir::Type type = ir::Type::Numero;  // LoadCell: the field's type; Aggregate: its value's (numero for conta)
  std::vector<Span> usedRows, excludedRows;
  uint32_t usedCount = 0, excludedCount = 0;
};

// One objective of the person, as `somma per ogni obiettivo (...)` sees it.
struct FoldEntry {
  Rational quota;                // `quota N%` as a fraction; 0 when not declared
  std::optional<Rational> esito;  // absent: neutralised or in error (non rilevato)
  Rational weight;               // the person's weight (0 for `solo per il premio`)
  uint32_t objective = 0;        // index into Module::objectives (for the trace)
};

// How many rows of an aggregate a trace lists (the counts are always whole).
inline constexpr size_t kMaxTracedRows = 10;

// See Context::recordTails.
// The tails lie end to end in one vector (a vector per record would cost
// 40 bytes more each: its header and the allocation).
struct RecordTails {
  uint32_t dataset = UINT32_MAX;
  uint32_t split = 0;
  uint32_t width = 0;             // values per tail
  size_t count = 0;               // records, in the order of Context::records
  std::vector<ir::Value> values;  // tail i: values[i * width, (i + 1) * width)
  std::span<const ir::Value> tail(size_t i) const { return {values.data() + i * width, width}; }
};

// What the names of a chunk refer to while it runs. Absent pieces (null
// pointers, empty optionals) are simply not available in that context: an
// objective's argument chunk sees no person, an indicator sees only its
// arguments, only `premio` sees the total and the band.
struct Context {
  const ir::Module* module = nullptr;                                 // CallIndicator
  std::span<const ir::Value> args;                                    // LoadParam (slot 0: measured value)
  const ir::Record* person = nullptr;                                  // LoadPerson: per staff field
  const std::vector<std::optional<Rational>>* components = nullptr;  // LoadComponent: per profile component
  std::optional<Rational> total;                                      // LoadTotal (after its rounding)
  // A person not evaluated this year, in a graduatoria `compresi i non
  // valutati`: LoadTotal, LoadBand and LoadComponent give non rilevato.
  bool notEvaluated = false;
  std::optional<Rational> band;                                       // LoadBand: the band's percentage
  // LoadEsito: per objective (module order), the person's esito as a fraction;
  // nullopt when not assigned, neutralised or not scored (pushed as Missing).
  const std::vector<std::optional<Rational>>* esiti = nullptr;
  // Record tables (Aggregate): per dataset of the module, the field values of
  // each row in file order; empty for keyed tables. Null: no aggregate here.
  const std::vector<std::vector<const ir::Record*>>* records = nullptr;
  const ir::Record* row = nullptr;  // LoadRow: the row an Aggregate is folding
  // The `valutati` register (runtime/eval/results_table.cpp) does not copy
  // the staff rows: a record of `recordTails->dataset` is its staff row
  // (in `records`) for the first `split` fields, then its own tail.
  const RecordTails* recordTails = nullptr;
  // LoadRow of a field >= rowSplit reads rowTail[field - rowSplit] (when rowTail is set).
  std::optional<std::span<const ir::Value>> rowTail;
  uint32_t rowSplit = 0;
  // giorni_servizio: the person's period of service (both ends included).
  std::optional<DateRange> service;
  // LoadCell: the value of a keyed-table cell for the person (Missing if no
  // row or an empty cell). Empty: no cells here.
  std::function<ir::Value(const ir::CellRef&)> cell;
  // Where the cell that `cell` reads comes from (the data cell, else its
  // row, else invalid): asked only when tracing, for the provenance.
  std::function<Span(const ir::CellRef&)> cellSource;
  // Per dataset, the span of each row of ctx.records (parallel): the rows an
  // aggregate used, in a trace, and the rows of an ambiguous `cerca`.
  const std::vector<std::vector<Span>>* recordSpans = nullptr;
  std::optional<ir::Value> deadline;  // LoadDeadline: the objective's `termine = espressione` for the person
  const std::vector<FoldEntry>* fold = nullptr;  // FoldObjectives: the person's objectives, in module order
  const FoldEntry* foldItem = nullptr;           // LoadFoldItem: the one being summed
  // When set, each traced instruction of this chunk (not of the indicators
  // it calls) appends a TraceEntry, in execution order. Null: no tracing.
  std::vector<TraceEntry>* trace = nullptr;
};

// A runtime error, located at the instruction that raised it.
//   E0600 broken invariant of the plan (a compiler bug, never the user's fault)
//   E0601 division by zero
//   E0607 value not allowed by an operation (non-whole days added to a date,
//         a date out of the calendar range, decimals of arrotonda not 0..20)
struct RuntimeError {
  std::string code;
  Span span;
  std::string message;  // Italian
  std::string hint;
  std::vector<Span> rows = {};  // data rows the error is about (E0640: the rows `cerca` found)
};

using Result = std::variant<ir::Value, RuntimeError>;

// Where Op::LoadRow reads `field` of ctx.row (which must be set): the row's
// own values, or its tail (Context::rowTail) past rowSplit, and the index in
// them (possibly out of range). One place, for the interpreter and the memo.
struct RowSlot {
  const ir::Record* record = nullptr;  // the row's own values, when not the tail
  std::span<const ir::Value> tail;     // else the tail
  uint32_t index = 0;
  // The field's value; nullopt if index is out of range.
  std::optional<ir::Value> value() const;
};
RowSlot rowSlot(const Context& ctx, uint32_t field);

// Runs `chunk` in `ctx`.
Result run(const ir::Chunk& chunk, const Context& ctx);

}  // namespace misura::interp
