// Explanations: the full derivation of one person's result, for the person
// evaluated and, on appeal, for a judge (veridicità e verificabilità).
//
// For each component, in the profile's order: for `da obiettivi` every
// assigned objective (code, title, weight, fonte, the measured value with the
// CSV cell it came from or the `se non rilevato` rule applied, the
// indicator's rule as written with the values it used and its intermediate
// results, the esito) and the weighted mean written out with the actual
// numbers, neutralised objectives and redistributed weights said
// explicitly; for `da comportamenti` every item's weight, rating (with its
// cell) and points; for `= espressione` the expression and the values of
// the names it used. Then the total with the regolamento's rounding, the
// band as written and the premio: its formula, the value of every name it
// used (staff fields with their cell), the exact amount and its rounding to
// the cent. Every number is exact; a value that is not a finite decimal is
// shown rounded with "…" and its exact fraction ("esatto: 1/3").
//
// Needs an Evaluation made with eval::Options::trace set: the values a rule
// used come from the traces recorded then.
#pragma once

#include <string>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::report {

// The derivation as Italian text for a non-programmer, '\n' line ends.
std::string explainText(const ir::Module& module, const eval::Evaluation& evaluation,
                        const eval::PersonResult& person, const SourceManager& sources);

// The same derivation as a JSON document (2-space indented, final '\n'),
// with the key names and number conventions of report::json().
std::string explainJson(const ir::Module& module, const eval::Evaluation& evaluation,
                        const eval::PersonResult& person, const SourceManager& sources);

}  // namespace misura::report
