// convertCell for a typed cell of a sheet (cell.h): the value Excel stored,
// kept exact; text cells go through the text conversion of convert.cpp.
#include <fmt/format.h>

#include "runtime/data/convert.h"

namespace misura::data {

namespace {

using Result = std::variant<ir::Value, ConversionError>;

Result number(const Cell& cell, ir::Type type, std::string_view column) {
  if (!cell.number) return convertCell(cell.text, type, column);
  const Rational& value = *cell.number;
  switch (type) {
    case ir::Type::Numero:
    case ir::Type::Punti:
    case ir::Type::Euro: return ir::Value(value);
    case ir::Type::Percentuale: return ir::Value(cell.percent ? value : value * Rational(1, 100));
    case ir::Type::Giorni:
      if (value.isInteger()) return ir::Value(value);
      return convertCell(cell.text, type, column);  // "i giorni si contano interi"
    case ir::Type::Testo: return ir::Value(cell.text);
    case ir::Type::Data:
      return ConversionError{
          fmt::format("«{}» non è una data valida: la cella contiene un numero, non una data", cell.text),
          fmt::format("la colonna «{}» contiene date: in Excel formatta la cella come data (ad esempio gg/mm/aaaa) "
                      "e controlla che mostri il giorno giusto",
                      column)};
    case ir::Type::Booleano: return convertCell(cell.text, type, column);
  }
  return convertCell(cell.text, type, column);
}

}  // namespace

std::variant<ir::Value, ConversionError> convertCell(const Cell& cell, ir::Type type, std::string_view column,
                                                     char decimal) {
  switch (cell.kind) {
    case CellKind::Text: return convertCell(cell.text, type, column, decimal);
    case CellKind::Number: return number(cell, type, column);
    case CellKind::Date:
      if (type == ir::Type::Data) return ir::Value(cell.date);
      return convertCell(cell.text, type, column);  // testo: "31/12/2024"; numbers: not a number
    case CellKind::Boolean:
      if (type == ir::Type::Booleano) return ir::Value(cell.boolean);
      return convertCell(cell.text, type, column);  // testo: "vero"/"falso"
    case CellKind::Error:
      return ConversionError{
          fmt::format("la cella contiene l'errore di Excel «{}», non un valore", cell.text),
          fmt::format("correggi in Excel la formula della cella (colonna «{}»), oppure scrivi il valore a mano; "
                      "se il valore non è rilevato lascia la cella vuota",
                      column),
          "E0527"};
  }
  return convertCell(cell.text, type, column, decimal);
}

}  // namespace misura::data
