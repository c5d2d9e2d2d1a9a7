// Printing to PDF with headless Chromium (see pdf.h).
#include "cli/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "runtime/report/report.h"

extern char** environ;

namespace misura::cli {

namespace {

namespace fs = std::filesystem;

std::optional<fs::path> findChromium() {
  if (const char* given = std::getenv("MISURA_CHROMIUM"); given && *given) {
    if (access(given, X_OK) == 0) return fs::path(given);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::stringstream list(dirs);
    for (std::string dir; std::getline(list, dir, ':');) {
      fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return std::nullopt;
}

int timeoutSeconds() {
  const char* given = std::getenv("MISURA_CHROMIUM_SECONDI");
  int n = given ? std::atoi(given) : 0;
  return n > 0 && n <= 3600 ? n : 60;
}

// A fresh private folder for the document, the PDF and Chromium's profile;
// removed on destruction.
struct TempDir {
  fs::path path;
  TempDir() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "misura-pdf-XXXXXX").string();
    if (char* made = mkdtemp(pattern.data())) path = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The last non-empty line Chromium printed that is not dbus noise: the reason it failed, if any.
std::string lastLine(const fs::path& log) {
  std::stringstream lines(readAll(log));
  std::string last;
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line.find("dbus") == std::string::npos) last = line;
  return last.size() > 300 ? last.substr(0, 300) + "…" : last;
}

PdfError failed(const std::string& message, const std::string& hint) { return {"E0711", message, hint}; }

// Runs Chromium on dir/documento.html; nullopt when it exited with 0.
std::optional<PdfError> runChromium(const fs::path& chromium, const fs::path& dir) {
  std::vector<std::string> args = {chromium.string(),
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-extensions",
                                   "--user-data-dir=" + (dir / "profilo").string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + (dir / "documento.pdf").string(),
                                   "file://" + (dir / "documento.html").string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  std::string log = (dir / "chromium.log").string();
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group: killed with its helpers
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, chromium.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0)
    return failed("impossibile avviare Chromium (" + chromium.string() + "): " + std::strerror(rc),
                  "controlla che il programma sia installato e eseguibile");

  const int seconds = timeoutSeconds();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  // Wait without reaping (WNOWAIT): while the child is a zombie its process
  // group id cannot be reused, so killing the group reaches only its helpers.
  bool timedOut = false;
  while (true) {
    siginfo_t info{};
    int rc = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (rc == 0 && info.si_pid == pid) break;
    if (rc < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() > deadline) {
      timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // on timeout all of it; else the helpers still alive, if any
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timedOut)
    return failed("Chromium non ha finito di stampare il PDF entro " + std::to_string(seconds) + " secondi",
                  "riprova; se il computer è lento, aumenta il tempo con MISURA_CHROMIUM_SECONDI=120");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = lastLine(dir / "chromium.log");
    return failed("Chromium non è riuscito a stampare il PDF" + (why.empty() ? std::string() : ": " + why),
                  "prova a generare l'HTML (--formato html) e ad aprirlo con il browser");
  }
  return std::nullopt;
}

}  // namespace

std::optional<PdfError> printPdf(const std::string& html, const fs::path& out) {
  std::optional<fs::path> chromium = findChromium();
  if (!chromium)
    return PdfError{"E0710", "Chromium non è installato: serve per stampare il PDF",
                    "installa il pacchetto Debian `chromium` (apt-get install chromium), oppure indica il programma "
                    "con MISURA_CHROMIUM, oppure usa --formato html e stampa dal browser"};
  TempDir dir;
  if (dir.path.empty())
    return failed("impossibile creare una cartella temporanea per il PDF", "controlla lo spazio e TMPDIR");
  {
    std::ofstream doc(dir.path / "documento.html", std::ios::binary);
    doc << html;
    if (!doc.flush())
      return failed("impossibile scrivere il documento temporaneo per Chromium", "controlla lo spazio e TMPDIR");
  }
  if (std::optional<PdfError> error = runChromium(*chromium, dir.path)) return error;
  std::string pdf = readAll(dir.path / "documento.pdf");
  if (pdf.rfind("%PDF", 0) != 0)
    return failed("Chromium è terminato senza scrivere il PDF",
                  "prova a generare l'HTML (--formato html) e ad aprirlo con il browser");
  std::string error;
  if (!report::writeFileAtomically(out, pdf, error))
    return PdfError{"E0702", "impossibile scrivere il PDF: " + error,
                    "controlla il percorso dato e i permessi della cartella"};
  return std::nullopt;
}

}  // namespace misura::cli
