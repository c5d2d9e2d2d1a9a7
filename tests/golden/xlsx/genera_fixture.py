#!/usr/bin/python3
"""Writes the XLSX (and CSV) fixtures of the golden tests in tests/golden/xlsx/.

The generated files are committed: the tests never run this script. Run it
again (from anywhere) after changing it, then review `git diff --stat` and the
golden tests:   /usr/bin/python3 tests/golden/xlsx/genera_fixture.py

Two writers:
- `excel_like` writes the parts of a workbook by hand, the way Excel does:
  shared strings (with rich-text runs), cached formula results (numbers and
  t="str" text), booleans, error cells, styles with built-in and custom
  number formats, merged cells, hidden sheets, sparse rows;
- openpyxl (python3-openpyxl from Debian) writes the same tables as that
  library does (inline strings, formulas without cached values, its own
  styles), so the reader is tested on a second real producer.
A third producer, LibreOffice (libreoffice-calc-nogui, installed by hand, not
by tools/setup.sh), re-saves the openpyxl files with formulas in
ok/libreoffice.dati/: it computes the formulas and stores their cached
values and shared strings as it does for its users. Without `soffice` on the
PATH that step is skipped and the committed files stay as they are.
"""

import datetime
import io
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

# Cell styles (index into cellXfs) of every excel_like workbook.
GENERALE, PERCENTO, DATA, DATA_CUSTOM, PERCENTO_2, EURO = range(6)
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>\
<numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>\
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
<cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="9" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="10" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/></cellXfs>\
</styleSheet>"""


def col_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


# Cell values for excel_like: plain str -> shared string, int/float-like str via N().
class N:  # a number as Excel writes it in <v>, with a style
    def __init__(self, v, style=GENERALE):
        self.v, self.style = v, style


class F:  # a formula with its cached result
    def __init__(self, formula, cached, text=False, style=GENERALE):
        self.formula, self.cached, self.text, self.style = formula, cached, text, style


class Rich:  # a shared string made of rich-text runs
    def __init__(self, *runs):
        self.runs = runs


class Err:  # an error cell (#N/A, #DIV/0!)
    def __init__(self, v):
        self.v = v


class B:  # a boolean cell
    def __init__(self, v):
        self.v = v


class Styled:  # a cell with a style and no value (Excel leaves these below tables)
    def __init__(self, style):
        self.style = style


def excel_like(path, sheets, date1904=False):
    """sheets: list of dicts name, rows {row: {col: value}}, hidden, merges."""
    strings, index = [], {}

    def shared(key, xml):
        if key not in index:
            index[key] = len(strings)
            strings.append(xml)
        return index[key]

    def sheet_xml(sheet):
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" '
               f'xmlns:r="{REL}"><sheetData>']
        for r in sorted(sheet["rows"]):
            cells = sheet["rows"][r]
            out.append(f'<row r="{r}">')
            for c in sorted(cells):
                v, ref = cells[c], f"{col_letters(c)}{r}"
                if isinstance(v, str):
                    i = shared(("t", v), f'<t xml:space="preserve">{escape(v)}</t>')
                    out.append(f'<c r="{ref}" t="s"><v>{i}</v></c>')
                elif isinstance(v, Rich):
                    runs = "".join(f'<r><rPr><b/></rPr><t xml:space="preserve">{escape(t)}</t></r>' if k == 0
                                   else f'<r><t xml:space="preserve">{escape(t)}</t></r>' for k, t in enumerate(v.runs))
                    i = shared(("r",) + v.runs, runs)
                    out.append(f'<c r="{ref}" t="s"><v>{i}</v></c>')
                elif isinstance(v, N):
                    out.append(f'<c r="{ref}" s="{v.style}"><v>{v.v}</v></c>')
                elif isinstance(v, F):
                    t = ' t="str"' if v.text else ""
                    out.append(f'<c r="{ref}" s="{v.style}"{t}><f>{escape(v.formula)}</f><v>{escape(v.cached)}</v></c>')
                elif isinstance(v, Err):
                    out.append(f'<c r="{ref}" t="e"><f>VLOOKUP(A1,Z:Z,2,0)</f><v>{escape(v.v)}</v></c>')
                elif isinstance(v, B):
                    out.append(f'<c r="{ref}" t="b"><v>{1 if v.v else 0}</v></c>')
                elif isinstance(v, Styled):
                    out.append(f'<c r="{ref}" s="{v.style}"/>')
                else:
                    raise TypeError(v)
            out.append("</row>")
        out.append("</sheetData>")
        if sheet.get("merges"):
            out.append(f'<mergeCells count="{len(sheet["merges"])}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in sheet["merges"])
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)

    sheet_parts = [sheet_xml(s) for s in sheets]
    pr = ' date1904="1"' if date1904 else ""
    wb = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" xmlns:r="{REL}">'
          f'<workbookPr{pr}/><sheets>']
    for i, s in enumerate(sheets, 1):
        state = ' state="hidden"' if s.get("hidden") else ""
        wb.append(f'<sheet name="{escape(s["name"])}" sheetId="{i}"{state} r:id="rId{i}"/>')
    wb.append("</sheets></workbook>")
    rels = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">']
    for i in range(1, len(sheets) + 1):
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append("</Relationships>")
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
    root = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}"><Relationship '
            f'Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    write_zip(path, [("[Content_Types].xml", types), ("_rels/.rels", root), ("xl/workbook.xml", "".join(wb)),
                     ("xl/_rels/workbook.xml.rels", "".join(rels)), ("xl/styles.xml", STYLES),
                     ("xl/sharedStrings.xml", sst)] +
              [(f"xl/worksheets/sheet{i}.xml", x) for i, x in enumerate(sheet_parts, 1)])


def write_zip(path, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def table(rows, first_row=1):
    """A list of lists -> {row: {col: value}} (None: no cell)."""
    return {first_row + r: {c + 1: v for c, v in enumerate(row) if v is not None}
            for r, row in enumerate(rows)}


# ---- the office files of the ok cases (the same data as uffici_csv.dati) -------

PERSONALE = [
    ["matricola", "nominativo", "profilo", "posizione", "quota", "assunzione"],
    ["0101", "Niccolò Bergamaschi", "responsabile", N("8000", EURO), N("1", PERCENTO), N("42064", DATA)],
    ["0102", Rich("Zoë ", "Àlvarez"), "responsabile", N("12345.67", EURO), N("0.85", PERCENTO), N("43723", DATA_CUSTOM)],
    ["C01", "Mario D’Angelo", "convenzione", None, N("100"), N("36892", DATA)],
]


def uffici_excel(folder):
    rows = table(PERSONALE)
    rows[5] = {c: Styled(EURO) for c in range(1, 7)}  # an empty trailing row, only formatted
    excel_like(f"{folder}/personale.xlsx", [
        {"name": "Dipendenti", "rows": rows},
        {"name": "Appunti", "hidden": True, "rows": table([["promemoria"], ["non è una tabella"]])},
    ])
    rilevazioni = table([
        ["Rilevazioni 2024 – settore amministrativo"],
        ["matricola", "obiettivo", "valore", "Note", None, "verificato"],
        ["0101", "OB1", N("0.92", PERCENTO), "griglia ANAC", None, B(True)],
        ["0101", "OB2", F("C5/C6", "0.75", style=PERCENTO_2), None, None, B(True)],
        ["0102", "OB1", N("70"), None, None, B(False)],
        ["0102", "OB2", None, "dato non pervenuto", None, None],
    ])
    excel_like(f"{folder}/rilevazioni.xlsx", [
        {"name": "Istruzioni", "rows": table([["Compilare il foglio «Schede»."]])},
        {"name": "Schede", "rows": rilevazioni, "merges": ["A1:C1", "D2:E2"]},
    ])
    valutazioni = table([
        ["matricola", "comportamento", "voto"],
        ["0101", "C1", N("8")],
        [None, "C2", F('TEXT(7,"0")', "7", text=True)],
        ["0102", "C1", N("1.0E1")],
        [None, "C2", N("9")],
    ])
    excel_like(f"{folder}/valutazioni.xlsx", [{"name": "Voti", "rows": valutazioni, "merges": ["A2:A3", "A4:A5"]}])


def uffici_csv(folder):
    write_text(f"{folder}/personale.csv",
               "matricola;nominativo;profilo;posizione;quota;assunzione\n"
               "0101;Niccolò Bergamaschi;responsabile;8.000,00;100%;01/03/2015\n"
               "0102;Zoë Àlvarez;responsabile;12.345,67;85%;15/09/2019\n"
               "C01;Mario D’Angelo;convenzione;;100;01/01/2001\n")
    write_text(f"{folder}/rilevazioni.csv",
               "matricola;obiettivo;valore;verificato\n0101;OB1;92%;sì\n0101;OB2;75%;sì\n0102;OB1;70;no\n"
               "0102;OB2;;\n")
    write_text(f"{folder}/valutazioni.csv",
               "matricola;comportamento;voto\n0101;C1;8\n0101;C2;7\n0102;C1;10\n0102;C2;9\n")


def uffici_openpyxl(folder):
    import openpyxl
    from openpyxl.styles import Alignment

    os.makedirs(folder, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dipendenti"
    ws.append(["matricola", "nominativo", "profilo", "posizione", "quota", "assunzione"])
    people = [("0101", "Niccolò Bergamaschi", "responsabile", 8000, 1, datetime.date(2015, 3, 1)),
              ("0102", "Zoë Àlvarez", "responsabile", 12345.67, 0.85, datetime.date(2019, 9, 15)),
              ("C01", "Mario D’Angelo", "convenzione", None, 100, datetime.date(2001, 1, 1))]
    for i, p in enumerate(people, 2):
        ws.append(list(p))
        ws.cell(i, 4).number_format = '#,##0.00 "€"'
        ws.cell(i, 6).number_format = "dd/mm/yyyy"
        if p[0] != "C01":
            ws.cell(i, 5).number_format = "0%"
    ws.cell(5, 4).number_format = '#,##0.00 "€"'  # an empty trailing row, only formatted
    hidden = wb.create_sheet("Appunti")
    hidden.append(["promemoria"])
    hidden.sheet_state = "hidden"
    wb.save(f"{folder}/personale.xlsx")

    wb = openpyxl.Workbook()
    wb.active.title = "Istruzioni"
    wb.active.append(["Compilare il foglio «Schede»."])
    ws = wb.create_sheet("Schede")
    ws.append(["Rilevazioni 2024 – settore amministrativo"])
    ws.merge_cells("A1:C1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["matricola", "obiettivo", "valore", "Note", None, "verificato"])
    ws.merge_cells("D2:E2")
    ws.append(["0101", "OB1", 0.92, "griglia ANAC", None, True])
    ws.append(["0101", "OB2", 0.75, None, None, True])  # openpyxl stores no cached formula value: the value
    ws.append(["0102", "OB1", 70, None, None, False])
    ws.append(["0102", "OB2", None, "dato non pervenuto"])
    ws["C3"].number_format = "0%"
    ws["C4"].number_format = "0.00%"
    wb.save(f"{folder}/rilevazioni.xlsx")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Voti"
    for row in [["matricola", "comportamento", "voto"], ["0101", "C1", 8], [None, "C2", 7],
                ["0102", "C1", 10], [None, "C2", 9]]:
        ws.append(row)
    ws.merge_cells("A2:A3")
    ws.merge_cells("A4:A5")
    wb.save(f"{folder}/valutazioni.xlsx")


def uffici_libreoffice(folder):
    import shutil
    import subprocess
    import tempfile

    import openpyxl

    if not shutil.which("soffice"):
        print("soffice non trovato: ok/libreoffice.dati non rigenerata")
        return
    with tempfile.TemporaryDirectory() as tmp:
        uffici_openpyxl(tmp)
        wb = openpyxl.load_workbook(f"{tmp}/personale.xlsx")
        ws = wb["Dipendenti"]
        ws["D3"] = "=12000+345.67"  # formulas: LibreOffice stores their computed values
        ws["E3"] = "=0.8+0.05"
        wb.save(f"{tmp}/personale.xlsx")
        wb = openpyxl.load_workbook(f"{tmp}/rilevazioni.xlsx")
        wb["Schede"]["C4"] = "=0.5+0.25"
        wb.save(f"{tmp}/rilevazioni.xlsx")
        os.makedirs(folder, exist_ok=True)
        for name in ("personale", "rilevazioni", "valutazioni"):
            subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                            "--outdir", folder, f"{tmp}/{name}.xlsx"], check=True, capture_output=True)


# ---- the files of the error cases: tests/golden/xlsx/err/file.dati -----------------

def err_files(folder):
    staff_header = ["matricola", "nominativo", "profilo"]
    staff = table([staff_header, ["0101", "Niccolò Bergamaschi", "dipendente"]])
    # Several visible sheets and a hidden one.
    excel_like(f"{folder}/fogli.xlsx", [
        {"name": "Dipendenti", "rows": staff},
        {"name": "Dipendenti 2023", "rows": staff},
        {"name": "Istruzioni", "rows": table([["Leggere prima di compilare"]])},
        {"name": "Calcoli", "hidden": True, "rows": staff},
    ])
    # Cells of the wrong type: an error cell, text in a number column, a
    # number in a date column, Excel's 29/02/1900, a boolean in a euro column.
    excel_like(f"{folder}/celle.xlsx", [{"name": "Foglio1", "rows": table([
        staff_header + ["posizione", "ore", "assunzione"],
        ["0101", "Niccolò Bergamaschi", "dipendente", Err("#N/A"), N("36"), N("42064", DATA)],
        ["0102", "Zoë Àlvarez", "dipendente", N("1500", EURO), "trentasei", N("42064")],
        ["0103", "Mario D’Angelo", "dipendente", B(True), N("18"), N("60", DATA)],
        ["0104", "Anna Bianchi", "dipendente", Err("#DIV/0!"), N("36"), N("42064", DATA)],
        [Err("#N/A"), "Luca Verdi", "dipendente", N("1500", EURO), N("36"), N("42064", DATA)],
    ])}])
    # A repeated matricola below a title, with a blank row in between: rows
    # are named as Excel numbers them.
    doppi = table([["Personale al 31/12/2024"]])
    doppi.update(table([staff_header, ["0101", "Niccolò Bergamaschi", "dipendente"],
                        ["0102", "Zoë Àlvarez", "dipendente"]], first_row=3))
    doppi.update(table([["0101", "Niccolò Bergamaschi", "dipendente"]], first_row=7))
    excel_like(f"{folder}/doppi.xlsx", [{"name": "Personale", "rows": doppi}])
    # Every sheet hidden.
    excel_like(f"{folder}/nascosti.xlsx", [{"name": "Dati", "hidden": True, "rows": staff},
                                           {"name": "Calcoli", "hidden": True, "rows": staff}])
    # A sheet whose XML is cut short (a producer that crashed while writing).
    excel_like(f"{folder}/rotto.xlsx", [{"name": "Foglio1", "rows": staff}])
    with zipfile.ZipFile(f"{folder}/rotto.xlsx") as z:
        entries = [(n, z.read(n)) for n in z.namelist()]
    entries = [(n, data[: len(data) - 40] if n == "xl/worksheets/sheet1.xml" else data) for n, data in entries]
    write_zip(f"{folder}/rotto.xlsx", entries)
    excel_like(f"{folder}/vuoto.xlsx", [{"name": "Foglio1", "rows": {}}])
    write_text(f"{folder}/csv_travestito.xlsx", "matricola;nominativo;profilo\n0101;Niccolò Bergamaschi;dipendente\n")
    write_text(f"{folder}/personale.csv", "matricola;nominativo;profilo\n0101;Niccolò Bergamaschi;dipendente\n")
    excel_like(f"{folder}/_tmp.xlsx", [{"name": "Foglio1", "rows": staff}])
    with open(f"{folder}/_tmp.xlsx", "rb") as f:
        whole = f.read()
    os.remove(f"{folder}/_tmp.xlsx")
    with open(f"{folder}/danneggiato.xlsx", "wb") as f:
        f.write(whole[: len(whole) // 2])  # truncated: the central directory is gone
    write_zip(f"{folder}/non_excel.xlsx", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                           ("content.xml", "<office:document-content/>")])
    with open(f"{folder}/vecchio.xls", "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))


def fogli(folder):
    # A hidden sheet named explicitly; a workbook saved under a .csv name (read by content).
    # Its dates are in the 1904 system of old Mac workbooks: 40602 is 01/03/2015 (42064 in the 1900 system).
    staff = table([["matricola", "nominativo", "profilo", "assunzione"],
                   ["0101", "Niccolò Bergamaschi", "dipendente", N("40602", DATA)],
                   ["0102", "Zoë Àlvarez", "dipendente", N("42261", DATA_CUSTOM)]])
    excel_like(f"{folder}/fogli.xlsx", [
        {"name": "Istruzioni", "rows": table([["Leggere prima di compilare"]])},
        {"name": "Riepilogo", "rows": table([["totale", N("2")]])},
        {"name": "Calcoli", "hidden": True, "rows": staff},
    ], date1904=True)
    excel_like(f"{folder}/voti.csv", [{"name": "Voti", "rows": table([
        ["matricola", "comportamento", "voto"], ["0101", "C1", N("8")], ["0102", "C1", N("6.5")]])}])


def w1_csv(folder):
    # As other programs write it: a title above the table, comma separator, dot decimals.
    write_text(f"{folder}/staff.csv",
               "Estrazione dal gestionale del personale\n"
               "generata il 2025-01-15\n"
               "id,nominativo,profilo,part_time,hired\n"
               "0101,\"Bergamaschi, Niccolò\",dipendente,0.8333,2015-03-01\n"
               "0102,Zoë Àlvarez,dipendente,1,2019-09-15\n"
               "0103,Mario D’Angelo,dipendente,0.5,2001-01-01\n")
    write_text(f"{folder}/results.csv",
               "Risultati degli obiettivi 2024\n"
               "\n"
               "id,obiettivo,value\n"
               "0101,OB1,83.33\n"
               "0102,OB1,\"1,000.5\"\n"
               "0103,OB1,99.9\n")


if __name__ == "__main__":
    uffici_excel(f"{HERE}/ok/uffici.dati")
    uffici_csv(f"{HERE}/ok/uffici_csv.dati")
    uffici_openpyxl(f"{HERE}/ok/uffici_openpyxl.dati")
    uffici_libreoffice(f"{HERE}/ok/uffici_libreoffice.dati")
    err_files(f"{HERE}/err/file.dati")
    w1_csv(f"{HERE}/ok/w1.dati")
    fogli(f"{HERE}/ok/fogli.dati")
    print("fixture scritte in", HERE)
