// Internal to runtime/report: the graduatorie (`graduatoria`) in every
// output. Nothing is added to an output when the regolamento declares no
// graduatoria, so the results of the others are unchanged.
#pragma once

#include <string>

#include "compiler/ir/ir.h"
#include "runtime/eval/results.h"
#include "runtime/report/json_detail.h"

namespace misura::report::detail {

// The value of one key as shown: "95 punti", "01/03/2010", "0102".
std::string keyValueText(const ir::SortKey& key, const ir::Value& value);

// The group's value as shown ("" without `gruppi per`).
std::string groupText(const ir::Ranking& r, const ir::Value& value);

// Below the table: each graduatoria, group by group, position by position.
std::string rankingsText(const ir::Module& module, const eval::Evaluation& evaluation);

// The extra CSV header cells (";posizione_G;vincitore_G...") and the cells of person `index`.
std::string rankingsCsvHeader(const ir::Module& module);
std::string rankingsCsvCells(const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index);

// "graduatorie" of the results document, and of one person (`index`).
void putRankings(Json& doc, const ir::Module& module, const eval::Evaluation& evaluation);
void putPersonRankings(Json& person, const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index);

// `spiega`: for each graduatoria the person is in, the position, the key
// values, and the neighbours above and below with the key that decided.
std::string explainRankingsText(const ir::Module& module, const eval::Evaluation& evaluation, uint32_t index);

}  // namespace misura::report::detail
