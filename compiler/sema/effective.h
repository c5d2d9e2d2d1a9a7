// Effective weights: what share of a person's total score, and where the
// premio says so of the money, each objective, component and behaviour item
// is really worth once components, weights and the premio formula are
// combined. An objective of weight 30 among 100 objective points, in a
// component of 60 points out of 100, is 18% of the score.
//
// Pure functions over a checked program; used by `misura verifica` to show
// the weights and by compiler/conform to check legal minimum shares.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/checked.h"

namespace misura::sema {

struct Share {
  enum class Kind { Obiettivo, Componente, Comportamento };
  Kind kind = Kind::Obiettivo;
  std::string code;       // objective or behaviour code, component name
  std::string component;  // the component it belongs to (itself for a component; empty: `solo per il premio`)
  const std::vector<ast::Ident>* themes = nullptr;
  const ast::Objective* objective = nullptr;  // Kind::Obiettivo
  ast::ComponentSource source = ast::ComponentSource::Obiettivi;  // Kind::Componente
  Rational ofScore;                  // fraction of the total score (0..1)
  // How: the component's maximum (points of 100) times weight / weightTotal
  // (objectives and behaviours; for a component weight = weightTotal = 1).
  Rational componentMax, weight = 1, weightTotal = 1;
  std::optional<Rational> ofPremio;  // fraction of the premio, when the formula makes it computable
  std::optional<Rational> gated;     // fraction of the premio lost when a gate on this objective's esito fails
  Span span;                         // where it is declared
};

struct ProfileShares {
  uint32_t profile = 0;
  std::vector<uint32_t> objectives;  // the objectives assigned to the whole profile
  bool dynamic = false;              // other objectives are assigned by matricola or condition
  bool premioByObjective = false;    // the premio is split among objectives (esito(...))
  std::vector<Share> shares;
  // The premio (or the quota of its fund) is proportional to the total, or
  // to these components: an objective lost costs its share of the money too,
  // as with a gate (premio_follows.cpp).
  bool premioFollowsTotal = false;
  std::vector<std::string> premioFollowsComponents;
};

// The objectives assigned to every person of `profile` (`assegnato a tutti`,
// `assegnato a profilo ...`); `dynamic` tells whether others may be assigned
// person by person.
std::vector<uint32_t> profileObjectives(const Checked& c, uint32_t profile, bool& dynamic);

// The shares of a person of `profile` to whom `objectives` are assigned.
// `partial`: the objectives of the whole profile, while others are assigned
// person by person; since every person's weights add up to 100 (E0401,
// E0604), the shares are then taken over 100.
// `weights`, if given, is parallel to `objectives`: the weight of each for
// this person (as the evaluation decided it); otherwise profileWeight().
ProfileShares effectiveShares(const Checked& c, uint32_t profile, const std::vector<uint32_t>& objectives,
                              bool partial = false, const std::vector<Rational>* weights = nullptr);

// The weight line of `o` that applies to every person of profile `p`, or
// null when it depends on the person (or no line applies: an evaluation
// error). Defined in check_objective.cpp, where it serves E0401.
const ast::Weight* staticWeight(const ObjectiveInfo& o, uint32_t p);

// When the premio of `profile` is a sum of terms each proportional to the
// esito of one objective (the segretario's 4% × esito(OB1) + 4% × esito(OB2)
// + 2% × esito(OB3)), each objective's fraction of the premio; nullopt when
// the formula is of another shape (fascia, totale, conditions).
std::optional<std::map<uint32_t, Rational>> premioShares(const Checked& c, uint32_t profile);

// The gates of the premio of `profile`: factors of the premio such as
//   se esito(PAGAMENTI) >= 100% allora 100% altrimenti 70%
// (constant branches, a condition on the esito of one objective). For each
// objective, the fraction of the premio it gates (here 30%).
std::map<uint32_t, Rational> premioGates(const Checked& c, uint32_t profile);

// The component of `profile` (its index) that objective `o` counts in: the one
// it names, else the profile's only `da obiettivi` component; none for an
// objective that counts only for the premio (or when the profile does not say).
std::optional<uint32_t> objectiveComponent(const Checked& c, const ObjectiveInfo& o, uint32_t profile);

// Whether the premio of `profile` (or the quota of the fund it draws from)
// is a product in which the total score, or a component, is a factor and
// nothing else depends on the score: `posizione * (totale / 100 punti)`.
// Fills ps.premioFollowsTotal / premioFollowsComponents (premio_follows.cpp).
void premioFollows(const Checked& c, uint32_t profile, ProfileShares& ps);

// Whether a share carries `theme`.
bool hasTheme(const Share& s, const std::string& theme);

}  // namespace misura::sema
