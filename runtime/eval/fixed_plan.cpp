// The session's chunks on the integer evaluator (runtime/fixed/): the
// scales of the loaded data, then every per-person number chunk compiled
// (`= espressione` components, premi and their parts, fund quotas). A chunk
// that does not compile stays with the general interpreter; runNumber
// chooses (score.cpp). The programs then go to the JIT when the engine
// (MISURA_MOTORE, evaluate.h) asks for it; MISURA_MOTORE=interprete turns
// the integer evaluator off, so that tests can compare the evaluators.
#include <chrono>
#include <cstdlib>
#include <string_view>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

constexpr int64_t kMaxInputScale = 1'000'000'000;  // 9 decimals; beyond, a column is left to the interpreter

bool isNumber(ir::Type t) {
  return t == ir::Type::Numero || t == ir::Type::Percentuale || t == ir::Type::Punti || t == ir::Type::Euro ||
         t == ir::Type::Giorni;
}

int64_t lcmOrZero(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  return fixed::lcmWithin(a, b, kMaxInputScale).value_or(0);
}

fixed::InputScales scalesOf(const Session& s) {
  fixed::InputScales scales;
  const std::vector<ir::Field>& fields = s.module.datasets[ir::kStaff].fields;
  std::vector<const ir::Record*> rows;
  for (const data::Row& row : s.data.tables[ir::kStaff].rows) rows.push_back(&row.values);
  scales.staff.assign(fields.size(), 0);
  std::vector<uint32_t> numbers;
  for (uint32_t f = 0; f < fields.size(); ++f)
    if (isNumber(fields[f].type)) numbers.push_back(f);
  const std::vector<int64_t> found = fixed::columnScales(rows, numbers, kMaxInputScale);
  for (size_t i = 0; i < numbers.size(); ++i) scales.staff[numbers[i]] = found[i];
  scales.year = s.module.anno;
  scales.band = 1;
  scales.total = 1;
  for (const ir::Profile& p : s.module.profiles) {
    for (const ir::Band& b : p.bands) {
      std::optional<std::pair<int64_t, int64_t>> parts = b.percent.inlineParts();
      scales.band = parts ? lcmOrZero(scales.band, parts->second) : 0;
    }
    int64_t total = 0;  // an unrounded total may have any denominator
    if (p.totalRounding && p.totalRounding->decimals <= 9) {
      total = 1;
      for (int i = 0; i < p.totalRounding->decimals; ++i) total *= 10;
    }
    scales.total = lcmOrZero(scales.total, total);
  }
  return scales;
}

// The integer chunks to machine code, when the engine asks for it; a JIT
// that cannot be had leaves them on the integer machine, with a warning.
void compileNative(Session& s, Engine engine, Timings* t) {
  if (engine != Engine::Jit || s.fixed.empty()) return;
  const auto start = std::chrono::steady_clock::now();
  std::vector<fixed::Program*> programs;
  for (auto& [chunk, program] : s.fixed) programs.push_back(&program);
  std::string error;
  s.native = jit::compile(programs, error);
  if (!s.native)
    s.diags.warning("A0690", Span{}, "MISURA_MOTORE=jit: " + error + "; i calcoli restano sugli interi");
  if (!t) return;
  t->jit = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (fixed::Program* p : programs) t->nativeChunks += p->native ? 1 : 0;
}

}  // namespace

std::optional<Engine> engineFromEnvironment() {
  const char* name = std::getenv("MISURA_MOTORE");
  if (!name || !*name) return Engine::Auto;
  const std::string_view v = name;
  if (v == "interprete") return Engine::Interprete;
  if (v == "interi") return Engine::Interi;
  if (v == "jit") return Engine::Jit;
  return std::nullopt;
}

void compileFixed(Session& s, Timings* t) {
  const Engine engine = engineFromEnvironment().value_or(Engine::Auto);
  const bool interpreterOnly = engine == Engine::Interprete;
  const fixed::InputScales scales = interpreterOnly ? fixed::InputScales{} : scalesOf(s);
  s.integers = !interpreterOnly;
  uint32_t considered = 0;
  auto add = [&](const ir::Chunk& chunk) {
    ++considered;
    if (interpreterOnly) return;
    if (std::optional<fixed::Program> p = fixed::compile(chunk, s.module, scales)) s.fixed.emplace(&chunk, std::move(*p));
  };
  for (const ir::Profile& p : s.module.profiles) {
    for (const ir::Component& c : p.components)
      if (c.source == ir::ComponentSource::Espressione) add(c.expr);
    if (p.premio) add(*p.premio);
    for (const ir::PremioPart& part : p.parts)
      if (part.expr) add(*part.expr);
  }
  for (const ir::Fund& f : s.module.funds) add(f.quota);
  if (t) {
    t->numberChunks = considered;
    t->integerChunks = uint32_t(s.fixed.size());
  }
  compileNative(s, engine, t);
}

}  // namespace misura::eval
