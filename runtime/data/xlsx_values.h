// The small pure pieces of the XLSX reader (xlsx.h), unit-tested on their
// own: the exact value of the decimal text Excel stores in <v>, serial dates,
// cell references, and which number formats show dates or percentages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "compiler/support/date.h"
#include "compiler/support/rational.h"

namespace misura::data::xlsx {

// The exact value of a decimal number as Excel writes it in <v>: optional
// sign, digits with an optional '.', an optional exponent ("1.2E-2",
// "9.9999999999999995E-7", "-3", "1E+20"). No binary floating point is
// involved: "0.1" is 1/10. nullopt for anything else, and for exponents
// beyond ±400 (no Excel number is that large or small).
std::optional<Rational> parseDecimal(std::string_view text);

// Why a serial number is not a date.
enum class SerialError {
  NotADay,       // below 1 (0 is Excel's "00/01/1900", a time of day without a date) or a negative number
  Fictitious,    // 60 in the 1900 system: Excel's 29/02/1900, a day that never existed
  OutOfRange,    // after 31/12/9999
};

// The day of serial number `serial` (the fraction, a time of day, is
// dropped). 1900 system: 1 is 01/01/1900, 59 is 28/02/1900, 60 is Excel's
// fictitious 29/02/1900, 61 is 01/03/1900. 1904 system (date1904): 0 is
// 01/01/1904.
std::variant<Date, SerialError> serialToDate(const Rational& serial, bool date1904);

// "C12" -> row 12, column 3; "$C$12" is accepted too. nullopt for anything
// that is not a cell of Excel's grid (columns A..XFD, rows 1..1048576).
struct CellRef {
  uint32_t row = 0;     // 1-based
  uint32_t column = 0;  // 1-based: A = 1
};
std::optional<CellRef> parseCellRef(std::string_view ref);

// "A1:C3" -> its two corners (a single cell "B2" is a range of one).
struct RangeRef {
  CellRef first, last;
};
std::optional<RangeRef> parseRangeRef(std::string_view ref);

// What a number format shows.
enum class FormatKind { Number, Date, Percent };

// A built-in format id (no <numFmt> in styles.xml): 9-10 percent; 14-22,
// 27-36, 45-47, 50-58 dates and times; anything else a number.
FormatKind builtinFormat(uint32_t id);

// A custom format code: a percentage if it has '%', a date if it has d, m
// or y (outside quoted text, escaped characters and [..] brackets),
// otherwise a number.
FormatKind customFormat(std::string_view code);

}  // namespace misura::data::xlsx
