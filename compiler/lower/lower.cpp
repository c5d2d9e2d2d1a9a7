// Lowering of declarations: the checked program's tables become the IR
// module; expressions are compiled by lower_expr.cpp.
#include "compiler/lower/lower.h"

#include <algorithm>
#include <cctype>

#include "compiler/lower/lower_expr.h"
#include "compiler/lower/lower_ranking.h"
#include "compiler/lower/lower_prova.h"
#include "compiler/lower/lower_scoring.h"
#include "compiler/support/diagnostics.h"
#include "compiler/support/year_file.h"

namespace misura {

namespace lowering {

ir::Rounding rounding(ast::RoundingMode m) {
  switch (m) {
    case ast::RoundingMode::MezzoInSu: return ir::Rounding::MezzoInSu;
    case ast::RoundingMode::PerDifetto: return ir::Rounding::PerDifetto;
    case ast::RoundingMode::PerEccesso: return ir::Rounding::PerEccesso;
    case ast::RoundingMode::AlPari: return ir::Rounding::AlPari;
  }
  return ir::Rounding::MezzoInSu;
}

}  // namespace lowering

namespace {

using lowering::compileExpr;
using lowering::toIr;

std::string canonicalEncoding(const std::optional<ast::Text>& declared) {
  if (!declared) return "utf-8";
  std::string n = declared->value;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "utf8") return "utf-8";
  if (n == "iso-8859-1") return "latin1";
  if (n == "cp1252") return "windows-1252";
  return n;
}

std::optional<char> separatorOf(const std::optional<ast::Text>& declared) {
  if (!declared) return std::nullopt;
  if (declared->value == "\\t" || declared->value == "\t") return '\t';
  return declared->value.at(0);
}

ir::KeyRole keyRole(sema::KeyRole r) {
  switch (r) {
    case sema::KeyRole::Persona: return ir::KeyRole::Persona;
    case sema::KeyRole::Obiettivo: return ir::KeyRole::Obiettivo;
    case sema::KeyRole::Comportamento: return ir::KeyRole::Comportamento;
    case sema::KeyRole::Fase: return ir::KeyRole::Fase;
    case sema::KeyRole::Campo: return ir::KeyRole::Campo;
    case sema::KeyRole::Libera: return ir::KeyRole::Libera;
  }
  return ir::KeyRole::Persona;
}

ir::DataRef dataRef(const sema::FieldRef& f) { return ir::DataRef{f.dataset, f.field, f.span}; }

// `staffBlock`: for the staff list, which `personale da` block gives the file and its fields.
ir::Dataset lowerDataset(const sema::Checked& c, const sema::DatasetInfo& info, uint32_t staffBlock = 0) {
  const ast::Dataset& d = *info.decl;
  ir::Dataset out;
  out.name = d.isStaff ? "personale" : d.name.name;
  out.file = withYear(d.file.value, c.anno);  // `{anno}`: the evaluation year
  out.encoding = canonicalEncoding(d.encoding);
  out.separator = separatorOf(d.separator);
  if (d.sheet) out.sheet = d.sheet->value, out.sheetSpan = d.sheet->span;
  if (d.decimal && d.decimal->value == ".") out.decimal = '.';
  if (d.headerRow && d.headerRow->value.size() <= 7)
    out.headerRow = static_cast<uint32_t>(std::stoul(d.headerRow->value)), out.headerRowSpan = d.headerRow->span;
  for (const ast::Text& mark : d.missingMarks) out.missingMarks.push_back(mark.value);
  out.span = d.span;
  out.fileSpan = d.file.span;
  for (size_t i = 0; i < info.keyRoles.size(); ++i) {
    if (i < d.key.size()) {
      out.key.push_back(ir::KeyColumn{d.key[i].name, keyRole(info.keyRoles[i]), d.key[i].span,
                                      i < info.keyFields.size() ? info.keyFields[i] : 0});
      continue;
    }
    const ast::CodeColumns& wide = *d.fields.at(info.wideField.value()).perCode;  // a wide sheet's code
    out.key.push_back(ir::KeyColumn{wide.role.name, keyRole(info.keyRoles[i]), wide.role.span, 0});
  }
  for (const ast::Field& f : d.fields)
    out.fields.push_back(ir::Field{f.name.name, toIr(sema::fromTypeName(f.type)), f.optional, f.name.span});
  if (d.isStaff) lowering::lowerStaffFields(c, staffBlock, out);
  else lowering::lowerTableDetails(c, info, out);
  return out;
}

ir::Indicator lowerIndicator(const sema::Checked& c, const ast::Indicator& ind) {
  ir::Indicator out;
  out.name = ind.name.name;
  out.span = ind.span;
  out.slots.push_back(toIr(sema::fromTypeName(ind.measured.type)));
  out.slotNames.push_back(ind.measured.name.name);
  for (const ast::Param& p : ind.params) {
    out.slots.push_back(toIr(sema::fromTypeName(p.type)));
    out.slotNames.push_back(p.name.name);
  }
  out.body = compileExpr(c, *ind.body);
  return out;
}

ir::Band lowerBand(const ast::Band& b) {
  return ir::Band{b.label.value, b.from, b.to, b.percent / 100, b.span};
}

ir::Profile lowerProfile(const sema::Checked& c, const sema::ProfileInfo& info) {
  const ast::Profile& p = *info.decl;
  ir::Profile out;
  out.name = p.name.name;
  out.title = p.title ? p.title->value : "";
  out.span = p.span;
  if (p.notEvaluated) out.notEvaluated = p.notEvaluated->value;
  if (p.minService) {
    out.minService = static_cast<int32_t>(*p.minService->days.toLong());
    out.minServiceSpan = p.minService->span;
  }
  for (const ast::Exclusion& x : p.exclusions)
    out.exclusions.push_back(ir::Exclusion{compileExpr(c, *x.condition), x.reason.value, x.span});
  for (const ast::Component& comp : p.components) {
    ir::Component ic;
    ic.name = comp.name.name;
    ic.title = comp.title ? comp.title->value : "";
    ic.maxPoints = comp.maxPoints;
    ic.span = comp.span;
    switch (comp.source) {
      case ast::ComponentSource::Obiettivi: ic.source = ir::ComponentSource::Obiettivi; break;
      case ast::ComponentSource::Comportamenti:
        ic.source = ir::ComponentSource::Comportamenti;
        ic.catalogue = info.catalogue.value_or(0);
        break;
      case ast::ComponentSource::Espressione:
        ic.source = ir::ComponentSource::Espressione;
        ic.expr = compileExpr(c, *comp.expr);
        break;
    }
    out.components.push_back(std::move(ic));
  }
  if (info.totalRounding)
    out.totalRounding = ir::RoundingRule{info.totalRounding->decimals.value_or(2), lowering::rounding(info.totalRounding->mode)};
  if (info.bands)
    for (const ast::Band& b : *info.bands) out.bands.push_back(lowerBand(b));
  if (p.premio) out.premio = compileExpr(c, *p.premio);
  if (p.premioRounding) out.premioRounding = lowering::rounding(p.premioRounding->mode);
  out.fund = info.fund;
  out.budget = info.budget;
  for (const sema::PartInfo& part : info.parts) {
    ir::PremioPart ip;
    ip.name = part.decl->name.name;
    ip.title = part.decl->title ? part.decl->title->value : "";
    if (part.decl->expr) ip.expr = compileExpr(c, *part.decl->expr);
    if (part.decl->rounding) ip.rounding = lowering::rounding(part.decl->rounding->mode);
    ip.fund = part.fund;
    ip.span = part.decl->span;
    out.parts.push_back(std::move(ip));
  }
  return out;
}

ir::Assignment lowerAssignment(const sema::Checked& c, const ast::Assignment& a, const std::vector<uint32_t>& profiles) {
  ir::Assignment out;
  out.span = a.span;
  switch (a.kind) {
    case ast::Assignment::Kind::Tutti: out.kind = ir::Assignment::Kind::Tutti; break;
    case ast::Assignment::Kind::Profili:
      out.kind = ir::Assignment::Kind::Profili;
      out.profiles = profiles;
      break;
    case ast::Assignment::Kind::Matricole:
      out.kind = ir::Assignment::Kind::Matricole;
      for (const ast::Text& t : a.persons) out.persons.push_back(t.value);
      for (const std::optional<ast::Period>& p : a.periods)
        out.periods.push_back(p ? std::optional(ir::Period{p->from, p->to, p->span}) : std::nullopt);
      break;
    case ast::Assignment::Kind::Dove:
      out.kind = ir::Assignment::Kind::Dove;
      out.where = compileExpr(c, *a.where);
      break;
  }
  return out;
}

ir::Objective lowerObjective(const sema::Checked& c, const sema::ObjectiveInfo& info) {
  const ast::Objective& o = *info.decl;
  ir::Objective out;
  out.code = o.code.name;
  out.title = o.title.value;
  out.span = o.span;
  out.assignment = lowerAssignment(c, *info.assignment, info.profiles);
  out.weight = info.weight;
  out.hasDefaultWeight = info.hasDefaultWeight;
  for (const ast::Weight& w : o.weights)
    if (!w.who) out.weightSpan = w.span;
  for (const sema::WeightRuleInfo& r : info.weightRules)
    out.weightRules.push_back(ir::WeightRule{r.decl->value, lowerAssignment(c, *r.decl->who, r.profiles), r.decl->span});
  if (info.weightExpr) out.weightExpr = compileExpr(c, *info.weightExpr);
  if (!info.phases) out.deadline = info.deadline;  // with phases, each has its own
  if (info.deadlineExpr) out.deadlineExpr = compileExpr(c, *info.deadlineExpr);
  out.measure.indicator = info.indicator;
  out.measure.measured = dataRef(info.measured);
  if (info.measuredExpr) out.measure.expr = compileExpr(c, *info.measuredExpr);
  out.measure.span = info.measure->span;
  for (const ast::ExprPtr& a : info.measure->args) out.measure.args.push_back(compileExpr(c, *a));
  out.source = info.source;
  out.years = info.years;
  out.component = info.component;
  out.premioOnly = info.premioOnly;
  out.quota = info.quota;
  if (info.phases)
    for (const ast::Phase& f : info.phases->items) {
      ir::Phase p{f.code.name, f.title.value, f.weight, f.deadline, {}, f.span};
      for (const ast::ExprPtr& a : info.measure->args) p.args.push_back(compileExpr(c, *a, f.deadline));
      out.phases.push_back(std::move(p));
    }
  if (!info.onMissing) out.onMissing = ir::OnMissing::Errore;
  else if (info.onMissing->neutralize) out.onMissing = ir::OnMissing::Neutralizza;
  else {
    out.onMissing = ir::OnMissing::EsitoFisso;
    out.fixedEsito = info.fixedEsito;
  }
  return out;
}

ir::Catalogue lowerCatalogue(const sema::CatalogueInfo& info) {
  ir::Catalogue out;
  out.scaleMin = info.scaleMin;
  out.levels = info.levels;
  out.scaleMax = info.scaleMax;
  out.ratings = dataRef(info.ratings);
  out.span = info.decl->span;
  for (const ast::BehaviourItem& b : info.decl->items)
    out.items.push_back(ir::Behaviour{b.code.name, b.title.value, b.weight, b.span});
  return out;
}

ir::Fund lowerFund(const sema::Checked& c, const sema::FundInfo& info) {
  ir::Fund out;
  out.name = info.decl->name.name;
  out.title = info.decl->title ? info.decl->title->value : "";
  out.amount = info.amount;
  if (info.amountExpr) out.amountExpr = compileExpr(c, *info.amountExpr);
  if (info.quota) out.quota = compileExpr(c, *info.quota);
  out.unitQuota = info.unitQuota;
  if (info.unitQuotaExpr) out.unitQuotaExpr = compileExpr(c, *info.unitQuotaExpr);
  out.cap = info.cap;
  out.budget = info.budget;
  out.split = info.split == ast::FundSplit::PerDifetto ? ir::FundSplit::PerDifetto : ir::FundSplit::AlCentesimo;
  if (info.bonus) out.bonus = ir::FundBonus{info.bonus->percent / 100, info.bonus->share / 100, info.bonus->span};
  if (out.bonus) {
    out.bonus->ranking = info.bonusRanking;
    const ast::FundBonus& b = *info.bonus;
    if (!b.bases.empty())
      out.bonus->base = b.bases[0].first == ast::BonusBase::PremioMedio ? ir::BonusBase::PremioMedio
                                                                        : ir::BonusBase::ImportoDivisoValutati;
    if (!b.roundings.empty()) out.bonus->rounding = lowering::rounding(b.roundings[0].first);
    if (!b.onTop.empty()) out.bonus->onTop = b.onTop[0].first;
  }
  out.tieKeys = lowering::lowerSortKeys(c, info.tieKeys);
  out.span = info.decl->span;
  return out;
}

// The modules of the program (every file but the regolamento), applied or not.
std::vector<ir::ModuleVersion> lowerModules(const ast::Program& p) {
  std::vector<ir::ModuleVersion> out;
  for (const ast::SourceFile& f : p.files) {
    if (!f.header) continue;
    ir::ModuleVersion v{f.header->name, f.header->title.value, std::nullopt, f.applied};
    if (f.header->validity) v.validity = f.header->validity->period;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

ir::Module lower(const sema::Checked& c, const std::string& sourcePath) {
  ir::Module m;
  m.sourcePath = sourcePath;
  m.ente = c.ente;
  m.anno = c.anno;
  m.modules = lowerModules(*c.program);
  for (const sema::DatasetInfo& d : c.datasets) m.datasets.push_back(lowerDataset(c, d));
  if (c.resultsTable && c.resultsUsed) m.datasets.at(*c.resultsTable).results = true;
  else if (c.resultsTable) m.datasets.pop_back();  // `valutati`, the last one, is read by nobody
  for (uint32_t k = 1; k < c.staffFiles.size(); ++k)  // several `personale da` blocks
    m.datasets.at(ir::kStaff).moreFiles.push_back(lowerDataset(c, sema::DatasetInfo{c.staffFiles[k].decl, {}, {}}, k));
  m.staffKeyField = c.staffKeyField;
  m.staffProfileField = c.staffProfileField;
  m.serviceFields = ir::ServiceFields{c.serviceFrom, c.serviceTo};
  for (const ast::Indicator* ind : c.indicators) m.indicators.push_back(lowerIndicator(c, *ind));
  for (const sema::ProfileInfo& p : c.profiles) {
    m.profiles.push_back(lowerProfile(c, p));
    m.catalogueOfProfile.push_back(p.catalogue);
  }
  for (const sema::ObjectiveInfo& o : c.objectives) m.objectives.push_back(lowerObjective(c, o));
  for (const sema::ObjectiveTemplateInfo& t : c.objectiveTemplates) {
    ir::ObjectiveTemplate out{t.dataset, t.codeColumn, std::nullopt, std::nullopt, lowerObjective(c, t.objective),
                              t.decl->span};
    out.body.code.clear();
    if (t.decl->where) out.where = compileExpr(c, *t.decl->where);
    if (t.decl->title) out.title = compileExpr(c, *t.decl->title);
    m.objectiveTemplates.push_back(std::move(out));
  }
  for (const sema::CatalogueInfo& cat : c.catalogues) m.catalogues.push_back(lowerCatalogue(cat));
  m.prove = lowering::lowerProve(c);
  for (const sema::FundInfo& f : c.funds) m.funds.push_back(lowerFund(c, f));
  lowering::lowerScoring(c, m);
  for (const sema::RoleInfo& r : c.roles)
    if (r.decl->kind == ast::Role::Kind::Dove)
      m.conditionRoles.push_back(ir::ConditionRole{r.decl->name.name, compileExpr(c, *r.decl->where), r.decl->span});
  for (const ast::DatedClause& d : c.program->dated) m.dated.push_back(ir::DatedClause{d.block, d.when, d.text, d.applies});
  for (const sema::RankingInfo& r : c.rankings) m.rankings.push_back(lowering::lowerRanking(c, r));
  return m;
}

}  // namespace misura
