#include <fmt/format.h>

#include "runtime/eval/session.h"

namespace misura::eval {

void PersonErrors::report(Diagnostic d) {
  if (!failed_) summary_ = d.message;
  failed_ = true;
  reported_.push_back(d);
  diags_.report(std::move(d));
}

void PersonErrors::runtime(const interp::RuntimeError& e, const std::string& what, std::vector<Label> context) {
  Diagnostic d{e.code, Severity::Errore, e.span,
               fmt::format("{}, matricola {}: {}", what, person_.matricola, e.message), std::move(context), e.hint, {}};
  d.labels.push_back(Label{personSpan(person_), fmt::format("dati della matricola {}", person_.matricola)});
  for (Span row : e.rows) d.labels.push_back(Label{row, "riga trovata"});
  report(std::move(d));
}

}  // namespace misura::eval
