// The escaping function, the writer and the page of html.h.
#include "runtime/report/html.h"

namespace misura::report::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Writer& Writer::open(std::string_view tag, std::string_view cls) {
  out_ += "<" + escape(tag);
  if (!cls.empty()) out_ += " class=\"" + escape(cls) + "\"";
  out_ += ">";
  return *this;
}

Writer& Writer::close(std::string_view tag) {
  out_ += "</" + escape(tag) + ">";
  if (tag == "p" || tag == "tr" || tag == "table" || tag == "section" || tag == "div" || tag == "ul" || tag == "li" ||
      tag == "thead" || tag == "tbody")
    out_ += "\n";  // readable source, stable goldens
  return *this;
}

Writer& Writer::el(std::string_view tag, std::string_view text, std::string_view cls) {
  open(tag, cls);
  out_ += escape(text);
  return close(tag);
}

Writer& Writer::text(std::string_view text) {
  out_ += escape(text);
  return *this;
}

Writer& Writer::raw(std::string_view markup) {
  out_ += markup;
  return *this;
}

namespace {

// The common style. Chromium prints @page margin boxes, so the page numbers
// need no JavaScript; the screen view shows the same sheet centred.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font: 8.5pt "DejaVu Sans", sans-serif; color: #444; }
  @bottom-left { content: "@PIEDE@"; font: 8.5pt "DejaVu Sans", sans-serif; color: #444; } }
html { background: #fff; }
body { font: 10pt/1.4 "DejaVu Sans", "Liberation Sans", sans-serif; color: #111; margin: 0 auto; max-width: 178mm; padding: 4mm; }
h1 { font-size: 15pt; margin: 0 0 2mm 0; }
h2 { font-size: 12pt; margin: 6mm 0 2mm 0; border-bottom: 1.5px solid #335; padding-bottom: 1mm; color: #223; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm 0; break-after: avoid; }
p { margin: 1mm 0; }
.ente { font-size: 11pt; color: #335; margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
.sottotitolo { color: #444; margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 3mm 0; font-size: 9pt; }
th, td { border: 0.6pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #e8ebf2; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; overflow-wrap: normal; }
table.dati th { width: 32%; background: #f2f4f8; }
table.stretta { font-size: 8.5pt; }
table.stretta th, table.stretta td { padding: 1mm 1mm; }
tr.totale td { font-weight: bold; background: #f2f4f8; }
.formula { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; white-space: pre-wrap; background: #f7f7f7; border: 0.6pt solid #ccc; padding: 2mm; margin: 1mm 0 3mm 0; }
.nota { font-size: 8.5pt; color: #333; }
.fonte { font-size: 8pt; color: #555; }
.esito { font-size: 13pt; font-weight: bold; }
.firme { display: flex; gap: 12mm; margin-top: 10mm; break-inside: avoid; }
.firma { flex: 1; border: 0.6pt solid #999; padding: 3mm; min-height: 32mm; }
.firma .riga { border-bottom: 0.6pt solid #333; height: 9mm; margin-bottom: 1mm; }
.grafico { break-inside: avoid; margin: 2mm 0 4mm 0; }
.avviso { border: 1pt solid #a33; background: #fbeeee; padding: 2mm; }
)";

}  // namespace

std::string page(std::string_view title, std::string_view footer, std::string_view body) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
                    "</title>\n<style>";
  // The footer goes into a CSS string, where entities are not decoded: the
  // characters that could end the string or the style element are dropped.
  std::string cssText;
  for (char c : footer)
    if (c != '\\' && c != '"' && c != '\n' && c != '<' && c != '>') cssText += c;
  std::string style(kStyle);
  style.replace(style.find("@PIEDE@"), 7, cssText);
  out += style + "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace misura::report::html
