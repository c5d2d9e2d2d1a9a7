// The service period of each person and what depends on it before any
// score: `servizio minimo`, `non valutato se`, the periods of `assegnato a`.
#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

namespace {

// The date in staff field `field`, or `otherwise` when there is no such
// field or the cell is empty.
Date staffDate(const Person& p, std::optional<uint32_t> field, Date otherwise) {
  if (!field) return otherwise;
  const ir::Value value = p.staff->values.at(*field);
  const Date* d = std::get_if<Date>(&value);
  return d ? *d : otherwise;
}

// The first `non valutato se` condition that holds, as its reason.
std::optional<std::string> excludedBy(const Session& s, const Person& p, bool& ok) {
  const std::vector<std::optional<Rational>> noPoints;
  for (const ir::Exclusion& x : s.module.profiles[p.profile].exclusions) {
    interp::Result r = interp::run(x.condition, personContext(s, p, noPoints));
    if (const interp::RuntimeError* e = std::get_if<interp::RuntimeError>(&r)) {
      PersonErrors(s.diags, p).runtime(*e, "condizione di «non valutato se»");
      ok = false;
      return std::nullopt;
    }
    if (const bool* yes = std::get_if<bool>(&std::get<ir::Value>(r)); yes && *yes) return x.reason;
  }
  return std::nullopt;
}

}  // namespace

DateRange serviceOf(const Session& s, const Person& p, bool& ok) {
  const DateRange year = wholeYear(s.module.anno);
  const ir::ServiceFields& fields = s.module.serviceFields;
  DateRange r{staffDate(p, fields.from, year.first), staffDate(p, fields.to, year.last)};
  if (r.last < r.first) {
    // Only a declared end can be after the other one's default: point there.
    const uint32_t at = fields.to ? *fields.to : *fields.from;
    std::vector<Label> labels;
    if (fields.from && fields.to) labels.push_back(Label{p.staff->spans.at(*fields.from), "inizio del servizio"});
    PersonErrors(s.diags, p).report(Diagnostic{
        "E0621", Severity::Errore, p.staff->spans.at(at),
        fmt::format("il servizio della matricola {} finisce il {}, prima di cominciare il {}", p.matricola,
                    formatItalian(r.last), formatItalian(r.first)),
        std::move(labels), "correggi le date di inizio e fine servizio nell'elenco del personale", {}});
    ok = false;
  }
  return r;
}

std::optional<std::string> notEvaluatedReason(const Session& s, const Person& p, bool& ok) {
  const ir::Profile& profile = s.module.profiles[p.profile];
  if (profile.notEvaluated) return profile.notEvaluated;
  const int32_t days = daysIn(intersect(p.service, wholeYear(s.module.anno)));
  if (profile.minService && days < *profile.minService)
    return fmt::format("servizio di {} giorni, inferiore al minimo di {} giorni", days, *profile.minService);
  return excludedBy(s, p, ok);
}

const ir::Period* periodOf(const ir::Objective& o, const std::string& matricola) {
  const ir::Assignment& a = o.assignment;
  if (a.kind != ir::Assignment::Kind::Matricole) return nullptr;
  for (size_t i = 0; i < a.persons.size() && i < a.periods.size(); ++i)
    if (a.persons[i] == matricola && a.periods[i]) return &*a.periods[i];
  return nullptr;
}

bool checkAssignedPeriods(const Session& s, const Person& p) {
  bool ok = true;
  const DateRange year = wholeYear(s.module.anno);
  for (uint32_t o : p.objectives) {
    const ir::Period* period = periodOf(s.module.objectives[o], p.matricola);
    if (!period) continue;
    DateRange assigned{period->from.value_or(year.first), period->to.value_or(year.last)};
    if (daysIn(intersect(assigned, p.service)) > 0) continue;
    PersonErrors(s.diags, p).report(Diagnostic{
        "E0620", Severity::Errore, period->span,
        fmt::format("l'obiettivo {} è assegnato alla matricola {} per un periodo in cui non è in servizio (servizio "
                    "dal {} al {})",
                    s.module.objectives[o].code, p.matricola, formatItalian(p.service.first),
                    formatItalian(p.service.last)),
        {Label{personSpan(p), fmt::format("matricola {}", p.matricola)}},
        "correggi il periodo di «assegnato a» o le date di servizio nell'elenco del personale", {}});
    ok = false;
  }
  return ok;
}

}  // namespace misura::eval
