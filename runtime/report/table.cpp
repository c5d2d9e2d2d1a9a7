// The terminal table.
#include <algorithm>
#include <string>
#include <vector>

#include "runtime/report/format.h"
#include "runtime/report/ranking.h"
#include "runtime/report/report.h"

namespace misura::report {

using detail::at;

std::size_t displayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > utf8.size()) len = 1;
    char32_t cp = c;
    if (len > 1) {
      cp = c & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(utf8[i + k]);
        if ((cc & 0xC0) != 0x80) {  // broken sequence: count the lead byte alone
          len = 1;
          cp = 0xFFFD;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    bool combining = cp >= 0x300 && cp <= 0x36F;
    if (!combining) ++width;
    i += len;
  }
  return width;
}

namespace {

enum class Align { Left, Right };

struct Row {
  std::vector<std::string> cells;  // one per column; fewer when `message` is set
  std::string message;             // "non valutato: ..." / "errore: ..." spanning the value columns
};

std::string pad(const std::string& text, std::size_t width, Align align) {
  std::size_t w = displayWidth(text);
  std::string fill(width > w ? width - w : 0, ' ');
  return align == Align::Left ? text + fill : fill + text;
}

void trimRight(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

// One line per fund: how much there was, how much was paid, what is left.
std::string fundLine(const ir::Module& module, const eval::FundOutcome& f) {
  const ir::Fund& fund = module.funds.at(f.fund);
  std::string out = "Fondo «" + fund.name + "»" + detail::fundSchemeText(fund, f) + ": stanziato " +
                    detail::euroText(f.amount, true) + " €";
  auto readFrom = [&](const char* what, const std::vector<std::string>& cells) {  // `... = espressione`: where
    if (cells.empty()) return;
    out += std::string(" (") + what + " dai dati: ";
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? ", " : "") + cells[i];
    out += ")";
  };
  readFrom("importo", f.amountCells);
  readFrom("quota unitaria", f.unitQuotaCells);
  if (f.blocked) return out + ", non ripartito per gli errori segnalati\n";
  out += ", distribuito " + detail::euroText(f.distributed, true) + " € fra " + std::to_string(f.members) +
         (f.members == 1 ? " persona" : " persone");
  out += ", economia " + detail::euroText(f.unspent, true) + " €";
  if (!f.cappedExcess.isZero())
    out += " (di cui " + detail::euroText(f.cappedExcess, true) + " € oltre il massimo per persona, esatti " +
           f.cappedExcess.toFraction() + ")";
  if (f.leftoverCents)
    out += " (" + std::to_string(f.leftoverCents) +
           (f.leftoverCents == 1 ? " centesimo assegnato" : " centesimi assegnati") + " ai resti maggiori)";
  if (f.bonusPersons)
    out += "; maggiorazione art. 81 di " + detail::euroText(roundTo(f.bonusEach, 2, RoundingMode::HalfUp), true) +
           " € (esatta " + f.bonusEach.toFraction() + ") a " + std::to_string(f.bonusPersons) + " su " +
           std::to_string(f.bonusEligible) + " valutati con quota positiva";
  if (f.bonusPersons && fund.bonus && fund.bonus->onTop)
    out += ", in aggiunta al fondo: " + detail::euroText(f.bonusOnTop, true) + " €";
  return out + "\n";
}

}  // namespace

std::string table(const ir::Module& module, const eval::Evaluation& evaluation) {
  const std::vector<std::string> headings = {"Matricola", "Nominativo", "Profilo", "Totale", "Fascia", "Premio"};
  const std::vector<Align> aligns = {Align::Left, Align::Left, Align::Left, Align::Right, Align::Left, Align::Right};
  constexpr std::size_t kFirstValueColumn = 3;  // Totale: where a message row starts

  bool anyName = false;
  std::vector<Row> rows;
  Rational premiSum;
  std::size_t valutate = 0, nonValutate = 0, inErrore = 0;
  for (const eval::PersonResult& p : evaluation.persons) {
    const ir::Profile& profile = at(module.profiles, p.profile, "profilo");
    Row row;
    row.cells = {p.matricola, p.nominativo, profile.name};
    if (!p.nominativo.empty()) anyName = true;
    switch (p.status) {
      case eval::PersonStatus::Valutato: {
        ++valutate;
        // Without a rounding rule the total is exact and may have more
        // decimals than shown: "…" says the shown value is not the whole story.
        std::string totale = detail::totalText(profile, p.total);
        int shown = profile.totalRounding ? std::max(2, profile.totalRounding->decimals) : 2;
        if (!isExactAt(p.total, shown)) totale += "…";
        row.cells.push_back(totale);
        row.cells.push_back(p.band ? at(profile.bands, *p.band, "fascia").label : std::string());
        if (p.premio) {
          row.cells.push_back(detail::euroText(*p.premio, true) + " €");
          premiSum += *p.premio;
        } else {
          row.cells.push_back("");
        }
        break;
      }
      case eval::PersonStatus::NonValutato:
        ++nonValutate;
        row.message = "non valutato" + (p.reason.empty() ? std::string() : ": " + p.reason);
        break;
      case eval::PersonStatus::Errore:
        ++inErrore;
        row.message = "errore" + (p.reason.empty() ? std::string() : ": " + p.reason);
        break;
    }
    rows.push_back(std::move(row));
  }

  // The Nominativo column is left out when the staff list has no names.
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < headings.size(); ++c)
    if (c != 1 || anyName) columns.push_back(c);

  std::vector<std::size_t> widths(headings.size(), 0);
  for (std::size_t c = 0; c < headings.size(); ++c) widths[c] = displayWidth(headings[c]);
  for (const Row& row : rows)
    for (std::size_t c = 0; c < row.cells.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row.cells[c]));

  auto line = [&](const std::vector<std::string>& cells, const std::string& message) {
    std::string out;
    bool first = true;
    for (std::size_t c : columns) {
      if (!message.empty() && c == kFirstValueColumn) {
        out += (first ? "" : "  ") + message;
        break;
      }
      if (c >= cells.size()) break;
      out += (first ? "" : "  ") + pad(cells[c], widths[c], aligns[c]);
      first = false;
    }
    trimRight(out);
    return out + "\n";
  };

  std::string out;
  out += module.ente + " — valutazione della performance, anno " + std::to_string(module.anno) + "\n\n";
  out += line(headings, {});
  std::vector<std::string> rules;
  for (std::size_t w : widths) rules.push_back(std::string(w, '-'));
  out += line(rules, {});
  for (const Row& row : rows) out += line(row.cells, row.message);
  out += "\n";

  std::size_t total = evaluation.persons.size();
  out += "Persone: " + std::to_string(total);
  std::vector<std::string> parts;
  if (valutate) parts.push_back((valutate == 1 ? "valutata " : "valutate ") + std::to_string(valutate));
  if (nonValutate) parts.push_back((nonValutate == 1 ? "non valutata " : "non valutate ") + std::to_string(nonValutate));
  if (inErrore) parts.push_back("in errore " + std::to_string(inErrore));
  if (!parts.empty() && !(parts.size() == 1 && valutate == total)) {
    out += " (";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    out += ")";
  }
  out += "\n";
  out += "Totale premi: " + detail::euroText(premiSum, true) + " €";
  if (inErrore) out += " (escluse le persone in errore)";
  out += "\n";
  out += detail::partsText(module, evaluation);
  for (const eval::FundOutcome& f : evaluation.funds) out += fundLine(module, f);
  out += detail::fundsTotalText(evaluation);
  out += detail::rankingsText(module, evaluation);
  if (!module.modules.empty()) out += "\n" + detail::modulesText(module);
  out += detail::derogaText(evaluation);
  return out;
}

}  // namespace misura::report
