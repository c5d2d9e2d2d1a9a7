// What a data declaration says about reading its file, beyond names and
// types: the column of a field (`colonna "Cognome e nome"`), the values it
// admits (`da 0 escluso a 1`, `intero`, `non negativo`), wide sheets (`voto
// numero per comportamento { C1 colonna "K1" ... }`) and registers without
// repeated rows (`unico (matricola, obiettivo)`). The loader enforces them
// on the data (runtime/data/rules.cpp).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

bool admitsBounds(ast::TypeName t) {
  switch (t) {
    case ast::TypeName::Numero:
    case ast::TypeName::Percentuale:
    case ast::TypeName::Punti:
    case ast::TypeName::Euro:
    case ast::TypeName::Giorni: return true;
    case ast::TypeName::Testo:
    case ast::TypeName::Data:
    case ast::TypeName::Booleano: return false;
  }
  return false;
}

// Whether a bound written with unit `u` fits a field of type `t` (a bare
// number always does: for a percentuale it is a percentage, as in the data).
bool unitFits(ast::Unit u, ast::TypeName t) {
  switch (u) {
    case ast::Unit::Nessuna: return true;
    case ast::Unit::Percento: return t == ast::TypeName::Percentuale;
    case ast::Unit::Punti: return t == ast::TypeName::Punti;
    case ast::Unit::Euro: return t == ast::TypeName::Euro;
    case ast::Unit::Giorni: return t == ast::TypeName::Giorni;
  }
  return false;
}

// The role of the codes of a wide sheet: `per comportamento`, `per obiettivo`, `per fase`.
std::optional<KeyRole> codeRole(const std::string& name) {
  if (name == "comportamento") return KeyRole::Comportamento;
  if (name == "obiettivo") return KeyRole::Obiettivo;
  if (name == "fase") return KeyRole::Fase;
  return std::nullopt;
}

// A bound as written: "30 euro", "100%".
std::string written(const ast::FieldBound& b) {
  switch (b.unit) {
    case ast::Unit::Nessuna: return ast::printNumber(b.value);
    case ast::Unit::Percento: return ast::printNumber(b.value) + "%";
    case ast::Unit::Punti: return ast::printNumber(b.value) + " punti";
    case ast::Unit::Euro: return ast::printNumber(b.value) + " euro";
    case ast::Unit::Giorni: return ast::printNumber(b.value) + " giorni";
  }
  return ast::printNumber(b.value);
}

}  // namespace

void Checker::checkFieldRules(const ast::Dataset& d) {
  std::map<std::string, const ast::Field*> columns;  // header -> the field that reads it
  for (const ast::Field& f : d.fields) {
    if (f.derived) continue;
    if (d.isStaff && f.perCode)
      diags_.error("E0473", f.perCode->span,
                   "nel personale un campo non si legge da una colonna per codice",
                   "i fogli con una colonna per comportamento o per obiettivo si dichiarano come tabelle «dati»");
    bool bounded = f.lower || f.upper || f.integer || f.nonNegative;
    if (bounded && !admitsBounds(f.type)) {
      Span at = f.integer ? *f.integer : f.nonNegative ? *f.nonNegative : f.lower ? f.lower->span : f.upper->span;
      diags_.error("E0470", at,
                   fmt::format("il campo «{}» è di tipo {}: i limiti ai valori valgono solo per numeri, "
                               "percentuali, punti, euro e giorni",
                               f.name.name, typeName(fromTypeName(f.type))),
                   "togli il limite, oppure dichiara il campo di un tipo numerico");
      continue;
    }
    for (const std::optional<ast::FieldBound>* b : {&f.lower, &f.upper})
      if (*b && !unitFits((*b)->unit, f.type))
        diags_.error("E0471", (*b)->span,
                     fmt::format("il limite «{}» non è nell'unità del campo «{}» ({})", written(**b), f.name.name,
                                 typeName(fromTypeName(f.type))),
                     f.type == ast::TypeName::Percentuale
                         ? std::string("per una percentuale scrivi ad esempio: da 0% a 100%")
                         : fmt::format("scrivi il limite come numero senza unità o in {}", typeName(fromTypeName(f.type))));
    if (f.lower && f.upper) {
      if (f.lower->value > f.upper->value ||
          (f.lower->value == f.upper->value && (f.lower->exclusive || f.upper->exclusive)))
        diags_.report(Diagnostic{"E0472", Severity::Errore, f.upper->span,
                                 fmt::format("nessun valore del campo «{}» può stare tra {} e {}", f.name.name,
                                             written(*f.lower), written(*f.upper)),
                                 {Label{f.lower->span, "limite inferiore"}},
                                 "il primo limite è il minimo, il secondo il massimo: scambiali",
                                 {}});
    }
    if (f.nonNegative && f.lower && f.lower->value.sign() >= 0)
      diags_.warning("W0541", *f.nonNegative,
                     fmt::format("«non negativo» non aggiunge nulla: il campo «{}» parte già da {}", f.name.name,
                                 ast::printNumber(f.lower->value)),
                     "togli «non negativo»");
    if (f.perCode) continue;  // its columns are the code columns (checkWide)
    const std::string& column = f.column ? f.column->value : f.name.name;
    auto [it, inserted] = columns.emplace(column, &f);
    if (!inserted)
      diags_.report(Diagnostic{"E0479", Severity::Errore, f.column ? f.column->span : f.name.span,
                               fmt::format("i campi «{}» e «{}» leggono la stessa colonna «{}»", it->second->name.name,
                                           f.name.name, column),
                               {Label{it->second->name.span, "l'altro campo"}},
                               "ogni colonna del file si legge in un campo solo: correggi il nome della colonna",
                               {}});
  }
}

void Checker::checkWide(const ast::Dataset& d, DatasetInfo& info) {
  for (uint32_t i = 0; i < d.fields.size(); ++i) {
    const ast::Field& f = d.fields[i];
    if (!f.perCode) continue;
    const ast::CodeColumns& cc = *f.perCode;
    if (info.wideField) {
      diags_.report(Diagnostic{"E0473", Severity::Errore, cc.span,
                               "una tabella ha al più un campo letto da una colonna per codice",
                               {Label{d.fields[*info.wideField].perCode->span, "il primo"}},
                               "dichiara l'altro foglio come un'altra tabella di dati",
                               {}});
      continue;
    }
    std::optional<KeyRole> role = codeRole(cc.role.name);
    if (!role) {
      diags_.error("E0473", cc.role.span, fmt::format("«per {}»: i codici delle colonne non sono di un tipo noto", cc.role.name),
                   "scrivi «per comportamento», «per obiettivo» oppure «per fase»");
      continue;
    }
    if (std::find(info.keyRoles.begin(), info.keyRoles.end(), *role) != info.keyRoles.end()) {
      diags_.error("E0473", cc.role.span,
                   fmt::format("la tabella ha già la colonna chiave «{}»: ogni riga è di un solo {}", cc.role.name,
                               cc.role.name),
                   fmt::format("togli «{}» da chiave (...) se il foglio ha una colonna per {}", cc.role.name, cc.role.name));
      continue;
    }
    if (f.column)
      diags_.error("E0473", f.column->span,
                   fmt::format("il campo «{}» si legge dalle colonne dei codici: «colonna» qui non serve", f.name.name),
                   "togli «colonna ...»: le colonne sono quelle scritte per ogni codice");
    if (cc.columns.empty())
      diags_.error("E0473", cc.span, fmt::format("«per {}» senza colonne", cc.role.name),
                   "elenca i codici con la loro colonna, ad esempio: { C1 colonna \"K1\"  C2 colonna \"K2\" }");
    std::map<std::string, Span> codes, headers;
    for (const auto& [code, column] : cc.columns) {
      if (auto [it, ins] = codes.emplace(code.name, code.span); !ins)
        diags_.report(Diagnostic{"E0475", Severity::Errore, code.span,
                                 fmt::format("il codice «{}» ha già una colonna", code.name),
                                 {Label{it->second, "prima colonna del codice"}}, "tieni una riga sola per codice", {}});
      if (auto [it, ins] = headers.emplace(column.value, column.span); !ins)
        diags_.report(Diagnostic{"E0475", Severity::Errore, column.span,
                                 fmt::format("la colonna «{}» è già di un altro codice", column.value),
                                 {Label{it->second, "qui"}}, "ogni colonna del foglio è di un codice solo", {}});
    }
    info.wideField = i;
    info.keyRoles.push_back(*role);
  }
}

// The codes of the wide sheets are declared objectives, phases or behaviours.
void Checker::checkWideCodes() {
  std::set<std::string> objectives, phases, behaviours;
  for (const ast::Objective& o : program_.objectives) {
    objectives.insert(o.code.name);
    for (const ast::Phases& ph : o.phases)
      for (const ast::Phase& f : ph.items) phases.insert(f.code.name);
  }
  for (const ast::Catalogue& c : program_.catalogues)
    for (const ast::BehaviourItem& b : c.items) behaviours.insert(b.code.name);
  for (const DatasetInfo& info : out_.datasets) {
    if (!info.wideField) continue;
    const ast::CodeColumns& cc = *info.decl->fields.at(*info.wideField).perCode;
    KeyRole role = info.keyRoles.back();
    const std::set<std::string>& known = role == KeyRole::Obiettivo ? objectives
                                         : role == KeyRole::Fase    ? phases
                                                                    : behaviours;
    const char* what = role == KeyRole::Obiettivo ? "un obiettivo" : role == KeyRole::Fase ? "una fase" : "un comportamento";
    std::vector<std::string> names(known.begin(), known.end());
    for (const auto& [code, column] : cc.columns)
      if (!known.count(code.name))
        diags_.error("E0474", code.span, fmt::format("«{}» non è il codice di {} del regolamento", code.name, what),
                     didYouMean(code.name, names));
  }
}

void Checker::checkUnique(const ast::Dataset& d) {
  std::set<std::string> seen;
  for (const ast::Ident& u : d.unique) {
    bool known = std::any_of(d.fields.begin(), d.fields.end(), [&](const ast::Field& f) { return f.name.name == u.name; }) ||
                 std::any_of(d.key.begin(), d.key.end(), [&](const ast::Ident& k) { return k.name == u.name; });
    if (!known) {
      std::vector<std::string> names;
      for (const ast::Field& f : d.fields) names.push_back(f.name.name);
      for (const ast::Ident& k : d.key) names.push_back(k.name);
      diags_.error("E0478", u.span, fmt::format("«unico»: la tabella «{}» non ha la colonna «{}»", d.name.name, u.name),
                   didYouMean(u.name, names));
    }
    if (!seen.insert(u.name).second)
      diags_.error("E0478", u.span, fmt::format("«{}» ripetuto in «unico»", u.name));
  }
}

}  // namespace misura::sema
