#include "runtime/data/xlsx_package.h"

#include <map>

#include <fmt/format.h>

#include "runtime/data/suggest.h"
#include "runtime/data/xml_sax.h"
#include "runtime/data/zip_archive.h"

namespace misura::data::xlsx {

namespace {

constexpr uint64_t kMaxPartBytes = 512ull << 20;  // one uncompressed part (a sheet of ~5 million cells)

struct Relationship {
  std::string id, type, target;
};

struct SheetEntry {
  std::string name;
  std::string relId;
  bool hidden = false;
};

struct Workbook {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

class Package {
 public:
  Package(ZipArchive zip, const std::string& path, const XlsxOptions& options, Diagnostics& diags)
      : zip_(std::move(zip)), path_(path), options_(options), diags_(diags) {}

  std::optional<Sheet> sheet();

 private:
  // The content of part `name`, or nullopt after reporting why not (unless optional and missing).
  std::optional<std::string> part(const std::string& name, bool optional = false);
  bool parse(const std::string& name, std::string_view xml, const XmlHandler& handler);
  std::optional<std::vector<Relationship>> relationships(const std::string& partName);
  std::optional<Workbook> workbook(const std::string& name);
  const SheetEntry* choose(const Workbook& wb);
  std::optional<std::vector<std::string>> sharedStrings(const std::string& name);
  std::optional<std::vector<FormatKind>> styles(const std::string& name);
  void notAWorkbook();
  void damaged(const std::string& part, const std::string& why);

  ZipArchive zip_;
  const std::string& path_;
  const XlsxOptions& options_;
  Diagnostics& diags_;
};

// "xl/workbook.xml" -> "xl/"
std::string folderOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// A relationship target relative to the folder of its source part, "../" and "/" resolved.
std::string resolve(const std::string& folder, const std::string& target) {
  std::string joined = target.starts_with("/") ? target.substr(1) : folder + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string piece = joined.substr(start, slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = slash + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

bool endsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + ("«" + names[i] + "»");
  return out;
}

}  // namespace

void Package::damaged(const std::string& part, const std::string& why) {
  diags_.error("E0523", options_.fileSpan,
               fmt::format("la cartella di lavoro «{}» è danneggiata: la parte «{}» non si legge ({})", path_, part,
                           why),
               "apri il file in Excel o LibreOffice, salvalo di nuovo come .xlsx e rilancia; se il file arriva da un "
               "altro programma, esportalo di nuovo");
}

void Package::notAWorkbook() {
  std::string hint =
      "salva il foglio da Excel o LibreOffice come «Cartella di lavoro di Excel (.xlsx)», oppure come CSV";
  std::string what = "un archivio zip";
  if (ZipArchive::Content mime = zip_.read("mimetype", 1024); !mime.error) {
    if (mime.bytes.find("opendocument.spreadsheet") != std::string::npos) {
      what = "un foglio di calcolo di LibreOffice (.ods)";
      hint = "in LibreOffice scegli File > Salva con nome e il tipo «Excel 2007-365 (.xlsx)»";
    } else if (mime.bytes.find("opendocument") != std::string::npos) {
      what = "un documento di LibreOffice";
    }
  } else if (zip_.has("word/document.xml")) {
    what = "un documento di Word";
  }
  diags_.error("E0522", options_.fileSpan,
               fmt::format("il file «{}» non è una cartella di lavoro di Excel: è {} che non contiene fogli Excel", path_,
                           what),
               hint);
}

std::optional<std::string> Package::part(const std::string& name, bool optional) {
  ZipArchive::Content c = zip_.read(name, kMaxPartBytes);
  if (!c.error) return std::move(c.bytes);
  switch (*c.error) {
    case ZipArchive::ReadError::Missing:
      if (!optional) damaged(name, "manca nell'archivio");
      return std::nullopt;
    case ZipArchive::ReadError::Corrupt:
      diags_.error("E0521", options_.fileSpan,
                   fmt::format("il file «{}» è danneggiato: la parte «{}» dell'archivio non si decomprime", path_, name),
                   "se il file è arrivato per posta o da un'unità di rete, fattene mandare una nuova copia; altrimenti "
                   "aprilo in Excel, che prova a ripararlo, e salvalo di nuovo");
      return std::nullopt;
    case ZipArchive::ReadError::TooLarge:
      diags_.error("E0534", options_.fileSpan,
                   fmt::format("la parte «{}» della cartella di lavoro «{}» supera i {} MiB", name, path_,
                               kMaxPartBytes >> 20),
                   "un foglio di dati per la valutazione è molto più piccolo: controlla di aver indicato il file giusto, "
                   "o togli dal file i fogli e le immagini che non servono");
      return std::nullopt;
  }
  return std::nullopt;
}

bool Package::parse(const std::string& name, std::string_view xml, const XmlHandler& handler) {
  if (std::optional<std::string> why = parseXml(xml, handler)) {
    damaged(name, "XML non valido, " + *why);
    return false;
  }
  return true;
}

std::optional<std::vector<Relationship>> Package::relationships(const std::string& partName) {
  std::string relsName = folderOf(partName) + "_rels/" + partName.substr(folderOf(partName).size()) + ".rels";
  std::optional<std::string> xml = part(relsName, true);
  std::vector<Relationship> rels;
  if (!xml) return rels;
  XmlHandler h;
  h.start = [&](std::string_view name, const std::vector<XmlAttribute>& a) {
    if (name != "Relationship") return;
    Relationship r;
    r.id = std::string(attribute(a, "Id").value_or(""));
    r.type = std::string(attribute(a, "Type").value_or(""));
    if (attribute(a, "TargetMode").value_or("") == "External") return;
    r.target = resolve(folderOf(partName), std::string(attribute(a, "Target").value_or("")));
    rels.push_back(std::move(r));
  };
  if (!parse(relsName, *xml, h)) return std::nullopt;
  return rels;
}

std::optional<Workbook> Package::workbook(const std::string& name) {
  std::optional<std::string> xml = part(name);
  if (!xml) return std::nullopt;
  Workbook wb;
  XmlHandler h;
  h.start = [&](std::string_view element, const std::vector<XmlAttribute>& a) {
    if (element == "workbookPr") {
      std::string_view v = attribute(a, "date1904").value_or("0");
      wb.date1904 = v == "1" || v == "true";
    } else if (element == "sheet") {
      SheetEntry s;
      s.name = std::string(attribute(a, "name").value_or(""));
      s.relId = std::string(attribute(a, "id").value_or(""));
      std::string_view state = attribute(a, "state").value_or("visible");
      s.hidden = state == "hidden" || state == "veryHidden";
      wb.sheets.push_back(std::move(s));
    }
  };
  if (!parse(name, *xml, h)) return std::nullopt;
  return wb;
}

const SheetEntry* Package::choose(const Workbook& wb) {
  std::vector<std::string> all, visible;
  for (const SheetEntry& s : wb.sheets) {
    all.push_back(s.name);
    if (!s.hidden) visible.push_back(s.name);
  }
  if (options_.sheet) {
    const std::string& wanted = *options_.sheet;
    for (const SheetEntry& s : wb.sheets)
      if (s.name == wanted) return &s;
    for (const SheetEntry& s : wb.sheets)  // Excel's sheet names ignore letter case
      if (equalIgnoringCase(s.name, wanted)) return &s;
    std::string hint = didYouMean(wanted, all);
    if (!hint.empty()) hint += " ";
    hint += all.empty() ? std::string("la cartella di lavoro non ha fogli")
                        : fmt::format("I fogli della cartella di lavoro sono: {}", quotedList(all));
    diags_.error("E0524", options_.sheetSpan.valid() ? options_.sheetSpan : options_.fileSpan,
                 fmt::format("la cartella di lavoro «{}» non ha un foglio «{}»", path_, wanted), hint);
    return nullptr;
  }
  if (visible.size() == 1)
    for (const SheetEntry& s : wb.sheets)
      if (!s.hidden) return &s;
  if (visible.empty()) {
    diags_.error("E0526", options_.fileSpan,
                 all.empty() ? fmt::format("la cartella di lavoro «{}» non ha fogli", path_)
                             : fmt::format("la cartella di lavoro «{}» non ha fogli visibili (i fogli nascosti sono: {})",
                                           path_, quotedList(all)),
                 all.empty() ? "controlla di aver indicato il file giusto"
                             : fmt::format("indica il foglio da leggere, ad esempio: foglio \"{}\"", all.front()));
    return nullptr;
  }
  diags_.error("E0525", options_.fileSpan,
               fmt::format("la cartella di lavoro «{}» ha {} fogli: non so quale leggere", path_, visible.size()),
               fmt::format("indica il foglio dopo il nome del file, ad esempio: da \"{}\" foglio \"{}\". I fogli sono: {}",
                           path_.substr(path_.find_last_of('/') + 1), visible.front(), quotedList(visible)));
  return nullptr;
}

std::optional<std::vector<std::string>> Package::sharedStrings(const std::string& name) {
  std::vector<std::string> strings;
  std::optional<std::string> xml = part(name, true);
  if (!xml) return strings;
  int inText = 0, inPhonetic = 0;
  std::string current;
  XmlHandler h;
  h.start = [&](std::string_view e, const std::vector<XmlAttribute>&) {
    if (e == "si") current.clear();
    else if (e == "t") ++inText;
    else if (e == "rPh") ++inPhonetic;  // phonetic guides (Japanese) are not part of the text
  };
  h.end = [&](std::string_view e) {
    if (e == "si") strings.push_back(std::move(current)), current.clear();
    else if (e == "t" && inText > 0) --inText;
    else if (e == "rPh" && inPhonetic > 0) --inPhonetic;
  };
  h.text = [&](std::string_view s) {
    if (inText > 0 && inPhonetic == 0) current.append(s);
  };
  if (!parse(name, *xml, h)) return std::nullopt;
  return strings;
}

std::optional<std::vector<FormatKind>> Package::styles(const std::string& name) {
  std::vector<FormatKind> kinds;
  std::optional<std::string> xml = part(name, true);
  if (!xml) return kinds;
  std::map<uint32_t, FormatKind> custom;
  bool inCellXfs = false;
  XmlHandler h;
  auto number = [](std::string_view s) -> uint32_t {
    uint32_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || n > 100000000) return UINT32_MAX;
      n = n * 10 + static_cast<uint32_t>(c - '0');
    }
    return n;
  };
  h.start = [&](std::string_view e, const std::vector<XmlAttribute>& a) {
    if (e == "numFmt") {
      custom[number(attribute(a, "numFmtId").value_or(""))] = customFormat(attribute(a, "formatCode").value_or(""));
    } else if (e == "cellXfs") {
      inCellXfs = true;
    } else if (e == "xf" && inCellXfs) {
      uint32_t id = number(attribute(a, "numFmtId").value_or("0"));
      auto it = custom.find(id);
      kinds.push_back(it != custom.end() ? it->second : builtinFormat(id));
    }
  };
  h.end = [&](std::string_view e) {
    if (e == "cellXfs") inCellXfs = false;
  };
  if (!parse(name, *xml, h)) return std::nullopt;
  return kinds;
}

std::optional<Sheet> Package::sheet() {
  std::optional<std::vector<Relationship>> root = relationships("");
  if (!root) return std::nullopt;
  std::string workbookName = "xl/workbook.xml";
  for (const Relationship& r : *root)
    if (endsWith(r.type, "/officeDocument")) workbookName = r.target;
  if (!zip_.has(workbookName)) {
    notAWorkbook();
    return std::nullopt;
  }
  std::optional<Workbook> wb = workbook(workbookName);
  if (!wb) return std::nullopt;
  const SheetEntry* chosen = choose(*wb);
  if (!chosen) return std::nullopt;
  std::optional<std::vector<Relationship>> rels = relationships(workbookName);
  if (!rels) return std::nullopt;
  std::string sheetPart, stylesPart = folderOf(workbookName) + "styles.xml",
                         stringsPart = folderOf(workbookName) + "sharedStrings.xml";
  bool chart = false;
  for (const Relationship& r : *rels) {
    if (r.id == chosen->relId) {
      sheetPart = r.target;
      chart = endsWith(r.type, "/chartsheet");
    }
    if (endsWith(r.type, "/styles")) stylesPart = r.target;
    if (endsWith(r.type, "/sharedStrings")) stringsPart = r.target;
  }
  if (chart) {
    diags_.error("E0524", options_.sheetSpan.valid() ? options_.sheetSpan : options_.fileSpan,
                 fmt::format("il foglio «{}» di «{}» è un grafico, non una tabella di dati", chosen->name, path_),
                 "indica il foglio che contiene la tabella dei dati");
    return std::nullopt;
  }
  if (sheetPart.empty()) {
    damaged(fmt::format("foglio «{}»", chosen->name), "la cartella di lavoro non dice dove si trova");
    return std::nullopt;
  }
  Sheet out;
  out.name = chosen->name;
  out.date1904 = wb->date1904;
  std::optional<std::string> xml = part(sheetPart);
  if (!xml) return std::nullopt;
  out.xml = std::move(*xml);
  std::optional<std::vector<std::string>> strings = sharedStrings(stringsPart);
  if (!strings) return std::nullopt;
  out.sharedStrings = std::move(*strings);
  std::optional<std::vector<FormatKind>> kinds = styles(stylesPart);
  if (!kinds) return std::nullopt;
  out.styles = std::move(*kinds);
  return out;
}

std::optional<Sheet> openSheet(std::string_view bytes, const std::string& path, const XlsxOptions& options,
                               Diagnostics& diags) {
  std::string why;
  std::optional<ZipArchive> zip = ZipArchive::open(bytes, why);
  if (!zip) {
    diags.error("E0521", options.fileSpan,
                fmt::format("il file «{}» è danneggiato: sembra una cartella di lavoro di Excel (un archivio zip) ma "
                            "non si apre ({})",
                            path, why),
                "se il file è arrivato per posta o da un'unità di rete, fattene mandare una nuova copia; altrimenti "
                "aprilo in Excel, che prova a ripararlo, e salvalo di nuovo");
    return std::nullopt;
  }
  Package package(std::move(*zip), path, options, diags);
  return package.sheet();
}

}  // namespace misura::data::xlsx
