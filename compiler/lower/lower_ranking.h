// Lowering of rankings (`graduatoria`) and ordering keys, private to compiler/lower.
#pragma once

#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/sema/checked.h"

namespace misura::lowering {

std::vector<ir::SortKey> lowerSortKeys(const sema::Checked& checked, const std::vector<sema::SortKeyInfo>& keys);
ir::Ranking lowerRanking(const sema::Checked& checked, const sema::RankingInfo& info);

}  // namespace misura::lowering
