// Ordering keys, shared by rankings (`graduatoria`) and funds (`a parità
// ordine`, the art. 81 cut): their values for a person and the comparison.
// The last resort is always the matricola, numbers in numeric order.
#include <algorithm>
#include <cctype>
#include <numeric>

#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

bool allDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

int sign(int c) { return (c > 0) - (c < 0); }

}  // namespace

int compareText(const std::string& a, const std::string& b) {
  if (allDigits(a) && allDigits(b)) {
    const size_t za = std::min(a.find_first_not_of('0'), a.size());
    const size_t zb = std::min(b.find_first_not_of('0'), b.size());
    const size_t la = a.size() - za, lb = b.size() - zb;
    if (la != lb) return la < lb ? -1 : 1;
    if (int c = a.compare(za, la, b, zb, lb); c != 0) return sign(c);
  }
  return sign(a.compare(b));
}

int compareValues(const ir::Value& a, const ir::Value& b) {
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;  // never for one key (typed by sema)
  if (const auto* x = std::get_if<Rational>(&a)) {
    const Rational& y = std::get<Rational>(b);
    return *x < y ? -1 : (y < *x ? 1 : 0);
  }
  if (const auto* x = std::get_if<Date>(&a)) {
    const Date& y = std::get<Date>(b);
    return *x < y ? -1 : (y < *x ? 1 : 0);
  }
  if (const auto* x = std::get_if<std::string>(&a)) return compareText(*x, std::get<std::string>(b));
  if (const auto* x = std::get_if<bool>(&a)) return static_cast<int>(*x) - static_cast<int>(std::get<bool>(b));
  return 0;
}

bool comesBefore(const std::vector<ir::SortKey>& keys, const std::vector<ir::Value>& a, const std::string& ma,
                 const std::vector<ir::Value>& b, const std::string& mb) {
  for (size_t i = 0; i < keys.size() && i < a.size() && i < b.size(); ++i) {
    // `non rilevati in fondo`: after every value, whatever the direction.
    bool missingA = std::holds_alternative<ir::Missing>(a[i]), missingB = std::holds_alternative<ir::Missing>(b[i]);
    if (missingA || missingB) {
      if (missingA != missingB) return missingB;
      continue;
    }
    int c = compareValues(a[i], b[i]);
    if (keys[i].descending) c = -c;
    if (c != 0) return c < 0;
  }
  return compareText(ma, mb) < 0;
}

interp::Context resultContext(const Session& s, const Person& p, const PersonResult& r,
                              const std::vector<std::optional<Rational>>& points,
                              const std::vector<std::optional<Rational>>& esiti) {
  interp::Context ctx = personContext(s, p, points);
  ctx.esiti = &esiti;
  ctx.total = r.total;
  if (r.band) ctx.band = s.module.profiles[r.profile].bands[*r.band].percent;
  ctx.notEvaluated = r.status == PersonStatus::NonValutato;
  return ctx;
}

std::optional<std::vector<ir::Value>> keyValues(const Session& s, const Person& p, const PersonResult& r,
                                                const std::vector<ir::SortKey>& keys, const std::string& what) {
  PersonErrors errors(s.diags, p);
  std::vector<std::optional<Rational>> points;
  for (const ComponentOutcome& c : r.components) points.push_back(c.points);
  const std::vector<std::optional<Rational>> esiti = esitiOf(s, r.components);
  const interp::Context ctx = resultContext(s, p, r, points, esiti);
  std::vector<ir::Value> out;
  for (const ir::SortKey& k : keys) {
    ir::Value v = ir::Missing{};
    switch (k.kind) {
      case ir::SortKey::Kind::Matricola: v = r.matricola; break;
      case ir::SortKey::Kind::Componente: {
        const ir::Profile& profile = s.module.profiles[r.profile];
        bool found = false;
        for (size_t i = 0; i < profile.components.size() && i < points.size(); ++i)
          if (profile.components[i].name == k.component) {
            found = true;
            if (points[i]) v = *points[i];
          }
        if (!found) {
          errors.report(Diagnostic{"E0671", Severity::Errore, k.span,
                                   fmt::format("{}: la matricola {} (profilo «{}») non ha la componente «{}»", what,
                                               r.matricola, profile.name, k.component),
                                   {Label{personSpan(p), fmt::format("matricola {}", r.matricola)}},
                                   "ordina per una componente che tutti hanno, oppure limita la graduatoria ai profili "
                                   "che la hanno: tra profilo ...",
                                   {}});
          return std::nullopt;
        }
        break;
      }
      case ir::SortKey::Kind::Espressione: {
        interp::Result res = interp::run(k.expr, ctx);
        if (const auto* e = std::get_if<interp::RuntimeError>(&res)) {
          errors.runtime(*e, what);
          return std::nullopt;
        }
        v = std::get<ir::Value>(res);
        break;
      }
    }
    if (std::holds_alternative<ir::Missing>(v) && !k.missingLast) {
      errors.report(Diagnostic{"E0670", Severity::Errore, k.span,
                               fmt::format("{}: la chiave «{}» non è rilevata per la matricola {}", what, k.text,
                                           r.matricola),
                               {Label{personSpan(p), fmt::format("matricola {}", r.matricola)}},
                               "senza il valore di ogni chiave la posizione non si decide: completa il dato, oppure "
                               "scrivi dopo il verso dove va chi non ce l'ha: «, non rilevati in fondo»",
                               {}});
      return std::nullopt;
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<std::vector<uint32_t>> tieRanks(const Session& s, const std::vector<Person>& persons,
                                              const Evaluation& ev, const ir::Fund& f,
                                              const std::vector<uint32_t>& ids) {
  std::vector<std::vector<ir::Value>> values(ids.size());
  bool ok = true;
  if (!f.tieKeys.empty()) {
    const std::string what = "ordine a parità del fondo «" + f.name + "»";
    for (size_t k = 0; k < ids.size(); ++k) {
      auto v = keyValues(s, persons[ids[k]], ev.persons[ids[k]], f.tieKeys, what);
      if (v) values[k] = std::move(*v);
      else ok = false;
    }
  }
  if (!ok) return std::nullopt;
  std::vector<uint32_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0);
  auto before = [&](uint32_t a, uint32_t b) {
    return comesBefore(f.tieKeys, values[a], ev.persons[ids[a]].matricola, values[b], ev.persons[ids[b]].matricola);
  };
  // Staff lists are often already in matricola order: then one linear check.
  if (!std::is_sorted(order.begin(), order.end(), before)) std::sort(order.begin(), order.end(), before);
  std::vector<uint32_t> rank(ids.size());
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

}  // namespace misura::eval
