#include "compiler/ir/record.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace misura::ir {

namespace {

enum Tag : uint64_t { kMissing = 0, kNumber = 1, kText = 2, kDate = 3, kBool = 4, kOther = 5 };
static_assert(kNumber == 1, "Record::inlineNumber (record.h) tests the tag 1");
constexpr uint64_t kTagMask = 7;
constexpr int64_t kNumberLimit = int64_t{1} << 54;

// den = 2^a * 5^b with a, b < 8: (a, b), else nullopt. (den > 0)
std::optional<std::pair<int, int>> decimalDenominator(int64_t den) {
  const int a = __builtin_ctzll(uint64_t(den));
  if (a >= 8) return std::nullopt;
  den >>= a;
  int b = 0;
  while (den % 5 == 0 && b < 8) den /= 5, ++b;
  if (den != 1 || b >= 8) return std::nullopt;
  return std::make_pair(a, b);
}

std::optional<uint64_t> encodeNumber(const Rational& q) {
  const std::optional<std::pair<int64_t, int64_t>> p = q.inlineParts();
  if (!p || p->first >= kNumberLimit || p->first <= -kNumberLimit) return std::nullopt;
  const std::optional<std::pair<int, int>> ab = decimalDenominator(p->second);
  if (!ab) return std::nullopt;
  return (uint64_t(p->first) << 9) | (uint64_t(ab->second) << 6) | (uint64_t(ab->first) << 3) | kNumber;
}

std::optional<uint64_t> encodeText(const std::string& s) {
  if (s.size() > 7) return std::nullopt;
  uint64_t cell = (uint64_t(s.size()) << 3) | kText;
  for (size_t k = 0; k < s.size(); ++k) cell |= uint64_t(uint8_t(s[k])) << (8 * (k + 1));  // byte k + 1
  return cell;
}

std::string decodeText(uint64_t cell) {
  const size_t n = (cell >> 3) & 7;
  std::string s(n, '\0');
  for (size_t k = 0; k < n; ++k) s[k] = char(uint8_t(cell >> (8 * (k + 1))));
  return s;
}

// The cell for v, or nullopt if it must go to the list of others.
std::optional<uint64_t> encode(const Value& v) {
  if (std::holds_alternative<Missing>(v)) return kMissing;
  if (const Rational* q = std::get_if<Rational>(&v)) return encodeNumber(*q);
  if (const std::string* s = std::get_if<std::string>(&v)) return encodeText(*s);
  if (const Date* d = std::get_if<Date>(&v)) return (uint64_t(uint32_t(d->days())) << 32) | kDate;
  return (uint64_t(std::get<bool>(v)) << 3) | kBool;
}

}  // namespace

Record::Record(const std::vector<Value>& values) : Record(values.size()) {
  for (size_t i = 0; i < values.size(); ++i) set(i, values[i]);
}

Record& Record::operator=(const Record& other) {
  if (this == &other) return *this;
  size_ = other.size_;
  cells_ = size_ ? std::make_unique<uint64_t[]>(size_) : nullptr;
  if (size_) std::memcpy(cells_.get(), other.cells_.get(), size_ * sizeof(uint64_t));
  others_ = other.others_ ? std::make_unique<std::vector<Value>>(*other.others_) : nullptr;
  return *this;
}

Value Record::decode(size_t i) const {
  const uint64_t cell = cells_[i];
  switch (cell & kTagMask) {
    case kMissing: return Missing{};
    case kNumber: {
      const auto [num, den] = *inlineNumber(i);
      return Rational::fromLowestTerms(num, den);
    }
    case kText: return decodeText(cell);
    case kDate: return Date::fromDays(int32_t(uint32_t(cell >> 32)));
    case kBool: return bool((cell >> 3) & 1);
    default: return (*others_)[cell >> 32];
  }
}

Value Record::at(size_t i) const {
  if (i >= size_) throw std::out_of_range("Record::at: campo " + std::to_string(i) + " inesistente");
  return (*this)[i];
}

void Record::set(size_t i, const Value& v) {
  if (std::optional<uint64_t> cell = encode(v)) {
    cells_[i] = *cell;
    return;
  }
  if (!others_) others_ = std::make_unique<std::vector<Value>>();
  others_->push_back(v);
  cells_[i] = (uint64_t(others_->size() - 1) << 32) | kOther;
}

}  // namespace misura::ir
