// Checks of `obiettivi da TABELLA`: the table is keyed by objective code,
// and the body is an objective's, read with the row of each code; `dove`
// and `titolo` read that row too (no person).
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

// The position of the `obiettivo` column in the table's key, if it has one.
std::optional<uint32_t> objectiveColumn(const DatasetInfo& ds) {
  for (uint32_t i = 0; i < ds.keyRoles.size() && i < ds.decl->key.size(); ++i)
    if (ds.keyRoles[i] == KeyRole::Obiettivo) return i;
  return std::nullopt;
}

}  // namespace

void Checker::checkObjectiveTemplate(const ast::ObjectiveTemplate& t) {
  ObjectiveTemplateInfo info;
  info.decl = &t;
  auto it = datasetIndex_.find(t.dataset.name);
  bool ok = true;
  if (it == datasetIndex_.end()) {
    undeclaredTable(t.dataset);
    ok = false;
  } else {
    info.dataset = it->second;
    std::optional<uint32_t> column =
        it->second == 0 ? std::nullopt : objectiveColumn(out_.datasets.at(it->second));
    if (!column && it->second == 0) {
      diags_.error("E0232", t.dataset.span, "gli obiettivi non si leggono dall'elenco del personale",
                   "dichiara il file del PEG come tabella con il codice dell'obiettivo nella chiave: dati peg da "
                   "\"...\" chiave (obiettivo) { obiettivo testo colonna \"Codice\" ... }");
      ok = false;
    } else if (!column) {
      diags_.error("E0232", t.dataset.span,
                   fmt::format("gli obiettivi si leggono da una tabella con la colonna chiave «obiettivo», e «{}» non "
                               "ce l'ha",
                               t.dataset.name),
                   fmt::format("dichiara la tabella con il codice dell'obiettivo nella chiave: dati {} da \"...\" "
                               "chiave (obiettivo) {{ obiettivo testo colonna \"Codice\" ... }}",
                               t.dataset.name));
      ok = false;
    } else {
      info.codeColumn = *column;
    }
  }
  info.objective = checkObjective(t.body);
  if (ok) {
    Scope row{Scope::Kind::FundAmount, nullptr, 0, &info.objective};
    row.rowTable = info.dataset;
    if (t.where) expectType(*t.where, expr(*t.where, row), Type::Booleano, "dopo «dove»");
    if (t.title) expectType(*t.title, expr(*t.title, row), Type::Testo, "dopo «titolo =»");
  }
  // Kept even when wrong: the static weight check must know the block may add objectives.
  out_.objectiveTemplates.push_back(std::move(info));
}

}  // namespace misura::sema
