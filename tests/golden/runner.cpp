// The golden-test runner: runs `misura` on one case and compares what it
// printed with the expected file beside the case.
//
//   misura_golden [--aggiorna] MISURA CASE.misura
//       Runs `misura <command>` in CASE's folder, where <command> comes from
//       a comment among the first lines of the case:
//         # comando: valuta --dati X.dati --formato csv
//             the case's file name is inserted after the first word, unless
//             a word already ends in ".misura";
//         # comando esatto: valuta
//             run exactly these arguments (for command-line error cases);
//         # ambiente: MISURA_LIMITI=righe=3
//             set this environment variable for the run (any number of lines);
//       and without either `verifica CASE.misura`. Compares stdout, stderr
//       and the exit code with CASE.atteso (format: see expectedText()).
//
//   misura_golden [--aggiorna] --esempio MISURA DIR
//       Runs `misura valuta regolamento.misura --dati dati --formato csv` in
//       DIR and compares stdout with DIR/atteso/risultati.csv byte by byte;
//       the exit code must be 0.
//
// With --aggiorna or the environment variable MISURA_AGGIORNA=1 the expected
// file is rewritten from the actual output instead (review with git diff).
// Occurrences of the folder of the misura binary in the output are replaced
// by "<misura>", and those of the source stdlib/ folder (where the misura of
// the build tree finds the standard library) by "<stdlib>", so that expected
// files do not depend on the build or source folder.
//
// Exit code: 0 pass (or updated), 1 mismatch, 2 the runner could not run.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct RunnerError {
  std::string message;
};

struct Outcome {
  std::string out, err;
  std::string exit;  // "0", "1", ... or "segnale 11"
};

std::optional<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeFile(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) throw RunnerError{"impossibile scrivere " + tmp.string()};
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw RunnerError{"impossibile rinominare " + tmp.string() + ": " + ec.message()};
}

// A temporary file for one output stream of the child; removed on scope exit.
struct TempFile {
  std::string path;
  int fd = -1;
  explicit TempFile(const char* tag) {
    std::string pattern = (fs::temp_directory_path() / (std::string("misura-golden-") + tag + "-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd = ::mkstemp(name.data());
    if (fd < 0) throw RunnerError{std::string("mkstemp: ") + std::strerror(errno)};
    path = name.data();
  }
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    ::unlink(path.c_str());
  }
  std::string content() const { return readFile(path).value_or(""); }
};

// Runs `binary args...` with `dir` as working directory and stdin from /dev/null.
using Environment = std::vector<std::pair<std::string, std::string>>;

Outcome run(const fs::path& binary, const std::vector<std::string>& args, const fs::path& dir,
            const Environment& env = {}) {
  TempFile out("out"), err("err");
  std::vector<std::string> argvStrings;
  argvStrings.push_back(binary.string());
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argvStrings) argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) throw RunnerError{std::string("fork: ") + std::strerror(errno)};
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    if (in < 0 || ::dup2(in, 0) < 0 || ::dup2(out.fd, 1) < 0 || ::dup2(err.fd, 2) < 0) ::_exit(126);
    if (::chdir(dir.c_str()) != 0) {
      std::fprintf(stderr, "misura_golden: chdir %s: %s\n", dir.c_str(), std::strerror(errno));
      ::_exit(126);
    }
    for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
    ::execv(argv[0], argv.data());
    std::fprintf(stderr, "misura_golden: exec %s: %s\n", argv[0], std::strerror(errno));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw RunnerError{std::string("waitpid: ") + std::strerror(errno)};
  }
  Outcome o;
  o.out = out.content();
  o.err = err.content();
  if (WIFEXITED(status))
    o.exit = std::to_string(WEXITSTATUS(status));
  else if (WIFSIGNALED(status))
    o.exit = "segnale " + std::to_string(WTERMSIG(status));
  else
    o.exit = "?";
  return o;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

// Splits on spaces and tabs; "double quotes" group words.
std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool inWord = false, inQuotes = false;
  for (char c : text) {
    if (c == '"') {
      inQuotes = !inQuotes;
      inWord = true;
    } else if ((c == ' ' || c == '\t') && !inQuotes) {
      if (inWord) words.push_back(word);
      word.clear();
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inQuotes) throw RunnerError{"virgolette non chiuse nel comando: " + text};
  if (inWord) words.push_back(word);
  return words;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The arguments for a case, from its leading comment lines.
std::vector<std::string> caseArguments(const fs::path& casePath, const std::string& text) {
  const std::string fileName = casePath.filename().string();
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string t = trim(line);
    if (t.empty()) continue;
    if (t[0] != '#') break;  // only the comments at the top of the file count
    t = trim(t.substr(1));
    for (const char* prefix : {"comando esatto:", "comando:"}) {
      if (t.rfind(prefix, 0) != 0) continue;
      std::vector<std::string> words = splitWords(trim(t.substr(std::strlen(prefix))));
      if (std::string(prefix) == "comando esatto:") return words;
      if (words.empty()) throw RunnerError{fileName + ": \"# comando:\" senza comando"};
      bool namesFile = false;
      for (const std::string& w : words)
        if (w.size() > 7 && w.compare(w.size() - 7, 7, ".misura") == 0) namesFile = true;
      if (!namesFile) words.insert(words.begin() + 1, fileName);
      return words;
    }
  }
  return {"verifica", fileName};
}

// The variables of the `# ambiente: NOME=valore` lines among the leading
// comment lines (e.g. MISURA_LIMITI, to test a limit on small files).
Environment caseEnvironment(const std::string& text) {
  Environment env;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string t = trim(line);
    if (t.empty()) continue;
    if (t[0] != '#') break;
    t = trim(t.substr(1));
    const std::string prefix = "ambiente:";
    if (t.rfind(prefix, 0) != 0) continue;
    std::string assignment = trim(t.substr(prefix.size()));
    size_t eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) throw RunnerError{"\"# ambiente:\" senza NOME=valore: " + t};
    env.emplace_back(assignment.substr(0, eq), assignment.substr(eq + 1));
  }
  return env;
}

// A stream as a section of the expected file: its text, then, when it does
// not end with a newline, a marker line (as diff does).
std::string section(const std::string& content) {
  if (content.empty() || content.back() == '\n') return content;
  return content + "\n\\ manca l'a capo finale\n";
}

// The expected-file form of an outcome:
//   === stdout ===
//   ...
//   === stderr ===
//   ...
//   === codice di uscita ===
//   1
std::string expectedText(const Outcome& o) {
  return "=== stdout ===\n" + section(o.out) + "=== stderr ===\n" + section(o.err) + "=== codice di uscita ===\n" +
         o.exit + "\n";
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  if (!text.empty() && text.back() != '\n') lines.back() += "  ⟵ (manca l'a capo finale)";
  return lines;
}

// A unified diff (3 lines of context) of expected vs actual, by LCS.
std::string unifiedDiff(const std::string& expected, const std::string& actual, const std::string& expectedName) {
  std::vector<std::string> a = splitLines(expected), b = splitLines(actual);
  size_t n = a.size(), m = b.size();
  std::ostringstream out;
  out << "--- " << expectedName << " (atteso)\n+++ uscita effettiva\n";
  if (n * m > 25'000'000) {  // too big for the quadratic table: show the first difference
    size_t i = 0;
    while (i < n && i < m && a[i] == b[i]) ++i;
    out << "@@ riga " << i + 1 << " @@\n";
    if (i < n) out << "-" << a[i] << "\n";
    if (i < m) out << "+" << b[i] << "\n";
    return out.str();
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  struct Edit {
    char kind;  // ' ', '-', '+'
    size_t ai, bi;
  };
  std::vector<Edit> edits;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      edits.push_back({' ', i++, j++});
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      edits.push_back({'-', i++, j});  // removals first, as diff -u shows them
    } else {
      edits.push_back({'+', i, j++});
    }
  }
  constexpr size_t kContext = 3;
  size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].kind == ' ') {
      ++k;
      continue;
    }
    size_t start = k >= kContext ? k - kContext : 0;
    size_t end = k;  // extend while changes are closer than 2*context
    size_t lastChange = k;
    while (end < edits.size()) {
      if (edits[end].kind != ' ') lastChange = end;
      if (end - lastChange > 2 * kContext) break;
      ++end;
    }
    end = std::min(edits.size(), lastChange + kContext + 1);
    size_t aStart = edits[start].ai, bStart = edits[start].bi, aLen = 0, bLen = 0;
    for (size_t e = start; e < end; ++e) {
      if (edits[e].kind != '+') ++aLen;
      if (edits[e].kind != '-') ++bLen;
    }
    out << "@@ -" << aStart + 1 << "," << aLen << " +" << bStart + 1 << "," << bLen << " @@\n";
    for (size_t e = start; e < end; ++e) {
      const Edit& ed = edits[e];
      out << ed.kind << (ed.kind == '+' ? b[ed.bi] : a[ed.ai]) << "\n";
    }
    k = end;
  }
  return out.str();
}

bool updateRequested(bool flag) {
  if (flag) return true;
  const char* env = std::getenv("MISURA_AGGIORNA");
  return env && *env && std::string(env) != "0";
}

// Compares or updates; returns the exit code.
int check(const fs::path& expectedPath, const std::string& actual, bool update, const std::string& extra) {
  std::optional<std::string> expected = readFile(expectedPath);
  if (expected && *expected == actual) {
    std::cout << "ok: " << expectedPath.string() << "\n";
    return 0;
  }
  if (update) {
    writeFile(expectedPath, actual);
    std::cout << (expected ? "aggiornato: " : "creato: ") << expectedPath.string()
              << "\n(controlla la differenza con git diff prima di confermarla)\n";
    return 0;
  }
  if (!expected) {
    std::cout << "manca il file atteso " << expectedPath.string() << "\n"
              << "per crearlo dall'uscita attuale: MISURA_AGGIORNA=1 ctest -R <nome del test>\n\n"
              << "uscita attuale:\n"
              << actual << extra;
    return 1;
  }
  std::cout << "DIFFERENZA rispetto a " << expectedPath.string() << "\n"
            << unifiedDiff(*expected, actual, expectedPath.filename().string()) << extra
            << "\nse la nuova uscita è quella giusta: MISURA_AGGIORNA=1 ctest -R <nome del test>, poi git diff\n";
  return 1;
}

int realMain(int argc, char** argv) {
  bool updateFlag = false, example = false;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--aggiorna")
      updateFlag = true;
    else if (a == "--esempio")
      example = true;
    else
      positional.push_back(a);
  }
  if (positional.size() != 2) {
    std::cerr << "uso: misura_golden [--aggiorna] MISURA CASO.misura\n"
                 "     misura_golden [--aggiorna] --esempio MISURA CARTELLA_ESEMPIO\n";
    return 2;
  }
  bool update = updateRequested(updateFlag);
  fs::path binary = fs::absolute(positional[0]);
  fs::path target = fs::absolute(positional[1]);
  std::string binDir = binary.parent_path().string();

  if (example) {
    Outcome o = run(binary, {"valuta", "regolamento.misura", "--dati", "dati", "--formato", "csv"}, target);
    replaceAll(o.out, binDir + "/", "<misura>/");
    replaceAll(o.err, binDir + "/", "<misura>/");
    std::string extra = "\n--- stderr ---\n" + section(o.err) + "--- codice di uscita: " + o.exit + " ---\n";
    if (o.exit != "0") {
      std::cout << "FALLITO: misura valuta è terminato con codice " << o.exit << " invece di 0 in "
                << target.string() << extra;
      return 1;
    }
    return check(target / "atteso" / "risultati.csv", o.out, update, extra);
  }

  std::optional<std::string> text = readFile(target);
  if (!text) throw RunnerError{"impossibile leggere " + target.string()};
  std::vector<std::string> args = caseArguments(target, *text);
  Outcome o = run(binary, args, target.parent_path(), caseEnvironment(*text));
#ifdef MISURA_SOURCE_STDLIB
  replaceAll(o.out, MISURA_SOURCE_STDLIB "/", "<stdlib>/");
  replaceAll(o.err, MISURA_SOURCE_STDLIB "/", "<stdlib>/");
#endif
  replaceAll(o.out, binDir + "/", "<misura>/");
  replaceAll(o.err, binDir + "/", "<misura>/");
  std::string command = "misura";
  for (const std::string& a : args) command += " " + a;
  std::cout << "(" << target.parent_path().string() << ") " << command << "\n";
  fs::path expectedPath = target;
  expectedPath.replace_extension(".atteso");
  return check(expectedPath, expectedText(o), update, "");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return realMain(argc, argv);
  } catch (const RunnerError& e) {
    std::cerr << "misura_golden: " << e.message << "\n";
  } catch (const std::exception& e) {
    std::cerr << "misura_golden: " << e.what() << "\n";
  }
  return 2;
}
