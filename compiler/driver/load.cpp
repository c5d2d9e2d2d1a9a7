// Loading a regolamento and its modules into one program (see load.h).
//
//   regolamento ──parseInto──► Program (files[0])
//        │ for each `usa` of an applied unit, depth first:
//        ▼ find the file on the search path ─► read ─► parseInto with a
//          keep-callback that checks the header and decides whether the
//          module is in force in the evaluation year
#include "compiler/driver/load.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "compiler/driver/module_path.h"
#include "compiler/support/limits.h"
#include "compiler/support/suggest.h"
#include "compiler/support/undecodable.h"
#include "compiler/support/utf8.h"
#include "compiler/syntax/parse.h"

namespace misura::modules {

namespace fs = std::filesystem;

namespace {

// E0110: a source file larger than limits().sourceBytes, at its first
// byte (its first line shown), with the `usa` that asked for it.
void tooBig(const std::string& path, uint64_t size, Span at, Compilation& out) {
  std::ifstream in(path, std::ios::binary);
  std::string firstLine(120, '\0');
  in.read(firstLine.data(), static_cast<std::streamsize>(firstLine.size()));
  firstLine.resize(static_cast<size_t>(in.gcount()));
  if (hasUtf8Bom(firstLine)) firstLine.erase(0, 3);
  firstLine = firstLine.substr(0, firstLine.find_first_of("\r\n"));
  if (auto bad = firstInvalidUtf8(firstLine)) firstLine.resize(*bad);  // a cut character, or not UTF-8
  FileId id = out.sources.add(path, firstLine + "\n");
  Diagnostic d{"E0110", Severity::Errore, Span{id, 0, 0},
               fmt::format("file troppo grande: {} byte, al massimo {}", formatCount(size),
                           formatCount(limits().sourceBytes)),
               {},
               "un regolamento è un testo di poche decine di migliaia di caratteri: controlla di aver indicato il "
               "file giusto",
               {}};
  if (at.valid()) d.labels.push_back(Label{at, "modulo usato qui"});
  out.diags.report(std::move(d));
}

// Reads and registers a source; E0001/E0002/E0110 at `at` (the `usa` of a
// module, nothing for the regolamento). E0002 and E0110 point into the file.
std::optional<FileId> readSource(const std::string& path, Span at, Compilation& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) {
    out.diags.error("E0001", at, fmt::format("impossibile leggere il file «{}»", path),
                    "controlla il percorso e che il file esista e sia leggibile");
    return std::nullopt;
  }
  std::error_code ec;
  const uint64_t size = fs::file_size(path, ec);
  if (!ec && size > limits().sourceBytes) {
    tooBig(path, size, at, out);
    return std::nullopt;
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (text.size() > limits().sourceBytes) {  // not a regular file: its size was unknown
    tooBig(path, text.size(), at, out);
    return std::nullopt;
  }
  if (hasUtf8Bom(text)) text.erase(0, 3);
  if (auto bad = firstInvalidUtf8(text)) {
    Span where = registerUndecodable(out.sources, path, text.substr(0, *bad), std::string_view(text).substr(*bad));
    Diagnostic d{"E0002", Severity::Errore, where,
                 "il file non è in UTF-8: qui c'è un byte che non è un carattere UTF-8 valido",
                 {},
                 "salva il file con la codifica UTF-8 (in Blocco note: Salva con nome, Codifica: UTF-8)",
                 {}};
    if (at.valid()) d.labels.push_back(Label{at, "modulo usato qui"});
    out.diags.report(std::move(d));
    return std::nullopt;
  }
  return out.sources.add(path, std::move(text));
}

// A module on the chain of `usa` being followed, for cycles.
struct Link {
  std::string name;  // dotted; for the regolamento, its file name
  fs::path file;     // canonical
};

class Loader {
 public:
  Loader(const std::string& path, const CompileOptions& options, Compilation& out)
      : root_(path), options_(options), out_(out) {
    for (const std::string& d : options.moduleDirs) search_.push_back(d);
    fs::path dir = fs::path(path).parent_path();
    search_.push_back(dir.empty() ? fs::path(".") : dir);
    search_.push_back((dir.empty() ? fs::path(".") : dir) / "moduli");
    for (const std::string& d : options.stdlibDirs) search_.push_back(d);
  }

  bool run();

 private:
  void follow(size_t unit);
  void use(const ast::Use& u);
  bool keep(const ast::SourceFile& unit, const ast::Use& u);
  bool cycle(const ast::Use& u, const fs::path& file);
  void notFound(const ast::Use& u);
  void notInModules();

  fs::path root_;
  const CompileOptions& options_;
  Compilation& out_;
  std::vector<fs::path> search_;
  std::optional<int> year_;
  std::vector<Link> chain_;
  std::vector<std::string> loaded_;  // module names already read
};

bool Loader::run() {
  std::optional<FileId> file = readSource(root_.string(), Span{}, out_);
  if (!file) return false;
  ast::Program& p = out_.ast.emplace();
  p.yearOverride = options_.year;  // before parsing: dated clauses are kept by year (build_dated.cpp)
  if (!syntax::parseInto(out_.sources, *file, out_.diags, p)) return false;
  if (const ast::SourceFile& u = p.files.front(); u.header)
    out_.diags.error("E0804", u.header->span,
                     fmt::format("questo file è il modulo «{}», non un regolamento", u.header->name),
                     fmt::format("un modulo si usa da un regolamento, con la riga: usa {}", u.header->name));
  p.yearOverride = options_.year;
  year_ = options_.year;
  if (!year_ && !p.anno.empty()) year_ = p.anno.front().year;
  std::error_code ec;
  chain_.push_back(Link{root_.filename().string(), fs::weakly_canonical(root_, ec)});
  follow(0);
  notInModules();
  return !out_.diags.hasErrors();
}

// Loads the modules the unit `unit` uses (the unit must be applied).
void Loader::follow(size_t unit) {
  std::vector<ast::Use> uses = out_.ast->files.at(unit).uses;  // files grows below
  for (const ast::Use& u : uses) use(u);
}

void Loader::use(const ast::Use& u) {
  std::optional<fs::path> found = find(search_, u.module);
  if (!found) return notFound(u);
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(*found, ec);
  if (cycle(u, canonical)) return;
  if (std::find(loaded_.begin(), loaded_.end(), u.module) != loaded_.end()) return;
  loaded_.push_back(u.module);
  std::optional<FileId> file = readSource(found->lexically_normal().string(), u.nameSpan, out_);
  if (!file) return;
  ast::Program& p = *out_.ast;
  auto keepIt = [&](const ast::SourceFile& unit) { return keep(unit, u); };
  if (!syntax::parseInto(out_.sources, *file, out_.diags, p, keepIt)) return;
  ast::SourceFile& loaded = p.files.back();
  loaded.usedAt = u.span;
  if (!loaded.applied) return;
  chain_.push_back(Link{u.module, canonical});
  follow(p.files.size() - 1);
  chain_.pop_back();
}

// The header must be there and name the module as `usa` did (E0803,
// E0802); a module not in force in the year is reported (E0808) and kept out.
bool Loader::keep(const ast::SourceFile& unit, const ast::Use& u) {
  if (!unit.header) {
    out_.diags.error("E0803", Span{unit.file, 0, 0},
                     fmt::format("il file del modulo «{}» non comincia con l'intestazione del modulo", u.module),
                     fmt::format("scrivi come prima riga: modulo {} \"titolo\"", u.module));
    return false;
  }
  const ast::ModuleHeader& h = *unit.header;
  if (h.name != u.module) {
    Diagnostic d{"E0802", Severity::Errore, h.nameSpan,
                 fmt::format("il modulo si chiama «{}» ma il suo file è quello del modulo «{}»", h.name, u.module),
                 {Label{u.span, "usato qui"}},
                 fmt::format("il nome dopo `modulo` deve corrispondere al percorso del file: modulo {}", u.module),
                 {}};
    out_.diags.report(std::move(d));
    return false;
  }
  if (!year_ || !h.validity || h.validity->period.overlapsYear(*year_)) return true;
  Diagnostic d{"E0808", Severity::Nota, u.span,
               fmt::format("il modulo «{}» (vigente {}) non è in vigore nel {}: le sue regole non sono applicate",
                           u.module, h.validity->period.describe(), *year_),
               {Label{h.validity->span, "periodo di vigenza"}},
               {},
               {}};
  out_.diags.report(std::move(d));
  return false;
}

// E0801 if `file` is already on the chain of `usa` being followed.
bool Loader::cycle(const ast::Use& u, const fs::path& file) {
  auto it = std::find_if(chain_.begin(), chain_.end(), [&](const Link& l) { return l.file == file; });
  if (it == chain_.end()) return false;
  std::string shown;
  for (auto at = it; at != chain_.end(); ++at) shown += at->name + " → ";
  shown += u.module;
  out_.diags.error("E0801", u.nameSpan, fmt::format("i moduli si usano in cerchio: {}", shown),
                   "un modulo non può usare, direttamente o tramite altri, sé stesso o il regolamento: togli uno "
                   "degli `usa`");
  return true;
}

void Loader::notFound(const ast::Use& u) {
  std::string hint = didYouMean(u.module, available(search_));
  if (hint.empty())
    hint = fmt::format(
        "il modulo si cerca nel file {} dentro le cartelle date con --moduli, la cartella del regolamento, la "
        "sua sottocartella moduli/ e la libreria standard",
        relativePath(u.module).string());
  out_.diags.error("E0800", u.nameSpan, fmt::format("modulo «{}» non trovato", u.module), hint);
}

// `ente`, `anno` and the staff list describe the ente and its year: they
// belong to the regolamento, never to a module (E0807).
void Loader::notInModules() {
  const ast::Program& p = *out_.ast;
  auto inModule = [&](Span s) { return s.valid() && s.file != p.file; };
  auto report = [&](Span s, const char* what) {
    out_.diags.error("E0807", s, fmt::format("{} non si può dichiarare in un modulo", what),
                     "ente, anno e personale appartengono al regolamento che usa il modulo: spostali lì");
  };
  for (const ast::Text& e : p.ente)
    if (inModule(e.span)) report(e.span, "l'ente");
  for (const ast::YearDecl& y : p.anno)
    if (inModule(y.span)) report(y.span, "l'anno");
  for (const ast::Dataset& d : p.datasets)
    if (d.isStaff && inModule(d.span)) report(d.name.span, "l'elenco del personale");
}

}  // namespace

bool loadProgram(const std::string& path, const CompileOptions& options, Compilation& out) {
  return Loader(path, options, out).run();
}

}  // namespace misura::modules
