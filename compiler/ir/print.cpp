// The IR printer: a plain-text dump of the evaluation plan, one line per
// instruction, so that a person can see what the compiler produced.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/ir/ir.h"
#include "compiler/ir/print_prova.h"

namespace misura::ir {

const char* typeName(Type t) {
  switch (t) {
    case Type::Numero: return "numero";
    case Type::Percentuale: return "percentuale";
    case Type::Punti: return "punti";
    case Type::Euro: return "euro";
    case Type::Data: return "data";
    case Type::Giorni: return "giorni";
    case Type::Booleano: return "booleano";
    case Type::Testo: return "testo";
  }
  return "?";
}

const char* opName(Op op) {
  switch (op) {
#define X(name, operands, meaning) \
  case Op::name: return #name;
#include "compiler/ir/opcodes.def"
#undef X
  }
  return "?";
}

const char* builtinName(Builtin b) {
  switch (b) {
#define X(name, italian, minArgs, maxArgs, meaning) \
  case Builtin::name: return italian;
#include "compiler/ir/builtins.def"
#undef X
  }
  return "?";
}

const char* aggregateName(AggregateKind k) {
  switch (k) {
    case AggregateKind::Conta: return "conta";
    case AggregateKind::Somma: return "somma";
    case AggregateKind::Media: return "media";
    case AggregateKind::MediaPonderata: return "media_ponderata";
    case AggregateKind::Cerca: return "cerca";
  }
  return "?";
}

const char* roundingName(Rounding r) {
  switch (r) {
    case Rounding::MezzoInSu: return "mezzo in su";
    case Rounding::PerDifetto: return "per difetto";
    case Rounding::PerEccesso: return "per eccesso";
    case Rounding::AlPari: return "al pari";
  }
  return "?";
}

namespace {

std::string showValue(const Value& v) {
  struct {
    std::string operator()(const Missing&) const { return "non rilevato"; }
    std::string operator()(const Rational& q) const { return q.toFraction(); }
    std::string operator()(const Date& d) const { return formatItalian(d); }
    std::string operator()(bool b) const { return b ? "vero" : "falso"; }
    std::string operator()(const std::string& s) const { return fmt::format("\"{}\"", s); }
  } visitor;
  return std::visit(visitor, v);
}

void printChunk(std::string& out, const Chunk& c, const char* indent);

// The sub-chunks of each Aggregate of `c`, indented under it.
void printAggregates(std::string& out, const Chunk& c, const char* indent) {
  std::string deeper = std::string(indent) + "      ";
  for (size_t i = 0; i < c.aggregates.size(); ++i) {
    const Aggregate& a = c.aggregates[i];
    const std::pair<const char*, const std::vector<Chunk>*> parts[] = {
        {"valore", &a.value}, {"peso", &a.weight}, {"dove", &a.where}};
    for (const auto& [label, chunks] : parts)
      for (const Chunk& sub : *chunks) {
        out += fmt::format("{}  aggregato {} {}:\n", indent, i, label);
        printChunk(out, sub, deeper.c_str());
      }
  }
}

// Each step table of `c`, one line per table line, under its instructions.
void printSteps(std::string& out, const Chunk& c, const char* indent) {
  for (size_t i = 0; i < c.steps.size(); ++i) {
    const StepTable& t = c.steps[i];
    const char* word = t.kind == StepKind::Da ? "da " : t.kind == StepKind::FinoA ? "fino a " : "";
    out += fmt::format("{}  scaglioni {} ({}):\n", indent, i, typeName(t.type));
    for (const auto& [threshold, result] : t.lines)
      out += fmt::format("{}        {}{} -> {}\n", indent, word, showValue(threshold), showValue(result));
    out += fmt::format("{}        altrimenti -> {}\n", indent, showValue(t.otherwise));
  }
}

void printChunk(std::string& out, const Chunk& c, const char* indent) {
  out += fmt::format("{}; tipo {}\n", indent, typeName(c.type));
  for (size_t i = 0; i < c.code.size(); ++i) {
    const Instr& in = c.code[i];
    std::string operands;
    if (in.op == Op::PushConst) operands = showValue(c.consts.at(in.a));
    else if (in.op == Op::CallBuiltin) operands = fmt::format("{} {}", builtinName(static_cast<Builtin>(in.a)), in.b);
    else if (in.op == Op::JumpIfFalse) operands = fmt::format("{} {}", in.a, in.b);
    else if (in.op == Op::CallIndicator || in.op == Op::CallFunction || in.op == Op::Short)
      operands = fmt::format("{} {}", in.a, in.b);
    else if (in.op == Op::LoadValue || in.op == Op::FoldObjectives || in.op == Op::LoadFoldItem)
      operands = fmt::format("{}", in.a);
    else if (in.op == Op::Jump || in.op == Op::LoadParam || in.op == Op::LoadPerson || in.op == Op::LoadComponent ||
             in.op == Op::LoadEsito || in.op == Op::LoadRow || in.op == Op::Scaglioni)
      operands = fmt::format("{}", in.a);
    else if (in.op == Op::LoadCell && in.a < c.cells.size())
      operands = fmt::format("{} dati {} campo {}{}", in.a, c.cells[in.a].dataset, c.cells[in.a].field,
                             c.cells[in.a].objective ? fmt::format(" obiettivo {}", *c.cells[in.a].objective) : "") +
                 (c.cells[in.a].keyValues.empty() ? "" : " di \"" + fmt::format("{}", fmt::join(c.cells[in.a].keyValues, "\", \"")) + "\"");
    else if (in.op == Op::Aggregate && in.a < c.aggregates.size())
      operands = fmt::format("{} {} su dati {}", in.a, aggregateName(c.aggregates[in.a].kind), c.aggregates[in.a].dataset);
    out += fmt::format("{}{:>4}  {:<14}{}\n", indent, i, opName(in.op), operands);
  }
  printAggregates(out, c, indent);
  printSteps(out, c, indent);
  std::string deeper = std::string(indent) + "      ";
  for (size_t i = 0; i < c.folds.size(); ++i) {
    out += fmt::format("{}  somma per ogni obiettivo {}:\n", indent, i);
    printChunk(out, c.folds[i], deeper.c_str());
  }
}

void printDataset(std::string& out, const Dataset& d) {
  if (d.results) out += fmt::format("dati {} <- risultati dei valutati\n", d.name);
  else out += fmt::format("dati {} <- \"{}\" ({})\n", d.name, d.file, d.encoding);
  if (d.sheet) out += fmt::format("  foglio \"{}\"\n", *d.sheet);
  if (d.decimal != ',') out += fmt::format("  decimali \"{}\"\n", d.decimal);
  if (d.headerRow) out += fmt::format("  intestazione riga {}\n", *d.headerRow);
  for (const std::string& mark : d.missingMarks) out += fmt::format("  non rilevato \"{}\"\n", mark);
  for (const KeyColumn& k : d.key)
    out += fmt::format("  chiave {} ({})\n", k.column,
                       k.role == KeyRole::Persona     ? "persona"
                       : k.role == KeyRole::Obiettivo ? "obiettivo"
                       : k.role == KeyRole::Fase      ? "fase"
                       : k.role == KeyRole::Campo     ? "campo della persona"
                       : k.role == KeyRole::Libera    ? "libera"
                                                      : "comportamento");
  for (size_t i = 0; i < d.fields.size(); ++i) {
    const Field& f = d.fields[i];
    out += fmt::format("  campo {} {} {}{}", i, f.name, typeName(f.type), f.optional ? " opzionale" : "");
    if (f.absent) out += " assente";
    if (!f.column.empty() && f.column != f.name) out += fmt::format(" colonna \"{}\"", f.column);
    if (f.rules.integer) out += " intero";
    if (f.rules.lower) out += " da " + f.rules.lower->written;
    if (f.rules.upper) out += " a " + f.rules.upper->written;
    if (f.rules.nonNegative) out += " non negativo";
    out += "\n";
    if (f.derived) printChunk(out, *f.derived, "    ");
  }
  if (d.wide) {
    out += fmt::format("  campo {} per codice:", d.wide->field);
    for (const auto& [code, column] : d.wide->columns) out += fmt::format(" {} <- \"{}\"", code, column);
    out += "\n";
  }
  if (!d.unique.empty()) {
    out += "  unico (";
    for (size_t i = 0; i < d.unique.size(); ++i) out += (i ? ", " : "") + d.unique[i];
    out += ")\n";
  }
  for (const RowCheck& c : d.checks) {
    out += fmt::format("  controlla \"{}\"\n", c.message);
    printChunk(out, c.condition, "    ");
  }
  for (const Dataset& more : d.moreFiles) {
    out += "  e ";
    printDataset(out, more);
  }
}

void printProfile(std::string& out, const Module& m, size_t idx) {
  const Profile& p = m.profiles[idx];
  out += fmt::format("profilo {} \"{}\"\n", p.name, p.title);
  if (p.notEvaluated) out += fmt::format("  non valutato: {}\n", *p.notEvaluated);
  if (p.minService) out += fmt::format("  servizio minimo {} giorni\n", *p.minService);
  for (const Exclusion& x : p.exclusions) {
    out += fmt::format("  non valutato se: {}\n", x.reason);
    printChunk(out, x.condition, "    ");
  }
  for (size_t i = 0; i < p.components.size(); ++i) {
    const Component& c = p.components[i];
    const char* src = c.source == ComponentSource::Obiettivi ? "obiettivi"
                      : c.source == ComponentSource::Comportamenti ? "comportamenti" : "espressione";
    out += fmt::format("  componente {} {}: max {} punti, da {}\n", i, c.name, c.maxPoints.toFraction(), src);
    if (c.source == ComponentSource::Espressione) printChunk(out, c.expr, "    ");
    if (c.relativeWeights) out += "    con pesi relativi\n";
    if (c.equalWeights) out += "    a pari peso\n";
    if (c.rounding) out += fmt::format("    arrotondata a {} decimali ({})\n", c.rounding->decimals, roundingName(c.rounding->mode));
  }
  if (p.totalRounding)
    out += fmt::format("  totale arrotondato a {} decimali ({})\n", p.totalRounding->decimals,
                       roundingName(p.totalRounding->mode));
  for (const Band& b : p.bands)
    out += fmt::format("  fascia \"{}\" da {} a {} -> {}\n", b.label, b.from ? b.from->toFraction() : "-",
                       b.to ? b.to->toFraction() : "-", b.percent.toFraction());
  if (p.premio) {
    out += fmt::format("  premio (arrotondato al centesimo, {})\n", roundingName(p.premioRounding));
    printChunk(out, *p.premio, "    ");
  }
  if (p.fund) out += fmt::format("  premio da fondo {}\n", m.funds.at(*p.fund).name);
  if (p.budget) out += fmt::format("  premio a carico del fondo {}\n", m.funds.at(*p.budget).name);
  for (const PremioPart& part : p.parts) {
    if (part.fund) {
      out += fmt::format("  parte {} da fondo {}\n", part.name, m.funds.at(*part.fund).name);
    } else if (part.expr) {
      out += fmt::format("  parte {} (arrotondata al centesimo, {})\n", part.name, roundingName(part.rounding));
      printChunk(out, *part.expr, "    ");
    }
  }
}

void printObjective(std::string& out, const Module& m, const Objective& o) {
  out += fmt::format("obiettivo {} \"{}\" peso {}\n", o.code, o.title,
                     o.hasDefaultWeight ? o.weight.toFraction() : std::string("-"));
  for (const WeightRule& r : o.weightRules) {
    static const char* kKinds[] = {"tutti", "profili", "matricole", "dove"};
    out += fmt::format("  peso {} per {}", r.weight.toFraction(), kKinds[static_cast<int>(r.who.kind)]);
    for (uint32_t p : r.who.profiles) out += " " + m.profiles.at(p).name;
    for (const std::string& p : r.who.persons) out += " \"" + p + "\"";
    out += "\n";
    if (r.who.kind == Assignment::Kind::Dove) printChunk(out, r.who.where, "    ");
  }
  if (o.weightExpr) {
    out += "  peso per persona\n";
    printChunk(out, *o.weightExpr, "    ");
  }
  if (o.deadline) out += fmt::format("  termine {}\n", formatItalian(*o.deadline));
  if (o.deadlineExpr) {
    out += "  termine per persona\n";
    printChunk(out, *o.deadlineExpr, "    ");
  }
  if (o.measure.expr) {
    out += fmt::format("  misura {} su espressione\n", m.indicators.at(o.measure.indicator).name);
    printChunk(out, *o.measure.expr, "    ");
  } else {
    out += fmt::format("  misura {} su {}.{}\n", m.indicators.at(o.measure.indicator).name,
                       m.datasets.at(o.measure.measured.dataset).name,
                       m.datasets.at(o.measure.measured.dataset).fields.at(o.measure.measured.field).name);
  }
  for (size_t i = 0; i < o.measure.args.size(); ++i) {
    out += fmt::format("  argomento {}\n", i + 1);
    printChunk(out, o.measure.args[i], "    ");
  }
  for (const Phase& f : o.phases) {
    out += fmt::format("  fase {} \"{}\" peso {} termine {}\n", f.code, f.title, f.weight.toFraction(),
                       formatItalian(f.deadline));
    for (size_t i = 0; i < f.args.size(); ++i) {
      out += fmt::format("    argomento {}\n", i + 1);
      printChunk(out, f.args[i], "      ");
    }
  }
  if (!o.component.empty()) out += fmt::format("  componente {}\n", o.component);
  if (o.premioOnly) out += "  solo per il premio\n";
  if (o.quota) out += fmt::format("  quota {}\n", o.quota->toFraction());
  const char* miss = o.onMissing == OnMissing::Errore ? "errore" : o.onMissing == OnMissing::Neutralizza ? "neutralizzato" : "esito fisso";
  out += fmt::format("  se non rilevato: {}\n", miss);
  if (!o.years.empty()) out += fmt::format("  valutato negli anni {}{}\n", fmt::join(o.years, ", "),
                                           evaluatedIn(o, m.anno) ? "" : " (non in questo anno)");
}

// `obiettivi da TABELLA`: the row filter and title, then the body as one
// objective whose code is the row's.
void printObjectiveTemplate(std::string& out, const Module& m, const ObjectiveTemplate& t) {
  const Dataset& d = m.datasets.at(t.dataset);
  out += fmt::format("obiettivi da {} (codice: colonna chiave {})\n", d.name, d.key.at(t.codeColumn).column);
  if (t.where) {
    out += "  righe dove\n";
    printChunk(out, *t.where, "    ");
  }
  if (t.title) {
    out += "  titolo\n";
    printChunk(out, *t.title, "    ");
  }
  Objective body = t.body;
  body.code = "(codice della riga)";
  std::string lines;
  printObjective(lines, m, body);
  for (size_t at = 0, next; at < lines.size(); at = next + 1) {
    next = lines.find('\n', at);
    out += "  " + lines.substr(at, next - at) + "\n";
  }
}

}  // namespace

std::string describe(const ModuleVersion& v, int anno) {
  std::string out = fmt::format("{} «{}», {}", v.name, v.title,
                                v.validity ? "vigente " + v.validity->describe() : std::string("sempre vigente"));
  if (!v.applied) out += fmt::format(", non applicato: non vigente nel {}", anno);
  return out;
}

std::string print(const Module& m) {
  std::string out = fmt::format("; piano di valutazione di {}\nente \"{}\"\nanno {}\n", m.sourcePath, m.ente, m.anno);
  for (const ModuleVersion& v : m.modules) out += "usa " + describe(v, m.anno) + "\n";
  for (const Dataset& d : m.datasets) printDataset(out, d);
  if (m.serviceFields.declared()) {
    out += "servizio";
    if (m.serviceFields.from) out += fmt::format(" dal campo {}", *m.serviceFields.from);
    if (m.serviceFields.to) out += fmt::format(" al campo {}", *m.serviceFields.to);
    out += "\n";
  }
  for (size_t i = 0; i < m.indicators.size(); ++i) {
    const Indicator& ind = m.indicators[i];
    out += fmt::format("indicatore {} {}\n", i, ind.name);
    for (size_t s = 0; s < ind.slots.size(); ++s)
      out += fmt::format("  slot {} {}: {}\n", s, ind.slotNames[s], typeName(ind.slots[s]));
    printChunk(out, ind.body, "  ");
  }
  for (size_t i = 0; i < m.profiles.size(); ++i) printProfile(out, m, i);
  for (const Objective& o : m.objectives) printObjective(out, m, o);
  for (const ObjectiveTemplate& t : m.objectiveTemplates) printObjectiveTemplate(out, m, t);
  for (const Catalogue& c : m.catalogues) {
    out += fmt::format("comportamenti scala {}..{}\n", c.scaleMin.toFraction(), c.scaleMax.toFraction());
    for (const auto& [name, value] : c.levels) out += fmt::format("  livello \"{}\" = {}\n", name, value.toFraction());
    for (const Behaviour& b : c.items) out += fmt::format("  {} \"{}\" peso {}\n", b.code, b.title, b.weight.toFraction());
    if (c.wholeVotes) out += "  voti interi\n";
    if (c.halfVotes) out += "  voti a mezzi punti\n";
    if (c.points) {
      out += "  punteggio (slot 0 voto, slot 1 peso)\n";
      printChunk(out, *c.points, "    ");
    }
  }
  for (size_t i = 0; i < m.functions.size(); ++i) {
    const Function& f = m.functions[i];
    out += fmt::format("funzione {} {}\n", i, f.name);
    for (size_t s = 0; s < f.slots.size(); ++s)
      out += fmt::format("  slot {} {}: {}\n", s, f.slotNames[s], typeName(f.slots[s]));
    printChunk(out, f.body, "  ");
  }
  for (size_t i = 0; i < m.values.size(); ++i) {
    out += fmt::format("valore {} {}\n", i, m.values[i].name);
    printChunk(out, m.values[i].body, "  ");
  }
  for (const Fund& f : m.funds) {
    out += fmt::format("fondo {} importo {} ripartizione {}\n", f.name, f.amount.toFraction(),
                       f.split == FundSplit::AlCentesimo ? "al centesimo" : "per difetto");
    if (f.bonus && f.bonus->ranking)
      out += fmt::format("  maggiorazione {} ai vincitori di {}\n", f.bonus->rate.toFraction(),
                         m.rankings.at(*f.bonus->ranking).name);
    else if (f.bonus)
      out += fmt::format("  maggiorazione {} ai primi {}\n", f.bonus->rate.toFraction(), f.bonus->share.toFraction());
    if (f.unitQuota) out += fmt::format("  quota unitaria {}\n", f.unitQuota->toFraction());
    if (f.unitQuotaExpr) {
      out += "  quota unitaria =\n";
      printChunk(out, *f.unitQuotaExpr, "    ");
    }
    if (f.cap) out += fmt::format("  massimo per persona {}\n", f.cap->toFraction());
    for (const SortKey& k : f.tieKeys) out += fmt::format("  a parità {}\n", k.text);
    if (f.amountExpr) {
      out += "  importo =\n";
      printChunk(out, *f.amountExpr, "    ");
    }
    if (f.budget) out += "  stanziamento (premi a carico)\n";
    else printChunk(out, f.quota, "  ");
  }
  for (const Ranking& r : m.rankings) {
    out += fmt::format("graduatoria {}\n", r.name);
    for (const SortKey& k : r.keys) {
      out += fmt::format("  chiave {}\n", k.text);
      if (k.kind == SortKey::Kind::Espressione) printChunk(out, k.expr, "    ");
    }
    out += "  chiave matricola (ultima)\n";
    if (r.group) out += fmt::format("  gruppi per {}\n", r.groupText);
    if (r.places) out += fmt::format("  posti {}\n", r.places->text);
  }
  for (const ConditionRole& r : m.conditionRoles) {
    out += fmt::format("ruolo {} = personale dove\n", r.name);
    printChunk(out, r.where, "  ");
  }
  for (const DatedClause& d : m.dated)
    out += fmt::format("clausola datata {}{}: {} ({})\n", d.block.empty() ? "" : d.block + " → ", d.when, d.text,
                       d.applies ? "in vigore" : "non in vigore");
  printProve(out, m);
  return out;
}

}  // namespace misura::ir
