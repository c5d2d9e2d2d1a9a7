// Shared by the table-driven semantic tests: compile a text through syntax
// and sema, collect the error codes; edit a valid regolamento in one place.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "compiler/sema/checked.h"
#include "compiler/syntax/parse.h"

namespace misura::testing {

// One row of a table-driven check: replace `from` with `to` in the base text;
// `code` is the diagnostic that must appear (nullptr: no error at all).
struct EditRow {
  const char* what;
  const char* from;
  const char* to;
  const char* code;
};

// The codes of the errors reported for `text`. When `inspect` is given, it
// runs on the checked program while the AST it points into is still alive.
template <typename Inspect>
std::vector<std::string> errorCodes(const std::string& text, Inspect inspect) {
  SourceManager sm;
  Diagnostics diags;
  FileId f = sm.add("prova.misura", text);
  auto program = syntax::parse(sm, f, diags);
  if (program)
    if (auto checked = sema::check(*program, diags)) inspect(*checked);
  std::vector<std::string> codes;
  for (const Diagnostic& d : diags.all())
    if (d.severity == Severity::Errore) codes.push_back(d.code);
  return codes;
}

inline std::vector<std::string> errorCodes(const std::string& text) {
  return errorCodes(text, [](const sema::Checked&) {});
}

// `base` with the first `from` replaced by `to` (which must be there).
inline std::string edited(const std::string& base, const char* from, const char* to) {
  std::string s = base;
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, std::string(from).size(), to);
  return s;
}

// Each row as a Catch2 section on `base` edited by the row: the row's code
// must be among the errors (or, with no code, there must be no error).
inline void checkEditRows(const std::string& base, const std::vector<EditRow>& rows) {
  for (const EditRow& r : rows) {
    SECTION(r.what) {
      std::vector<std::string> codes = errorCodes(edited(base, r.from, r.to));
      std::string all;
      for (const std::string& c : codes) all += c + " ";
      INFO("diagnostics: " << all);
      if (r.code) CHECK(std::find(codes.begin(), codes.end(), std::string(r.code)) != codes.end());
      else CHECK(codes.empty());
    }
  }
}

}  // namespace misura::testing
