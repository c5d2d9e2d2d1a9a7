// verify (see conform.h): for each requirement, whether it is in force in
// the year; if so, to whom it applies and, for each of them, every demand.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/conform/conform.h"
#include "compiler/conform/demand.h"

namespace misura::conform {

namespace {

bool inForce(const sema::RequirementInfo& r, int year) { return r.period.overlapsYear(year); }

bool evaluated(const sema::Checked& c, uint32_t profile) {
  const ast::Profile& p = *c.profiles[profile].decl;
  return !p.notEvaluated && !p.components.empty();
}

std::string roleText(const ast::Role& r) {
  std::string s = ast::print(r);
  s.pop_back();  // '\n'
  return s.substr(std::string("ruolo ").size());
}

// Whether a subject of `profile` (and `matricola`, if known) is in the role.
// nullopt: the role names persons and the staff list is not known.
std::optional<bool> inRole(const sema::Checked& c, const sema::RequirementInfo& r, uint32_t profile,
                           const std::string* matricola, const std::vector<std::string>* roles) {
  if (r.addressees->everyone) return true;
  const sema::RoleInfo& role = c.roles[*r.role];
  switch (role.decl->kind) {
    case ast::Role::Kind::Nessuno: return false;
    case ast::Role::Kind::Tutti: return true;
    case ast::Role::Kind::Profili:
      return std::find(role.profiles.begin(), role.profiles.end(), profile) != role.profiles.end();
    case ast::Role::Kind::Matricole:
      if (!matricola) return std::nullopt;
      return std::any_of(role.decl->persons.begin(), role.decl->persons.end(),
                         [&](const ast::Text& t) { return t.value == *matricola; });
    case ast::Role::Kind::Dove:
      if (!roles) return std::nullopt;
      return std::find(roles->begin(), roles->end(), role.decl->name.name) != roles->end();
  }
  return false;
}

// Reports the failures of one requirement, one diagnostic per distinct
// problem, naming the subjects it concerns.
class Reporter {
 public:
  Reporter(const sema::RequirementInfo& r, Diagnostics& diags, Report& report)
      : r_(r), diags_(diags), report_(report) {}

  // `uncertain`: the finding may change with the staff list (objectives
  // assigned person by person): a warning, never an error.
  void fail(const std::string& number, Span span, const std::string& message, const std::string& subject,
            Span demand, std::string hint = {}, bool uncertain = false) {
    bool warning = r_.warningLevel || uncertain;
    std::string code = (warning ? "W" : "E") + number;
    auto key = std::make_tuple(code, span.file, span.begin, message);
    auto [it, fresh] = pending_.try_emplace(key);
    if (fresh) {
      it->second.d = Diagnostic{code, warning ? Severity::Avviso : Severity::Errore, span, message, {},
                                std::move(hint), r_.citation};
      it->second.d.labels.push_back(Label{demand, fmt::format("richiesto dal requisito «{}»", r_.decl->name.name)});
      order_.push_back(key);
    }
    it->second.subjects.push_back(subject);
  }

  void warn(const std::string& code, Span span, const std::string& message, Span at) {
    auto key = std::make_tuple(code, span.file, span.begin, message);
    if (pending_.count(key)) return;
    pending_[key].d = Diagnostic{code, Severity::Avviso, span, message, {Label{at, "avviso del requisito"}}, {},
                                 r_.citation};
    order_.push_back(key);
  }

  void flush() {
    for (const auto& key : order_) {
      Entry& e = pending_[key];
      if (e.subjects.size() > 1 || (e.subjects.size() == 1 && e.subjects[0] != "piano")) {
        std::string who;
        for (const std::string& s : e.subjects) who += (who.empty() ? "" : ", ") + s;
        e.d.message += " (" + who + ")";
      }
      (e.d.severity == Severity::Errore ? report_.errors : report_.warnings)++;
      diags_.report(std::move(e.d));
    }
  }

 private:
  struct Entry {
    Diagnostic d;
    std::vector<std::string> subjects;
  };
  using Key = std::tuple<std::string, FileId, uint32_t, std::string>;
  const sema::RequirementInfo& r_;
  Diagnostics& diags_;
  Report& report_;
  std::map<Key, Entry> pending_;
  std::vector<Key> order_;
};

class Verifier {
 public:
  Verifier(const sema::Checked& c, const Options& o, const sema::RequirementInfo& r, Reporter& rep)
      : c_(c), opt_(o), r_(r), rep_(rep) {}

  void run(RequirementReport& out) {
    if (!r_.addressees) return plan(out);
    out.addressees = r_.addressees->everyone ? "tutti" : "ruolo " + r_.addressees->role.name;
    if (!r_.addressees->everyone && !r_.role) return undefinedRole(out);
    if (r_.role) out.addressees = "ruolo " + roleText(*c_.roles[*r_.role].decl);
    if (opt_.staff)
      for (const Person& p : *opt_.staff)
        out.checks.push_back(subject(p.profile, p.objectives, &p.matricola, label(p), false,
                                     p.weights.empty() ? nullptr : &p.weights, &p.roles));
    else
      for (uint32_t p = 0; p < c_.profiles.size(); ++p) {
        if (!evaluated(c_, p)) continue;  // not a person: nothing to say
        bool dynamic = false;
        std::vector<uint32_t> objectives = sema::profileObjectives(c_, p, dynamic);
        Check check = subject(p, objectives, nullptr, "profilo " + c_.profiles[p].decl->name.name, dynamic);
        if (dynamic && check.outcome != Outcome::NonApplicabile)
          check.details.push_back("solo gli obiettivi assegnati a tutto il profilo: per quelli assegnati persona per "
                                  "persona usa --personale");
        out.checks.push_back(std::move(check));
      }
  }

 private:
  static std::string label(const Person& p) { return p.name.empty() ? p.matricola : p.matricola + " " + p.name; }

  Check subject(uint32_t profile, const std::vector<uint32_t>& objectives, const std::string* matricola,
                const std::string& who, bool partial = false, const std::vector<Rational>* weights = nullptr,
                const std::vector<std::string>* roles = nullptr) {
    Check check;
    check.subject = who;
    check.matricola = matricola ? *matricola : "";
    check.profile = c_.profiles[profile].decl->name.name;
    check.warningOnly = r_.warningLevel;
    if (!evaluated(c_, profile)) {
      check.details.push_back("non valutato");
      return check;
    }
    std::optional<bool> member = inRole(c_, r_, profile, matricola, roles);
    if (!member && c_.roles[*r_.role].decl->kind == ast::Role::Kind::Dove) {
      check.details.push_back("il ruolo è definito da una condizione sui campi del personale: serve l'elenco del "
                              "personale (--personale)");
      rep_.warn("W0850", r_.addressees->span,
                "il ruolo «" + r_.addressees->role.name +
                    "» è definito da una condizione sui campi del personale: senza --personale non si può dire a chi "
                    "si applica il requisito",
                r_.addressees->span);
      return check;
    }
    if (!member) {
      check.details.push_back("il ruolo indica le persone per matricola: serve l'elenco del personale (--personale)");
      rep_.warn("W0841", r_.addressees->span, "il ruolo «" + r_.addressees->role.name +
                                                  "» indica le persone per matricola: senza --personale non si "
                                                  "può dire a chi si applica il requisito",
                r_.addressees->span);
      return check;
    }
    if (!*member) {
      check.details.push_back("non rientra nel ruolo «" + r_.addressees->role.name + "»");
      return check;
    }
    sema::ProfileShares shares = sema::effectiveShares(c_, profile, objectives, partial, weights);
    demands(shares, partial, who, check);
    indicatorWarnings(shares, check);
    return check;
  }

  // Every `richiede` line for one subject. `partial`: objectives assigned
  // person by person are not known, so a missing theme is only a warning.
  void demands(const sema::ProfileShares& shares, bool partial, const std::string& who, Check& check) {
    check.outcome = Outcome::Conforme;
    bool certainFailure = false;
    for (const ast::Demand& d : r_.decl->demands) {
      Finding f = checkDemand(c_, d, shares);
      check.details.push_back((f.ok ? "rispettato: " : "NON rispettato: ") + f.detail);
      if (f.ok) continue;
      check.outcome = Outcome::NonConforme;
      // Uncertain only if an objective with the theme may still be assigned
      // person by person: otherwise the finding holds for every person
      // (their weights add up to 100), and it is an error (issue 9, item 13).
      bool uncertain = partial && d.kind != ast::Demand::Kind::Componente &&
                       d.kind != ast::Demand::Kind::Maggiorazione && d.kind != ast::Demand::Kind::QuotaLimitata &&
                       themedPerPerson(shares.profile, d.theme.name);
      certainFailure |= !uncertain;
      if (uncertain) f.hint = "altri obiettivi sono assegnati persona per persona: verifica con --personale FILE";
      rep_.fail(f.code, f.span, fmt::format("requisito «{}» non rispettato: {}", r_.decl->title.value, f.detail), who,
                d.span, f.hint, uncertain);
    }
    if (check.outcome == Outcome::NonConforme && !certainFailure) check.warningOnly = true;
  }

  // Whether an objective of `theme`, evaluated this year, may be assigned to
  // persons of `profile` one by one (by matricola, by condition, or with a
  // weight that depends on the person): then the staff list may change the
  // finding.
  bool themedPerPerson(uint32_t profile, const std::string& theme) const {
    for (const sema::ObjectiveInfo& o : c_.objectives) {
      if (!o.evaluatedThisYear || !o.assignment) continue;
      bool themed = std::any_of(o.decl->themes.begin(), o.decl->themes.end(),
                                [&](const ast::Ident& t) { return t.name == theme; });
      if (!themed) continue;
      using K = ast::Assignment::Kind;
      if (o.assignment->kind == K::Matricole || o.assignment->kind == K::Dove) return true;
      bool toProfile = o.assignment->kind == K::Tutti ||
                       (o.assignment->kind == K::Profili &&
                        std::find(o.profiles.begin(), o.profiles.end(), profile) != o.profiles.end());
      if (toProfile && !sema::staticWeight(o, profile)) return true;
    }
    return false;
  }

  void indicatorWarnings(const sema::ProfileShares& shares, Check& check) {
    for (const ast::IndicatorWarning& w : r_.decl->indicatorWarnings)
      for (const sema::ObjectiveInfo* o : otherIndicator(c_, *r_.decl, w, shares)) {
        std::string detail = fmt::format("{}: l'obiettivo {} è misurato con «{}»", w.message.value, o->decl->code.name,
                                         o->measure->indicator.name);
        check.details.push_back("avviso: " + detail);
        rep_.warn("W0846", o->measure->span, detail, w.span);
      }
    for (const ast::GateWarning& w : r_.decl->gateWarnings)
      for (const sema::Share* s : ungated(*r_.decl, shares)) {
        std::string detail = fmt::format("{}: il premio del profilo «{}» non ha una soglia sull'esito di {}", w.message.value,
                                         c_.profiles[shares.profile].decl->name.name, s->code);
        check.details.push_back("avviso: " + detail);
        rep_.warn("W0849", s->span, detail, w.span);
      }
  }

  void undefinedRole(RequirementReport& out) {
    Check check;
    check.subject = out.addressees;
    check.outcome = Outcome::NonConforme;
    check.warningOnly = r_.warningLevel;
    const std::string& role = r_.addressees->role.name;
    check.details.push_back("il regolamento non dice chi è nel ruolo «" + role + "»");
    rep_.fail("0840", r_.addressees->span,
              fmt::format("il requisito «{}» si applica al ruolo «{}», che il regolamento non definisce",
                          r_.decl->title.value, role),
              "piano", r_.addressees->span,
              fmt::format("aggiungi al regolamento una riga come: ruolo {} = profilo NOME (oppure = nessuno)", role));
    out.checks.push_back(std::move(check));
  }

  // A requirement on the plan as a whole: some objective or element has the theme.
  void plan(RequirementReport& out) {
    out.addressees = "il piano";
    Check check;
    check.subject = "piano";
    check.outcome = Outcome::Conforme;
    check.warningOnly = r_.warningLevel;
    for (const ast::Demand& d : r_.decl->demands) {
      if (d.kind == ast::Demand::Kind::Dichiarazione || d.kind == ast::Demand::Kind::Graduatoria) {
        Finding f = d.kind == ast::Demand::Kind::Dichiarazione ? statement(c_, d) : rankingDemand(c_, d);
        check.details.push_back((f.ok ? "rispettato: " : "NON rispettato: ") + f.detail);
        if (f.ok) continue;
        check.outcome = Outcome::NonConforme;
        rep_.fail(f.code, f.span, fmt::format("requisito «{}» non rispettato: {}", r_.decl->title.value, f.detail),
                  "piano", d.span, f.hint);
        continue;
      }
      std::vector<std::string> found = planElements(d);
      if (!found.empty()) {
        std::string list;
        for (const std::string& f : found) list += (list.empty() ? "" : ", ") + f;
        check.details.push_back(fmt::format("rispettato: tema «{}»: {}", d.theme.name, list));
        continue;
      }
      check.outcome = Outcome::NonConforme;
      std::string detail = fmt::format("nessun {} del piano ha il tema «{}»",
                                       d.kind == ast::Demand::Kind::Obiettivo ? "obiettivo" : "elemento di valutazione",
                                       d.theme.name);
      check.details.push_back("NON rispettato: " + detail);
      rep_.fail("0842", planSpan(), fmt::format("requisito «{}» non rispettato: {}", r_.decl->title.value, detail),
                "piano", d.span, fmt::format("aggiungi a un obiettivo la riga: tema {}", d.theme.name));
    }
    out.checks.push_back(std::move(check));
  }

  // The plan as a whole: the `ente` line of the regolamento.
  Span planSpan() const {
    const ast::Program& p = *c_.program;
    return p.ente.empty() ? Span{p.file, 0, 0} : p.ente.front().span;
  }

  std::vector<std::string> planElements(const ast::Demand& d) const {
    std::vector<std::string> out;
    auto has = [&](const std::vector<ast::Ident>& themes) {
      return std::any_of(themes.begin(), themes.end(), [&](const ast::Ident& t) { return t.name == d.theme.name; });
    };
    for (const sema::ObjectiveInfo& o : c_.objectives)
      if (has(o.decl->themes)) out.push_back("obiettivo " + o.decl->code.name);
    if (d.kind == ast::Demand::Kind::Obiettivo) return out;
    for (const sema::ProfileInfo& p : c_.profiles)
      for (const ast::Component& comp : p.decl->components)
        if (has(comp.themes)) out.push_back("componente " + comp.name.name + " del profilo " + p.decl->name.name);
    for (const sema::CatalogueInfo& cat : c_.catalogues)
      for (const ast::BehaviourItem& b : cat.decl->items)
        if (has(b.themes)) out.push_back("comportamento " + b.code.name);
    return out;
  }

  const sema::Checked& c_;
  const Options& opt_;
  const sema::RequirementInfo& r_;
  Reporter& rep_;
};

}  // namespace

Report verify(const sema::Checked& c, const Options& options, Diagnostics& diags) {
  Report report;
  report.ente = c.ente;
  report.year = options.year;
  report.perPerson = options.staff.has_value();
  report.modules = options.modules;
  for (uint32_t p = 0; p < c.profiles.size(); ++p) {
    if (!evaluated(c, p)) continue;
    bool dynamic = false;
    std::vector<uint32_t> objectives = sema::profileObjectives(c, p, dynamic);
    report.weights.push_back(sema::effectiveShares(c, p, objectives, dynamic));
  }
  for (const sema::RequirementInfo& r : c.requirements) {
    RequirementReport rr;
    rr.info = &r;
    rr.inForce = inForce(r, options.year);
    if (rr.inForce) {
      Reporter rep(r, diags, report);
      Verifier(c, options, r, rep).run(rr);
      rep.flush();
    }
    report.requirements.push_back(std::move(rr));
  }
  return report;
}

}  // namespace misura::conform
