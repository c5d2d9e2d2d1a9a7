// compare() (compare.h): pairs the persons by matricola, the files and funds
// by name, and collects the causes of each changed result.
#include "runtime/archive/compare.h"

#include <unordered_map>

namespace misura::archive {

namespace {

void compareFiles(const std::vector<FileRecord>& a, const std::vector<FileRecord>& b, const char* tipo,
                  std::vector<FileChange>& out) {
  std::map<std::string, std::string> before, after, detail;
  for (const FileRecord& f : a) before[f.name] = f.sha256, detail[f.name] = f.detail;
  for (const FileRecord& f : b) {
    after[f.name] = f.sha256;
    if (!f.detail.empty()) detail[f.name] = f.detail;
  }
  for (const FileRecord& f : a)
    if (after[f.name] != f.sha256) out.push_back({tipo, f.name, f.sha256, after[f.name], detail[f.name]});
  for (const FileRecord& f : b)
    if (!before.count(f.name)) out.push_back({tipo, f.name, "", f.sha256, detail[f.name]});
}

PersonDiff personDiff(const PersonRecord* a, const PersonRecord* b) {
  PersonDiff d;
  d.a = a;
  d.b = b;
  if (!a || !b) return d;
  d.stato = a->stato != b->stato;
  d.totale = a->totaleEsatto != b->totaleEsatto;
  d.fascia = a->fascia != b->fascia;
  d.premio = a->premioCentesimi != b->premioCentesimi;
  // The unrounded total too: a change that the rounding hides is still a change worth explaining.
  if (d.changed() || a->totaleNonArrotondato != b->totaleNonArrotondato || a->premioEsatto != b->premioEsatto) {
    d.totale = d.totale || a->totaleNonArrotondato != b->totaleNonArrotondato;
    d.premio = d.premio || a->premioEsatto != b->premioEsatto;
    d.causes = derivationCauses(a->derivazione, b->derivazione);
  }
  return d;
}

}  // namespace

Comparison compare(const Snapshot& a, const Snapshot& b, const std::optional<std::string>& matricola) {
  Comparison c;
  c.a = &a;
  c.b = &b;
  c.regolamento = a.regolamentoSha256 == b.regolamentoSha256 ? std::vector<LineChange>{}
                                                             : lineDiff(a.regolamentoTesto, b.regolamentoTesto);
  compareFiles(a.moduli, b.moduli, "modulo", c.files);
  compareFiles(a.dati, b.dati, "dati", c.files);

  std::unordered_map<std::string, const PersonRecord*> inB;
  for (const PersonRecord& p : b.persone) inB[p.matricola] = &p;
  std::unordered_map<std::string, bool> inA;
  auto wanted = [&](const std::string& m) { return !matricola || *matricola == m; };
  for (const PersonRecord& p : a.persone) {
    inA[p.matricola] = true;
    if (!wanted(p.matricola)) continue;
    auto it = inB.find(p.matricola);
    c.persons.push_back(personDiff(&p, it == inB.end() ? nullptr : it->second));
  }
  for (const PersonRecord& p : b.persone)
    if (!inA.count(p.matricola) && wanted(p.matricola)) c.persons.push_back(personDiff(nullptr, &p));
  for (const PersonDiff& d : c.persons) ++c.transitions[{d.a ? d.a->fascia : "", d.b ? d.b->fascia : ""}];

  for (const FundRecord& f : a.fondi) {
    FundDiff d{f.nome, &f, nullptr};
    for (const FundRecord& g : b.fondi)
      if (g.nome == f.nome) d.b = &g;
    c.funds.push_back(d);
  }
  for (const FundRecord& g : b.fondi) {
    bool seen = false;
    for (const FundRecord& f : a.fondi) seen = seen || f.nome == g.nome;
    if (!seen) c.funds.push_back({g.nome, nullptr, &g});
  }
  return c;
}

}  // namespace misura::archive
