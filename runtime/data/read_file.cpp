#include "runtime/data/read_file.h"

#include <fmt/format.h>

#include "runtime/data/open_file.h"
#include "runtime/data/xlsx.h"

namespace misura::data {

namespace {

bool hasExtension(const std::string& file, std::string_view ext) {
  if (file.size() < ext.size()) return false;
  for (size_t i = 0; i < ext.size(); ++i) {
    char c = file[file.size() - ext.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != ext[i]) return false;
  }
  return true;
}

// The OLE2 compound file of Excel 97-2003 (.xls), also used for password-protected .xlsx.
bool looksLikeOle(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

}  // namespace

bool readDataFile(const ir::Dataset& ds, const std::filesystem::path& dataDir, SourceManager& sources,
                  Diagnostics& diags, CsvSink& sink, unsigned threads) {
  std::optional<std::string> bytes = readDataBytes(ds, dataDir, diags);
  if (!bytes) return false;
  const std::string path = (dataDir / ds.file).string();
  if (looksLikeZip(*bytes)) {
    XlsxOptions options{ds.sheet, ds.sheetSpan, ds.headerRow, ds.headerRowSpan, ds.fileSpan};
    std::optional<CsvTable> sheet = readXlsx(*bytes, path, options, sources, diags);
    if (!sheet) return false;
    feed(*sheet, sink);
    return true;
  }
  if (looksLikeOle(*bytes)) {
    diags.error("E0530", ds.fileSpan,
                fmt::format("il file «{}» è nel vecchio formato di Excel 97-2003 (.xls) o è protetto da password: "
                            "Misura legge le cartelle di lavoro .xlsx e i file CSV",
                            path),
                "aprilo in Excel, togli l'eventuale password e scegli File > Salva con nome, tipo «Cartella di "
                "lavoro di Excel (.xlsx)»; poi scrivi nel regolamento il nuovo nome del file");
    return false;
  }
  if (hasExtension(ds.file, ".xlsx") || hasExtension(ds.file, ".xlsm")) {
    diags.error("E0520", ds.fileSpan,
                fmt::format("il file «{}» non è una cartella di lavoro di Excel: contiene testo, forse è un CSV "
                            "salvato con il nome .xlsx",
                            path),
                "se è un CSV, rinominalo con l'estensione .csv e scrivi il nuovo nome nel regolamento; altrimenti "
                "aprilo in Excel e salvalo come «Cartella di lavoro di Excel (.xlsx)»");
    return false;
  }
  if (ds.sheet) {
    diags.error("E0528", ds.sheetSpan,
                fmt::format("il file «{}» è un CSV: non ha fogli, e `foglio \"{}\"` non vale per lui", path, *ds.sheet),
                "togli l'opzione foglio, oppure indica la cartella di lavoro .xlsx che contiene il foglio");
    return false;
  }
  std::optional<FileId> file = decodeDataFile(ds, dataDir / ds.file, *bytes, sources, diags);
  if (!file) return false;
  bytes.reset();  // the decoded text is in `sources`: the raw bytes are not needed while reading
  CsvOptions options{ds.separator, ds.headerRow, ds.headerRowSpan};
  options.threads = threads;
  return readCsv(sources, *file, options, diags, sink);
}

std::optional<CsvTable> readDataFile(const ir::Dataset& ds, const std::filesystem::path& dataDir,
                                     SourceManager& sources, Diagnostics& diags) {
  CsvTable table;
  CsvTableSink sink(table);
  if (!readDataFile(ds, dataDir, sources, diags, sink)) return std::nullopt;
  return table;
}

}  // namespace misura::data
