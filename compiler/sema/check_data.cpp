// Checks of the data declarations: the staff list (`personale`) and the
// other tables (`dati`), whose schema the loader will enforce on the files.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/support/suggest.h"
#include "compiler/support/year_file.h"

namespace misura::sema {

namespace {

bool knownEncoding(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* n : {"utf-8", "utf8", "latin1", "iso-8859-1", "windows-1252", "cp1252"})
    if (name == n) return true;
  return false;
}

}  // namespace

void Checker::checkFileOptions(const ast::Dataset& d) {
  if (std::string problem = yearPlaceholderProblem(d.file.value); !problem.empty())
    diags_.error("E0536", d.file.span, fmt::format("nome di file non valido «{}»: {}", d.file.value, problem),
                 "per un file che cambia con l'anno scrivi per esempio: da \"personale_{anno}.xlsx\"");
  for (const ast::Field& f : d.fields)
    if (f.column)
      if (std::string problem = yearPlaceholderProblem(f.column->value); !problem.empty())
        diags_.error("E0536", f.column->span, fmt::format("nome di colonna non valido «{}»: {}", f.column->value, problem),
                     "per una colonna che cambia con l'anno scrivi per esempio: colonna \"Obiettivo (PIAO {anno})\"");
  if (d.encoding && !knownEncoding(d.encoding->value))
    diags_.error("E0214", d.encoding->span, fmt::format("codifica sconosciuta «{}»", d.encoding->value),
                 "le codifiche ammesse sono \"utf-8\", \"windows-1252\" e \"latin1\"");
  if (d.separator && d.separator->value != ";" && d.separator->value != "," && d.separator->value != "\t" &&
      d.separator->value != "\\t")
    diags_.error("E0215", d.separator->span, fmt::format("separatore non ammesso «{}»", d.separator->value),
                 "i separatori ammessi sono \";\", \",\" e \"\\t\" (tabulazione)");
  if (d.decimal && d.decimal->value != "." && d.decimal->value != ",")
    diags_.error("E0532", d.decimal->span, fmt::format("separatore decimale non ammesso «{}»", d.decimal->value),
                 "scrivi decimali \",\" (0,5: il predefinito) oppure decimali \".\" (0.5, come nei file "
                 "esportati da molti programmi)");
  if (d.headerRow) {
    const std::string& digits = d.headerRow->value;
    bool ok = !digits.empty() && digits.size() <= 7 && digits.find_first_not_of("0123456789") == std::string::npos &&
              std::stoul(digits) >= 1 && std::stoul(digits) <= 1048576;
    if (!ok)
      diags_.error("E0533", d.headerRow->span, fmt::format("riga di intestazione non valida «{}»", digits),
                   "scrivi il numero della riga che contiene i nomi delle colonne, da 1 in su, ad esempio "
                   "intestazione riga 3");
  }
  if (d.sheet && d.sheet->value.find_first_not_of(" \t") == std::string::npos)
    diags_.error("E0535", d.sheet->span, "il nome del foglio è vuoto",
                 "scrivi il nome del foglio come compare nella linguetta in basso in Excel, ad esempio "
                 "foglio \"Foglio1\"");
}

void Checker::checkDatasets() {
  std::vector<const ast::Dataset*> blocks;
  for (const ast::Dataset& d : program_.datasets)
    if (d.isStaff) blocks.push_back(&d);
  if (blocks.empty()) {
    diags_.error("E0203", Span{program_.file, 0, 0}, "manca l'elenco del personale",
                 "dichiaralo con: personale da \"personale.csv\" { matricola testo chiave  profilo testo ... }");
    return;
  }
  // Several blocks: one staff list read from several files (check_staff_files.cpp).
  const ast::Dataset* staff = mergeStaffFiles(blocks);
  out_.datasets.push_back(DatasetInfo{staff, {}, {}});
  datasetIndex_.emplace("personale", 0);
  checkStaff(*staff);
  for (const ast::Dataset& d : program_.datasets)
    if (!d.isStaff) checkTable(d);
}

void Checker::checkStaff(const ast::Dataset& staff) {
  for (const StaffFileInfo& block : out_.staffFiles) {
    checkFileOptions(*block.decl);
    checkFieldRules(*block.decl);
  }
  staffFields_ = indexNames(staff.fields, [](const ast::Field& f) -> const ast::Ident& { return f.name; }, "campo");
  std::vector<uint32_t> keys;
  for (uint32_t i = 0; i < staff.fields.size(); ++i) {
    const ast::Field& f = staff.fields[i];
    if (f.key) keys.push_back(i);
    if (f.key && (f.type != ast::TypeName::Testo || f.optional))
      diags_.error("E0209", f.typeSpan, "la chiave del personale (la matricola) deve essere di tipo testo e non opzionale");
  }
  if (keys.size() != 1)
    diags_.error("E0209", staff.span,
                 keys.empty() ? "l'elenco del personale non ha un campo chiave"
                              : "l'elenco del personale ha più di un campo chiave",
                 "indica la matricola con: matricola testo chiave");
  else
    out_.staffKeyField = keys[0];
  checkDerivedFields();
  for (const StaffFileInfo& block : out_.staffFiles) checkRowChecks(*block.decl, std::nullopt);
  checkService(staff);
  checkStaffFilesAgree();
  auto profilo = staffFields_.find("profilo");
  if (profilo == staffFields_.end())
    diags_.error("E0209", staff.span, "l'elenco del personale non ha il campo «profilo»",
                 "aggiungi: profilo testo  (il valore di ogni riga è il nome di un profilo del regolamento), "
                 "oppure calcolalo dagli altri campi: profilo = se incarico_eq allora \"responsabile\" altrimenti "
                 "\"dipendente\"");
  else if ((staffFieldType(profilo->second) != Type::Testo && staffFieldType(profilo->second) != Type::Errore) ||
           staff.fields[profilo->second].optional)
    diags_.error("E0209", staff.fields[profilo->second].typeSpan, "il campo «profilo» deve essere di tipo testo e non opzionale");
  else
    out_.staffProfileField = profilo->second;
}

void Checker::checkTable(const ast::Dataset& table) {
  checkFileOptions(table);
  auto [it, inserted] = datasetIndex_.emplace(table.name.name, static_cast<uint32_t>(out_.datasets.size()));
  if (!inserted) {
    duplicate("tabella di dati", table.name, out_.datasets[it->second].decl->name.span);
    return;
  }
  DatasetInfo info{&table, {}, {}};
  const std::string& staffKey = program_.datasets.empty() ? "" :
      out_.datasets[0].decl->fields.empty() ? "" : out_.datasets[0].decl->fields[out_.staffKeyField].name.name;
  // A table without `chiave (...)` is a record table (a list of rows, read by
  // conta/somma/media/media_ponderata); `misura ... su` and `voti da` refuse it (E0216).
  for (size_t i = 0; i < table.key.size(); ++i) {
    const ast::Ident& k = table.key[i];
    KeyRole role;
    uint32_t staffField = 0;
    if (k.name == staffKey) role = KeyRole::Persona;
    else if (k.name == "obiettivo") role = KeyRole::Obiettivo;
    else if (k.name == "comportamento") role = KeyRole::Comportamento;
    else if (k.name == "fase") role = KeyRole::Fase;
    else if (std::optional<KeyRole> r = otherKeyRole(k, staffField)) role = *r;
    else continue;
    for (size_t j = 0; j < i; ++j)
      if (table.key[j].name == k.name) diags_.error("E0208", k.span, fmt::format("colonna chiave «{}» ripetuta", k.name));
    info.keyRoles.push_back(role);
    info.keyFields.push_back(staffField);
  }
  auto fields = indexNames(table.fields, [](const ast::Field& f) -> const ast::Ident& { return f.name; }, "campo");
  for (const ast::Field& f : table.fields) {
    if (f.key)
      diags_.error("E0208", f.name.span, "nelle tabelle di dati la chiave si indica con chiave (...) dopo il file",
                   "togli «chiave» dal campo");
    // `matricola testo colonna "Matr."`: the header of a key column (the field reads it too).
    bool keyHeader = f.column && f.type == ast::TypeName::Testo;
    for (const ast::Ident& k : table.key)
      if (k.name == f.name.name && !keyHeader) duplicate("campo", f.name, k.span);
  }
  checkFieldRules(table);
  checkWide(table, info);
  checkUnique(table);
  out_.datasets.push_back(std::move(info));
  checkRowChecks(table, static_cast<uint32_t>(out_.datasets.size() - 1));
}

// A key column that is not the matricola, `obiettivo`, `fase` or
// `comportamento`: a staff field's name (Campo: the person's value of that
// field, which must be a text), or a free column (Libera: chosen with
// `di "..."`). A name one typo away from a known column is E0208.
std::optional<KeyRole> Checker::otherKeyRole(const ast::Ident& k, uint32_t& staffField) {
  auto f = staffFields_.find(k.name);
  if (f != staffFields_.end()) {
    const ast::Field& field = out_.datasets.at(0).decl->fields.at(f->second);
    if (field.type != ast::TypeName::Testo) {
      diags_.error("E0317", k.span,
                   fmt::format("la colonna chiave «{}» ha il nome di un campo del personale di tipo {}: le chiavi sono testi",
                               k.name, typeName(fromTypeName(field.type))),
                   fmt::format("dichiara «{}» come testo nel personale, oppure rinomina la colonna della tabella", k.name));
      return std::nullopt;
    }
    staffField = f->second;
    return KeyRole::Campo;
  }
  std::vector<std::string> known = {"obiettivo", "fase", "comportamento"};
  for (const auto& [n, i] : staffFields_) known.push_back(n);
  if (std::optional<std::string> close = closestName(k.name, known)) {
    diags_.error("E0208", k.span, fmt::format("colonna chiave «{}» non riconosciuta", k.name),
                 fmt::format("forse intendevi «{}»? (una colonna chiave con un altro nome, come «anno», sceglie la "
                             "riga con «di»: tabella.campo di \"2024\")",
                             *close));
    return std::nullopt;
  }
  return KeyRole::Libera;
}

std::optional<FieldRef> Checker::resolveField(const ast::Ident& dataset, const ast::Ident& field, Span span) {
  auto d = datasetIndex_.find(dataset.name);
  if (d == datasetIndex_.end()) {
    undeclaredTable(dataset);
    return std::nullopt;
  }
  const ast::Dataset& decl = *out_.datasets[d->second].decl;
  std::vector<std::string> names;
  for (uint32_t i = 0; i < decl.fields.size(); ++i) {
    if (decl.fields[i].name.name == field.name) return FieldRef{d->second, i, span};
    names.push_back(decl.fields[i].name.name);
  }
  noSuchField(d->second, field, names);
  return std::nullopt;
}

// E0207 for a table name that no `dati` declares, with the closest one.
void Checker::undeclaredTable(const ast::Ident& table) {
  std::vector<std::string> names;
  for (const auto& [n, i] : datasetIndex_) names.push_back(n);
  diags_.error("E0207", table.span, fmt::format("tabella di dati «{}» non dichiarata", table.name),
               didYouMean(table.name, names));
}

// E0207 for a field `table` does not have, with the closest name or, for
// `valutati`, what it has.
void Checker::noSuchField(uint32_t table, const ast::Ident& field, const std::vector<std::string>& names) {
  std::string hint = didYouMean(field.name, names);
  if (hint.empty() && table == out_.resultsTable)
    hint = "«valutati» ha i campi del personale, «totale», «fascia» e i punti delle componenti; il premio no: "
           "si conosce solo dopo i fondi, che possono dipendere dai valutati";
  diags_.error("E0207", field.span,
               fmt::format("la tabella «{}» non ha il campo «{}»", out_.datasets.at(table).decl->name.name, field.name),
               hint);
}

}  // namespace misura::sema
