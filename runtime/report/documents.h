// The printable documents of the end of the cycle, as HTML for A4 paper (the
// command line prints them to PDF with Chromium, cli/pdf.h):
//
//  - scheda(): the scheda di valutazione of one person, the document the
//    valutatore signs and the person receives: ente, year, person, profile,
//    period of service; each objective with weight, target (the indicator's
//    arguments), measured value with its cell, esito and points; behaviours
//    with votes; each component and the total with the regolamento's
//    rounding; band; premio with its formula and values (the same text as
//    `spiega`, explain_parts.h); applied legal modules; neutralised
//    objectives with the rule that neutralised them; signature blocks.
//    Nothing about any other person (fund totals are the fund's).
//  - graduatoria(): the ranking per profile (by total, then staff order),
//    the distribution of the premi by band (persons, share of the evaluated
//    staff, total, average, minimum and maximum — the data art. 20 D.Lgs.
//    33/2013 asks to publish), the funds (stanziato, distribuito, economia,
//    as fundsCsv()), the declared graduatorie, and two SVG charts.
//
// Deterministic (no time stamps): the golden tests compare them byte by byte.
#pragma once

#include <string>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::report {

// Needs an Evaluation made with eval::Options::trace (as explainText()).
std::string scheda(const ir::Module& module, const eval::Evaluation& evaluation, const eval::PersonResult& person,
                   const SourceManager& sources);

// `publication` (graduatoria --pubblicazione): without the per-person lists
// (ranking and declared graduatorie), only the aggregate data.
std::string graduatoria(const ir::Module& module, const eval::Evaluation& evaluation, bool publication = false);

}  // namespace misura::report
