// Fuzz target: reading a data file. The first byte of the input chooses the
// declared encoding and the separator; the rest is the file's bytes, which
// are decoded (or reported as undecodable, E0501) and tokenized as CSV; every
// diagnostic is rendered.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/support/diagnostics.h"
#include "runtime/data/csv.h"
#include "runtime/data/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace misura;
  if (size == 0) return 0;
  const data::Encoding encodings[] = {data::Encoding::Utf8, data::Encoding::Latin1, data::Encoding::Windows1252};
  const data::Encoding encoding = encodings[data[0] % 3];
  data::CsvOptions options;
  switch ((data[0] / 3) % 4) {
    case 0: break;  // detect
    case 1: options.separator = ';'; break;
    case 2: options.separator = ','; break;
    case 3: options.separator = '\t'; break;
  }
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  SourceManager sources;
  Diagnostics diags;
  data::Decoded decoded = data::decode(bytes, encoding);
  if (!decoded.ok) {
    data::reportBadEncoding(diags, sources, "dati/fuzz.csv", bytes, decoded, encoding);
  } else {
    FileId file = sources.add("dati/fuzz.csv", std::move(decoded.text));
    if (auto table = data::readCsv(sources, file, options, diags))
      for (size_t r = 0; r < table->rows.size(); ++r) (void)table->rowSpan(r);
  }
  (void)render(sources, diags.all());
  return 0;
}
