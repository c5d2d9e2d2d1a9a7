// Lowering of what a data declaration says about reading its file (see
// compiler/sema/check_field_rules.cpp and check_staff_files.cpp): the column
// of each field, the values it admits, computed staff fields, the staff
// files' fields, wide sheets and `unico`.
#include "compiler/ast/print.h"
#include "compiler/lower/lower_expr.h"
#include "compiler/support/year_file.h"

namespace misura::lowering {

namespace {

// A bound in the field's values: a percentage bound is a percentage (100 -> 1).
ir::Bound bound(const ast::FieldBound& b, ast::TypeName type) {
  ir::Bound out;
  out.value = type == ast::TypeName::Percentuale ? b.value / Rational(100) : b.value;
  out.exclusive = b.exclusive;
  out.written = ast::printNumber(b.value) + (type == ast::TypeName::Percentuale ? "%" : "");
  return out;
}

ir::FieldRules rules(const ast::Field& f) {
  ir::FieldRules r;
  if (f.lower) r.lower = bound(*f.lower, f.type);
  if (f.upper) r.upper = bound(*f.upper, f.type);
  r.integer = f.integer.has_value();
  r.nonNegative = f.nonNegative.has_value();
  r.span = f.span.valid() ? f.span : f.name.span;
  return r;
}

// `colonna "Obiettivo (PIAO {anno})"`: a header that changes with the year.
std::string columnOf(const sema::Checked& c, const ast::Text& column) { return withYear(column.value, c.anno); }

void readAs(const sema::Checked& c, const ast::Field& f, ir::Field& out) {
  out.column = f.column ? columnOf(c, *f.column) : f.name.name;
  out.rules = rules(f);
}

}  // namespace

void lowerStaffFields(const sema::Checked& checked, uint32_t block, ir::Dataset& out) {
  const sema::StaffFileInfo& info = checked.staffFiles.at(block);
  for (const ast::RowCheck& c : info.decl->checks)
    out.checks.push_back(ir::RowCheck{compileExpr(checked, *c.condition), c.message.value, c.span});
  const ast::Dataset& merged = *checked.datasets.at(0).decl;
  out.fields.clear();
  for (uint32_t m = 0; m < merged.fields.size(); ++m) {
    const ast::Field& mf = merged.fields[m];
    auto derived = checked.derivedTypes.find(m);
    ir::Type type = derived != checked.derivedTypes.end() ? toIr(derived->second) : toIr(sema::fromTypeName(mf.type));
    ir::Field f{mf.name.name, type, mf.optional, mf.name.span};
    f.column = mf.name.name;
    if (!info.fieldOf[m]) {
      f.absent = true;
      f.optional = true;
      out.fields.push_back(std::move(f));
      continue;
    }
    const ast::Field& own = info.decl->fields[*info.fieldOf[m]];
    f.span = own.name.span;
    if (own.derived) {
      f.derived = compileExpr(checked, *info.decl->derived.at(*own.derived));
      f.optional = true;  // a computed value may be non rilevato (a missing operand)
    } else {
      readAs(checked, own, f);
    }
    out.fields.push_back(std::move(f));
  }
}

void lowerTableDetails(const sema::Checked& checked, const sema::DatasetInfo& info, ir::Dataset& out) {
  const ast::Dataset& d = *info.decl;
  for (size_t i = 0; i < d.fields.size(); ++i) readAs(checked, d.fields[i], out.fields[i]);
  // A key column whose header differs: a text field of the same name with `colonna`.
  for (size_t k = 0; k < d.key.size() && k < out.key.size(); ++k)
    for (const ast::Field& f : d.fields)
      if (f.name.name == d.key[k].name && f.column) out.key[k].column = columnOf(checked, *f.column);
  if (info.wideField) {
    const ast::CodeColumns& cc = *d.fields[*info.wideField].perCode;
    ir::WideField w;
    w.field = *info.wideField;
    for (const auto& [code, column] : cc.columns) {
      w.columns.emplace_back(code.name, columnOf(checked, column));
      w.spans.push_back(Span::cover(code.span, column.span));
    }
    out.fields[*info.wideField].optional = true;  // an empty cell of a wide sheet is non rilevato
    out.wide = std::move(w);
  }
  for (const ast::Ident& u : d.unique) out.unique.push_back(u.name);
  for (const ast::RowCheck& c : d.checks)
    out.checks.push_back(ir::RowCheck{compileExpr(checked, *c.condition), c.message.value, c.span});
  out.uniqueSpan = d.uniqueSpan;
}

}  // namespace misura::lowering
