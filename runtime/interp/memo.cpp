#include "runtime/interp/memo.h"

#include <algorithm>

namespace misura::interp {

namespace {

bool qualifies(ir::Op op) {
  switch (op) {
    case ir::Op::PushConst: case ir::Op::LoadPerson: case ir::Op::LoadRow:
    case ir::Op::Lt: case ir::Op::Le: case ir::Op::Gt: case ir::Op::Ge: case ir::Op::Eq: case ir::Op::Ne:
    case ir::Op::Not: case ir::Op::And: case ir::Op::Or: case ir::Op::Short:
    case ir::Op::JumpIfFalse: case ir::Op::Jump: case ir::Op::Return:
      return true;
    default:
      return false;
  }
}

// The field a LoadRow reads, where the interpreter reads it (rowSlot).
std::optional<ir::Value> rowField(const Context& ctx, uint32_t field) {
  if (!ctx.row) return std::nullopt;
  return rowSlot(ctx, field).value();
}

std::optional<ir::Value> personField(const Context& ctx, uint32_t field) {
  if (!ctx.person || field >= ctx.person->size()) return std::nullopt;
  return (*ctx.person)[field];
}

// Appends v to the key, tagged by its kind so that no two inputs collide;
// false for a value that does not go in a key (a number, a date).
bool appendKey(std::string& key, const ir::Value& v) {
  if (std::holds_alternative<ir::Missing>(v)) {
    key += 'm';
    return true;
  }
  if (const bool* b = std::get_if<bool>(&v)) {
    key += *b ? 'y' : 'n';
    return true;
  }
  const std::string* text = std::get_if<std::string>(&v);
  if (!text) return false;
  key += 't';
  key += std::to_string(text->size());
  key += ':';
  key += *text;
  return true;
}

}  // namespace

ChunkMemo::ChunkMemo(const ir::Chunk& chunk) {
  if (!chunk.aggregates.empty() || !chunk.cells.empty() || !chunk.steps.empty() || !chunk.folds.empty()) return;
  for (const ir::Instr& in : chunk.code) {
    if (!qualifies(in.op)) return;
    if (in.op != ir::Op::LoadPerson && in.op != ir::Op::LoadRow) continue;
    const Input input{in.op == ir::Op::LoadRow, in.a};
    if (std::none_of(inputs_.begin(), inputs_.end(),
                     [&](const Input& i) { return i.row == input.row && i.field == input.field; }))
      inputs_.push_back(input);
  }
  usable_ = true;
}

const ir::Value* ChunkMemo::find(const Context& ctx, std::string& key) const {
  key.clear();
  if (!usable_) return nullptr;
  for (const Input& in : inputs_) {
    const std::optional<ir::Value> v = in.row ? rowField(ctx, in.field) : personField(ctx, in.field);
    if (!v || !appendKey(key, *v)) {  // the interpreter reports a missing field; a number is not memoized
      key.clear();
      return nullptr;
    }
  }
  key += '.';  // a chunk that reads nothing still has a key
  auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

void ChunkMemo::remember(std::string key, const ir::Value& value) {
  if (key.empty() || values_.size() >= kMaxEntries) return;
  values_.emplace(std::move(key), value);
}

}  // namespace misura::interp
