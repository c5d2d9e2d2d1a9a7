// Tests for runtime/data/encoding: decoding data-file bytes to UTF-8 and the
// E0501 report for files that cannot be decoded.
#include <catch2/catch.hpp>

#include <string>

#include "runtime/data/encoding.h"

using misura::Diagnostics;
using misura::Severity;
using namespace misura::data;
using namespace std::string_literals;

namespace {

// The single diagnostic reportBadEncoding produced for `bytes` read as `enc`,
// with where it points ("path:line:column") and its rendering.
struct Report : misura::Diagnostic {
  std::string at;
  std::string rendered;
};

Report badEncodingReport(const std::string& bytes, Encoding enc, const std::string& path = "dati/personale.csv") {
  Decoded d = decode(bytes, enc);
  REQUIRE_FALSE(d.ok);
  Diagnostics diags;
  misura::SourceManager sources;
  reportBadEncoding(diags, sources, path, bytes, d, enc);
  REQUIRE(diags.all().size() == 1);
  Report r{diags.all().front(), {}, misura::render(sources, diags.all())};
  REQUIRE(r.span.valid());
  misura::LineCol lc = sources.lineCol(r.span.file, r.span.begin);
  r.at = sources.path(r.span.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
  return r;
}

}  // namespace

TEST_CASE("encoding names a regolamento may declare", "[encoding]") {
  struct Case {
    const char* name;
    std::optional<Encoding> expected;
  };
  const Case cases[] = {
      {"utf-8", Encoding::Utf8},           {"UTF-8", Encoding::Utf8},
      {"utf8", Encoding::Utf8},            {"Utf8", Encoding::Utf8},
      {"latin1", Encoding::Latin1},        {"LATIN1", Encoding::Latin1},
      {"iso-8859-1", Encoding::Latin1},    {"ISO-8859-1", Encoding::Latin1},
      {"windows-1252", Encoding::Windows1252}, {"Windows-1252", Encoding::Windows1252},
      {"cp1252", Encoding::Windows1252},   {"CP1252", Encoding::Windows1252},
      {"", std::nullopt},                  {"utf-16", std::nullopt},
      {"ascii", std::nullopt},             {"latin-1", std::nullopt},
      {"utf-8 ", std::nullopt},            {"windows1252", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO("name: \"" << c.name << "\"");
    CHECK(parseEncodingName(c.name) == c.expected);
  }
}

TEST_CASE("UTF-8: valid text passes unchanged, BOM stripped", "[encoding]") {
  const std::string text = "ente;qualità;importo €\nSant'Agata;perché;𝄞 1,5\n";
  Decoded plain = decode(text, Encoding::Utf8);
  CHECK(plain.ok);
  CHECK(plain.text == text);

  Decoded withBom = decode("\xEF\xBB\xBF" + text, Encoding::Utf8);
  CHECK(withBom.ok);
  CHECK(withBom.text == text);

  Decoded onlyBom = decode("\xEF\xBB\xBF", Encoding::Utf8);
  CHECK(onlyBom.ok);
  CHECK(onlyBom.text.empty());

  Decoded empty = decode("", Encoding::Utf8);
  CHECK(empty.ok);
  CHECK(empty.text.empty());

  // Only the leading BOM is a BOM; U+FEFF later is text.
  Decoded inner = decode("a\xEF\xBB\xBF", Encoding::Utf8);
  CHECK(inner.ok);
  CHECK(inner.text == "a\xEF\xBB\xBF");
}

TEST_CASE("UTF-8: ill-formed input is caught at the right offset", "[encoding]") {
  struct Case {
    const char* what;
    std::string bytes;
    uint32_t badOffset;
  };
  const Case cases[] = {
      {"Latin-1 byte", "perch\xE9", 5},
      {"lead without continuation", "\xC3\x28", 0},
      {"lone continuation byte", "ab\x80", 2},
      {"overlong 2 bytes (C0)", "ab\xC0\xAF", 2},
      {"overlong 2 bytes (C1)", "\xC1\xBF", 0},
      {"overlong 3 bytes", "x\xE0\x80\xAF", 1},
      {"overlong 4 bytes", "\xF0\x8F\xBF\xBF", 0},
      {"surrogate D800", "ok\xED\xA0\x80", 2},
      {"surrogate DFFF", "\xED\xBF\xBF", 0},
      {"above U+10FFFF", "x\xF4\x90\x80\x80", 1},
      {"F5 lead", "\xF5\x80\x80\x80", 0},
      {"FF byte", "a\xFF", 1},
      {"truncated 3-byte at end", "abc\xE2\x82", 3},
      {"truncated 4-byte at end", "abc\xF0\x9F\x98", 3},
      {"truncated sequence mid-text", "a\xE2\x82;b", 1},
      {"NUL byte", "a\0b"s, 1},
      {"offset counts the BOM", "\xEF\xBB\xBF" "ab\xE9", 5},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Decoded d = decode(c.bytes, Encoding::Utf8);
    CHECK_FALSE(d.ok);
    CHECK(d.badOffset == c.badOffset);
    CHECK(d.text.empty());
  }
  // The boundaries of the valid ranges are accepted.
  for (const char* ok : {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                         "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\x7F"}) {
    INFO("bytes of length " << std::string(ok).size());
    CHECK(decode(ok, Encoding::Utf8).ok);
  }
}

TEST_CASE("E0501 points at the line and column of the bad byte", "[encoding]") {
  // Line 3 is "è;x" then the Latin-1 byte for "à": column 4 in characters, not bytes.
  Report d = badEncodingReport("nome;qualità\nRossi;1\nè;x\xE0;\n", Encoding::Utf8);
  CHECK(d.code == "E0501");
  CHECK(d.severity == Severity::Errore);
  CHECK(d.at == "dati/personale.csv:3:4");
  CHECK(d.message == "il file non è nella codifica dichiarata (UTF-8): qui c'è un byte non valido");
  CHECK(d.hint ==
        "se il file è stato salvato da Excel in «CSV (delimitato dal separatore di elenco)», dichiara codifica "
        "\"windows-1252\" nella sezione dati; altrimenti salvalo come «CSV UTF-8»");

  // The BOM is not a visible column; CRLF line ends count as one line each.
  CHECK(badEncodingReport("\xEF\xBB\xBF" "ab\xFF", Encoding::Utf8).at == "dati/personale.csv:1:3");
  CHECK(badEncodingReport("a;b\r\n1;2\r\n3;\x80", Encoding::Utf8).at == "dati/personale.csv:3:3");

  // Rendered like every other diagnostic: location first, then the line
  // with the bad byte shown as U+FFFD and a caret under it.
  CHECK(d.rendered.starts_with("dati/personale.csv:3:4: errore[E0501]: il file non è nella codifica dichiarata"));
  CHECK(d.rendered.find("    3 | è;x\xEF\xBF\xBD;\n      |    ^\n") != std::string::npos);
}

TEST_CASE("Latin-1 converts to UTF-8", "[encoding]") {
  Decoded d = decode("perch\xE9", Encoding::Latin1);
  REQUIRE(d.ok);
  CHECK(d.text == "perché");

  Decoded vowels = decode("\xE0\xE8\xE9\xEC\xF2\xF9 \xC0\xC8\xC9 \xA0\xB0\xFF", Encoding::Latin1);
  REQUIRE(vowels.ok);
  CHECK(vowels.text == "àèéìòù ÀÈÉ \u00A0°ÿ");

  // Large input: the output is longer than the input.
  Decoded big = decode(std::string(1'000'000, '\xE9'), Encoding::Latin1);
  REQUIRE(big.ok);
  CHECK(big.text.size() == 2'000'000);
  CHECK(big.text.substr(0, 4) == "éé");
}

TEST_CASE("Latin-1 rejects C1 control bytes: the file is really Windows-1252", "[encoding]") {
  Decoded d = decode("importo;\x80 10\n", Encoding::Latin1);
  CHECK_FALSE(d.ok);
  CHECK(d.badOffset == 8);
  Report r = badEncodingReport("importo;\x80 10\n", Encoding::Latin1);
  CHECK(r.message == "il file non è nella codifica dichiarata (Latin-1 (ISO-8859-1)): qui c'è un byte non valido");
  CHECK(r.at == "dati/personale.csv:1:9");
  CHECK(r.hint.find("\"windows-1252\"") != std::string::npos);
}

TEST_CASE("Windows-1252 converts to UTF-8", "[encoding]") {
  struct Case {
    std::string bytes;
    std::string utf8;
  };
  const Case cases[] = {
      {"\x80", "€"},
      {"\x93" "Verdi" "\x94", "“Verdi”"},
      {"\x92", "’"},
      {"perch\xE9 \x80 5", "perché € 5"},
      {"\x8A\x9A\x9F", "ŠšŸ"},
      {"", ""},
  };
  for (const Case& c : cases) {
    Decoded d = decode(c.bytes, Encoding::Windows1252);
    CHECK(d.ok);
    CHECK(d.text == c.utf8);
  }
}

TEST_CASE("Windows-1252: undefined bytes are invalid", "[encoding]") {
  for (char undefined : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
    std::string bytes = "ab"s + undefined + "cd";
    Decoded d = decode(bytes, Encoding::Windows1252);
    INFO("byte " << static_cast<int>(static_cast<unsigned char>(undefined)));
    CHECK_FALSE(d.ok);
    CHECK(d.badOffset == 2);
  }
  // NUL is invalid too, and the first problem wins.
  CHECK(decode("a\x81\0"s, Encoding::Windows1252).badOffset == 1);
  CHECK(decode("a\0\x81"s, Encoding::Windows1252).badOffset == 1);
  CHECK(decode("\x80\x80\0"s, Encoding::Windows1252).badOffset == 2);
}

TEST_CASE("a UTF-8 file declared Windows-1252 is recognised", "[encoding]") {
  // "Á" in UTF-8 is C3 81, and 81 is undefined in Windows-1252.
  Report d = badEncodingReport("nome\nÁlvaro\n", Encoding::Windows1252);
  CHECK(d.message == "il file non è nella codifica dichiarata (Windows-1252): qui c'è un byte non valido");
  CHECK(d.at == "dati/personale.csv:2:2");
  CHECK(d.hint.find("dichiara codifica \"utf-8\"") != std::string::npos);

  // With a BOM the file is certainly UTF-8.
  Decoded bom = decode("\xEF\xBB\xBFnome\n", Encoding::Windows1252);
  CHECK_FALSE(bom.ok);
  CHECK(bom.badOffset == 0);
  Report b = badEncodingReport("\xEF\xBB\xBFnome\n", Encoding::Latin1);
  CHECK(b.message.find("è in UTF-8") != std::string::npos);
  CHECK(b.at == "dati/personale.csv:1:1");
  CHECK(b.hint == "dichiara codifica \"utf-8\" nella sezione dati");
}

TEST_CASE("UTF-16 is rejected in every encoding", "[encoding]") {
  for (Encoding enc : {Encoding::Utf8, Encoding::Latin1, Encoding::Windows1252}) {
    for (std::string bytes : {"\xFF\xFEn\0o\0"s, "\xFE\xFF\0n\0o"s}) {
      Decoded d = decode(bytes, enc);
      CHECK_FALSE(d.ok);
      CHECK(d.badOffset == 0);
      Report r = badEncodingReport(bytes, enc);
      CHECK(r.code == "E0501");
      CHECK(r.at == "dati/personale.csv:1:1");
      CHECK(r.message.find("UTF-16") != std::string::npos);
      CHECK(r.hint.find("«CSV UTF-8»") != std::string::npos);
    }
  }
}

TEST_CASE("binary files get a specific explanation", "[encoding]") {
  Report xlsx = badEncodingReport("PK\x03\x04\x14\x00\x06\x00"s, Encoding::Utf8, "dati/enti.csv");
  CHECK(xlsx.message.find("il file non è un file CSV") != std::string::npos);
  CHECK(xlsx.at == "dati/enti.csv:1:1");
  CHECK(xlsx.message.find(".xlsx") != std::string::npos);

  Report xls = badEncodingReport("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"s, Encoding::Windows1252);
  CHECK(xls.message.find(".xls") != std::string::npos);

  // UTF-16 without BOM: NUL bytes.
  Report nul = badEncodingReport("n\0o\0m\0e\0"s, Encoding::Latin1);
  CHECK(nul.message.find("byte nulli (qui il primo)") != std::string::npos);
  CHECK(nul.at == "dati/personale.csv:1:2");
}
