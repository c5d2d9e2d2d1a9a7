#!/usr/bin/python3
"""Oracolo del Comune di Rivalta: differenziali stipendiali 2024 secondo regolamento.md.

Uso:  /usr/bin/python3 calcolo.py graduatoria [--dettaglio]    # le graduatorie come le pubblica l'art. 9
      /usr/bin/python3 calcolo.py risultati   [--dettaglio]    # i premi 2024 (Titolo II)
      /usr/bin/python3 calcolo.py esempio > ../atteso/risultati.csv   # il CSV di misura valuta
Aritmetica esatta con fractions.Fraction.
"""
import csv
import io, datetime as dt, math, os, sys
from fractions import Fraction as F
import openpyxl

QUI = os.path.dirname(os.path.abspath(__file__))
UFF = os.path.join(QUI, "..", "dati")
DET = "--dettaglio" in sys.argv

AREE = ["Istruttori", "Operatori esperti"]            # art. 1 c. 2 e art. 9 (ordine di pubblicazione)
POSTI_FISSI = {"Istruttori": 4}                       # art. 3 c. 1
PERC_POSTI = {"Operatori esperti": F(30)}             # art. 3 c. 2
FINE = dt.date(2024, 12, 31)
PROG_DA, PROG_A = dt.date(2021, 1, 1), dt.date(2023, 12, 31)     # art. 4 c. 1 b)
SANZ_DA, SANZ_A = dt.date(2023, 1, 1), dt.date(2024, 12, 31)     # art. 4 c. 1 c)
ANNI = (2022, 2023, 2024)                                         # art. 5
MOTIVI = {"a": "anzianità nell'area inferiore a tre anni", "b": "progressione economica nel triennio 2021-2023",
          "c": "sanzione disciplinare superiore alla multa", "d": "meno di due valutazioni nel triennio"}


def log(*a):
    if DET:
        print(*a, file=sys.stderr)


def num(v):
    if isinstance(v, float):
        return F(repr(v))
    if isinstance(v, int):
        return F(v)
    return F(str(v).strip().replace(",", "."))


def data(v):
    return v.date() if isinstance(v, dt.datetime) else v


def arr2(x):
    """Secondo decimale: per eccesso se la terza cifra è >= 5 (art. 5 c. 2)."""
    return F(math.floor(x * 100 + F(1, 2)), 100)


def fmt(x):
    assert x >= 0 and (x * 100).denominator == 1, x
    return "%d,%02d" % divmod(int(x * 100), 100)


def anniversario(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:                 # 29 febbraio in anno non bisestile -> 1° marzo
        return dt.date(d.year + n, 3, 1)


def anni_interi(decorrenza):
    """Art. 6 c. 2: anni compiuti al 31/12/2024 compreso, come l'età (compiuto il giorno prima dell'anniversario)."""
    n = 0
    while anniversario(decorrenza, n + 1) - dt.timedelta(days=1) <= FINE:
        n += 1
    return n


def area_di(testo):
    t = testo.lower()
    if "istruttori" in t:
        return "Istruttori"
    if "operatori esperti" in t:
        return "Operatori esperti"
    return None


RISORSE_PREMI = F(23100)                                          # art. 10 c. 3
FASCE = [(F(90), "Eccellente"), (F(80), "Distinto"), (F(65), "Adeguato"), (F(0), "Insufficiente")]   # art. 10 c. 2


def leggi():
    ws = openpyxl.load_workbook(os.path.join(UFF, "dipendenti_al_31-12-2024.xlsx"), data_only=True).worksheets[0]
    persone = []
    for r in ws.iter_rows(min_row=4, values_only=True):
        if r[0] is None:
            continue
        persone.append(dict(matr=int(r[0]), nome="%s %s" % (r[1].strip(), r[2].strip()), assunz=data(r[4]),
                            area=area_di(r[5]), inq=data(r[6])))

    prog = {}
    for r in openpyxl.load_workbook(os.path.join(UFF, "storico_progressioni.xlsx"), data_only=True).worksheets[0].iter_rows(min_row=2, values_only=True):
        if r[0] is not None:
            prog.setdefault(int(r[0]), []).append((data(r[2]), r[3]))
    sanz = {}
    for r in openpyxl.load_workbook(os.path.join(UFF, "registro_sanzioni_disciplinari.xlsx"), data_only=True).worksheets[0].iter_rows(min_row=3, values_only=True):
        if r[0] is not None:
            sanz.setdefault(int(r[0]), []).append((data(r[1]), r[2]))
    val = {}
    with open(os.path.join(UFF, "storico_valutazioni_2022-2024.csv"), encoding="utf-8", newline="") as fh:
        rd = csv.reader(fh, delimiter=";")
        next(rd)
        for r in rd:
            if not r or not r[0].strip():
                continue
            v = r[4].strip()
            val.setdefault(int(r[0]), {})[int(r[3])] = None if v.lower() == "n.v." else num(v)
    return persone, prog, sanz, val


def graduatoria():
    persone, prog, sanz, val = leggi()
    out = ["area;posizione;matricola;nominativo;media;punti_esperienza;punteggio;esito"]
    for area in AREE:
        ammessi, esclusi = [], []
        for p in (q for q in persone if q["area"] == area):
            m = p["matr"]
            anni = anni_interi(p["inq"])
            prog_rec = [(d, t) for d, t in prog.get(m, [])
                        if PROG_DA <= d <= PROG_A and "tra le aree" not in t.lower() and "verticale" not in t.lower()]
            sanz_rec = [(d, t) for d, t in sanz.get(m, []) if SANZ_DA <= d <= SANZ_A and
                        ("sospensione" in t.lower() or "licenziamento" in t.lower())]
            voti = [val.get(m, {}).get(a) for a in ANNI]
            presenti = [v for v in voti if v is not None]
            mancanti = []
            if anni < 3:
                mancanti.append("a")
            if prog_rec:
                mancanti.append("b")
            if sanz_rec:
                mancanti.append("c")
            if len(presenti) < 2:
                mancanti.append("d")
            log("%s | %d %s: inquadramento %s -> %d anni interi; progressioni nel triennio %s; sanzioni gravi %s; voti %s" % (
                area, m, p["nome"], p["inq"].strftime("%d/%m/%Y"), anni, prog_rec or "-", sanz_rec or "-",
                ["n.v." if v is None else float(v) for v in voti]))
            if mancanti:
                p["motivo"] = MOTIVI[mancanti[0]]
                esclusi.append(p)
                log("    -> escluso (%s): %s" % ("".join(mancanti), p["motivo"]))
                continue
            media_esatta = sum(presenti) / len(presenti)
            p["media"] = arr2(media_esatta)
            p["esp"] = min(F(1, 2) * anni, F(5))
            p["punteggio"] = p["media"] + p["esp"]
            p["v2024"] = voti[2]
            log("    -> media %s/%d = %.6f -> %s; esperienza %s; punteggio %s; 2024 %s" % (
                float(sum(presenti)), len(presenti), float(media_esatta), fmt(p["media"]), fmt(p["esp"]),
                fmt(p["punteggio"]), "n.v." if voti[2] is None else fmt(voti[2])))
            ammessi.append(p)
        ammessi.sort(key=lambda p: (-p["punteggio"],
                                    (0, -p["v2024"]) if p["v2024"] is not None else (1, 0),
                                    p["assunz"], p["matr"]))
        if area in POSTI_FISSI:
            posti = POSTI_FISSI[area]
            log("%s: posti fissi %d" % (area, posti))
        else:
            quota = len(ammessi) * PERC_POSTI[area] / 100
            posti = math.floor(quota + F(1, 2))
            log("%s: %d ammessi x 30%% = %s -> %d posti (0,5 per eccesso)" % (area, len(ammessi), float(quota), posti))
        for i, p in enumerate(ammessi, 1):
            esito = "vincitore" if i <= posti else "idoneo"
            out.append(";".join([area, str(i), str(p["matr"]), p["nome"], fmt(p["media"]), fmt(p["esp"]),
                                 fmt(p["punteggio"]), esito]))
        for p in sorted(esclusi, key=lambda q: q["matr"]):
            out.append(";".join([area, "", str(p["matr"]), p["nome"], "", "", "", "escluso: " + p["motivo"]]))
    sys.stdout.write("\n".join(out) + "\n")


def risultati():
    """Titolo II, art. 10: premi di performance individuale 2024 (tutto il personale dell'elenco)."""
    persone, _, _, val = leggi()
    for p in persone:
        p["tot"] = val.get(p["matr"], {}).get(2024)
        if p["tot"] is not None:
            p["fascia"] = next(n for s, n in FASCE if p["tot"] >= s)
    premiati = [p for p in persone if p["tot"] is not None and p["fascia"] != "Insufficiente"]
    somma = sum(p["tot"] for p in premiati)
    log("art.10: risorse %s; somma dei punteggi dei premiati %s (%d persone)" % (fmt(RISORSE_PREMI), fmt(somma), len(premiati)))
    for p in premiati:
        p["esatto"] = RISORSE_PREMI * p["tot"] / somma
        p["premio"] = F(math.floor(p["esatto"] * 100), 100)
        p["resto"] = p["esatto"] - p["premio"]
    residuo = RISORSE_PREMI - sum(p["premio"] for p in premiati)
    centesimi = int(residuo * 100)
    assert residuo * 100 == centesimi
    log("art.10: somma dei premi troncati %s; residuo %s = %d centesimi" % (fmt(sum(p["premio"] for p in premiati)), fmt(residuo), centesimi))
    ordine = sorted(premiati, key=lambda p: (-p["resto"], p["matr"]))
    for i, p in enumerate(ordine):
        if i < centesimi:
            p["premio"] += F(1, 100)
        log("  %2d. matr. %d punteggio %s esatto %.6f parte scartata %.6f%s -> %s" % (
            i + 1, p["matr"], fmt(p["tot"]), float(p["esatto"]), float(p["resto"]),
            " +0,01" if i < centesimi else "", fmt(p["premio"])))
    assert sum(p["premio"] for p in premiati) == RISORSE_PREMI
    out = ["matricola;nominativo;profilo;stato;totale;fascia;premio"]
    for p in persone:
        if p["tot"] is None:
            out.append(";".join([str(p["matr"]), p["nome"], "dipendente", "non valutato", "", "", ""]))
        else:
            out.append(";".join([str(p["matr"]), p["nome"], "dipendente", "valutato", fmt(p["tot"]), p["fascia"],
                                 fmt(p.get("premio", F(0)))]))
    sys.stdout.write("\n".join(out) + "\n")


def maggiorazione(righe):
    """Art. 11: fra i partecipanti alla ripartizione (valutati non Insufficienti),
    i primi 12,5% (all'unità più vicina, 0,5 per eccesso) per punteggio 2024, a
    parità la matricola come numero, ricevono il 30% del premio medio pro capite
    (risorse / partecipanti), arrotondato al centesimo, in aggiunta al premio.
    Restituisce {matricola: (posizione, vincitore)} e l'importo."""
    partecipanti = [r for r in righe if r[3] == "valutato" and r[5] != "Insufficiente"]
    n = len(partecipanti)
    k = math.floor(F(n) * F(125, 1000) + F(1, 2))
    m = arr2(F(3, 10) * RISORSE_PREMI / n)
    log("art.11: %d partecipanti x 12,5%% = %s -> %d posti; premio medio %s; maggiorazione %s" % (
        n, float(F(n) * F(125, 1000)), k, float(RISORSE_PREMI / n), fmt(m)))
    ordine = sorted(partecipanti, key=lambda r: (-num(r[4]), int(r[0])))
    return {r[0]: (i, i <= k) for i, r in enumerate(ordine, 1)}, m


def catturato(funzione):
    """Le righe CSV che `funzione` scrive, senza l'intestazione."""
    vero, sys.stdout = sys.stdout, io.StringIO()
    try:
        funzione()
        return [r.split(";") for r in sys.stdout.getvalue().splitlines()[1:]]
    finally:
        sys.stdout = vero


def esempio():
    """Il formato di `misura valuta --formato csv` per examples/rivalta-2024:
    i risultati 2024 con, per ciascuna graduatoria, posizione, vincitore e
    motivo dell'esclusione (vuoti per chi non vi concorre)."""
    nomi = {"Istruttori": "istruttori", "Operatori esperti": "operatori_esperti"}
    posto = {}
    for area, pos, matr, _nome, _m, _e, _p, esito in catturato(graduatoria):
        if esito.startswith("escluso: "):
            posto[(nomi[area], matr)] = ("", "", esito[len("escluso: "):])
        else:
            posto[(nomi[area], matr)] = (pos, "sì" if esito == "vincitore" else "no", "")
    # Il regolamento usa il modulo dell'art. 14: misura lo riporta in ogni riga.
    moduli = "ccnl.differenziali_2022 sempre vigente"
    testa = "matricola;nominativo;profilo;stato;totale;fascia;premio;moduli"
    for g in ("istruttori", "operatori_esperti"):
        testa += ";posizione_%s;vincitore_%s;esclusione_%s" % (g, g, g)
    testa += ";posizione_art81;vincitore_art81"
    out = [testa]
    righe = catturato(risultati)
    art81, m = maggiorazione(righe)
    for riga in righe:
        pos, vince = art81.get(riga[0], ("", None))
        if vince:
            riga[6] = fmt(num(riga[6]) + m)
        riga.append(moduli)
        for g in ("istruttori", "operatori_esperti"):
            riga += list(posto.get((g, riga[0]), ("", "", "")))
        riga += [str(pos), "" if vince is None else ("sì" if vince else "no")]
        out.append(";".join(riga))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if "esempio" in sys.argv[1:]:
        esempio()
    elif "risultati" in sys.argv[1:]:
        risultati()
    else:
        graduatoria()
