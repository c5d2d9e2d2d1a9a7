// Lowering of rankings (`graduatoria`) and ordering keys (see lower_ranking.h).
#include "compiler/lower/lower_ranking.h"

#include "compiler/ast/print.h"
#include "compiler/lower/lower_expr.h"

namespace misura::lowering {

namespace {

std::string keyText(const sema::SortKeyInfo& k) { return ast::print(*k.decl); }

ir::CountRounding countRounding(ast::CountRounding r) {
  switch (r) {
    case ast::CountRounding::PerDifetto: return ir::CountRounding::PerDifetto;
    case ast::CountRounding::PerEccesso: return ir::CountRounding::PerEccesso;
    case ast::CountRounding::AlPiuVicinoMetaPerDifetto: return ir::CountRounding::MetaPerDifetto;
    case ast::CountRounding::AlPiuVicino:  // refused by sema (E0909)
    case ast::CountRounding::AlPiuVicinoMetaPerEccesso: return ir::CountRounding::MetaPerEccesso;
  }
  return ir::CountRounding::PerDifetto;
}

ir::Places lowerPlaces(const ast::Places& p) {
  ir::Places out;
  out.share = p.percent;
  out.value = p.percent ? p.value / 100 : p.value;
  if (p.rounding) out.rounding = countRounding(*p.rounding);
  if (p.minimum) out.minimum = static_cast<uint32_t>(p.minimum->toLong().value_or(0));
  out.ofAll = p.ofAll.has_value();
  out.text = ast::printNumber(p.value) + (p.percent ? "%" : "") + (p.ofAll ? " dei concorrenti" : "");
  if (p.rounding) {
    switch (*p.rounding) {
      case ast::CountRounding::PerDifetto: out.text += " arrotondati per difetto"; break;
      case ast::CountRounding::PerEccesso: out.text += " arrotondati per eccesso"; break;
      case ast::CountRounding::AlPiuVicino: out.text += " arrotondati al più vicino"; break;
      case ast::CountRounding::AlPiuVicinoMetaPerDifetto: out.text += " arrotondati al più vicino, metà per difetto"; break;
      case ast::CountRounding::AlPiuVicinoMetaPerEccesso: out.text += " arrotondati al più vicino, metà per eccesso"; break;
    }
  }
  if (p.minimum) out.text += ", almeno " + ast::printNumber(*p.minimum);
  out.span = p.span;
  return out;
}

}  // namespace

std::vector<ir::SortKey> lowerSortKeys(const sema::Checked& checked, const std::vector<sema::SortKeyInfo>& keys) {
  std::vector<ir::SortKey> out;
  for (const sema::SortKeyInfo& k : keys) {
    ir::SortKey key;
    key.descending = k.descending;
    key.missingLast = k.decl->missingLast;
    key.text = keyText(k);
    key.span = k.decl->span;
    if (k.component) {
      key.kind = ir::SortKey::Kind::Componente;
      key.component = *k.component;
    } else if (k.matricola) {
      key.kind = ir::SortKey::Kind::Matricola;
    } else {
      key.kind = ir::SortKey::Kind::Espressione;
      key.expr = compileExpr(checked, *k.expr);
    }
    out.push_back(std::move(key));
  }
  return out;
}

ir::Ranking lowerRanking(const sema::Checked& checked, const sema::RankingInfo& info) {
  ir::Ranking out;
  const ast::Ranking& r = *info.decl;
  out.name = r.name.name;
  out.title = r.title ? r.title->value : "";
  if (info.among) {
    switch (info.among->kind) {
      case ast::Assignment::Kind::Tutti: out.among = ir::Ranking::Among::Tutti; break;
      case ast::Assignment::Kind::Profili:
        out.among = ir::Ranking::Among::Profili;
        out.profiles = info.profiles;
        break;
      case ast::Assignment::Kind::Matricole:
        out.among = ir::Ranking::Among::Matricole;
        for (const ast::Text& t : info.among->persons) out.matricole.push_back(t.value);
        break;
      case ast::Assignment::Kind::Dove:
        out.among = ir::Ranking::Among::Dove;
        out.where = compileExpr(checked, *info.among->where);
        break;
    }
  }
  if (info.admitted) out.admitted = compileExpr(checked, *info.admitted);
  for (const auto& [cond, reason] : info.decl->exclusions) out.exclusions.emplace_back(compileExpr(checked, *cond), reason.value);
  out.withNotEvaluated = info.withNotEvaluated;
  out.keys = lowerSortKeys(checked, info.keys);
  if (info.group) {
    out.group = compileExpr(checked, *info.group);
    out.groupText = ast::print(*info.group);
  }
  if (info.places) out.places = lowerPlaces(*info.places);
  out.span = r.span;
  return out;
}

}  // namespace misura::lowering
