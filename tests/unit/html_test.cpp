// The one HTML escaping function and the writer that uses it (runtime/report/html.h).
#include <catch2/catch.hpp>

#include <string>

#include "runtime/report/html.h"

using misura::report::html::escape;
using misura::report::html::Writer;

TEST_CASE("escape: the five special characters become entities") {
  CHECK(escape("&") == "&amp;");
  CHECK(escape("<") == "&lt;");
  CHECK(escape(">") == "&gt;");
  CHECK(escape("\"") == "&quot;");
  CHECK(escape("'") == "&#39;");
  CHECK(escape("<script>alert('x & y')</script>") ==
        "&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;");
  // An entity already written is escaped again: the text is shown as typed.
  CHECK(escape("&amp;") == "&amp;amp;");
}

TEST_CASE("escape: UTF-8 and plain text pass unchanged") {
  CHECK(escape("") == "");
  CHECK(escape("Dell'Acqua Niccolò") == "Dell&#39;Acqua Niccolò");
  CHECK(escape("àèéìòù ÀÈ € «» — ’") == "àèéìòù ÀÈ € «» — ’");
  CHECK(escape("1.234,56 €; 92,60 punti") == "1.234,56 €; 92,60 punti");
  CHECK(escape(std::string_view("a\0b", 3)) == std::string("a\0b", 3));
}

TEST_CASE("Writer escapes every text and class, not raw markup") {
  Writer w;
  w.el("td", "D'Adda <Giuseppe>", "n\"x").open("p").text("a & b").raw("<br>").close("p");
  CHECK(w.take() == "<td class=\"n&quot;x\">D&#39;Adda &lt;Giuseppe&gt;</td><p>a &amp; b<br></p>\n");
}

TEST_CASE("page: UTF-8 declared, title escaped, footer kept out of the style element") {
  std::string doc = misura::report::html::page("Scheda <1>", "Comune di Cantù </style>\"x", "<p>corpo</p>");
  CHECK(doc.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(doc.find("<title>Scheda &lt;1&gt;</title>") != std::string::npos);
  CHECK(doc.find("content: \"Comune di Cantù /stylex\"") != std::string::npos);
  CHECK(doc.find("</style>\n</head>") != std::string::npos);
  CHECK(doc.find("<p>corpo</p>") != std::string::npos);
}
