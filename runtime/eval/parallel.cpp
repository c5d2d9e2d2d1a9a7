#include "runtime/eval/parallel.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace misura::eval {

void forEachPerson(size_t n, const Parallelism& how, Diagnostics& diags,
                   const std::function<void(size_t, Diagnostics&)>& body) {
  const size_t perThread = std::max<size_t>(how.minPersonsPerThread, 1);
  const size_t chunks = std::clamp<size_t>(n / perThread, 1, std::max(how.threads, 1u));
  if (chunks == 1) {
    for (size_t i = 0; i < n; ++i) body(i, diags);
    return;
  }
  std::vector<Diagnostics> reported(chunks);
  std::vector<std::exception_ptr> failures(chunks);
  std::vector<std::thread> threads;
  threads.reserve(chunks - 1);
  auto run = [&](size_t c) {
    try {
      for (size_t i = n * c / chunks; i < n * (c + 1) / chunks; ++i) body(i, reported[c]);
    } catch (...) {
      failures[c] = std::current_exception();
    }
  };
  for (size_t c = 1; c < chunks; ++c) threads.emplace_back(run, c);
  run(0);
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : failures)
    if (e) std::rethrow_exception(e);
  for (const Diagnostics& d : reported)
    for (const Diagnostic& one : d.all()) diags.report(one);
}

}  // namespace misura::eval
