// Conversion of one CSV cell's text to a typed value, following the field
// types a regolamento declares. Pure functions: no diagnostics, no state.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "compiler/ir/ir.h"

namespace misura::data {

// Why a cell could not be converted: an Italian sentence that quotes the
// text, and a hint saying how values of the column's type are written.
struct ConversionError {
  std::string message;  // "«12.5» non è un numero valido: il separatore decimale è la virgola: ..."
  std::string hint;     // "la colonna «valore» contiene percentuali: scrivi ad esempio 85%, ..."
};

// True for a cell that means "non rilevato": empty or only spaces, tabs and
// no-break spaces.
bool isEmptyCell(std::string_view text);

// Converts the text of a non-empty cell of column `column` to `type`:
//   testo       the text as is
//   numero      Italian notation: 12, -3, 0,5, 1.234,56
//   punti       same as numero
//   percentuale "85%", "85", "85,5 %": always percent, stored as a fraction (17/20)
//   euro        a number with an optional "€" before or after it: "€ 1.234,56"
//   giorni      a whole number: 30, 1.200
//   data        parseItalianDate: 31/12/2024, 31-12-2024, 2024-12-31
//   booleano    sì, si, no, vero, falso (any letter case)
std::variant<ir::Value, ConversionError> convertCell(std::string_view text, ir::Type type, std::string_view column);

}  // namespace misura::data
