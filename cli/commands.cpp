// The helpers shared by the commands of `misura` (see commands.h).
#include "cli/commands.h"

#include "compiler/driver/module_path.h"

#include <cctype>
#include <filesystem>
#include <iostream>

namespace misura::cli {

namespace {

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  bool same = std::filesystem::equivalent(a, b, ec);
  return !ec && same;
}

}  // namespace

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string inQuotes(const std::string& s) { return "\"" + s + "\""; }

void printDiagnostics(const SourceManager& sources, const Diagnostics& diags) {
  if (diags.all().empty()) return;
  std::cerr << misura::render(sources, diags.all()) << std::flush;
}

void printPlainError(const std::string& code, const std::string& message, const std::string& hint) {
  Diagnostic d;
  d.code = code;
  d.message = message;
  d.hint = hint;
  SourceManager none;
  std::cerr << misura::render(none, {d}) << std::flush;
}

std::optional<int> compile(const std::string& file, Compilation& c, Stage stage, const CompileOptions& options) {
  bool ok = compileFile(file, c, stage, options);
  printDiagnostics(c.sources, c.diags);
  if (!ok || c.diags.hasErrors()) {
    std::cerr << "il regolamento contiene " << plural(c.diags.errorCount(), "errore", "errori") << "\n";
    return kDiagnostics;
  }
  return std::nullopt;
}

std::vector<std::string> stdlibDirs(const char* argv0) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) exe = std::filesystem::absolute(argv0 ? argv0 : "", ec);
  std::vector<std::string> out;
  for (const std::filesystem::path& dir : modules::stdlibDirs(exe)) out.push_back(dir.string());
  return out;
}

std::optional<eval::Evaluation> evaluateCompiled(Compilation& c, const eval::Options& options, const char* nothingDone,
                                                 std::vector<Diagnostic>& fresh) {
  const size_t before = c.diags.all().size();
  std::optional<eval::Evaluation> evaluation = eval::evaluate(*c.module, options, c.sources, c.diags);
  fresh.assign(c.diags.all().begin() + static_cast<std::ptrdiff_t>(before), c.diags.all().end());
  if (evaluation) return evaluation;
  if (!fresh.empty()) std::cerr << misura::render(c.sources, fresh) << std::flush;
  if (!c.diags.hasErrors()) throw InternalError{"la valutazione è fallita senza segnalare errori"};
  std::cerr << "i dati contengono " << plural(c.diags.errorCount(), "errore", "errori") << ": " << nothingDone << "\n";
  return std::nullopt;
}

std::optional<int> compileForEvaluation(const std::string& file, const std::string& dataDir,
                                        const std::optional<std::string>& output, const CompileOptions& options,
                                        Compilation& c, const char* nothingDone, const char* outputExample) {
  if (std::optional<int> failed = compile(file, c, Stage::Lower, options)) {
    std::cerr << nothingDone << "\n";
    return failed;
  }
  if (!c.module) throw InternalError{"il compilatore non ha prodotto il piano di valutazione"};
  if (!output) return std::nullopt;
  if (std::optional<std::string> clash = inputClash(*output, file, dataDir, *c.module)) {
    printPlainError("E0702", "l'uscita " + inQuotes(*output) + " è " + *clash + ": non la sovrascrivo",
                    std::string("scegli con --uscita un altro nome, per esempio ") + outputExample);
    return kDiagnostics;
  }
  return std::nullopt;
}

std::optional<std::string> inputClash(const std::string& output, const std::string& file, const std::string& dataDir,
                                      const ir::Module& m) {
  if (sameFile(output, file)) return "il file del regolamento";
  for (const ir::Dataset& d : m.datasets)
    if (!d.results && sameFile(output, std::filesystem::path(dataDir) / d.file)) return "il file dei dati " + inQuotes(d.file);
  return std::nullopt;
}

std::optional<std::string> formatName(std::optional<std::string> given, const std::optional<std::string>& output) {
  if (!given && output) {
    std::string ext = std::filesystem::path(*output).extension().string();
    if (ext == ".csv") given = "csv";
    if (ext == ".json") given = "json";
    if (ext == ".xlsx") given = "xlsx";
  }
  if (given)
    for (char& ch : *given) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return given;
}

}  // namespace misura::cli
