// A row of values (a staff row, a row of a record table) in 8 bytes a value
// where the value allows it, instead of the 40 bytes of an ir::Value: at a
// million staff rows of 21 fields that is ~170 MB instead of ~840 MB, and one
// allocation a row (docs/architettura.md, «Memory»).
//
// A cell is one 64-bit word; its low 3 bits say what it holds:
//   Missing  the word 0 (so that a new row is all non rilevato)
//   Number   a Rational num/den in lowest terms whose den is 2^a * 5^b with
//            a, b < 8 (every decimal of up to 7 places, halves, quarters, a
//            percentuale as a fraction) and |num| < 2^54
//   Text     a text of up to 7 bytes, in the word itself
//   Date     the day number
//   Bool
//   Other    anything else: an index into the record's own list of Values
// Reading a cell gives back exactly the Value that was stored.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "compiler/ir/ir.h"

namespace misura::ir {

class Record {
 public:
  Record() noexcept = default;
  explicit Record(size_t n) : cells_(n ? std::make_unique<uint64_t[]>(n) : nullptr), size_(uint32_t(n)) {}
  explicit Record(const std::vector<Value>& values);
  Record(const Record& other) { *this = other; }
  Record& operator=(const Record& other);
  Record(Record&&) noexcept = default;
  Record& operator=(Record&&) noexcept = default;
  ~Record() = default;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The value of cell i (precondition: i < size()). A number held inline,
  // the common case, is decoded here without a call.
  Value operator[](size_t i) const {
    if (std::optional<std::pair<int64_t, int64_t>> p = inlineNumber(i))
      return Rational::fromLowestTerms(p->first, p->second);
    return decode(i);
  }
  // The same, throwing std::out_of_range past the end.
  Value at(size_t i) const;
  // Stores v in cell i (precondition: i < size()).
  void set(size_t i, const Value& v);

  bool missing(size_t i) const { return cells_[i] == 0; }
  // A number cell held inline as (num, den) in lowest terms, den > 0, without
  // building a Rational; nullopt for any other cell (also a number held in
  // the list of Values: ask operator[] then).
  std::optional<std::pair<int64_t, int64_t>> inlineNumber(size_t i) const {
    static constexpr int64_t kPowersOf2[8] = {1, 2, 4, 8, 16, 32, 64, 128};
    static constexpr int64_t kPowersOf5[8] = {1, 5, 25, 125, 625, 3125, 15625, 78125};
    const uint64_t cell = cells_[i];
    if ((cell & 7) != 1) return std::nullopt;  // not a Number (record.cpp: the tags)
    return std::make_pair(int64_t(cell) >> 9, kPowersOf2[(cell >> 3) & 7] * kPowersOf5[(cell >> 6) & 7]);
  }

 private:
  Value decode(size_t i) const;  // any cell

  std::unique_ptr<uint64_t[]> cells_;
  uint32_t size_ = 0;
  std::unique_ptr<std::vector<Value>> others_;  // the Other cells' values, only if any
};

}  // namespace misura::ir
