// Checks of the service period and the part-year rules: `servizio dal X al Y`
// (either end optional)
// in the staff list, `servizio minimo` and `non valutato se` in a profile,
// the periods of `assegnato a "0001" dal ... al ...`.
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

// Both ends included; a missing end is the year's first or last day.
DateRange periodIn(const ast::Period& p, int year) {
  DateRange y = wholeYear(year);
  return DateRange{p.from.value_or(y.first), p.to.value_or(y.last)};
}

}  // namespace

// The index of the `data` field named by one end of `servizio`, or nullopt
// after reporting why it cannot be one.
std::optional<uint32_t> Checker::serviceField(const ast::Ident& name) {
  auto it = staffFields_.find(name.name);
  if (it == staffFields_.end()) {
    diags_.error("E0260", name.span, fmt::format("il campo «{}» del periodo di servizio non è nell'elenco del personale", name.name),
                 "dichiaralo tra i campi del personale, per esempio: " + name.name + " data opzionale");
    return std::nullopt;
  }
  const ast::Field& f = out_.datasets.at(0).decl->fields.at(it->second);
  if (staffFieldType(it->second) != Type::Data) {
    diags_.error("E0261", f.typeSpan,
                 fmt::format("il campo «{}» indica il periodo di servizio ma è di tipo {}", name.name,
                             typeName(staffFieldType(it->second))),
                 "le date di inizio e fine servizio sono campi di tipo data (vuoti se opzionali)");
    return std::nullopt;
  }
  return it->second;
}

void Checker::checkService(const ast::Dataset& staff) {
  for (size_t i = 1; i < staff.service.size(); ++i)
    diags_.report(Diagnostic{"E0262", Severity::Errore, staff.service[i].span,
                             "il periodo di servizio è dichiarato più di una volta",
                             {Label{staff.service[0].span, "prima dichiarazione"}}, {}, {}});
  if (staff.service.empty()) return;
  const ast::ServicePeriod& sp = staff.service[0];
  if (sp.from) out_.serviceFrom = serviceField(*sp.from);
  if (sp.to) out_.serviceTo = serviceField(*sp.to);
}

void Checker::checkProfileTime(uint32_t index) {
  const ast::Profile& p = *out_.profiles.at(index).decl;
  for (const ast::Exclusion& x : p.exclusions) {
    Type t = expr(*x.condition, Scope{Scope::Kind::Person, nullptr, index, nullptr});
    expectType(*x.condition, t, Type::Booleano, "dopo «non valutato se»");
  }
  if (!p.minService) return;
  const Rational& days = p.minService->days;
  if (!days.isInteger() || days < 1 || days > 366)
    diags_.error("E0264", p.minService->span, "il servizio minimo va scritto in giorni interi, da 1 a 366",
                 "per esempio: servizio minimo 60 giorni");
  else if (!out_.serviceFrom && !out_.serviceTo)
    diags_.error("E0420", p.minService->span,
                 fmt::format("il profilo «{}» chiede un servizio minimo, ma l'elenco del personale non indica il "
                             "periodo di servizio",
                             p.name.name),
                 "aggiungi al blocco personale una riga come: servizio dal assunzione al cessazione");
}

void Checker::checkPeriods(const ast::Assignment& a) {
  for (const std::optional<ast::Period>& p : a.periods) {
    if (!p) continue;
    if (p->from && p->to && *p->to < *p->from) {
      diags_.error("E0265", p->span,
                   fmt::format("periodo rovesciato: dal {} al {}", formatItalian(*p->from), formatItalian(*p->to)),
                   "la data d'inizio viene prima di quella di fine");
      continue;
    }
    if (out_.anno && daysIn(intersect(periodIn(*p, out_.anno), wholeYear(out_.anno))) == 0)
      diags_.error("E0266", p->span, fmt::format("il periodo non ha nessun giorno nell'anno {}", out_.anno),
                   "controlla l'anno delle date del periodo");
  }
}

}  // namespace misura::sema
