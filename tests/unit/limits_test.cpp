// Unit tests for the input limits (compiler/support/limits.h) and the
// located form of undecodable input (compiler/support/undecodable.h):
// huge inputs are generated here, in memory.
#include <catch2/catch.hpp>

#include <string>

#include "compiler/support/limits.h"
#include "compiler/support/undecodable.h"
#include "compiler/syntax/parse.h"

using namespace misura;

namespace {

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  bool ok = false;
  std::string rendered() const { return render(sources, diags.all()); }
};

Parsed parseText(std::string text) {
  Parsed p;
  FileId file = p.sources.add("prova.misura", std::move(text));
  p.ok = syntax::parse(p.sources, file, p.diags).has_value();
  return p;
}

bool hasCodeAt(const Parsed& p, const std::string& code, uint32_t line, uint32_t column) {
  for (const Diagnostic& d : p.diags.all()) {
    if (d.code != code || !d.span.valid()) continue;
    LineCol lc = p.sources.lineCol(d.span.file, d.span.begin);
    if (lc.line == line && lc.column == column) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Limits: defaults, and MISURA_LIMITI overrides", "[limits]") {
  Limits d;
  CHECK(d.sourceBytes == 8u << 20);
  CHECK(d.digits == 60);
  Limits l = parseLimits("righe=3,byte_dati=100,cifre=5,byte_regolamento=200");
  CHECK(l.dataRows == 3);
  CHECK(l.dataBytes == 100);
  CHECK(l.digits == 5);
  CHECK(l.sourceBytes == 200);
  // Unknown names and bad values are ignored.
  Limits k = parseLimits("righe=x,sconosciuto=4,,cifre=-1,byte_dati=7");
  CHECK(k.dataRows == d.dataRows);
  CHECK(k.digits == d.digits);
  CHECK(k.dataBytes == 7);
  CHECK(formatCount(8388608) == "8.388.608");
  CHECK(formatCount(999) == "999");
  CHECK(formatCount(1000) == "1.000");
  CHECK(countDigits("€ 1.234,56") == 6);
}

TEST_CASE("Deep and long expressions give E0105, never a stack overflow", "[limits][syntax]") {
  const std::string head = "profilo p { premio = ";
  SECTION("100000 nested parentheses") {
    Parsed p = parseText(head + std::string(100000, '(') + "1" + std::string(100000, ')') + " }");
    CHECK_FALSE(p.ok);
    CHECK(hasCodeAt(p, "E0105", 1, 22 + 200));
  }
  SECTION("a sum of 100000 terms") {
    std::string sum = head + "1";
    for (int i = 0; i < 99999; ++i) sum += "+1";
    Parsed p = parseText(sum + " }");
    CHECK_FALSE(p.ok);
    CHECK(hasCodeAt(p, "E0105", 1, 22));
  }
  SECTION("100000 nested se ... allora ... altrimenti") {
    std::string s = head;
    for (int i = 0; i < 100000; ++i) s += "se x allora 1 altrimenti ";
    Parsed p = parseText(s + "0 }");
    CHECK_FALSE(p.ok);
    CHECK(p.diags.errorCount() >= 1);
    CHECK(p.diags.all().front().code == "E0105");
  }
  SECTION("a sum of 100 terms is accepted") {
    std::string sum = head + "1";
    for (int i = 0; i < 99; ++i) sum += "+1";
    Parsed p = parseText(sum + " }");
    INFO(p.rendered());
    CHECK(p.ok);
  }
}

TEST_CASE("A number literal longer than the limit is E0111", "[limits][syntax]") {
  Parsed p = parseText("profilo p { premio = " + std::string(20000, '9') + " euro }");
  CHECK_FALSE(p.ok);
  CHECK(hasCodeAt(p, "E0111", 1, 22));
  CHECK(p.rendered().find("numero troppo lungo: 20.000 cifre, al massimo 60") != std::string::npos);
  Parsed ok = parseText("profilo p { premio = " + std::string(60, '9') + " euro }");
  INFO(ok.rendered());
  CHECK(ok.ok);
}

TEST_CASE("An undecodable byte is located in a lossy copy of its line", "[limits][encoding]") {
  SourceManager sources;
  Span at = registerUndecodable(sources, "x.csv", "a;b\nc;d\nè;", std::string_view("\xE8\x01z\nrest", 8));
  CHECK(sources.path(at.file) == "x.csv");
  LineCol lc = sources.lineCol(at.file, at.begin);
  CHECK(lc.line == 3);
  CHECK(lc.column == 3);
  CHECK(sources.lineText(at.file, 3) == "è;\xEF\xBF\xBD\xEF\xBF\xBDz");
  CHECK(sources.slice(at) == "\xEF\xBF\xBD");
  // Only the line of the bad byte is kept, and at most kShownBytes of it.
  Span far = registerUndecodable(sources, "y.csv", "", std::string(1000, '\xFF'));
  CHECK(sources.lineText(far.file, 1).size() == 3 * (kShownBytes + 1));
  CHECK(sources.lineText(far.file, 2).empty());
}
