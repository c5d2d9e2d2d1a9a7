// Remembering a chunk's value for the inputs it reads, when those are few.
//
// Some chunks run once per data row and read only a text or yes/no field or
// two: a computed staff field (`profilo = se profile = "R" allora ...`), an
// aggregate's `dove` (`conta(valutati dove profile = "D")`). Their value is a
// function of those fields' values alone, and a million rows hold a handful
// of distinct values: the interpreter runs once per distinct combination
// and the other rows find it here.
//
// Only chunks made of constants, reads of the person's or the row's fields,
// comparisons, `non`/`e`/`o` and `se` qualify (no call, aggregate, lookup,
// date or arithmetic, so nothing else can change the value); and only rows
// whose read fields are texts, yes/no or non rilevato use the memo (a
// number column has too many values to be worth it). An error is never
// remembered: its row runs the interpreter, which reports it.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/interp/interp.h"

namespace misura::interp {

class ChunkMemo {
 public:
  explicit ChunkMemo(const ir::Chunk& chunk);

  // Whether the chunk qualifies (above).
  bool usable() const { return usable_; }

  // The remembered value for the inputs `ctx` gives, or nullptr; `key`
  // receives the inputs' key (empty when this row cannot use the memo).
  const ir::Value* find(const Context& ctx, std::string& key) const;
  // Remembers `value` under a key from find() (nothing for an empty key, or
  // once the memo holds kMaxEntries values).
  void remember(std::string key, const ir::Value& value);

  static constexpr size_t kMaxEntries = 4096;

 private:
  struct Input {
    bool row = false;  // LoadRow, else LoadPerson
    uint32_t field = 0;
  };
  bool usable_ = false;
  std::vector<Input> inputs_;
  std::unordered_map<std::string, ir::Value> values_;
};

}  // namespace misura::interp
