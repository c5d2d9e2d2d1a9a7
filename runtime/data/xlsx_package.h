// Internal to the XLSX reader (xlsx.h): the workbook around a sheet. Opens
// the zip archive, finds the workbook through the package relationships,
// lists its sheets, chooses the one to read (`foglio`, or the only visible
// one) and reads what its cells refer to: shared strings, the number
// formats of the cell styles, the 1900/1904 date system.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/support/diagnostics.h"
#include "runtime/data/xlsx.h"
#include "runtime/data/xlsx_values.h"

namespace misura::data::xlsx {

struct Sheet {
  std::string name;  // as written on the sheet's tab
  std::string xml;   // the worksheet part
  std::vector<std::string> sharedStrings;
  std::vector<FormatKind> styles;  // per cellXfs index (the s="N" attribute of a cell)
  bool date1904 = false;
};

// Reports E0521-E0526/E0534 and returns nullopt when the sheet cannot be read.
std::optional<Sheet> openSheet(std::string_view bytes, const std::string& path, const XlsxOptions& options,
                               Diagnostics& diags);

}  // namespace misura::data::xlsx
