#!/usr/bin/env python3
"""Calcolo indipendente dei risultati attesi dell'esempio Casalmorano 2024.

Legge i CSV di dati/, applica le regole come le descrive il README.md (non il
regolamento: nessuna parte di Misura è usata) con aritmetica esatta
(fractions.Fraction) e scrive sullo standard output il CSV nel formato di
`misura valuta ... --formato csv`:

    python3 verifica/calcolo.py > atteso/risultati.csv
    python3 verifica/calcolo.py prove/servizio_breve     # un'altra cartella di dati

Con --dettaglio scrive invece, su standard error, i passaggi di ogni persona.
"""
import calendar
import csv
import sys
from datetime import date, timedelta
from fractions import Fraction as F
from pathlib import Path

_argomenti = [a for a in sys.argv[1:] if not a.startswith("--")]
DATI = Path(_argomenti[0]) if _argomenti else Path(__file__).resolve().parent.parent / "dati"
ANNO = 2024
DETTAGLIO = "--dettaglio" in sys.argv


def log(*args):
    if DETTAGLIO:
        print(*args, file=sys.stderr)


# --- lettura dei CSV ---------------------------------------------------------

def righe(nome):
    with open(DATI / nome, encoding="utf-8-sig", newline="") as f:
        tabella = list(csv.DictReader(f, delimiter=";"))
    for n, riga in enumerate(tabella, start=2):
        # Una riga con più o meno valori dell'intestazione è un errore.
        assert None not in riga and None not in riga.values(), f"{nome}:{n}: numero di valori sbagliato"
    return tabella


def numero(testo):
    """'1.234,56' -> 1234.56; '85%' -> 0.85; '' -> None (non rilevato)."""
    t = testo.strip().replace("€", "").strip()
    if t == "":
        return None
    percento = t.endswith("%")
    t = t.rstrip("%").strip().replace(".", "").replace(",", ".")
    v = F(t)
    return v / 100 if percento else v


def data(testo):
    t = testo.strip()
    if t == "":
        return None
    g, m, a = (int(x) for x in t.replace(".", "/").split("/"))
    return date(a, m, g)


def booleano(testo):
    return testo.strip().lower() in ("sì", "si", "vero")


# --- funzioni del calendario ----------------------------------------------------

def aggiungi_mesi(d, n):
    m = d.month - 1 + n
    a, m = d.year + m // 12, m % 12 + 1
    return date(a, m, min(d.day, calendar.monthrange(a, m)[1]))


def mesi_iniziati_tra(d1, d2):
    """Il più piccolo n >= 1 con d1 + n mesi >= d2; 0 se d2 non è dopo d1."""
    if d2 <= d1:
        return 0
    n = 1
    while aggiungi_mesi(d1, n) < d2:
        n += 1
    return n


def giorni_tra(d1, d2):
    return (d2 - d1).days


# --- regole di misurazione (README, "Regole che il Piano non scrive") ------------

def entro(termine, completato):
    if completato <= termine:
        return F(1)
    return max(F(0), 1 - F(1, 10) * mesi_iniziati_tra(termine, completato))


def almeno(soglia, valore):
    if valore < soglia * F(7, 10):
        return F(0)
    return min(F(1), valore / soglia)


def proporzionale(atteso, quantita):
    return min(F(1), quantita / atteso)


def grado(soglia, valore):
    return F(0) if valore < soglia else valore


def tempestivita(pieno, soglia_minima, quota):
    if quota >= pieno:
        return F(1)
    if quota < soglia_minima:
        return F(0)
    return (quota - soglia_minima) / (pieno - soglia_minima)


def tempi_pagamento(itp):
    if itp < 0:
        return F(1)
    if itp <= 10:
        return F(60, 100)
    if itp <= 30:
        return F(30, 100)
    return F(0)


def livello(giudizio):
    return {"Ottimo": F(1), "Buono": F(8, 10), "Sufficiente": F(6, 10)}.get(giudizio, F(0))


def disservizi(n):
    if n <= 2:
        return F(1)
    if n <= 5:
        return F(75, 100)
    if n <= 10:
        return F(50, 100)
    return F(0)


# --- dati ---------------------------------------------------------------------

personale = righe("personale.csv")
ril = {r["obiettivo"]: r for r in righe("rilevazioni.csv")}
ril_resp = {(r["matricola"], r["obiettivo"]): r for r in righe("rilevazioni_responsabili.csv")}
ril_fasi = {(r["obiettivo"], r["fase"]): r for r in righe("rilevazioni_fasi.csv")}
fatture = righe("fatture.csv")
consegne = righe("consegne.csv")

GIORNI_ANNO = 366 if calendar.isleap(ANNO) else 365


def completato(ob):
    return data(ril[ob]["completato"])


# Termini: fissi, o relativi ("entro 90 giorni dall'approvazione del PIAO";
# "32 giorni prima della scadenza della prima rata" del 16/09/2024).
TERMINI = {
    "PIAO": date(2024, 1, 30),
    "ASSUNZIONE": completato("PIAO") + timedelta(days=90),
    "PTI": date(2024, 12, 31),
    "IMU": date(2024, 12, 31),
    "PIANO_STUDIO": date(2024, 12, 31),
    "TARI": date(2024, 9, 16) - timedelta(days=32),
}

# Fasi dell'integrazione ANSC: (codice, peso, termine).
FASI_ANSC = [("F1", 20, date(2024, 2, 29)), ("F2", 30, date(2024, 4, 30)),
             ("F3", 30, date(2024, 6, 30)), ("F4", 20, date(2024, 6, 30))]


def itp(persona):
    """ITP: giorni tra scadenza (ricezione + 30) e pagamento, media ponderata
    con gli importi, sulle fatture pagate di competenza del responsabile."""
    tutte = booleano(persona["responsabile_pagamenti"])
    num = den = F(0)
    for f in fatture:
        pag = data(f["pagamento"])
        if pag is None or not (tutte or f["ufficio"] == persona["settore"]):
            continue
        imp = numero(f["importo"])
        num += imp * giorni_tra(data(f["ricezione"]) + timedelta(days=30), pag)
        den += imp
    return num / den


def esito(ob, persona):
    m = persona["matricola"]
    if ob in ("PIAO", "ASSUNZIONE", "PTI", "IMU", "PIANO_STUDIO", "TARI"):
        return entro(TERMINI[ob], completato(ob))
    if ob == "PAGAMENTI":
        v = itp(persona)
        log(f"  ITP {m}: {v} = {float(v):.4f} giorni")
        return tempi_pagamento(v)
    if ob == "PEG":
        return grado(F(1, 2), numero(ril_resp[(m, "PEG")]["valore"]))
    if ob == "PA_DIGITALE":
        return proporzionale(6, numero(ril[ob]["quantità"]))
    if ob == "SITO":
        return almeno(F(9, 10), numero(ril[ob]["valore"]))
    if ob == "FORMAZIONE":
        return livello(ril[ob]["giudizio"])
    if ob == "ANSC":
        somma = sum(p * entro(t, data(ril_fasi[("ANSC", f)]["completata"])) for f, p, t in FASI_ANSC)
        return somma / sum(p for _, p, _ in FASI_ANSC)
    if ob == "BOLGETTA":
        return proporzionale(96, numero(ril[ob]["quantità"]))
    if ob == "RDC":
        return almeno(F(1), numero(ril[ob]["valore"]))
    if ob == "PENSIONATI":
        return proporzionale(40, numero(ril[ob]["quantità"]))
    if ob == "POSTA":
        entro7 = sum(1 for c in consegne if giorni_tra(data(c["ricevuta"]), data(c["consegnata"])) <= 7)
        return tempestivita(F(1), F(8, 10), F(entro7, len(consegne)))
    if ob == "PULLMINO":
        return disservizi(numero(ril[ob]["quantità"]))
    if ob == "AUTOMEZZI":
        return proporzionale(45, numero(ril[ob]["quantità"]))
    raise KeyError(ob)


# Obiettivi e pesi nella scheda, per persona.
SEGRETARIO = {"PIAO": 40, "ASSUNZIONE": 40, "PTI": 20}
RESPONSABILE = {"PAGAMENTI": 30, "PEG": 60, "PA_DIGITALE": 10}
DIPENDENTI = {
    "0004": {"ANSC": 25, "BOLGETTA": 25, "RDC": 25, "PA_DIGITALE": 25},
    "0005": {"SITO": 30, "FORMAZIONE": 30, "PA_DIGITALE": 40},
    "0006": {"IMU": 25, "PIANO_STUDIO": 25, "TARI": 25, "PA_DIGITALE": 25},
    "0007": {"PENSIONATI": 50, "POSTA": 50},
    "0008": {"PULLMINO": 50, "AUTOMEZZI": 50},
}

# "% somma destinata alla performance organizzativa da CCDI 2024".
# SITO e FORMAZIONE: percentuale vuota nel Piano, nessuna parte della somma.
PERC_CCDI = {"ANSC": 8, "BOLGETTA": 8, "RDC": 8, "IMU": 5, "PIANO_STUDIO": 9, "TARI": 10,
             "PENSIONATI": 8, "POSTA": 5, "PULLMINO": 8, "AUTOMEZZI": 5}
SOMMA_CCDI = F(8000)


def perc_pa_digitale(persona):
    return F(5, 100) if persona["settore"] == "Economico-Finanziario" else F(10, 100)


# --- arrotondamenti e formato ----------------------------------------------------

def arrotonda_meta_su(q, decimali):
    scala = 10 ** decimali
    n = q * scala
    intero = n.numerator // n.denominator
    if n - intero >= F(1, 2):
        intero += 1
    return F(intero, scala)


def tronca(q, decimali):
    scala = 10 ** decimali
    n = q * scala
    return F(n.numerator // n.denominator, scala)


def testo(q):
    """Due decimali con la virgola, senza separatore delle migliaia."""
    centesimi = q * 100
    assert centesimi.denominator == 1
    c = centesimi.numerator
    segno = "-" if c < 0 else ""
    c = abs(c)
    return f"{segno}{c // 100},{c % 100:02d}"


def fascia(totale):
    return ("Valutazione positiva", F(1)) if totale >= 60 else ("Valutazione negativa", F(0))


def giorni_servizio(persona):
    inizio = data(persona["inizio_servizio"]) or date(ANNO, 1, 1)
    fine = data(persona["fine_servizio"]) or date(ANNO, 12, 31)
    inizio, fine = max(inizio, date(ANNO, 1, 1)), min(fine, date(ANNO, 12, 31))
    return max(0, (fine - inizio).days + 1)


# --- valutazione -------------------------------------------------------------------

def punti(pesi, esiti):
    return 100 * sum(pesi[o] * esiti[o] for o in pesi) / sum(pesi.values())


out = ["matricola;nominativo;profilo;stato;totale;fascia;premio"]
economia = F(0)
for p in personale:
    m, prof = p["matricola"], p["profilo"]
    if prof == "segretario":
        pesi = SEGRETARIO
    elif prof == "responsabile":
        pesi = RESPONSABILE
    else:
        pesi = DIPENDENTI[m]
        gs = giorni_servizio(p)
        if gs < 60:
            out.append(f"{m};{p['nominativo']};{prof};non valutato;;;")
            continue
    esiti = {o: esito(o, p) for o in pesi}
    totale_esatto = punti(pesi, esiti)
    totale = arrotonda_meta_su(totale_esatto, 2)
    nome_fascia, perc_fascia = fascia(totale)
    if prof == "segretario":
        quota = F(4, 100) * esiti["PIAO"] + F(4, 100) * esiti["ASSUNZIONE"] + F(2, 100) * esiti["PTI"]
        esatto = numero(p["monte_salari"]) * quota * numero(p["quota_convenzione"]) * perc_fascia
        premio = arrotonda_meta_su(esatto, 2)
    elif prof == "responsabile":
        quota = (F(30, 100) * esiti["PAGAMENTI"] + F(60, 100) * esiti["PEG"]
                 + F(10, 100) * esiti["PA_DIGITALE"])
        esatto = numero(p["posizione"]) * F(25, 100) * quota * perc_fascia
        premio = arrotonda_meta_su(esatto, 2)
    else:
        quota = sum(F(PERC_CCDI[o], 100) * esiti[o] for o in esiti if o in PERC_CCDI)
        if "PA_DIGITALE" in esiti:
            quota += perc_pa_digitale(p) * esiti["PA_DIGITALE"]
        esatto = SOMMA_CCDI * F(gs, GIORNI_ANNO) * perc_fascia * quota
        premio = tronca(esatto, 2)
        economia += premio
    log(f"{m} {p['nominativo']}: esiti " + ", ".join(f"{o}={e} ({float(e):.6f})" for o, e in esiti.items()))
    log(f"  totale {totale_esatto} = {float(totale_esatto):.6f} -> {testo(totale)} {nome_fascia}")
    log(f"  premio esatto {esatto} = {float(esatto):.6f} -> {testo(premio)}")
    out.append(f"{m};{p['nominativo']};{prof};valutato;{testo(totale)};{nome_fascia};{testo(premio)}")

log(f"premi del personale: {testo(economia)} su {testo(SOMMA_CCDI)}; "
    f"non erogati {testo(SOMMA_CCDI - economia)}")
print("\n".join(out))
