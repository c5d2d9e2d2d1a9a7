// Crash-safe file replacement: temporary file, fsync, rename, fsync of the
// directory. Whatever happens, the destination holds the old or the new
// content in full.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/report/report.h"

namespace misura::report {

namespace {

std::string systemError(int err) { return std::strerror(err); }

// Closes the descriptor and removes the temporary file unless released.
struct TempFile {
  int fd = -1;
  std::string path;
  bool keep = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep && !path.empty()) ::unlink(path.c_str());
  }
};

mode_t defaultMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

bool writeFileAtomically(const std::filesystem::path& given, std::string_view content, std::string& error) {
  namespace fs = std::filesystem;
  const std::string shown = given.string();
  if (given.empty() || !given.has_filename()) {
    error = "il percorso \"" + shown + "\" non indica un file";
    return false;
  }
  std::error_code ec;
  // A symbolic link is followed: the file it points to is replaced, the link stays.
  fs::path path = given;
  if (fs::is_symlink(given, ec)) {
    path = fs::weakly_canonical(given, ec);
    if (ec) {
      error = "impossibile seguire il collegamento \"" + shown + "\": " + ec.message();
      return false;
    }
  }
  fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) {
    error = "\"" + shown + "\" è una cartella, non un file";
    return false;
  }
  // Renaming over a device or a pipe (/dev/null, /dev/stdout) would replace
  // it with a plain file: refuse.
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    error = "\"" + shown + "\" non è un file normale (dispositivo, pipe o socket)";
    return false;
  }
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec)) {
    error = "la cartella \"" + dir.string() + "\" non esiste";
    return false;
  }

  // The replaced file's permissions are kept; a new file gets the usual ones.
  mode_t mode = defaultMode();
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;

  TempFile tmp;
  std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  tmp.fd = ::mkstemp(name.data());
  if (tmp.fd < 0) {
    error = "impossibile creare un file temporaneo in \"" + dir.string() + "\": " + systemError(errno);
    return false;
  }
  tmp.path = name.data();

  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(tmp.fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "scrittura di \"" + shown + "\" non riuscita: " + systemError(errno);
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(tmp.fd, mode) != 0) {
    error = "impossibile impostare i permessi di \"" + shown + "\": " + systemError(errno);
    return false;
  }
  if (::fsync(tmp.fd) != 0) {
    error = "scrittura su disco di \"" + shown + "\" non riuscita: " + systemError(errno);
    return false;
  }
  int fd = tmp.fd;
  tmp.fd = -1;
  if (::close(fd) != 0) {
    error = "scrittura di \"" + shown + "\" non riuscita: " + systemError(errno);
    return false;
  }
  if (::rename(tmp.path.c_str(), path.c_str()) != 0) {
    error = "impossibile sostituire \"" + shown + "\": " + systemError(errno);
    return false;
  }
  tmp.keep = true;

  // Make the rename itself durable. The new content is already in place, so
  // a failure here is not reported as a failed write.
  int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
  return true;
}

}  // namespace misura::report
