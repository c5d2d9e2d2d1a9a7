// How every output records the modules the regolamento uses (docs/linguaggio.md,
// § 13): the table and spiega list them, the CSV has a `moduli` column, the
// JSON documents a "moduli" array. Nothing is added without `usa`.
#include "compiler/support/date.h"
#include "runtime/report/format.h"
#include "runtime/report/json_detail.h"

namespace misura::report::detail {

std::string modulesText(const ir::Module& m) {
  if (m.modules.empty()) return {};
  std::string out = "Moduli usati:\n";
  for (const ir::ModuleVersion& v : m.modules) out += "  " + ir::describe(v, m.anno) + "\n";
  return out;
}

std::string modulesCell(const ir::Module& m) {
  std::string out;
  for (const ir::ModuleVersion& v : m.modules) {
    if (!v.applied) continue;
    out += (out.empty() ? "" : ", ") + v.name;
    out += v.validity ? " vigente " + v.validity->describe() : std::string(" sempre vigente");
  }
  return out;
}

void putModules(Json& doc, const ir::Module& m) {
  if (m.modules.empty()) return;
  Json list = Json::array();
  for (const ir::ModuleVersion& v : m.modules) {
    Json j;
    j["nome"] = v.name;
    j["titolo"] = v.title;
    j["vigente_dal"] = v.validity ? Json(formatItalian(v.validity->from)) : Json(nullptr);
    j["vigente_al"] = v.validity && v.validity->to ? Json(formatItalian(*v.validity->to)) : Json(nullptr);
    j["applicato"] = v.applied;
    list.push_back(std::move(j));
  }
  doc["moduli"] = std::move(list);
}

}  // namespace misura::report::detail
