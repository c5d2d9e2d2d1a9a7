#include "bench/baseline.h"

#include <gmpxx.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace misura::bench {

namespace {

struct Date {
  int y = 0, m = 0, d = 0;
  auto operator<=>(const Date&) const = default;
};

int monthLength(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Date addMonths(Date from, int n) {
  int months = from.y * 12 + (from.m - 1) + n;
  Date r{months / 12, months % 12 + 1, 0};
  r.d = std::min(from.d, monthLength(r.y, r.m));
  return r;
}

// Months, even just started, from `a` to `b`: the least n >= 1 with a + n months >= b.
int monthsStarted(Date a, Date b) {
  if (b <= a) return 0;
  int n = 1;
  while (addMonths(a, n) < b) ++n;
  return n;
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ';')) out.push_back(cell);
  if (!line.empty() && line.back() == ';') out.emplace_back();
  return out;
}

// "1.234,5" -> 12345/10
mpq_class decimal(const std::string& text) {
  std::string digits;
  long scale = 1;
  bool after = false;
  for (char c : text) {
    if (c == '.') continue;
    if (c == ',') { after = true; continue; }
    digits += c;
    if (after) scale *= 10;
  }
  mpq_class q{mpz_class(digits), mpz_class(scale)};
  q.canonicalize();
  return q;
}

Date parseDate(const std::string& t) { return {std::stoi(t.substr(6)), std::stoi(t.substr(3, 2)), std::stoi(t.substr(0, 2))}; }

std::vector<std::vector<std::string>> rows(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<std::vector<std::string>> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) out.push_back(split(line));
  return out;
}

struct Person {
  std::string matricola;
  mpq_class hours, param;
  std::map<std::string, std::pair<std::string, std::string>> data;  // objective -> (valore, completato)
  std::vector<int> votes;
};

mpq_class atLeast(const mpq_class& value, const mpq_class& target) {
  if (value < target * mpq_class(7, 10)) return 0;
  mpq_class r = value / target;
  return r > 1 ? mpq_class(1) : r;
}

mpq_class byDeadline(Date done, Date deadline) {
  if (done <= deadline) return 1;
  mpq_class r = 1 - mpq_class(monthsStarted(deadline, done), 10);
  return r < 0 ? mpq_class(0) : r;
}

// 60 x sum(w x e) / sum(w) over the objectives that are not neutralised.
mpq_class objectivePoints(const Person& p) {
  static const Date kJune{2024, 6, 30}, kDecember{2024, 12, 31};
  mpq_class weighted = 0, weights = 0;
  auto add = [&](int w, const mpq_class& e) { weighted += w * e; weights += w; };
  add(30, atLeast(decimal(p.data.at("OB1").first) / 100, mpq_class(80, 100)));
  if (const std::string& v = p.data.at("OB2").first; !v.empty()) add(30, atLeast(decimal(v) / 100, mpq_class(90, 100)));
  const std::string& c3 = p.data.at("OB3").second;
  add(20, c3.empty() ? mpq_class(0) : byDeadline(parseDate(c3), kJune));
  add(20, byDeadline(parseDate(p.data.at("OB4").second), kDecember));
  return 60 * weighted / weights;
}

mpq_class behaviourPoints(const Person& p) {
  static const int kWeights[] = {10, 10, 8, 6, 6};
  mpq_class sum = 0;
  for (int i = 0; i < 5; ++i) sum += mpq_class(kWeights[i] * p.votes[static_cast<size_t>(i)], 10);
  return sum;
}

long roundHalfUp(const mpq_class& x) {  // x >= 0
  mpz_class r = (x.get_num() * 2 + x.get_den()) / (x.get_den() * 2);
  return r.get_si();
}

std::vector<Person> load(const std::filesystem::path& dir) {
  std::vector<Person> persons;
  std::map<std::string, size_t> index;
  for (auto& r : rows(dir / "personale.csv")) {
    index[r[0]] = persons.size();
    persons.push_back({r[0], decimal(r[2]), decimal(r[3]), {}, {}});
  }
  for (auto& r : rows(dir / "rilevazioni.csv")) persons[index.at(r[0])].data[r[1]] = {r[2], r[3]};
  for (auto& r : rows(dir / "valutazioni.csv")) persons[index.at(r[0])].votes.push_back(std::stoi(r[2]));
  return persons;
}

// Exact shares of the fund, truncated to the cent; the leftover cents go
// one each to the largest remainders, ties to the smaller matricola.
void shareFund(std::vector<Outcome>& out, const std::vector<mpq_class>& quotas, long fundCents) {
  mpq_class total = std::accumulate(quotas.begin(), quotas.end(), mpq_class(0));
  std::vector<mpq_class> remainder(quotas.size());
  long given = 0;
  for (size_t i = 0; i < quotas.size(); ++i) {
    mpq_class exact = total == 0 ? mpq_class(0) : fundCents * quotas[i] / total;
    mpz_class cents = exact.get_num() / exact.get_den();
    out[i].premioCents = cents.get_si();
    remainder[i] = exact - cents;
    given += out[i].premioCents;
  }
  std::vector<size_t> order(quotas.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return out[a].matricola < out[b].matricola;
  });
  for (long k = 0; k < fundCents - given; ++k) ++out[order[static_cast<size_t>(k)]].premioCents;
}

}  // namespace

std::vector<Outcome> evaluateBaseline(const std::filesystem::path& dataDir, long fundCents) {
  static const int kBandPercent[] = {100, 80, 50, 0};
  std::vector<Person> persons = load(dataDir);
  std::vector<Outcome> out(persons.size());
  std::vector<mpq_class> quotas(persons.size());
  for (size_t i = 0; i < persons.size(); ++i) {
    const Person& p = persons[i];
    long total = roundHalfUp((objectivePoints(p) + behaviourPoints(p)) * 100);
    int band = total >= 9000 ? 0 : total >= 7500 ? 1 : total >= 6000 ? 2 : 3;
    out[i] = {p.matricola, total, band, 0};
    quotas[i] = p.param * p.hours / 36 * mpq_class(kBandPercent[band], 100);
  }
  shareFund(out, quotas, fundCents);
  return out;
}

}  // namespace misura::bench
