// The session's chunks on the integer evaluator (runtime/fixed/): the
// scales of the loaded data, then every per-person number chunk compiled
// (`= espressione` components, premi and their parts, fund quotas). A chunk
// that does not compile stays with the general interpreter; runNumber
// chooses (score.cpp). MISURA_MOTORE=interprete in the environment turns
// the integer evaluator off, so that tests can compare the two.
#include <cstdlib>
#include <cstring>

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
  std::vector<const std::vector<ir::Value>*> rows;
  for (const data::Row& row : s.data.tables[ir::kStaff].rows) rows.push_back(&row.values);
  scales.staff.assign(fields.size(), 0);
  for (uint32_t f = 0; f < fields.size(); ++f)
    if (isNumber(fields[f].type)) scales.staff[f] = fixed::columnScale(rows, f, kMaxInputScale);
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

}  // namespace

uint32_t compileFixed(Session& s) {
  const char* engine = std::getenv("MISURA_MOTORE");
  const bool interpreterOnly = engine && std::strcmp(engine, "interprete") == 0;
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
  return considered;
}

}  // namespace misura::eval
