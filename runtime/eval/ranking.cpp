// Rankings (`graduatoria`): the evaluated persons of the declared set,
// admitted by `ammessi se`, split by `gruppi per`, ordered by the declared
// keys and then by the matricola (numbers in numeric order), so that every
// position is distinct; the first `posti` of each group are the winners.
// A person of the set in error, a key non rilevato or more places than
// persons block the graduatoria (reported; no positions).
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

// A yes/no chunk of the person (`dove`, `ammessi se`): non rilevato is no.
std::optional<bool> runCondition(const ir::Chunk& chunk, const interp::Context& ctx, const Person& p,
                                 const std::string& what, Diagnostics& diags) {
  interp::Result res = interp::run(chunk, ctx);
  if (const auto* e = std::get_if<interp::RuntimeError>(&res)) {
    PersonErrors errors(diags, p);
    errors.runtime(*e, what);
    return std::nullopt;
  }
  const auto* b = std::get_if<bool>(&std::get<ir::Value>(res));
  return b && *b;
}

bool inSet(const Session& s, const ir::Ranking& r, const Person& p, bool& ok) {
  switch (r.among) {
    case ir::Ranking::Among::Tutti: return true;
    case ir::Ranking::Among::Profili:
      return std::find(r.profiles.begin(), r.profiles.end(), p.profile) != r.profiles.end();
    case ir::Ranking::Among::Matricole:
      return std::find(r.matricole.begin(), r.matricole.end(), p.matricola) != r.matricole.end();
    case ir::Ranking::Among::Dove: {
      const std::vector<std::optional<Rational>> none;
      std::optional<bool> v = runCondition(*r.where, personContext(s, p, none), p, "graduatoria «" + r.name + "»", s.diags);
      if (!v) ok = false;
      return v.value_or(false);
    }
  }
  return false;
}

Rational roundCount(const Rational& x, ir::CountRounding mode) {
  switch (mode) {
    case ir::CountRounding::PerDifetto: return x.floor();
    case ir::CountRounding::PerEccesso: return -((-x).floor());
    case ir::CountRounding::MetaPerDifetto: return -((-x + Rational(1, 2)).floor());  // ceil(x - 1/2)
    case ir::CountRounding::MetaPerEccesso: return (x + Rational(1, 2)).floor();
  }
  return x.floor();
}

std::string groupLabel(const ir::Value& v) {
  if (const auto* t = std::get_if<std::string>(&v)) return *t;
  if (const auto* q = std::get_if<Rational>(&v)) return formatExact(*q);
  if (const auto* d = std::get_if<Date>(&v)) return formatItalian(*d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "sì" : "no";
  return "non rilevato";
}

// A0673: a fixed number of places above the persons of a group; they all win.
void warnUnfilled(const Session& s, const ir::Ranking& r, const RankGroup& g, const Rational& places) {
  const size_t n = g.entries.size();
  const Rational left = places - Rational(static_cast<long>(n));
  s.diags.warning("A0673", r.places->span,
                  fmt::format("la graduatoria «{}» ha {} posti{} ma {}: {}; {} non {}", r.name, formatExact(places),
                              r.group ? " nel gruppo «" + groupLabel(g.value) + "»" : "",
                              n == 1 ? "una sola persona vi concorre" : std::to_string(n) + " persone vi concorrono",
                              n == 1 ? "vince" : "vincono tutte", left == 1 ? "1 posto resta" : formatExact(left) + " posti restano",
                              left == 1 ? "assegnato" : "assegnati"),
                  "se i posti in più non sono voluti, riducili o esprimili come quota del gruppo "
                  "(posti 50% arrotondati per difetto)");
}

struct Candidate {
  uint32_t person;
  ir::Value group;
  std::vector<ir::Value> keys;
};

// The person's `gruppi per` value (Missing without groups), or nullopt after
// reporting why it is not known (a runtime error, E0670 non rilevato).
std::optional<ir::Value> groupValue(const Session& s, const ir::Ranking& r, const Person& person,
                                    const PersonResult& pr, const interp::Context& ctx) {
  if (!r.group) return ir::Value{ir::Missing{}};
  interp::Result g = interp::run(*r.group, ctx);
  if (const auto* e = std::get_if<interp::RuntimeError>(&g)) {
    PersonErrors errors(s.diags, person);
    errors.runtime(*e, "gruppo della graduatoria «" + r.name + "»");
    return std::nullopt;
  }
  ir::Value v = std::get<ir::Value>(g);
  if (std::holds_alternative<ir::Missing>(v)) {
    s.diags.report(Diagnostic{"E0670", Severity::Errore, r.group->span,
                              fmt::format("graduatoria «{}»: il gruppo («{}») non è rilevato per la matricola {}",
                                          r.name, r.groupText, pr.matricola),
                              {Label{personSpan(person), fmt::format("matricola {}", pr.matricola)}},
                              "ogni persona in graduatoria deve avere il valore che decide il suo gruppo", {}});
    return std::nullopt;
  }
  return v;
}

// The persons not admitted in matricola order (numbers as numbers: 9 before
// 10), as a graduatoria lists the excluded, each with their reason.
void sortNotAdmitted(const Evaluation& ev, RankingOutcome& outcome) {
  std::vector<size_t> order(outcome.notAdmitted.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return compareText(ev.persons[outcome.notAdmitted[a]].matricola, ev.persons[outcome.notAdmitted[b]].matricola) < 0;
  });
  std::vector<uint32_t> persons;
  std::vector<std::string> reasons;
  for (size_t k : order) {
    persons.push_back(outcome.notAdmitted[k]);
    reasons.push_back(k < outcome.reasons.size() ? outcome.reasons[k] : std::string());
  }
  outcome.notAdmitted = std::move(persons);
  outcome.reasons = std::move(reasons);
}

// Why the person is not admitted: nullopt on a reported error; an empty
// optional if admitted; else "" (`ammessi se` is false) or the reason of
// the first `escluso se` that holds.
std::optional<std::optional<std::string>> exclusion(const Session& s, const ir::Ranking& r, const Person& p,
                                                    const interp::Context& ctx) {
  const std::string what = "graduatoria «" + r.name + "»";
  if (r.admitted) {
    std::optional<bool> admitted = runCondition(*r.admitted, ctx, p, what, s.diags);
    if (!admitted) return std::nullopt;
    if (!*admitted) return std::optional<std::string>(std::string());
  }
  for (const auto& [condition, reason] : r.exclusions) {
    std::optional<bool> excluded = runCondition(condition, ctx, p, what, s.diags);
    if (!excluded) return std::nullopt;
    if (*excluded) return std::optional<std::string>(reason);
  }
  return std::optional<std::string>();
}

}  // namespace

void computeRankings(const Session& s, const std::vector<Person>& persons, Evaluation& ev) {
  for (uint32_t ri = 0; ri < s.module.rankings.size(); ++ri) {
    const ir::Ranking& r = s.module.rankings[ri];
    RankingOutcome outcome;
    outcome.ranking = ri;
    std::vector<Candidate> candidates;
    std::vector<ir::Value> outsiders;  // `posti ... dei concorrenti`: the groups of those not admitted
    std::vector<Label> inError;
    bool ok = true;
    for (uint32_t i = 0; i < ev.persons.size(); ++i) {
      const PersonResult& pr = ev.persons[i];
      if (pr.status == PersonStatus::NonValutato && !r.withNotEvaluated) continue;
      if (!inSet(s, r, persons[i], ok)) continue;
      if (pr.status == PersonStatus::Errore) {
        inError.push_back(Label{personSpan(persons[i]), fmt::format("matricola {} in errore", pr.matricola)});
        continue;
      }
      std::vector<std::optional<Rational>> points;
      for (const ComponentOutcome& c : pr.components) points.push_back(c.points);
      const std::vector<std::optional<Rational>> esiti = esitiOf(s, pr.components);
      const interp::Context ctx = resultContext(s, persons[i], pr, points, esiti);
      {
        std::optional<std::optional<std::string>> excluded = exclusion(s, r, persons[i], ctx);
        if (!excluded) {
          ok = false;
          continue;
        }
        if (*excluded) {
          outcome.notAdmitted.push_back(i);
          outcome.reasons.push_back(**excluded);
          if (r.places && r.places->ofAll) {  // `dei concorrenti`: counted in its group all the same
            std::optional<ir::Value> g = groupValue(s, r, persons[i], pr, ctx);
            if (g) outsiders.push_back(std::move(*g));
            else ok = false;
          }
          continue;
        }
      }
      Candidate c{i, ir::Missing{}, {}};
      std::optional<ir::Value> g = groupValue(s, r, persons[i], pr, ctx);
      if (!g) {
        ok = false;
        continue;
      }
      c.group = std::move(*g);
      auto keys = keyValues(s, persons[i], pr, r.keys, "graduatoria «" + r.name + "»");
      if (!keys) {
        ok = false;
        continue;
      }
      c.keys = std::move(*keys);
      candidates.push_back(std::move(c));
    }
    sortNotAdmitted(ev, outcome);
    if (!inError.empty()) {
      s.diags.report(Diagnostic{"E0672", Severity::Errore, r.span,
                                fmt::format("la graduatoria «{}» non è stata decisa: {} in errore", r.name,
                                            inError.size() == 1 ? "una persona che vi concorre è"
                                                                : std::to_string(inError.size()) + " persone che vi concorrono sono"),
                                std::move(inError),
                                "la posizione di ciascuno dipende da quelle di tutti: correggi prima gli errori di quelle "
                                "persone",
                                {}});
      ok = false;
    }
    if (!ok) {
      outcome.blocked = true;
      ev.rankings.push_back(std::move(outcome));
      continue;
    }
    // Groups in the order of their values; then the positions within each.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
      if (int c = compareValues(a.group, b.group); c != 0) return c < 0;
      return comesBefore(r.keys, a.keys, ev.persons[a.person].matricola, b.keys, ev.persons[b.person].matricola);
    });
    for (size_t i = 0; i < candidates.size();) {
      RankGroup group;
      group.value = candidates[i].group;
      size_t j = i;
      while (j < candidates.size() && compareValues(candidates[j].group, group.value) == 0) {
        group.entries.push_back(RankEntry{candidates[j].person, static_cast<uint32_t>(j - i + 1), candidates[j].keys, false});
        ++j;
      }
      i = j;
      outcome.groups.push_back(std::move(group));
    }
    if (r.places) {
      for (RankGroup& g : outcome.groups) {
        g.contenders = static_cast<uint32_t>(g.entries.size());
        if (r.places->ofAll)
          for (const ir::Value& v : outsiders) g.contenders += compareValues(v, g.value) == 0;
        const Rational size(static_cast<long>(g.contenders));
        Rational count = r.places->value;
        if (r.places->share) {
          g.placesExact = r.places->value * size;
          count = roundCount(g.placesExact, r.places->rounding);
          if (r.places->minimum) count = std::max(count, std::min(Rational(static_cast<long>(*r.places->minimum)), size));
        } else {
          g.placesExact = count;
        }
        // Fewer persons than places: all of them win. With a fixed number
        // the places left over are worth a warning (`dei concorrenti` says
        // it on purpose, a quota with `almeno` is already capped).
        const Rational persons(static_cast<long>(g.entries.size()));
        if (count > persons && !r.places->ofAll) warnUnfilled(s, r, g, count);
        count = std::min(count, persons);
        g.places = static_cast<uint32_t>(count.toLong().value_or(0));
        for (uint32_t k = 0; k < g.places && k < g.entries.size(); ++k) g.entries[k].winner = true;
      }
    }
    if (outcome.blocked) outcome.groups.clear();
    outcome.groupOf.assign(ev.persons.size(), -1);
    outcome.entryOf.assign(ev.persons.size(), -1);
    for (size_t g = 0; g < outcome.groups.size(); ++g)
      for (size_t e = 0; e < outcome.groups[g].entries.size(); ++e) {
        outcome.groupOf[outcome.groups[g].entries[e].person] = static_cast<int32_t>(g);
        outcome.entryOf[outcome.groups[g].entries[e].person] = static_cast<int32_t>(e);
      }
    ev.rankings.push_back(std::move(outcome));
  }
}

std::pair<const RankGroup*, const RankEntry*> findRank(const Evaluation& evaluation, uint32_t ranking, uint32_t person) {
  for (const RankingOutcome& o : evaluation.rankings) {
    if (o.ranking != ranking || person >= o.groupOf.size() || o.groupOf[person] < 0) continue;
    const RankGroup& g = o.groups[static_cast<size_t>(o.groupOf[person])];
    return {&g, &g.entries[static_cast<size_t>(o.entryOf[person])]};
  }
  return {nullptr, nullptr};
}

}  // namespace misura::eval
