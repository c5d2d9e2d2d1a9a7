// Conversion of one CSV cell's text to a typed value, following the field
// types a regolamento declares. Pure functions: no diagnostics, no state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "compiler/ir/ir.h"
#include "runtime/data/cell.h"

namespace misura::data {

// Why a cell could not be converted: an Italian sentence that quotes the
// text, and a hint saying how values of the column's type are written.
struct ConversionError {
  std::string message;  // "«12.5» non è un numero valido: il separatore decimale è la virgola: ..."
  std::string hint;     // "la colonna «valore» contiene percentuali: scrivi ad esempio 85%, ..."
  std::string code = "E0510";  // E0527 for an error cell of a sheet, E0529 for a date Excel cannot hold
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
// `decimal` is the decimal separator of the file (`decimali "."`): with '.',
// numbers read 0.5 and 1,234.56 (the roles of '.' and ',' are swapped).
std::variant<ir::Value, ConversionError> convertCell(std::string_view text, ir::Type type, std::string_view column,
                                                     char decimal = ',');

// The common case of the text conversion, without its costs: the value
// convertCell(text, type, ...) gives when `text` is written as a plain
// number (an optional sign, digits, at most one `decimal` separator, at most
// 18 digits, nothing else: no spaces, no grouping, no '%' or '€') and
// `type` is numero, punti, euro, percentuale or giorni (giorni: a whole
// number). nullopt for any other text or type: then convertCell decides.
std::optional<Rational> convertPlainNumber(std::string_view text, ir::Type type, char decimal = ',');

// Any reader's cell (cell.h). A Text cell is converted as above; a typed cell
// of a sheet keeps its exact value where the field's type can hold it:
//   Number   numero, punti, euro: the value; giorni: the value if whole;
//            percentuale: the value if shown as a percentage (0.85 shown as
//            85% is 85%), else the value as percent points (85 is 85%, as in
//            a CSV); testo: the number in Italian notation; data: E0510
//   Date     data: the date; testo: 31/12/2024; other types: E0510
//   Boolean  booleano: the value; testo: vero/falso; other types: E0510
//   Error    always an error, code E0527 ("la cella contiene l'errore #N/A")
std::variant<ir::Value, ConversionError> convertCell(const Cell& cell, ir::Type type, std::string_view column,
                                                     char decimal = ',');

// The cell a loader reads (cell.h): a CSV cell's text, or a sheet's cell, as above.
inline std::variant<ir::Value, ConversionError> convertCell(const CellView& cell, ir::Type type,
                                                            std::string_view column, char decimal = ',') {
  return cell.typed ? convertCell(*cell.typed, type, column, decimal) : convertCell(cell.text, type, column, decimal);
}

}  // namespace misura::data
