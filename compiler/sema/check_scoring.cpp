// Checks of the scoring constructs (docs/linguaggio.md § 4 and § 5):
// component options (`con pesi relativi`, `a pari peso`, `arrotondato`),
// the component an objective counts in, `solo per il premio` and `quota`,
// catalogue vote steps and `punteggio`, `valore` and `funzione` (typed on
// first use, so a cycle is found where it closes), the fold `somma per ogni
// obiettivo (...)` and `arrotonda(x, n, modo)`.
//
// Codes: E0350-E0369, E0490-E0499.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/effective.h"

namespace misura::sema {

namespace {

bool personScope(const Scope& scope) {
  return scope.kind == Scope::Kind::Person || scope.kind == Scope::Kind::ProfileResult ||
         scope.kind == Scope::Kind::FundQuota || scope.kind == Scope::Kind::Measured;
}

const char* const kReserved[] = {"totale", "fascia", "termine", "giorni_anno", "giorni_servizio",
                                 "quota",  "esito",  "peso",    "voto",        "esito"};

const char* const kCallables[] = {"minimo",   "massimo",  "arrotonda",          "giorni_tra",
                                  "mesi_iniziati_tra", "rilevato", "giorni_anno", "giorni_servizio",
                                  "giorni_nel_periodo", "esito", "conta", "somma", "media", "media_ponderata"};

}  // namespace

// ---- components --------------------------------------------------------------

std::vector<uint32_t> Checker::objectiveComponents(uint32_t profile) const {
  std::vector<uint32_t> out;
  const auto& comps = out_.profiles.at(profile).decl->components;
  for (uint32_t i = 0; i < comps.size(); ++i)
    if (comps[i].source == ast::ComponentSource::Obiettivi) out.push_back(i);
  return out;
}

std::optional<uint32_t> Checker::componentOf(const ObjectiveInfo& o, uint32_t profile) const {
  return objectiveComponent(out_, o, profile);
}

void Checker::checkComponentOptions(uint32_t profile) {
  const ast::Profile& p = *out_.profiles[profile].decl;
  for (const ast::Component& c : p.components) {
    for (size_t i = 1; i < c.relativeWeights.size(); ++i)
      diags_.error("E0212", c.relativeWeights[i], "«con pesi relativi» è scritto più di una volta");
    for (size_t i = 1; i < c.equalWeights.size(); ++i)
      diags_.error("E0212", c.equalWeights[i], "«a pari peso» è scritto più di una volta");
    for (size_t i = 1; i < c.rounding.size(); ++i)
      diags_.error("E0212", c.rounding[i].span, "l'arrotondamento della componente è dichiarato più di una volta");
    if (!c.relativeWeights.empty() && !c.equalWeights.empty())
      diags_.report(Diagnostic{"E0350", Severity::Errore, c.equalWeights[0],
                               fmt::format("la componente «{}» è sia «con pesi relativi» sia «a pari peso»", c.name.name),
                               {Label{c.relativeWeights[0], "con pesi relativi"}},
                               "scegli una delle due: a pari peso ogni obiettivo vale lo stesso, con pesi relativi "
                               "ogni peso conta in proporzione alla somma dei pesi della persona",
                               {}});
    if (c.source != ast::ComponentSource::Obiettivi)
      for (const std::vector<Span>* spans : {&c.relativeWeights, &c.equalWeights})
        for (const Span& s : *spans)
          diags_.error("E0351", s,
                       fmt::format("la componente «{}» non è «da obiettivi»: i pesi degli obiettivi non la riguardano",
                                   c.name.name),
                       "«con pesi relativi» e «a pari peso» si scrivono dopo «da obiettivi»");
    for (const ast::Rounding& r : c.rounding)
      if (!r.decimals || *r.decimals < 0 || *r.decimals > 6)
        diags_.error("E0352", r.span, "una componente va arrotondata a un numero di decimali da 0 a 6",
                     "per esempio: componente obiettivi fino a 60 punti da obiettivi arrotondato a 2 decimali");
  }
}

// ---- objectives ------------------------------------------------------------------

// Whether objective `o` may have no `peso` line: it counts only for the
// premio, or each profile it is assigned to counts it in an `a pari peso`
// component (for an assignment by matricola or condition: some profile has one).
bool Checker::weightOptional(const ObjectiveInfo& info) const {
  const ast::Objective& o = *info.decl;
  if (!o.premioOnly.empty()) return true;
  if (o.assignments.empty()) return false;
  ObjectiveInfo probe = info;
  probe.component = o.components.empty() ? std::string() : o.components[0].name;
  auto equal = [&](uint32_t p) {
    std::optional<uint32_t> c = componentOf(probe, p);
    return c && !out_.profiles[p].decl->components[*c].equalWeights.empty();
  };
  const ast::Assignment& a = o.assignments[0];
  std::vector<uint32_t> profiles;
  switch (a.kind) {
    case ast::Assignment::Kind::Profili:
      for (const ast::Ident& n : a.profiles)
        if (auto it = profileIndex_.find(n.name); it != profileIndex_.end()) profiles.push_back(it->second);
      return !profiles.empty() && std::all_of(profiles.begin(), profiles.end(), equal);
    case ast::Assignment::Kind::Tutti:
      for (uint32_t p = 0; p < out_.profiles.size(); ++p)
        if (!objectiveComponents(p).empty()) profiles.push_back(p);
      return !profiles.empty() && std::all_of(profiles.begin(), profiles.end(), equal);
    case ast::Assignment::Kind::Matricole:
    case ast::Assignment::Kind::Dove:
      for (uint32_t p = 0; p < out_.profiles.size(); ++p)
        if (equal(p)) return true;
      return false;
  }
  return false;
}

void Checker::checkObjectiveScoring(ObjectiveInfo& info, const ast::Objective& o) {
  for (size_t i = 1; i < o.components.size(); ++i)
    diags_.error("E0212", o.components[i].span, fmt::format("l'obiettivo «{}» dichiara la componente più di una volta", o.code.name));
  for (size_t i = 1; i < o.premioOnly.size(); ++i)
    diags_.error("E0212", o.premioOnly[i], fmt::format("l'obiettivo «{}» dichiara «solo per il premio» più di una volta", o.code.name));
  for (size_t i = 1; i < o.quotas.size(); ++i)
    diags_.error("E0212", o.quotas[i].second, fmt::format("l'obiettivo «{}» dichiara la quota più di una volta", o.code.name));
  if (!o.components.empty()) info.component = o.components[0].name;
  if (!o.quotas.empty()) {
    const auto& [q, span] = o.quotas[0];
    if (q < 0 || q > 100)
      diags_.error("E0364", span, "la quota del premio di un obiettivo va da 0% a 100%", "per esempio: quota 4%");
    else
      info.quota = q / 100;
  }
  if (info.premioOnly && !o.components.empty())
    diags_.report(Diagnostic{"E0360", Severity::Errore, o.components[0].span,
                             fmt::format("l'obiettivo «{}» conta solo per il premio: non sta in una componente", o.code.name),
                             {Label{o.premioOnly[0], "solo per il premio"}},
                             "togli una delle due righe: «componente ...» per il punteggio, «solo per il premio» per il "
                             "solo premio",
                             {}});
  if (info.premioOnly && !o.weights.empty())
    diags_.report(Diagnostic{"E0362", Severity::Errore, o.weights[0].span,
                             fmt::format("l'obiettivo «{}» conta solo per il premio: il peso non serve", o.code.name),
                             {Label{o.premioOnly[0], "solo per il premio"}},
                             "il premio legge il suo esito con esito(...) o la sua quota in «somma per ogni obiettivo»; "
                             "togli la riga «peso»",
                             {}});
  if (!info.assignment || info.premioOnly) return;
  std::vector<uint32_t> profiles;
  if (info.assignment->kind == ast::Assignment::Kind::Profili) profiles = info.profiles;
  if (info.assignment->kind == ast::Assignment::Kind::Tutti)
    for (uint32_t p = 0; p < out_.profiles.size(); ++p)
      if (!objectiveComponents(p).empty()) profiles.push_back(p);
  bool allEqual = !profiles.empty();
  for (uint32_t p : profiles) {
    const ast::Profile& decl = *out_.profiles[p].decl;
    std::vector<uint32_t> comps = objectiveComponents(p);
    std::optional<uint32_t> c = componentOf(info, p);
    if (!c && !info.component.empty() && !comps.empty()) {
      std::string names;
      for (uint32_t i : comps) names += (names.empty() ? "«" : ", «") + decl.components[i].name.name + "»";
      diags_.error("E0359", o.components[0].span,
                   fmt::format("il profilo «{}» non ha una componente da obiettivi «{}»", decl.name.name, info.component),
                   "le sue componenti da obiettivi sono: " + names);
    } else if (!c && comps.size() > 1) {
      diags_.error("E0361", o.code.span,
                   fmt::format("l'obiettivo «{}» è assegnato al profilo «{}», che ha {} componenti da obiettivi: "
                               "va detto in quale conta",
                               o.code.name, decl.name.name, comps.size()),
                   fmt::format("aggiungi all'obiettivo una riga come: componente {}", decl.components[comps[0]].name.name));
    }
    allEqual = allEqual && c && !decl.components[*c].equalWeights.empty();
  }
  if (allEqual && !o.weights.empty())
    diags_.error("E0363", o.weights[0].span,
                 fmt::format("l'obiettivo «{}» conta in una componente «a pari peso»: il peso non si scrive", o.code.name),
                 "a pari peso ogni obiettivo della persona vale lo stesso; togli la riga «peso»");
}

// ---- catalogues --------------------------------------------------------------------

void Checker::checkCatalogueScoring(CatalogueInfo& info) {
  const ast::Catalogue& c = *info.decl;
  for (size_t i = 1; i < c.wholeVotes.size(); ++i) diags_.error("E0212", c.wholeVotes[i], "«voti interi» è scritto più di una volta");
  for (size_t i = 1; i < c.halfVotes.size(); ++i) diags_.error("E0212", c.halfVotes[i], "«voti a mezzi punti» è scritto più di una volta");
  for (size_t i = 1; i < c.points.size(); ++i) diags_.error("E0212", c.points[i]->span, "il punteggio delle voci è dichiarato più di una volta");
  info.wholeVotes = !c.wholeVotes.empty();
  info.halfVotes = !c.halfVotes.empty();
  if (info.wholeVotes && info.halfVotes)
    diags_.report(Diagnostic{"E0365", Severity::Errore, c.halfVotes[0], "i voti sono o interi o a mezzi punti",
                             {Label{c.wholeVotes[0], "voti interi"}}, "togli una delle due righe", {}});
  if (!info.levels.empty())
    for (const std::vector<Span>* spans : {&c.wholeVotes, &c.halfVotes})
      for (const Span& s : *spans)
        diags_.error("E0366", s, "con una scala di livelli i voti sono i nomi dei livelli: non sono interi né a mezzi punti",
                     "togli la riga, oppure usa una scala numerica: scala da 1 a 10");
  if (c.points.empty()) return;
  Scope scope{Scope::Kind::Indicator, nullptr, 0, nullptr};
  scope.votes = true;
  Type t = expr(*c.points[0], scope);
  expectType(*c.points[0], t, Type::Numero, "per il punteggio di una voce");
  info.points = c.points[0].get();
}

// ---- valore and funzione -------------------------------------------------------------

void Checker::indexScoringNames() {
  valueIndex_ = indexNames(program_.values, [](const ast::NamedValue& v) -> const ast::Ident& { return v.name; }, "valore");
  functionIndex_ = indexNames(program_.functions, [](const ast::Function& f) -> const ast::Ident& { return f.name; },
                              "funzione");
  valueState_.assign(program_.values.size(), DefState::Unchecked);
  functionState_.assign(program_.functions.size(), DefState::Unchecked);
  out_.valueTypes.assign(program_.values.size(), Type::Errore);
  out_.functionTypes.assign(program_.functions.size(), Type::Errore);
  for (const ast::NamedValue& v : program_.values) {
    out_.values.push_back(&v);
    const std::string& n = v.name.name;
    bool reserved = std::any_of(std::begin(kReserved), std::end(kReserved), [&](const char* r) { return n == r; });
    if (reserved || staffFields_.count(n) || functionIndex_.count(n)) {
      valueIndex_.erase(n);  // the other meaning stays: no cascade of errors
      diags_.error("E0354", v.name.span,
                   fmt::format("il nome «{}» è già usato{}: un valore ha un nome suo", n,
                               reserved ? " dal linguaggio" : staffFields_.count(n) ? " da un campo del personale" : " da una funzione"),
                   "scegli un altro nome");
    }
  }
  for (const ast::Function& f : program_.functions) {
    out_.functions.push_back(&f);
    const std::string& n = f.name.name;
    bool builtin = std::any_of(std::begin(kCallables), std::end(kCallables), [&](const char* r) { return n == r; });
    bool indicator = std::any_of(program_.indicators.begin(), program_.indicators.end(),
                                 [&](const ast::Indicator& i) { return i.name.name == n; });
    if (builtin || indicator) {
      functionIndex_.erase(n);
      diags_.error("E0354", f.name.span,
                   fmt::format("il nome «{}» è già usato {}: una funzione ha un nome suo", n,
                               builtin ? "dal linguaggio" : "da un indicatore"),
                   "scegli un altro nome");
    }
    for (size_t i = 0; i < f.params.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (f.params[i].name.name == f.params[j].name.name)
          duplicate("parametro", f.params[i].name, f.params[j].name.span);
  }
}

void Checker::checkValuesAndFunctions() {
  for (uint32_t i = 0; i < program_.functions.size(); ++i) functionType(i, program_.functions[i].name.span);
  for (uint32_t i = 0; i < program_.values.size(); ++i) valueType(i, program_.values[i].name.span);
}

Type Checker::valueType(uint32_t index, Span use) {
  const ast::NamedValue& v = program_.values.at(index);
  switch (valueState_.at(index)) {
    case DefState::Done: return out_.valueTypes[index];
    case DefState::InProgress:
      diags_.report(Diagnostic{"E0353", Severity::Errore, use,
                               fmt::format("il valore «{}» è definito usando se stesso", v.name.name),
                               {Label{v.name.span, "la sua definizione"}},
                               "un valore si calcola da dati e da altri valori, senza giri che tornano a lui", {}});
      return Type::Errore;
    case DefState::Unchecked: break;
  }
  valueState_[index] = DefState::InProgress;
  std::optional<uint32_t> rows = rows_;
  bool fold = inFold_;
  rows_.reset();
  inFold_ = false;
  Type t = expr(*v.body, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
  rows_ = rows;
  inFold_ = fold;
  out_.valueTypes[index] = t;
  valueState_[index] = DefState::Done;
  return t;
}

Type Checker::functionType(uint32_t index, Span use) {
  const ast::Function& f = program_.functions.at(index);
  switch (functionState_.at(index)) {
    case DefState::Done: return out_.functionTypes[index];
    case DefState::InProgress:
      diags_.report(Diagnostic{"E0353", Severity::Errore, use,
                               fmt::format("la funzione «{}» chiama se stessa", f.name.name),
                               {Label{f.name.span, "la sua definizione"}},
                               "una funzione non è ricorsiva: né direttamente né attraverso altre funzioni", {}});
      return Type::Errore;
    case DefState::Unchecked: break;
  }
  functionState_[index] = DefState::InProgress;
  std::optional<uint32_t> rows = rows_;
  bool fold = inFold_;
  rows_.reset();
  inFold_ = false;
  Scope scope{Scope::Kind::Indicator, nullptr, 0, nullptr};
  scope.function = &f;
  Type t = expr(*f.body, scope);
  rows_ = rows;
  inFold_ = fold;
  out_.functionTypes[index] = t;
  functionState_[index] = DefState::Done;
  return t;
}

// Names of this file's constructs; nullopt: not one of them.
std::optional<Type> Checker::scoringName(const ast::Expr& e, const std::string& n, const Scope& scope) {
  Resolution& res = out_.resolved.at(e.id);
  if (inFold_ && (n == "quota" || n == "esito" || n == "peso")) {
    res = ResFoldItem{n == "quota" ? FoldItem::Quota : n == "esito" ? FoldItem::Esito : FoldItem::Peso};
    return n == "peso" ? Type::Numero : Type::Percentuale;
  }
  if (scope.function) {
    for (uint32_t i = 0; i < scope.function->params.size(); ++i)
      if (scope.function->params[i].name.name == n) {
        res = ResParam{i};
        return fromTypeName(scope.function->params[i].type);
      }
  }
  if (scope.votes && (n == "voto" || n == "peso")) {
    res = ResParam{n == "voto" ? 0u : 1u};
    return Type::Numero;
  }
  auto v = valueIndex_.find(n);
  if (v == valueIndex_.end()) return std::nullopt;
  if (!personScope(scope)) {
    diags_.error("E0355", e.span, fmt::format("il valore «{}» si calcola per ogni persona: qui non c'è una persona", n),
                 "un valore si usa nel premio, nelle componenti, nelle condizioni sul personale, nella quota di un "
                 "fondo e nel valore misurato di un obiettivo; in un indicatore o in una funzione passalo come argomento");
    return Type::Errore;
  }
  res = ResValue{v->second};
  return valueType(v->second, e.span);
}

std::optional<Type> Checker::functionCall(const ast::Expr& e, const ast::Call& c, const Scope& scope) {
  auto it = functionIndex_.find(c.callee.name);
  if (it == functionIndex_.end()) return std::nullopt;
  const ast::Function& f = program_.functions[it->second];
  std::vector<Type> args;
  for (const ast::ExprPtr& a : c.args) args.push_back(expr(*a, scope));
  if (args.size() != f.params.size()) {
    diags_.report(Diagnostic{"E0356", Severity::Errore, e.span,
                             fmt::format("la funzione «{}» vuole {} {}, ne ha {}", f.name.name, f.params.size(),
                                         f.params.size() == 1 ? "argomento" : "argomenti", args.size()),
                             {Label{f.name.span, "la sua definizione"}}, {}, {}});
    return Type::Errore;
  }
  for (size_t i = 0; i < args.size(); ++i)
    expectType(*c.args[i], args[i], fromTypeName(f.params[i].type),
               fmt::format("come argomento «{}» di «{}»", f.params[i].name.name, f.name.name).c_str());
  out_.resolved.at(e.id) = ResFunction{it->second};
  return functionType(it->second, e.span);
}

Type Checker::fold(const ast::Expr& e, const ast::ObjectiveFold& f, const Scope& scope) {
  if (!scope.esiti) {
    diags_.error("E0357", e.span, "«somma per ogni obiettivo» si usa solo dove ci sono gli esiti della persona",
                 "nel premio, nelle componenti «= espressione» di un profilo e nella quota di un fondo");
    return Type::Errore;
  }
  if (inFold_) {
    diags_.error("E0358", e.span, "«somma per ogni obiettivo» dentro un'altra «somma per ogni obiettivo»",
                 "la somma scorre già tutti gli obiettivi della persona: scrivi un'espressione sola");
    return Type::Errore;
  }
  inFold_ = true;
  Type t = expr(*f.body, scope);
  inFold_ = false;
  out_.resolved.at(e.id) = ResFold{};
  if (t != Type::Errore && t != Type::Numero && t != Type::Percentuale && t != Type::Punti && t != Type::Euro) {
    diags_.error("E0367", f.body->span,
                 fmt::format("«somma per ogni obiettivo» somma numeri, percentuali, punti o euro, non valori di tipo {}",
                             typeName(t)),
                 "per esempio: somma per ogni obiettivo (quota * esito)");
    return Type::Errore;
  }
  return t;
}

// `arrotonda(x, n, modo)`: the mode is words, and only `arrotonda` takes it.
std::optional<Type> Checker::roundingCall(const ast::Expr& e, const ast::Call& c, const Scope& scope) {
  if (c.roundingMode && c.callee.name != "arrotonda") {
    for (const ast::ExprPtr& a : c.args) expr(*a, scope);
    diags_.error("E0368", c.modeSpan, fmt::format("«{}» non ha un modo di arrotondamento", c.callee.name),
                 "il modo (per difetto, per eccesso, al pari) si scrive solo in arrotonda(x, decimali, modo)");
    return Type::Errore;
  }
  return std::nullopt;
}

}  // namespace misura::sema
