// Internal to cli/: the archive of the runs (runtime/archive/) on the
// command line.
//
//   misura archivia FILE --dati DIR [--archivio DB] [--autore "testo"] [--nota "testo"]
//   misura chiudi --anno AAAA [--archivio DB] [--ente "nome"]
//   misura storico [--archivio DB] [--esecuzione N | --elimina N]
//   misura confronta A B [--archivio DB] [--dati DIR] [--persona MATRICOLA] [--formato testo|json] [--uscita FILE]
//
// `archivia` evaluates as `valuta` does and stores the run; `confronta`
// compares two archived runs (A and B are run numbers), two regolamenti on
// the same data (A and B are .misura files, nothing archived: «e se...»),
// or an archived run with a regolamento evaluated now.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.h"

namespace misura::cli {

// Without --archivio: `archivia` uses this file beside the regolamento, the
// other commands this file in the current folder.
inline constexpr const char* kDefaultArchive = "archivio.misura.db";

struct ArchiviaOptions {
  std::string file, dataDir;
  std::optional<std::string> archivio, autore, nota, deroga;
  CompileOptions compile;
};

struct ConfrontaOptions {
  std::string a, b;
  std::optional<std::string> archivio, dataDir, persona, output, deroga;
  bool json = false;
  CompileOptions compile;
};

int cmdArchivia(const ArchiviaOptions& opt, const char* version);
int cmdChiudi(const std::optional<std::string>& archivio, int anno, const std::optional<std::string>& ente);
// --esecuzione N: that run's results CSV, as `valuta` wrote it then.
// --elimina N: removes an open run (a closed one is refused by the archive, E0721).
int cmdStorico(const std::optional<std::string>& archivio, std::optional<long> esecuzione, std::optional<long> elimina);
int cmdConfronta(const ConfrontaOptions& opt);

}  // namespace misura::cli
