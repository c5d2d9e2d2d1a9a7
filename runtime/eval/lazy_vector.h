// A vector that costs one pointer (8 bytes) while it is empty, for the
// fields of the per-person results that most persons never fill (traces,
// `parte`s, roles, errors, ...). A std::vector is 24 bytes even when empty,
// and a PersonResult has a dozen of them: at a million persons that is
// hundreds of megabytes of empty vectors (docs/architettura.md, «Memory»).
// Reads see a std::vector (an empty one, shared, when nothing was stored);
// writes go through mut(), or the few vector-like members below.
#pragma once

#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace misura::eval {

template <typename T>
class LazyVector {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;
  using iterator = typename std::vector<T>::iterator;

  LazyVector() = default;
  LazyVector(std::vector<T> v) { *this = std::move(v); }  // NOLINT: a drop-in for std::vector
  LazyVector(std::initializer_list<T> items) : LazyVector(std::vector<T>(items)) {}
  LazyVector(const LazyVector& other) : v_(other.v_ ? std::make_unique<std::vector<T>>(*other.v_) : nullptr) {}
  LazyVector(LazyVector&&) noexcept = default;
  LazyVector& operator=(const LazyVector& other) {
    if (this != &other) v_ = other.v_ ? std::make_unique<std::vector<T>>(*other.v_) : nullptr;
    return *this;
  }
  LazyVector& operator=(LazyVector&&) noexcept = default;
  LazyVector& operator=(std::vector<T> v) {
    if (v.empty()) v_.reset();
    else v_ = std::make_unique<std::vector<T>>(std::move(v));
    return *this;
  }

  // The elements, as a vector (a shared empty one when there are none).
  const std::vector<T>& get() const { return v_ ? *v_ : none(); }
  operator const std::vector<T>&() const { return get(); }  // NOLINT: a drop-in for std::vector
  // The vector to write into, made on first use.
  std::vector<T>& mut() {
    if (!v_) v_ = std::make_unique<std::vector<T>>();
    return *v_;
  }

  size_t size() const { return v_ ? v_->size() : 0; }
  bool empty() const { return !v_ || v_->empty(); }
  const_iterator begin() const { return get().begin(); }
  const_iterator end() const { return get().end(); }
  iterator begin() { return v_ ? v_->begin() : iterator(); }
  iterator end() { return v_ ? v_->end() : iterator(); }
  const T& operator[](size_t i) const { return (*v_)[i]; }
  T& operator[](size_t i) { return (*v_)[i]; }
  const T& front() const { return v_->front(); }
  const T& back() const { return v_->back(); }
  T& front() { return v_->front(); }
  T& back() { return v_->back(); }
  void push_back(const T& x) { mut().push_back(x); }
  void push_back(T&& x) { mut().push_back(std::move(x)); }
  template <typename... A>
  T& emplace_back(A&&... args) {
    return mut().emplace_back(std::forward<A>(args)...);
  }
  void resize(size_t n) {
    if (n == 0) v_.reset();
    else mut().resize(n);
  }
  void reserve(size_t n) {
    if (n > 0) mut().reserve(n);
  }
  void clear() { v_.reset(); }

  friend bool operator==(const LazyVector& a, const LazyVector& b) { return a.get() == b.get(); }
  friend bool operator==(const LazyVector& a, const std::vector<T>& b) { return a.get() == b; }

 private:
  static const std::vector<T>& none() {
    static const std::vector<T> none;
    return none;
  }
  std::unique_ptr<std::vector<T>> v_;
};

}  // namespace misura::eval
