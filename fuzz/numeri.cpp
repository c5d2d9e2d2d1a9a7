// Fuzz target: the Italian number and date parsers, and the conversion of a
// CSV cell to each field type. Whatever parses must print back and parse
// again to the same value (formatItalian with enough decimals is exact for
// a number parsed from a finite decimal).
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "compiler/support/date.h"
#include "compiler/support/rational.h"
#include "runtime/data/convert.h"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// Digits after the comma in `text`, an upper bound for the decimals of the value.
int decimalsIn(std::string_view text) {
  size_t comma = text.find(',');
  return comma == std::string_view::npos ? 0 : static_cast<int>(text.size() - comma);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace misura;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > 4096) return 0;  // cells and literals are short; the digit limits stop longer ones
  auto parsed = parseItalianNumber(text);
  if (const Rational* q = std::get_if<Rational>(&parsed)) {
    std::string shown = formatItalian(*q, decimalsIn(text), false);
    auto again = parseItalianNumber(shown);
    check(std::holds_alternative<Rational>(again) && std::get<Rational>(again) == *q);
    (void)formatExact(*q);
  } else {
    (void)describe(std::get<NumberParseError>(parsed), text);
  }
  if (std::optional<Date> d = parseItalianDate(text)) {
    std::optional<Date> again = parseItalianDate(formatItalian(*d));
    check(again && *again == *d);
  }
  for (ir::Type type : {ir::Type::Numero, ir::Type::Percentuale, ir::Type::Punti, ir::Type::Euro, ir::Type::Data,
                        ir::Type::Giorni, ir::Type::Booleano, ir::Type::Testo})
    if (!data::isEmptyCell(text)) (void)data::convertCell(text, type, "colonna");
  return 0;
}
