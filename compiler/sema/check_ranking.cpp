// Checks of rankings (`graduatoria`) and of the ordering keys they share
// with funds (`a parità ordine ...`): E0900-E0929.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"

namespace misura::sema {

namespace {

bool isWhole(const Rational& q) { return q.isInteger(); }

}  // namespace

void Checker::checkRankings() {
  rankingIndex_ =
      indexNames(program_.rankings, [](const ast::Ranking& r) -> const ast::Ident& { return r.name; }, "graduatoria");
  for (const ast::Ranking& r : program_.rankings) checkRanking(r);
}

void Checker::checkRanking(const ast::Ranking& r) {
  RankingInfo info;
  info.decl = &r;
  for (size_t i = 1; i < r.among.size(); ++i)
    diags_.error("E0212", r.among[i].span, fmt::format("la graduatoria «{}» dice più di una volta «tra»", r.name.name));
  if (!r.among.empty()) {
    const ast::Assignment& a = r.among[0];
    info.among = &a;
    switch (a.kind) {
      case ast::Assignment::Kind::Tutti: break;
      case ast::Assignment::Kind::Profili: info.profiles = resolveProfiles(a.profiles, /*needsObjectives=*/false); break;  // a ranking, not an objective
      case ast::Assignment::Kind::Matricole:
        for (size_t i = 0; i < a.periods.size(); ++i)
          if (a.periods[i])
            diags_.error("E0900", a.periods[i]->span,
                         "in una graduatoria una matricola non ha un periodo: la persona è in graduatoria o no",
                         "togli «dal ... al ...»");
        break;
      case ast::Assignment::Kind::Dove: {
        Type t = expr(*a.where, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
        expectType(*a.where, t, Type::Booleano, "dopo «dove»");
        break;
      }
    }
  }
  for (size_t i = 1; i < r.admitted.size(); ++i)
    diags_.error("E0212", r.admitted[i]->span, fmt::format("la graduatoria «{}» dice più di una volta «ammessi se»", r.name.name));
  for (const auto& [cond, reason] : r.exclusions) {
    Type t = expr(*cond, Scope{Scope::Kind::FundQuota, nullptr, 0, nullptr, true});
    expectType(*cond, t, Type::Booleano, "dopo «escluso se»");
  }
  for (size_t i = 1; i < r.withNotEvaluated.size(); ++i)
    diags_.error("E0212", r.withNotEvaluated[i], fmt::format("la graduatoria «{}» dice più di una volta «compresi i non valutati»", r.name.name));
  info.withNotEvaluated = !r.withNotEvaluated.empty();
  if (!r.admitted.empty()) {
    info.admitted = r.admitted[0].get();
    Type t = expr(*info.admitted, Scope{Scope::Kind::FundQuota, nullptr, 0, nullptr, true});
    expectType(*info.admitted, t, Type::Booleano, "dopo «ammessi se»");
  }
  if (r.orders.empty())
    diags_.error("E0901", r.name.span, fmt::format("la graduatoria «{}» non dice in che ordine", r.name.name),
                 "aggiungi una riga come: ordine totale decrescente, matricola");
  for (size_t i = 1; i < r.orders.size(); ++i)
    diags_.error("E0212", r.orderSpans[i], fmt::format("la graduatoria «{}» dice più di una volta l'ordine", r.name.name),
                 "scrivi tutte le chiavi in una riga, separate da virgole: la prima decide, le altre sciolgono le parità");
  if (!r.orders.empty()) info.keys = checkSortKeys(r.orders[0], info.profiles);
  for (size_t i = 1; i < r.groups.size(); ++i)
    diags_.error("E0212", r.groups[i]->span, fmt::format("la graduatoria «{}» dice più di una volta i gruppi", r.name.name));
  if (!r.groups.empty()) {
    info.group = r.groups[0].get();
    Type t = expr(*info.group, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
    if (t == Type::Booleano)
      diags_.error("E0903", info.group->span, "i gruppi di una graduatoria si fanno per un valore (area, settore), non per una condizione",
                   "per esempio: gruppi per area");
  }
  for (size_t i = 1; i < r.places.size(); ++i)
    diags_.error("E0212", r.places[i].span, fmt::format("la graduatoria «{}» dice più di una volta i posti", r.name.name));
  if (!r.places.empty()) {
    info.places = &r.places[0];
    checkPlaces(r.places[0]);
  }
  out_.rankings.push_back(std::move(info));
}

std::vector<SortKeyInfo> Checker::checkSortKeys(const std::vector<ast::SortKey>& keys,
                                                const std::vector<uint32_t>& profiles) {
  std::vector<SortKeyInfo> out;
  for (const ast::SortKey& k : keys) {
    SortKeyInfo info;
    info.decl = &k;
    info.descending = k.direction == ast::SortDirection::Decrescente;
    if (k.component) {
      // Some profile (among those ranked, if the ranking says which) has it.
      std::vector<std::string> names;
      bool found = false;
      for (uint32_t p = 0; p < out_.profiles.size(); ++p) {
        if (!profiles.empty() && std::find(profiles.begin(), profiles.end(), p) == profiles.end()) continue;
        for (const ast::Component& c : out_.profiles[p].decl->components) {
          names.push_back(c.name.name);
          if (c.name.name == k.component->name) found = true;
        }
      }
      if (!found) {
        diags_.error("E0902", k.component->span,
                     fmt::format("chiave sconosciuta: nessun profilo in graduatoria ha la componente «{}»", k.component->name),
                     didYouMean(k.component->name, names));
        continue;
      }
      info.component = k.component->name;
    } else if (k.expr) {
      // A component's name written without `componente`: say how to write it.
      if (const auto* ref = std::get_if<ast::NameRef>(&k.expr->node); ref && !ref->member) {
        bool isComponent = false;
        for (const ProfileInfo& p : out_.profiles)
          for (const ast::Component& c : p.decl->components)
            if (c.name.name == ref->first.name && ref->first.name != "totale") isComponent = true;
        if (isComponent && staffFields_.find(ref->first.name) == staffFields_.end()) {
          diags_.error("E0902", k.expr->span,
                       fmt::format("chiave sconosciuta «{}»: i punti di una componente si scrivono «componente {}»",
                                   ref->first.name, ref->first.name),
                       fmt::format("per esempio: ordine totale decrescente, componente {} decrescente", ref->first.name));
          continue;
        }
      }
      Type t = expr(*k.expr, Scope{Scope::Kind::FundQuota, nullptr, 0, nullptr, true});
      if (t == Type::Errore) continue;
      if (t == Type::Booleano) {
        diags_.error("E0903", k.expr->span, "una chiave di ordine è un numero, una data o un testo, non una condizione",
                     "per esempio: totale decrescente, assunzione crescente, matricola");
        continue;
      }
      info.expr = k.expr.get();
      if (const auto* res = std::get_if<ResPersonField>(&out_.resolved.at(k.expr->id)))
        info.matricola = res->field == out_.staffKeyField;
    }
    if (k.direction == ast::SortDirection::NonDetta && !info.matricola) {
      diags_.error("E0904", k.span, "la chiave non dice se l'ordine è crescente o decrescente",
                   "aggiungi «decrescente» (dal valore più alto) o «crescente» (dal più basso, dalla data più vecchia)");
      continue;
    }
    out.push_back(info);
  }
  return out;
}

void Checker::checkPlaces(const ast::Places& p) {
  if (!p.percent && (!isWhole(p.value) || p.value <= 0))
    diags_.error("E0905", p.valueSpan, fmt::format("i posti sono un numero intero maggiore di zero, non {}", formatExact(p.value)),
                 "per esempio: posti 2, oppure una quota: posti 30% arrotondati per difetto");
  if (p.percent && (p.value <= 0 || p.value > 100))
    diags_.error("E0906", p.valueSpan,
                 fmt::format("i posti sono più delle persone del gruppo: la quota deve essere tra 0% (escluso) e 100%, non {}%",
                             formatExact(p.value)),
                 "per esempio: posti 30% arrotondati per difetto");
  if (p.ofAll && !p.percent)
    diags_.error("E0913", *p.ofAll, fmt::format("«dei concorrenti» vale per una quota di posti, non per un numero fisso ({})",
                                               formatExact(p.value)),
                 "per esempio: posti 10% dei concorrenti arrotondati per difetto");
  if (p.percent && !p.rounding)
    diags_.error("E0907", p.span, "una quota di posti non dice come si arrotonda il numero dei posti",
                 "aggiungi «arrotondati per difetto», «arrotondati per eccesso» o «arrotondati al più vicino, metà per "
                 "eccesso»");
  if (!p.percent && p.rounding)
    diags_.error("E0908", p.roundingSpan, "i posti sono un numero intero: non c'è nulla da arrotondare",
                 "l'arrotondamento si scrive con una quota: posti 30% arrotondati per difetto");
  if (p.rounding && *p.rounding == ast::CountRounding::AlPiuVicino)
    diags_.error("E0909", p.roundingSpan, "«al più vicino» non dice dove va la metà esatta (per esempio 2,5 posti)",
                 "scrivi «arrotondati al più vicino, metà per eccesso» oppure «..., metà per difetto»");
  if (p.minimum && (!isWhole(*p.minimum) || *p.minimum <= 0))
    diags_.error("E0905", p.minimumSpan,
                 fmt::format("il numero minimo di posti è un intero maggiore di zero, non {}", formatExact(*p.minimum)));
}

void Checker::checkFundRanking(const ast::Fund& f, FundInfo& info) {
  const ast::Ident& name = *f.bonuses[0].ranking;
  auto it = rankingIndex_.find(name.name);
  if (it == rankingIndex_.end()) {
    std::vector<std::string> names;
    for (const auto& [n, i] : rankingIndex_) names.push_back(n);
    diags_.error("E0911", name.span, fmt::format("graduatoria «{}» non dichiarata", name.name), didYouMean(name.name, names));
    info.bonus = nullptr;
    return;
  }
  if (!program_.rankings[it->second].places.empty()) {
    info.bonusRanking = it->second;
    return;
  }
  diags_.error("E0910", name.span,
               fmt::format("la graduatoria «{}» non ha vincitori: non dice quanti posti", name.name),
               "aggiungi alla graduatoria una riga come: posti 10% arrotondati per difetto, almeno 1");
  info.bonus = nullptr;
}

}  // namespace misura::sema
