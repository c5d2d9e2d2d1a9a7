#!/usr/bin/python3
"""Genera i file dell'ufficio personale del Comune di Rivalta per la procedura dei differenziali stipendiali 2024.

I dati sono scritti qui in chiaro; i casi limite sono descritti in NOTE.md.
"""
import csv, datetime as dt, os, re, shutil, zipfile
import openpyxl
from openpyxl.styles import Font, Border, Side, Alignment

QUI = os.path.dirname(os.path.abspath(__file__))
D = dt.date
NV = None          # anno non valutato ("n.v." nello storico)
ASSENTE = "-"      # nessuna riga nello storico per quell'anno

IS = "Istruttori"
OE = "Operatori esperti"
# matricola, cognome, nome, nascita, assunzione, area, inquadramento area, profilo, differenziali, punteggi 2022/2023/2024
PERSONE = [
    (12, "Bergese", "Daniela", D(1970, 5, 14), D(1996, 4, 1), "Funzionari e E.Q.", D(2001, 1, 1), "Funzionario contabile", "DS3", (93, 94, 96)),
    (45, "Bertolino", "Paola", D(1968, 1, 22), D(1990, 3, 1), IS, D(2005, 1, 1), "Istruttore amministrativo", "DS4", (95, 96, 97)),
    (131, "Gribaudo", "Enrico", D(1981, 7, 3), D(2012, 9, 1), IS, D(2012, 9, 1), "Istruttore tecnico - geometra", "DS1", (92.5, 94, 93)),
    (76, "Actis", "Giovanna", D(1988, 12, 9), D(2018, 9, 15), IS, D(2018, 9, 15), "Istruttore contabile", "", (90, 91.25, 92)),
    (214, "Pautasso", "Chiara", D(1987, 4, 27), D(2016, 3, 1), IS, D(2016, 3, 1), "Istruttore demografico", "", (NV, 87.83, 89.5)),
    (58, "Ravizza", "Carlo", D(1972, 10, 18), D(2009, 5, 4), IS, D(2016, 11, 2), "Istruttore di vigilanza", "", (88, 89, 89)),
    (118, "Chiabrando", "Ugo", D(1965, 2, 2), D(1999, 11, 15), IS, D(2014, 1, 1), "Istruttore amministrativo", "DS2", (80, 82.5, 85)),
    (172, "Gallina", "Piero", D(1979, 8, 21), D(2006, 2, 1), IS, D(2016, 3, 1), "Istruttore informatico", "DS1", (85, 86, 84)),
    (195, "Rosso", "Federica", D(1983, 3, 30), D(2013, 10, 1), IS, D(2013, 10, 1), "Istruttore servizi sociali", "DS1", (79, 81, 83)),
    (163, "Bosio", "Anna Rita", D(1991, 6, 5), D(2017, 1, 16), IS, D(2022, 1, 1), "Istruttore amministrativo", "", (75, NV, 78)),
    (128, "Mondino", "Gabriella", D(1966, 9, 11), D(1994, 6, 1), IS, D(2009, 1, 1), "Istruttore biblioteca", "DS2", (70, 72, 74)),
    (33, "Musso", "Lorenzo", D(1976, 11, 28), D(2002, 4, 2), IS, D(2002, 4, 2), "Istruttore tributi", "DS2", (97, 97.5, 98)),
    (64, "Barbero", "Sergio", D(1974, 1, 7), D(2004, 7, 1), IS, D(2008, 1, 1), "Istruttore di vigilanza", "DS1", (86, 60, 88)),
    (207, "Cravero", "Elisa", D(1993, 2, 17), D(2022, 1, 2), IS, D(2022, 1, 2), "Istruttore amministrativo", "", (82, 90, 93)),
    (219, "Bonino", "Marta", D(1985, 5, 19), D(2019, 4, 1), IS, D(2019, 4, 1), "Istruttore tecnico", "", (NV, NV, 91)),
    (90, "Giordano", "Walter", D(1977, 4, 4), D(2007, 3, 1), IS, D(2007, 3, 1), "Istruttore contabile", "DS2", (84, 85, 86)),
    (11, "Giraudo", "Teresa", D(1967, 3, 8), D(1999, 2, 1), OE, D(1999, 2, 1), "Collaboratore amministrativo", "DS3", (95, 96, 94)),
    (19, "Audisio", "Bartolomeo", D(1964, 12, 24), D(2003, 6, 16), OE, D(2003, 6, 16), "Collaboratore tecnico - elettricista", "DS2", (92, 93.5, 95)),
    (23, "Peano", "Lucia", D(1980, 10, 1), D(2018, 4, 1), OE, D(2018, 4, 1), "Collaboratore amministrativo", "", (90, 90, 91)),
    (36, "Cerutti", "Franco", D(1975, 6, 13), D(2020, 1, 1), OE, D(2020, 1, 1), "Collaboratore tecnico - autista", "", (88, 89, 90)),
    (87, "Ferrero", "Maria Luisa", D(1978, 2, 11), D(2015, 6, 1), OE, D(2015, 6, 1), "Collaboratore amministrativo", "", (84, 86, 88)),
    (102, "Dell'Acqua", "Giorgio", D(1975, 9, 30), D(2015, 6, 1), OE, D(2015, 6, 1), "Collaboratore amministrativo", "", (85, 85, 88)),
    (251, "Gerbaudo", "Silvio", D(1969, 4, 2), D(2010, 2, 1), OE, D(2010, 2, 1), "Collaboratore tecnico - idraulico", "DS1", (ASSENTE, 80, 82)),
    (48, "Bruno", "Stefania", D(1973, 1, 29), D(2008, 9, 1), OE, D(2008, 9, 1), "Collaboratore contabile", "DS1", (80, 83, 86)),
    (52, "Ghione", "Luigi", D(1986, 8, 8), D(2016, 7, 1), OE, D(2016, 7, 1), "Collaboratore tecnico - manutentore", "", (78, 80, 79)),
    (67, "Dalmasso", "Ornella", D(1971, 11, 3), D(2014, 10, 1), OE, D(2014, 10, 1), "Collaboratore amministrativo", "DS1", (85, 84, NV)),
    (71, "Arnaudo", "Giacomo", D(1990, 7, 17), D(2021, 12, 31), OE, D(2021, 12, 31), "Collaboratore tecnico", "", (70.5, 72.25, 75)),
    (84, "Rinaudo", "Beatrice", D(1977, 2, 25), D(2011, 3, 1), OE, D(2011, 3, 1), "Collaboratore amministrativo", "DS1", (82, 81, 80)),
    (95, "Lingua", "Mattia", D(1989, 9, 9), D(2019, 5, 15), OE, D(2019, 5, 15), "Collaboratore informatico", "", (76, 79, 83.75)),
    (123, "Garelli", "Nadia", D(1982, 4, 12), D(2017, 3, 1), OE, D(2017, 3, 1), "Collaboratore amministrativo", "", (86, 85, 84)),
    (141, "Isoardi", "Fulvio", D(1984, 12, 1), D(2016, 5, 2), OE, D(2021, 1, 1), "Collaboratore tecnico - autista scuolabus", "", (NV, 88, 87)),
    (266, "Chiarle", "Rocco", D(1979, 3, 3), D(2012, 5, 2), OE, D(2012, 5, 2), "Collaboratore tecnico", "", (NV, NV, 90)),
    (239, "Borgna", "Lidia", D(1992, 1, 20), D(2017, 9, 1), OE, D(2023, 3, 1), "Collaboratore amministrativo", "", (88, 90, 92)),
    (255, "Aimar", "Dario", D(1970, 6, 30), D(2005, 4, 1), OE, D(2005, 4, 1), "Collaboratore tecnico - muratore", "DS2", (91, 92, 93)),
    (301, "Gili", "Mario", D(1963, 10, 10), D(1992, 1, 2), "Operatori", D(1992, 1, 2), "Operaio", "DS4", (80, 80, 80)),
    (305, "Pons", "Luca", D(1995, 5, 5), D(2021, 3, 1), "Operatori", D(2021, 3, 1), "Operatore", "", (75, 77, 62)),
    (9, "Fenoglio", "Bruna", D(1966, 8, 19), D(1991, 9, 2), "Operatori", D(1991, 9, 2), "Operatore - addetta pulizie", "DS3", (78, 80, 82)),
    (10, "Marengo", "Ivo", D(1968, 2, 26), D(1993, 4, 1), "Operatori", D(1993, 4, 1), "Operaio necroforo", "DS3", (77, 81, 82)),
]

# storico delle progressioni economiche (PEO e differenziali) e tra le aree
PROGRESSIONI = [
    (45, D(2010, 1, 1), "PEO C2 -> C3"), (45, D(2016, 1, 1), "PEO C3 -> C4"), (45, D(2019, 1, 1), "PEO C4 -> C5"),
    (131, D(2019, 1, 1), "PEO C1 -> C2"),
    (118, D(2017, 1, 1), "PEO C1 -> C2"), (118, D(2020, 1, 1), "PEO C2 -> C3"),
    (172, D(2020, 1, 1), "PEO C1 -> C2"),
    (195, D(2019, 1, 1), "PEO C1 -> C2"),
    (128, D(2012, 1, 1), "PEO C1 -> C2"), (128, D(2018, 1, 1), "PEO C2 -> C3"),
    (33, D(2017, 1, 1), "PEO C1 -> C2"), (33, D(2021, 1, 1), "PEO C2 -> C3"),
    (64, D(2019, 1, 1), "PEO C1 -> C2"),
    (90, D(2018, 1, 1), "PEO C1 -> C2"), (90, D(2022, 1, 1), "PEO C2 -> C3"),
    (58, D(2016, 11, 2), "Progressione verticale B3 -> C1 (concorso riservato)"),
    (11, D(2008, 1, 1), "PEO B3 -> B4"), (11, D(2013, 1, 1), "PEO B4 -> B5"), (11, D(2019, 1, 1), "PEO B5 -> B6"),
    (19, D(2011, 1, 1), "PEO B3 -> B4"), (19, D(2020, 1, 1), "PEO B4 -> B5"),
    (251, D(2020, 1, 1), "PEO B3 -> B4"),
    (48, D(2018, 1, 1), "PEO B3 -> B4"),
    (67, D(2020, 1, 1), "PEO B3 -> B4"),
    (84, D(2019, 1, 1), "PEO B3 -> B4"),
    (255, D(2016, 1, 1), "PEO B3 -> B4"), (255, D(2023, 1, 1), "Differenziale stipendiale DS1 -> DS2"),
    (141, D(2021, 1, 1), "Progressione tra le aree Operatori -> Operatori esperti (art. 22 c. 15 D.Lgs. 75/2017)"),
    (239, D(2023, 3, 1), "Progressione tra le aree Operatori -> Operatori esperti (art. 13 c. 6 CCNL 2022)"),
    (12, D(2022, 1, 1), "PEO D2 -> D3"),
    (301, D(2019, 1, 1), "PEO A4 -> A5"),
]

SANZIONI = [
    (195, D(2023, 6, 12), "Multa pari a 4 ore di retribuzione", "UPD 3/2023"),
    (64, D(2023, 5, 10), "Sospensione dal servizio con privazione della retribuzione per 3 giorni", "UPD 2/2023"),
    (128, D(2022, 12, 30), "Sospensione dal servizio con privazione della retribuzione per 5 giorni", "UPD 7/2022"),
    (90, D(2024, 2, 12), "Sospensione dal servizio con privazione della retribuzione per 2 giorni", "UPD 1/2024"),
    (52, D(2024, 9, 3), "Rimprovero scritto (censura)", "prot. 11842/2024"),
]

SOTTILE = Side(style="thin")
BORDO = Border(top=SOTTILE, bottom=SOTTILE, left=SOTTILE, right=SOTTILE)


def intesta(ws, riga, titoli):
    for j, t in enumerate(titoli, 1):
        c = ws.cell(riga, j, t)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True)
        c.border = BORDO


def valori_formule(percorso, valori):
    """Scrive nell'xlsx il valore in cache delle formule: valori = {(indice_foglio, 'B12'): valore}."""
    tmp = percorso + ".tmp"
    with zipfile.ZipFile(percorso) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            dati = zin.read(item.filename)
            m = re.match(r"xl/worksheets/sheet(\d+)\.xml$", item.filename)
            if m:
                testo = dati.decode("utf-8")
                for (idx, ref), val in valori.items():
                    if idx == int(m.group(1)):
                        testo, n = re.subn(r'(<c r="%s"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?' % ref,
                                           lambda mm: mm.group(1) + "<v>%s</v>" % repr(val), testo)
                        assert n == 1, (percorso, ref)
                dati = testo.encode("utf-8")
            zout.writestr(item, dati)
    shutil.move(tmp, percorso)


def virgola(x):
    s = ("%.2f" % x).replace(".", ",")
    return s


def main():
    cart = os.path.join(QUI, "..", "dati")
    shutil.rmtree(cart, ignore_errors=True)
    os.makedirs(cart)

    # --- personale in servizio al 31/12/2024 (ordinato per area come nel gestionale, poi per cognome)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dipendenti"
    ws["A1"] = "COMUNE DI RIVALTA - Servizio Personale - Dipendenti in servizio al 31/12/2024"
    ws["A1"].font = Font(bold=True, size=12)
    intesta(ws, 3, ["Matricola", "Cognome", "Nome", "Data di nascita", "Data assunzione", "Area",
                    "Decorrenza inquadramento nell'area", "Profilo professionale", "Differenziale in godimento",
                    "Età al 31/12/2024"])
    ordine_area = {"Funzionari e E.Q.": 0, IS: 1, OE: 2, "Operatori": 3}
    righe = sorted(PERSONE, key=lambda p: (ordine_area[p[5]], p[1], p[2]))
    formule = {}
    for i, p in enumerate(righe, 4):
        vals = [p[0], p[1], p[2], p[3], p[4], "Area degli " + p[5] if p[5] != "Funzionari e E.Q." else "Area dei Funzionari e dell'E.Q.",
                p[6], p[7], p[8] or None]
        for j, v in enumerate(vals, 1):
            c = ws.cell(i, j, v)
            c.border = BORDO
            if isinstance(v, dt.date):
                c.number_format = "DD/MM/YYYY"
        ws.cell(i, 10, '=DATEDIF(D%d,DATE(2024,12,31),"Y")' % i).border = BORDO
        eta = 2024 - p[3].year - ((12, 31) < (p[3].month, p[3].day))
        formule[(1, "J%d" % i)] = eta
    last = 4 + len(righe)
    for j in range(1, 11):
        ws.cell(last, j).border = BORDO
    for col, w in zip("ABCDEFGHIJ", (10, 16, 14, 12, 12, 34, 14, 38, 12, 10)):
        ws.column_dimensions[col].width = w
    percorso = os.path.join(cart, "dipendenti_al_31-12-2024.xlsx")
    wb.save(percorso)
    valori_formule(percorso, formule)

    # --- storico valutazioni: export del gestionale, una riga per dipendente e anno, ordinato per matricola come testo
    righe = []
    for p in PERSONE:
        for anno, v in zip((2022, 2023, 2024), p[9]):
            if v == ASSENTE:
                continue
            righe.append((str(p[0]), p[1], p[2], anno, "n.v." if v is NV else virgola(v)))
    righe.sort(key=lambda r: (r[0], r[3]))
    with open(os.path.join(cart, "storico_valutazioni_2022-2024.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(["MATRICOLA", "COGNOME", "NOME", "ANNO", "PUNTEGGIO FINALE"])
        for r in righe:
            w.writerow(r)
        w.writerow([""] * 5)

    # --- progressioni
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Progressioni"
    intesta(ws, 1, ["Matr.", "Dipendente", "Decorrenza", "Tipo progressione", "Atto"])
    nomi = {p[0]: "%s %s" % (p[1], p[2]) for p in PERSONE}
    for i, (m, d, t) in enumerate(sorted(PROGRESSIONI, key=lambda r: r[1]), 2):
        ws.cell(i, 1, m); ws.cell(i, 2, nomi[m].upper()); ws.cell(i, 3, d).number_format = "DD/MM/YYYY"
        ws.cell(i, 4, t); ws.cell(i, 5, "Det. n. %d/%d" % (100 + i, d.year))
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["D"].width = 60
    wb.save(os.path.join(cart, "storico_progressioni.xlsx"))

    # --- registro UPD
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Registro UPD"
    ws["A1"] = "Ufficio per i procedimenti disciplinari - sanzioni irrogate"
    intesta(ws, 2, ["Matricola", "Data irrogazione", "Sanzione", "Provvedimento"])
    for i, (m, d, s, a) in enumerate(SANZIONI, 3):
        ws.cell(i, 1, m); ws.cell(i, 2, d).number_format = "DD/MM/YYYY"; ws.cell(i, 3, s); ws.cell(i, 4, a)
    ws.column_dimensions["C"].width = 70
    wb.save(os.path.join(cart, "registro_sanzioni_disciplinari.xlsx"))
    print("ok")


if __name__ == "__main__":
    main()
