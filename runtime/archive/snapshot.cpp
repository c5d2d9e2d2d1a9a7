// takeSnapshot(): a fresh evaluation in the archive's shape (snapshot.h).
#include "runtime/archive/snapshot.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <set>
#include <stdexcept>

#include "compiler/driver/module_path.h"
#include "runtime/archive/sha256.h"
#include "runtime/report/explain.h"
#include "runtime/report/format.h"
#include "runtime/report/report.h"

namespace misura::archive {

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

FileRecord fileRecord(const std::string& name, const fs::path& path) {
  FileRecord f;
  f.name = name;
  if (std::optional<std::string> bytes = readBytes(path)) {
    f.sha256 = sha256Hex(*bytes);
    f.bytes = bytes->size();
  }
  return f;
}

// Every file the compilation read, by path. SourceManager keeps no count:
// path() of an id past the last throws std::out_of_range, which ends the list.
std::vector<std::string> sourcePaths(const SourceManager& sources) {
  std::vector<std::string> paths;
  for (FileId id = 0;; ++id) {
    try {
      paths.push_back(sources.path(id));
    } catch (const std::out_of_range&) {
      return paths;
    }
  }
}

std::vector<FileRecord> moduleRecords(const ir::Module& m, const SourceManager& sources) {
  std::vector<std::string> paths = sourcePaths(sources);
  std::vector<FileRecord> out;
  for (const ir::ModuleVersion& v : m.modules) {
    std::string rel = modules::relativePath(v.name).string();
    std::string found;
    for (const std::string& p : paths)
      if (p.size() >= rel.size() && p.compare(p.size() - rel.size(), rel.size(), rel) == 0) found = p;
    FileRecord f = found.empty() ? FileRecord{v.name, "", 0, ""} : fileRecord(v.name, found);
    f.detail = ir::describe(v, m.anno);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<FileRecord> dataRecords(const ir::Module& m, const fs::path& dataDir) {
  std::vector<FileRecord> out;
  std::set<std::string> seen;
  auto add = [&](const ir::Dataset& d) {
    if (d.results || d.file.empty() || !seen.insert(d.file).second) return;
    out.push_back(fileRecord(d.file, dataDir / d.file));
  };
  for (const ir::Dataset& d : m.datasets) {
    add(d);
    for (const ir::Dataset& more : d.moreFiles) add(more);
  }
  return out;
}

// Locations written relative to the data folder and to the regolamento's
// folder, so that two runs made from different copies compare equal.
void relativize(Json& j, const std::vector<std::string>& prefixes) {
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    for (const std::string& p : prefixes)
      if (!p.empty() && s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
        j = s.substr(p.size());
        return;
      }
  } else if (j.is_structured()) {
    for (Json& child : j) relativize(child, prefixes);
  }
}

int64_t cents(const Rational& euro) {
  return roundTo(euro * Rational(100, 1), 0, RoundingMode::HalfUp).toLong().value_or(0);
}

std::string componentsJson(const eval::PersonResult& p, const ir::Profile& profile) {
  Json list = Json::array();
  for (const eval::ComponentOutcome& co : p.components) {
    Json c;
    c["nome"] = report::detail::at(profile.components, co.component, "componente").name;
    c["punti"] = co.points ? Json(report::detail::exactText(*co.points)) : Json(nullptr);
    c["punti_esatto"] = co.points ? Json(co.points->toFraction()) : Json(nullptr);
    list.push_back(std::move(c));
  }
  return list.dump();
}

PersonRecord personRecord(const ir::Module& plan, const eval::Evaluation& ev, const eval::PersonResult& p,
                          const SourceManager& sources, const std::vector<std::string>& prefixes) {
  const ir::Profile& profile = report::detail::at(plan.profiles, p.profile, "profilo");
  PersonRecord r;
  r.matricola = p.matricola;
  r.nominativo = p.nominativo;
  r.profilo = profile.name;
  r.stato = report::detail::statusWord(p.status);
  r.motivo = p.reason;
  if (p.status == eval::PersonStatus::Valutato) {
    r.totale = report::detail::totalText(profile, p.total);
    r.totaleEsatto = p.total.toFraction();
    r.totaleNonArrotondato = p.totalExact.toFraction();
    if (p.band) {
      const ir::Band& b = report::detail::at(profile.bands, *p.band, "fascia");
      r.fascia = b.label;
      r.fasciaPercentuale = report::detail::percentText(b.percent);
    }
    if (p.premio) r.premioCentesimi = cents(*p.premio);
    if (p.premioExact) r.premioEsatto = p.premioExact->toFraction();
    r.componenti = componentsJson(p, profile);
  }
  Json derivation = Json::parse(report::explainJson(plan, ev, p, sources));
  derivation.erase("regolamento");  // the path as typed: the archive keeps it once, in the run
  relativize(derivation, prefixes);
  r.derivazione = derivation.dump();
  return r;
}

}  // namespace

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t premiCentesimi(const Snapshot& s) {
  int64_t sum = 0;
  for (const PersonRecord& p : s.persone) sum += p.premioCentesimi.value_or(0);
  return sum;
}

Snapshot takeSnapshot(const ir::Module& compiled, const eval::Evaluation& evaluation, const SourceManager& sources,
                      const std::string& regolamento, const std::string& dataDir) {
  const ir::Module& plan = eval::planOf(compiled, evaluation);
  Snapshot s;
  s.ente = plan.ente;
  s.anno = plan.anno;
  s.regolamento = regolamento;
  s.regolamentoTesto = readBytes(regolamento).value_or("");
  s.regolamentoSha256 = sha256Hex(s.regolamentoTesto);
  s.cartellaDati = dataDir;
  s.moduli = moduleRecords(plan, sources);
  s.dati = dataRecords(plan, dataDir);
  if (evaluation.deroga) s.deroga = evaluation.deroga->reason;
  std::vector<std::string> prefixes = {(fs::path(dataDir) / "").string()};
  fs::path ruleDir = fs::path(regolamento).parent_path();
  if (!ruleDir.empty()) prefixes.push_back((ruleDir / "").string());
  for (const eval::PersonResult& p : evaluation.persons)
    s.persone.push_back(personRecord(plan, evaluation, p, sources, prefixes));
  s.risultatiCsv = report::csv(plan, evaluation);
  for (const eval::FundOutcome& o : evaluation.funds) {
    FundRecord f;
    f.nome = report::detail::at(plan.funds, o.fund, "fondo").name;
    f.stanziato = cents(o.amount);
    f.distribuito = cents(o.distributed);
    f.economia = cents(o.unspent);
    f.persone = o.members;
    f.bloccato = o.blocked;
    s.fondi.push_back(std::move(f));
  }
  return s;
}

}  // namespace misura::archive
