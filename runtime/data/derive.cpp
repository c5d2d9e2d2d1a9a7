// Computed staff fields (`profilo = se incarico_eq allora "responsabile"
// altrimenti "dipendente"`, `nominativo = cognome + " " + nome`): each row
// is the person the expression sees.
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "runtime/data/schema.h"
#include "runtime/interp/interp.h"
#include "runtime/interp/memo.h"

namespace misura::data {

const ir::Dataset& staffPart(const ir::Module& module, const Row& row) {
  const ir::Dataset& staff = module.datasets.at(ir::kStaff);
  return row.part == 0 ? staff : staff.moreFiles.at(row.part - 1);
}

void deriveStaffFields(const ir::Module& module, Table& staff, FileDiagnostics& fd) {
  interp::Context ctx;  // one for every row: only the person changes
  ctx.module = &module;
  // Per computed field's chunk: its values by the fields it reads (a million
  // rows of `profilo = se profile = "R" ...` run the interpreter twice).
  std::unordered_map<const ir::Chunk*, interp::ChunkMemo> memos;
  std::string key;
  for (Row& row : staff.rows) {
    const ir::Dataset& part = staffPart(module, row);
    for (size_t f = 0; f < part.fields.size() && f < row.values.size(); ++f) {
      if (!part.fields[f].derived) continue;
      const ir::Chunk& chunk = *part.fields[f].derived;
      ctx.person = &row.values;
      row.spans.set(f, row.span);
      interp::ChunkMemo& memo = memos.try_emplace(&chunk, chunk).first->second;
      if (const ir::Value* known = memo.find(ctx, key)) {
        row.values.set(f, *known);
        continue;
      }
      interp::Result r = interp::run(chunk, ctx);
      if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
        fd.report(Diagnostic{"E0545", Severity::Errore, row.span,
                             fmt::format("non si può calcolare «{}» per la matricola «{}»: {}", part.fields[f].name,
                                         row.key.empty() ? std::string() : row.key.front(), e->message),
                             {Label{e->span, "regola del regolamento"}}, e->hint, {}});
        continue;
      }
      memo.remember(key, std::get<ir::Value>(r));
      row.values.set(f, std::get<ir::Value>(r));
    }
  }
}

void checkRowConditions(const ir::Module& module, uint32_t index, const Table& table, FileDiagnostics& fd) {
  const Row* previous = nullptr;
  for (const Row& row : table.rows) {
    // A wide sheet gives one row per code of the same file row: check it once.
    bool sameFileRow = previous && previous->span.file == row.span.file && previous->span.begin == row.span.begin;
    previous = &row;
    if (sameFileRow) continue;
    const ir::Dataset& ds = index == ir::kStaff ? staffPart(module, row) : module.datasets.at(index);
    for (const ir::RowCheck& check : ds.checks) {
      interp::Context ctx;
      ctx.module = &module;
      if (index == ir::kStaff) ctx.person = &row.values;
      else ctx.row = &row.values;
      interp::Result r = interp::run(check.condition, ctx);
      const ir::Value* v = std::get_if<ir::Value>(&r);
      if (v && !std::holds_alternative<bool>(*v)) continue;  // Missing: a non rilevato operand, nothing to check
      if (v && std::get<bool>(*v)) continue;
      std::string who = index == ir::kStaff && !row.key.empty() ? fmt::format(" (matricola «{}»)", row.key.front()) : "";
      const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r);
      fd.report(Diagnostic{"E0547", Severity::Errore, row.span,
                           e ? fmt::format("il controllo «{}» non si può fare su questa riga{}: {}", check.message, who,
                                           e->message)
                             : fmt::format("{}{}", check.message, who),
                           {Label{check.condition.span.valid() ? check.condition.span : check.span,
                                  "controllo scritto nel regolamento"}},
                           "correggi la riga del file, oppure il controllo nel regolamento se è sbagliato quello",
                           {}});
    }
  }
}

}  // namespace misura::data
