// Checks of `comportamenti` catalogues: the profiles they serve, the rating
// scale, where the ratings come from, and weights adding up to the maximum
// of the profile's behaviour component.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

bool hasRole(const DatasetInfo& d, KeyRole role) {
  return std::find(d.keyRoles.begin(), d.keyRoles.end(), role) != d.keyRoles.end();
}

}  // namespace

// `scala { "Inadeguato" -> 0  "Adeguato" -> 2 ... }`: distinct names, values
// not negative, at least two different values; the scale goes from the
// smallest to the largest.
void Checker::checkLevels(const ast::Scale& scale, CatalogueInfo& info) {
  for (size_t i = 0; i < scale.levels.size(); ++i) {
    const auto& [name, value] = scale.levels[i];
    for (size_t j = 0; j < i; ++j)
      if (scale.levels[j].first.value == name.value)
        diags_.report(Diagnostic{"E0460", Severity::Errore, name.span,
                                 fmt::format("il livello «{}» è scritto due volte nella scala", name.value),
                                 {Label{scale.levels[j].first.span, "già qui"}}, "dai a ogni livello un nome diverso", {}});
    info.levels.emplace_back(name.value, value);
    if (i == 0 || value < info.scaleMin) info.scaleMin = value;
    if (i == 0 || value > info.scaleMax) info.scaleMax = value;
  }
  if (info.scaleMin < 0 || info.scaleMax <= info.scaleMin)
    diags_.error("E0409", scale.span, "i valori dei livelli devono essere non negativi e non tutti uguali",
                 "per esempio: scala { \"Inadeguato\" -> 0  \"Adeguato\" -> 2  \"Eccellente\" -> 4 }");
}

void Checker::checkCatalogues() {
  for (uint32_t ci = 0; ci < program_.catalogues.size(); ++ci) {
    const ast::Catalogue& c = program_.catalogues[ci];
    CatalogueInfo info;
    info.decl = &c;
    if (c.scales.empty())
      diags_.error("E0211", c.span, "al catalogo dei comportamenti manca la scala", "aggiungi: scala da 1 a 10");
    for (size_t i = 1; i < c.scales.size(); ++i) diags_.error("E0212", c.scales[i].span, "la scala è dichiarata più di una volta");
    if (!c.scales.empty() && !c.scales[0].levels.empty()) {
      checkLevels(c.scales[0], info);
    } else if (!c.scales.empty()) {
      info.scaleMin = c.scales[0].from;
      info.scaleMax = c.scales[0].to;
      if (info.scaleMin < 0 || info.scaleMax <= info.scaleMin)
        diags_.error("E0409", c.scales[0].span, "la scala deve andare da un numero non negativo a uno più grande",
                     "per esempio: scala da 1 a 10");
    }
    if (c.ratings.empty())
      diags_.error("E0211", c.span, "al catalogo dei comportamenti manca la fonte dei voti",
                   "aggiungi: voti da valutazioni.voto");
    for (size_t i = 1; i < c.ratings.size(); ++i) diags_.error("E0212", c.ratings[i].span, "la fonte dei voti è dichiarata più di una volta");
    if (!c.ratings.empty()) {
      auto ref = resolveField(c.ratings[0].dataset, c.ratings[0].field, c.ratings[0].span);
      if (ref) {
        info.ratings = *ref;
        const DatasetInfo& ds = out_.datasets[ref->dataset];
        if (!hasRole(ds, KeyRole::Persona) || !hasRole(ds, KeyRole::Comportamento) || hasRole(ds, KeyRole::Obiettivo) ||
            hasRole(ds, KeyRole::Fase) || hasRole(ds, KeyRole::Campo) || hasRole(ds, KeyRole::Libera))
          diags_.error("E0216", c.ratings[0].dataset.span,
                       fmt::format("i voti si leggono da una tabella con chiave (persona, comportamento); «{}» non lo è",
                                   ds.decl->name.name));
        bool levels = !info.levels.empty();
        if (ds.decl->fields[ref->field].type != (levels ? ast::TypeName::Testo : ast::TypeName::Numero))
          diags_.error("E0305", c.ratings[0].field.span,
                       levels ? "con una scala di livelli il campo dei voti deve essere di tipo testo (il nome del livello)"
                              : "il campo dei voti deve essere di tipo numero");
      }
    }
    indexNames(c.items, [](const ast::BehaviourItem& b) -> const ast::Ident& { return b.code; }, "comportamento");
    Rational sum;
    for (const ast::BehaviourItem& b : c.items) {
      if (b.weight <= 0) diags_.error("E0410", b.weightSpan, "il peso di un comportamento deve essere maggiore di zero");
      sum += b.weight;
    }
    for (const ast::Ident& p : c.profiles) {
      auto it = profileIndex_.find(p.name);
      if (it == profileIndex_.end()) {
        undeclared("profilo", p, profileIndex_);
        continue;
      }
      ProfileInfo& prof = out_.profiles[it->second];
      if (prof.catalogue) {
        diags_.report(Diagnostic{"E0219", Severity::Errore, p.span,
                                 fmt::format("il profilo «{}» ha già un catalogo dei comportamenti", p.name),
                                 {Label{out_.catalogues.at(*prof.catalogue).decl->span, "l'altro catalogo"}}, {}, {}});
        continue;
      }
      prof.catalogue = ci;
      const ast::Component* comp = componentFrom(it->second, ast::ComponentSource::Comportamenti);
      if (!comp) {
        diags_.error("E0218", p.span,
                     fmt::format("il profilo «{}» non ha una componente «da comportamenti»: il catalogo non conterebbe", p.name));
        continue;
      }
      if (sum != comp->maxPoints) {
        Diagnostic d{"E0402", Severity::Errore, c.span,
                     fmt::format("i pesi dei comportamenti sommano a {}, ma la componente «{}» del profilo «{}» vale {} punti",
                                 formatExact(sum), comp->name.name, p.name, formatExact(comp->maxPoints)),
                     {Label{comp->maxSpan, "punteggio massimo della componente"}},
                     "i pesi dei comportamenti sono i punti di ciascuno e devono sommare al massimo della componente", {}};
        diags_.report(std::move(d));
      }
    }
    checkCatalogueScoring(info);
    out_.catalogues.push_back(std::move(info));
  }
  for (uint32_t p = 0; p < out_.profiles.size(); ++p) {
    const ast::Component* comp = out_.profiles[p].decl->notEvaluated
                                     ? nullptr : componentFrom(p, ast::ComponentSource::Comportamenti);
    if (comp && !out_.profiles[p].catalogue)
      diags_.error("E0415", comp->span,
                   fmt::format("il profilo «{}» ha una componente da comportamenti ma nessun catalogo", out_.profiles[p].decl->name.name),
                   fmt::format("aggiungi: comportamenti per {} {{ scala da 1 a 10  voti da ...  C1 \"...\" peso ... }}",
                               out_.profiles[p].decl->name.name));
  }
}

}  // namespace misura::sema
