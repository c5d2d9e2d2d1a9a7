// KeyIndex (table.h): the key index of a table without a copy of its keys.
#include <functional>

#include "runtime/data/table.h"

namespace misura::data {

namespace {

uint32_t hashKey(const std::vector<std::string>& key) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (const std::string& part : key) {
    h ^= std::hash<std::string_view>{}(part) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  }
  return static_cast<uint32_t>(h ^ (h >> 32));
}

}  // namespace

std::optional<uint32_t> KeyIndex::find(const std::vector<Row>& rows, const std::vector<std::string>& key) const {
  if (slots_.empty()) return std::nullopt;
  const uint32_t hash = hashKey(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.row == kEmpty) return std::nullopt;
    if (s.hash == hash && rows[s.row].key == key) return s.row;
  }
}

uint32_t KeyIndex::insert(const std::vector<Row>& rows, uint32_t at) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::vector<std::string>& key = rows[at].key;
  const uint32_t hash = hashKey(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.row == kEmpty) {
      s = Slot{at, hash};
      ++size_;
      return at;
    }
    if (s.hash == hash && rows[s.row].key == key) return s.row;
  }
}

// Doubles the slots (at least 16) and puts every indexed row back by its stored hash.
void KeyIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.row == kEmpty) continue;
    size_t i = s.hash & mask;
    while (slots_[i].row != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

const Row* Table::find(const std::vector<std::string>& key) const {
  std::optional<uint32_t> at = index.find(rows, key);
  return at ? &rows[*at] : nullptr;
}

}  // namespace misura::data
