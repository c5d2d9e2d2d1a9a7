// Helpers shared by the report writers (internal to runtime/report): the
// Italian text of statuses, totals, amounts and values, and checked access
// to the module's tables from the indices an Evaluation carries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::report::detail {

// vec[i], or an InternalError naming `what`: an index in the results that
// does not exist in the module is a bug of the evaluator, not of the user.
template <typename T>
const T& at(const std::vector<T>& vec, size_t i, const char* what) {
  if (i >= vec.size())
    throw InternalError{std::string("indice fuori intervallo nei risultati: ") + what + " " + std::to_string(i)};
  return vec[i];
}

// The period of `assegnato a "matricola" dal ... al ...` as Italian text
// ("dal 01/04/2024 al 30/09/2024", "fino al 01/05/2024"), or "" if none.
std::string assignedPeriodText(const ir::Objective& o, const std::string& matricola);

// "valutato", "non valutato", "errore".
const char* statusWord(eval::PersonStatus s);

// The total as shown in tables and CSV: two decimals (or the profile's
// rounding decimals when more), decimal comma, no thousands separator.
std::string totalText(const ir::Profile& profile, const Rational& total);

// An amount to the cent: "1.234,56" (thousands) or "1234,56".
std::string euroText(const Rational& amount, bool thousands);

// A CSV cell, quoted (RFC 4180) only where needed: `;`, `"` or a line break.
std::string csvCell(const std::string& text);
// The same, appended to `out` (a large CSV is built without a string per cell).
void appendCsvCell(std::string& out, std::string_view text);

// A fraction shown as a percentage: 17/20 -> "85%", 1/3 -> "33,333333…%".
std::string percentText(const Rational& fraction);

// An exact value in its shortest decimal form ("4,2", "0,333333…").
std::string exactText(const Rational& q);

// A data value in the notation of its type: "85%", "1.234,56 €",
// "31/12/2020", "sì", "12 giorni", "non rilevato".
std::string valueText(const ir::Value& value, ir::Type type);

// The modules used (modules.cpp): "Moduli usati:" and one line per module,
// applied or not; empty without `usa`.
std::string modulesText(const ir::Module& m);

// The CSV column `moduli`: the applied modules with their period,
// "a.b vigente dal 01/01/2024, c.d sempre vigente".
std::string modulesCell(const ir::Module& m);

// "dati/rilevazioni.csv:3:12", or "" for an invalid span.
std::string location(const SourceManager& sources, Span span);

// Fund schemes and the derogation (funds.cpp):
// " (quota unitaria 100,00 €, massimo 2.000,00 € per persona)", " (stanziamento)", or "".
std::string fundSchemeText(const ir::Fund& f, const eval::FundOutcome& o);
// "Fondi dell'ente: stanziato ..., distribuito ..., economia ...\n", or "" without funds.
std::string fundsTotalText(const eval::Evaluation& evaluation);
// "Parti del premio:" and one line per person whose premio has parts
// ("  A1: organizzativa 500,00 € + individuale 300,00 € = 800,00 €"), or "".
std::string partsText(const ir::Module& module, const eval::Evaluation& evaluation);
// One part as "organizzativa 500,00 €" ("non calcolata" if missing).
std::string partText(const ir::Profile& profile, const eval::PartOutcome& part);
// One fund in the funds' summary (fundsCsv() and the graduatoria).
struct FundRow {
  std::string name;
  const char* scheme = "";  // "stanziamento", "quota unitaria", "ripartito in proporzione"
  Rational stanziato, distribuito, economia;
  uint32_t persons = 0;
  bool blocked = false;  // not paid out (errors): distribuito and economia unknown
};
std::vector<FundRow> fundRows(const ir::Module& module, const eval::Evaluation& evaluation);
// The lines recording `valuta --deroga`, or "" without one.
std::string derogaText(const eval::Evaluation& evaluation);

}  // namespace misura::report::detail
