// Tests for reading a CSV file in parts at once (csv.h: CsvOptions::threads,
// CsvSink::fork; schema.h: TableBuilder): the table and every diagnostic,
// in order, are those of reading the file in one part, whatever the file
// holds (bad cells, repeated keys across parts, wrong cell counts, quotes,
// more errors than the cap).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runtime/data/csv.h"
#include "runtime/data/file_diagnostics.h"
#include "runtime/data/schema.h"

using misura::Diagnostic;
using misura::Diagnostics;
using misura::SourceManager;
namespace ir = misura::ir;
namespace data = misura::data;

namespace {

bool sameSpan(misura::Span a, misura::Span b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }

ir::Field field(std::string name, ir::Type type, bool optional) {
  ir::Field f;
  f.name = std::move(name);
  f.type = type;
  f.optional = optional;
  return f;
}

ir::Dataset staffList() {
  ir::Dataset ds;
  ds.name = "personale";
  ds.file = "personale.csv";
  ds.decimal = '.';
  ds.fields = {field("matricola", ir::Type::Testo, false), field("valore", ir::Type::Numero, false),
               field("quota", ir::Type::Percentuale, true)};
  return ds;
}

// Passes everything to a TableBuilder and counts the forks it gave.
struct CountingSink : data::CsvSink {
  data::TableBuilder& builder;
  int forks = 0;
  explicit CountingSink(data::TableBuilder& b) : builder(b) {}
  void header(misura::FileId file, char sep, std::vector<data::Cell> h) override { builder.header(file, sep, h); }
  void row(const std::vector<data::CellView>& cells) override { builder.row(cells); }
  std::unique_ptr<data::CsvSink> fork() override {
    std::unique_ptr<data::CsvSink> part = builder.fork();
    forks += part != nullptr;
    return part;
  }
  void join(data::CsvSink& part) override { builder.join(part); }
};

struct Read {
  SourceManager sources;
  Diagnostics diags;
  data::Table table;
  size_t fileRows = 0;
  int forks = 0;
};

// Reads `text` as the loader does (readTable in load.cpp), in `threads` parts of at least 200 bytes.
void read(Read& r, const std::string& text, unsigned threads) {
  const ir::Dataset ds = staffList();
  const data::KnownKeys known;
  const misura::FileId file = r.sources.add("dati/personale.csv", text);
  data::FileDiagnostics fd(r.diags);
  data::TableBuilder builder(ds, 0, known, r.sources, fd);
  CountingSink sink(builder);
  data::CsvOptions options;
  options.threads = threads;
  options.partBytes = 200;
  fd.hold();
  REQUIRE(data::readCsv(r.sources, file, options, r.diags, sink));
  fd.release();
  r.fileRows = builder.fileRows();
  r.table = builder.finish();
  fd.flush();
  r.forks = sink.forks;
}

std::string rendered(const Read& r) { return misura::render(r.sources, r.diags.all()); }

// A file of n rows; `edit` may change row i's line.
template <typename Edit>
std::string file(size_t n, Edit edit) {
  std::string text = "matricola,valore,quota\n";
  for (size_t i = 0; i < n; ++i) {
    std::string line = "M" + std::to_string(i) + "," + std::to_string(i % 97) + "." + std::to_string(i % 10) + "," +
                       (i % 7 ? std::to_string(i % 100) + "%" : "");
    edit(i, line);
    text += line + "\n";
  }
  return text;
}

// Reads `text` in one part and in three; both must give the same.
void same(const std::string& text, bool forks) {
  Read one, parts;
  read(one, text, 1);
  read(parts, text, 3);
  CHECK(one.forks == 0);
  CHECK((parts.forks > 0) == forks);
  CHECK(rendered(parts) == rendered(one));
  REQUIRE(parts.diags.all().size() == one.diags.all().size());
  CHECK(parts.fileRows == one.fileRows);
  REQUIRE(parts.table.rows.size() == one.table.rows.size());
  CHECK(parts.table.index.size() == one.table.index.size());
  for (size_t i = 0; i < one.table.rows.size(); ++i) {
    const data::Row& a = one.table.rows[i];
    const data::Row& b = parts.table.rows[i];
    REQUIRE(a.key == b.key);
    CHECK(sameSpan(a.span, b.span));
    REQUIRE(a.values.size() == b.values.size());
    for (size_t f = 0; f < a.values.size(); ++f) {
      CHECK(a.values[f] == b.values[f]);
      CHECK(sameSpan(a.spans.at(f), b.spans.at(f)));
    }
    REQUIRE(one.table.find(a.key));
    REQUIRE(parts.table.find(a.key));
    CHECK(parts.table.find(a.key) - parts.table.rows.data() == one.table.find(a.key) - one.table.rows.data());
  }
}

}  // namespace

TEST_CASE("Reading in parts: a clean file gives the table of one reading", "[csv][parts]") {
  const std::string text = file(3000, [](size_t, std::string&) {});
  same(text, true);
  Read r;
  read(r, text, 3);
  CHECK(r.diags.all().empty());
  CHECK(r.table.rows.size() == 3000);
}

TEST_CASE("Reading in parts: bad cells late in the file are reported as in one reading", "[csv][parts]") {
  same(file(3000, [](size_t i, std::string& line) {
         if (i == 2500) line = "M2500,dodici,5%";  // E0510
         if (i == 2900) line = "M2900,,5%";        // E0511
       }),
       true);
}

TEST_CASE("Reading in parts: a key repeated across parts is E0512 at the later row", "[csv][parts]") {
  Read r;
  const std::string text = file(3000, [](size_t i, std::string& line) {
    if (i == 2800) line = "M10,1,1%";
    if (i == 2801) line = "M20,1,1%";
  });
  same(text, true);
  read(r, text, 3);
  CHECK(r.diags.all().size() == 2);
  CHECK(r.diags.all().at(0).code == "E0512");
}

TEST_CASE("Reading in parts: a row with a wrong cell count is E0504 in its place", "[csv][parts]") {
  same(file(3000, [](size_t i, std::string& line) {
         if (i == 2000) line += ",extra";
         if (i == 2001) line = "M2001,dodici,5%";
       }),
       true);
}

TEST_CASE("Reading in parts: every row in error, the caps and the notes of one reading", "[csv][parts]") {
  same(file(3000, [](size_t i, std::string& line) {
         if (i % 3 == 0) line = "M" + std::to_string(i) + ",x,1%";
         if (i % 5 == 0) line += ",extra";
       }),
       true);
}

TEST_CASE("Reading in parts: a file with a quote, CRLF or blank lines", "[csv][parts]") {
  same(file(3000, [](size_t i, std::string& line) {
         if (i == 1500) line = "\"M1500\",1,1%";
       }),
       false);  // a quote: one part
  std::string crlf = file(3000, [](size_t, std::string& line) { line += "\r"; });
  same(crlf, true);
  same(file(3000, [](size_t i, std::string& line) {
         if (i % 100 == 0) line += "\n,,\n";
       }),
       true);
}

TEST_CASE("Reading in parts: a small file is one part", "[csv][parts]") {
  same(file(5, [](size_t, std::string&) {}), false);
}
