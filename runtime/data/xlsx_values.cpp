#include "runtime/data/xlsx_values.h"

#include <gmpxx.h>

namespace misura::data::xlsx {

namespace {

constexpr long kMaxExponent = 400;
constexpr size_t kMaxDigits = 400;  // Excel writes at most 17 significant digits
constexpr uint32_t kMaxRow = 1048576;
constexpr uint32_t kMaxColumn = 16384;  // XFD

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Rational> parseDecimal(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::string digits;
  long scale = 0;  // value = digits * 10^scale
  bool any = false;
  while (i < s.size() && isDigit(s[i])) digits += s[i++], any = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i])) digits += s[i++], --scale, any = true;
  }
  if (!any || digits.size() > kMaxDigits) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool expNegative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) expNegative = s[i++] == '-';
    if (i >= s.size()) return std::nullopt;
    long exp = 0;
    for (; i < s.size() && isDigit(s[i]); ++i) {
      exp = exp * 10 + (s[i] - '0');
      if (exp > kMaxExponent) return std::nullopt;
    }
    if (i < s.size()) return std::nullopt;
    scale += expNegative ? -exp : exp;
  }
  if (i != s.size()) return std::nullopt;
  if (scale > kMaxExponent || scale < -kMaxExponent - static_cast<long>(digits.size())) return std::nullopt;
  mpz_class num(digits, 10);
  mpz_class pow;
  mpz_ui_pow_ui(pow.get_mpz_t(), 10, static_cast<unsigned long>(scale < 0 ? -scale : scale));
  mpq_class q = scale < 0 ? mpq_class(num, pow) : mpq_class(num * pow);
  if (negative) q = -q;
  return Rational::fromMpq(std::move(q));
}

std::variant<Date, SerialError> serialToDate(const Rational& serial, bool date1904) {
  Rational day = serial.floor();
  std::optional<long> n = day.toLong();
  if (!n || *n > 3000000) return SerialError::OutOfRange;
  if (*n < 0 || (!date1904 && *n < 1)) return SerialError::NotADay;
  if (date1904) return Date::fromYmd(1904, 1, 1)->plusDays(static_cast<int32_t>(*n));
  if (*n == 60) return SerialError::Fictitious;
  // Serials 1..59 count from 31/12/1899; from 61 on Excel counts the missing
  // 29/02/1900 too, so they count from 30/12/1899.
  Date base = *Date::fromYmd(1899, 12, *n < 60 ? 31 : 30);
  Date d = base.plusDays(static_cast<int32_t>(*n));
  if (d.year() > 9999) return SerialError::OutOfRange;
  return d;
}

std::optional<CellRef> parseCellRef(std::string_view ref) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint32_t column = 0;
  size_t letters = 0;
  for (; i < ref.size(); ++i, ++letters) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (letters == 3) return std::nullopt;
    column = column * 26 + static_cast<uint32_t>(c - 'A' + 1);
  }
  if (letters == 0 || column > kMaxColumn) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint32_t row = 0;
  size_t digits = 0;
  for (; i < ref.size() && isDigit(ref[i]); ++i, ++digits) {
    if (digits == 7) return std::nullopt;
    row = row * 10 + static_cast<uint32_t>(ref[i] - '0');
  }
  if (digits == 0 || i != ref.size() || row < 1 || row > kMaxRow) return std::nullopt;
  return CellRef{row, column};
}

std::optional<RangeRef> parseRangeRef(std::string_view ref) {
  size_t colon = ref.find(':');
  if (colon == std::string_view::npos) {
    std::optional<CellRef> one = parseCellRef(ref);
    if (!one) return std::nullopt;
    return RangeRef{*one, *one};
  }
  std::optional<CellRef> a = parseCellRef(ref.substr(0, colon));
  std::optional<CellRef> b = parseCellRef(ref.substr(colon + 1));
  if (!a || !b || b->row < a->row || b->column < a->column) return std::nullopt;
  return RangeRef{*a, *b};
}

FormatKind builtinFormat(uint32_t id) {
  if (id == 9 || id == 10) return FormatKind::Percent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return FormatKind::Date;
  return FormatKind::Number;
}

FormatKind customFormat(std::string_view code) {
  bool date = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {  // quoted text
      size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // escaped character, space as wide as, fill
      ++i;
    } else if (c == '[') {  // [Red], [$-410], [h]
      size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '%') {
      return FormatKind::Percent;
    } else if (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y') {
      date = true;
    }
  }
  return date ? FormatKind::Date : FormatKind::Number;
}

}  // namespace misura::data::xlsx
