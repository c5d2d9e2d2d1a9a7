// Effective weights of a profile's components, objectives and behaviour
// items (see effective.h).
#include "compiler/sema/effective.h"

#include <algorithm>

namespace misura::sema {

namespace {

bool assignedToProfile(const ObjectiveInfo& o, uint32_t profile) {
  if (!o.assignment) return false;
  using K = ast::Assignment::Kind;
  if (o.assignment->kind == K::Tutti) return true;
  return o.assignment->kind == K::Profili &&
         std::find(o.profiles.begin(), o.profiles.end(), profile) != o.profiles.end();
}

Share componentShare(const ast::Component& c) {
  Share s;
  s.kind = Share::Kind::Componente;
  s.code = c.name.name;
  s.component = c.name.name;
  s.themes = &c.themes;
  s.source = c.source;
  s.ofScore = c.maxPoints / 100;
  s.componentMax = c.maxPoints;
  s.span = c.name.span;
  return s;
}

// The objectives of component `index` (all of `objectives` that count in it),
// weighed: a pari peso 1 each; with relative weights over their sum (no 100).
void addObjectives(const Checked& c, const ast::Component& comp, uint32_t index, uint32_t profile,
                   const std::vector<uint32_t>& all, bool partial, const std::vector<Rational>* allWeights,
                   std::vector<Share>& out) {
  std::vector<uint32_t> objectives;
  std::vector<Rational> w;
  for (size_t i = 0; i < all.size(); ++i) {
    if (objectiveComponent(c, c.objectives[all[i]], profile) != index) continue;
    objectives.push_back(all[i]);
    const ast::Weight* line = allWeights ? nullptr : staticWeight(c.objectives[all[i]], profile);
    w.push_back(allWeights               ? allWeights->at(i)
                : !comp.equalWeights.empty() ? Rational(1)
                : line                   ? line->value
                                         : Rational());  // none: profileObjectives left it out
  }
  Rational total;
  for (const Rational& x : w) total += x;
  if (partial && total < 100 && comp.relativeWeights.empty() && comp.equalWeights.empty()) total = 100;
  if (total <= 0) return;
  for (size_t i = 0; i < objectives.size(); ++i) {
    const ObjectiveInfo& info = c.objectives[objectives[i]];
    Share s;
    s.kind = Share::Kind::Obiettivo;
    s.code = info.decl->code.name;
    s.component = comp.name.name;
    s.themes = &info.decl->themes;
    s.objective = info.decl;
    s.ofScore = comp.maxPoints / 100 * w[i] / total;
    s.componentMax = comp.maxPoints;
    s.weight = w[i];
    s.weightTotal = total;
    s.span = info.decl->code.span;
    out.push_back(std::move(s));
  }
}

void addBehaviours(const Checked& c, const ast::Component& comp, uint32_t profile, std::vector<Share>& out) {
  const std::optional<uint32_t>& catalogue = c.profiles[profile].catalogue;
  if (!catalogue) return;
  const ast::Catalogue& cat = *c.catalogues[*catalogue].decl;
  Rational total;
  for (const ast::BehaviourItem& b : cat.items) total += b.weight;
  if (total <= 0) return;
  for (const ast::BehaviourItem& b : cat.items) {
    Share s;
    s.kind = Share::Kind::Comportamento;
    s.code = b.code.name;
    s.component = comp.name.name;
    s.themes = &b.themes;
    s.ofScore = comp.maxPoints / 100 * b.weight / total;
    s.componentMax = comp.maxPoints;
    s.weight = b.weight;
    s.weightTotal = total;
    s.span = b.code.span;
    out.push_back(std::move(s));
  }
}

// With a premio split by objective: each objective's part of the money, a
// component's the sum of its objectives', nothing for the rest.
void addPremioShares(const std::map<uint32_t, Rational>& byObjective, const Checked& c, ProfileShares& ps) {
  std::map<const ast::Objective*, Rational> byDecl;
  for (const auto& [o, q] : byObjective) byDecl[c.objectives[o].decl] = q;
  std::map<std::string, Rational> byComponent;
  for (Share& s : ps.shares) {
    if (s.kind != Share::Kind::Obiettivo) continue;
    auto it = byDecl.find(s.objective);
    s.ofPremio = it == byDecl.end() ? Rational() : it->second;
    byComponent[s.component] += *s.ofPremio;
  }
  for (Share& s : ps.shares)
    if (s.kind != Share::Kind::Obiettivo) s.ofPremio = s.kind == Share::Kind::Componente ? byComponent[s.code] : Rational();
}

}  // namespace

std::optional<uint32_t> objectiveComponent(const Checked& c, const ObjectiveInfo& o, uint32_t profile) {
  if (o.premioOnly) return std::nullopt;
  const auto& comps = c.profiles.at(profile).decl->components;
  std::optional<uint32_t> only;
  uint32_t count = 0;
  for (uint32_t i = 0; i < comps.size(); ++i) {
    if (comps[i].source != ast::ComponentSource::Obiettivi) continue;
    if (!o.component.empty() && comps[i].name.name == o.component) return i;
    only = i;
    ++count;
  }
  if (o.component.empty() && count == 1) return only;
  return std::nullopt;
}

std::vector<uint32_t> profileObjectives(const Checked& c, uint32_t profile, bool& dynamic) {
  std::vector<uint32_t> out;
  dynamic = false;
  for (uint32_t o = 0; o < c.objectives.size(); ++o) {
    const ObjectiveInfo& info = c.objectives[o];
    if (!info.evaluatedThisYear) continue;  // `valutato nel` another year: not assigned, not weighed
    std::optional<uint32_t> comp = objectiveComponent(c, info, profile);
    bool weightKnown = info.premioOnly || staticWeight(info, profile) ||
                       (comp && !c.profiles[profile].decl->components[*comp].equalWeights.empty());
    if (assignedToProfile(info, profile) && !weightKnown) dynamic = true;  // weight by person
    else if (assignedToProfile(info, profile)) out.push_back(o);
    else if (info.assignment && (info.assignment->kind == ast::Assignment::Kind::Matricole ||
                                 info.assignment->kind == ast::Assignment::Kind::Dove))
      dynamic = true;
  }
  return out;
}

ProfileShares effectiveShares(const Checked& c, uint32_t profile, const std::vector<uint32_t>& objectives,
                              bool partial, const std::vector<Rational>* weights) {
  ProfileShares ps;
  ps.profile = profile;
  ps.dynamic = partial;
  ps.objectives = objectives;
  const auto& comps = c.profiles[profile].decl->components;
  for (uint32_t i = 0; i < comps.size(); ++i) {
    const ast::Component& comp = comps[i];
    ps.shares.push_back(componentShare(comp));
    if (comp.source == ast::ComponentSource::Obiettivi)
      addObjectives(c, comp, i, profile, objectives, partial, weights, ps.shares);
    if (comp.source == ast::ComponentSource::Comportamenti) addBehaviours(c, comp, profile, ps.shares);
  }
  // Objectives that count only for the premio: nothing of the score, their
  // part of the money if the premio formula says it (addPremioShares).
  for (uint32_t o : objectives) {
    const ObjectiveInfo& info = c.objectives[o];
    if (!info.premioOnly) continue;
    Share s;
    s.kind = Share::Kind::Obiettivo;
    s.code = info.decl->code.name;
    s.themes = &info.decl->themes;
    s.objective = info.decl;
    s.weight = 0;
    s.span = info.decl->code.span;
    ps.shares.push_back(std::move(s));
  }
  std::map<const ast::Objective*, Rational> gates;
  for (const auto& [o, q] : premioGates(c, profile)) gates[c.objectives[o].decl] = q;
  for (Share& s : ps.shares)
    if (s.objective && gates.count(s.objective)) s.gated = gates[s.objective];
  premioFollows(c, profile, ps);
  if (std::optional<std::map<uint32_t, Rational>> premio = premioShares(c, profile)) {
    ps.premioByObjective = true;
    addPremioShares(*premio, c, ps);
  }
  return ps;
}

bool hasTheme(const Share& s, const std::string& theme) {
  if (!s.themes) return false;
  return std::any_of(s.themes->begin(), s.themes->end(), [&](const ast::Ident& t) { return t.name == theme; });
}

}  // namespace misura::sema
