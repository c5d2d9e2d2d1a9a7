// The staff list as offices keep it: several `personale da` blocks (one file
// for the EQ, one for the staff, one for the segretario) read as one list
// with one matricola space, and fields computed per row from the others
// (`profilo = se incarico_eq allora "responsabile" altrimenti "dipendente"`,
// `nominativo = cognome + " " + nome`).
#include <fmt/format.h>

#include "compiler/sema/checker.h"

namespace misura::sema {

namespace {

std::string fileOf(const ast::Dataset& d) { return fmt::format("«{}»", d.file.value); }

// The first sub-expression of `e` that needs more than the row: the
// period of service (known only once the staff list is read) or a table.
const ast::Expr* beyondTheRow(const ast::Expr& e, const Checked& c) {
  const Resolution& r = c.resolved.at(e.id);
  if (const ResBuiltin* b = std::get_if<ResBuiltin>(&r); b && b->fn == BuiltinFn::GiorniServizio) return &e;
  if (std::holds_alternative<ResAggregate>(r)) return &e;
  const ast::Expr* found = nullptr;
  auto visit = [&](const ast::ExprPtr& sub) {
    if (!found && sub) found = beyondTheRow(*sub, c);
  };
  if (const auto* call = std::get_if<ast::Call>(&e.node)) {
    for (const ast::ExprPtr& a : call->args) visit(a);
    visit(call->where);
  } else if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
    visit(u->operand);
  } else if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
    visit(b->lhs);
    visit(b->rhs);
  } else if (const auto* i = std::get_if<ast::If>(&e.node)) {
    visit(i->cond);
    visit(i->then);
    visit(i->otherwise);
  } else if (const auto* s = std::get_if<ast::Steps>(&e.node)) {
    visit(s->subject);
  }
  return found;
}

// Both absent, or both naming the same field.
bool sameName(const std::optional<ast::Ident>& a, const std::optional<ast::Ident>& b) {
  return a.has_value() == b.has_value() && (!a || a->name == b->name);
}

}  // namespace

const ast::Dataset* Checker::mergeStaffFiles(const std::vector<const ast::Dataset*>& blocks) {
  out_.staffFiles.clear();
  if (blocks.size() == 1) {
    StaffFileInfo only{blocks[0], {}};
    for (uint32_t i = 0; i < blocks[0]->fields.size(); ++i) only.fieldOf.push_back(i);
    out_.staffFiles.push_back(std::move(only));
    return blocks[0];
  }
  auto merged = std::make_shared<ast::Dataset>();
  merged->name = blocks[0]->name;
  merged->isStaff = true;
  merged->file = blocks[0]->file;
  // The merged list reads the first block's file: keep all its reading options.
  merged->encoding = blocks[0]->encoding;
  merged->separator = blocks[0]->separator;
  merged->sheet = blocks[0]->sheet;
  merged->decimal = blocks[0]->decimal;
  merged->headerRow = blocks[0]->headerRow;
  merged->missingMarks = blocks[0]->missingMarks;
  merged->span = blocks[0]->span;
  std::map<std::string, uint32_t> byName;
  for (const ast::Dataset* b : blocks) {
    for (const ast::ServicePeriod& sp : b->service) {
      bool same = false;
      for (const ast::ServicePeriod& had : merged->service)
        same |= sameName(had.from, sp.from) && sameName(had.to, sp.to);
      if (!same) merged->service.push_back(sp);
    }
    for (const ast::Field& f : b->fields) {
      auto [it, inserted] = byName.emplace(f.name.name, static_cast<uint32_t>(merged->fields.size()));
      if (!inserted) continue;
      ast::Field copy = f;
      copy.derived.reset();  // the expressions stay with their block (StaffFileInfo)
      merged->fields.push_back(std::move(copy));
    }
  }
  for (const ast::Dataset* b : blocks) {
    StaffFileInfo info{b, std::vector<std::optional<uint32_t>>(merged->fields.size())};
    for (uint32_t i = 0; i < b->fields.size(); ++i) {
      uint32_t m = byName.at(b->fields[i].name.name);
      if (info.fieldOf[m]) {
        duplicate("campo", b->fields[i].name, b->fields[*info.fieldOf[m]].name.span);
        continue;
      }
      info.fieldOf[m] = i;
      ast::Field& mf = merged->fields[m];
      mf.key = mf.key || b->fields[i].key;
      mf.optional = mf.optional || b->fields[i].optional;
    }
    out_.staffFiles.push_back(std::move(info));
  }
  // A field that a file does not have is non rilevato for its persons.
  for (uint32_t m = 0; m < merged->fields.size(); ++m)
    for (const StaffFileInfo& info : out_.staffFiles)
      if (!info.fieldOf[m] && !merged->fields[m].key) merged->fields[m].optional = true;  // a key: E0477
  out_.mergedStaff = merged;
  return merged.get();
}

Type Checker::staffFieldType(uint32_t field) const {
  if (auto it = out_.derivedTypes.find(field); it != out_.derivedTypes.end()) return it->second;
  return fromTypeName(out_.datasets.at(0).decl->fields.at(field).type);
}

// Each block's computed fields, in writing order: an expression over the
// fields the block reads from its file and the computed fields before it.
void Checker::checkDerivedFields() {
  const std::map<std::string, uint32_t> all = staffFields_;
  const ast::Dataset& merged = *out_.datasets.at(0).decl;
  for (const StaffFileInfo& block : out_.staffFiles) {
    std::map<std::string, uint32_t> visible;
    for (uint32_t m = 0; m < block.fieldOf.size(); ++m)
      if (block.fieldOf[m] && !block.decl->fields[*block.fieldOf[m]].derived) visible.emplace(merged.fields[m].name.name, m);
    for (const ast::Field& f : block.decl->fields) {
      if (!f.derived) continue;
      auto m = all.find(f.name.name);
      if (m == all.end()) continue;
      staffFields_ = visible;
      const ast::Expr& e = *block.decl->derived.at(*f.derived);
      Type t = expr(e, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
      visible.emplace(f.name.name, m->second);
      if (t == Type::Errore) {
        out_.derivedTypes.emplace(m->second, Type::Errore);  // silences the uses of the field
        continue;
      }
      if (const ast::Expr* far = beyondTheRow(e, out_)) {
        out_.derivedTypes.emplace(m->second, Type::Errore);
        diags_.error("E0480", far->span,
                     fmt::format("il campo calcolato «{}» usa solo i campi della stessa riga del personale", f.name.name),
                     "il periodo di servizio e le tabelle di dati si usano nelle componenti, nel premio e nelle "
                     "condizioni, non nei campi calcolati del personale");
        continue;
      }
      auto [it, inserted] = out_.derivedTypes.emplace(m->second, t);
      if (!inserted && it->second != t && it->second != Type::Errore)
        diags_.error("E0476", e.span,
                     fmt::format("il campo «{}» è calcolato come {} in {} ma come {} in un altro file del personale",
                                 f.name.name, typeName(t), fileOf(*block.decl), typeName(it->second)),
                     "lo stesso campo ha lo stesso tipo in tutti i file del personale");
    }
  }
  staffFields_ = all;
}

// Each `controlla CONDIZIONE "messaggio"`: a condition (booleano) on the
// fields of one row, checked when the file is read.
void Checker::checkRowChecks(const ast::Dataset& d, std::optional<uint32_t> table) {
  for (const ast::RowCheck& c : d.checks) {
    Type t;
    if (table) {
      std::optional<uint32_t> saved = rows_;
      rows_ = *table;
      t = expr(*c.condition, Scope{Scope::Kind::MeasureArg, nullptr, 0, nullptr});
      rows_ = saved;
    } else {
      t = expr(*c.condition, Scope{Scope::Kind::Person, nullptr, 0, nullptr});
    }
    if (t == Type::Errore) continue;
    if (const ast::Expr* far = beyondTheRow(*c.condition, out_)) {
      diags_.error("E0482", far->span, "un controllo sulle righe usa solo i campi della riga",
                   "il periodo di servizio e le altre tabelle non si usano in «controlla»");
      continue;
    }
    if (t != Type::Booleano)
      diags_.error("E0481", c.condition->span,
                   fmt::format("dopo «controlla» serve una condizione (vero o falso), ma questa espressione è di "
                               "tipo {}",
                               typeName(t)),
                   "per esempio: controlla part_time <= 1 \"il part-time è una frazione dell'orario pieno\"");
  }
}

// Several staff files: the same key field in each, the same type for a
// field declared in two of them, `profilo` and `nominativo` in all or none.
void Checker::checkStaffFilesAgree() {
  if (out_.staffFiles.size() < 2) return;
  const ast::Dataset& merged = *out_.datasets.at(0).decl;
  for (uint32_t m = 0; m < merged.fields.size(); ++m) {
    const ast::Field& mf = merged.fields[m];
    std::optional<Type> seen;
    const ast::Field* first = nullptr;
    for (const StaffFileInfo& block : out_.staffFiles) {
      if (!block.fieldOf[m]) {
        if (mf.key || mf.name.name == "profilo" || mf.name.name == "nominativo")
          diags_.error("E0477",
                       block.decl->span,
                       fmt::format("il file del personale {} non ha il campo «{}», che {}", fileOf(*block.decl),
                                   mf.name.name,
                                   mf.key ? "è la chiave dell'elenco del personale"
                                          : "gli altri file del personale hanno"),
                       mf.key ? fmt::format("tutti i file del personale hanno la stessa chiave: «{}»", mf.name.name)
                       : mf.name.name == "profilo"
                           ? std::string("dichiaralo, oppure calcolalo per tutto il file: profilo = \"segretario\"")
                           : std::string("dichiaralo, oppure calcolalo: nominativo = cognome + \" \" + nome; "
                                         "così nessuna persona compare senza nome"));
        continue;
      }
      const ast::Field& f = block.decl->fields[*block.fieldOf[m]];
      if (f.key != mf.key)
        diags_.error("E0477", f.name.span,
                     fmt::format("«{}» è la chiave di un altro file del personale ma non di {}", f.name.name,
                                 fileOf(*block.decl)),
                     "la matricola è la chiave di tutti i file del personale: aggiungi «chiave»");
      if (f.derived) continue;  // checkDerivedFields compared the computed ones
      Type t = fromTypeName(f.type);
      auto derived = out_.derivedTypes.find(m);
      if (derived != out_.derivedTypes.end() && derived->second != t && derived->second != Type::Errore) {
        diags_.error("E0476", f.typeSpan,
                     fmt::format("il campo «{}» è di tipo {} in {} ma in un altro file del personale è calcolato "
                                 "come {}",
                                 f.name.name, typeName(t), fileOf(*block.decl), typeName(derived->second)),
                     "lo stesso campo ha lo stesso tipo in tutti i file del personale");
        continue;
      }
      if (!seen) {
        seen = t;
        first = &f;
        continue;
      }
      if (*seen != t)
        diags_.report(Diagnostic{"E0476", Severity::Errore, f.typeSpan,
                                 fmt::format("il campo «{}» è di tipo {} in {} ma di tipo {} in un altro file del "
                                             "personale",
                                             f.name.name, typeName(t), fileOf(*block.decl), typeName(*seen)),
                                 {Label{first->typeSpan, "dichiarato qui"}},
                                 "lo stesso campo ha lo stesso tipo in tutti i file del personale",
                                 {}});
    }
  }
}

}  // namespace misura::sema
