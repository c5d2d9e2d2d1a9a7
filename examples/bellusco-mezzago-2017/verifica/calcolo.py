#!/usr/bin/env python3
"""Calcolo indipendente dei risultati attesi di examples/bellusco-mezzago-2017.

Implementa le regole come le descrive il README (non legge il regolamento):
legge i CSV di dati/, calcola con frazioni esatte e scrive sullo standard
output il CSV nel formato di `misura valuta --formato csv`.

    python3 verifica/calcolo.py > atteso/risultati.csv

Con --dettaglio stampa anche i passaggi (esiti, punti, quote del fondo).
"""
import csv
import datetime as dt
import os
import sys
from fractions import Fraction as F

QUI = os.path.dirname(os.path.abspath(__file__))
DATI = os.path.join(QUI, "..", "dati")
ANNO = 2017
DETTAGLIO = "--dettaglio" in sys.argv


# --- lettura dei CSV (separatore ;, virgola decimale, punto delle migliaia) --

def leggi(nome):
    with open(os.path.join(DATI, nome), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def numero(testo):
    t = testo.strip().replace("€", "").replace("%", "").strip()
    return F(t.replace(".", "").replace(",", "."))


def percentuale(testo):
    return None if testo.strip() == "" else numero(testo) / 100


def data(testo):
    if testo.strip() == "":
        return None
    g, m, a = testo.strip().split("/")
    return dt.date(int(a), int(m), int(g))


# --- regole di misurazione (README, "Indicatori") ---------------------------

def aggiungi_mesi(d, n):
    m = d.month - 1 + n
    a, m = d.year + m // 12, m % 12 + 1
    ultimo = [31, 29 if (a % 4 == 0 and a % 100 != 0) or a % 400 == 0 else 28,
              31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return dt.date(a, m, min(d.day, ultimo))


def mesi_iniziati_tra(d1, d2):
    if d2 <= d1:
        return 0
    n = 1
    while aggiungi_mesi(d1, n) < d2:
        n += 1
    return n


def entro(termine, completato):
    """Entro il termine 100%; poi 10 punti in meno per mese iniziato di ritardo."""
    if completato <= termine:
        return F(1)
    return max(F(0), 1 - F(1, 10) * mesi_iniziati_tra(termine, completato))


def scaglioni_da(v, righe, altrimenti):
    """Prima riga con v >= soglia (soglie decrescenti)."""
    for soglia, esito in righe:
        if v >= soglia:
            return esito
    return altrimenti


def scaglioni_fino_a(v, righe, altrimenti):
    """Prima riga con v <= soglia (soglie crescenti)."""
    for soglia, esito in righe:
        if v <= soglia:
            return esito
    return altrimenti


P = lambda x: F(x) / 100  # noqa: E731  percentuale scritta come numero


def giudizio_oiv(g):
    return {"Pienamente raggiunto": F(1), "Sostanzialmente raggiunto": P(80),
            "Parzialmente raggiunto": P(50)}.get(g, F(0))


def tempestività(v):  # "100% dei procedimenti entro il termine"
    return scaglioni_da(v, [(P(100), F(1)), (P(95), P(80)), (P(90), P(50))], F(0))


def correttezza(v):  # "correttezza almeno dell'80%"
    return scaglioni_da(v, [(P(80), F(1)), (P(70), P(50))], F(0))


def almeno(soglia, v):  # nulla sotto il 70% del valore atteso, poi proporzionale
    return F(0) if v < soglia * P(70) else min(F(1), v / soglia)


def richieste_evase(v):
    return scaglioni_da(v, [(P(90), F(1)), (P(75), P(70)), (P(60), P(40))], F(0))


def tempi_taglio(giorni):
    return scaglioni_fino_a(giorni, [(20, F(1)), (25, P(75)), (30, P(50))], F(0))


# --- obiettivi (README, tabelle degli obiettivi) ------------------------------
# Ogni obiettivo: codice, assegnatari (funzione della persona), peso (funzione
# della persona), come si misura (funzione della persona -> esito o None se
# neutralizzato), anni in cui è valutato.

def d(s):
    return data(s)


RESP_SETTORI_CONTABILI = ("Assetto del territorio", "Polizia Locale")


def obiettivi_po(amb):
    """Performance organizzativa: righe di ambiti.csv per (matricola, obiettivo)."""
    def riga(p, cod):
        return amb[(p["matricola"], cod)]

    resp = lambda p: p["profilo"] == "responsabile"  # noqa: E731
    resp_seg = lambda p: p["profilo"] in ("responsabile", "segretario")  # noqa: E731
    return [
        ("PO_PEG", resp_seg,
         lambda p: 5 if p["settore"] in RESP_SETTORI_CONTABILI else 10,
         lambda p: giudizio_oiv(riga(p, "PO_PEG")["giudizio"])),
        ("PO_CONTABILI", lambda p: resp(p) and p["settore"] in RESP_SETTORI_CONTABILI,
         lambda p: 5,
         lambda p: tempestività(percentuale(riga(p, "PO_CONTABILI")["valore"]))),
        ("PO_TEMPI", resp_seg, lambda p: 8,
         lambda p: tempestività(percentuale(riga(p, "PO_TEMPI")["valore"]))),
        ("PO_CORRUZIONE", resp, lambda p: 8,
         lambda p: entro(d("30/11/2017"), data(riga(p, "PO_CORRUZIONE")["completato"]))),
        ("PO_CONTROLLO", resp, lambda p: 8,
         lambda p: correttezza(percentuale(riga(p, "PO_CONTROLLO")["valore"]))),
        ("PO_TRASPARENZA", resp_seg, lambda p: 8,
         lambda p: almeno(F(1), percentuale(riga(p, "PO_TRASPARENZA")["valore"]))),
        ("PO_DIGITALE", resp_seg, lambda p: 8,
         lambda p: giudizio_oiv(riga(p, "PO_DIGITALE")["giudizio"])),
    ]


def fasi(avz, codice, elenco):
    """Esito = somma peso_i x entro(termine_i) / somma pesi."""
    num = sum(peso * entro(d(termine), data(avz[(codice, f)]["completata"]))
              for f, peso, termine in elenco)
    return num / sum(peso for _, peso, _ in elenco)


def obiettivi_settore(ris, avz):
    def entro_ob(cod, termine):
        return lambda p: entro(d(termine), data(ris[cod]["completato"]))

    def del_settore(s):
        return lambda p: p["settore"] == s

    def peso(dip, resp):  # peso degli obiettivi di Settore: lo stesso per tutti (resp era la metà)
        return lambda p: dip

    seg = lambda p: p["profilo"] == "segretario"  # noqa: E731
    fisso = lambda n: (lambda p: n)  # noqa: E731

    def tec4(p):  # se non rilevato: neutralizzato
        c = data(ris["TEC4"]["completato"])
        return None if c is None else entro(d("31/12/2017"), c)

    return [
        # Istruzione
        ("IST1", del_settore("Istruzione"), peso(30, 15),
         lambda p: fasi(avz, "IST1", [("F1", 40, "31/12/2017"), ("F2", 30, "31/12/2017"),
                                      ("F3", 30, "31/12/2017")])),
        ("IST2", del_settore("Istruzione"), peso(20, 10), entro_ob("IST2", "30/09/2017")),
        ("IST3", del_settore("Istruzione"), peso(30, 15), entro_ob("IST3", "30/09/2017")),
        ("IST4", del_settore("Istruzione"), peso(20, 10), entro_ob("IST4", "31/12/2017")),
        # Tecnico
        ("TEC1_ORD", del_settore("Tecnico"), peso(10, 5),
         lambda p: richieste_evase(percentuale(ris["TEC1_ORD"]["valore"]))),
        ("TEC1_STR", del_settore("Tecnico"), peso(10, 5),
         lambda p: richieste_evase(percentuale(ris["TEC1_STR"]["valore"]))),
        ("TEC2", del_settore("Tecnico"), peso(16, 8),
         lambda p: tempi_taglio(numero(ris["TEC2"]["giorni"]))),
        ("TEC3", del_settore("Tecnico"), peso(16, 8), entro_ob("TEC3", "31/12/2017")),
        ("TEC4", del_settore("Tecnico"), peso(16, 8), tec4),
        ("TEC5", del_settore("Tecnico"), peso(16, 8),
         lambda p: fasi(avz, "TEC5", [("F1", 40, "15/09/2017"), ("F2", 60, "30/10/2017")])),
        ("TEC6", del_settore("Tecnico"), peso(16, 8), entro_ob("TEC6", "31/12/2017")),
        # Assetto del territorio (ASS2 è valutato nel 2018: non esiste nel 2017)
        ("ASS1", del_settore("Assetto del territorio"), peso(30, 15), entro_ob("ASS1", "31/12/2017")),
        ("ASS2B", del_settore("Assetto del territorio"), peso(20, 10), entro_ob("ASS2B", "31/12/2017")),
        ("ASS3", del_settore("Assetto del territorio"), peso(20, 10), entro_ob("ASS3", "31/12/2017")),
        ("ASS4", del_settore("Assetto del territorio"), peso(10, 5), entro_ob("ASS4", "31/12/2017")),
        ("ASS5", del_settore("Assetto del territorio"), peso(20, 10), entro_ob("ASS5", "31/12/2017")),
        # Polizia Locale: pesi del Piano 20/40/20/20
        ("PL1", del_settore("Polizia Locale"), peso(20, 10), entro_ob("PL1", "31/12/2017")),
        ("PL2", del_settore("Polizia Locale"), peso(40, 20), entro_ob("PL2", "31/10/2017")),
        ("PL3", del_settore("Polizia Locale"), peso(20, 10), entro_ob("PL3", "31/12/2017")),
        ("PL4", del_settore("Polizia Locale"), peso(20, 10), entro_ob("PL4", "31/12/2017")),
        # Segretario generale
        ("SG1", seg, fisso(10), entro_ob("SG1", "31/12/2017")),
        ("SG2", seg, fisso(8), entro_ob("SG2", "30/09/2017")),
        ("SG3", seg, fisso(8), entro_ob("SG3", "30/09/2017")),
        ("SG4", seg, fisso(10),
         lambda p: fasi(avz, "SG4", [("F1", 30, "30/10/2017"), ("F2", 30, "30/11/2017"),
                                     ("F3", 40, "31/12/2017")])),
        ("SG5", seg, fisso(6), entro_ob("SG5", "31/12/2017")),
        ("SG6", seg, fisso(8), entro_ob("SG6", "31/01/2017")),
        ("SG_CORRUZIONE", seg, fisso(8),
         lambda p: fasi(avz, "SG_CORRUZIONE", [("F1", 50, "30/11/2017"), ("F2", 50, "31/12/2017")])),
        ("SG_CONTROLLO", seg, fisso(8),
         lambda p: fasi(avz, "SG_CONTROLLO", [("F1", 30, "30/06/2017"), ("F2", 40, "31/12/2017"),
                                              ("F3", 30, "31/12/2017")])),
    ]


# --- comportamenti (README, "Comportamenti"): peso x voto / 10 ---------------

CATALOGHI = {
    "responsabile": {"R01": 3, "R02": 3, "R03": 3, "R04": 7, "R05": 7, "R06": 2,
                     "R07": 2, "R08": 3, "R09": 3, "R10": 3, "R11": 4},
    "segretario": {"S1": 6, "S2": 6, "S3": 6, "S4": 8, "S5": 8, "S6": 6},
    "dipendente": {"D1": 10, "D2": 8, "D3": 8, "D4": 8, "D5": 6},
}
# Le componenti da obiettivi di ogni profilo, ciascuna normalizzata per conto
# suo: performance organizzativa (ambiti, e per il Segretario i suoi due
# ambiti a fasi) e obiettivi di Settore / del Segretario. "relativi": i pesi
# sono rapportati alla loro somma (qui 50), senza dover sommare a 100.
COMPONENTI = {
    "responsabile": {"organizzativa": (30, "relativi"), "obiettivi": (30, "100")},
    "segretario": {"organizzativa": (30, "relativi"), "obiettivi": (30, "relativi")},
    "dipendente": {"obiettivi": (60, "100")},
}
ORGANIZZATIVA = {"SG_CORRUZIONE", "SG_CONTROLLO"}  # oltre ai PO_*


def componente(codice):
    return "organizzativa" if codice.startswith("PO_") or codice in ORGANIZZATIVA else "obiettivi"

FASCE = [("Ottimo", 90, F(1)), ("Buono", 75, P(80)), ("Sufficiente", 60, P(50))]
FASCIA_ALTRIMENTI = ("Insufficiente", F(0))
FONDO = F(14642)  # euro, ripartito al centesimo tra i dipendenti


def arrotonda(x, decimali):
    """Metà in su (x >= 0)."""
    scala = 10 ** decimali
    n = x * scala
    intero = n.numerator // n.denominator
    if n - intero >= F(1, 2):
        intero += 1
    return F(intero, scala)


def tronca_centesimi(x):
    n = x * 100
    return F(n.numerator // n.denominator, 100)


def testo(x, decimali=2):
    x = arrotonda(x, decimali)
    intero = x.numerator // x.denominator
    frazione = (x - intero) * 10 ** decimali
    return f"{intero},{int(frazione):0{decimali}d}"


def fascia(totale):
    for nome, da, perc in FASCE:
        if totale >= da:
            return nome, perc
    return FASCIA_ALTRIMENTI


def main():
    personale = leggi("personale.csv")
    amb = {(r["matricola"], r["obiettivo"]): r for r in leggi("ambiti.csv")}
    ris = {r["obiettivo"]: r for r in leggi("risultati.csv")}
    avz = {(r["obiettivo"], r["fase"]): r for r in leggi("avanzamento.csv")}
    voti = {}
    for r in leggi("valutazioni.csv"):
        voti.setdefault(r["matricola"], {})[r["comportamento"]] = numero(r["voto"])

    obiettivi = obiettivi_po(amb) + obiettivi_settore(ris, avz)
    righe = []
    for p in personale:
        prof = p["profilo"]
        assegnati = [(c, peso(p), mis(p)) for c, chi, peso, mis in obiettivi if chi(p)]
        punti_ob = F(0)
        punti_componenti = {}
        for nome, (massimo, pesi) in COMPONENTI[prof].items():
            suoi = [(c, w, e) for c, w, e in assegnati if componente(c) == nome]
            if pesi == "100":
                assert sum(w for _, w, _ in suoi) == 100, (p["matricola"], nome, suoi)
            validi = [(c, w, e) for c, w, e in suoi if e is not None]
            punti = massimo * sum(w * e for _, w, e in validi) / sum(w for _, w, _ in validi)
            punti_componenti[nome] = punti
            punti_ob += punti
        cat = CATALOGHI[prof]
        assert set(voti[p["matricola"]]) == set(cat), p["matricola"]
        punti_comp = sum(w * voti[p["matricola"]][c] / 10 for c, w in cat.items())
        esatto = punti_ob + punti_comp
        totale = arrotonda(esatto, 2)
        nome_fascia, perc = fascia(totale)
        r = {"p": p, "esiti": assegnati, "ob": punti_ob, "comp": punti_comp, "componenti": punti_componenti,
             "esatto": esatto, "totale": totale, "fascia": nome_fascia, "perc": perc}
        if prof == "responsabile":
            r["premio_esatto"] = numero(p["posizione"]) * P(25) * perc
        elif prof == "segretario":
            r["premio_esatto"] = numero(p["monte_salari"]) * P(10) * perc
        else:
            r["quota"] = totale * perc * percentuale(p["tempo_lavoro"]) * percentuale(p["distacco"])
        righe.append(r)

    # Fondo: importo x quota / somma delle quote, troncato al centesimo; i
    # centesimi che restano ai resti maggiori, a parità la matricola minore.
    fondo = [r for r in righe if "quota" in r]
    somma = sum(r["quota"] for r in fondo)
    for r in fondo:
        r["premio_esatto"] = FONDO * r["quota"] / somma
        r["premio"] = tronca_centesimi(r["premio_esatto"])
    resto = FONDO - sum(r["premio"] for r in fondo)
    centesimi = int(resto * 100)
    ordine = sorted(fondo, key=lambda r: (-(r["premio_esatto"] - r["premio"]), r["p"]["matricola"]))
    for r in ordine[:centesimi]:
        r["premio"] += F(1, 100)
    for r in righe:
        if "premio" not in r:
            r["premio"] = arrotonda(r["premio_esatto"], 2)

    print("matricola;nominativo;profilo;stato;totale;fascia;premio")
    for r in righe:
        p = r["p"]
        print(f"{p['matricola']};{p['nominativo']};{p['profilo']};valutato;"
              f"{testo(r['totale'])};{r['fascia']};{testo(r['premio'])}")

    if DETTAGLIO:
        for r in righe:
            p = r["p"]
            es = ", ".join(f"{c} {w}:" + ("neutr." if e is None else f"{float(e * 100):g}%") for c, w, e in r["esiti"])
            print(f"# {p['matricola']} {p['nominativo']}: {es}", file=sys.stderr)
            parti = ", ".join(f"{n} {v} ({float(v):.6f})" for n, v in r["componenti"].items())
            print(f"#   obiettivi {r['ob']} ({float(r['ob']):.6f}) [{parti}] + comportamenti {r['comp']} "
                  f"= {r['esatto']} -> {testo(r['totale'])} {r['fascia']}; premio esatto "
                  f"{r['premio_esatto']} ({float(r['premio_esatto']):.4f}) -> {testo(r['premio'])}"
                  + (f"; quota {r['quota']}" if "quota" in r else ""), file=sys.stderr)
        print(f"# fondo: somma quote {somma}, centesimi ai resti {centesimi}", file=sys.stderr)
        for i, r in enumerate(ordine):
            resto_r = (r["premio_esatto"] - tronca_centesimi(r["premio_esatto"])) * 100
            print(f"#   {i + 1:2d}. {r['p']['matricola']} resto {float(resto_r):.6f} centesimi"
                  + (" +1 centesimo" if i < centesimi else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
