// The evaluator on machine integers: a numeric chunk of the plan compiled
// for fixed denominators ("scales"), run without a Rational, a variant or
// an allocation per value.
//
// Why it is exact. Every value of a data column is a multiple of 1/S for
// the column's scale S (the least common multiple of its denominators, found
// once over the loaded data), every constant p/q a multiple of 1/q. The
// compiler (compile.cpp) gives every value of the chunk such a scale, known
// before it runs: a sum has the lcm of its operands' scales, a product their
// product, a division by a constant p/q the scale times |p|. A value v of
// scale D is then held as the integer v * D, and every operation is integer
// arithmetic on those numerators: nothing is ever rounded, so the result is
// the same Rational the general interpreter (runtime/interp) computes.
//
// When it cannot be used. A chunk with an operation outside this subset
// (texts, dates other than giorni_anno / giorni_servizio, lookups,
// aggregates, indicators, a division by a computed value, ...) is not compiled: the general interpreter runs it. A compiled
// chunk gives up at run time (run() returns nullopt) when a value is
// non rilevato, is not a multiple of 1/scale, or a numerator would overflow
// 64 bits: the caller then runs the general interpreter, which gives the
// value or the error with its message. So the choice of evaluator never
// changes a result, and tests check that it does not (fixed_test.cpp, and
// the examples run with MISURA_MOTORE=interprete).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/record.h"

namespace misura::fixed {

// What the compiler may assume of the inputs: a scale per input, 0 when
// unknown (a chunk that reads that input is then not compiled).
struct InputScales {
  std::vector<int64_t> staff;  // per staff field (ir::kStaff): numeric fields only
  int64_t band = 0;            // LoadBand: the bands' percentages
  int64_t total = 0;           // LoadTotal: the total after its rounding
  int year = 0;                // `anno`, giorni_anno, giorni_servizio (0: unknown, not compiled)
};

enum class Cmp : uint8_t { Lt, Le, Gt, Ge, Eq, Ne };

enum class FOp : uint8_t {
  Push,         // x: a numerator (or 0/1 for a boolean)
  LoadPerson,   // a: the staff field; x: its scale
  LoadBand,     // x: the scale
  LoadTotal,    // x: the scale
  LoadService,  // giorni_servizio: the person's days of service inside year x (a whole number)
  Add,          // top two: x*a' + y*b', the factors in x (left) and y (right)
  Sub,          // idem, minus
  Mul,          // top two: their product
  DivConst,     // pops the divisor (a constant p/q); the new top times x (q, with p's sign; the scale grows by |p|)
  Neg,          // top: negated
  Compare,      // top two scaled by x (left) and y (right), compared by `cmp`: a boolean
  Not,          // boolean top: negated
  And,          // two booleans
  Or,           // two booleans
  Rescale,      // the value `a` slots below the top: times x
  Jump,         // to a
  JumpIfFalse,  // pops a boolean; to a if false
  JumpIf,       // peeks a boolean; to a if it equals b (the short-circuit of `e` / `o`)
  Extreme,      // minimo (b == 1) or massimo (b == 0) of the top `a` values, each times factors[y + i]
  Steps,        // top: the result of steps[a] (a numerator at the table's result scale)
  GiveUp,       // no value here (a step table's missing `altrimenti`): run() returns nullopt
  Return,       // the top, at scale x
};

struct FInstr {
  FOp op = FOp::Return;
  Cmp cmp = Cmp::Eq;
  uint32_t a = 0;
  uint32_t b = 0;
  int64_t x = 0;
  int64_t y = 0;
};

// A step table over a value of scale `scale`: each line's threshold p/q is
// met when v*q (kind Da: >=, FinoA: <=) p*scale; its result is a numerator
// at the table's result scale; `otherwise` absent: GiveUp.
struct FSteps {
  ir::StepKind kind = ir::StepKind::Da;
  int64_t scale = 1;
  std::vector<std::pair<int64_t, int64_t>> thresholds;  // (p, q)
  std::vector<int64_t> results;
  std::optional<int64_t> otherwise;
};

// A program compiled to machine code (runtime/jit): the same computation as
// the integer machine, with every input loaded before it starts. in[k] and
// ok[k] are the value and validity of the k-th load instruction in code
// order (Program::loads); 1 and *out the numerator at the result scale, or
// 0 to give up. A load that is not valid gives up only where it is executed.
using NativeFn = int (*)(const int64_t* in, const uint8_t* ok, int64_t* out);

inline bool isLoad(FOp op) {
  return op == FOp::LoadPerson || op == FOp::LoadBand || op == FOp::LoadTotal || op == FOp::LoadService;
}

struct Program {
  std::vector<FInstr> code;
  std::vector<FSteps> steps;
  std::vector<int64_t> factors;  // Extreme's per-argument factors
  uint32_t maxDepth = 0;         // the deepest the stack gets
  std::vector<uint32_t> loads;   // the load instructions, in code order: the native code's inputs
  int64_t resultScale = 1;       // the Return's scale
  NativeFn native = nullptr;     // set by the JIT (runtime/jit): run() calls it instead of the machine
};

// The most inputs a program may read to be given to the JIT.
inline constexpr size_t kMaxNativeLoads = 64;

// The chunk compiled, or nullopt (with the reason in `why`, for the
// developers' printer) when it uses something the evaluator does not do.
std::optional<Program> compile(const ir::Chunk& chunk, const ir::Module& module, const InputScales& scales,
                               std::string* why = nullptr);

// What a compiled chunk reads.
struct Inputs {
  const ir::Record* person = nullptr;
  const DateRange* service = nullptr;  // the person's period of service
  const std::optional<Rational>* band = nullptr;
  const std::optional<Rational>* total = nullptr;
};

// The chunk's value, or nullopt when the general interpreter must run it
// (see above). Runs program.native when the JIT set it. Never throws.
std::optional<Rational> run(const Program& program, const Inputs& inputs);

// The value of one load instruction for these inputs: false when it is not
// a number at the instruction's scale (run() gives up there).
bool loadInput(const FInstr& load, const Inputs& inputs, int64_t& out);

// One line per instruction, for `misura ir` and the tests.
std::string print(const Program& program);

// lcm(a, b) for a, b > 0, or nullopt when it passes `limit`: how every scale
// grows (the compiler's, the columns', the fund split's on integers).
std::optional<int64_t> lcmWithin(int64_t a, int64_t b, int64_t limit);

// The scale of a column: the lcm of the denominators of its numbers, or 0
// when it is not a number column or the lcm passes `limit`.
int64_t columnScale(const std::vector<const ir::Record*>& rows, uint32_t field, int64_t limit);
// The same for several fields, in one pass over the rows.
std::vector<int64_t> columnScales(const std::vector<const ir::Record*>& rows,
                                  const std::vector<uint32_t>& fields, int64_t limit);

}  // namespace misura::fixed
