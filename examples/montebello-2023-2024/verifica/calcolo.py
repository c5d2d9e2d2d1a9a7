#!/usr/bin/python3
"""Oracolo del Comune di Montebello: applica alla lettera regolamento_in_prosa.md ai file di dati/ (anno nel nome).

Uso:  /usr/bin/python3 verifica/calcolo.py 2024 [--dettaglio] > atteso/risultati.csv
Aritmetica esatta con fractions.Fraction; arrotondamenti solo dove il regolamento li prevede.
"""
import csv, datetime as dt, math, os, sys
from fractions import Fraction as F
import openpyxl

QUI = os.path.dirname(os.path.abspath(__file__))
DET = "--dettaglio" in sys.argv


def log(*a):
    if DET:
        print(*a, file=sys.stderr)


def num(v):
    """Numero di una cella o di un campo CSV (virgola decimale) -> Fraction esatta."""
    if isinstance(v, (int, F)):
        return F(v)
    if isinstance(v, float):
        return F(repr(v))
    return F(str(v).strip().replace(".", "").replace(",", ".") if "," in str(v) else str(v).strip())


def arr2(x):
    """Arrotondamento al centesimo: per eccesso se la terza cifra decimale è >= 5 (art. 12)."""
    return F(math.floor(x * 100 + F(1, 2)), 100)


def ecc2(x):
    """Arrotondamento per eccesso al centesimo."""
    return F(math.ceil(x * 100), 100)


def dif2(x):
    """Arrotondamento per difetto al centesimo."""
    return F(math.floor(x * 100), 100)


def fmt(x):
    """Importo o punteggio con due decimali e virgola decimale (x ha al più due decimali)."""
    assert x >= 0 and (x * 100).denominator == 1, x
    return "%d,%02d" % divmod(int(x * 100), 100)


def data(v):
    return v.date() if isinstance(v, dt.datetime) else v


# ---------------------------------------------------------------- regole (regolamento.md)
GIORNI_MINIMI = 90                                    # art. 3
PUNTI_ORG, PUNTI_IND, PUNTI_COMP_EQ, PUNTI_COMP_DIP = 30, 40, 30, 70   # artt. 4-6
FASCE = [(F(90), "Ottimo"), (F(75), "Buono"), (F(60), "Adeguato"), (F(0), "Non adeguato")]  # art. 7
PERC_EQ = {"Ottimo": F(100), "Buono": F(80), "Adeguato": F(60), "Non adeguato": F(0)}     # art. 8
QUOTA_RISULTATO_EQ = F(25)                            # art. 8: % della retribuzione di posizione
COEFF = {  # art. 10: fascia x area
    "Ottimo":       {"Operatori": F("1.00"), "Operatori esperti": F("1.05"), "Istruttori": F("1.10"), "Funzionari": F("1.20")},
    "Buono":        {"Operatori": F("0.80"), "Operatori esperti": F("0.84"), "Istruttori": F("0.88"), "Funzionari": F("0.96")},
    "Adeguato":     {"Operatori": F("0.50"), "Operatori esperti": F("0.52"), "Istruttori": F("0.55"), "Funzionari": F("0.60")},
    "Non adeguato": {"Operatori": F(0), "Operatori esperti": F(0), "Istruttori": F(0), "Funzionari": F(0)},
}
TETTO_DIP = F(1600)                                   # art. 10 c. 4
MAGG_PERC, MAGG_QUOTA_MAX, MAGG_SOGLIA = F(35), F(10), F(95)   # art. 11


def area_breve(area):
    a = area.lower()
    if "funzionari" in a:
        return "Funzionari"
    if "istruttori" in a:
        return "Istruttori"
    if "operatori esperti" in a:
        return "Operatori esperti"
    if "operatori" in a:
        return "Operatori"
    raise ValueError(area)


def fascia(tot):
    for soglia, nome in FASCE:
        if tot >= soglia:
            return nome


def calcola(anno):
    cart = os.path.join(QUI, "..", "dati")  # the office files of both years, as the office names them
    giorni_anno = (dt.date(anno, 12, 31) - dt.date(anno, 1, 1)).days + 1

    # --- prospetto del personale (ordine di uscita = ordine delle righe)
    ws = openpyxl.load_workbook(os.path.join(cart, "personale_%d.xlsx" % anno), data_only=True).worksheets[0]
    persone = []
    for r in ws.iter_rows(min_row=5, values_only=True):
        if r[0] is None:
            continue
        persone.append(dict(matr=str(r[0]), nome=r[1], settore=r[2], area=r[3], assunz=data(r[5]),
                            cess=data(r[6]), pt=num(r[7]), eq=bool(r[8] and str(r[8]).strip()),
                            posizione=num(r[9]) if r[9] is not None else None))

    # --- schede
    wb = openpyxl.load_workbook(os.path.join(cart, "schede_valutazione_%d.xlsx" % anno), data_only=True)
    obs = {}
    for r in wb["Obiettivi di settore"].iter_rows(min_row=2, values_only=True):
        if r[0]:
            obs.setdefault(r[0], []).append((r[1], num(r[3]), num(r[4])))
    comp = {}
    for nome_f, nfatt, riga0 in (("Comportamenti E.Q.", 6, 3), ("Comportamenti personale", 7, 3)):
        off = 2 if nfatt == 6 else 3
        for r in wb[nome_f].iter_rows(min_row=riga0, values_only=True):
            if r[0] is None:
                continue
            fatt = [num(x) for x in r[off:off + nfatt]]
            assert num(r[off + nfatt]) == sum(fatt), ("totale di riga incoerente", r)
            comp[str(r[0])] = sum(fatt)
    obi = {}
    with open(os.path.join(cart, "obiettivi_individuali_EQ_%d.csv" % anno), encoding="utf-8-sig", newline="") as fh:
        rd = csv.reader(fh, delimiter=";")
        next(rd)
        for r in rd:
            if r and r[0].strip():
                obi.setdefault(r[0].strip(), []).append((r[2], num(r[4]), num(r[5])))

    # --- fondo
    wf = openpyxl.load_workbook(os.path.join(cart, "fondo_%d.xlsx" % anno), data_only=True).worksheets[0]
    risorse = quota = None
    for r in wf.iter_rows(values_only=True):
        if r[0] and str(r[0]).startswith("Totale risorse destinate ai premi"):
            risorse = num(r[2])
        if r[0] and str(r[0]).startswith("Quota unitaria"):
            quota = num(r[2])
    assert risorse is not None and quota is not None

    # --- tempi di pagamento (art. 9, dal 2024)
    itp = {}
    if anno >= 2024:
        wt = openpyxl.load_workbook(os.path.join(cart, "tempi_pagamento_%d.xlsx" % anno), data_only=True).worksheets[0]
        for r in wt.iter_rows(min_row=3, values_only=True):
            if r[0] and r[0] != "Totale Ente":
                itp[r[0]] = num(r[2])

    # --- art. 4: performance organizzativa di settore
    org = {}
    for s, lst in obs.items():
        grado = sum(p * g for _, p, g in lst) / sum(p for _, p, _ in lst)
        org[s] = arr2(PUNTI_ORG * grado / 100)
        log("[%d] art.4 %s: grado ponderato %s%% -> %s x %s/100 = %.6f -> %s" % (
            anno, s, float(grado), float(grado), PUNTI_ORG, float(PUNTI_ORG * grado / 100), fmt(org[s])))

    log("[%d] giorni dell'anno: %d" % (anno, giorni_anno))
    for p in persone:
        ini = max(p["assunz"], dt.date(anno, 1, 1))
        fin = min(p["cess"] or dt.date(anno, 12, 31), dt.date(anno, 12, 31))
        p["giorni"] = (fin - ini).days + 1
        p["profilo"] = "responsabile" if p["eq"] else "dipendente"
        p["valutato"] = p["giorni"] >= GIORNI_MINIMI
        if not p["valutato"]:
            log("[%d] %s %s: %d giorni di servizio < %d -> non valutato" % (anno, p["matr"], p["nome"], p["giorni"], GIORNI_MINIMI))
            continue
        a = org[p["settore"]]
        c = comp[p["matr"]]
        p["comp"] = c
        if p["eq"]:                                   # art. 5
            lst = obi[p["matr"]]
            b = PUNTI_IND * sum(q * g for _, q, g in lst) / (100 * sum(q for _, q, _ in lst))
            grezzo = a + b + c
            p["totale"] = arr2(grezzo)
            log("[%d] %s %s (EQ): org %s + individuali %.6f (%s) + comportamenti %s = %.6f -> %s" % (
                anno, p["matr"], p["nome"], fmt(a), float(b), b, c, float(grezzo), fmt(p["totale"])))
        else:                                          # art. 6
            p["totale"] = a + c
            log("[%d] %s %s: org %s + comportamenti %s = %s" % (anno, p["matr"], p["nome"], fmt(a), c, fmt(p["totale"])))
        p["fascia"] = fascia(p["totale"])

    # --- artt. 8-9: retribuzione di risultato dei responsabili
    for p in persone:
        if not (p["valutato"] and p["eq"]):
            continue
        massimo = p["posizione"] * QUOTA_RISULTATO_EQ / 100
        if anno >= 2024:
            ind = itp[p["settore"]]
            perc_t = F(100) if ind <= 0 else (F(50) if ind <= 10 else F(0))
            lordo = massimo * F(70, 100) * PERC_EQ[p["fascia"]] / 100 + massimo * F(30, 100) * perc_t / 100
            log("[%d] %s art.9: massimo %s; 70%% x %s%% (fascia %s) + 30%% x %s%% (ritardo %s gg) = %s" % (
                anno, p["matr"], fmt(massimo), PERC_EQ[p["fascia"]], p["fascia"], perc_t, float(ind), float(lordo)))
        else:
            lordo = massimo * PERC_EQ[p["fascia"]] / 100
            log("[%d] %s art.8: massimo %s x %s%% = %s" % (anno, p["matr"], fmt(massimo), PERC_EQ[p["fascia"]], float(lordo)))
        p["premio"] = arr2(lordo)

    # --- art. 10: premi dei dipendenti
    dip = [p for p in persone if p["valutato"] and not p["eq"]]
    for p in dip:
        coeff = COEFF[p["fascia"]][area_breve(p["area"])]
        lordo = quota * coeff * p["pt"] / 100 * F(p["giorni"], giorni_anno)
        capped = min(lordo, TETTO_DIP)
        p["base"] = arr2(capped)
        log("[%d] %s art.10: %s x %s x %s%% x %d/%d = %.6f%s -> %s" % (
            anno, p["matr"], fmt(quota), coeff, float(p["pt"]), p["giorni"], giorni_anno, float(lordo),
            " (tetto %s)" % fmt(TETTO_DIP) if capped < lordo else "", fmt(p["base"])))
    somma = sum(p["base"] for p in dip)
    if somma > risorse:                                 # art. 10 c. 6
        for p in dip:
            p["base"] = dif2(p["base"] * risorse / somma)
        somma = sum(p["base"] for p in dip)
        log("[%d] art.10 c.6: riduzione proporzionale applicata" % anno)
    economia = risorse - somma
    log("[%d] art.10: risorse stanziate %s; distribuito %s; economia %s" % (anno, fmt(risorse), fmt(somma), fmt(economia)))

    # --- art. 11: maggiorazione
    con_premio = [p for p in dip if p["base"] > 0]
    media = sum(p["base"] for p in con_premio) / len(con_premio)
    magg = ecc2(media * MAGG_PERC / 100)
    nmax = math.floor(len(dip) * MAGG_QUOTA_MAX / 100)
    idonei = [p for p in dip if p["fascia"] == "Ottimo" and p["totale"] >= MAGG_SOGLIA]
    idonei.sort(key=lambda p: (-p["totale"], -p["comp"], p["assunz"], int(p["matr"])))
    log("[%d] art.11: dipendenti valutati %d -> massimo %d (10%% = %s, per difetto)" % (anno, len(dip), nmax, float(len(dip) * F(1, 10))))
    log("[%d] art.11: media premi %s / %d = %.6f; 35%% = %.6f -> maggiorazione %s (per eccesso)" % (
        anno, fmt(sum(p["base"] for p in con_premio)), len(con_premio), float(media), float(media * MAGG_PERC / 100), fmt(magg)))
    for i, p in enumerate(idonei, 1):
        p["pos81"] = i
        p["magg"] = magg if i <= nmax else F(0)
        log("[%d] art.11 graduatoria %d: %s %s totale %s comportamenti %s assunto %s -> %s" % (
            anno, i, p["matr"], p["nome"], fmt(p["totale"]), p["comp"], p["assunz"].strftime("%d/%m/%Y"),
            "maggiorazione" if i <= nmax else "escluso (oltre il contingente)"))
    n_magg = sum(1 for p in idonei if p["magg"])
    log("[%d] art.11: maggiorazioni attribuite %d x %s = %s (fuori fondo)" % (anno, n_magg, fmt(magg), fmt(magg * n_magg)))
    for p in dip:
        p["premio"] = p["base"] + p.get("magg", F(0))

    # Art. 11 c. 4: the position among those entitled (Ottimo and >= 95) and whether it is within the places.
    out = ["matricola;nominativo;profilo;stato;totale;fascia;premio;posizione_art81;vincitore_art81"]
    for p in persone:
        art81 = [str(p["pos81"]), "sì" if p["magg"] else "no"] if "pos81" in p else ["", ""]
        if p["valutato"]:
            out.append(";".join([p["matr"], p["nome"], p["profilo"], "valutato", fmt(p["totale"]), p["fascia"], fmt(p["premio"])] + art81))
        else:
            out.append(";".join([p["matr"], p["nome"], p["profilo"], "non valutato", "", "", ""] + art81))
    return out, dict(risorse=risorse, distribuito=somma, economia=economia, magg=magg, n_magg=n_magg)


if __name__ == "__main__":
    anni = [int(a) for a in sys.argv[1:] if a.isdigit()] or [2023]
    for anno in anni:
        righe, _ = calcola(anno)
        sys.stdout.write("\n".join(righe) + "\n")
