# Office files of the fictional Comune di Valdoria, 2024, as the offices hand them over.
import datetime as dt
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
from excelizza import excelize

out = "dati/"

# --- personale.xlsx: two sheets (Dipendenti, Titolari EQ) + a hidden lookup sheet
wb = Workbook()
ws = wb.active
ws.title = "Dipendenti"
ws.append(["ELENCO DEL PERSONALE DIPENDENTE AL 31/12/2024", None, None, None, None, None, None])
ws.merge_cells("A1:G1")
ws["A1"].font = Font(bold=True)
ws.append(["Matricola", "Cognome e nome", "Cat.", "Settore", "% part-time", "Data assunzione", "Data cessazione"])
rows = [
    ("101", "Bianchi Maria", "C1", "Affari generali", 1.0, dt.date(2009, 3, 1), None),
    ("102", "Rossi Giuseppe", "B3", "Affari generali", 0.5, dt.date(2015, 9, 14), None),
    ("103", "Colombo Anna", "C2", "Finanziario", 1.0, dt.date(2012, 1, 2), None),
    ("104", "Ferrari Luca", "D1", "Finanziario", 0.8333, dt.date(2020, 6, 1), None),
    ("105", "Esposito Chiara", "C1", "Tecnico", 1.0, dt.date(2024, 4, 1), None),
    ("106", "Ricci Marco", "B1", "Tecnico", 1.0, dt.date(2001, 11, 5), dt.date(2024, 2, 15)),
    ("107", "Greco Sofia", "C1", "Tecnico", 1.0, dt.date(2018, 2, 1), None),
    ("9", "D'Angelo Nicolò", "B3", "Affari generali", 1.0, dt.date(1998, 5, 4), None),
    ("10", "Lombardi Francesca", "C3", "Finanziario", 0.6667, dt.date(2005, 7, 18), None),
]
for r in rows:
    ws.append(list(r))
for c in ("F", "G"):
    for i in range(3, 3 + len(rows)):
        ws[f"{c}{i}"].number_format = "DD/MM/YYYY"
for i in range(3, 3 + len(rows)):
    ws[f"E{i}"].number_format = "0%"
ws.append([])  # an empty trailing row, as Excel leaves them

eq = wb.create_sheet("Titolari EQ")
eq.append(["Matricola", "Cognome", "Nome", "Settore", "Retribuzione di posizione", "Incarico dal"])
eq.append(["201", "Fontana", "Giulia", "Affari generali", 9500, dt.date(2022, 1, 1)])
eq.append(["202", "Conti", "Paolo", "Finanziario", 11000, dt.date(2019, 5, 20)])
eq.append(["203", "Mancini", "Elena", "Tecnico", 12500.5, dt.date(2024, 3, 1)])
for i in range(2, 5):
    eq[f"E{i}"].number_format = '#,##0.00 "€"'
    eq[f"F{i}"].number_format = "DD/MM/YYYY"

hid = wb.create_sheet("Tabelle")
hid.append(["Cat.", "Descrizione"])
hid.append(["B1", "Operatore esperto"])
hid.sheet_state = "hidden"
wb.save(out + "personale.xlsx")
excelize(out + "personale.xlsx", {})

# --- schede_comportamenti.xlsx: one row per person, one column per factor
wb = Workbook()
ws = wb.active
ws.title = "Schede 2024"
ws.append(["Matricola", "Nominativo", "K1 Impegno", "K2 Collaborazione", "K3 Flessibilità", "K4 Iniziativa", "K5 Relazioni con l'utenza", "Somma", "Valutatore"])
votes = {
    "101": (4, 4, 3, 3, 4), "102": (3, 3, 3, 2, 3), "103": (4, 3, 4, 4, 3),
    "104": (2, 3, 3, 3, 2), "105": (3, 3, 3, 3, 3), "106": (1, 2, 2, 1, 2),
    "107": (4, 4, 4, 4, 4), "9": (3, 4, 3, 3, 4), "10": (3, 4, 3, 3, 4),
    "201": (4, 3, 4, 3, 4), "202": (3, 3, 4, 4, 3), "203": (4, 4, 3, 4, 4),
}
names = {r[0]: r[1] for r in rows}
names.update({"201": "Fontana Giulia", "202": "Conti Paolo", "203": "Mancini Elena"})
i = 2
for m, v in votes.items():
    ws.append([m, names[m], *v, f"=SUM(C{i}:G{i})", "Segretario" if m.startswith("2") else "Responsabile EQ"])
    i += 1
ws.append([None] * 9)
wb.save(out + "schede_comportamenti.xlsx")
excelize(out + "schede_comportamenti.xlsx", {("sheet1.xml", f"H{k}"): sum(v) for k, v in enumerate(votes.values(), start=2)})

# --- peg_2024.xlsx: the PEG, one row per objective
wb = Workbook()
ws = wb.active
ws.title = "PEG 2024"
ws.append(["Codice", "Descrizione obiettivo", "Settore", "Peso", "Indicatore", "Valore atteso", "Valore raggiunto", "Note del responsabile"])
peg = [
    ("AG-1", "Digitalizzazione del protocollo e dell'archivio corrente", "Affari generali", 40, "% documenti digitalizzati", 0.9, 0.92, None),
    ("AG-2", "Aggiornamento della sezione Amministrazione trasparente", "Affari generali", 35, "% obblighi assolti", 1.0, 0.85, None),
    ("AG-3", "Riduzione dei tempi di rilascio dei certificati", "Affari generali", 25, "% pratiche entro 3 giorni", 0.8, 0.6, None),
    ("FIN-1", "Tempestività dei pagamenti (art. 4-bis D.L. 13/2023)", "Finanziario", 50, "% fatture pagate entro 30 gg", 0.95, 0.97, None),
    ("FIN-2", "Recupero dell'evasione IMU", "Finanziario", 30, "% accertamenti emessi", 0.8, 0.7, "ritardo del fornitore"),
    ("FIN-3", "Rendiconto approvato entro i termini", "Finanziario", 20, "fatto/non fatto", 1.0, 1.0, None),
    ("TEC-1", "Manutenzione straordinaria scuola primaria", "Tecnico", 60, "% SAL", 1.0, 0.75, None),
    ("TEC-2", "Censimento del patrimonio immobiliare", "Tecnico", 40, "% immobili censiti", 1.0, None, "neutralizzato: mancato finanziamento regionale"),
]
for r in peg:
    ws.append(list(r))
for i in range(2, 2 + len(peg)):
    ws[f"F{i}"].number_format = "0%"
    ws[f"G{i}"].number_format = "0%"
ws.append([])
wb.save(out + "peg_2024.xlsx")
excelize(out + "peg_2024.xlsx", {})

# --- fondo_2024.xlsx: the fund constitution
wb = Workbook()
ws = wb.active
ws.title = "Costituzione fondo"
ws.append(["Voce", "Importo"])
ws.append(["Risorse stabili", 61234.56])
ws.append(["Risorse variabili", 8000])
ws.append(["Totale fondo", "=B2+B3"])
ws.append([None, None])
ws.append(["Destinazione", "Importo"])
ws.append(["Progressioni economiche", 4000])
ws.append(["Performance organizzativa", 6000])
ws.append(["Performance individuale", 18500])
for i in (2, 3, 4, 7, 8, 9):
    ws[f"B{i}"].number_format = '#,##0.00 "€"'
wb.save(out + "fondo_2024.xlsx")
excelize(out + "fondo_2024.xlsx", {("sheet1.xml", "B4"): 69234.56})
print("ok")
