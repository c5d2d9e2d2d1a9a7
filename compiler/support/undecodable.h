// Locating the first undecodable byte of a file (a regolamento that is not
// UTF-8, E0002; a data file not in its declared encoding, E0501), so that the
// error renders as "file:riga:colonna: errore[...]" with the line shown, like
// every other diagnostic.
#pragma once

#include <string>
#include <string_view>

#include "compiler/support/source.h"

namespace misura {

// Registers in `sources`, under `path`, a lossy copy of the file up to the
// end of the line holding the bad byte: `decodedPrefix` (the UTF-8 text of
// every byte before it, without BOM) followed by U+FFFD for the bad byte and
// by the rest of its line taken from `rest` (the raw bytes from the bad byte
// on), where every byte that is not printable ASCII also shows as U+FFFD
// (at most kShownBytes of them). Returns the span of the bad byte's U+FFFD.
// The copy is only for showing the location: it is never parsed.
Span registerUndecodable(SourceManager& sources, std::string path, std::string decodedPrefix,
                         std::string_view rest);

inline constexpr size_t kShownBytes = 60;

}  // namespace misura
