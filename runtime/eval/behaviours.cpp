// Scoring of a `da comportamenti` component: each item of the profile's
// catalogue weighted by its rating over the top of the scale.
#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

Diagnostic internal(Span span, const std::string& what) {
  return Diagnostic{"E0600", Severity::Errore, span, "errore interno nel piano di valutazione: " + what, {},
                    "segnala il problema a chi mantiene Misura", {}};
}

const ir::Catalogue* catalogueOf(const Session& s, const Person& p, const ir::Component& c) {
  std::optional<uint32_t> index;
  if (p.profile < s.module.catalogueOfProfile.size()) index = s.module.catalogueOfProfile[p.profile];
  if (!index) index = c.catalogue;
  return *index < s.module.catalogues.size() ? &s.module.catalogues[*index] : nullptr;
}

// The row of the rating of `item` for `p`, or null.
const data::Row* ratingRow(const Session& s, const Person& p, const ir::Catalogue& cat, const ir::Behaviour& item) {
  std::vector<std::string> key;
  for (const ir::KeyColumn& k : s.module.datasets[cat.ratings.dataset].key)
    key.push_back(k.role == ir::KeyRole::Persona ? p.matricola : item.code);
  return s.data.tables[cat.ratings.dataset].find(key);
}

void reportMissingRating(const Session& s, const Person& p, const ir::Catalogue& cat, const ir::Behaviour& item,
                         const data::Row* row, PersonErrors& errors) {
  const ir::Dataset& ds = s.module.datasets[cat.ratings.dataset];
  Diagnostic d{"E0602", Severity::Errore, item.span,
               fmt::format("comportamento {}: voto non rilevato per {}", item.code, p.matricola), {},
               fmt::format("inserisci nel file «{}» il voto della matricola {} per il comportamento {}", ds.file,
                           p.matricola, item.code),
               {}};
  if (row) d.labels.push_back(Label{row->spans.at(cat.ratings.field), "cella vuota"});
  d.labels.push_back(Label{personSpan(p), fmt::format("matricola {}", p.matricola)});
  errors.report(std::move(d));
}

void reportOutOfScale(const Person& p, const ir::Catalogue& cat, const ir::Behaviour& item, const Rational& rating,
                      Span cell, PersonErrors& errors) {
  Diagnostic d{"E0605", Severity::Errore, cell,
               fmt::format("il voto {} della matricola {} per il comportamento {} è fuori dalla scala da {} a {}",
                           formatExact(rating), p.matricola, item.code, formatExact(cat.scaleMin),
                           formatExact(cat.scaleMax)),
               {Label{cat.span, "scala dei comportamenti"}},
               fmt::format("correggi il voto: deve essere tra {} e {}", formatExact(cat.scaleMin),
                           formatExact(cat.scaleMax)),
               {}};
  errors.report(std::move(d));
}

// A rating written as the name of a level of the scale (`scala { ... }`).
std::optional<BehaviourOutcome> rateLevel(const Person& p, const ir::Catalogue& cat, uint32_t index,
                                          const ir::Value& value, Span cell, PersonErrors& errors) {
  const std::string* name = std::get_if<std::string>(&value);
  for (const auto& [level, rating] : cat.levels)
    if (name && *name == level) return BehaviourOutcome{index, rating, cell, Rational(), level};
  std::string levels;
  for (const auto& [level, rating] : cat.levels) levels += (levels.empty() ? "«" : ", «") + level + "»";
  errors.report(Diagnostic{"E0605", Severity::Errore, cell,
                           fmt::format("il giudizio «{}» della matricola {} per il comportamento {} non è un livello "
                                       "della scala",
                                       name ? *name : std::string(), p.matricola, cat.items[index].code),
                           {Label{cat.span, "scala dei comportamenti"}},
                           "i livelli della scala sono: " + levels, {}});
  return std::nullopt;
}

// The rating of one item, or nullopt after reporting why there is none.
std::optional<BehaviourOutcome> rate(const Session& s, const Person& p, const ir::Catalogue& cat, uint32_t index,
                                     PersonErrors& errors) {
  const ir::Behaviour& item = cat.items[index];
  const data::Row* row = ratingRow(s, p, cat, item);
  const std::optional<ir::Value> cellValue = row ? std::optional(row->values.at(cat.ratings.field)) : std::nullopt;
  const ir::Value* value = cellValue ? &*cellValue : nullptr;
  if (!value || std::holds_alternative<ir::Missing>(*value)) {
    reportMissingRating(s, p, cat, item, row, errors);
    return std::nullopt;
  }
  Span cell = row->spans.at(cat.ratings.field);
  if (!cat.levels.empty()) return rateLevel(p, cat, index, *value, cell, errors);
  const Rational* rating = std::get_if<Rational>(value);
  if (!rating) {
    errors.report(internal(cell, "voto che non è un numero"));
    return std::nullopt;
  }
  if (*rating < cat.scaleMin || *rating > cat.scaleMax) {
    reportOutOfScale(p, cat, item, *rating, cell, errors);
    return std::nullopt;
  }
  if ((cat.wholeVotes && !rating->isInteger()) || (cat.halfVotes && !(*rating * 2).isInteger())) {
    errors.report(Diagnostic{"E0652", Severity::Errore, cell,
                             fmt::format("il voto {} della matricola {} per il comportamento {} non è {}",
                                         formatExact(*rating), p.matricola, item.code,
                                         cat.wholeVotes ? "un numero intero" : "un numero intero o un mezzo punto"),
                             {Label{cat.span, cat.wholeVotes ? "voti interi" : "voti a mezzi punti"}},
                             cat.wholeVotes ? "il catalogo ammette solo voti interi, per esempio 7"
                                            : "il catalogo ammette solo voti interi o a mezzi punti, per esempio 7 o 7,5",
                             {}});
    return std::nullopt;
  }
  return BehaviourOutcome{index, *rating, cell, Rational(), {}};
}

// `punteggio = espr` for one item: slot 0 the vote, slot 1 the weight; the
// result must lie between 0 and the weight (E0653).
std::optional<Rational> itemPoints(const Session& s, const Person& p, const ir::Catalogue& cat, uint32_t index,
                                   const Rational& rating, PersonErrors& errors) {
  const ir::Behaviour& item = cat.items[index];
  std::vector<ir::Value> args{rating, item.weight};
  interp::Context ctx;
  ctx.module = &s.module;
  ctx.args = args;
  interp::Result r = interp::run(*cat.points, ctx);
  if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
    errors.runtime(*e, "comportamento " + item.code);
    return std::nullopt;
  }
  const Rational* v = std::get_if<Rational>(&std::get<ir::Value>(r));
  if (!v) {
    errors.report(internal(cat.points->span, "punteggio di una voce che non è un numero"));
    return std::nullopt;
  }
  if (v->sign() < 0 || *v > item.weight) {
    errors.report(Diagnostic{"E0653", Severity::Errore, cat.points->span,
                             fmt::format("il punteggio del comportamento {} per la matricola {} (voto {}) è {}, fuori "
                                         "da 0..{} (il peso della voce)",
                                         item.code, p.matricola, formatExact(rating), formatExact(*v),
                                         formatExact(item.weight)),
                             {Label{item.span, fmt::format("comportamento {}", item.code)}},
                             "il punteggio di una voce va da 0 al suo peso: per esempio peso * (voto - 1) / 9 su una "
                             "scala da 1 a 10",
                             {}});
    return std::nullopt;
  }
  return *v;
}

}  // namespace

ComponentOutcome scoreBehaviours(const Session& s, const Person& p, uint32_t component, PersonErrors& errors) {
  const ir::Component& c = s.module.profiles[p.profile].components[component];
  ComponentOutcome out;
  out.component = component;
  const ir::Catalogue* cat = catalogueOf(s, p, c);
  Rational weights;
  if (cat)
    for (const ir::Behaviour& item : cat->items) weights += item.weight;
  if (!cat || weights.isZero() || cat->scaleMax.isZero()) {
    errors.report(internal(c.span, "catalogo dei comportamenti assente o vuoto"));
    return out;
  }
  bool failed = false;
  for (uint32_t i = 0; i < cat->items.size(); ++i) {
    std::optional<BehaviourOutcome> b = rate(s, p, *cat, i, errors);
    if (!b) {
      failed = true;
      continue;
    }
    if (cat->points) {  // `punteggio = ...`: the item's points in weight units, as written
      std::optional<Rational> v = itemPoints(s, p, *cat, i, b->rating, errors);
      if (!v) {
        failed = true;
        continue;
      }
      b->points = c.maxPoints * *v / weights;
    } else {
      b->points = c.maxPoints * cat->items[i].weight * b->rating / cat->scaleMax / weights;
    }
    out.behaviours.push_back(std::move(*b));
  }
  if (failed) return out;
  Rational points;
  for (const BehaviourOutcome& b : out.behaviours) points += b.points;
  out.points = points;
  return out;
}

}  // namespace misura::eval
