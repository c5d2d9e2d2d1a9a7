#!/usr/bin/python3
"""`misura valuta --formato xlsx` read back with openpyxl: every cell of the
sheet «Risultati» equals the CSV's (numbers as numbers, to the cent; text as
text), «Fondi» equals the --riepilogo CSV, and «Note» names ente and anno.

Usage: xlsx_uscita.py MISURA EXAMPLE_DIR   (exit 77: openpyxl missing, skipped)
"""
import os
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl non installato: test saltato")
    sys.exit(77)


def cell_text(v, header):
    """A cell as the CSV writes it."""
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if header.startswith("posizione_") or header == "persone":
            return str(int(v))
        return ("%.2f" % v).replace(".", ",")
    return str(v)


def compare(ws, csv_text, what):
    lines = [l.split(";") for l in csv_text.splitlines()]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert len(rows) == len(lines), "%s: %d righe nel foglio, %d nel CSV" % (what, len(rows), len(lines))
    header = lines[0]
    for r, (row, line) in enumerate(zip(rows, lines)):
        got = [cell_text(v, header[c] if c < len(header) else "") for c, v in enumerate(row)]
        got += [""] * (len(line) - len(got))
        assert got == line, "%s, riga %d: %r invece di %r" % (what, r + 1, got, line)
        if r > 0:
            for c, name in enumerate(header):
                if name in ("totale", "premio") and line[c]:
                    assert isinstance(row[c], (int, float)), "%s, riga %d: %s non è un numero" % (what, r + 1, name)


def main():
    misura, example = sys.argv[1], sys.argv[2]
    rules = os.path.join(example, "regolamento.misura")
    data = os.path.join(example, "dati")
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, "risultati.xlsx")
        funds = os.path.join(tmp, "fondi.csv")
        subprocess.run([misura, "valuta", rules, "--dati", data, "--uscita", book, "--riepilogo", funds], check=True,
                       stdout=subprocess.DEVNULL)
        csv_text = subprocess.run([misura, "valuta", rules, "--dati", data, "--formato", "csv"], check=True,
                                  capture_output=True, text=True).stdout
        wb = openpyxl.load_workbook(book)
        assert wb.sheetnames == ["Risultati", "Fondi", "Note"], wb.sheetnames
        assert wb["Risultati"].freeze_panes == "A2", wb["Risultati"].freeze_panes
        compare(wb["Risultati"], csv_text, "Risultati")
        with open(funds, encoding="utf-8") as fh:
            compare(wb["Fondi"], fh.read(), "Fondi")
        notes = {r[0]: r[1] for r in wb["Note"].iter_rows(values_only=True)}
        assert notes["Ente"] and notes["Anno di valutazione"], notes
    print("ok: %s" % example)


if __name__ == "__main__":
    main()
