// Internal to compiler/conform: one `richiede` line (or an indicator
// warning) checked for one subject, a profile with its assigned objectives.
#pragma once

#include <string>
#include <vector>

#include "compiler/sema/checked.h"
#include "compiler/sema/effective.h"
#include "compiler/support/diagnostics.h"

namespace misura::conform {

struct Finding {
  bool ok = true;
  std::string detail;  // Italian, for the report and the diagnostic
  std::string code;    // "E0842" when !ok (the number; W for warning-level requirements)
  Span span;           // where to point in the regolamento
  std::string hint = {};
};

// Checks demand `d` on the shares of one subject.
Finding checkDemand(const sema::Checked& c, const ast::Demand& d, const sema::ProfileShares& shares);

// `richiede dichiarazione NOME`: whether the regolamento has `dichiara NOME "..."`.
Finding statement(const sema::Checked& c, const ast::Demand& d);
// `richiede graduatoria con tema T [e posti | e requisiti]`.
Finding rankingDemand(const sema::Checked& c, const ast::Demand& d);

// The objectives of `shares` implementing an `obiettivo con tema` demand of
// `r` on which the premio has no gate (`avviso se senza soglia`).
std::vector<const sema::Share*> ungated(const ast::Requirement& r, const sema::ProfileShares& shares);

// The objectives of `shares` implementing an `obiettivo con tema` demand of
// `r` and measured with an indicator other than `w.indicator`.
std::vector<const sema::ObjectiveInfo*> otherIndicator(const sema::Checked& c, const ast::Requirement& r,
                                                        const ast::IndicatorWarning& w,
                                                        const sema::ProfileShares& shares);

}  // namespace misura::conform
