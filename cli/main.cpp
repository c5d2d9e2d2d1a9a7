// The `misura` command line.
//
// Every command also takes --anno AAAA (the evaluation year) and --moduli DIR
// (repeatable: where to look for modules first), see docs/linguaggio.md § 13.
//
//   misura verifica FILE [--personale FILE] [--formato testo|json]
//                                             check a regolamento and its legal requirements
//   misura valuta FILE --dati DIR [--formato testo|csv|json] [--uscita FILE]
//   misura spiega FILE --dati DIR --persona MATRICOLA [--formato testo|json] [--uscita FILE]
//   misura scheda FILE --dati DIR (--persona MATRICOLA | --tutte --cartella DIR)
//                 [--formato html|pdf] [--uscita FILE]   the scheda di valutazione to sign
//   misura graduatoria FILE --dati DIR [--formato html|pdf] [--uscita FILE]
//                                             ranking, premi by band, funds, charts
//   misura prova FILE                         run the worked cases written in it
//   misura archivia FILE --dati DIR [--archivio DB] [--autore TESTO] [--nota TESTO] [--deroga MOTIVO]
//                                             evaluate and record the run in the archive (SQLite;
//                                             default archivio.misura.db beside FILE)
//   misura chiudi --anno AAAA [--archivio DB] [--ente NOME]
//                                             close a year: its runs become immutable
//   misura storico [--archivio DB] [--esecuzione N | --elimina N]
//                                             list the archived runs (or print one's results CSV,
//                                             or remove an open one)
//   misura confronta A B [--archivio DB] [--dati DIR] [--persona MATRICOLA] [--formato testo|json]
//                    [--uscita FILE]          compare two runs (numbers), two regolamenti on
//                                             --dati («e se...»), or one of each: what changed and why
//   misura ast FILE                           print the AST back as source
//   misura ir FILE                            print the evaluation plan
//
// Exit codes: 0 ok; 1 diagnostics (errors in the regolamento, in the data or
// in the evaluation); 2 command-line usage; 3 internal error (a bug of
// misura, never of the regolamento). Diagnostics go to stderr, results to
// stdout (or to the --uscita file, written atomically). Every message is in
// Italian, CLI11's own parse errors included: they are caught and replaced.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/archivio.h"
#include "cli/commands.h"
#include "cli/documenti.h"
#include "cli/mostra.h"
#include "cli/legge.h"
#include "cli/prova.h"
#include "cli/spiega.h"
#include "cli/verifica.h"
#include "compiler/ast/print.h"
#include "compiler/driver/driver.h"
#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"
#include "runtime/eval/evaluate.h"
#include "runtime/report/report.h"


namespace {

using namespace misura;
using namespace misura::cli;

const char* const kVersion = "misura 0.1";

// ---- commands ----------------------------------------------------------------

int cmdAst(const std::string& file, const CompileOptions& options) {
  Compilation c;
  if (auto failed = compile(file, c, Stage::Syntax, options)) return *failed;
  if (!c.ast) throw InternalError{"il parser non ha prodotto l'AST"};
  std::cout << ast::print(*c.ast);
  return kOk;
}

int cmdIr(const std::string& file, const CompileOptions& options) {
  Compilation c;
  if (auto failed = compile(file, c, Stage::Lower, options)) return *failed;
  if (!c.module) throw InternalError{"il compilatore non ha prodotto il piano di valutazione"};
  std::cout << ir::print(*c.module);
  return kOk;
}

struct ValutaOptions {
  std::string file;
  std::string dataDir;
  report::Format format = report::Format::Testo;
  std::optional<std::string> output;
  CompileOptions compile;
  std::optional<std::string> deroga;     // --deroga "motivo" (cli/legge.h)
  std::optional<std::string> riepilogo;  // --riepilogo FILE.csv: the funds' summary
  bool tempi = false;                    // --tempi: the phases' seconds on stderr
  unsigned threads = 0;                  // --thread N: at most N threads for the scores; 0: one per core
};

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// `text` as a whole number from 1 to `max` (at most 7 digits), or nullopt.
std::optional<uint32_t> wholeNumber(const std::string& text, uint32_t max) {
  bool digits = !text.empty() && text.size() <= 7 && text.find_first_not_of("0123456789") == std::string::npos;
  uint32_t n = digits ? static_cast<uint32_t>(std::stoul(text)) : 0;
  if (n < 1 || n > max) return std::nullopt;
  return n;
}

// --thread N: a whole number from 1 to 256.
unsigned threadCount(const std::string& text) {
  if (std::optional<uint32_t> n = wholeNumber(text, 256)) return *n;
  throw UsageError{"--thread vuole un numero intero da 1 a 256, non " + inQuotes(text),
                   "per esempio --thread 2; senza --thread i thread sono uno per processore"};
}

// --tempi: the in-process seconds of each phase, on stderr (steady clock).
void printTimings(double compilation, const eval::Timings& t, double writing) {
  char line[256];
  std::snprintf(line, sizeof line,
                "tempi: compilazione %.6f s\ntempi: lettura dei dati %.6f s\ntempi: punteggi %.6f s\n"
                "tempi: fondi %.6f s\ntempi: scrittura %.6f s\n",
                compilation, t.read, t.score, t.split, writing);
  std::cerr << line;
  std::snprintf(line, sizeof line,
                "motore: %u espressioni su %u compilate sugli interi; %llu calcoli fatti sugli interi, gli altri "
                "dall'interprete\n",
                t.integerChunks, t.numberChunks, static_cast<unsigned long long>(t.integerRuns));
  std::cerr << line;
  if (t.nativeChunks) {
    std::snprintf(line, sizeof line, "motore: %u espressioni in codice macchina (JIT, %.6f s)\n", t.nativeChunks, t.jit);
    std::cerr << line;
  }
  std::cerr << std::flush;
}

// --riepilogo FILE.csv (or `-`: on stdout, after the results): the funds'
// summary, written only when the evaluation has no errors.
bool writeSummary(const ValutaOptions& opt, const ir::Module& m, const eval::Evaluation& ev) {
  if (!opt.riepilogo) return true;
  std::string summary = report::fundsCsv(m, ev);
  if (*opt.riepilogo == "-") {
    std::cout << summary;
    return true;
  }
  std::string error;
  if (report::writeFileAtomically(*opt.riepilogo, summary, error)) return true;
  printPlainError("E0702", "impossibile scrivere il riepilogo dei fondi: " + error,
                  "controlla il percorso dato con --riepilogo e i permessi della cartella");
  return false;
}

int cmdValuta(const ValutaOptions& opt) {
  Clock::time_point started = Clock::now();
  Compilation c;
  if (std::optional<int> failed = compileForEvaluation(opt.file, opt.dataDir, opt.output, opt.compile, c,
                                                       "nessun punteggio calcolato", "risultati.csv"))
    return *failed;

  if (opt.riepilogo && *opt.riepilogo != "-")
    if (std::optional<std::string> clash = inputClash(*opt.riepilogo, opt.file, opt.dataDir, *c.module)) {
      printPlainError("E0702", "il riepilogo " + inQuotes(*opt.riepilogo) + " è " + *clash + ": non lo sovrascrivo",
                      "scegli con --riepilogo un altro nome, per esempio fondi.csv");
      return kDiagnostics;
    }

  double compilation = secondsSince(started);
  eval::Timings timings;
  eval::Options options;
  options.dataDir = opt.dataDir;
  if (opt.tempi) options.timings = &timings;
  options.threads = opt.threads;
  options.exactShares = opt.format == report::Format::Json;  // the only one of valuta's formats that shows them
  std::vector<Diagnostic> fresh;
  std::optional<eval::Evaluation> evaluation = evaluateCompiled(c, options, "nessun punteggio calcolato", fresh);
  if (!evaluation) return kDiagnostics;
  if (!fresh.empty()) std::cerr << misura::render(c.sources, fresh) << std::flush;

  if (std::optional<int> refused = checkLaw(c, *evaluation, opt.deroga, "nessun premio pagato, nessun risultato scritto"))
    return *refused;

  size_t personsInError = 0;
  for (const eval::PersonResult& p : evaluation->persons)
    if (p.status == eval::PersonStatus::Errore) ++personsInError;
  bool failed = c.diags.hasErrors() || personsInError > 0;

  Clock::time_point writing = Clock::now();
  const ir::Module& plan = eval::planOf(*c.module, *evaluation);
  std::string text;
  if (opt.format != report::Format::Xlsx) {
    text = report::render(opt.format, plan, *evaluation, c.sources);
  } else if (std::string error; std::optional<std::string> bytes = report::xlsx(plan, *evaluation, error)) {
    text = std::move(*bytes);
  } else {
    printPlainError("E0702", error, "controlla lo spazio e i permessi della cartella temporanea");
    return kDiagnostics;
  }
  if (opt.output) {
    if (failed) {
      // A results file with holes must not replace a good one that payroll
      // may be reading: the previous file, if any, stays as it is.
      std::cerr << "il file " << *opt.output << " non è stato scritto perché la valutazione ha "
                << plural(c.diags.errorCount(), "errore", "errori") << "\n";
      return kDiagnostics;
    }
    std::string error;
    if (!writeSummary(opt, plan, *evaluation)) return kDiagnostics;
    if (!report::writeFileAtomically(*opt.output, text, error)) {
      printPlainError("E0702", "impossibile scrivere i risultati: " + error,
                      "controlla il percorso dato con --uscita e i permessi della cartella");
      return kDiagnostics;
    }
    if (opt.tempi) printTimings(compilation, timings, secondsSince(writing));
    std::cout << "risultati di " << plural(evaluation->persons.size(), "persona", "persone") << " scritti in "
              << *opt.output << "\n";
    return kOk;
  }

  std::cout << text << std::flush;
  if (!failed && !writeSummary(opt, plan, *evaluation)) return kDiagnostics;
  if (opt.tempi) printTimings(compilation, timings, secondsSince(writing));
  if (failed) {
    if (personsInError > 0)
      std::cerr << (personsInError == 1 ? std::string("1 persona in errore: il suo punteggio non è stato calcolato")
                                        : std::to_string(personsInError) +
                                              " persone in errore: i loro punteggi non sono stati calcolati")
                << " (vedi i messaggi sopra)\n";
    else
      std::cerr << "la valutazione ha " << plural(c.diags.errorCount(), "errore", "errori") << "\n";
    return kDiagnostics;
  }
  return kOk;
}

// ---- command line --------------------------------------------------------------

// The value of a numeric option: a whole number from 1 to 1.000.000, else a usage error.
uint32_t positive(const std::string& value, const char* option) {
  if (std::optional<uint32_t> n = wholeNumber(value, 1000000)) return *n;
  throw UsageError{std::string("l'opzione ") + option + " vuole un numero intero da 1 a 1000000, non " + inQuotes(value)};
}

// The first "-x" or "--xyz" word of a CLI11 message: the option it is about.
std::string optionIn(const std::string& message) {
  size_t start = 0;
  while (start < message.size()) {
    size_t end = message.find_first_of(" :,", start);
    if (end == std::string::npos) end = message.size();
    std::string word = message.substr(start, end - start);
    if (word.size() > 1 && word[0] == '-') return word;
    start = end + 1;
  }
  return {};
}

// Italian labels for CLI11's help layout.
std::shared_ptr<CLI::Formatter> italianFormatter() {
  auto f = std::make_shared<CLI::Formatter>();
  f->label("Usage", "Uso");
  f->label("OPTIONS", "OPZIONI");
  f->label("SUBCOMMAND", "COMANDO");
  f->label("SUBCOMMANDS", "COMANDI");
  f->label("Positionals", "Argomenti");
  f->label("REQUIRED", "(obbligatorio)");
  f->label("TEXT", "TESTO");
  f->column_width(34);
  return f;
}

// One option that takes a value, kept as a list so a repetition can be told
// apart (and reported) instead of silently taking one of the values.
struct ValueOption {
  std::vector<std::string> values;
  CLI::Option* option = nullptr;

  void add(CLI::App* app, const std::string& names, const std::string& description, const std::string& type) {
    option = app->add_option(names, values, description)
                 ->type_name(type)
                 ->expected(1)
                 ->allow_extra_args(false)  // one value per occurrence: `--dati d FILE` leaves FILE alone
                 ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  std::optional<std::string> get(const std::string& shown) const {
    if (values.empty()) return std::nullopt;
    if (values.size() > 1) throw UsageError{"l'opzione " + shown + " è data più volte"};
    return values.front();
  }
};

// The value of an option that must not be empty when given.
std::optional<std::string> nonEmpty(const ValueOption& option, const std::string& shown, const std::string& what) {
  std::optional<std::string> value = option.get(shown);
  if (value && value->empty()) throw UsageError{"l'opzione " + shown + " richiede " + what};
  return value;
}

// Rejects the words CLI11 could not place: an unknown command or option,
// an argument too many.
void checkRemaining(const CLI::App& app, const std::string& context) {
  for (const std::string& word : app.remaining()) {
    if (word.size() > 1 && word[0] == '-')
      throw UsageError{"opzione sconosciuta " + inQuotes(word) + context};
    throw UsageError{"argomento in più " + inQuotes(word) + context};
  }
}

// --anno and --moduli, which every command that compiles takes.
struct CompileArgs {
  ValueOption anno;
  std::vector<std::string> moduli;
  std::vector<std::string> files;  // --file DICHIARATO=EFFETTIVO

  void add(CLI::App* cmd) {
    anno.add(cmd, "--anno", "l'anno di valutazione, invece di quello del regolamento",
             "AAAA");
    cmd->add_option("--moduli", moduli, "dove cercare per prima i moduli (`usa`); ripetibile")
        ->type_name("CARTELLA")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd->add_option("--file", files,
                    "legge il file di dati DICHIARATO dal percorso EFFETTIVO (per esempio un file rettificato); "
                    "ripetibile")
        ->type_name("DICHIARATO=EFFETTIVO")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }

  // "peg_2025.xlsx=rettifiche/peg.xlsx": the declared name and the file to
  // read instead, made absolute (the data folder does not apply to it).
  static std::pair<std::string, std::string> dataFile(const std::string& spec) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      throw UsageError{"--file vuole DICHIARATO=EFFETTIVO, non " + inQuotes(spec),
                       "per esempio --file peg_2025.xlsx=peg_2025_rettificato.xlsx"};
    return {spec.substr(0, eq), std::filesystem::absolute(spec.substr(eq + 1)).lexically_normal().string()};
  }

  CompileOptions options(const char* argv0) const {
    CompileOptions opt;
    if (std::optional<std::string> year = anno.get("--anno")) opt.year = parseYear(*year);
    for (const std::string& dir : moduli) {
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec))
        throw UsageError{"la cartella dei moduli " + inQuotes(dir) + " non esiste",
                         "controlla il percorso dato con --moduli"};
    }
    opt.moduleDirs = moduli;
    opt.stdlibDirs = stdlibDirs(argv0);
    for (const std::string& spec : files) opt.dataFiles.push_back(dataFile(spec));
    return opt;
  }

  static int parseYear(const std::string& text) {
    bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    int year = digits ? std::stoi(text) : 0;
    if (year < 2000 || year > 2100)
      throw UsageError{"anno non valido " + inQuotes(text) + " per --anno", "scrivi l'anno con quattro cifre, per esempio --anno 2024"};
    return year;
  }
};

// The options of `misura spiega`.
struct SpiegaArgs {
  ValueOption dati, persona, formato, uscita;

  void add(CLI::App* cmd) {
    dati.add(cmd, "--dati", "la cartella dei file CSV dei dati (obbligatoria)", "CARTELLA");
    persona.add(cmd, "--persona", "la matricola della persona da spiegare (obbligatoria)", "MATRICOLA");
    formato.add(cmd, "--formato", "testo (predefinito) o json; con --uscita FILE.json il formato segue l'estensione",
                "FORMATO");
    uscita.add(cmd, "--uscita", "scrive la spiegazione in FILE invece che sul terminale", "FILE");
  }

  SpiegaOptions options(const std::string& file) const {
    SpiegaOptions opt;
    opt.file = file;
    std::optional<std::string> dir = dati.get("--dati");
    if (!dir)
      throw UsageError{"manca l'opzione --dati: la cartella dei file dei dati",
                       "scrivi per esempio `misura spiega " + file + " --dati dati --persona MATRICOLA`"};
    opt.dataDir = *dir;
    std::optional<std::string> matricola = persona.get("--persona");
    if (!matricola || matricola->empty())
      throw UsageError{"manca l'opzione --persona: la matricola della persona da spiegare",
                       "scrivi per esempio `misura spiega " + file + " --dati " + *dir + " --persona MATRICOLA`"};
    opt.matricola = *matricola;
    opt.output = uscita.get("--uscita");
    if (opt.output && opt.output->empty()) throw UsageError{"l'opzione --uscita richiede il nome di un file"};
    std::optional<std::string> fmt = formatName(formato.get("--formato"), opt.output);
    if (fmt && *fmt != "testo" && *fmt != "json")
      throw UsageError{"formato sconosciuto " + inQuotes(*fmt) + " per spiega: i formati sono testo, json"};
    opt.json = fmt && *fmt == "json";
    return opt;
  }
};

// The options of `misura scheda` and `misura graduatoria`.
struct DocumentArgs {
  ValueOption dati, formato, uscita, deroga, persona, cartella;
  bool tutte = false;
  bool pubblicazione = false;

  void add(CLI::App* cmd, bool scheda) {
    dati.add(cmd, "--dati", "la cartella dei file CSV dei dati (obbligatoria)", "CARTELLA");
    if (scheda) {
      persona.add(cmd, "--persona", "la matricola della persona", "MATRICOLA");
      cmd->add_flag("--tutte", tutte, "una scheda per ogni persona, nella cartella data con --cartella");
      cartella.add(cmd, "--cartella", "con --tutte: dove scrivere le schede (MATRICOLA.html o .pdf)", "CARTELLA");
    } else {
      cmd->add_flag("--pubblicazione", pubblicazione,
                    "solo i dati aggregati, senza nomi né matricole (art. 20 D.Lgs. 33/2013)");
    }
    formato.add(cmd, "--formato", "html (predefinito) o pdf (stampato con Chromium, solo in un file)", "FORMATO");
    uscita.add(cmd, "--uscita", "scrive il documento in FILE invece che sul terminale; FILE.pdf vuol dire --formato pdf",
               "FILE");
    deroga.add(cmd, "--deroga", "come per valuta: premi anche sotto un requisito di legge non rispettato", "MOTIVO");
  }

  void fill(DocumentOptions& opt, const std::string& command, const std::string& file) const {
    opt.file = file;
    std::optional<std::string> dir = dati.get("--dati");
    if (!dir)
      throw UsageError{"manca l'opzione --dati: la cartella dei file dei dati",
                       "scrivi per esempio `misura " + command + " " + file + " --dati dati`"};
    opt.dataDir = *dir;
    opt.output = uscita.get("--uscita");
    if (opt.output && opt.output->empty()) throw UsageError{"l'opzione --uscita richiede il nome di un file"};
    std::optional<std::string> fmt = formato.get("--formato");
    if (fmt)
      for (char& ch : *fmt) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!fmt && opt.output && std::filesystem::path(*opt.output).extension() == ".pdf") fmt = "pdf";
    if (fmt && *fmt != "html" && *fmt != "pdf")
      throw UsageError{"formato sconosciuto " + inQuotes(*fmt) + " per " + command + ": i formati sono html, pdf"};
    opt.pdf = fmt && *fmt == "pdf";
    opt.deroga = deroga.get("--deroga");
    if (opt.deroga && opt.deroga->empty()) throw UsageError{"l'opzione --deroga richiede il motivo, tra virgolette"};
  }

  SchedaOptions scheda(const std::string& file) const {
    SchedaOptions opt;
    fill(opt, "scheda", file);
    opt.matricola = persona.get("--persona");
    opt.folder = cartella.get("--cartella");
    if (opt.matricola && opt.matricola->empty()) throw UsageError{"l'opzione --persona richiede una matricola"};
    if (opt.folder && opt.folder->empty()) throw UsageError{"l'opzione --cartella richiede il nome di una cartella"};
    if (opt.matricola && tutte) throw UsageError{"--persona e --tutte insieme: scegli una persona o tutte"};
    if (tutte && !opt.folder)
      throw UsageError{"con --tutte serve --cartella: la cartella dove scrivere una scheda per persona",
                       "scrivi per esempio `misura scheda " + file + " --dati " + opt.dataDir + " --tutte --cartella schede`"};
    if (opt.folder && !tutte) throw UsageError{"--cartella va con --tutte", "aggiungi --tutte, oppure usa --persona"};
    if (tutte && opt.output) throw UsageError{"con --tutte le schede vanno nella --cartella, non in --uscita"};
    if (!tutte && !opt.matricola)
      throw UsageError{"manca l'opzione --persona: la matricola della persona (o --tutte --cartella DIR)",
                       "scrivi per esempio `misura scheda " + file + " --dati " + opt.dataDir + " --persona MATRICOLA`"};
    if (opt.pdf && !opt.output && !tutte)
      throw UsageError{"il formato pdf si scrive in un file", "aggiungi per esempio --uscita scheda.pdf"};
    return opt;
  }

  DocumentOptions graduatoria(const std::string& file) const {
    DocumentOptions opt;
    fill(opt, "graduatoria", file);
    opt.publication = pubblicazione;
    if (opt.pdf && !opt.output)
      throw UsageError{"il formato pdf si scrive in un file", "aggiungi per esempio --uscita graduatoria.pdf"};
    return opt;
  }
};

int run(int argc, char** argv) {
  CLI::App app{"Misura: verifica un regolamento di valutazione della performance e lo applica ai dati dell'anno.",
               "misura"};
  app.formatter(italianFormatter());
  app.option_defaults()->group("Opzioni");
  app.set_help_flag("-h,--aiuto,--help", "mostra questo aiuto ed esce");
  app.set_version_flag("--versione,--version", kVersion, "mostra la versione ed esce");
  app.allow_extras();
  // At most one command: a second command name is then an extra argument.
  app.require_subcommand(0, 1);
  app.footer(
      "Codici di uscita: 0 tutto bene; 1 errori nel regolamento, nei dati o nella valutazione;\n"
      "2 riga di comando sbagliata; 3 errore interno di misura.\n"
      "Aiuto di un comando: misura COMANDO --aiuto. Il linguaggio è descritto in docs/linguaggio.md.\n"
      "L'archivio delle valutazioni (archivia, chiudi, storico, confronta) è il file archivio.misura.db:\n"
      "vedi docs/guida.md, «L'archivio delle valutazioni».");

  std::string fileHelp = "il file del regolamento (.misura)";

  // Each command takes one FILE; a second word is left to remaining() and
  // reported by checkRemaining().
  CLI::App* verifica = app.add_subcommand("verifica", "controlla il regolamento senza calcolare nulla");
  std::string verificaFile;
  verifica->add_option("FILE", verificaFile, fileHelp)->type_name("");
  ValueOption verificaPersonale, verificaFormato;
  verificaPersonale.add(verifica, "--personale",
                        "l'elenco del personale (CSV): la conformità si verifica persona per persona", "FILE");
  verificaFormato.add(verifica, "--formato", "testo (predefinito) o json", "FORMATO");

  CLI::App* valuta = app.add_subcommand("valuta", "calcola punteggi, fasce e premi dai dati dell'anno");
  std::string valutaFile;
  valuta->add_option("FILE", valutaFile, fileHelp)->type_name("");
  ValueOption dati, formato, uscita;
  dati.add(valuta, "--dati", "la cartella dei file CSV dei dati (obbligatoria)", "CARTELLA");
  formato.add(valuta, "--formato",
              "testo (tabella, predefinito), csv, json o xlsx (solo con --uscita); con --uscita FILE.csv, "
              "FILE.json o FILE.xlsx il formato segue l'estensione",
              "FORMATO");
  uscita.add(valuta, "--uscita", "scrive i risultati in FILE invece che sul terminale", "FILE");
  ValueOption deroga, riepilogo;
  deroga.add(valuta, "--deroga",
             "paga i premi anche se un requisito di legge non è rispettato, con il motivo (riportato nei risultati)",
             "MOTIVO");
  riepilogo.add(valuta, "--riepilogo", "scrive in FILE.csv il riepilogo dei fondi (stanziato, distribuito, economia)",
                "FILE");
  ValueOption thread;
  thread.add(valuta, "--thread",
             "legge i CSV grandi e calcola i punteggi con al più N thread (predefinito: uno per processore); "
             "i risultati non cambiano",
             "N");
  bool tempi = false;
  valuta->add_flag("--tempi", tempi,
                   "stampa sullo standard error i secondi di compilazione, lettura dei dati, punteggi, fondi e "
                   "scrittura");

  CLI::App* spiega =
      app.add_subcommand("spiega", "spiega passo per passo punteggio, fascia e premio di una persona");
  std::string spiegaFile;
  spiega->add_option("FILE", spiegaFile, fileHelp)->type_name("");
  SpiegaArgs spiegaArgs;
  spiegaArgs.add(spiega);
  ValueOption spiegaDeroga;
  spiegaDeroga.add(spiega, "--deroga", "come per valuta: spiega il premio anche sotto un requisito non rispettato",
                   "MOTIVO");

  CLI::App* schedaCmd = app.add_subcommand(
      "scheda", "scrive la scheda di valutazione da firmare, di una persona o di tutte (HTML o PDF)");
  std::string schedaFile;
  schedaCmd->add_option("FILE", schedaFile, fileHelp)->type_name("");
  DocumentArgs schedaArgs;
  schedaArgs.add(schedaCmd, true);

  CLI::App* graduatoriaCmd = app.add_subcommand(
      "graduatoria", "scrive la graduatoria, la distribuzione dei premi per fascia e i fondi (HTML o PDF)");
  std::string graduatoriaFile;
  graduatoriaCmd->add_option("FILE", graduatoriaFile, fileHelp)->type_name("");
  DocumentArgs graduatoriaArgs;
  graduatoriaArgs.add(graduatoriaCmd, false);

  CLI::App* provaCmd =
      app.add_subcommand("prova", "esegue le prove scritte nel regolamento e ne controlla i risultati");
  std::string provaFile;
  provaCmd->add_option("FILE", provaFile, fileHelp)->type_name("");

  CLI::App* mostraCmd =
      app.add_subcommand("mostra", "mostra le prime righe di un file di dati (CSV o XLSX) come Misura le legge");
  std::string mostraFile;
  mostraCmd->add_option("FILE", mostraFile, "il file di dati (.csv o .xlsx)")->type_name("");
  ValueOption mostraFoglio, mostraIntestazione, mostraRighe;
  mostraFoglio.add(mostraCmd, "--foglio", "il foglio della cartella di lavoro", "NOME");
  mostraIntestazione.add(mostraCmd, "--intestazione", "la riga dei nomi delle colonne", "N");
  mostraRighe.add(mostraCmd, "--righe", "quante righe di dati mostrare (10 se non indicato)", "N");

  CLI::App* archivia =
      app.add_subcommand("archivia", "valuta e registra l'esecuzione nell'archivio delle valutazioni");
  std::string archiviaFile;
  archivia->add_option("FILE", archiviaFile, fileHelp)->type_name("");
  ValueOption archiviaDati, archiviaArchivio, archiviaAutore, archiviaNota, archiviaDeroga;
  archiviaDati.add(archivia, "--dati", "la cartella dei file CSV dei dati (obbligatoria)", "CARTELLA");
  archiviaArchivio.add(archivia, "--archivio",
                       "il file dell'archivio (predefinito: archivio.misura.db nella cartella di lavoro)", "FILE");
  archiviaAutore.add(archivia, "--autore", "chi registra l'esecuzione (testo libero)", "TESTO");
  archiviaNota.add(archivia, "--nota", "una nota sull'esecuzione (testo libero)", "TESTO");
  archiviaDeroga.add(archivia, "--deroga", "come per valuta: paga i premi anche se un requisito di legge non è rispettato",
                     "MOTIVO");

  CLI::App* chiudi = app.add_subcommand("chiudi", "chiude un anno nell'archivio: le sue esecuzioni non si modificano più");
  ValueOption chiudiArchivio, chiudiEnte;
  chiudiArchivio.add(chiudi, "--archivio", "il file dell'archivio (predefinito: archivio.misura.db)", "FILE");
  chiudiEnte.add(chiudi, "--ente", "chiude solo le esecuzioni di questo ente", "NOME");

  CLI::App* storico = app.add_subcommand("storico", "elenca le esecuzioni archiviate");
  ValueOption storicoArchivio, storicoEsecuzione, storicoElimina;
  storicoArchivio.add(storico, "--archivio", "il file dell'archivio (predefinito: archivio.misura.db)", "FILE");
  storicoEsecuzione.add(storico, "--esecuzione",
                        "mostra i risultati dell'esecuzione N (il CSV di valuta, com'era quel giorno)", "N");
  storicoElimina.add(storico, "--elimina", "elimina l'esecuzione N, se il suo anno non è chiuso", "N");

  CLI::App* confronta = app.add_subcommand(
      "confronta", "confronta due esecuzioni archiviate o due regolamenti sugli stessi dati: che cosa cambia e perché");
  std::string confrontaA, confrontaB;
  confronta->add_option("A", confrontaA, "il numero di un'esecuzione archiviata o un regolamento (.misura)")->type_name("");
  confronta->add_option("B", confrontaB, "l'altra esecuzione o l'altro regolamento")->type_name("");
  ValueOption confrontaArchivio, confrontaDati, confrontaPersona, confrontaFormato, confrontaUscita, confrontaDeroga;
  confrontaArchivio.add(confronta, "--archivio", "il file dell'archivio (predefinito: archivio.misura.db)", "FILE");
  confrontaDati.add(confronta, "--dati", "la cartella dei dati su cui valutare i regolamenti dati come A o B", "CARTELLA");
  confrontaPersona.add(confronta, "--persona", "mostra solo questa matricola", "MATRICOLA");
  confrontaFormato.add(confronta, "--formato", "testo (predefinito) o json; con --uscita FILE.json il formato segue l'estensione",
                       "FORMATO");
  confrontaUscita.add(confronta, "--uscita", "scrive il confronto in FILE invece che sul terminale", "FILE");
  confrontaDeroga.add(confronta, "--deroga", "come per valuta, per i regolamenti valutati", "MOTIVO");

  CLI::App* astCmd = app.add_subcommand("ast", "mostra l'albero sintattico del regolamento (per sviluppatori)");
  std::string astFile;
  astCmd->add_option("FILE", astFile, fileHelp)->type_name("");

  CLI::App* irCmd = app.add_subcommand("ir", "mostra il piano di valutazione compilato (per sviluppatori)");
  std::string irFile;
  irCmd->add_option("FILE", irFile, fileHelp)->type_name("");

  CompileArgs compileArgs;
  for (CLI::App* sub : {verifica, valuta, spiega, schedaCmd, graduatoriaCmd, provaCmd, astCmd, irCmd, archivia, confronta})
    compileArgs.add(sub);
  // `chiudi --anno` is the year to close, not an evaluation year.
  ValueOption chiudiAnno;
  chiudiAnno.add(chiudi, "--anno", "l'anno da chiudere (obbligatorio)", "AAAA");
  const std::vector<CLI::App*> commands = {verifica, valuta,  spiega, schedaCmd, graduatoriaCmd, provaCmd, astCmd,
                                           irCmd,    mostraCmd, archivia, chiudi, storico,        confronta};
  for (CLI::App* sub : commands) {
    sub->group("Comandi");
    // The inherited help flag is created before the group default applies.
    if (CLI::Option* help = sub->get_help_ptr()) help->group("Opzioni");
    sub->formatter(italianFormatter());
    sub->footer("Codici di uscita: 0 tutto bene; 1 errori nel regolamento, nei dati o nella valutazione;\n"
                "2 riga di comando sbagliata; 3 errore interno di misura.");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);  // help on stdout, exit 0
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ArgumentMismatch& e) {
    std::string option = optionIn(e.what());
    std::string msg = std::string(e.what()).find("missing") != std::string::npos || option.empty()
                          ? "l'opzione " + (option.empty() ? std::string("data") : option) + " richiede un valore"
                          : "l'opzione " + option + " ha un numero sbagliato di valori";
    throw UsageError{msg};
  } catch (const CLI::ParseError& e) {
    std::string option = optionIn(e.what());
    throw UsageError{option.empty() ? "riga di comando non valida"
                                    : "riga di comando non valida vicino a " + inQuotes(option)};
  }

  CLI::App* chosen = nullptr;
  for (CLI::App* sub : commands)
    if (sub->parsed()) chosen = sub;

  if (!chosen) {
    for (const std::string& word : app.remaining()) {
      if (word.size() > 1 && word[0] == '-') throw UsageError{"opzione sconosciuta " + inQuotes(word)};
      throw UsageError{"comando sconosciuto " + inQuotes(word) +
                       ": i comandi sono verifica, valuta, spiega, scheda, graduatoria, prova, mostra, archivia, "
                       "chiudi, storico, confronta, ast, ir"};
    }
    throw UsageError{"manca il comando: scrivi per esempio `misura verifica regolamento.misura`"};
  }
  std::string context = " nel comando " + chosen->get_name();
  checkRemaining(app, context);
  checkRemaining(*chosen, context);

  auto fileOf = [&](const std::string& file) {
    if (chosen->get_option("FILE")->count() == 0)
      throw UsageError{"manca il file del regolamento: scrivi `misura " + chosen->get_name() + " FILE`"};
    return file;
  };

  if (chosen == verifica) {
    VerificaOptions opt;
    opt.file = fileOf(verificaFile);
    opt.compile = compileArgs.options(argv[0]);
    opt.staffFile = verificaPersonale.get("--personale");
    std::optional<std::string> fmt = formatName(verificaFormato.get("--formato"), std::nullopt);
    if (fmt && *fmt != "testo" && *fmt != "json")
      throw UsageError{"formato sconosciuto " + inQuotes(*fmt) + " per verifica: i formati sono testo, json"};
    opt.json = fmt && *fmt == "json";
    return cmdVerifica(opt);
  }
  if (chosen == mostraCmd) {
    MostraOptions opt;
    if (mostraCmd->get_option("FILE")->count() == 0)
      throw UsageError{"manca il file di dati: scrivi `misura mostra FILE`"};
    opt.file = mostraFile;
    opt.sheet = mostraFoglio.get("--foglio");
    if (auto n = mostraIntestazione.get("--intestazione")) opt.headerRow = positive(*n, "--intestazione");
    if (auto n = mostraRighe.get("--righe")) opt.rows = positive(*n, "--righe");
    return cmdMostra(opt);
  }
  if (chosen == provaCmd) return cmdProva(fileOf(provaFile), compileArgs.options(argv[0]));
  if (chosen == astCmd) return cmdAst(fileOf(astFile), compileArgs.options(argv[0]));
  if (chosen == irCmd) return cmdIr(fileOf(irFile), compileArgs.options(argv[0]));
  if (chosen == schedaCmd) {
    SchedaOptions opt = schedaArgs.scheda(fileOf(schedaFile));
    opt.compile = compileArgs.options(argv[0]);
    return cmdScheda(opt);
  }
  if (chosen == graduatoriaCmd) {
    DocumentOptions opt = graduatoriaArgs.graduatoria(fileOf(graduatoriaFile));
    opt.compile = compileArgs.options(argv[0]);
    return cmdGraduatoria(opt);
  }
  if (chosen == archivia) {
    ArchiviaOptions opt;
    opt.file = fileOf(archiviaFile);
    opt.compile = compileArgs.options(argv[0]);
    std::optional<std::string> dir = archiviaDati.get("--dati");
    if (!dir)
      throw UsageError{"manca l'opzione --dati: la cartella dei file dei dati",
                       "scrivi per esempio `misura archivia " + opt.file + " --dati dati`"};
    opt.dataDir = *dir;
    opt.archivio = nonEmpty(archiviaArchivio, "--archivio", "il nome del file dell'archivio");
    opt.autore = archiviaAutore.get("--autore");
    opt.nota = archiviaNota.get("--nota");
    opt.deroga = nonEmpty(archiviaDeroga, "--deroga", "il motivo, tra virgolette");
    return cmdArchivia(opt, kVersion);
  }
  if (chosen == chiudi) {
    std::optional<std::string> year = chiudiAnno.get("--anno");
    if (!year)
      throw UsageError{"manca l'opzione --anno: l'anno da chiudere", "scrivi per esempio `misura chiudi --anno 2024`"};
    return cmdChiudi(nonEmpty(chiudiArchivio, "--archivio", "il nome del file dell'archivio"),
                     CompileArgs::parseYear(*year), chiudiEnte.get("--ente"));
  }
  if (chosen == storico) {
    std::optional<long> esecuzione, elimina;
    if (std::optional<std::string> n = storicoEsecuzione.get("--esecuzione")) esecuzione = positive(*n, "--esecuzione");
    if (std::optional<std::string> n = storicoElimina.get("--elimina")) elimina = positive(*n, "--elimina");
    if (esecuzione && elimina) throw UsageError{"--esecuzione e --elimina non vanno insieme"};
    return cmdStorico(nonEmpty(storicoArchivio, "--archivio", "il nome del file dell'archivio"), esecuzione, elimina);
  }
  if (chosen == confronta) {
    if (confronta->get_option("B")->count() == 0)
      throw UsageError{"confronta vuole due esecuzioni o due regolamenti",
                       "scrivi per esempio `misura confronta 3 4` oppure `misura confronta vecchio.misura nuovo.misura "
                       "--dati dati`"};
    ConfrontaOptions opt;
    opt.a = confrontaA;
    opt.b = confrontaB;
    opt.compile = compileArgs.options(argv[0]);
    opt.archivio = nonEmpty(confrontaArchivio, "--archivio", "il nome del file dell'archivio");
    opt.dataDir = nonEmpty(confrontaDati, "--dati", "una cartella");
    opt.persona = nonEmpty(confrontaPersona, "--persona", "una matricola");
    opt.output = nonEmpty(confrontaUscita, "--uscita", "il nome di un file");
    opt.deroga = nonEmpty(confrontaDeroga, "--deroga", "il motivo, tra virgolette");
    std::optional<std::string> fmt = formatName(confrontaFormato.get("--formato"), opt.output);
    if (fmt && *fmt != "testo" && *fmt != "json")
      throw UsageError{"formato sconosciuto " + inQuotes(*fmt) + " per confronta: i formati sono testo, json"};
    opt.json = fmt && *fmt == "json";
    return cmdConfronta(opt);
  }
  if (chosen == spiega) {
    SpiegaOptions opt = spiegaArgs.options(fileOf(spiegaFile));
    opt.compile = compileArgs.options(argv[0]);
    opt.deroga = spiegaDeroga.get("--deroga");
    if (opt.deroga && opt.deroga->empty()) throw UsageError{"l'opzione --deroga richiede il motivo, tra virgolette"};
    return cmdSpiega(opt);
  }

  ValutaOptions opt;
  opt.file = fileOf(valutaFile);
  opt.compile = compileArgs.options(argv[0]);
  std::optional<std::string> dir = dati.get("--dati");
  if (!dir)
    throw UsageError{"manca l'opzione --dati: la cartella dei file dei dati",
                     "scrivi per esempio `misura valuta " + opt.file + " --dati dati`"};
  opt.dataDir = *dir;
  opt.output = uscita.get("--uscita");
  if (opt.output && opt.output->empty()) throw UsageError{"l'opzione --uscita richiede il nome di un file"};
  std::optional<std::string> fmtName = formatName(formato.get("--formato"), opt.output);
  if (!fmtName || *fmtName == "testo")
    opt.format = report::Format::Testo;
  else if (*fmtName == "csv")
    opt.format = report::Format::Csv;
  else if (*fmtName == "json")
    opt.format = report::Format::Json;
  else if (*fmtName == "xlsx")
    opt.format = report::Format::Xlsx;
  else
    throw UsageError{"formato sconosciuto " + inQuotes(*fmtName) + ": i formati sono testo, csv, json, xlsx"};
  if (opt.format == report::Format::Xlsx && !opt.output)
    throw UsageError{"il formato xlsx è una cartella di lavoro di Excel: si scrive in un file",
                     "aggiungi per esempio --uscita risultati.xlsx"};
  opt.tempi = tempi;
  if (std::optional<std::string> n = thread.get("--thread")) opt.threads = threadCount(*n);
  opt.deroga = deroga.get("--deroga");
  if (opt.deroga && opt.deroga->empty()) throw UsageError{"l'opzione --deroga richiede il motivo, tra virgolette"};
  opt.riepilogo = riepilogo.get("--riepilogo");
  if (opt.riepilogo && opt.riepilogo->empty()) throw UsageError{"l'opzione --riepilogo richiede il nome di un file"};
  if (opt.riepilogo && opt.output && *opt.riepilogo == *opt.output)
    throw UsageError{"--riepilogo e --uscita indicano lo stesso file", "scegli due nomi, per esempio risultati.csv e fondi.csv"};
  return cmdValuta(opt);
}

// Must not throw: it runs in main's last-resort handlers.
void internalError(const char* what) noexcept {
  std::fprintf(stderr,
               "errore interno di misura (non dipende dal regolamento): %s\n"
               "  è un difetto del programma: segnalalo agli sviluppatori con il regolamento e i dati usati\n",
               what);
  std::fflush(stderr);
}

}  // namespace

int main(int argc, char** argv) {
  int code = kInternal;
  try {
    if (!eval::engineFromEnvironment()) {  // a test or a measure set it: never guess which evaluator was meant
      printPlainError("E0725", "la variabile d'ambiente MISURA_MOTORE vale " + inQuotes(std::getenv("MISURA_MOTORE")),
                      "i valori sono interprete, interi e jit; senza la variabile misura sceglie da sé");
      return kUsage;
    }
    code = run(argc, argv);
  } catch (const UsageError& e) {
    try {
      printPlainError("E0701", e.message, e.hint);
    } catch (...) {
      std::fputs("misura: errore[E0701]: riga di comando non valida\n", stderr);
    }
    return kUsage;
  } catch (const InternalError& e) {
    internalError(e.what.c_str());
    return kInternal;
  } catch (const std::exception& e) {
    internalError(e.what());
    return kInternal;
  } catch (...) {
    internalError("eccezione sconosciuta");
    return kInternal;
  }
  // Results that did not reach stdout (a full disk, a closed pipe) must not
  // look like a success.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "misura: errore[E0702]: impossibile scrivere sull'uscita standard\n";
    return code == kOk ? kDiagnostics : code;
  }
  return code;
}
