// An optional that costs one pointer (8 bytes) while it is empty, for the
// per-person values that few persons have (a fund's art. 81 maggiorazione,
// the part of a share above the cap, a component's points before its
// rounding): a std::optional<Rational> is 32 bytes, set or not
// (docs/architettura.md, «Memory»). Reads as a std::optional.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace misura::eval {

template <typename T>
class LazyOptional {
 public:
  LazyOptional() = default;
  LazyOptional(std::nullopt_t) {}                                          // NOLINT: as std::optional
  LazyOptional(T value) : v_(std::make_unique<T>(std::move(value))) {}  // NOLINT: as std::optional
  LazyOptional(const std::optional<T>& value) {                            // NOLINT: as std::optional
    if (value) v_ = std::make_unique<T>(*value);
  }
  LazyOptional(const LazyOptional& other) : v_(other.v_ ? std::make_unique<T>(*other.v_) : nullptr) {}
  LazyOptional(LazyOptional&&) noexcept = default;
  LazyOptional& operator=(const LazyOptional& other) {
    if (this != &other) v_ = other.v_ ? std::make_unique<T>(*other.v_) : nullptr;
    return *this;
  }
  LazyOptional& operator=(LazyOptional&&) noexcept = default;
  LazyOptional& operator=(std::nullopt_t) {
    v_.reset();
    return *this;
  }
  LazyOptional& operator=(T value) {
    v_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  bool has_value() const { return v_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return *v_; }
  T& operator*() { return *v_; }
  const T* operator->() const { return v_.get(); }
  T* operator->() { return v_.get(); }
  T value_or(T other) const { return v_ ? *v_ : std::move(other); }
  void reset() { v_.reset(); }
  // As a std::optional (a copy).
  std::optional<T> get() const { return v_ ? std::optional<T>(*v_) : std::nullopt; }
  operator std::optional<T>() const { return get(); }  // NOLINT: as std::optional

 private:
  std::unique_ptr<T> v_;
};

}  // namespace misura::eval
