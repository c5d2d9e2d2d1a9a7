// Fuzz target: the regolamento front end. The input is the text of a
// regolamento; it goes through the same steps as `misura ir` (UTF-8 check,
// parse, check, lower), then every diagnostic is rendered. Modules (`usa`)
// are not loaded: the file system is not part of the target.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/lower/lower.h"
#include "compiler/sema/checked.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/limits.h"
#include "compiler/support/utf8.h"
#include "compiler/syntax/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace misura;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.size() > limits().sourceBytes || firstInvalidUtf8(text)) return 0;  // E0110/E0002 in the driver
  SourceManager sources;
  Diagnostics diags;
  FileId file = sources.add("fuzz.misura", std::move(text));
  try {
    std::optional<ast::Program> program = syntax::parse(sources, file, diags);
    if (program) {
      std::optional<sema::Checked> checked = sema::check(*program, diags);
      if (checked && !diags.hasErrors()) (void)lower(*checked, "fuzz.misura");
    }
  } catch (const InternalError&) {
    // A broken invariant is a finding: make libFuzzer keep the input.
    __builtin_trap();
  }
  (void)render(sources, diags.all());
  return 0;
}
