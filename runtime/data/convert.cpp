#include "runtime/data/convert.h"

#include <algorithm>
#include <string>

#include "compiler/support/date.h"
#include "compiler/support/rational.h"

namespace misura::data {

namespace {

using Result = std::variant<ir::Value, ConversionError>;

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kEuro = "\xE2\x82\xAC";

// Trims ASCII spaces, tabs and no-break spaces from both ends.
std::string_view trim(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1), changed = true;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1), changed = true;
    if (s.starts_with(kNbsp)) s.remove_prefix(kNbsp.size()), changed = true;
    if (s.ends_with(kNbsp)) s.remove_suffix(kNbsp.size()), changed = true;
  }
  return s;
}

// "un numero valido", "una percentuale valida", ...: what the cell should be.
std::string expected(ir::Type type) {
  switch (type) {
    case ir::Type::Numero: return "un numero valido";
    case ir::Type::Percentuale: return "una percentuale valida";
    case ir::Type::Punti: return "un punteggio valido";
    case ir::Type::Euro: return "un importo in euro valido";
    case ir::Type::Giorni: return "un numero di giorni valido";
    case ir::Type::Data: return "una data valida";
    case ir::Type::Booleano: return "un valore sì/no valido";
    case ir::Type::Testo: return "un testo valido";
  }
  return "un valore valido";
}

std::string howToWrite(ir::Type type, std::string_view column, char decimal) {
  const std::string col = "la colonna «" + std::string(column) + "» ";
  if (decimal == '.') {
    switch (type) {
      case ir::Type::Numero:
      case ir::Type::Punti:
      case ir::Type::Euro:
      case ir::Type::Percentuale:
        return col + "contiene numeri scritti con il punto decimale (decimali \".\"), ad esempio 12, 0.5 o 1234.56";
      case ir::Type::Giorni:
      case ir::Type::Data:
      case ir::Type::Booleano:
      case ir::Type::Testo: break;
    }
  }
  switch (type) {
    case ir::Type::Numero: return col + "contiene numeri: scrivili all'italiana, ad esempio 12, 0,5 o 1.234,56";
    case ir::Type::Percentuale: return col + "contiene percentuali: scrivi ad esempio 85%, 85 oppure 85,5%";
    case ir::Type::Punti: return col + "contiene punti: scrivi ad esempio 7 oppure 7,5";
    case ir::Type::Euro: return col + "contiene importi in euro: scrivi ad esempio 1.234,56 oppure € 1.234,56";
    case ir::Type::Giorni: return col + "contiene un numero intero di giorni, ad esempio 30";
    case ir::Type::Data: return col + "contiene date: scrivile come 31/12/2024";
    case ir::Type::Booleano: return col + "accetta solo sì, no, vero o falso";
    case ir::Type::Testo: return col + "contiene testo";
  }
  return {};
}

ConversionError failure(std::string_view text, ir::Type type, std::string_view column, std::string reason = {},
                        char decimal = ',') {
  std::string message = "«" + std::string(text) + "» non è " + expected(type);
  if (!reason.empty()) message += ": " + reason;
  return ConversionError{std::move(message), howToWrite(type, column, decimal)};
}

// The Italian number in `body`; on error the reason (only for the mistakes
// worth explaining, the others speak for themselves).
// With `decimali "."` the roles of '.' and ',' are swapped before parsing:
// 0.8333 reads as 0,8333 and 1,234.5 as 1.234,5.
std::variant<Rational, std::string> number(std::string_view body, char decimal) {
  if (std::optional<Rational> plain = parsePlainDecimal(body, decimal)) return *std::move(plain);
  std::string swapped;
  if (decimal == '.') {
    swapped = std::string(body);
    for (char& c : swapped) c = c == '.' ? ',' : c == ',' ? '.' : c;
    body = swapped;
  }
  auto parsed = parseItalianNumber(body);
  if (const Rational* q = std::get_if<Rational>(&parsed)) return *q;
  NumberParseError err = std::get<NumberParseError>(parsed);
  if (decimal == '.' && (err == NumberParseError::DotAsDecimal || err == NumberParseError::BadGrouping))
    return std::string("in questo file il separatore decimale è il punto (decimali \".\"), la virgola separa solo le "
                       "migliaia");
  if (err == NumberParseError::DotAsDecimal || err == NumberParseError::BadGrouping) return describe(err, body);
  return std::string();
}

// `percent`: the value is in percent points (85 is 85/100).
Result numeric(std::string_view text, std::string_view body, ir::Type type, std::string_view column, bool percent,
               char decimal) {
  auto n = number(trim(body), decimal);
  if (const std::string* reason = std::get_if<std::string>(&n)) return failure(text, type, column, *reason, decimal);
  Rational& q = std::get<Rational>(n);
  if (percent) q /= Rational(100);
  return ir::Value(std::move(q));
}

Result percent(std::string_view text, std::string_view column, char decimal) {
  std::string_view body = text;
  if (body.ends_with('%')) body.remove_suffix(1);
  return numeric(text, body, ir::Type::Percentuale, column, true, decimal);
}

Result euro(std::string_view text, std::string_view column, char decimal) {
  std::string_view body = text;
  if (body.starts_with(kEuro)) body.remove_prefix(kEuro.size());
  else if (body.ends_with(kEuro)) body.remove_suffix(kEuro.size());
  return numeric(text, body, ir::Type::Euro, column, false, decimal);
}

Result days(std::string_view text, std::string_view column, char decimal) {
  Result r = numeric(text, text, ir::Type::Giorni, column, false, decimal);
  if (const ir::Value* v = std::get_if<ir::Value>(&r); v && !std::get<Rational>(*v).isInteger())
    return failure(text, ir::Type::Giorni, column, "i giorni si contano interi");
  return r;
}

// Three groups of digits separated by '/', '-' or '.': a date in shape.
bool looksLikeDate(std::string_view s, bool& fourDigitYear) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '/' || s[i] == '-' || s[i] == '.') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    } else if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  if (parts.size() != 3) return false;
  for (std::string_view p : parts)
    if (p.empty()) return false;
  fourDigitYear = parts.front().size() == 4 || parts.back().size() == 4;
  return true;
}

Result date(std::string_view text, std::string_view column) {
  if (std::optional<Date> d = parseItalianDate(text)) return ir::Value(*d);
  bool fourDigitYear = false;
  std::string reason;
  if (looksLikeDate(text, fourDigitYear))
    reason = fourDigitYear ? "questo giorno non esiste nel calendario" : "l'anno va scritto con quattro cifre";
  return failure(text, ir::Type::Data, column, reason);
}

Result boolean(std::string_view text, std::string_view column) {
  std::string lower;
  for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (size_t at = lower.find("\xC3\x8C"); at != std::string::npos) lower[at + 1] = '\xAC';  // Ì -> ì
  if (lower == "sì" || lower == "si" || lower == "vero") return ir::Value(true);
  if (lower == "no" || lower == "falso") return ir::Value(false);
  return failure(text, ir::Type::Booleano, column);
}

// A whole number of at most 18 digits with an optional sign: the value
// parsePlainDecimal gives, without reducing a fraction whose denominator is 1.
std::optional<Rational> plainInteger(std::string_view text) {
  size_t i = !text.empty() && (text.front() == '-' || text.front() == '+') ? 1 : 0;
  if (i == text.size() || text.size() - i > 18) return std::nullopt;  // 10^18 < 2^63
  long value = 0;
  for (size_t k = i; k < text.size(); ++k) {
    if (text[k] < '0' || text[k] > '9') return std::nullopt;
    value = value * 10 + (text[k] - '0');
  }
  return Rational(text.front() == '-' ? -value : value);
}

}  // namespace

bool isEmptyCell(std::string_view text) { return trim(text).empty(); }

std::optional<Rational> convertPlainNumber(std::string_view text, ir::Type type, char decimal) {
  switch (type) {
    case ir::Type::Numero:
    case ir::Type::Punti:
    case ir::Type::Euro:
    case ir::Type::Percentuale:
    case ir::Type::Giorni: break;
    case ir::Type::Data:
    case ir::Type::Booleano:
    case ir::Type::Testo: return std::nullopt;
  }
  // What number() would parse first: a text parsePlainDecimal takes has no
  // blanks to trim and no '%' or '€' to strip, so convertCell parses it as is.
  std::optional<Rational> q = plainInteger(text);
  if (!q) q = parsePlainDecimal(text, decimal);
  if (!q) return std::nullopt;
  if (type == ir::Type::Percentuale) *q /= Rational(100);
  if (type == ir::Type::Giorni && !q->isInteger()) return std::nullopt;  // convertCell explains why
  return q;
}

std::variant<ir::Value, ConversionError> convertCell(std::string_view raw, ir::Type type, std::string_view column,
                                                     char decimal) {
  std::string_view text = trim(raw);
  switch (type) {
    case ir::Type::Testo: return ir::Value(std::string(raw));
    case ir::Type::Numero: return numeric(text, text, type, column, false, decimal);
    case ir::Type::Punti: return numeric(text, text, type, column, false, decimal);
    case ir::Type::Percentuale: return percent(text, column, decimal);
    case ir::Type::Euro: return euro(text, column, decimal);
    case ir::Type::Giorni: return days(text, column, decimal);
    case ir::Type::Data: return date(text, column);
    case ir::Type::Booleano: return boolean(text, column);
  }
  return failure(text, type, column);
}

}  // namespace misura::data
