// Unit tests for the reader options shared by CSV and XLSX: the header on
// another line (`intestazione riga N`, E0531) and the header check that a
// merged header cell may leave a column without a name.
#include <catch2/catch.hpp>

#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"
#include "runtime/data/csv.h"

namespace data = misura::data;

namespace {

struct Read {
  misura::SourceManager sources;
  misura::Diagnostics diags;
  std::optional<data::CsvTable> table;
};

void read(Read& r, std::string text, std::optional<uint32_t> headerLine) {
  misura::FileId file = r.sources.add("staff.csv", std::move(text));
  data::CsvOptions options;
  options.headerLine = headerLine;
  r.table = data::readCsv(r.sources, file, options, r.diags);
}

}  // namespace

TEST_CASE("intestazione riga N: the lines above the header are skipped", "[reader]") {
  Read r;
  read(r, "Estrazione dal gestionale\ngenerata il 2025-01-15\nid,part_time\n0101,0.8333\n", 3);
  REQUIRE(r.table.has_value());
  CHECK(r.diags.all().empty());
  CHECK(r.table->separator == ',');
  REQUIRE(r.table->header.size() == 2);
  CHECK(r.table->header[0].text == "id");
  REQUIRE(r.table->rows.size() == 1);
  CHECK(r.table->rows[0][1].text == "0.8333");
  CHECK(r.sources.location(r.table->rows[0][1].span) == "staff.csv:4:6");
}

TEST_CASE("intestazione riga N past the end of the file is E0531", "[reader]") {
  Read r;
  read(r, "a;b\n1;2\n", 3);
  CHECK_FALSE(r.table.has_value());
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].code == "E0531");
  CHECK(r.diags.all()[0].message.find("ha solo 2 righe") != std::string::npos);
  Read last;
  read(last, "titolo\na;b\n1;2", 2);  // no final line break
  REQUIRE(last.table.has_value());
  CHECK(last.table->rows.size() == 1);
}

TEST_CASE("prepareHeader: a column covered by a merged cell may have no name", "[reader]") {
  misura::SourceManager sources;
  misura::FileId f = sources.addGrid("x.xlsx[Foglio1]", "matricola\tNote\t\tvoto\t\n", {2});
  auto cell = [&](std::string text, uint32_t b, uint32_t e) {
    data::Cell c;
    c.text = std::move(text);
    c.span = misura::Span{f, b, e};
    return c;
  };
  std::vector<data::Cell> header{cell("matricola", 0, 9), cell("Note", 10, 14), cell("", 15, 15),
                                 cell(" voto ", 16, 20), cell("", 21, 21)};
  misura::Diagnostics diags;
  data::prepareHeader(header, diags, {false, false, true, false, false});
  CHECK(header[3].text == "voto");
  REQUIRE(diags.all().size() == 1);  // only the last column, not covered by a merge
  CHECK(diags.all()[0].code == "E0506");
  CHECK(sources.location(diags.all()[0].span) == "x.xlsx[Foglio1]:2:E");
}
