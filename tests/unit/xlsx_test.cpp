// Unit tests for the pieces of the XLSX reader: exact decimals from <v>,
// serial dates (1900 system with Excel's 29/02/1900, 1904 system), cell and
// range references, number formats, grid locations "file[foglio]:12:C", and
// the conversion of typed cells.
#include <catch2/catch.hpp>

#include "compiler/support/source.h"
#include "runtime/data/convert.h"
#include "runtime/data/xlsx.h"
#include "runtime/data/xlsx_values.h"

using misura::Date;
using misura::Rational;
namespace data = misura::data;
namespace xlsx = misura::data::xlsx;
namespace ir = misura::ir;

namespace {

Rational dec(const char* s) {
  std::optional<Rational> q = xlsx::parseDecimal(s);
  REQUIRE(q.has_value());
  return *q;
}

Date day(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

Date serial(long n, bool date1904 = false) {
  auto r = xlsx::serialToDate(Rational(n), date1904);
  REQUIRE(std::holds_alternative<Date>(r));
  return std::get<Date>(r);
}

}  // namespace

TEST_CASE("parseDecimal reads Excel's decimal text exactly", "[xlsx]") {
  CHECK(dec("0.1") == Rational(1, 10));
  CHECK(dec("1.2E-2") == Rational(12, 1000));
  CHECK(dec("1.2e-2") == Rational(3, 250));
  CHECK(dec("9.9999999999999995E-7") == Rational::fromMpq(mpq_class("99999999999999995/100000000000000000000000")));
  CHECK(dec("-3") == Rational(-3));
  CHECK(dec("1E+20") == Rational::fromMpq(mpq_class("100000000000000000000")));
  CHECK(dec("12345.67") == Rational(1234567, 100));
  CHECK(dec(".5") == Rational(1, 2));
  CHECK(dec("5.") == Rational(5));
  CHECK(dec("0.30000000000000004") == Rational::fromMpq(mpq_class("30000000000000004/100000000000000000")));
  for (const char* bad : {"", "-", ".", "1,5", "1.2.3", "E5", "1E", "1E+", "1e400000", "0x10", "12 ", " 12", "NaN", "1E999"})
    CHECK_FALSE(xlsx::parseDecimal(bad).has_value());
}

TEST_CASE("serialToDate: the 1900 system with Excel's fictitious 29/02/1900", "[xlsx]") {
  CHECK(serial(1) == day(1900, 1, 1));
  CHECK(serial(59) == day(1900, 2, 28));
  CHECK(std::get<xlsx::SerialError>(xlsx::serialToDate(Rational(60), false)) == xlsx::SerialError::Fictitious);
  CHECK(serial(61) == day(1900, 3, 1));
  CHECK(serial(42064) == day(2015, 3, 1));
  CHECK(serial(45382) == day(2024, 3, 31));
  CHECK(serial(2958465) == day(9999, 12, 31));
  CHECK(std::get<xlsx::SerialError>(xlsx::serialToDate(Rational(2958466), false)) == xlsx::SerialError::OutOfRange);
  CHECK(std::get<xlsx::SerialError>(xlsx::serialToDate(Rational(0), false)) == xlsx::SerialError::NotADay);
  CHECK(std::get<xlsx::SerialError>(xlsx::serialToDate(Rational(-1), false)) == xlsx::SerialError::NotADay);
  // A date with a time of day: the day.
  auto withTime = xlsx::serialToDate(Rational(4538275, 100), false);
  CHECK(std::get<Date>(withTime) == day(2024, 3, 31));
}

TEST_CASE("serialToDate: the 1904 system", "[xlsx]") {
  CHECK(serial(0, true) == day(1904, 1, 1));
  CHECK(serial(43920, true) == day(2024, 3, 31));  // 1462 days less than in the 1900 system
  CHECK(std::get<xlsx::SerialError>(xlsx::serialToDate(Rational(-1), true)) == xlsx::SerialError::NotADay);
}

TEST_CASE("parseCellRef and parseRangeRef", "[xlsx]") {
  auto ref = [](const char* s) {
    auto r = xlsx::parseCellRef(s);
    REQUIRE(r.has_value());
    return std::pair(r->row, r->column);
  };
  CHECK(ref("A1") == std::pair(1u, 1u));
  CHECK(ref("C12") == std::pair(12u, 3u));
  CHECK(ref("Z3") == std::pair(3u, 26u));
  CHECK(ref("AA3") == std::pair(3u, 27u));
  CHECK(ref("$B$7") == std::pair(7u, 2u));
  CHECK(ref("XFD1048576") == std::pair(1048576u, 16384u));
  for (const char* bad : {"", "A", "12", "A0", "XFE1", "A1048577", "AAAA1", "A1B", "1A", "A-1", "A 1"})
    CHECK_FALSE(xlsx::parseCellRef(bad).has_value());
  auto range = xlsx::parseRangeRef("B2:D5");
  REQUIRE(range.has_value());
  CHECK(range->first.row == 2);
  CHECK(range->last.column == 4);
  CHECK(xlsx::parseRangeRef("C3").has_value());
  CHECK_FALSE(xlsx::parseRangeRef("D5:B2").has_value());
  CHECK(misura::columnLetters(1) == "A");
  CHECK(misura::columnLetters(26) == "Z");
  CHECK(misura::columnLetters(27) == "AA");
  CHECK(misura::columnLetters(16384) == "XFD");
}

TEST_CASE("number formats: dates and percentages", "[xlsx]") {
  using K = xlsx::FormatKind;
  CHECK(xlsx::builtinFormat(0) == K::Number);
  CHECK(xlsx::builtinFormat(9) == K::Percent);
  CHECK(xlsx::builtinFormat(10) == K::Percent);
  for (uint32_t id : {14u, 15u, 16u, 17u, 22u, 45u, 47u}) CHECK(xlsx::builtinFormat(id) == K::Date);
  CHECK(xlsx::builtinFormat(4) == K::Number);
  CHECK(xlsx::customFormat("dd/mm/yyyy") == K::Date);
  CHECK(xlsx::customFormat("d-mmm-yy;@") == K::Date);
  CHECK(xlsx::customFormat("[$-410]dddd d mmmm yyyy") == K::Date);
  CHECK(xlsx::customFormat("0.0%") == K::Percent);
  CHECK(xlsx::customFormat("General") == K::Number);
  CHECK(xlsx::customFormat("#,##0.00\\ \"€\"") == K::Number);
  CHECK(xlsx::customFormat("0 \"giorni\"") == K::Number);  // quoted text does not count
  CHECK(xlsx::customFormat("[Red]#,##0") == K::Number);
  CHECK(xlsx::customFormat("0\"%\"") == K::Number);
}

TEST_CASE("a grid file locates cells as file[foglio]:row:column letters", "[xlsx]") {
  misura::SourceManager sm;
  misura::FileId f = sm.addGrid("dati/personale.xlsx[Foglio1]", "matricola\tnome\tore\n0101\tRossi\t36\n", {1, 12});
  CHECK(sm.isGrid(f));
  CHECK(sm.location(misura::Span{f, 0, 9}) == "dati/personale.xlsx[Foglio1]:1:A");
  uint32_t at = static_cast<uint32_t>(std::string("matricola\tnome\tore\n0101\tRossi\t").size());
  CHECK(sm.location(misura::Span{f, at, at + 2}) == "dati/personale.xlsx[Foglio1]:12:C");
  CHECK(sm.lineCol(f, at).line == 12);
  misura::FileId text = sm.add("a.csv", "x;y\n1;2\n");
  CHECK_FALSE(sm.isGrid(text));
  CHECK(sm.location(misura::Span{text, 6, 7}) == "a.csv:2:3");
}

TEST_CASE("typed cells keep Excel's value", "[xlsx]") {
  auto value = [](const data::Cell& c, ir::Type t) {
    auto r = data::convertCell(c, t, "colonna");
    REQUIRE(std::holds_alternative<ir::Value>(r));
    return std::get<ir::Value>(r);
  };
  data::Cell n;
  n.kind = data::CellKind::Number, n.number = Rational(85), n.text = "85";
  CHECK(std::get<Rational>(value(n, ir::Type::Percentuale)) == Rational(17, 20));  // 85 is 85%, as in a CSV
  CHECK(std::get<Rational>(value(n, ir::Type::Numero)) == Rational(85));
  CHECK(std::get<std::string>(value(n, ir::Type::Testo)) == "85");
  data::Cell p;
  p.kind = data::CellKind::Number, p.number = Rational(17, 20), p.percent = true, p.text = "85%";
  CHECK(std::get<Rational>(value(p, ir::Type::Percentuale)) == Rational(17, 20));  // 0.85 shown as 85%
  data::Cell d;
  d.kind = data::CellKind::Date, d.date = *Date::fromYmd(2024, 3, 31), d.text = "31/03/2024";
  CHECK(std::get<Date>(value(d, ir::Type::Data)) == *Date::fromYmd(2024, 3, 31));
  CHECK(std::get<std::string>(value(d, ir::Type::Testo)) == "31/03/2024");
  data::Cell e;
  e.kind = data::CellKind::Error, e.text = "#N/A";
  auto err = data::convertCell(e, ir::Type::Numero, "ore");
  REQUIRE(std::holds_alternative<data::ConversionError>(err));
  CHECK(std::get<data::ConversionError>(err).code == "E0527");
  auto notADate = data::convertCell(n, ir::Type::Data, "assunzione");
  REQUIRE(std::holds_alternative<data::ConversionError>(notADate));
  CHECK(std::get<data::ConversionError>(notADate).code == "E0510");
  data::Cell text;
  text.text = "0.8333";
  auto dot = data::convertCell(text, ir::Type::Numero, "part_time", '.');
  CHECK(std::get<Rational>(std::get<ir::Value>(dot)) == Rational(8333, 10000));
  CHECK(std::holds_alternative<data::ConversionError>(data::convertCell(text, ir::Type::Numero, "part_time")));
}

TEST_CASE("readXlsx refuses what is not a workbook, never crashes", "[xlsx]") {
  for (std::string bytes : {std::string(), std::string("PK\x03\x04", 4), std::string("PK\x03\x04garbage", 11),
                            std::string("matricola;nome\n0101;Rossi\n")}) {
    misura::SourceManager sm;
    misura::Diagnostics diags;
    CHECK_FALSE(data::readXlsx(bytes, "x.xlsx", data::XlsxOptions{}, sm, diags).has_value());
    REQUIRE(diags.all().size() == 1);
    // No bytes at all open as an empty archive, which has no workbook (E0522).
    CHECK(diags.all().front().code == (bytes.empty() ? "E0522" : "E0521"));
  }
  CHECK(data::looksLikeZip(std::string("PK\x03\x04", 4)));
  CHECK_FALSE(data::looksLikeZip("matricola;nome"));
}
