// Internal to runtime/report: the pieces of an explanation that the text and
// the JSON forms share — the regolamento's text of a rule, the values a rule
// used (from the interpreter's trace), its intermediate results, and the
// computations of components, total and band written out with the numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"
#include "runtime/interp/interp.h"

namespace misura::report::detail {

// What an explanation is about.
struct Subject {
  const ir::Module& module;
  const eval::Evaluation& evaluation;
  const eval::PersonResult& person;
  const ir::Profile& profile;
  const SourceManager& sources;
};

// ---- numbers and values ------------------------------------------------------

// An exact number in its shortest decimal form, "…" when rounded: "87,5", "0,333333…".
std::string num(const Rational& q);

// " (esatto: 1/3)" when num(q) is not exact, else "".
std::string exactNote(const Rational& q);

// " (esatto: 100/3%)" when a percentage (a fraction of 1) is not shown exactly, else "".
std::string percentNote(const Rational& fraction);

// A value as an explanation shows it: "85%", "1.081,10 €", "31/12/2020",
// "vero", "\"dipendente\"", "non rilevato".
std::string shown(const ir::Value& value, ir::Type type);

// ---- the regolamento's text ----------------------------------------------------

// The text at `span` as written, over several lines if so written: the lines
// after the first lose the indentation they share with the first. "" if invalid.
std::string sourceText(const SourceManager& sources, Span span);

// The same on one line: comments dropped, every run of blanks one space.
std::string sourceLine(const SourceManager& sources, Span span);

// ---- what a rule used and computed ------------------------------------------------

// A name a rule read, with its value and where the value came from.
struct UsedName {
  std::string name;
  ir::Value value;
  ir::Type type = ir::Type::Numero;
  std::string location;  // "dati/personale.csv:10:9" (data cell or regolamento), or ""
  std::string origin;    // in words: "dato della persona", "fascia «Distinto»"
  // An aggregate: the rows it used and those its `dove` excluded (file:line,
  // the first interp::kMaxTracedRows of each) and their whole counts.
  bool aggregate = false;
  std::vector<std::string> usedRows = {}, excludedRows = {};
  uint32_t usedCount = 0, excludedCount = 0;
};

// The names read in `trace`, each once, in the order first read. For an
// indicator's trace, `objective` gives the measured cell and the arguments.
std::vector<UsedName> usedNames(const Subject& s, const std::vector<interp::TraceEntry>& trace,
                                const eval::ObjectiveOutcome* objective);

// An intermediate result of a rule: a comparison or a call.
struct RuleStep {
  std::string expression;  // as written, one line: "valore < soglia * 70%"
  std::string withValues;  // the same with the names' values: "70% < 80% * 70%"
  std::string value;       // "falso", "1", "87,5%"
};

// The comparisons and calls in `trace` whose value can be shown with its unit.
std::vector<RuleStep> ruleSteps(const Subject& s, const ir::Chunk& chunk, const std::vector<interp::TraceEntry>& trace,
                                const eval::ObjectiveOutcome* objective);

// The whole of `chunk` on one line with every name replaced by the value it
// had, when every name in it was read (no branches): "1.081,10 € * 36 / 36 * 85%".
std::optional<std::string> withValues(const Subject& s, const ir::Chunk& chunk,
                                      const std::vector<interp::TraceEntry>& trace,
                                      const eval::ObjectiveOutcome* objective);

// ---- objectives -------------------------------------------------------------------

// The weighted mean of a `da obiettivi` component.
struct ObjectivesSum {
  Rational declared;  // sum of the declared weights of the assigned objectives
  Rational counted;   // sum of the weights of those with an esito (not neutralised)
  std::vector<std::string> neutralised;  // codes
  std::string formula;  // "60 × (50 × 100% + 50 × 84,375%) ÷ 100 = 55,3125"; "" without points
};
ObjectivesSum objectivesSum(const ir::Module& module, const ir::Component& component,
                            const eval::ComponentOutcome& outcome);

// The weight an objective counts for after redistribution, out of 100.
Rational effectiveWeight(const eval::ObjectiveOutcome& o, const ObjectivesSum& sum);

// "50 × 100 ÷ 50 = 100": how the effective weight is obtained.
std::string effectiveWeightFormula(const eval::ObjectiveOutcome& o, const ObjectivesSum& sum);

// The objective's `se non rilevato` line as written in the language
// ("se non rilevato: neutralizzato"), or "" when it has none.
std::string notMeasuredRule(const ir::Objective& o);

// What happened to an objective without an esito from its indicator, in words.
std::string notMeasuredEffect(const ir::Objective& o, const eval::ObjectiveOutcome& outcome);

// The objective an outcome is about.
const ir::Objective& objectiveOf(const ir::Module& module, const eval::ObjectiveOutcome& o);

// ---- behaviours, total, band, premio --------------------------------------------

// The catalogue of a `da comportamenti` component.
const ir::Catalogue& catalogueOf(const ir::Module& module, const ir::Component& component);

// "10 × 8 ÷ 10 = 8" (peso × voto ÷ massimo della scala).
std::string behaviourFormula(const ir::Component& component, const ir::Catalogue& catalogue,
                             const eval::BehaviourOutcome& b);

// "8 + 6,4 + 5,6 = 20"; "" without points.
std::string sumFormula(const std::vector<Rational>& terms, const std::optional<Rational>& result);

// The points of each component, for the total; nullopt if one is missing.
std::optional<std::vector<Rational>> componentPoints(const eval::PersonResult& person);

// "arrotondato a 2 decimali, mezzo in su".
std::string roundingText(const ir::RoundingRule& rule);

// "arrotondato al centesimo, mezzo in su".
std::string premioRoundingText(ir::Rounding mode);

// The total rounded as the regolamento says, with its decimals: "82,30".
std::string roundedTotal(const ir::Profile& profile, const Rational& total);

// The band's range in words: "da 80 punti (incluso) a 92 punti (escluso)".
std::string bandRange(const ir::Profile& profile, uint32_t band);

// ---- the text form, for the scheda (explain_text.cpp) -----------------------------

// The measured value of an objective as the explanation writes it, one line
// per phase: "valore rilevato (rilevazioni.valore): 85% (dati/rilevazioni.csv:3:12)".
std::string measuredText(const Subject& s, const eval::ObjectiveOutcome& o);

// The explanation's «Premio» section without its heading: the formula, the
// values it used, the share of the fund and the rounding, one step a line.
std::string premioText(const Subject& s);

}  // namespace misura::report::detail
