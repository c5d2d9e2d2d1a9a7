// Pieces of the JSON report shared by the writers of runtime/report (the
// results document, json.cpp, and the explanation, explain_json.cpp), so
// that the same thing has the same shape and key names in both.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::report::detail {

using Json = nlohmann::ordered_json;

// "x": decimal form, "x_esatto": exact fraction.
void putExact(Json& obj, const std::string& key, const Rational& q);

// For values written in the regolamento or the data (weights, maxima,
// ratings): the decimal form, plus the fraction only if that is not exact.
void putDecimal(Json& obj, const std::string& key, const Rational& q);

// "x": "85%", "x_esatto": "17/20" (a fraction of 1).
void putPercent(Json& obj, const std::string& key, const Rational& fraction);

// The text, or null when empty.
Json orNull(const std::string& s);

// "misurato", "neutralizzato", "esito fisso", "errore".
const char* objectiveStatus(eval::ObjectiveOutcome::Status s);

// "obiettivi", "comportamenti", "espressione".
const char* componentSource(ir::ComponentSource s);

// The fields every component's JSON starts with: nome, titolo, da, massimo.
Json componentHeaderJson(const ir::Component& c);

// "punti": exact points, or null when they could not be computed.
void putPoints(Json& obj, const std::optional<Rational>& points);

// One objective of a `da obiettivi` component: code, title, weight, deadline,
// indicator, status, field, measured value and its cell, esito, points, fonte.
Json objectiveJson(const ir::Module& module, const eval::ObjectiveOutcome& o, const SourceManager& sources);

// One item of a `da comportamenti` component: code, title, weight, rating,
// scale, points and the rating's cell.
Json behaviourJson(const ir::Catalogue& catalogue, const eval::BehaviourOutcome& b, const SourceManager& sources);

// "moduli": [{nome, titolo, vigente_dal, vigente_al, applicato}], only when
// the regolamento uses modules (modules.cpp).
void putModules(Json& doc, const ir::Module& m);

}  // namespace misura::report::detail
