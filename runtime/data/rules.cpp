#include "runtime/data/rules.h"

#include <map>

#include <fmt/format.h>

namespace misura::data {

namespace {

// The range as the regolamento wrote it: "da 0 escluso a 1", "fino a 100%".
std::string describeRange(const ir::FieldRules& r) {
  std::string out;
  if (r.lower) out += "da " + r.lower->written + (r.lower->exclusive ? " escluso" : "");
  if (r.upper) out += std::string(out.empty() ? "fino a " : " a ") + r.upper->written + (r.upper->exclusive ? " escluso" : "");
  return out;
}

// The value as a segretario reads it: a percentuale in percent.
std::string shown(const ir::Field& f, const Rational& q) {
  if (f.type == ir::Type::Percentuale) return formatExact(q * Rational(100)) + "%";
  return formatExact(q);
}

// A canonical text of a value, for comparing rows.
std::string canonical(const ir::Value& v) {
  if (const Rational* q = std::get_if<Rational>(&v)) return "n" + q->toFraction();
  if (const Date* d = std::get_if<Date>(&v)) return "d" + formatItalian(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "b1" : "b0";
  if (const std::string* s = std::get_if<std::string>(&v)) return "t" + *s;
  return "-";
}

}  // namespace

void ColumnStats::note(std::string_view text, const ir::Value& value) {
  const Rational* q = std::get_if<Rational>(&value);
  if (!q) return;
  ++values;
  if (text.find('%') != std::string_view::npos) percentSign = true;
  // A percentuale cell "0,9" is stored as 0,9% = 9/1000: as written it is 0,9,
  // that is at most 1 when the value is at most 1/100.
  static const Rational kOneWritten(1, 100);
  if (q->sign() < 0 || *q > kOneWritten) allUpToOne = false;
  if (q->sign() > 0) anyPositive = true;
}

bool checkFieldRules(const ir::Field& field, const ir::Value& value, Span cell, FileDiagnostics& fd) {
  const Rational* q = std::get_if<Rational>(&value);
  if (!q || !field.rules.any()) return true;
  const ir::FieldRules& r = field.rules;
  if (r.nonNegative && q->sign() < 0) {
    fd.error("E0542", cell, fmt::format("«{}» non può essere negativo: qui vale {}", field.name, shown(field, *q)),
             "il regolamento dichiara il campo «non negativo»: correggi il valore nel file");
    return false;
  }
  if (r.integer) {
    Rational whole = field.type == ir::Type::Percentuale ? *q * Rational(100) : *q;
    if (!whole.isInteger()) {
      fd.error("E0541", cell, fmt::format("«{}» deve essere un numero intero: qui vale {}", field.name, shown(field, *q)),
               "il regolamento dichiara il campo «intero»: correggi il valore nel file");
      return false;
    }
  }
  bool below = r.lower && (r.lower->exclusive ? *q <= r.lower->value : *q < r.lower->value);
  bool above = r.upper && (r.upper->exclusive ? *q >= r.upper->value : *q > r.upper->value);
  if (below || above) {
    fd.error("E0540", cell,
             fmt::format("{} è fuori dai valori ammessi per «{}»: {}", shown(field, *q), field.name, describeRange(r)),
             "il regolamento dichiara questi limiti per il campo: correggi il valore nel file, oppure il limite nel "
             "regolamento se è sbagliato quello");
    return false;
  }
  return true;
}

void warnPercentages(const ir::Dataset& ds, const std::vector<ColumnStats>& stats, const Table& table,
                     FileDiagnostics& fd) {
  for (size_t f = 0; f < ds.fields.size() && f < stats.size(); ++f) {
    const ColumnStats& s = stats[f];
    if (ds.fields[f].type != ir::Type::Percentuale || s.values == 0 || s.percentSign || !s.allUpToOne || !s.anyPositive)
      continue;
    Span at = table.header;
    for (const Row& row : table.rows)
      if (const ir::Value v = row.values.at(f); std::get_if<Rational>(&v) && std::get<Rational>(v).sign() > 0) {
        at = row.spans.at(f);
        break;
      }
    const std::string& column = ds.fields[f].column.empty() ? ds.fields[f].name : ds.fields[f].column;
    fd.report(Diagnostic{
        "W0540", Severity::Avviso, at,
        fmt::format("tutti i valori della colonna «{}» sono tra 0 e 1: 0,9 vuol dire 0,9 %: forse 90 %?", column),
        {},
        "nelle percentuali 90 (o 90%) vuol dire 90 %; se il file scrive le percentuali come frazioni "
        "(0,9 per 90 %), scrivile con il segno % o moltiplica per 100; se 0,9 % è giusto, ignora l'avviso",
        {}});
  }
}

void checkUnique(const ir::Dataset& ds, const Table& table, const SourceManager& sources, FileDiagnostics& fd) {
  if (ds.unique.empty()) return;
  // Each unique column: a key column (by position) or a field.
  std::vector<std::pair<bool, size_t>> where;
  for (const std::string& u : ds.unique) {
    bool found = false;
    for (size_t k = 0; k < ds.key.size() && !found; ++k)
      if (ds.key[k].column == u) where.emplace_back(true, k), found = true;
    for (size_t f = 0; f < ds.fields.size() && !found; ++f)
      if (ds.fields[f].name == u) where.emplace_back(false, f), found = true;
    if (!found) throw InternalError{fmt::format("colonna «{}» di unico non trovata", u)};
  }
  std::map<std::vector<std::string>, size_t> seen;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    std::vector<std::string> values;
    std::string described;
    for (size_t i = 0; i < where.size(); ++i) {
      auto [isKey, at] = where[i];
      const ir::Value value = isKey ? ir::Value{} : row.values.at(at);
      std::string text = isKey ? (at < row.key.size() ? row.key[at] : std::string()) : canonical(value);
      std::string plain = isKey ? text : text.substr(1);
      if (!isKey) {
        if (const Rational* q = std::get_if<Rational>(&value)) plain = shown(ds.fields[at], *q);
        else if (const Date* d = std::get_if<Date>(&value)) plain = formatItalian(*d);
      }
      described += fmt::format("{}{} «{}»", i ? ", " : "", ds.unique[i], plain);
      values.push_back(std::move(text));
    }
    auto [it, inserted] = seen.emplace(values, r);
    if (inserted) continue;
    const Row& first = table.rows[it->second];
    uint32_t firstLine = sources.lineCol(first.span.file, first.span.begin).line;
    fd.report(Diagnostic{"E0543", Severity::Errore, row.span,
                         fmt::format("riga ripetuta: {} compare già alla riga {}", described, firstLine),
                         {Label{first.span, "prima riga con gli stessi valori"}},
                         fmt::format("il regolamento dichiara unico ({}): due righe così non si sommano né si "
                                     "mediano; tieni quella giusta e cancella l'altra",
                                     [&] {
                                       std::string s;
                                       for (size_t i = 0; i < ds.unique.size(); ++i) s += (i ? ", " : "") + ds.unique[i];
                                       return s;
                                     }()),
                         {}});
  }
}

}  // namespace misura::data
