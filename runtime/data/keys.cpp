// Reference checks on key values: matricole, objective and behaviour codes,
// staff profiles.
#include <algorithm>

#include <fmt/format.h>

#include "runtime/data/schema.h"
#include "runtime/data/suggest.h"

namespace misura::data {

namespace {

constexpr size_t kMaxListed = 12;

std::string listOf(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < kMaxListed; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kMaxListed) out += fmt::format(" e altri {}", names.size() - kMaxListed);
  return out;
}

// didYouMean, or else the list of valid values introduced by `intro`.
std::string suggestion(const std::string& typed, const std::vector<std::string>& valid, const std::string& intro) {
  std::string guess = didYouMean(typed, valid);
  if (!guess.empty()) return guess;
  if (valid.empty()) return {};
  return intro + listOf(valid);
}

}  // namespace

void KnownKeys::addPerson(const std::string& matricola) {
  if (persons.insert(matricola).second) personList.push_back(matricola);
}

void KnownKeys::addObjective(const std::string& code) {
  if (objectives.insert(code).second) objectiveList.push_back(code);
}

void KnownKeys::addStaffValue(uint32_t field, const std::string& value) {
  if (staffValues[field].insert(value).second) staffValueList[field].push_back(value);
}

KnownKeys knownKeys(const ir::Module& module) {
  KnownKeys known;
  for (const ir::Objective& o : module.objectives) {
    known.addObjective(o.code);
    for (const ir::Phase& f : o.phases)
      if (known.phases.insert(f.code).second) known.phaseList.push_back(f.code);
  }
  for (const ir::Catalogue& c : module.catalogues)
    for (const ir::Behaviour& b : c.items)
      if (known.behaviours.insert(b.code).second) known.behaviourList.push_back(b.code);
  for (const ir::Dataset& d : module.datasets)
    for (const ir::KeyColumn& k : d.key) {
      if (k.role == ir::KeyRole::Persona) known.personsAsked = true;
      if (k.role != ir::KeyRole::Campo) continue;
      if (known.staffFieldsAsked.size() <= k.staffField) known.staffFieldsAsked.resize(k.staffField + 1, false);
      known.staffFieldsAsked[k.staffField] = true;
    }
  return known;
}

bool checkKeyValue(const ir::KeyColumn& column, const std::string& text, Span cell, const KnownKeys& known,
                   FileDiagnostics& fd) {
  switch (column.role) {
    case ir::KeyRole::Persona:
      if (!known.personsKnown || known.persons.count(text)) return true;
      fd.error("E0513", cell, fmt::format("«{}» non è una matricola dell'elenco del personale", text),
               suggestion(text, known.personList, "le matricole del personale sono: "));
      return false;
    case ir::KeyRole::Obiettivo:
      if (known.anyObjective || known.objectives.count(text)) return true;
      fd.error("E0513", cell, fmt::format("«{}» non è il codice di un obiettivo del regolamento", text),
               suggestion(text, known.objectiveList, "gli obiettivi del regolamento sono: "));
      return false;
    case ir::KeyRole::Fase:
      if (known.phases.count(text)) return true;
      fd.error("E0513", cell, fmt::format("«{}» non è il codice di una fase del regolamento", text),
               suggestion(text, known.phaseList, "le fasi del regolamento sono: "));
      return false;
    case ir::KeyRole::Campo: {
      // The person's value of a staff field. A value no person has is
      // accepted (an office with nobody in it this year), unless it is one
      // typo away from a value someone has: then it is surely a typo (E0560).
      if (!known.personsKnown) return true;
      auto values = known.staffValues.find(column.staffField);
      if (values == known.staffValues.end() || values->second.count(text)) return true;
      std::string guess = didYouMean(text, known.staffValueList.at(column.staffField));
      if (guess.empty()) return true;
      fd.error("E0560", cell,
               fmt::format("«{}» non è il valore di «{}» di nessuna persona dell'elenco del personale", text, column.column),
               guess + " (la riga si abbina alle persone con lo stesso valore, scritto allo stesso modo)");
      return false;
    }
    case ir::KeyRole::Libera:  // chosen by `di "..."`: any text
      return true;
    case ir::KeyRole::Comportamento:
      if (known.behaviours.count(text)) return true;
      fd.error("E0513", cell, fmt::format("«{}» non è il codice di un comportamento del regolamento", text),
               suggestion(text, known.behaviourList, "i comportamenti del regolamento sono: "));
      return false;
  }
  return false;
}

std::vector<uint32_t> staffProfiles(const ir::Module& module, const Table& staff, FileDiagnostics& fd) {
  std::vector<std::string> names;
  for (const ir::Profile& p : module.profiles) names.push_back(p.name);
  std::vector<uint32_t> result;
  for (const Row& row : staff.rows) {
    const ir::Value& value = row.values.at(module.staffProfileField);
    const std::string* text = std::get_if<std::string>(&value);
    auto found = text ? std::find(names.begin(), names.end(), *text) : names.end();
    if (found != names.end()) {
      result.push_back(static_cast<uint32_t>(found - names.begin()));
      continue;
    }
    result.push_back(0);
    const ir::Field& declared = staffPart(module, row).fields.at(module.staffProfileField);
    if (declared.derived) {  // computed: the rule gave a value that is no profile
      fd.report(Diagnostic{
          "E0544", Severity::Errore, row.span,
          text ? fmt::format("il profilo calcolato per la matricola «{}» è «{}», che non è un profilo dichiarato",
                             row.key.empty() ? std::string() : row.key.front(), *text)
               : fmt::format("il profilo della matricola «{}» non si può calcolare: un dato che la regola usa non "
                             "è rilevato",
                             row.key.empty() ? std::string() : row.key.front()),
          {Label{declared.derived->span, "regola che calcola il profilo"}},
          text ? suggestion(*text, names, "i profili dichiarati sono: ")
               : std::string("completa la riga nel file, oppure scrivi la regola in modo che dia sempre un profilo"),
          {}});
      continue;
    }
    if (!text) continue;  // empty or absent column: already reported as E0509/E0511
    fd.error("E0514", row.spans.at(module.staffProfileField),
             fmt::format("«{}» non è un profilo dichiarato nel regolamento (matricola «{}»)", *text,
                         row.key.empty() ? std::string() : row.key.front()),
             suggestion(*text, names, "i profili dichiarati sono: "));
  }
  return result;
}

}  // namespace misura::data
