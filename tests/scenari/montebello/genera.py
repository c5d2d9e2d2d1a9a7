#!/usr/bin/python3
"""Genera i file dell'ufficio personale del Comune di Montebello (anni 2023 e 2024).

Tutti i dati sono scritti qui in chiaro; i casi limite sono descritti in NOTE.md.
Le celle con formula ricevono anche il valore calcolato (come farebbe Excel al salvataggio).
"""
import csv, datetime as dt, os, random, re, shutil, zipfile
import openpyxl
from openpyxl.styles import Font, Border, Side, Alignment

QUI = os.path.dirname(os.path.abspath(__file__))
D = dt.date

S1 = "Settore I - Affari Generali"
S2 = "Settore II - Economico-Finanziario"
S3 = "Settore III - Tecnico e Manutentivo"
A_OP, A_OE, A_IS, A_FU = ("Area degli Operatori", "Area degli Operatori esperti",
                          "Area degli Istruttori", "Area dei Funzionari e dell'E.Q.")

# ---------------------------------------------------------------- personale
# (matricola, nominativo, settore, area, qualifica, assunzione, cessazione, %pt, incarico EQ, posizione annua)
EQ = [
    (37, "Sant'Ambrogio Lucia", S1, A_FU, "Funzionario amministrativo", D(2004, 3, 1), None, 100, "E.Q. Responsabile Settore I", 12000),
    (58, "Marchetti Nicolò", S2, A_FU, "Funzionario contabile", D(2008, 9, 15), None, 100, "E.Q. Responsabile Settore II", 11500),
    (112, "D'Urso Raffaele", S3, A_FU, "Funzionario tecnico - ingegnere", D(2012, 1, 10), None, 100, "E.Q. Responsabile Settore III", 9750),
]
DIP = [
    # Settore I
    (14, "Bellomo Carmela", S1, A_IS, "Istruttore amministrativo", D(2001, 4, 2), None, 100),
    (21, "De Luca Antonietta", S1, A_OE, "Collaboratore amministrativo", D(1998, 11, 16), None, 100),
    (45, "Mancuso Ilaria", S1, A_IS, "Istruttore amministrativo", D(2010, 2, 1), None, 100),
    (3, "Caruso Agata", S1, A_IS, "Istruttore demografico", D(1995, 7, 1), None, 83.33),
    (27, "Dell'Aquila Michele", S1, A_OP, "Commesso", D(2003, 5, 5), None, 100),
    (51, "Perrone Giuliana", S1, A_FU, "Funzionario amministrativo", D(2016, 10, 3), None, 100),
    (63, "Lo Bianco Salvatore", S1, A_OE, "Collaboratore messo notificatore", D(2007, 1, 8), None, 100),
    (88, "Giuffrè Annamaria", S1, A_IS, "Istruttore servizi sociali", D(2018, 3, 19), None, 50),
    (97, "Costa Ferdinando", S1, A_OP, "Autista scuolabus", D(2011, 9, 12), None, 100),
    (104, "Spanò Rosalba", S1, A_IS, "Istruttore amministrativo", D(2019, 12, 2), None, 100),
    (146, "Amato Vincenzo", S1, A_IS, "Istruttore di vigilanza", D(2020, 6, 15), None, 100),
    (158, "Nicotra Elisabetta", S1, A_OE, "Collaboratore amministrativo", D(2021, 2, 1), None, 100),
    (177, "D'Agostino Pasquale", S1, A_IS, "Istruttore di vigilanza", D(2021, 7, 1), None, 100),
    (211, "Messina Loredana", S1, A_FU, "Funzionario assistente sociale", D(2022, 4, 1), None, 100),
    (301, "Foti Chiara", S1, A_IS, "Istruttore amministrativo", D(2023, 10, 3), None, 100),
    (323, "Cusumano Salvatore", S1, A_IS, "Istruttore informatico", D(2024, 4, 15), None, 100),
    (324, "Bonaccorsi Ludovica", S1, A_OE, "Collaboratore amministrativo (tempo determinato)", D(2024, 7, 1), None, 100),
    # Settore II
    (9, "Lo Presti Annalisa", S2, A_IS, "Istruttore contabile", D(2019, 5, 2), None, 100),
    (10, "Russo Gianluca", S2, A_IS, "Istruttore contabile", D(2019, 5, 2), None, 100),
    (187, "Cocco Sebastiano", S2, A_IS, "Istruttore contabile", D(2015, 6, 1), None, 100),
    (203, "Pagano Fabrizio", S2, A_FU, "Funzionario contabile", D(2016, 1, 4), None, 100),
    (131, "Barillà Ermanno", S2, A_OP, "Esecutore", D(2009, 3, 2), None, 100),
    (18, "Sciacca Rosaria", S2, A_OE, "Collaboratore amministrativo", D(1999, 10, 1), None, 100),
    (33, "Vitale Cosimo", S2, A_IS, "Istruttore tributi", D(2002, 2, 18), None, 83.33),
    (72, "Privitera Graziella", S2, A_IS, "Istruttore tributi", D(2006, 6, 1), None, 100),
    (79, "Pappalardo Nunzio", S2, A_OE, "Collaboratore contabile", D(2010, 11, 2), None, 100),
    (121, "Santoro Maria Teresa", S2, A_FU, "Funzionario tributi", D(2014, 5, 5), None, 83.33),
    (139, "Marino Salvatrice", S2, A_IS, "Istruttore economato", D(2017, 9, 1), None, 100),
    (150, "Lombardo Gaetano", S2, A_OP, "Operatore", D(2018, 1, 15), None, 100),
    (166, "Grasso Concetta", S2, A_IS, "Istruttore contabile", D(2020, 10, 1), None, 50),
    (194, "Basile Domenico", S2, A_OE, "Collaboratore informatico", D(2021, 3, 1), None, 100),
    (230, "Rizzo Giusi", S2, A_IS, "Istruttore contabile", D(2022, 9, 1), None, 100),
    (320, "Nardò Federica", S2, A_IS, "Istruttore contabile", D(2024, 10, 3), None, 100),
    (321, "Scuderi Alfio", S2, A_OE, "Collaboratore amministrativo", D(2024, 10, 5), None, 100),
    # Settore III
    (76, "Gallo Ottavio", S3, A_IS, "Istruttore tecnico - geometra", D(2005, 4, 1), None, 100),
    (66, "Tedeschi Marisa", S3, A_OE, "Collaboratore tecnico", D(2000, 5, 2), D(2023, 6, 30), 100),
    (118, "Amodeo Rosaria", S3, A_OE, "Collaboratore amministrativo", D(1990, 2, 1), D(2024, 3, 30), 100),
    (302, "Zappalà Domenico", S3, A_OP, "Operaio", D(2023, 10, 4), None, 100),
    (322, "Pellegrino Vanessa", S3, A_IS, "Istruttore tecnico", D(2024, 2, 1), None, 100),
    (5, "Di Mauro Orazio", S3, A_OE, "Collaboratore tecnico - operaio specializzato", D(1996, 3, 1), None, 100),
    (29, "Longo Santo", S3, A_OP, "Operaio", D(2002, 9, 2), None, 100),
    (41, "Coco Venera", S3, A_IS, "Istruttore tecnico", D(2008, 12, 1), None, 100),
    (55, "Ragusa Alfio", S3, A_OE, "Collaboratore tecnico - elettricista", D(2004, 7, 1), None, 100),
    (83, "Cantù Elena", S3, A_FU, "Funzionario tecnico - architetto", D(2012, 6, 18), None, 100),
    (94, "Sapienza Rocco", S3, A_OP, "Operaio necroforo", D(2013, 4, 2), None, 100),
    (109, "Catania Lucia", S3, A_IS, "Istruttore tecnico", D(2015, 2, 2), None, 66.67),
    (125, "Musumeci Carmelo", S3, A_OE, "Collaboratore tecnico - autista", D(2016, 8, 1), None, 100),
    (143, "Ferlito Santina", S3, A_IS, "Istruttore amministrativo", D(2017, 5, 15), None, 100),
    (162, "Torrisi Giovanni", S3, A_OP, "Operaio", D(2019, 1, 7), None, 100),
    (171, "Arcidiacono Mirella", S3, A_IS, "Istruttore tecnico", D(2020, 9, 1), None, 100),
    (199, "Pulvirenti Sebastiano", S3, A_OE, "Collaboratore tecnico", D(2021, 11, 2), None, 100),
    (224, "D'Arrigo Filippo", S3, A_OP, "Operaio", D(2022, 5, 2), None, 100),
    (236, "Pennisi Agatino", S3, A_OE, "Collaboratore tecnico - idraulico", D(1988, 9, 1), D(2023, 12, 31), 100),
]


def in_elenco(p, anno):
    """Presente nel prospetto del personale dell'anno (assunto entro l'anno e non cessato prima)."""
    ass, ces = p[5], p[6]
    return ass <= D(anno, 12, 31) and (ces is None or ces >= D(anno, 1, 1))


# ---------------------------------------------------------------- obiettivi di settore
OBS = {
    2023: [
        (S1, "AG-1", "Digitalizzazione del protocollo e dei flussi documentali", 20, 95),
        (S1, "AG-2", "Riduzione dei tempi di rilascio delle carte d'identità elettroniche", 30, 95),
        (S1, "AG-3", "Aggiornamento del piano di prevenzione della corruzione - misure di settore", 25, 93),
        (S2, "FIN-1", "Approvazione del rendiconto entro il 30 aprile", 40, 84),
        (S2, "FIN-2", "Recupero dell'evasione IMU 2018-2019", 35, 99),
        (S3, "TEC-1", "Manutenzione straordinaria della scuola \"G. Verga\"", 10, 83.6),
        (S3, "TEC-2", "Rendicontazione dei progetti PNRR entro le scadenze", 25, 90),
        (S3, "TEC-3", "Riduzione dei tempi di rilascio dei permessi di costruire", 20, 80),
        (S3, "TEC-4", "Piano comunale di protezione civile - aggiornamento", 15, 90),
    ],
    2024: [
        (S1, "AG-1", "Attivazione dei servizi on line (PNRR misura 1.4.1)", 20, 95),
        (S1, "AG-2", "Nuovo regolamento di accesso agli atti", 30, 100),
        (S1, "AG-3", "Riorganizzazione dell'archivio storico", 25, 90),
        (S1, "AG-4", "Customer satisfaction dei servizi demografici", 10, 78),
        (S2, "FIN-1", "Riduzione dei tempi di pagamento delle fatture", 40, 85),
        (S2, "FIN-2", "Riscossione coattiva TARI 2020", 35, 100),
        (S2, "FIN-3", "Inventario dei beni mobili", 15, 80),
        (S3, "TEC-1", "Completamento dei lavori della piazza Municipio", 30, 80),
        (S3, "TEC-2", "Efficientamento energetico della pubblica illuminazione", 30, 75),
        (S3, "TEC-3", "Censimento del patrimonio immobiliare", 20, 90),
    ],
}
# obiettivi individuali EQ: (matricola, nominativo, codice, descrizione, peso, grado%)
OBI = {
    2023: [
        (37, "Sant'Ambrogio Lucia", "EQ1/23-01", "Revisione del regolamento sull'ordinamento degli uffici", 30, 100),
        (37, "Sant'Ambrogio Lucia", "EQ1/23-02", "Piano della formazione del personale", 20, 90),
        (37, "Sant'Ambrogio Lucia", "EQ1/23-03", "Gestione delle procedure concorsuali del piano dei fabbisogni", 25, 95),
        (37, "Sant'Ambrogio Lucia", "EQ1/23-04", "Trasparenza: aggiornamento della sezione Amministrazione trasparente", 10, 80),
        (58, "Marchetti Nicolò", "EQ2/23-01", "Riaccertamento ordinario dei residui", 50, 100),
        (58, "Marchetti Nicolò", "EQ2/23-02", "Certificazione dei crediti in PCC", 30, 100),
        (112, "D'Urso Raffaele", "EQ3/23-01", "Direzione dei lavori del nuovo centro comunale di raccolta", 15, 100),
        (112, "D'Urso Raffaele", "EQ3/23-02", "Affidamento del servizio di manutenzione del verde", 25, 85),
        (112, "D'Urso Raffaele", "EQ3/23-03", "Programma triennale dei lavori pubblici 2024-2026", 40, 90),
    ],
    2024: [
        (37, "Sant'Ambrogio Lucia", "EQ1/24-01", "Piano integrato di attività e organizzazione: sezione organizzazione", 40, 90),
        (37, "Sant'Ambrogio Lucia", "EQ1/24-02", "Contratto integrativo 2024-2026: istruttoria", 40, 95),
        (37, "Sant'Ambrogio Lucia", "EQ1/24-03", "Regolamento sul lavoro agile", 25, 100),
        (58, "Marchetti Nicolò", "EQ2/24-01", "Bilancio di previsione 2025-2027 entro il 31 dicembre", 35, 80),
        (58, "Marchetti Nicolò", "EQ2/24-02", "Passaggio alla contabilità accrual: attività preparatorie", 35, 70),
        (58, "Marchetti Nicolò", "EQ2/24-03", "Gestione della piattaforma PagoPA", 20, 100),
        (112, "D'Urso Raffaele", "EQ3/24-01", "Collaudo dell'asilo nido (PNRR M4C1)", 15, 90),
        (112, "D'Urso Raffaele", "EQ3/24-02", "Regolamento edilizio tipo: adeguamento", 25, 85),
        (112, "D'Urso Raffaele", "EQ3/24-03", "Piano delle manutenzioni stradali", 40, 80),
    ],
}

# ---------------------------------------------------------------- comportamenti
F_DIP = ["Qualità della prestazione", "Rispetto dei tempi", "Collaborazione e lavoro di gruppo",
         "Orientamento all'utenza", "Flessibilità", "Iniziativa e problem solving", "Affidabilità e precisione"]
F_EQ = ["Programmazione e controllo", "Gestione e motivazione dei collaboratori",
        "Capacità di differenziare le valutazioni", "Orientamento al risultato",
        "Innovazione e semplificazione", "Relazioni con organi, colleghi e utenza"]

# punteggi (somma dei fattori) fissati per i casi limite; gli altri sono pseudo-casuali
B_FISSI = {
    2023: {14: 69, 203: 69, 21: 68, 187: 68, 45: 67, 76: 69, 131: 30, 302: 60, 301: 55, 66: 58},
    2024: {14: 70, 203: 70, 45: 69, 187: 69, 9: 68, 10: 68, 21: 67, 121: 65, 131: 38, 320: 52, 321: 61, 118: 57},
}
C_EQ = {2023: {37: 29, 58: 29, 112: 28}, 2024: {37: 27, 58: 25, 112: 27}}
B_MAX = {S1: 66, S2: 67, S3: 68}   # tetto per i non "fissati": nessuno arriva a 95


def spezza(totale, n, lo, hi, rnd):
    """Ripartisce un totale intero su n fattori interi in [lo, hi]."""
    v = [lo] * n
    resto = totale - lo * n
    assert 0 <= resto <= (hi - lo) * n
    while resto:
        i = rnd.randrange(n)
        if v[i] < hi:
            v[i] += 1
            resto -= 1
    return v


# ---------------------------------------------------------------- fondo
FONDO = {
    2023: {"stabili": 31000.00, "variabili": 28750.00, "quota": 1450.00},
    2024: {"stabili": 31000.00, "variabili": 32500.00, "quota": 1500.00},
}
TEMPI_2024 = [(S1, 412, -3.2), (S2, 655, 0.0), (S3, 298, 10.0)]

# ---------------------------------------------------------------- utilità xlsx
SOTTILE = Side(style="thin")
BORDO = Border(top=SOTTILE, bottom=SOTTILE, left=SOTTILE, right=SOTTILE)


def intesta(ws, riga, titoli):
    for j, t in enumerate(titoli, 1):
        c = ws.cell(riga, j, t)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True)
        c.border = BORDO


def valori_formule(percorso, valori):
    """Scrive nell'xlsx il valore in cache delle formule: valori = {(indice_foglio, 'B12'): numero}."""
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


def giorni_servizio(p, anno):
    ini = max(p[5], D(anno, 1, 1))
    fin = min(p[6] or D(anno, 12, 31), D(anno, 12, 31))
    return (fin - ini).days + 1


def genera_anno(anno):
    cart = os.path.join(QUI, "ufficio", str(anno))
    os.makedirs(cart, exist_ok=True)
    rnd = random.Random(1000 + anno)
    eq = [p for p in EQ if in_elenco(p, anno)]
    dip = [p for p in DIP if in_elenco(p, anno)]

    # --- prospetto del personale: prima i responsabili, poi settore per settore
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Personale %d" % anno
    ws["A1"] = "COMUNE DI MONTEBELLO - Ufficio Personale"
    ws["A2"] = "Personale in servizio nell'anno %d (tempo indeterminato e determinato)" % anno
    ws["A1"].font = Font(bold=True, size=13)
    intesta(ws, 4, ["Matr.", "Cognome e nome", "Settore di assegnazione", "Area (CCNL 16.11.2022)",
                    "Profilo professionale", "Data assunzione", "Data cessazione", "% part-time",
                    "Incarico", "Retrib. posizione annua (€)"])
    r = 5
    ordine = [p for p in eq] + [p for s in (S1, S2, S3) for p in dip if p[2] == s]
    for p in ordine:
        eqp = p in eq
        vals = [p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7],
                p[8] if eqp else None, p[9] if eqp else None]
        for j, v in enumerate(vals, 1):
            c = ws.cell(r, j, v)
            c.border = BORDO
            if isinstance(v, dt.date):
                c.number_format = "DD/MM/YYYY"
            if j == 10 and v is not None:
                c.number_format = '#,##0.00'
        r += 1
    for j in range(1, 11):          # riga finale vuota (solo bordi)
        ws.cell(r, j).border = BORDO
    for col, w in zip("ABCDEFGHIJ", (7, 28, 34, 30, 38, 13, 13, 10, 30, 14)):
        ws.column_dimensions[col].width = w
    percorso = os.path.join(cart, "personale_%d.xlsx" % anno)
    wb.save(percorso)

    # --- schede di valutazione
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Obiettivi di settore"
    intesta(ws, 1, ["Settore", "Codice", "Obiettivo (PIAO %d - sezione performance)" % anno, "Peso",
                    "Grado di raggiungimento %"])
    for i, o in enumerate(OBS[anno], 2):
        for j, v in enumerate(o, 1):
            ws.cell(i, j, v)
    formule = {}
    # comportamenti EQ (foglio 2)
    ws = wb.create_sheet("Comportamenti E.Q.")
    ws["A1"] = "Valutazione dei comportamenti organizzativi dei responsabili titolari di E.Q. - anno %d (punteggi da 1 a 5)" % anno
    intesta(ws, 2, ["Matricola", "Responsabile"] + F_EQ + ["Totale"])
    for i, p in enumerate(eq, 3):
        f = spezza(C_EQ[anno][p[0]], 6, 1, 5, rnd)
        for j, v in enumerate([p[0], p[1]] + f, 1):
            ws.cell(i, j, v)
        ws.cell(i, 9, "=SUM(C%d:H%d)" % (i, i))
        formule[(2, "I%d" % i)] = sum(f)
    # comportamenti personale (foglio 3), ordinati per cognome come li compila l'OIV
    ws = wb.create_sheet("Comportamenti personale")
    ws["A1"] = "Schede di valutazione dei comportamenti - personale non titolare di E.Q. - anno %d (punteggi da 0 a 10)" % anno
    intesta(ws, 2, ["Matricola", "Dipendente", "Settore"] + F_DIP + ["Totale", "Note del valutatore"])
    note = {302: "assunto il 04/10/2023", 321: "assunto il 05/10/2024", 66: "cessata il 30/06/2023",
            118: "collocata a riposo dal 31/03/2024"}
    for i, p in enumerate(sorted(dip, key=lambda q: q[1]), 3):
        if p[0] in B_FISSI[anno]:
            b = B_FISSI[anno][p[0]]
        else:
            b = rnd.randint(41, B_MAX[p[2]])
        f = spezza(b, 7, 0, 10, rnd)
        for j, v in enumerate([p[0], p[1], p[2]] + f, 1):
            ws.cell(i, j, v)
        ws.cell(i, 11, "=SUM(D%d:J%d)" % (i, i))
        formule[(3, "K%d" % i)] = sum(f)
        if p[0] in note:
            ws.cell(i, 12, note[p[0]])
    percorso = os.path.join(cart, "schede_valutazione_%d.xlsx" % anno)
    wb.save(percorso)
    valori_formule(percorso, formule)

    # --- obiettivi individuali EQ: CSV esportato dal gestionale (UTF-8 con BOM, ';', virgola decimale)
    percorso = os.path.join(cart, "obiettivi_individuali_EQ_%d.csv" % anno)
    with open(percorso, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(["Matricola", "Responsabile", "Cod. obiettivo", "Descrizione", "Peso", "Grado raggiungimento %"])
        for o in OBI[anno]:
            w.writerow([o[0], o[1], o[2], o[3], str(o[4]).replace(".", ","), str(o[5]).replace(".", ",")])
        w.writerow([""] * 6)

    # --- prospetto di utilizzo del fondo
    fo = FONDO[anno]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Utilizzo %d" % anno
    ws["A1"] = "FONDO RISORSE DECENTRATE %d - PROSPETTO DI UTILIZZO (art. 80 CCNL 16.11.2022)" % anno
    intesta(ws, 3, ["Voce", "Riferimento", "Importo (€)"])
    righe = [
        ("Differenziali stipendiali in godimento", "art. 80 c. 1", 48210.55),
        ("Indennità di comparto - quota a carico del fondo", "art. 80 c. 1", 9874.20),
        ("Indennità condizioni di lavoro", "art. 70-bis CCNL 21.5.2018", 3600.00),
        ("Indennità per specifiche responsabilità", "art. 84 c. 1", 7200.00),
        ("Premi performance individuale - quota da risorse stabili", "art. 80 c. 2 lett. b", fo["stabili"]),
        ("Premi performance individuale - risorse variabili", "art. 79 c. 2", fo["variabili"]),
    ]
    for i, (a, b, c) in enumerate(righe, 4):
        ws.cell(i, 1, a); ws.cell(i, 2, b); ws.cell(i, 3, c).number_format = '#,##0.00'
    ws.cell(10, 1, "Totale risorse destinate ai premi correlati alla performance individuale")
    ws.cell(10, 1).font = Font(bold=True)
    ws.cell(10, 3, "=C8+C9").number_format = '#,##0.00'
    ws.cell(12, 1, "Quota unitaria del premio individuale (art. 10 SMVP)")
    ws.cell(12, 3, fo["quota"]).number_format = '#,##0.00'
    ws.cell(14, 1, "La maggiorazione del premio individuale (art. 81 CCNL) è finanziata con risorse aggiuntive "
                   "rispetto al presente prospetto (art. 7 C.C.D.I.).")
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["C"].width = 14
    percorso = os.path.join(cart, "fondo_%d.xlsx" % anno)
    wb.save(percorso)
    valori_formule(percorso, {(1, "C10"): round(fo["stabili"] + fo["variabili"], 2)})

    # --- tempi di pagamento (solo dal 2024)
    if anno >= 2024:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "ITP %d" % anno
        ws["A1"] = "Indicatore annuale di ritardo dei pagamenti %d (art. 4-bis D.L. 13/2023) - fonte PCC" % anno
        intesta(ws, 2, ["Struttura", "Fatture pagate (n.)", "Ritardo medio ponderato (giorni)"])
        for i, (s, n, g) in enumerate(TEMPI_2024, 3):
            ws.cell(i, 1, s); ws.cell(i, 2, n); ws.cell(i, 3, g).number_format = "0.00"
        ws.cell(6, 1, "Totale Ente"); ws.cell(6, 2, sum(t[1] for t in TEMPI_2024))
        media = sum(t[1] * t[2] for t in TEMPI_2024) / sum(t[1] for t in TEMPI_2024)
        ws.cell(6, 3, round(media, 2)).number_format = "0.00"
        wb.save(os.path.join(cart, "tempi_pagamento_%d.xlsx" % anno))


if __name__ == "__main__":
    shutil.rmtree(os.path.join(QUI, "ufficio"), ignore_errors=True)
    for anno in (2023, 2024):
        genera_anno(anno)
    print("ok")
