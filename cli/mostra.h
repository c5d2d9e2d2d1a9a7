// `misura mostra FILE`: the first rows of a data file (CSV or XLSX) as
// Misura reads them, with their row numbers and columns, so that a
// segretario can write `intestazione riga N`, `foglio` and `colonna "..."`
// without opening the file elsewhere.
#pragma once

#include <optional>
#include <string>

namespace misura::cli {

struct MostraOptions {
  std::string file;
  std::optional<std::string> sheet;   // --foglio
  std::optional<uint32_t> headerRow;  // --intestazione
  size_t rows = 10;                   // --righe
};

int cmdMostra(const MostraOptions& opt);

}  // namespace misura::cli
