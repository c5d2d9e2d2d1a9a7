// Internal to runtime/eval: running the per-person stages on several threads.
//
// Persons are independent until the funds are split, so their scores (and,
// after `valutati` is filled, their premi) are computed in contiguous chunks,
// one per thread. Each chunk reports into its own Diagnostics; the chunks'
// diagnostics are then reported into the evaluation's sink in chunk order,
// so the results and the messages are the same whatever the thread count.
#pragma once

#include <cstddef>
#include <functional>

#include "compiler/support/diagnostics.h"

namespace misura::eval {

struct Parallelism {
  unsigned threads = 1;               // at most this many threads (>= 1)
  size_t minPersonsPerThread = 4096;  // below this a thread costs more than it saves
};

// Calls body(i, chunkDiags) for every i in [0, n), each i exactly once.
// An exception thrown by a body (an InternalError) is rethrown here after
// every thread has stopped.
void forEachPerson(size_t n, const Parallelism& how, Diagnostics& diags,
                   const std::function<void(size_t, Diagnostics&)>& body);

}  // namespace misura::eval
