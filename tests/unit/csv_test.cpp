// Tests for runtime/data/csv: the CSV tokenizer, its spans and its errors.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "runtime/data/csv.h"

using misura::Diagnostic;
using misura::Diagnostics;
using misura::LineCol;
using misura::Severity;
using misura::SourceManager;
using misura::Span;
using namespace misura::data;
using namespace std::string_literals;

namespace {

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  misura::FileId file = misura::kNoFile;
  std::optional<CsvTable> table;

  LineCol at(Span s) const { return sources.lineCol(s.file, s.begin); }
  std::string_view slice(Span s) const { return sources.slice(s); }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) out.push_back(d.code);
    return out;
  }
};

Parsed parse(std::string text, CsvOptions opt = {}) {
  Parsed p;
  p.file = p.sources.add("dati/test.csv", std::move(text));
  p.table = readCsv(p.sources, p.file, opt, p.diags);
  return p;
}

std::vector<std::string> texts(const std::vector<Cell>& cells) {
  std::vector<std::string> out;
  for (const Cell& c : cells) out.push_back(c.text);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("semicolon file keeps decimal commas in one cell", "[csv]") {
  Parsed p = parse("ente;quota;importo\nComune A;0,5;1.234,56\nComune B;1,25;7\n");
  REQUIRE(p.table);
  CHECK(p.diags.all().empty());
  CHECK(p.table->separator == ';');
  CHECK(texts(p.table->header) == Strings{"ente", "quota", "importo"});
  REQUIRE(p.table->rows.size() == 2);
  CHECK(texts(p.table->rows[0]) == Strings{"Comune A", "0,5", "1.234,56"});
  CHECK(texts(p.table->rows[1]) == Strings{"Comune B", "1,25", "7"});
  const Cell& quota = p.table->rows[1][1];
  CHECK(p.slice(quota.span) == "1,25");
  CHECK(p.at(quota.span).line == 3);
  CHECK(p.at(quota.span).column == 10);
}

TEST_CASE("comma and tab separated files", "[csv]") {
  Parsed comma = parse("ente,quota\nComune A,0.5\n");
  REQUIRE(comma.table);
  CHECK(comma.diags.all().empty());
  CHECK(comma.table->separator == ',');
  CHECK(texts(comma.table->rows.at(0)) == Strings{"Comune A", "0.5"});

  Parsed tab = parse("ente\tquota\tnote\nComune A\t0,5\t con spazi \n");
  REQUIRE(tab.table);
  CHECK(tab.diags.all().empty());
  CHECK(tab.table->separator == '\t');
  CHECK(texts(tab.table->rows.at(0)) == Strings{"Comune A", "0,5", "con spazi"});
  // Empty tab-separated cells are not eaten as blanks.
  Parsed empty = parse("a\tb\tc\n1\t\t3\n");
  CHECK(texts(empty.table->rows.at(0)) == Strings{"1", "", "3"});
}

TEST_CASE("separator detection from the header line", "[csv]") {
  struct Case {
    std::string text;
    char separator;
  };
  const Case cases[] = {
      {"a;b,c\n1;2\n", ';'},          // ';' wins over ','
      {"a\tb,c\n1\t2\n", '\t'},       // tab wins over ','
      {"a\tb;c\n1\t2;3\n", ';'},      // ';' wins over tab
      {"a,b\n1;2,3\n", ','},          // only the header line counts
      {"\"a;b\",c\n1,2\n", ','},      // a quoted ';' does not count
      {"unica\n1\n", ','},            // one column: ',' by default
      {"\n  \n\r\na;b\n1;2\n", ';'},  // leading blank lines are skipped
      {"sep=,\na;b,c\n1;2,3\n", ','},  // Excel's "sep=" line
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Parsed p = parse(c.text);
    REQUIRE(p.table);
    CHECK(p.table->separator == c.separator);
    CHECK(p.diags.all().empty());
  }
  Parsed excel = parse("sep=,\na;b,c\n1;2,3\n");
  CHECK(texts(excel.table->header) == Strings{"a;b", "c"});
  CHECK(excel.at(excel.table->header[0].span).line == 2);

  // An explicit option wins over detection and over "sep=".
  Parsed forced = parse("sep=;\na;b,c\n1;2,3\n", CsvOptions{','});
  CHECK(forced.table->separator == ',');
  CHECK(texts(forced.table->rows.at(0)) == Strings{"1;2", "3"});
}

TEST_CASE("quoting: separators, escaped quotes, spaces", "[csv]") {
  Parsed p = parse("nome;sede;quota\n\"Rossi; Mario\";\"Sala \"\"Verdi\"\"\";  \" 0,5 \"  \n\"\";x;\"\"\"\"\n");
  REQUIRE(p.table);
  CHECK(p.diags.all().empty());
  REQUIRE(p.table->rows.size() == 2);
  CHECK(texts(p.table->rows[0]) == Strings{"Rossi; Mario", "Sala \"Verdi\"", " 0,5 "});
  CHECK(texts(p.table->rows[1]) == Strings{"", "x", "\""});
  // Spans cover the cell as written, quotes included, outer spaces excluded.
  CHECK(p.slice(p.table->rows[0][0].span) == "\"Rossi; Mario\"");
  CHECK(p.slice(p.table->rows[0][1].span) == "\"Sala \"\"Verdi\"\"\"");
  CHECK(p.slice(p.table->rows[0][2].span) == "\" 0,5 \"");
  CHECK(p.at(p.table->rows[0][2].span).column == 35);

  Parsed spaces = parse("  a ;b  \n  1 ; 2  \n");
  CHECK(texts(spaces.table->header) == Strings{"a", "b"});
  CHECK(texts(spaces.table->rows.at(0)) == Strings{"1", "2"});
  CHECK(spaces.slice(spaces.table->rows[0][1].span) == "2");
}

TEST_CASE("quoted line breaks keep the offsets of the following cells", "[csv]") {
  Parsed p = parse("nome;note;valore\nRossi;\"riga uno\nriga due\";10\nBianchi;\"a\r\nb\";20\nVerdi;x;30\n");
  REQUIRE(p.table);
  CHECK(p.diags.all().empty());
  REQUIRE(p.table->rows.size() == 3);
  CHECK(p.table->rows[0][1].text == "riga uno\nriga due");
  CHECK(p.table->rows[1][1].text == "a\r\nb");  // kept verbatim
  struct Expect {
    size_t row, col;
    uint32_t line, column;
    const char* text;
  };
  const Expect cells[] = {
      {0, 0, 2, 1, "Rossi"}, {0, 1, 2, 7, "\"riga uno\nriga due\""}, {0, 2, 3, 11, "10"},
      {1, 0, 4, 1, "Bianchi"}, {1, 2, 5, 4, "20"}, {2, 0, 6, 1, "Verdi"}, {2, 2, 6, 9, "30"},
  };
  for (const Expect& e : cells) {
    INFO("row " << e.row << " col " << e.col);
    const Cell& c = p.table->rows[e.row][e.col];
    CHECK(p.slice(c.span) == e.text);
    CHECK(p.at(c.span).line == e.line);
    CHECK(p.at(c.span).column == e.column);
  }
  Span row0 = p.table->rowSpan(0);
  CHECK(p.slice(row0) == "Rossi;\"riga uno\nriga due\";10");
}

TEST_CASE("line ends: CRLF, lone CR, trailing blank lines", "[csv]") {
  Parsed crlf = parse("a;b\r\n1;2\r\n3;4\r\n\r\n");
  REQUIRE(crlf.table);
  CHECK(crlf.diags.all().empty());
  REQUIRE(crlf.table->rows.size() == 2);
  CHECK(texts(crlf.table->header) == Strings{"a", "b"});
  CHECK(texts(crlf.table->rows[1]) == Strings{"3", "4"});
  CHECK(crlf.slice(crlf.table->rows[1][1].span) == "4");
  CHECK(crlf.at(crlf.table->rows[1][1].span).line == 3);
  CHECK(crlf.at(crlf.table->rows[1][1].span).column == 3);

  Parsed cr = parse("a;b\r1;2\r3;4");
  REQUIRE(cr.table);
  CHECK(cr.diags.all().empty());
  CHECK(cr.table->rows.size() == 2);
  CHECK(texts(cr.table->rows.at(1)) == Strings{"3", "4"});

  // Blank lines, lines of spaces and Excel's ";;" rows are skipped anywhere.
  Parsed blanks = parse("a;b\n1;2\n\n;\n  ;  \r\n3;4\n\n\n \n;;;\n");
  REQUIRE(blanks.table);
  CHECK(blanks.diags.all().empty());
  REQUIRE(blanks.table->rows.size() == 2);
  CHECK(blanks.at(blanks.table->rows[1][0].span).line == 6);

  // A row of quoted empty cells is data, not a blank line.
  Parsed quotedEmpty = parse("a;b\n\"\";\"\"\n");
  CHECK(quotedEmpty.table->rows.size() == 1);

  // No final line break.
  Parsed last = parse("a;b\n1;2");
  CHECK(texts(last.table->rows.at(0)) == Strings{"1", "2"});
  // A final separator is an empty last cell.
  Parsed trailingSep = parse("a;b\n1;\n");
  CHECK(texts(trailingSep.table->rows.at(0)) == Strings{"1", ""});
}

TEST_CASE("BOM and header names", "[csv]") {
  // Without BOM and with one left in the text: the first name is clean either way.
  for (std::string prefix : {""s, "\xEF\xBB\xBF"s}) {
    Parsed p = parse(prefix + "qualità;perché;città\n1;2;3\n");
    REQUIRE(p.table);
    CHECK(p.diags.all().empty());
    CHECK(p.table->separator == ';');
    CHECK(texts(p.table->header) == Strings{"qualità", "perché", "città"});
    CHECK(p.table->header[0].text == "qualit\xC3\xA0");  // byte-exact UTF-8
    CHECK(p.table->column("città") == 2u);
    CHECK(p.table->column("citta") == std::nullopt);
  }
  // Header names lose surrounding spaces and no-break spaces, also inside quotes.
  Parsed trimmed = parse(" nome \t;\"  quota \";\xC2\xA0importo\xC2\xA0\nx;1;2\n");
  CHECK(texts(trimmed.table->header) == Strings{"nome", "quota", "importo"});
  // Unicode inside is never touched.
  Parsed inner = parse("\"Ente \xC2\xA0 n°\";𝄞\nx;1\n");
  CHECK(texts(inner.table->header) == Strings{"Ente \xC2\xA0 n°", "𝄞"});
}

TEST_CASE("E0502: empty file", "[csv]") {
  for (std::string text : {""s, "\xEF\xBB\xBF"s, "\n\n  \r\n"s, "sep=;\n"s}) {
    INFO("text of " << text.size() << " bytes");
    Parsed p = parse(text);
    CHECK_FALSE(p.table);
    REQUIRE(p.diags.all().size() == 1);
    const Diagnostic& d = p.diags.all()[0];
    CHECK(d.code == "E0502");
    CHECK(d.message == "il file «dati/test.csv» è vuoto: manca la riga di intestazione");
    CHECK(p.at(d.span).line == 1);
    CHECK(p.at(d.span).column == 1);
  }
}

TEST_CASE("E0503: quote never closed", "[csv]") {
  Parsed p = parse("a;b\n1;\"abc\n2;3\n");
  REQUIRE(p.table);
  REQUIRE(p.codes() == Strings{"E0503"});
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.message.starts_with("virgolette aperte e mai chiuse"));
  CHECK(p.slice(d.span) == "\"");
  CHECK(p.at(d.span).line == 2);
  CHECK(p.at(d.span).column == 3);
  // Reading goes on: the quote is taken literally and the next line is a row.
  REQUIRE(p.table->rows.size() == 2);
  CHECK(texts(p.table->rows[0]) == Strings{"1", "\"abc"});
  CHECK(texts(p.table->rows[1]) == Strings{"2", "3"});

  Parsed lone = parse("\"");
  REQUIRE(lone.table);
  CHECK(lone.codes() == Strings{"E0503"});
  CHECK(texts(lone.table->header) == Strings{"\""});
}

TEST_CASE("E0504: wrong number of cells", "[csv]") {
  Parsed p = parse("a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n");
  REQUIRE(p.table);
  REQUIRE(p.codes() == Strings{"E0504", "E0504"});
  const Diagnostic& fewer = p.diags.all()[0];
  CHECK(fewer.message == "questa riga ha 2 valori, ma l'intestazione ha 3 colonne");
  CHECK(p.slice(fewer.span) == "4;5");
  CHECK(p.at(fewer.span).line == 3);
  CHECK(p.at(fewer.span).column == 1);
  CHECK(fewer.hint.starts_with("le colonne di questo file sono separate dal punto e virgola (;)."));
  const Diagnostic& more = p.diags.all()[1];
  CHECK(more.message == "questa riga ha 4 valori, ma l'intestazione ha 3 colonne");
  CHECK(p.at(more.span).line == 4);
  // The bad rows are left out; the good ones remain.
  REQUIRE(p.table->rows.size() == 2);
  CHECK(p.table->rows[1][0].text == "10");

  Parsed singular = parse("a\n1;2\n", CsvOptions{';'});
  CHECK(singular.diags.all().at(0).message == "questa riga ha 2 valori, ma l'intestazione ha 1 colonna");

  // Decimal commas in a comma-separated file: the hint says why and what to do.
  Parsed decimals = parse("ente,quota\nComune A,0,5\n");
  REQUIRE(decimals.codes() == Strings{"E0504"});
  const Diagnostic& d = decimals.diags.all()[0];
  CHECK(decimals.at(d.span).line == 2);
  CHECK(d.hint.find("virgola decimale (es. 0,5)") != std::string::npos);
  CHECK(d.hint.find("(;)") != std::string::npos);

  // Rendered with file, line and column.
  std::string out = misura::render(p.sources, p.diags.all());
  CHECK(out.find("dati/test.csv:3:1: errore[E0504]: questa riga ha 2 valori") != std::string::npos);
  CHECK(out.find("    3 | 4;5\n") != std::string::npos);
}

TEST_CASE("E0504 on a row spanning lines points at its first line", "[csv]") {
  Parsed p = parse("a;b\n1;2\n\"x\ny\";2;3\n");
  REQUIRE(p.codes() == Strings{"E0504"});
  CHECK(p.at(p.diags.all()[0].span).line == 3);
  CHECK(p.slice(p.diags.all()[0].span) == "\"x\ny\";2;3");
}

TEST_CASE("repeated errors are capped at 20 per code", "[csv]") {
  std::string text = "a;b\n";
  for (int i = 0; i < 30; ++i) text += "1;2;3\n";
  Parsed p = parse(text);
  REQUIRE(p.diags.all().size() == 21);
  CHECK(p.diags.errorCount() == 20);
  const Diagnostic& note = p.diags.all().back();
  CHECK(note.code == "E0504");
  CHECK(note.severity == Severity::Nota);
  CHECK(note.message == "ci sono altri 10 errori dello stesso tipo (E0504) in questo file, non mostrati");
  CHECK(p.at(note.span).line == 22);
}

TEST_CASE("E0505: duplicate header name", "[csv]") {
  Parsed p = parse("nome;qualità;nome\n1;2;3\n");
  REQUIRE(p.table);
  REQUIRE(p.codes() == Strings{"E0505"});
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.message == "la colonna «nome» compare due volte nell'intestazione");
  CHECK(p.at(d.span).line == 1);
  CHECK(p.at(d.span).column == 14);  // code points: "qualità" is 7 columns
  REQUIRE(d.labels.size() == 1);
  CHECK(p.at(d.labels[0].span).column == 1);
  CHECK(p.table->rows.size() == 1);

  // Names are compared after trimming.
  Parsed trimmed = parse("a; a \n1;2\n");
  CHECK(trimmed.codes() == Strings{"E0505"});
  CHECK(trimmed.at(trimmed.diags.all()[0].span).column == 4);
}

TEST_CASE("E0506: empty header name", "[csv]") {
  Parsed p = parse("a;;b\n1;2;3\n");
  REQUIRE(p.table);
  REQUIRE(p.codes() == Strings{"E0506"});
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.message == "la colonna 2 dell'intestazione non ha nome");
  CHECK(p.at(d.span).line == 1);
  CHECK(p.at(d.span).column == 3);
  CHECK(d.hint.find("Excel") == std::string::npos);

  // Empty columns at the end, as Excel sometimes exports them.
  Parsed trailing = parse("a;b;;\n1;2;;\n");
  REQUIRE(trailing.codes() == Strings{"E0506", "E0506"});
  CHECK(trailing.at(trailing.diags.all()[0].span).column == 5);
  CHECK(trailing.at(trailing.diags.all()[1].span).column == 6);
  CHECK(trailing.diags.all()[0].hint.find("Excel") != std::string::npos);

  Parsed quoted = parse("a;\"  \"\n1;2\n");
  CHECK(quoted.codes() == Strings{"E0506"});
}

TEST_CASE("E0507: stray quotes", "[csv]") {
  Parsed p = parse("a;b\n1;schermo 5\" pollici\n");
  REQUIRE(p.table);
  REQUIRE(p.codes() == Strings{"E0507"});
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.message == "virgolette nel mezzo di un campo non racchiuso tra virgolette");
  CHECK(p.at(d.span).line == 2);
  CHECK(p.at(d.span).column == 12);
  CHECK(p.slice(d.span) == "\"");
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][1].text == "schermo 5\" pollici");

  // Text after a closing quote: reported at that quote, kept in the cell.
  Parsed after = parse("a;b\n\"Sala\" Verdi;1\n");
  REQUIRE(after.codes() == Strings{"E0507"});
  CHECK(after.at(after.diags.all()[0].span).column == 6);
  CHECK(texts(after.table->rows.at(0)) == Strings{"Sala Verdi", "1"});
  CHECK(after.slice(after.table->rows[0][0].span) == "\"Sala\" Verdi");

  // A stray opening quote swallowing a line break: the label points at it.
  Parsed stray = parse("a;b\n1;\"abc\n2;x\" y\n");
  REQUIRE(stray.codes() == Strings{"E0507"});
  const Diagnostic& s = stray.diags.all()[0];
  CHECK(stray.at(s.span).line == 3);
  CHECK(stray.at(s.span).column == 4);
  REQUIRE(s.labels.size() == 1);
  CHECK(stray.at(s.labels[0].span).line == 2);
  CHECK(stray.at(s.labels[0].span).column == 3);
  CHECK(after.diags.all()[0].labels.empty());

  // One report per field.
  Parsed twice = parse("a\nx\"y\"z\n");
  CHECK(twice.codes() == Strings{"E0507"});
}

TEST_CASE("rowSpan and column lookup", "[csv]") {
  Parsed p = parse("a;b;c\n  1;2;3  \n;x;\n");
  REQUIRE(p.table);
  REQUIRE(p.table->rows.size() == 2);
  CHECK(p.slice(p.table->rowSpan(0)) == "1;2;3");
  CHECK(p.slice(p.table->rowSpan(1)) == ";x;");
  CHECK(p.at(p.table->rowSpan(1)).line == 3);
  CHECK(p.table->column("b") == 1u);
  CHECK(p.table->column("d") == std::nullopt);
}

TEST_CASE("huge fields", "[csv]") {
  std::string big(3'000'000, 'x');
  std::string quotedBig(1'000'000, '"');  // 500000 escaped quotes
  Parsed p = parse("a;b\n" + big + ";\"" + quotedBig + "\"\n");
  REQUIRE(p.table);
  CHECK(p.diags.all().empty());
  REQUIRE(p.table->rows.size() == 1);
  CHECK(p.table->rows[0][0].text.size() == 3'000'000);
  CHECK(p.table->rows[0][1].text == std::string(500'000, '"'));
}

TEST_CASE("never crashes or hangs on junk", "[csv]") {
  const char alphabet[] = {'"', ';', ',', '\t', '\n', '\r', ' ', 'a', '1', '\xC3', '\xA0', '\0'};
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<size_t> pick(0, sizeof alphabet - 1);
  std::uniform_int_distribution<size_t> length(0, 40);
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::string text;
    for (size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
    Parsed p = parse(text);
    INFO("input: " << text);
    if (!p.table) {
      CHECK(p.codes() == Strings{"E0502"});
      continue;
    }
    for (const Diagnostic& d : p.diags.all()) {
      REQUIRE(d.span.valid());
      REQUIRE(d.span.begin <= d.span.end);
      REQUIRE(d.span.end <= text.size());
    }
    for (const auto& row : p.table->rows) {
      REQUIRE(row.size() == p.table->header.size());
      for (const Cell& c : row) REQUIRE(c.span.end <= text.size());
    }
    (void)misura::render(p.sources, p.diags.all());
  }
}
