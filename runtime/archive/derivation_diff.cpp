// derivationCauses() (derivation_diff.h): flatten both derivations into
// leaves named by path (array elements by their code or name, not by their
// position, so that an objective added before another does not shift the
// rest), then name the leaves that differ and are inputs.
#include "runtime/archive/derivation_diff.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

namespace misura::archive {

namespace {

using Json = nlohmann::ordered_json;

struct Scope {
  std::string name;   // the key of the object or array ("obiettivi", "premio")
  std::string label;  // an array element's code or name; "" for an object
};

struct Leaf {
  std::string key;
  std::string value;
  std::vector<Scope> scopes;  // outermost first
  const Json* parent = nullptr;
};

// Arrays whose elements, present in one run and not in the other, are a cause themselves.
const std::set<std::string> kCounted = {"obiettivi", "obiettivi_solo_premio", "comportamenti", "fasi"};

std::string scalarText(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "sì" : "no";
  return v.dump();
}

std::string labelOf(const Json& element, size_t index) {
  for (const char* k : {"codice", "nome", "parte", "fondo", "etichetta", "graduatoria"})
    if (auto it = element.find(k); it != element.end() && it->is_string()) return it->get<std::string>();
  return std::to_string(index + 1);
}

// The leaves of one derivation; they point into its own copy of the document.
class Flattener {
 public:
  std::vector<std::string> order;  // paths in document order
  std::map<std::string, Leaf> leaves;

  explicit Flattener(const std::string& text) {
    doc_ = Json::parse(text, nullptr, false);
    if (doc_.is_discarded() || !doc_.is_object()) return;
    std::vector<Scope> scopes;
    walk(doc_, "", scopes);
  }
  Flattener(const Flattener&) = delete;
  Flattener& operator=(const Flattener&) = delete;
  const Json& doc() const { return doc_; }

 private:
  Json doc_;

  void walk(const Json& j, const std::string& path, std::vector<Scope>& scopes) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      const Json& v = it.value();
      std::string p = path + "." + k;
      if (v.is_object()) {
        scopes.push_back({k, ""});
        walk(v, p, scopes);
        scopes.pop_back();
      } else if (v.is_array()) {
        array(v, k, p, scopes, j);
      } else {
        add(p, Leaf{k, scalarText(v), scopes, &j});
      }
    }
  }

  void add(const std::string& path, Leaf leaf) {
    if (leaves.emplace(path, std::move(leaf)).second) order.push_back(path);
  }

  void array(const Json& v, const std::string& k, const std::string& p, std::vector<Scope>& scopes, const Json& parent) {
    for (size_t i = 0; i < v.size(); ++i) {
      const Json& e = v[i];
      if (!e.is_object()) {
        add(p + "[" + std::to_string(i + 1) + "]", Leaf{k, scalarText(e), scopes, &parent});
        continue;
      }
      std::string label = labelOf(e, i);
      std::string ep = p + "[" + label + "]";
      scopes.push_back({k, label});
      if (kCounted.count(k)) add(ep + ".#presente", Leaf{"#presente", "sì", scopes, &e});
      walk(e, ep, scopes);
      scopes.pop_back();
    }
  }
};

std::string field(const Leaf* l, const char* key) {
  if (!l || !l->parent || !l->parent->is_object()) return "";
  auto it = l->parent->find(key);
  return it == l->parent->end() ? "" : scalarText(*it);
}

// The label of the innermost scope called `name`, or "".
std::string labelIn(const std::vector<Scope>& scopes, std::initializer_list<const char*> names) {
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
    for (const char* n : names)
      if (it->name == n) return it->label;
  return "";
}

std::string guillemets(const std::string& s) { return "«" + s + "»"; }

// Names the input leaves (see inputName below); one method per part of the
// derivation. `a`/`b` are the leaf in each run (one may be null); `where`
// gets the data cell or rule line to show with it.
class Namer {
 public:
  using Name = std::optional<std::string>;

  Namer(const Leaf& l, const Leaf* a, const Leaf* b, std::string& where)
      : k_(l.key), scopes_(l.scopes), a_(a), b_(b), where_(where) {
    if (!scopes_.empty()) {
      inner_ = scopes_.back().name;
      label_ = scopes_.back().label;
    }
  }

  Name name() {
    if (inner_ == "obiettivi" || inner_ == "obiettivi_solo_premio") return objective();
    if (inner_ == "fasi") return phase();
    if (inner_ == "comportamenti") return behaviour();
    if (!scopes_.empty() && scopes_.front().name == "premio") return premio();
    if (inner_ == "fascia") return band();
    return other();
  }

 private:
  const std::string& k_;
  const std::vector<Scope>& scopes_;
  const Leaf* a_;
  const Leaf* b_;
  std::string& where_;
  std::string inner_, label_;

  // Sets `where` to the sibling `key` (the second run's, else the first's).
  void at(const char* key) {
    where_ = field(b_, key);
    if (where_.empty()) where_ = field(a_, key);
  }
  std::string objectiveCode() const { return labelIn(scopes_, {"obiettivi", "obiettivi_solo_premio"}); }

  Name objective() {
    std::string of = " dell'obiettivo " + label_;
    if (k_ == "#presente") return "obiettivo " + label_ + " assegnato";
    if (k_ == "peso") {
      at("peso_dato");
      if (where_.empty()) at("peso_per");
      return "peso" + of;
    }
    if (k_ == "valore") {
      at("dato");
      return "valore misurato" + of;
    }
    if (k_ == "termine") return "termine" + of;
    // Not an input but the step an appeal turns on: the value crossed the
    // indicator's threshold (0,55 -> 0,7 makes 0% -> 70%).
    if (k_ == "esito") return "di conseguenza, esito" + of;
    if (k_ == "misura") return "misura" + of + " (come scritta nel regolamento)";
    if (k_ == "se_non_rilevato") return "regola «se non rilevato»" + of;
    if (k_ == "indicatore") return "indicatore" + of;
    if (k_ == "stato") return "stato" + of;
    if (k_ == "peso_per" || k_ == "peso_da") return "regola del peso" + of;
    return std::nullopt;
  }

  Name phase() {
    std::string phase = "fase " + label_ + " dell'obiettivo " + objectiveCode();
    if (k_ == "#presente") return phase;
    if (k_ == "valore") at("dato");
    if (k_ == "peso" || k_ == "termine" || k_ == "valore") return k_ + " della " + phase;
    return std::nullopt;
  }

  Name behaviour() {
    std::string of = " del comportamento " + label_;
    if (k_ == "#presente") return "comportamento " + label_ + " valutato";
    if (k_ == "peso") return "peso" + of;
    if (k_ == "voto" || k_ == "giudizio") {
      at("dato");
      return k_ + of;
    }
    return std::nullopt;
  }

  // The band's line as written is not listed: its meaning (interval, percentage) is.
  Name band() {
    if (k_ != "percentuale" && k_ != "intervallo") return std::nullopt;
    if (field(a_, "etichetta") != field(b_, "etichetta")) return std::nullopt;  // another band: see bandMoved
    at("nel_regolamento");
    std::string band = "fascia " + guillemets(field(b_, "etichetta"));
    return (k_ == "percentuale" ? "percentuale della " : "intervallo di punteggio della ") + band;
  }

  Name premio() {
    if (inner_ == "valori_usati") return usedValue();
    std::string part = labelIn(scopes_, {"parti"});
    std::string of = part.empty() ? " del premio" : " della parte " + guillemets(part) + " del premio";
    std::string fund = guillemets(field(b_ ? b_ : a_, "fondo"));
    if (k_ == "formula") {
      at("nel_regolamento");
      return "formula" + of;
    }
    if (k_ == "arrotondamento") return "arrotondamento" + of;
    if (k_ == "importo_fondo" || k_ == "stanziato") return "stanziamento del fondo " + fund + " (euro)";
    if (k_ == "quota_unitaria") return "quota unitaria del fondo " + fund + " (euro)";
    if (k_ == "massimo_per_persona") return "massimo per persona del fondo " + fund + " (euro)";
    // What the others' results do to a shared fund: the denominator of everyone's share.
    if (k_ == "somma_quote") return "somma delle quote di chi partecipa al fondo " + fund;
    return std::nullopt;
  }

  // A name a rule read: an input only when it came from a data cell.
  Name usedValue() {
    if (k_ != "valore") return std::nullopt;
    at("dato");
    if (where_.empty()) return std::nullopt;  // computed by the regolamento: a consequence
    return "dato " + guillemets(label_);
  }

  Name other() {
    if (inner_ == "valori_usati") return usedValue();
    if (inner_ == "argomenti" && (k_ == "valore" || k_ == "scritto"))
      return "argomento " + guillemets(label_) + " della misura dell'obiettivo " + objectiveCode();
    if (k_ == "testo" && (inner_ == "regola" || inner_ == "espressione")) {
      at("nel_regolamento");
      if (inner_ == "regola") return "regola dell'indicatore " + guillemets(field(b_ ? b_ : a_, "indicatore"));
      return "espressione della componente " + guillemets(labelIn(scopes_, {"componenti"}));
    }
    if (inner_ == "componenti" && (k_ == "massimo" || k_ == "arrotondamento" || k_ == "pesi")) {
      std::string what = k_ == "massimo" ? "punteggio massimo" : k_;
      return what + " della componente " + guillemets(label_);
    }
    if (inner_ == "totale" && k_ == "arrotondamento") return "arrotondamento del totale";
    if (inner_ == "moduli" && k_ == "applicato") return "modulo " + guillemets(label_) + " applicato";
    if (scopes_.empty() && k_ == "profilo") return std::string("profilo");
    if (scopes_.empty() && k_ == "motivo") return std::string("motivo della non valutazione");
    return std::nullopt;
  }
};

// The Italian name of an input leaf, or nullopt for a leaf that is a
// consequence (points, totals; an esito is named, see Namer::objective) or
// mere provenance (line numbers).
std::optional<std::string> inputName(const Leaf& l, const Leaf* a, const Leaf* b, std::string& where) {
  return Namer(l, a, b, where).name();
}

// Another band for the same total: the bands themselves moved. The leaves of
// the two bands are not comparable (each run names only the person's band),
// so the cause is said as the band each run gives to that total.
std::optional<Cause> bandMoved(const Json& a, const Json& b) {
  auto band = [](const Json& doc) -> const Json* {
    auto it = doc.find("fascia");
    return it != doc.end() && it->is_object() ? &*it : nullptr;
  };
  auto total = [](const Json& doc) -> std::string {
    auto it = doc.find("totale");
    if (it == doc.end() || !it->is_object()) return "";
    auto v = it->find("valore_esatto");
    return v == it->end() ? "" : scalarText(*v);
  };
  const Json* ba = band(a);
  const Json* bb = band(b);
  if (!ba || !bb || total(a).empty() || total(a) != total(b)) return std::nullopt;
  auto text = [](const Json& f) { return guillemets(scalarText(f.value("etichetta", Json()))) + " " + scalarText(f.value("intervallo", Json())); };
  if (scalarText(ba->value("etichetta", Json())) == scalarText(bb->value("etichetta", Json()))) return std::nullopt;
  return Cause{"fasce del regolamento: con lo stesso totale, la fascia", text(*ba), text(*bb),
               scalarText(bb->value("nel_regolamento", Json()))};
}

}  // namespace

std::vector<Cause> derivationCauses(const std::string& before, const std::string& after) {
  std::vector<Cause> out;
  if (before.empty() || after.empty()) return out;
  Flattener a(before), b(after);
  std::vector<std::string> paths = a.order;
  for (const std::string& p : b.order)
    if (!a.leaves.count(p)) paths.push_back(p);
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const std::string& p : paths) {
    auto ia = a.leaves.find(p), ib = b.leaves.find(p);
    const Leaf* la = ia == a.leaves.end() ? nullptr : &ia->second;
    const Leaf* lb = ib == b.leaves.end() ? nullptr : &ib->second;
    std::string va = la ? la->value : "", vb = lb ? lb->value : "";
    if (va == vb) continue;
    Cause c;
    std::optional<std::string> what = inputName(lb ? *lb : *la, la, lb, c.where);
    if (!what) continue;
    c.what = *what;
    c.before = va;
    c.after = vb;
    if ((la ? la : lb)->key == "#presente") {  // an objective or item in one run only
      c.before = la ? "sì" : "no";
      c.after = lb ? "sì" : "no";
    }
    // The same cell read by the objective and by its indicator's rule: said once.
    if (!seen.insert({c.where.empty() ? c.what : c.where, c.before, c.after}).second) continue;
    out.push_back(std::move(c));
  }
  if (a.doc().is_object() && b.doc().is_object())
    if (std::optional<Cause> band = bandMoved(a.doc(), b.doc())) out.insert(out.begin(), std::move(*band));
  return out;
}

}  // namespace misura::archive
