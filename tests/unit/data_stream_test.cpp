// Tests for the lean data path of runtime/data: the streaming CSV reader
// (csv.h: CsvSink), the plain-number conversion (convertPlainNumber), the key
// index of a table (KeyIndex), the fast UTF-8 check of decode() and the held
// diagnostics of FileDiagnostics.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "compiler/support/utf8.h"
#include "runtime/data/convert.h"
#include "runtime/data/csv.h"
#include "runtime/data/encoding.h"
#include "runtime/data/file_diagnostics.h"
#include "runtime/data/table.h"

using misura::Diagnostic;
using misura::Diagnostics;
using misura::Rational;
using misura::SourceManager;
using misura::Span;
using namespace misura::data;
namespace ir = misura::ir;

namespace {

using Strings = std::vector<std::string>;

// Copies what it is given at the moment it is given: a view that went stale
// after the call could not be seen here, but a wrong one would.
struct RecordingSink : CsvSink {
  Strings names;
  std::vector<Strings> rows;
  std::vector<std::vector<Span>> spans;
  void header(misura::FileId, char, std::vector<Cell> cells) override {
    for (const Cell& c : cells) names.push_back(c.text);
  }
  void row(const std::vector<CellView>& cells) override {
    Strings texts;
    std::vector<Span> at;
    for (const CellView& c : cells) {
      CHECK(c.typed == nullptr);
      CHECK(c.kind() == CellKind::Text);
      texts.emplace_back(c.text);
      at.push_back(c.span);
    }
    rows.push_back(texts);
    spans.push_back(at);
  }
};

struct Streamed {
  SourceManager sources;
  Diagnostics diags;
  RecordingSink sink;
  bool ok = false;
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) out.push_back(d.code);
    return out;
  }
};

void stream(Streamed& s, std::string text) {
  misura::FileId file = s.sources.add("dati/test.csv", std::move(text));
  s.ok = readCsv(s.sources, file, CsvOptions{}, s.diags, s.sink);
}

}  // namespace

TEST_CASE("the streaming reader gives each row's cells while they are valid", "[csv][stream]") {
  Streamed s;
  stream(s,
         "a;b;c\n"
         "1;\"x\"\"y\";\"p\"q\n"             // an escaped quote, text after the closing quote (E0507)
         "\"\"\"\";\"\"\"\";\"\"\"\"\n"      // three copied cells in one row
         "plain; spaced ;\"quoted\"\n"
         ";;\n"                               // blank: not given
         "4;5\n");                            // wrong count (E0504): not given
  REQUIRE(s.ok);
  CHECK(s.sink.names == Strings{"a", "b", "c"});
  REQUIRE(s.sink.rows.size() == 3);
  CHECK(s.sink.rows[0] == Strings{"1", "x\"y", "pq"});
  CHECK(s.sink.rows[1] == Strings{"\"", "\"", "\""});
  CHECK(s.sink.rows[2] == Strings{"plain", "spaced", "quoted"});
  CHECK(s.sources.slice(s.sink.spans[2][1]) == "spaced");
  CHECK(s.sources.slice(s.sink.spans[2][2]) == "\"quoted\"");
  CHECK(s.sources.slice(s.sink.spans[0][1]) == "\"x\"\"y\"");
  CHECK(s.codes() == Strings{"E0507", "E0504"});
}

TEST_CASE("a row with many copied cells keeps each one's text", "[csv][stream]") {
  // More copied cells than any earlier row had: the buffer grows mid-row.
  std::string text = "h1;h2;h3;h4;h5;h6;h7;h8\n\"a\"\"\";plain;\"b\"\"\";x;\"c\"\"\";y;\"d\"\"\";z\n";
  std::string row2;
  for (int i = 0; i < 8; ++i) row2 += (i ? ";" : "") + std::string("\"v") + std::to_string(i) + "\"\"long enough not to be short\"";
  text += row2 + "\n";
  Streamed s;
  stream(s, text);
  REQUIRE(s.ok);
  REQUIRE(s.sink.rows.size() == 2);
  CHECK(s.sink.rows[0] == Strings{"a\"", "plain", "b\"", "x", "c\"", "y", "d\"", "z"});
  for (int i = 0; i < 8; ++i) CHECK(s.sink.rows[1][i] == "v" + std::to_string(i) + "\"long enough not to be short");
  CHECK(s.diags.all().empty());
}

TEST_CASE("plain and special fields are read alike", "[csv][stream]") {
  Streamed s;
  stream(s, "a\tb\tc\n x\ty \t\"z\"\n1\t2\t\n");  // tab separated: a tab is no blank there
  REQUIRE(s.ok);
  REQUIRE(s.sink.rows.size() == 2);
  CHECK(s.sink.rows[0] == Strings{"x", "y", "z"});
  CHECK(s.sink.rows[1] == Strings{"1", "2", ""});
  Streamed q;
  stream(q, "a;b\nx\"y;2\n");  // a quote inside a plain field: kept, E0507
  REQUIRE(q.sink.rows.size() == 1);
  CHECK(q.sink.rows[0] == Strings{"x\"y", "2"});
  CHECK(q.codes() == Strings{"E0507"});
}

TEST_CASE("the streaming reader refuses what readCsv refuses, giving nothing", "[csv][stream]") {
  Streamed s;
  stream(s, "\n  \n");
  CHECK_FALSE(s.ok);
  CHECK(s.sink.names.empty());
  CHECK(s.codes() == Strings{"E0502"});
}

TEST_CASE("feed gives a read table's cells with their typed cell", "[csv][stream]") {
  CsvTable table;
  Cell name;
  name.text = "n";
  table.header = {name};
  Cell number;
  number.text = "85%";
  number.kind = CellKind::Number;
  number.number = Rational(17, 20);
  number.percent = true;
  table.rows = {{number}};
  struct Sink : CsvSink {
    std::vector<CellView> seen;
    void header(misura::FileId, char, std::vector<Cell>) override {}
    void row(const std::vector<CellView>& cells) override { seen = cells; }
  } sink;
  feed(table, sink);
  REQUIRE(sink.seen.size() == 1);
  CHECK(sink.seen[0].kind() == CellKind::Number);
  CHECK(sink.seen[0].text == "85%");
  auto v = convertCell(sink.seen[0], ir::Type::Percentuale, "n");
  REQUIRE(std::holds_alternative<ir::Value>(v));
  CHECK(std::get<Rational>(std::get<ir::Value>(v)) == Rational(17, 20));
}

TEST_CASE("convertPlainNumber agrees with convertCell wherever it answers", "[convert][stream]") {
  const ir::Type numeric[] = {ir::Type::Numero, ir::Type::Punti, ir::Type::Euro, ir::Type::Percentuale,
                              ir::Type::Giorni};
  Strings texts = {"12",    "-3",  "+7",   "0",    "-0",  "0,5",  "0.5",  "1.234,56", "1,234.56", "12,",
                   ",5",    "",    "-",    "+",    "1 2", " 12", "12 ",   "85%",      "€ 5",      "1e5",
                   "007",   "3,75", "2.5", "-1,5", "999999999999999999", "1000000000000000000", "0,000001"};
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789,.-+ %";
  for (int i = 0; i < 3000; ++i) {
    std::string t;
    for (int n = static_cast<int>(rng() % 8); n > 0; --n) t += alphabet[rng() % alphabet.size()];
    texts.push_back(t);
  }
  for (char decimal : {',', '.'})
    for (ir::Type type : numeric)
      for (const std::string& t : texts) {
        std::optional<Rational> fast = convertPlainNumber(t, type, decimal);
        if (!fast) continue;
        auto slow = convertCell(std::string_view(t), type, "colonna", decimal);
        INFO("text «" << t << "» decimal " << decimal);
        REQUIRE(std::holds_alternative<ir::Value>(slow));
        CHECK(std::get<Rational>(std::get<ir::Value>(slow)) == *fast);
      }
  // It does answer for the cells it is for.
  CHECK(convertPlainNumber("365", ir::Type::Numero) == Rational(365));
  CHECK(convertPlainNumber("-17", ir::Type::Giorni) == Rational(-17));
  CHECK(convertPlainNumber("42.4", ir::Type::Numero, '.') == Rational(212, 5));
  CHECK(convertPlainNumber("85", ir::Type::Percentuale) == Rational(17, 20));
  CHECK_FALSE(convertPlainNumber("2,5", ir::Type::Giorni));  // convertCell explains why
  CHECK_FALSE(convertPlainNumber("12", ir::Type::Testo));
  CHECK_FALSE(convertPlainNumber("1.234", ir::Type::Numero));  // grouping: convertCell's business
}

TEST_CASE("the key index finds every row by its key and keeps the first of a repeated key", "[table][stream]") {
  Table t;
  const int n = 5000;  // many growths of the slots
  for (int i = 0; i < n; ++i) {
    Row r;
    r.key = {"M" + std::to_string(i % 1000), "OB" + std::to_string(i / 1000)};
    t.rows.push_back(r);
    CHECK(t.index.insert(t.rows, static_cast<uint32_t>(i)) == static_cast<uint32_t>(i));
  }
  Row again;
  again.key = {"M7", "OB3"};
  t.rows.push_back(again);
  CHECK(t.index.insert(t.rows, static_cast<uint32_t>(n)) == 3007u);  // the first row with that key
  CHECK(t.index.size() == static_cast<size_t>(n));
  for (int i = 0; i < n; i += 97) {
    const Row* r = t.find({"M" + std::to_string(i % 1000), "OB" + std::to_string(i / 1000)});
    REQUIRE(r != nullptr);
    CHECK(r == &t.rows[static_cast<size_t>(i)]);
  }
  CHECK(t.find({"M7"}) == nullptr);              // a prefix is another key
  CHECK(t.find({"M7", "OB3", ""}) == nullptr);
  CHECK(t.find({"M1000", "OB0"}) == nullptr);
  Table empty;
  CHECK(empty.find({"x"}) == nullptr);
  Table copy = t;  // positions, not pointers: a copy finds its own rows
  CHECK(copy.find({"M7", "OB3"}) == &copy.rows[3007]);
}

TEST_CASE("decode finds the first bad UTF-8 byte where firstInvalidUtf8 does", "[encoding][stream]") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a", "bc;", "12345678", "\xC3\xA8", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3",
                                "\xE2\x82", "\x80", "\xFF", std::string(1, '\0'), "\xED\xA0\x80", "\xC0\xAF", "\n"};
  for (int i = 0; i < 4000; ++i) {
    std::string bytes;
    for (int n = static_cast<int>(rng() % 12); n > 0; --n) bytes += pieces[rng() % std::size(pieces)];
    Decoded d = decode(bytes, Encoding::Utf8);
    std::optional<uint32_t> bad = misura::firstInvalidUtf8(bytes);
    INFO("case " << i);
    REQUIRE(d.ok == !bad.has_value());
    if (bad) CHECK(d.badOffset == *bad);
    else CHECK(d.text == bytes);
  }
}

TEST_CASE("held file diagnostics come after the others, in order, or not at all", "[diagnostics][stream]") {
  Diagnostics diags;
  FileDiagnostics fd(diags);
  fd.hold();
  fd.error("E0510", {}, "primo");
  diags.error("E0504", {}, "del lettore");
  fd.error("E0511", {}, "secondo");
  CHECK(diags.all().size() == 1);
  fd.release();
  REQUIRE(diags.all().size() == 3);
  CHECK(diags.all()[1].message == "primo");
  CHECK(diags.all()[2].message == "secondo");
  fd.error("E0512", {}, "dopo");  // no longer held
  CHECK(diags.all().size() == 4);

  Diagnostics other;
  FileDiagnostics dropped(other);
  dropped.hold();
  for (int i = 0; i < 150; ++i) dropped.error("E0510", {}, "x");
  dropped.discard();
  CHECK_FALSE(dropped.failed());
  dropped.flush();
  CHECK(other.all().empty());
}
