// Internal to cli/: an HTML document printed to PDF by headless Chromium
// (docs/architettura.md, «Documenti stampabili», says why Chromium).
//
// Chromium runs as a child process (posix_spawn, no shell) in its own
// process group, with a private profile folder and the document in a fresh
// temporary folder; it is killed, with its helpers, after the timeout. The
// program is MISURA_CHROMIUM if set, else `chromium`, `chromium-browser` or
// `google-chrome` on PATH; MISURA_CHROMIUM_SECONDI changes the timeout (60 s).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace misura::cli {

struct PdfError {
  std::string code;  // E0710 Chromium missing, E0711 Chromium failed, E0702 output not written
  std::string message;
  std::string hint;
};

// Writes `out` atomically with the PDF of `html`; nullopt on success.
std::optional<PdfError> printPdf(const std::string& html, const std::filesystem::path& out);

}  // namespace misura::cli
