// bench/w1's output step in C++: what convert.py does (its docstring is
// the specification), without Python's start-up and per-row cost, which at
// a million persons was about 3 s of the wall time the harness measures.
//
//   misura_w1_converti RISULTATI.csv OUT.csv STDERR.txt
//
// RISULTATI.csv is `misura valuta --formato csv` (";" separator, decimal
// comma, "." thousands); OUT.csv is W1's output (id,total_hundredths,band,
// premio_cents); on stdout the timing lines from Misura's `--tempi` and the
// CHECKSUM line (zlib's CRC-32). Exit 1 with a message on anything
// unexpected: a person not valutato, an amount without two decimals.
#include <zlib.h>

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// "1.234,56" -> 123456: exactly two decimals, as Misura writes amounts.
int64_t hundredths(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  const size_t comma = text.find(',');
  if (comma == std::string_view::npos || text.size() - comma - 1 != 2 || comma == 0)
    throw std::runtime_error("not an amount with 2 decimals: " + std::string(text));
  int64_t v = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || i == comma) continue;
    if (c < '0' || c > '9') throw std::runtime_error("not an amount: " + std::string(text));
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t semi; (semi = line.find(';', start)) != std::string_view::npos; start = semi + 1)
    cells.push_back(line.substr(start, semi - start));
  cells.push_back(line.substr(start));
  return cells;
}

// Misura's `tempi: NAME SECONDS s` lines; any other stderr line is passed on.
std::map<std::string, double> timings(const std::string& stderrText) {
  std::map<std::string, double> out;
  std::istringstream in(stderrText);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("tempi: ", 0) != 0) {
      std::cerr << line << '\n';
      continue;
    }
    const std::string rest = line.substr(7);
    const size_t s = rest.rfind(' '), number = rest.rfind(' ', s - 1);
    out[rest.substr(0, number)] = std::stod(rest.substr(number + 1, s - number - 1));
  }
  return out;
}

struct Converted {
  std::string csv = "id,total_hundredths,band,premio_cents\n";
  int64_t rows = 0, totals = 0, premi = 0;
};

Converted convert(const std::string& results) {
  Converted out;
  std::string_view rest = results;
  auto nextLine = [&rest]() {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    return line;
  };
  const std::vector<std::string_view> header = split(nextLine());
  auto column = [&header](std::string_view name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("no column " + std::string(name));
  };
  const size_t id = column("matricola"), state = column("stato"), total = column("totale"), band = column("fascia"),
               premio = column("premio");
  while (!rest.empty()) {
    const std::vector<std::string_view> cells = split(nextLine());
    if (cells.size() != header.size()) throw std::runtime_error("a row with " + std::to_string(cells.size()) + " cells");
    if (cells[state] != "valutato")
      throw std::runtime_error("person " + std::string(cells[id]) + " is " + std::string(cells[state]));
    std::string_view b = cells[band];
    if (b.empty() || b.back() != '%') throw std::runtime_error("band " + std::string(b));
    b.remove_suffix(1);
    const int64_t t = hundredths(cells[total]), p = hundredths(cells[premio]);
    out.csv.append(cells[id]).append(",").append(std::to_string(t)).append(",").append(b).append(",");
    out.csv.append(std::to_string(p)).append("\n");
    out.totals += t;
    out.premi += p;
    ++out.rows;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: misura_w1_converti RISULTATI.csv OUT.csv STDERR.txt\n";
    return 2;
  }
  try {
    std::map<std::string, double> t = timings(slurp(argv[3]));
    const Converted c = convert(slurp(argv[1]));
    std::ofstream out(argv[2], std::ios::binary);
    if (!out.write(c.csv.data(), std::streamsize(c.csv.size())) || !out.flush())
      throw std::runtime_error(std::string("cannot write ") + argv[2]);
    const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(c.csv.data()), uInt(c.csv.size()));
    // As for the peers, SCORE includes the compilation of the rules.
    const double score = t.at("compilazione") + t.at("punteggi"), split = t.at("fondi");
    std::printf("READ_SECONDS %.6f\nSCORE_SECONDS %.6f\nSPLIT_SECONDS %.6f\nEVAL_SECONDS %.6f\n", t.at("lettura dei dati"),
                score, split, score + split);
    std::printf("WRITE_SECONDS %.6f\nCOMPILE_SECONDS %.6f\n", t.at("scrittura"), t.at("compilazione"));
    std::printf("CHECKSUM rows=%" PRId64 " sum_total_hundredths=%" PRId64 " sum_premio_cents=%" PRId64
                " bytes=%zu crc32=%08lx\n",
                c.rows, c.totals, c.premi, c.csv.size(), static_cast<unsigned long>(crc & 0xffffffffUL));
  } catch (const std::exception& e) {
    std::cerr << "misura_w1_converti: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
