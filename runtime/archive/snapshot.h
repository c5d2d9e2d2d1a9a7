// A run as the archive keeps it: what it was computed from (the regolamento's
// text, the modules and data files with their SHA-256) and what it gave (every
// person's exact results and derivation, the funds). The same shape comes from
// a fresh evaluation (takeSnapshot) or from the archive (store.h), so that
// `misura confronta` compares two archived runs, two regolamenti on the same
// data, or one of each, with one piece of code (compare.h).
//
// Exact values are text: a fraction ("175/2") next to the decimal shown in the
// CSV ("87,50"); money is also kept in whole cents. Never a floating point.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/support/source.h"
#include "runtime/eval/results.h"

namespace misura::archive {

struct FileRecord {
  std::string name;    // the data file as the regolamento names it; a module's name
  std::string sha256;  // of its bytes; "" if it could not be read
  uint64_t bytes = 0;
  std::string detail;  // a module: its title and validity ("vigente dal ..."), applied or not;
                       // a data file read through --file: "letto da «path» (--file)"
};

struct PersonRecord {
  std::string matricola, nominativo, profilo;
  std::string stato;   // "valutato", "non valutato", "errore"
  std::string motivo;  // why not evaluated
  std::string totale, totaleEsatto, totaleNonArrotondato;  // "87,50", "175/2", "17499/200"; "" if none
  std::string fascia;
  std::string fasciaPercentuale;                  // "85%"
  std::optional<int64_t> premioCentesimi;         // the premio paid, in cents
  std::string premioEsatto;                       // before rounding to the cent, fraction
  std::string componenti;                         // JSON: [{nome, punti, punti_esatto}]
  std::string derivazione;                        // report::explainJson, paths made relative
};

struct FundRecord {
  std::string nome;
  int64_t stanziato = 0, distribuito = 0, economia = 0;  // cents
  uint32_t persone = 0;
  bool bloccato = false;
};

struct Snapshot {
  // Identity in the archive (0: not archived, a what-if evaluation).
  int64_t id = 0;
  std::string creata;  // UTC, "2026-12-07T13:05:00Z"
  std::string autore, nota;
  bool chiusa = false;
  std::optional<int64_t> sostituisce;
  // Inputs.
  std::string ente;
  int anno = 0;
  std::string regolamento;        // the file name as given
  std::string regolamentoTesto;   // its text
  std::string regolamentoSha256;
  std::string cartellaDati;
  std::vector<FileRecord> moduli, dati;
  std::string deroga;  // `--deroga` reason, "" without one
  // Results, in staff-list order.
  std::vector<PersonRecord> persone;
  std::vector<FundRecord> fondi;
  std::string risultatiCsv;  // report::csv(): the file payroll got, byte for byte
};

// The snapshot of an evaluation made with eval::Options::trace (the
// derivations need the traces). `compiled` is the compiled module (its plan
// is taken from the evaluation), `sources` the SourceManager of the
// compilation and evaluation, `regolamento` and `dataDir` as given to them.
Snapshot takeSnapshot(const ir::Module& compiled, const eval::Evaluation& evaluation, const SourceManager& sources,
                      const std::string& regolamento, const std::string& dataDir);

// The current UTC time, "2026-12-07T13:05:00Z".
std::string utcNow();

// Sum of the premi paid, in cents.
int64_t premiCentesimi(const Snapshot& s);

}  // namespace misura::archive
