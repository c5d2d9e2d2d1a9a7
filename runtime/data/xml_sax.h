// A minimal streaming XML reader over expat for the parts of an XLSX
// workbook: element names and attribute names are given without namespace
// prefix or URI ("c", "r", "id"), text arrives in pieces. Internal to
// runtime/data (xlsx.cpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace misura::data {

struct XmlAttribute {
  std::string_view name;  // local name
  std::string_view value;
};

struct XmlHandler {
  std::function<void(std::string_view name, const std::vector<XmlAttribute>& attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
};

// The value of attribute `name`, if present.
std::optional<std::string_view> attribute(const std::vector<XmlAttribute>& attributes, std::string_view name);

// Parses `xml`, calling the handler's callbacks (any may be empty). Returns
// nullopt on success, or expat's reason and the line ("riga 3: not well-formed").
// DOCTYPE declarations are refused (no entity expansion).
std::optional<std::string> parseXml(std::string_view xml, const XmlHandler& handler);

}  // namespace misura::data
