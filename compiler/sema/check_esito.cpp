// `esito(CODICE)`: the esito of one objective for the current person, in a
// profile's `premio` and `= espressione` components and in a fund's `quota`
// (there without the per-profile checks: any profile may draw). The argument is an
// objective code, not an expression. The call is typed (percentuale) where
// it appears; the code is resolved after the objectives have been checked.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

Type Checker::esitoCall(const ast::Expr& e, const ast::Call& c, const Scope& scope) {
  const ast::NameRef* ref = c.args.size() == 1 ? std::get_if<ast::NameRef>(&c.args[0]->node) : nullptr;
  const ast::TextLit* quoted = c.args.size() == 1 ? std::get_if<ast::TextLit>(&c.args[0]->node) : nullptr;
  if (!quoted && (!ref || ref->member)) {
    diags_.error("E0230", e.span, "«esito» vuole un solo argomento: il codice di un obiettivo",
                 "per esempio: esito(OB1)");
    return Type::Errore;
  }
  if (!scope.esiti) {
    diags_.error("E0230", e.span,
                 "«esito(...)» si usa solo nel premio, nelle componenti «= espressione» di un profilo e nella quota di un fondo",
                 "l'esito di un obiettivo dipende dalla persona: qui non c'è una persona valutata");
    return Type::Errore;
  }
  // The argument is a code, not a name of the scope: it gets no type of its own.
  out_.types.at(c.args[0]->id) = Type::Percentuale;
  std::optional<uint32_t> profile;
  if (scope.kind != Scope::Kind::FundQuota) profile = scope.profile;
  ast::Ident code = quoted ? ast::Ident{quoted->value, c.args[0]->span, true} : ref->first;
  pendingEsiti_.push_back(PendingEsito{&e, std::move(code), profile});
  return Type::Percentuale;
}

void Checker::checkEsiti() {
  for (const PendingEsito& p : pendingEsiti_) {
    auto it = objectiveIndex_.find(p.code.name);
    if (it == objectiveIndex_.end()) {
      undeclared("obiettivo", p.code, objectiveIndex_);
      continue;
    }
    if (!p.profile) {  // a fund's quota: Missing (an error at evaluation) for a person without that esito
      out_.resolved.at(p.expr->id) = ResEsito{it->second};
      continue;
    }
    const ObjectiveInfo& o = out_.objectives.at(it->second);
    const ast::Profile& profile = *out_.profiles.at(*p.profile).decl;
    if (!hasObjectivesComponent(*p.profile) && !o.premioOnly) {  // `solo per il premio` is measured anyway
      diags_.error("E0218", p.expr->span,
                   fmt::format("«esito({})» è usato ma il profilo «{}» non ha una componente «da obiettivi»: "
                               "gli obiettivi non vi sono misurati",
                               p.code.name, profile.name.name),
                   "aggiungi al profilo una componente «da obiettivi»");
      continue;
    }
    if (o.assignment && o.assignment->kind == ast::Assignment::Kind::Profili &&
        std::find(o.profiles.begin(), o.profiles.end(), *p.profile) == o.profiles.end()) {
      Diagnostic d{"E0231", Severity::Errore, p.code.span,
                   fmt::format("l'obiettivo «{}» non è assegnato al profilo «{}»: il suo esito qui non c'è mai",
                               p.code.name, profile.name.name),
                   {Label{o.assignment->span, "assegnazione dell'obiettivo"}},
                   "assegna l'obiettivo anche a questo profilo, oppure usa l'esito di un altro obiettivo",
                   {}};
      diags_.report(std::move(d));
      continue;
    }
    out_.resolved.at(p.expr->id) = ResEsito{it->second};
  }
  pendingEsiti_.clear();
}

}  // namespace misura::sema
