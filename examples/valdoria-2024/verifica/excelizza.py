"""Make an openpyxl-written .xlsx look like one saved by Excel: shared strings instead of
inline strings, and cached values for formula cells (given by the caller)."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape


def excelize(path, cached):
    """cached: {(sheet_xml_name, cell_ref): value} for formula cells."""
    src = zipfile.ZipFile(path)
    files = {n: src.read(n) for n in src.namelist()}
    src.close()
    strings, index = [], {}

    def sst(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    for name in list(files):
        if not name.startswith("xl/worksheets/sheet"):
            continue
        xml = files[name].decode("utf-8")
        short = name.rsplit("/", 1)[1]

        def inline(m):
            attrs, text = m.group(1), m.group(2)
            return f'<c{attrs} t="s"><v>{sst(text)}</v></c>'
        xml = re.sub(r'<c([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', inline, xml)

        def formula(m):
            ref, f = m.group(1), m.group(3)
            v = cached.get((short, ref))
            if v is None:
                return m.group(0)
            return f'<c r="{ref}"{m.group(2)}><f>{f}</f><v>{v}</v></c>'
        xml = re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>', formula, xml)
        files[name] = xml.encode("utf-8")
    if strings:
        body = "".join(f"<si><t xml:space=\"preserve\">{s}</t></si>" for s in strings)
        files["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{body}</sst>').encode()
        ct = files["[Content_Types].xml"].decode()
        if "sharedStrings" not in ct:
            ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            files["[Content_Types].xml"] = ct.encode()
        rels = files["xl/_rels/workbook.xml.rels"].decode()
        if "sharedStrings" not in rels:
            rels = rels.replace("</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            files["xl/_rels/workbook.xml.rels"] = rels.encode()
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for n, b in files.items():
        out.writestr(n, b)
    out.close()
