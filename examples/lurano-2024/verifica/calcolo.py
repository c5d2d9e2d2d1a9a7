#!/usr/bin/env python3
"""Calcolo indipendente dei risultati attesi dell'esempio lurano-2024.

Legge i CSV di dati/ e applica le regole come le descrive il README (non il
compilatore Misura), con aritmetica esatta (fractions.Fraction). Scrive su
standard output il CSV nel formato di `misura valuta ... --formato csv`:

    python3 verifica/calcolo.py [CARTELLA_DATI] > atteso/risultati.csv

Con --dettaglio stampa anche i passaggi (su standard error).
"""
import csv
import datetime as dt
import sys
from fractions import Fraction as F
from pathlib import Path

ANNO = 2024
SERVIZIO_MINIMO = 90  # giorni, per responsabili e istruttori

# Obiettivi: codice -> (peso del Piano, {matricola: peso per la persona}, assegnatari)
RESPONSABILE = "0001"
OBIETTIVI = {
    "EUROPEE": (15, {"0003": 30, "0002": 20, "0004": 20}, ["0001", "0002", "0003", "0004"]),
    "AMMINISTRATIVE": (25, {"0003": 50, "0002": 35, "0004": 35}, ["0001", "0002", "0003", "0004"]),
    "ANSC": (10, {"0003": 20, "0002": 15, "0004": 15}, ["0001", "0002", "0003", "0004"]),
    "PROTOCOLLO": (10, {"0002": 15, "0004": 15}, ["0001", "0002", "0004"]),
    "CIG": (10, {"0002": 15, "0004": 15}, ["0001", "0002", "0004"]),
    "RISCOSSIONE": (20, {}, ["0001"]),
    "FARMACIA": (10, {}, ["0001"]),
}
PESI_COMPORTAMENTI = {
    "responsabile": {"R1": 6, "R2": 5, "R3": 5, "R4": 4},
    "istruttore": {"D1": 10, "D2": 8, "D3": 8, "D4": 8, "D5": 6},
}
SCALA_MAX = 10
DIFFERENZIAZIONE = {"Significativa": F(1), "Parziale": F(1, 2)}  # altrimenti 0
FASCE_RESPONSABILE = [("Ottimo", 90, F(1)), ("Buono", 75, F(4, 5)),
                      ("Sufficiente", 60, F(1, 2)), ("Insufficiente", 0, F(0))]
FASCE_ISTRUTTORE = [("Positiva", 60, F(1)), ("Negativa", 0, F(0))]
FONDO = F(275000, 100)
MAGGIORAZIONE = F(30, 100)
PRIMI = F(10, 100)
NON_VALUTATI = {"convenzione", "esterno", "segretario"}

DETTAGLIO = "--dettaglio" in sys.argv


def log(*parti):
    if DETTAGLIO:
        print(*parti, file=sys.stderr)


def numero(testo):
    """'9.750,00' -> Fraction; '85%' -> 0,85 (percentuale)."""
    t = testo.strip().replace("€", "").strip()
    perc = t.endswith("%")
    t = t.rstrip("%").replace(".", "").replace(",", ".")
    v = F(t)
    return v / 100 if perc else v


def data(testo):
    g, m, a = (int(x) for x in testo.strip().split("/"))
    return dt.date(a, m, g)


def leggi(cartella, nome):
    with open(Path(cartella) / nome, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def arrotonda(x, decimali=2):
    """Metà in su (valori non negativi)."""
    s = F(10) ** decimali
    q = x * s
    intero = q.numerator // q.denominator
    if q - intero >= F(1, 2):
        intero += 1
    return F(intero) / s


def tronca_centesimi(x):
    q = x * 100
    return F(q.numerator // q.denominator, 100)


def fmt(x):
    """Due decimali, virgola decimale, senza separatore delle migliaia."""
    c = arrotonda(x) * 100
    assert c.denominator == 1
    c = c.numerator
    segno = "-" if c < 0 else ""
    c = abs(c)
    return f"{segno}{c // 100},{c % 100:02d}"


def giorni_servizio(p):
    inizio = data(p["inizio_servizio"]) if p["inizio_servizio"] else dt.date(ANNO, 1, 1)
    fine = data(p["fine_servizio"]) if p["fine_servizio"] else dt.date(ANNO, 12, 31)
    inizio = max(inizio, dt.date(ANNO, 1, 1))
    fine = min(fine, dt.date(ANNO, 12, 31))
    return max(0, (fine - inizio).days + 1)


def giorni_anno():
    return (dt.date(ANNO, 12, 31) - dt.date(ANNO, 1, 1)).days + 1


def fascia(fasce, totale):
    for nome, da, perc in fasce:
        if totale >= da:
            return nome, perc
    raise AssertionError("nessuna fascia")


def dato_atteso(realizzato, atteso=F(1)):
    if realizzato < atteso * F(1, 2):
        return F(0)
    return min(F(1), realizzato / atteso)


def main():
    argomenti = [a for a in sys.argv[1:] if not a.startswith("--")]
    cartella = argomenti[0] if argomenti else str(Path(__file__).resolve().parent.parent / "dati")
    personale = leggi(cartella, "personale.csv")
    esiti = {r["obiettivo"]: dato_atteso(numero(r["realizzazione"]))
             for r in leggi(cartella, "rilevazioni.csv")}
    voti = {(r["matricola"], r["comportamento"]): numero(r["voto"])
            for r in leggi(cartella, "valutazioni.csv")}
    log("esiti:", {k: str(v) for k, v in esiti.items()})

    risultati = {}  # matricola -> dict
    for p in personale:
        m, profilo = p["matricola"], p["profilo"]
        r = {"stato": "non valutato", "totale": None, "fascia": "", "premio": None}
        risultati[m] = r
        if profilo in NON_VALUTATI:
            continue
        if p["area"] != "Amministrativa":
            log(m, "non valutato: area", p["area"])
            continue
        gs = giorni_servizio(p)
        if gs < SERVIZIO_MINIMO:
            log(m, "non valutato: servizio di", gs, "giorni")
            continue
        r["stato"] = "valutato"
        r["giorni"] = gs
        # Componente da obiettivi: max x somma(peso x esito) / somma(pesi)
        pesi = {}
        for cod, (peso, per_persona, assegnatari) in OBIETTIVI.items():
            if m in assegnatari:
                pesi[cod] = per_persona.get(m, peso)
        assert sum(pesi.values()) == 100, (m, pesi)
        grado = sum(F(w) * esiti[c] for c, w in pesi.items()) / sum(pesi.values())
        comp = sum(F(w) * voti[(m, c)] for c, w in PESI_COMPORTAMENTI[profilo].items()) / SCALA_MAX
        if profilo == "responsabile":
            area = 55 * grado
            individuali = F(15) * (20 * esiti["RISCOSSIONE"] + 10 * esiti["FARMACIA"]) / 30
            diff = 10 * DIFFERENZIAZIONE.get(p["differenziazione"], F(0))
            esatto = area + individuali + comp + diff
            totale = arrotonda(esatto)
            nome, perc = fascia(FASCE_RESPONSABILE, totale)
            premio = numero(p["posizione"]) * F(25, 100) * perc * F(gs, giorni_anno())
            r["premio"] = arrotonda(premio)
            log(m, "area", area, "individuali", individuali, "comportamenti", comp,
                "differenziazione", diff, "esatto", esatto, "premio esatto", premio)
        else:
            obiettivi = 60 * grado
            esatto = obiettivi + comp
            totale = arrotonda(esatto)
            nome, perc = fascia(FASCE_ISTRUTTORE, totale)
            r["quota"] = totale * perc * F(gs, giorni_anno()) * numero(p["ore_settimanali"]) / 36
            log(m, "obiettivi", obiettivi, "comportamenti", comp, "esatto", esatto,
                "giorni", gs, "quota", r["quota"])
        r["totale"], r["fascia"] = totale, nome

    # Fondo: istruttori valutati; maggiorazione art. 81 dentro il fondo.
    fondo = [m for m, r in risultati.items() if "quota" in r]
    somma = sum(risultati[m]["quota"] for m in fondo)
    positivi = [m for m in fondo if risultati[m]["quota"] > 0]
    n = len(positivi)
    k = max(1, (PRIMI * n).numerator // (PRIMI * n).denominator)
    primi = sorted(positivi, key=lambda m: (-risultati[m]["totale"], m))[:k]
    base = FONDO / (1 + k * MAGGIORAZIONE / n)
    extra = MAGGIORAZIONE * base / n
    log("fondo: n", n, "k", k, "primi", primi, "base", base, "maggiorazione", extra, "somma quote", somma)
    esatti = {}
    for m in fondo:
        q = base * risultati[m]["quota"] / somma if somma else F(0)
        esatti[m] = q + (extra if m in primi else 0)
    troncati = {m: tronca_centesimi(v) for m, v in esatti.items()}
    resto = (FONDO - sum(troncati.values())) * 100
    assert resto.denominator == 1
    ordine = sorted(fondo, key=lambda m: (-(esatti[m] - troncati[m]), m))
    for m in ordine[:resto.numerator]:
        troncati[m] += F(1, 100)
    log("centesimi ai resti maggiori:", resto, ordine[:resto.numerator])
    for m in fondo:
        log(m, "premio esatto", esatti[m], "=", float(esatti[m]), "->", fmt(troncati[m]))
        risultati[m]["premio"] = troncati[m]

    out = sys.stdout
    out.write("matricola;nominativo;profilo;stato;totale;fascia;premio\n")
    for p in personale:
        r = risultati[p["matricola"]]
        totale = fmt(r["totale"]) if r["totale"] is not None else ""
        premio = fmt(r["premio"]) if r["premio"] is not None else ""
        nominativo = p["nominativo"]
        if any(c in nominativo for c in ';"'):
            nominativo = '"' + nominativo.replace('"', '""') + '"'
        out.write(f"{p['matricola']};{nominativo};{p['profilo']};{r['stato']};{totale};{r['fascia']};{premio}\n")


if __name__ == "__main__":
    main()
