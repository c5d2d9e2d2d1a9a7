#include "runtime/data/xml_sax.h"

#include <expat.h>

#include <algorithm>

#include <fmt/format.h>

namespace misura::data {

namespace {

// "uri\x01local" (namespace processing on) or "prefix:local" -> "local".
std::string_view localName(const XML_Char* name) {
  std::string_view s(name);
  size_t cut = s.find_last_of("\x01:");
  return cut == std::string_view::npos ? s : s.substr(cut + 1);
}

struct Context {
  const XmlHandler* handler;
  XML_Parser parser;
  bool doctype = false;
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* ctx = static_cast<Context*>(data);
  if (!ctx->handler->start) return;
  std::vector<XmlAttribute> attributes;
  for (size_t i = 0; attrs[i] != nullptr; i += 2) attributes.push_back(XmlAttribute{localName(attrs[i]), attrs[i + 1]});
  ctx->handler->start(localName(name), attributes);
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
  auto* ctx = static_cast<Context*>(data);
  if (ctx->handler->end) ctx->handler->end(localName(name));
}

void XMLCALL onText(void* data, const XML_Char* s, int len) {
  auto* ctx = static_cast<Context*>(data);
  if (ctx->handler->text) ctx->handler->text(std::string_view(s, static_cast<size_t>(len)));
}

void XMLCALL onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* ctx = static_cast<Context*>(data);
  ctx->doctype = true;
  XML_StopParser(ctx->parser, XML_FALSE);
}

}  // namespace

std::optional<std::string_view> attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return a.value;
  return std::nullopt;
}

std::optional<std::string> parseXml(std::string_view xml, const XmlHandler& handler) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, '\x01');
  if (parser == nullptr) return std::string("memoria insufficiente");
  Context ctx{&handler, parser};
  XML_SetUserData(parser, &ctx);
  XML_SetElementHandler(parser, onStart, onEnd);
  XML_SetCharacterDataHandler(parser, onText);
  XML_SetStartDoctypeDeclHandler(parser, onDoctype);
  std::optional<std::string> error;
  const size_t kChunk = 1 << 20;
  size_t pos = 0;
  do {
    size_t n = std::min(kChunk, xml.size() - pos);
    bool last = pos + n == xml.size();
    if (XML_Parse(parser, xml.data() + pos, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (ctx.doctype)
        error = "dichiarazione DOCTYPE non ammessa";
      else
        error = fmt::format("riga {}: {}", XML_GetCurrentLineNumber(parser), XML_ErrorString(XML_GetErrorCode(parser)));
      break;
    }
    pos += n;
  } while (pos < xml.size());
  XML_ParserFree(parser);
  return error;
}

}  // namespace misura::data
