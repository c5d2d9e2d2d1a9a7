#include "runtime/data/encoding.h"

#include <cerrno>
#include <iconv.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "compiler/support/undecodable.h"
#include "compiler/support/utf8.h"

namespace misura::data {

namespace {

unsigned char byteAt(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool hasUtf16Bom(std::string_view s) { return s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF"); }

Decoded failure(size_t offset) { return Decoded{{}, false, static_cast<uint32_t>(offset)}; }

// firstInvalidUtf8, faster on the ASCII text that most of a data file is:
// bytes 0x01-0x7F are valid alone and skipped eight at a time; each run of
// bytes >= 0x80 (whole sequences if valid, as ASCII bytes start none) is
// checked by firstInvalidUtf8, which gives the same offset there.
std::optional<size_t> firstInvalidUtf8Fast(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  size_t i = 0;
  while (i < s.size()) {
    uint64_t w = 0;
    if (i + 8 <= s.size()) {
      std::memcpy(&w, s.data() + i, 8);
      if (((w | ((w - kOnes) & ~w)) & kHighs) == 0) {  // no byte >= 0x80 and no NUL
        i += 8;
        continue;
      }
    }
    const unsigned char c = byteAt(s, i);
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && byteAt(s, end) >= 0x80) ++end;
    if (std::optional<uint32_t> bad = firstInvalidUtf8(s.substr(i, end - i))) return i + *bad;
    i = end;
  }
  return std::nullopt;
}

Decoded decodeUtf8(std::string_view bytes) {
  size_t start = hasUtf8Bom(bytes) ? 3 : 0;
  if (auto bad = firstInvalidUtf8Fast(bytes.substr(start))) return failure(start + *bad);
  return Decoded{std::string(bytes.substr(start)), true, 0};
}

// Owns an iconv descriptor.
class Converter {
 public:
  explicit Converter(const char* from) : cd_(iconv_open("UTF-8", from)) {
    if (cd_ == reinterpret_cast<iconv_t>(-1))
      throw InternalError{fmt::format("conversione dalla codifica {} non disponibile in questo sistema (iconv)", from)};
  }
  ~Converter() { iconv_close(cd_); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  // Appends the conversion of `in` to `out`. Returns the offset in `in` of the
  // first byte iconv rejects, or nullopt if all of `in` was converted.
  std::optional<size_t> convert(std::string_view in, std::string& out) {
    // Single-byte charsets need at most 3 UTF-8 bytes per input byte.
    std::string buffer(in.size() * 3 + 16, '\0');
    char* inPtr = const_cast<char*>(in.data());  // iconv's signature is not const-correct
    size_t inLeft = in.size();
    char* outPtr = buffer.data();
    size_t outLeft = buffer.size();
    std::optional<size_t> bad;
    while (inLeft > 0) {
      if (iconv(cd_, &inPtr, &inLeft, &outPtr, &outLeft) != static_cast<size_t>(-1)) continue;
      if (errno == E2BIG) {
        size_t used = buffer.size() - outLeft;
        buffer.resize(buffer.size() * 2);
        outPtr = buffer.data() + used;
        outLeft = buffer.size() - used;
        continue;
      }
      bad = in.size() - inLeft;  // EILSEQ or EINVAL: stopped before the offending byte
      break;
    }
    out.append(buffer.data(), buffer.size() - outLeft);
    return bad;
  }

 private:
  iconv_t cd_;
};

// Bytes rejected before conversion (see decode's contract).
bool forbiddenByte(unsigned char c, Encoding enc) {
  if (c == 0x00) return true;
  return enc == Encoding::Latin1 && c >= 0x80 && c <= 0x9F;
}

Decoded decodeSingleByte(std::string_view bytes, Encoding enc) {
  if (hasUtf8Bom(bytes)) return failure(0);
  size_t forbidden = bytes.size();
  for (size_t i = 0; i < bytes.size(); ++i)
    if (forbiddenByte(byteAt(bytes, i), enc)) {
      forbidden = i;
      break;
    }
  Converter converter(enc == Encoding::Latin1 ? "ISO-8859-1" : "WINDOWS-1252");
  Decoded result{{}, true, 0};
  result.text.reserve(bytes.size() + bytes.size() / 8);
  if (auto bad = converter.convert(bytes.substr(0, forbidden), result.text)) return failure(*bad);
  if (forbidden < bytes.size()) return failure(forbidden);
  return result;
}

const char* const kSaveAsUtf8 = "aprilo in Excel e salvalo con «Salva con nome» scegliendo il formato «CSV UTF-8»";

// Where an undecodable file's error points: its byte `offset`, in a lossy
// copy registered in the SourceManager (compiler/support/undecodable.h).
struct Located {
  SourceManager& sources;
  std::string path;
  std::string_view bytes;
  Encoding declared;

  Span at(size_t offset) const {
    offset = std::min(offset, bytes.size());
    std::string prefix;
    switch (declared) {
      case Encoding::Utf8: {
        size_t start = hasUtf8Bom(bytes) && offset >= 3 ? 3 : 0;
        prefix = std::string(bytes.substr(start, offset - start));
        break;
      }
      case Encoding::Latin1:
      case Encoding::Windows1252: prefix = decodeSingleByte(bytes.substr(0, offset), declared).text; break;
    }
    return registerUndecodable(sources, path, std::move(prefix), bytes.substr(offset));
  }
};

void reportError(Diagnostics& diags, Span at, std::string message, std::string hint) {
  diags.error("E0501", at, std::move(message), std::move(hint));
}

// A workbook saved (or renamed) as .csv: recognised from its signature.
bool reportIfWorkbook(Diagnostics& diags, const Located& file) {
  const char* kind = nullptr;
  if (file.bytes.starts_with(std::string_view("PK\x03\x04", 4)))
    kind = "una cartella di lavoro di Excel (.xlsx) o un archivio compresso";
  else if (file.bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    kind = "una cartella di lavoro di Excel nel vecchio formato .xls";
  if (!kind) return false;
  reportError(diags, file.at(0), fmt::format("il file non è un file CSV: è {}", kind), kSaveAsUtf8);
  return true;
}

std::string hintForInvalidByte(std::string_view bytes, Encoding declared) {
  bool validUtf8 = !firstInvalidUtf8(bytes.substr(hasUtf8Bom(bytes) ? 3 : 0)).has_value();
  switch (declared) {
    case Encoding::Utf8:
      return "se il file è stato salvato da Excel in «CSV (delimitato dal separatore di elenco)», dichiara codifica "
             "\"windows-1252\" nella sezione dati; altrimenti salvalo come «CSV UTF-8»";
    case Encoding::Latin1:
      if (validUtf8) return "il file è in UTF-8 (ad esempio salvato come «CSV UTF-8»): dichiara codifica \"utf-8\" nella sezione dati";
      return "il file contiene caratteri che esistono solo nella codifica di Windows (come «€»): dichiara codifica "
             "\"windows-1252\" nella sezione dati";
    case Encoding::Windows1252:
      if (validUtf8) return "il file è in UTF-8 (ad esempio salvato come «CSV UTF-8»): dichiara codifica \"utf-8\" nella sezione dati";
      return "il file sembra salvato in un'altra codifica: salvalo come «CSV UTF-8» e dichiara codifica \"utf-8\" nella "
             "sezione dati";
  }
  return {};
}

}  // namespace

std::optional<Encoding> parseEncodingName(std::string_view name) {
  struct Entry {
    std::string_view name;
    Encoding enc;
  };
  static constexpr Entry kNames[] = {
      {"utf-8", Encoding::Utf8},           {"utf8", Encoding::Utf8},
      {"latin1", Encoding::Latin1},        {"iso-8859-1", Encoding::Latin1},
      {"windows-1252", Encoding::Windows1252}, {"cp1252", Encoding::Windows1252},
  };
  for (const Entry& e : kNames)
    if (equalsIgnoreCase(name, e.name)) return e.enc;
  return std::nullopt;
}

std::string_view encodingDisplayName(Encoding enc) {
  switch (enc) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Latin1: return "Latin-1 (ISO-8859-1)";
    case Encoding::Windows1252: return "Windows-1252";
  }
  return "UTF-8";
}

Decoded decode(std::string_view bytes, Encoding enc) {
  if (hasUtf16Bom(bytes)) return failure(0);
  switch (enc) {
    case Encoding::Utf8: return decodeUtf8(bytes);
    case Encoding::Latin1:
    case Encoding::Windows1252: return decodeSingleByte(bytes, enc);
  }
  return failure(0);
}

void reportBadEncoding(Diagnostics& diags, SourceManager& sources, std::string_view path, std::string_view bytes,
                       const Decoded& decoded, Encoding declared) {
  const Located file{sources, std::string(path), bytes, declared};
  if (hasUtf16Bom(bytes)) {
    reportError(diags, file.at(0),
                "il file è in codifica UTF-16 (ad esempio salvato come «Testo Unicode»), che non può essere letta: "
                "deve essere in UTF-8",
                kSaveAsUtf8);
    return;
  }
  if (reportIfWorkbook(diags, file)) return;
  if (declared != Encoding::Utf8 && hasUtf8Bom(bytes)) {
    reportError(diags, file.at(0),
                fmt::format("il file è in UTF-8 (lo indica il marcatore all'inizio del file), ma la codifica "
                            "dichiarata è {}",
                            encodingDisplayName(declared)),
                "dichiara codifica \"utf-8\" nella sezione dati");
    return;
  }
  if (decoded.badOffset < bytes.size() && bytes[decoded.badOffset] == '\0') {
    reportError(diags, file.at(decoded.badOffset),
                "il file contiene byte nulli (qui il primo): non è un file di testo CSV, oppure è in codifica UTF-16",
                std::string("se è stato salvato come «Testo Unicode» o è un file Excel, ") + kSaveAsUtf8);
    return;
  }
  reportError(diags, file.at(decoded.badOffset),
              fmt::format("il file non è nella codifica dichiarata ({}): qui c'è un byte non valido",
                          encodingDisplayName(declared)),
              hintForInvalidByte(bytes, declared));
}

}  // namespace misura::data
