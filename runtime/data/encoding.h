// Decoding of data files (CSV produced by municipal offices) from their bytes
// to the UTF-8 text the rest of Misura works on.
//
// Flow: read the bytes, `decode` them with the encoding the regolamento
// declares, and either register `Decoded::text` in the SourceManager (so
// later diagnostics can point into it) or, when decoding failed, call
// `reportBadEncoding` with the raw bytes (it registers a lossy copy to point into).
//
// Inputs are expected to be smaller than 4 GiB: offsets are 32-bit, like
// every Span in the project.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/support/diagnostics.h"

namespace misura::data {

enum class Encoding { Utf8, Latin1, Windows1252 };

// The names a regolamento may declare, compared case-insensitively:
// "utf-8"/"utf8", "latin1"/"iso-8859-1", "windows-1252"/"cp1252".
// Returns nullopt for any other name.
std::optional<Encoding> parseEncodingName(std::string_view name);

// The name shown to users: "UTF-8", "Latin-1 (ISO-8859-1)", "Windows-1252".
std::string_view encodingDisplayName(Encoding enc);

struct Decoded {
  std::string text;        // UTF-8, without BOM; empty when !ok
  bool ok = false;
  uint32_t badOffset = 0;  // when !ok: byte offset in the INPUT of the first invalid byte
                           // (for UTF-8: the first byte of the first ill-formed sequence)
};

// Converts `bytes` to UTF-8 text.
//  - Any encoding: a UTF-16 BOM (FF FE or FE FF) -> !ok, badOffset 0 (UTF-16 is
//    not read). A NUL byte is invalid in every encoding: no CSV text contains
//    one, while UTF-16 without BOM and binary files (.xlsx) are full of them.
//  - Utf8: a leading UTF-8 BOM is stripped; validation is strict (overlong
//    forms, surrogates, code points above U+10FFFF and truncated sequences are
//    invalid).
//  - Latin1 / Windows1252: converted with iconv. Windows-1252 bytes undefined
//    in that charset (81 8D 8F 90 9D) are invalid. In Latin1 the bytes 80-9F
//    (C1 control codes, never found in real text) are invalid as well: they mean
//    the file is really Windows-1252 (80 is "€") and would otherwise be turned
//    silently into invisible characters. A leading UTF-8 BOM is invalid
//    (badOffset 0): the file is UTF-8 and converting it would garble it.
// Never throws for any input; throws InternalError only if the system's iconv
// lacks the charset (a broken installation).
Decoded decode(std::string_view bytes, Encoding enc);

// Reports why `bytes` (the content of `path`) could not be decoded: one error
// E0501 located at the offending byte (or at 1:1 for a file that is UTF-16, a
// workbook, or UTF-8 declared as another encoding): a lossy copy of the file up
// to that line is registered in `sources` under `path` for the location and the
// snippet (compiler/support/undecodable.h).
// Recognises UTF-16, Excel workbooks (.xlsx/.xls) saved under a .csv name and
// UTF-8 files declared as another encoding, and suggests the fix in the hint.
// `decoded` must be the failed result of decode(bytes, declared).
void reportBadEncoding(Diagnostics& diags, SourceManager& sources, std::string_view path, std::string_view bytes,
                       const Decoded& decoded, Encoding declared);

}  // namespace misura::data
