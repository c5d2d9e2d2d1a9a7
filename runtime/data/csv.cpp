#include "runtime/data/csv.h"

#include <algorithm>
#include <array>
#include <map>
#include <exception>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

namespace misura::data {

namespace {

constexpr size_t kMaxReportsPerCode = 20;

// Forwards diagnostics, but at most kMaxReportsPerCode per code: a wrong
// separator makes every row fail the same way, and a clerk needs the first
// few occurrences, not thousands.
class CappedReporter {
 public:
  explicit CappedReporter(Diagnostics& diags) : diags_(diags) {}

  void report(Diagnostic d) {
    Count& c = counts_[d.code];
    if (c.shown < kMaxReportsPerCode) {
      ++c.shown;
      diags_.report(std::move(d));
    } else if (c.omitted++ == 0) {
      c.firstOmitted = d.span;
    }
  }

  void error(std::string code, Span span, std::string message, std::string hint = {}) {
    report(Diagnostic{std::move(code), Severity::Errore, span, std::move(message), {}, std::move(hint), {}});
  }

  // One note per code whose occurrences were not all shown.
  void flush() {
    for (auto& [code, c] : counts_) {
      if (c.omitted == 0) continue;
      std::string message = c.omitted == 1
                                ? fmt::format("c'è un altro errore dello stesso tipo ({}) in questo file, non mostrato", code)
                                : fmt::format("ci sono altri {} errori dello stesso tipo ({}) in questo file, non mostrati",
                                              c.omitted, code);
      diags_.report(Diagnostic{code, Severity::Nota, c.firstOmitted, std::move(message), {}, {}, {}});
      c.omitted = 0;
    }
  }

 private:
  struct Count {
    size_t shown = 0;
    size_t omitted = 0;
    Span firstOmitted;
  };
  Diagnostics& diags_;
  std::map<std::string, Count> counts_;
};

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

// One CSV record: a row of cells, possibly spanning lines through quoted line breaks.
struct Record {
  std::vector<CellView> cells;
  bool blank = true;  // every cell is empty and unquoted
};

// Reads records from `text` starting at a given offset. While !atEnd(), every
// call to next() consumes at least one byte, so reading always terminates.
// A cell's text is a view of `text` (unquoted, or quoted with no "" inside);
// only a cell whose text differs from what is written (an escaped quote, text
// after the closing quote) is copied, into a buffer reused from row to row.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, size_t start, FileId file, char sep, CappedReporter& reporter)
      : text_(text), pos_(start), file_(file), sep_(sep), reporter_(reporter) {
    for (char c : {sep, '\r', '\n', '"'}) special_[static_cast<unsigned char>(c)] = true;
  }

  bool atEnd() const { return pos_ >= text_.size(); }
  size_t position() const { return pos_; }

  // Reads one record and its line terminator (LF, CRLF or CR) into `record`,
  // whose views stay valid until the next call.
  void next(Record& record) {
    record.cells.clear();
    ownedCells_.clear();
    used_ = 0;
    record.blank = true;
    while (true) {
      if (!plainField(record)) {
        bool quoted = false;
        Field f = field(quoted);
        if (quoted || f.textEnd > f.textBegin) record.blank = false;
        if (f.owned >= 0) ownedCells_.push_back({record.cells.size(), static_cast<size_t>(f.owned)});
        std::string_view t = f.owned < 0 ? text_.substr(f.textBegin, f.textEnd - f.textBegin) : std::string_view();
        record.cells.push_back(CellView{t, span(f.begin, f.end), nullptr});
      }
      if (pos_ < text_.size() && text_[pos_] == sep_) {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      break;
    }
    // Views into owned_ are taken only now: owned_ may have grown meanwhile.
    for (auto [cell, owned] : ownedCells_) record.cells[cell].text = owned_[owned];
  }

 private:
  // The common field, read at once: no blank around it, no quote in it (what
  // field() would read the same way). False, having read nothing, for any
  // other field.
  bool plainField(Record& record) {
    const size_t start = pos_;
    size_t i = start;
    while (i < text_.size() && !special_[static_cast<unsigned char>(text_[i])] && !isBlank(text_[i])) ++i;
    if (i < text_.size() && !atFieldEnd(i)) return false;  // a blank or a quote: field() decides
    if (i > start) record.blank = false;
    pos_ = i;
    record.cells.push_back(CellView{std::string_view(text_.data() + start, i - start), span(start, i), nullptr});
    return true;
  }

  // A field as read: its span, and its text either as a range of text_
  // (owned < 0) or as owned_[owned] (then textBegin/textEnd say only whether
  // it is empty).
  struct Field {
    size_t begin = 0, end = 0;
    size_t textBegin = 0, textEnd = 0;
    int owned = -1;
  };

  // Spaces around a cell; a tab only when it is not the separator.
  bool isBlank(char c) const { return (c == ' ' || c == '\t') && c != sep_; }

  bool atFieldEnd(size_t i) const { return i >= text_.size() || text_[i] == sep_ || isLineEnd(text_[i]); }

  Span span(size_t begin, size_t end) const {
    return Span{file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

  // A fresh buffer for a copied cell text, reusing the strings of earlier records.
  int newOwned() {
    if (used_ == owned_.size()) owned_.emplace_back();
    owned_[used_].clear();
    return static_cast<int>(used_++);
  }

  Field ownedField(size_t begin, size_t end, int owned) {
    const std::string& t = owned_[static_cast<size_t>(owned)];
    return Field{begin, end, 0, t.size(), owned};
  }

  // Reads one field; leaves pos_ on the separator, the line end or the end of text.
  Field field(bool& quoted) {
    size_t i = pos_;
    while (i < text_.size() && isBlank(text_[i])) ++i;
    if (i < text_.size() && text_[i] == '"') {
      quoted = true;
      return quotedField(i);
    }
    return unquotedField(i, true);
  }

  // Plain text up to the end of the field, trailing blanks trimmed. A quote
  // inside it is kept as an ordinary character (and reported if asked).
  Field unquotedField(size_t start, bool reportQuotes) {
    size_t i = start;
    for (; i < text_.size(); ++i) {
      const char c = text_[i];
      if (!special_[static_cast<unsigned char>(c)]) continue;
      if (c != '"') break;  // the separator or a line end
      if (reportQuotes) {
        reporter_.error("E0507", span(i, i + 1), "virgolette nel mezzo di un campo non racchiuso tra virgolette",
                        kQuoteHint);
        reportQuotes = false;  // once per field
      }
    }
    pos_ = i;
    size_t end = i;
    while (end > start && isBlank(text_[end - 1])) --end;
    return Field{start, end, start, end, -1};
  }

  // A field opening with the quote at `quote`.
  Field quotedField(size_t quote) {
    int owned = -1;  // set at the first "": from then on the text is copied
    size_t i = quote + 1;
    while (true) {
      size_t close = text_.find('"', i);
      if (close == std::string_view::npos) return unterminated(quote);
      if (owned >= 0) owned_[static_cast<size_t>(owned)].append(text_.substr(i, close - i));
      if (close + 1 < text_.size() && text_[close + 1] == '"') {  // "" stands for one quote
        if (owned < 0) {
          owned = newOwned();
          owned_[static_cast<size_t>(owned)].assign(text_.substr(quote + 1, close - quote - 1));
        }
        owned_[static_cast<size_t>(owned)] += '"';
        i = close + 2;
        continue;
      }
      size_t end = close + 1;
      size_t after = end;
      while (after < text_.size() && isBlank(text_[after])) ++after;
      if (atFieldEnd(after)) {
        pos_ = after;
        if (owned >= 0) return ownedField(quote, end, owned);
        return Field{quote, end, quote + 1, close, -1};
      }
      if (owned < 0) {
        owned = newOwned();
        owned_[static_cast<size_t>(owned)].assign(text_.substr(quote + 1, close - quote - 1));
      }
      return textAfterClosingQuote(owned, quote, close);
    }
  }

  Field unterminated(size_t quote) {
    reporter_.error("E0503", span(quote, quote + 1),
                    "virgolette aperte e mai chiuse: il valore che inizia qui non ha le virgolette di chiusura",
                    "aggiungi le virgolette di chiusura (\") alla fine del valore, oppure togli quelle di apertura; "
                    "per scrivere le virgolette dentro un valore racchiudilo tra virgolette e raddoppiale (\"\")");
    // Most likely a stray quote: read the rest of the field as plain text.
    return unquotedField(quote, false);
  }

  // `"abc"def`: keep the text after the closing quote too, as lenient readers do.
  // If the quoted text went over a line break, the opening quote was most
  // likely a stray one: point at it too. owned_[owned] holds the quoted text.
  Field textAfterClosingQuote(int owned, size_t quote, size_t close) {
    Diagnostic d{"E0507", Severity::Errore, span(close, close + 1),
                 "virgolette nel mezzo di un campo: dopo le virgolette di chiusura il campo continua", {}, kQuoteHint, {}};
    if (text_.substr(quote, close - quote).find_first_of("\r\n") != std::string_view::npos)
      d.labels.push_back(Label{span(quote, quote + 1),
                               "il valore tra virgolette inizia qui e prosegue sulle righe seguenti: forse queste "
                               "virgolette sono di troppo"});
    reporter_.report(std::move(d));
    Field rest = unquotedField(close + 1, false);
    owned_[static_cast<size_t>(owned)].append(text_.substr(rest.textBegin, rest.textEnd - rest.textBegin));
    return ownedField(quote, rest.end, owned);
  }

  static constexpr const char* kQuoteHint =
      "per scrivere le virgolette dentro un valore, racchiudi tutto il valore tra virgolette e raddoppia quelle "
      "interne, ad esempio \"Sala \"\"Verdi\"\"\"";

  std::string_view text_;
  size_t pos_;
  FileId file_;
  char sep_;
  CappedReporter& reporter_;
  std::vector<std::pair<size_t, size_t>> ownedCells_;  // (cell, owned_ index) of the record being read
  std::array<bool, 256> special_{};  // ends an unquoted field or is a quote: the separator, CR, LF, '"'
  std::vector<std::string> owned_;   // copied cell texts; the first used_ belong to the record
  size_t used_ = 0;
};

// Skips lines made only of spaces and tabs; returns the start of the first other line.
size_t skipBlankLines(std::string_view text, size_t pos) {
  while (true) {
    size_t i = pos;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) return text.size();
    if (!isLineEnd(text[i])) return pos;
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    pos = i + 1;
  }
}

// Excel's "sep=;" first line. Returns the separator and moves `pos` past the line.
std::optional<char> excelSeparatorLine(std::string_view text, size_t& pos) {
  std::string_view rest = text.substr(pos);
  if (!rest.starts_with("sep=") || rest.size() < 5) return std::nullopt;
  char sep = rest[4];
  if (sep == '"' || isLineEnd(sep)) return std::nullopt;
  size_t end = 5;
  if (end < rest.size() && rest[end] == '\r') ++end;
  if (end < rest.size() && rest[end] == '\n') ++end;
  if (end == 5 && rest.size() > 5) return std::nullopt;  // more text on the line: a real header
  pos += end;
  return sep;
}

// ';' if the header line has one outside quotes, else '\t', else ','.
char detectSeparator(std::string_view text, size_t pos) {
  bool inQuotes = false, tab = false;
  for (size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes) {
      if (isLineEnd(c)) break;
      if (c == ';') return ';';
      if (c == '\t') tab = true;
    }
  }
  return tab ? '\t' : ',';
}

// How a hint names the separator: "dal punto e virgola (;)" / "il punto e virgola (;)".
struct SeparatorWords {
  std::string from;  // after "separate"
  std::string noun;  // with its article
};

SeparatorWords separatorWords(char sep) {
  switch (sep) {
    case ';': return {"dal punto e virgola (;)", "il punto e virgola (;)"};
    case ',': return {"dalla virgola (,)", "la virgola (,)"};
    case '\t': return {"dalla tabulazione", "la tabulazione"};
    default: return {fmt::format("dal carattere «{}»", sep), fmt::format("il carattere «{}»", sep)};
  }
}

// Header names lose surrounding spaces, tabs and no-break spaces (U+00A0).
void trimName(std::string& s) {
  auto leading = [&](size_t i) -> size_t {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\t')) return 1;
    if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
    return 0;
  };
  size_t b = 0;
  while (size_t n = leading(b)) b += n;
  size_t e = s.size();
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '\t') --e;
    else if (e - b >= 2 && s.compare(e - 2, 2, "\xC2\xA0") == 0) e -= 2;
    else break;
  }
  s = s.substr(b, e - b);
}

// Trims the header names and reports empty (E0506) and repeated (E0505) ones.
void checkHeader(std::vector<Cell>& header, CappedReporter& reporter, const std::vector<bool>& unnamedOk) {
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t i = 0; i < header.size(); ++i) {
    trimName(header[i].text);
    if (header[i].text.empty() && !(i < unnamedOk.size() && unnamedOk[i])) {
      bool trailing = true;
      for (size_t j = i; j < header.size() && trailing; ++j) trailing = header[j].text.empty();
      reporter.error("E0506", header[i].span,
                     fmt::format("la colonna {} dell'intestazione non ha nome", i + 1),
                     trailing ? "dopo l'ultima colonna ci sono colonne senza nome, di solito colonne vuote esportate da "
                                "Excel: eliminale dal foglio (seleziona le colonne a destra dei dati ed eliminale) e "
                                "salva di nuovo il file"
                              : "scrivi il nome della colonna nella prima riga del file");
    }
  }
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i].text.empty()) continue;
    auto [it, inserted] = seen.emplace(header[i].text, i);
    if (inserted) continue;
    Diagnostic d{"E0505", Severity::Errore, header[i].span,
                 fmt::format("la colonna «{}» compare due volte nell'intestazione", header[i].text),
                 {Label{header[it->second].span, "la prima volta è qui"}},
                 "ogni colonna deve avere un nome diverso: rinomina o elimina una delle due",
                 {}};
    reporter.report(std::move(d));
  }
}

std::string countWord(size_t n, const char* singular, const char* plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

void reportWrongCellCount(const Record& record, size_t expected, char sep, CappedReporter& reporter) {
  std::string message = fmt::format("questa riga ha {}, ma l'intestazione ha {}",
                                    countWord(record.cells.size(), "valore", "valori"),
                                    countWord(expected, "colonna", "colonne"));
  SeparatorWords words = separatorWords(sep);
  std::string hint = fmt::format("le colonne di questo file sono separate {}. ", words.from);
  if (sep == ',')
    hint += "Un numero con la virgola decimale (es. 0,5) non racchiuso tra virgolette viene diviso in due valori: "
            "salva il file da Excel in «CSV (delimitato dal separatore di elenco)», che usa il punto e virgola (;), "
            "oppure racchiudi tra virgolette i valori che contengono virgole";
  else
    hint += fmt::format("Controlla che la riga non abbia separatori in più o in meno e che i valori che contengono {} "
                        "siano racchiusi tra virgolette",
                        words.noun);
  Span span = Span::cover(record.cells.front().span, record.cells.back().span);
  reporter.error("E0504", span, std::move(message), std::move(hint));
}

// Gives `sink` the rows from the tokenizer's position to the end of its text.
void readRows(Tokenizer& tokenizer, size_t width, char sep, CappedReporter& reporter, CsvSink& sink) {
  Record record;
  while (!tokenizer.atEnd()) {
    tokenizer.next(record);
    if (record.blank) continue;
    if (record.cells.size() != width) {
      reportWrongCellCount(record, width, sep, reporter);
      continue;
    }
    sink.row(record.cells);
  }
}

// Where the parts of the rows from `body` on start, when they may be read
// at once (CsvOptions::threads): each part begins a line. Without a quote in
// the file, every line break ends a record, so a part read on its own gives
// the rows it would give in one reading. One start (body): one part.
std::vector<size_t> partStarts(std::string_view text, size_t body, const CsvOptions& opt) {
  std::vector<size_t> starts{body};
  if (opt.threads < 2 || body >= text.size() || text.find('"', body) != std::string_view::npos) return starts;
  const size_t parts = std::min<size_t>(opt.threads, (text.size() - body) / std::max<size_t>(opt.partBytes, 1));
  for (size_t k = 1; k < parts; ++k) {
    const size_t lineBreak = text.find('\n', body + (text.size() - body) * k / parts);
    if (lineBreak == std::string_view::npos || lineBreak + 1 >= text.size()) break;
    if (lineBreak + 1 > starts.back()) starts.push_back(lineBreak + 1);
  }
  return starts;
}

// Reads the parts that begin at `starts` at once: the first here, into
// `sink`, each later one on a thread of its own into a fork of the sink.
// Then, in order, a quiet part is joined to the sink, and from the first part
// that reported something on the file is read again here, in one part: the
// diagnostics and their caps are then exactly those of one reading.
void readInParts(const SourceManager& sources, FileId file, const std::vector<size_t>& starts, size_t width,
                 char sep, CappedReporter& reporter, CsvSink& sink) {
  const std::string_view text = sources.text(file);
  struct Part {
    std::unique_ptr<CsvSink> sink;
    Diagnostics diags;  // the tokenizer's
    std::exception_ptr failure;
  };
  std::vector<Part> parts(starts.size());
  std::vector<std::thread> threads;
  for (size_t k = 1; k < starts.size(); ++k) {
    parts[k].sink = sink.fork();
    if (!parts[k].sink) break;
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
    threads.emplace_back([&, k, end] {
      try {
        CappedReporter partReporter(parts[k].diags);
        Tokenizer tokenizer(text.substr(0, end), starts[k], file, sep, partReporter);
        readRows(tokenizer, width, sep, partReporter, *parts[k].sink);
      } catch (...) {
        parts[k].failure = std::current_exception();
      }
    });
  }
  Tokenizer first(text.substr(0, starts.size() > 1 ? starts[1] : text.size()), starts[0], file, sep, reporter);
  readRows(first, width, sep, reporter, sink);
  for (std::thread& t : threads) t.join();
  for (size_t k = 1; k < starts.size(); ++k) {
    Part& part = parts[k];
    if (part.failure) std::rethrow_exception(part.failure);
    if (part.sink && part.diags.all().empty() && part.sink->quiet()) {
      sink.join(*part.sink);
      continue;
    }
    Tokenizer rest(text, starts[k], file, sep, reporter);
    readRows(rest, width, sep, reporter, sink);
    return;
  }
}

}  // namespace

void prepareHeader(std::vector<Cell>& header, Diagnostics& diags, const std::vector<bool>& unnamedOk) {
  CappedReporter reporter(diags);
  checkHeader(header, reporter, unnamedOk);
  reporter.flush();
}

Span CsvTable::rowSpan(size_t row) const {
  const std::vector<Cell>& cells = rows.at(row);
  if (cells.empty()) return Span{file, 0, 0};
  return Span::cover(cells.front().span, cells.back().span);
}

std::optional<size_t> CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i].text == name) return i;
  return std::nullopt;
}

namespace {

Cell textCell(const CellView& view) {
  Cell cell;
  cell.text = std::string(view.text);
  cell.span = view.span;
  return cell;
}

}  // namespace

void CsvTableSink::header(FileId file, char separator, std::vector<Cell> header) {
  table_.file = file;
  table_.separator = separator;
  table_.header = std::move(header);
}

void CsvTableSink::row(const std::vector<CellView>& cells) {
  std::vector<Cell>& out = table_.rows.emplace_back();
  out.reserve(cells.size());
  for (const CellView& c : cells) out.push_back(c.typed ? *c.typed : textCell(c));
}

std::optional<CsvTable> readCsv(const SourceManager& sources, FileId file, const CsvOptions& opt, Diagnostics& diags) {
  CsvTable table;
  CsvTableSink sink(table);
  if (!readCsv(sources, file, opt, diags, sink)) return std::nullopt;
  return table;
}

bool readCsv(const SourceManager& sources, FileId file, const CsvOptions& opt, Diagnostics& diags, CsvSink& sink) {
  if (opt.separator && (*opt.separator == '"' || isLineEnd(*opt.separator)))
    throw InternalError{"separatore CSV non valido nelle opzioni di lettura"};
  std::string_view text = sources.text(file);
  size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // decode() strips it; be safe anyway
  std::optional<char> separator = opt.separator;
  if (opt.headerLine) {
    uint32_t lines = sources.lineCol(file, static_cast<uint32_t>(text.size())).line;
    if (lines > 1 && sources.lineText(file, lines).empty()) --lines;  // nothing after the last line break
    if (*opt.headerLine > lines) {
      diags.error("E0531", opt.headerLineSpan,
                  fmt::format("il file «{}» ha solo {} righe: non c'è la riga di intestazione {}", sources.path(file),
                              lines, *opt.headerLine),
                  "scrivi in `intestazione riga` il numero della riga che contiene i nomi delle colonne");
      return false;
    }
    pos = std::max<size_t>(pos, sources.lineStart(file, *opt.headerLine));
  } else if (std::optional<char> excel = excelSeparatorLine(text, pos); excel && !separator) {
    separator = excel;
  }
  pos = skipBlankLines(text, pos);
  if (pos >= text.size()) {
    diags.error("E0502", Span{file, 0, 0},
                fmt::format("il file «{}» è vuoto: manca la riga di intestazione", sources.path(file)),
                "la prima riga del file deve contenere i nomi delle colonne, seguita da una riga per ogni dato");
    return false;
  }

  const char sep = separator ? *separator : detectSeparator(text, pos);
  CappedReporter reporter(diags);
  Tokenizer tokenizer(text, pos, file, sep, reporter);
  Record record;
  tokenizer.next(record);
  std::vector<Cell> header;
  header.reserve(record.cells.size());
  for (const CellView& c : record.cells) header.push_back(textCell(c));
  checkHeader(header, reporter, {});
  const size_t width = header.size();
  sink.header(file, sep, std::move(header));
  const std::vector<size_t> starts = partStarts(text, tokenizer.position(), opt);
  if (starts.size() < 2) {
    readRows(tokenizer, width, sep, reporter, sink);
  } else {
    readInParts(sources, file, starts, width, sep, reporter, sink);
  }
  reporter.flush();
  return true;
}

void feed(const CsvTable& table, CsvSink& sink) {
  sink.header(table.file, table.separator, table.header);
  std::vector<CellView> views;
  for (const std::vector<Cell>& row : table.rows) {
    views.clear();
    for (const Cell& c : row) views.push_back(CellView{c.text, c.span, &c});
    sink.row(views);
  }
}

}  // namespace misura::data
