#include "runtime/report/format.h"

#include <algorithm>
#include <type_traits>

#include "compiler/support/date.h"

namespace misura::report::detail {

const char* statusWord(eval::PersonStatus s) {
  switch (s) {
    case eval::PersonStatus::Valutato: return "valutato";
    case eval::PersonStatus::NonValutato: return "non valutato";
    case eval::PersonStatus::Errore: return "errore";
  }
  return "errore";
}

std::string totalText(const ir::Profile& profile, const Rational& total) {
  int decimals = 2;
  if (profile.totalRounding) decimals = std::max(decimals, profile.totalRounding->decimals);
  return formatItalian(total, decimals, /*thousands=*/false);
}

std::string euroText(const Rational& amount, bool thousands) { return formatItalian(amount, 2, thousands); }

std::string csvCell(const std::string& text) {
  std::string out;
  appendCsvCell(out, text);
  return out;
}

void appendCsvCell(std::string& out, std::string_view text) {
  if (text.find_first_of(";\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string percentText(const Rational& fraction) { return formatExact(fraction * 100, 6, false) + "%"; }

std::string exactText(const Rational& q) { return formatExact(q, 6, false); }

std::string valueText(const ir::Value& value, ir::Type type) {
  return std::visit(
      [type](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, ir::Missing>) {
          return "non rilevato";
        } else if constexpr (std::is_same_v<V, Rational>) {
          switch (type) {
            case ir::Type::Percentuale: return percentText(v);
            case ir::Type::Euro: return formatItalian(v, 2, false) + " €";
            case ir::Type::Punti: return exactText(v) + " punti";
            case ir::Type::Giorni: return exactText(v) + " giorni";
            default: return exactText(v);
          }
        } else if constexpr (std::is_same_v<V, Date>) {
          return formatItalian(v);
        } else if constexpr (std::is_same_v<V, bool>) {
          return v ? "sì" : "no";
        } else {
          return v;  // testo
        }
      },
      value);
}

std::string location(const SourceManager& sources, Span span) {
  return sources.location(span);
}

std::string assignedPeriodText(const ir::Objective& o, const std::string& matricola) {
  const ir::Assignment& a = o.assignment;
  for (size_t i = 0; i < a.persons.size() && i < a.periods.size(); ++i) {
    if (a.persons[i] != matricola || !a.periods[i]) continue;
    const ir::Period& p = *a.periods[i];
    if (!p.from) return "fino al " + formatItalian(p.to.value_or(Date()));
    return "dal " + formatItalian(*p.from) + (p.to ? " al " + formatItalian(*p.to) : "");
  }
  return "";
}

}  // namespace misura::report::detail
