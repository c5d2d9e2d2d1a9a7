// The computations of an explanation written out with the actual numbers:
// weighted mean of the objectives (with redistributed weights), behaviour
// points, total and its rounding, band range.
#include <fmt/format.h>

#include "runtime/report/explain_parts.h"
#include "runtime/report/format.h"

namespace misura::report::detail {

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

}  // namespace

const ir::Objective& objectiveOf(const ir::Module& module, const eval::ObjectiveOutcome& o) {
  return at(module.objectives, o.objective, "obiettivo");
}

ObjectivesSum objectivesSum(const ir::Module& module, const ir::Component& component,
                            const eval::ComponentOutcome& outcome) {
  ObjectivesSum sum;
  std::vector<std::string> terms;
  for (const eval::ObjectiveOutcome& o : outcome.objectives) {
    sum.declared += o.weight;
    if (o.esito) {
      sum.counted += o.weight;
      terms.push_back(num(o.weight) + " × " + percentText(*o.esito));
    } else if (o.status == eval::ObjectiveOutcome::Status::Neutralizzato) {
      sum.neutralised.push_back(objectiveOf(module, o).code);
    }
  }
  const std::optional<Rational>& points = outcome.pointsExact ? outcome.pointsExact.get() : outcome.points;
  if (points && !sum.counted.isZero())
    sum.formula = fmt::format("{} × ({}) ÷ {} = {}{}", num(component.maxPoints), joined(terms, " + "),
                              num(sum.counted), num(*points), exactNote(*points));
  return sum;
}

Rational effectiveWeight(const eval::ObjectiveOutcome& o, const ObjectivesSum& sum) {
  return sum.counted.isZero() ? Rational() : o.weight * 100 / sum.counted;
}

std::string effectiveWeightFormula(const eval::ObjectiveOutcome& o, const ObjectivesSum& sum) {
  Rational w = effectiveWeight(o, sum);
  return fmt::format("{} × 100 ÷ {} = {}{}", num(o.weight), num(sum.counted), num(w), exactNote(w));
}

std::string notMeasuredRule(const ir::Objective& o) {
  switch (o.onMissing) {
    case ir::OnMissing::Neutralizza: return "se non rilevato: neutralizzato";
    case ir::OnMissing::EsitoFisso: return "se non rilevato: " + percentText(o.fixedEsito);
    case ir::OnMissing::Errore: return {};
  }
  return {};
}

std::string notMeasuredEffect(const ir::Objective& o, const eval::ObjectiveOutcome& outcome) {
  using Status = eval::ObjectiveOutcome::Status;
  switch (outcome.status) {
    case Status::Misurato: return {};
    case Status::Neutralizzato:
      return "regola «" + notMeasuredRule(o) +
             "»: l'obiettivo è escluso dal calcolo e il suo peso è ridistribuito sugli altri obiettivi";
    case Status::EsitoFisso:
      return "regola «" + notMeasuredRule(o) + "»: esito fisso " + percentText(o.fixedEsito);
    case Status::Errore:
      if (std::holds_alternative<ir::Missing>(outcome.measured))
        return "il regolamento non dice che cosa fare se il valore non è rilevato (non c'è «se non rilevato»): "
               "errore";
      return "errore nel calcolo dell'esito (vedi gli errori)";
  }
  return {};
}

const ir::Catalogue& catalogueOf(const ir::Module& module, const ir::Component& component) {
  return at(module.catalogues, component.catalogue, "catalogo");
}

std::string behaviourFormula(const ir::Component& component, const ir::Catalogue& catalogue,
                             const eval::BehaviourOutcome& b) {
  const ir::Behaviour& item = at(catalogue.items, b.item, "comportamento");
  Rational weights;
  for (const ir::Behaviour& i : catalogue.items) weights += i.weight;
  std::string result = " = " + num(b.points) + exactNote(b.points);
  if (catalogue.points)  // `punteggio = ...`: its value in weight units, over the sum of the weights
    return fmt::format("{} × punteggio ÷ {}{}", num(component.maxPoints), num(weights), result);
  // The weights add up to the component's maximum (checked by the compiler,
  // E0402): then a point of weight is a point of score.
  if (weights == component.maxPoints)
    return fmt::format("{} × {} ÷ {}{}", num(item.weight), num(b.rating), num(catalogue.scaleMax), result);
  return fmt::format("{} × {} × {} ÷ {} ÷ {}{}", num(component.maxPoints), num(item.weight), num(b.rating),
                     num(catalogue.scaleMax), num(weights), result);
}

std::string sumFormula(const std::vector<Rational>& terms, const std::optional<Rational>& result) {
  if (!result) return {};
  std::vector<std::string> parts;
  for (const Rational& t : terms) parts.push_back(num(t));
  return joined(parts, " + ") + " = " + num(*result) + exactNote(*result);
}

std::optional<std::vector<Rational>> componentPoints(const eval::PersonResult& person) {
  std::vector<Rational> points;
  for (const eval::ComponentOutcome& c : person.components) {
    if (!c.points) return std::nullopt;
    points.push_back(*c.points);
  }
  return points;
}

std::string roundingText(const ir::RoundingRule& rule) {
  std::string decimals = rule.decimals == 1 ? "1 decimale" : std::to_string(rule.decimals) + " decimali";
  return "arrotondato a " + decimals + ", " + ir::roundingName(rule.mode);
}

std::string premioRoundingText(ir::Rounding mode) {
  return std::string("arrotondato al centesimo, ") + ir::roundingName(mode);
}

std::string roundedTotal(const ir::Profile& profile, const Rational& total) {
  if (!profile.totalRounding) return num(total);
  return formatItalian(total, profile.totalRounding->decimals, false);
}

std::string bandRange(const ir::Profile& profile, uint32_t band) {
  const ir::Band& b = at(profile.bands, band, "fascia");
  const ir::Band* above = band > 0 ? &profile.bands[band - 1] : nullptr;
  if (!b.from) {
    if (above && above->from) return "sotto " + num(*above->from) + " punti";
    return "qualunque totale";
  }
  if (b.to) return "da " + num(*b.from) + " a " + num(*b.to) + " punti (inclusi)";
  if (above && above->from)
    return "da " + num(*b.from) + " punti (incluso) a " + num(*above->from) + " punti (escluso)";
  return "da " + num(*b.from) + " punti in su";
}

}  // namespace misura::report::detail
