// Fuzz target: reading an Excel workbook (runtime/data/xlsx.h), the zip and
// XML parsers included. The first byte of the input chooses the reading
// options (a named sheet or the only visible one, a header row); the rest is
// the file's bytes. Every diagnostic is rendered, every row located.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/support/diagnostics.h"
#include "runtime/data/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace misura;
  if (size == 0) return 0;
  data::XlsxOptions options;
  if (data[0] & 1) options.sheet = (data[0] & 2) ? "Foglio1" : "Schede";
  if (data[0] & 4) options.headerRow = 1 + (data[0] >> 4);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  SourceManager sources;
  Diagnostics diags;
  if (auto table = data::readXlsx(bytes, "dati/fuzz.xlsx", options, sources, diags))
    for (size_t r = 0; r < table->rows.size(); ++r) (void)sources.location(table->rowSpan(r));
  (void)render(sources, diags.all());
  return 0;
}
