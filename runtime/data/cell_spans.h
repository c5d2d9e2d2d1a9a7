// The cell of each field of a data row, in 4 bytes a cell instead of a
// 12-byte Span: every cell of a row lies in the row's file, near the row's
// start, so a cell is kept as its offset from the row's first byte and its
// length, 16 bits each. A cell that does not fit (a row longer than 64 KiB,
// a cell of another file) turns the whole row to plain Spans, so any row can
// be held; at a million staff rows of 21 fields this saves ~170 MB
// (docs/architettura.md, «Memory»).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "compiler/support/source.h"

namespace misura::data {

class CellSpans {
 public:
  CellSpans() = default;
  CellSpans(const CellSpans& other) { *this = other; }
  CellSpans(CellSpans&&) noexcept = default;
  CellSpans& operator=(const CellSpans& other) {
    if (this == &other) return *this;
    file_ = other.file_;
    base_ = other.base_;
    cells_ = other.cells_;
    plain_ = other.plain_ ? std::make_unique<std::vector<Span>>(*other.plain_) : nullptr;
    return *this;
  }
  CellSpans& operator=(CellSpans&&) noexcept = default;

  // n cells, all invalid, of a row whose text is `row` (its file and start).
  void reset(size_t n, Span row) {
    file_ = row.file;
    base_ = row.begin;
    plain_.reset();
    cells_.assign(n, kInvalid);
  }
  void set(size_t i, Span cell) {
    if (plain_) {
      plain_->at(i) = cell;
      return;
    }
    if (!cell.valid()) {
      cells_.at(i) = kInvalid;
      return;
    }
    const uint64_t offset = cell.begin >= base_ ? uint64_t{cell.begin} - base_ : kWide;
    const uint64_t length = cell.end >= cell.begin ? uint64_t{cell.end} - cell.begin : kWide;
    if (cell.file == file_ && offset < 0xFFFF && length < 0xFFFF) {
      cells_.at(i) = static_cast<uint32_t>(offset << 16 | length);
      return;
    }
    toPlain();
    plain_->at(i) = cell;
  }

  size_t size() const { return plain_ ? plain_->size() : cells_.size(); }
  bool empty() const { return size() == 0; }
  Span operator[](size_t i) const {
    if (plain_) return (*plain_)[i];
    const uint32_t c = cells_[i];
    if (c == kInvalid) return Span{};
    const uint32_t begin = base_ + (c >> 16);
    return Span{file_, begin, begin + (c & 0xFFFF)};
  }
  Span at(size_t i) const {
    if (i >= size()) throw std::out_of_range("CellSpans::at");
    return (*this)[i];
  }
  Span front() const { return (*this)[0]; }
  Span back() const { return (*this)[size() - 1]; }
  std::vector<Span> toVector() const {
    std::vector<Span> out;
    out.reserve(size());
    for (size_t i = 0; i < size(); ++i) out.push_back((*this)[i]);
    return out;
  }

 private:
  static constexpr uint32_t kInvalid = UINT32_MAX;
  static constexpr uint64_t kWide = UINT64_MAX;
  void toPlain() {
    plain_ = std::make_unique<std::vector<Span>>(toVector());
    cells_.clear();
    cells_.shrink_to_fit();
  }

  FileId file_ = kNoFile;
  uint32_t base_ = 0;
  std::vector<uint32_t> cells_;                // offset << 16 | length, or kInvalid
  std::unique_ptr<std::vector<Span>> plain_;  // when a cell did not fit: every cell
};

}  // namespace misura::data
