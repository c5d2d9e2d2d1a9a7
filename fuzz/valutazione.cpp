// Fuzz target: the evaluator on a fixed regolamento (examples/lurano-2024:
// staff for part of the year, service periods, a fund) with fuzzed data.
// The input holds the three data files separated by a line "%%"; a file
// missing from the input keeps its example content. Each run writes them to
// a scratch folder, loads and evaluates them, and renders the results (text,
// CSV, JSON) and the diagnostics.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/report.h"

namespace fs = std::filesystem;

namespace {

const fs::path kExample = fs::path(MISURA_SOURCE_DIR) / "examples" / "lurano-2024";
const char* const kFiles[] = {"personale.csv", "rilevazioni.csv", "valutazioni.csv"};

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  misura::Compilation compiled;
  fs::path dir;
  std::vector<std::string> originals;

  Fixture() {
    misura::CompileOptions options;
    options.stdlibDirs.push_back((fs::path(MISURA_SOURCE_DIR) / "stdlib").string());
    if (!misura::compileFile((kExample / "regolamento.misura").string(), compiled, misura::Stage::Lower, options))
      std::abort();
    std::string tmpl = (fs::temp_directory_path() / "misura-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    dir = tmpl;
    for (const char* f : kFiles) originals.push_back(readFile(kExample / "dati" / f));
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace misura;
  Fixture& fx = fixture();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> contents = fx.originals;
  for (size_t i = 0; i < contents.size() && !input.empty(); ++i) {
    size_t sep = input.find("\n%%\n");
    contents[i] = std::string(input.substr(0, sep));
    input = sep == std::string_view::npos ? std::string_view{} : input.substr(sep + 4);
  }
  for (size_t i = 0; i < contents.size(); ++i) std::ofstream(fx.dir / kFiles[i], std::ios::binary) << contents[i];

  SourceManager sources = fx.compiled.sources;  // the data files are added to a copy
  Diagnostics diags;
  eval::Options options;
  options.dataDir = fx.dir;
  options.trace = true;
  try {
    if (std::optional<eval::Evaluation> ev = eval::evaluate(*fx.compiled.module, options, sources, diags))
      for (report::Format f : {report::Format::Testo, report::Format::Csv, report::Format::Json})
        (void)report::render(f, eval::planOf(*fx.compiled.module, *ev), *ev, sources);
  } catch (const InternalError&) {
    __builtin_trap();
  }
  (void)render(sources, diags.all());
  return 0;
}
