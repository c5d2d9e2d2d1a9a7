#include "runtime/data/data_limits.h"

#include <fmt/format.h>

#include "compiler/support/limits.h"

namespace misura::data {

namespace {

bool numeric(ir::Type type) {
  switch (type) {
    case ir::Type::Numero:
    case ir::Type::Percentuale:
    case ir::Type::Punti:
    case ir::Type::Euro:
    case ir::Type::Giorni: return true;
    case ir::Type::Data:
    case ir::Type::Booleano:
    case ir::Type::Testo: return false;
  }
  return false;
}

}  // namespace

bool fileTooBig(const ir::Dataset& dataset, const std::filesystem::path& path, uint64_t size, Diagnostics& diags) {
  if (size <= limits().dataBytes) return false;
  diags.error("E0590", dataset.fileSpan,
              fmt::format("il file «{}» (dati «{}») è troppo grande: {} byte, al massimo {}", path.string(),
                          dataset.name, formatCount(size), formatCount(limits().dataBytes)),
              "controlla di aver indicato il file giusto; un registro molto grande va diviso per anno o filtrato "
              "prima di darlo a Misura");
  return true;
}

bool tooManyRows(const ir::Dataset& dataset, size_t rows, Span firstOver, Diagnostics& diags) {
  if (rows <= limits().dataRows) return false;
  Diagnostic d{"E0591", Severity::Errore, firstOver,
               fmt::format("il file ha troppe righe di dati: {}, al massimo {}", formatCount(rows),
                           formatCount(limits().dataRows)),
               {Label{dataset.fileSpan, fmt::format("file dei dati «{}»", dataset.name)}},
               "controlla di aver indicato il file giusto; un registro molto grande va diviso per anno o filtrato "
               "prima di darlo a Misura",
               {}};
  diags.report(std::move(d));
  return true;
}

bool tooManyDigits(const CellView& cell, const ir::Field& field, FileDiagnostics& fd) {
  if (!numeric(field.type) || cell.text.size() <= limits().digits) return false;  // cannot have too many
  size_t digits = countDigits(cell.text);
  if (digits <= limits().digits) return false;
  fd.error("E0592", cell.span,
           fmt::format("numero troppo lungo nella colonna «{}»: {} cifre, al massimo {}", field.name,
                       formatCount(digits), formatCount(limits().digits)),
           "la cella non contiene un numero vero: controlla l'esportazione del file");
  return true;
}

}  // namespace misura::data
