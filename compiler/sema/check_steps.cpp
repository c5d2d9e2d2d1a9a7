// Step tables, `scaglioni X { da 90% -> 100% ... altrimenti -> 0% }`:
//   E0290 `altrimenti` missing, repeated or not the last line
//   E0291 `da`, `fino a` and text lines mixed in one table
//   E0292 thresholds not strictly decreasing (`da`) or increasing (`fino a`)
//   E0293 a threshold of a type other than X's
//   E0294 results of different units
//   E0295 the same text on two lines
#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

using Kind = ast::StepLine::Kind;

const char* kindText(Kind k) {
  switch (k) {
    case Kind::Da: return "«da»";
    case Kind::FinoA: return "«fino a»";
    case Kind::Testo: return "un testo";
    case Kind::Altrimenti: return "«altrimenti»";
  }
  return "?";
}

// The threshold as a comparable value: a number (in its written unit) or a date.
std::optional<std::variant<Rational, Date>> thresholdValue(const ast::Expr& e) {
  if (auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->value;
  if (auto* d = std::get_if<ast::DateLit>(&e.node)) return d->value;
  return std::nullopt;
}

std::string thresholdText(const ast::StepLine& line) { return ast::print(*line.threshold); }

}  // namespace

void Checker::checkStepsShape(const ast::Expr& e, const ast::Steps& s) {
  const ast::StepLine* otherwise = nullptr;
  for (const ast::StepLine& line : s.lines) {
    if (otherwise && line.kind == Kind::Altrimenti)
      diags_.error("E0290", line.span, "«altrimenti» è ripetuto negli scaglioni", "lascia una sola riga «altrimenti -> ...»");
    else if (otherwise)
      diags_.error("E0290", line.span, "una riga degli scaglioni segue «altrimenti»",
                   "«altrimenti» è l'ultima riga: sposta questa riga prima");
    if (line.kind == Kind::Altrimenti && !otherwise) otherwise = &line;
  }
  if (!otherwise)
    diags_.error("E0290", e.span, "agli scaglioni manca la riga «altrimenti»",
                 "aggiungi come ultima riga il valore per i casi che non raggiungono alcuno scaglione: altrimenti -> 0%");
  const ast::StepLine* first = nullptr;
  for (const ast::StepLine& line : s.lines) {
    if (line.kind == Kind::Altrimenti) continue;
    if (!first) first = &line;
    else if (line.kind != first->kind) {
      diags_.error("E0291", line.span,
                   fmt::format("negli stessi scaglioni ci sono righe con {} e righe con {}", kindText(first->kind),
                               kindText(line.kind)),
                   "usa «da» (più alto è meglio) oppure «fino a» (più basso è meglio), non entrambi");
      return;
    }
  }
}

void Checker::checkStepsOrder(const ast::Steps& s) {
  const ast::StepLine* previous = nullptr;
  std::vector<const ast::StepLine*> texts;
  for (const ast::StepLine& line : s.lines) {
    if (line.kind == Kind::Altrimenti) continue;
    if (line.kind == Kind::Testo) {
      const auto& value = std::get<ast::TextLit>(line.threshold->node).value;
      for (const ast::StepLine* t : texts)
        if (std::get<ast::TextLit>(t->threshold->node).value == value)
          diags_.report(Diagnostic{"E0295", Severity::Errore, line.threshold->span,
                                   fmt::format("il testo \"{}\" compare due volte negli scaglioni", value),
                                   {Label{t->threshold->span, "già qui"}}, "togli una delle due righe", {}});
      texts.push_back(&line);
      continue;
    }
    auto now = thresholdValue(*line.threshold);
    if (previous && now) {
      auto before = *thresholdValue(*previous->threshold);
      bool da = line.kind == Kind::Da;
      if (now->index() == before.index() && (da ? !(*now < before) : !(before < *now)))
        diags_.error("E0292", line.threshold->span,
                     fmt::format("la soglia {} non è {} della precedente ({})", thresholdText(line),
                                 da ? "minore" : "maggiore", thresholdText(*previous)),
                     da ? "con «da» le soglie vanno dalla più alta alla più bassa, senza ripetizioni"
                        : "con «fino a» le soglie vanno dalla più bassa alla più alta, senza ripetizioni");
    }
    previous = &line;
  }
}

Type Checker::steps(const ast::Expr& e, const ast::Steps& s, const Scope& scope) {
  Type subject = expr(*s.subject, scope);
  checkStepsShape(e, s);
  for (const ast::StepLine& line : s.lines) {
    if (!line.threshold) continue;
    Type t = expr(*line.threshold, scope);
    if (subject != Type::Errore && t != subject)
      diags_.error("E0293", line.threshold->span,
                   fmt::format("la soglia è di tipo {}, ma il valore degli scaglioni è di tipo {}", typeName(t),
                               typeName(subject)),
                   "scrivi le soglie nell'unità del valore (per esempio 90% per una percentuale)");
  }
  checkStepsOrder(s);
  Type result = Type::Errore;
  for (const ast::StepLine& line : s.lines) {
    Type t = expr(*line.result, scope);
    if (result == Type::Errore) result = t;
    else if (t != result)
      diags_.error("E0294", line.result->span,
                   fmt::format("i risultati degli scaglioni hanno unità diverse: {} e {}", typeName(result), typeName(t)),
                   "scrivi tutti i risultati nella stessa unità");
  }
  return result;
}

}  // namespace misura::sema
