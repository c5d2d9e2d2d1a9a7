#!/usr/bin/python3
"""Independent exact computation of the Valdoria 2024 scenario (regolamento_valdoria.md).

Reads the office files in dati/ with openpyxl and prints the expected result CSV
(matricola;nominativo;profilo;stato;totale;fascia;premio) on stdout.
Profiles: "dipendente" (foglio Dipendenti) and "eq" (foglio Titolari EQ).
"""
import datetime as dt
import sys
from fractions import Fraction as F
from openpyxl import load_workbook

ANNO = 2024
INIZIO, FINE = dt.date(ANNO, 1, 1), dt.date(ANNO, 12, 31)
GIORNI_ANNO = (FINE - INIZIO).days + 1
args = [a for a in sys.argv[1:] if not a.startswith("--")]
D = args[0] if args else "dati"
detail = "--dettaglio" in sys.argv


def log(*a):
    if detail:
        print(*a, file=sys.stderr)


def dec(v):
    """Exact value of a cell as openpyxl returns it (float from the XML decimal text)."""
    if v is None:
        return None
    return F(repr(v)) if isinstance(v, float) else F(v)


def as_date(v):
    return v.date() if isinstance(v, dt.datetime) else v


def round_half_up(x, places):
    q = F(10) ** places
    n = x * q
    return F((n.numerator * 2 + n.denominator) // (2 * n.denominator)) / q


def fmt(x):
    s = f"{float(x):.2f}"  # x already rounded to 2 decimals exactly
    assert F(s) == x, (s, x)
    return s.replace(".", ",")


wb = load_workbook(f"{D}/personale.xlsx", data_only=True)
persone = []
for r in wb["Dipendenti"].iter_rows(min_row=3, values_only=True):
    if r[0] is None:
        continue
    persone.append(dict(matricola=str(r[0]), nominativo=r[1], profilo="dipendente", settore=r[3],
                        part_time=dec(r[4]), dal=as_date(r[5]), al=as_date(r[6]), incarico=None))
for r in wb["Titolari EQ"].iter_rows(min_row=2, values_only=True):
    if r[0] is None:
        continue
    persone.append(dict(matricola=str(r[0]), nominativo=f"{r[1]} {r[2]}", profilo="eq", settore=r[3],
                        posizione=dec(r[4]), incarico=as_date(r[5]), dal=None, al=None, part_time=F(1)))

peg = []
for r in load_workbook(f"{D}/peg_2024.xlsx", data_only=True)["PEG 2024"].iter_rows(min_row=2, values_only=True):
    if r[0] is None:
        continue
    peg.append(dict(codice=r[0], settore=r[2], peso=dec(r[3]), atteso=dec(r[5]), raggiunto=dec(r[6])))

voti = {}
for r in load_workbook(f"{D}/schede_comportamenti.xlsx", data_only=True)["Schede 2024"].iter_rows(min_row=2, values_only=True):
    if r[0] is None:
        continue
    voti[str(r[0])] = [int(v) for v in r[2:7]]

fondo = None
for r in load_workbook(f"{D}/fondo_2024.xlsx", data_only=True)["Costituzione fondo"].iter_rows(values_only=True):
    if r[0] == "Performance individuale":
        fondo = dec(r[1])

PESI_K = {"dipendente": [10, 10, 8, 6, 6], "eq": [8, 6, 6, 5, 5]}
MAX = {"dipendente": (60, 40), "eq": (70, 30)}
FASCE = [(90, "Prima", F(1)), (75, "Seconda", F(4, 5)), (60, "Terza", F(1, 2)), (0, "Nessun premio", F(0))]


def grado(o):
    if o["raggiunto"] is None:
        return None  # neutralizzato
    if o["raggiunto"] < o["atteso"] / 2:
        return F(0)
    return min(F(1), o["raggiunto"] / o["atteso"])


risultati = []
for p in persone:
    dal = max(p["dal"] or INIZIO, INIZIO)
    al = min(p["al"] or FINE, FINE)
    giorni = (al - dal).days + 1 if al >= dal else 0
    p["giorni"] = giorni
    if giorni < 60:
        log(p["matricola"], "non valutato: servizio", giorni)
        risultati.append((p, None))
        continue
    obs = [o for o in peg if o["settore"] == p["settore"]]
    validi = [(o, grado(o)) for o in obs if grado(o) is not None]
    mo, mc = MAX[p["profilo"]]
    punti_ob = F(mo) * sum(o["peso"] * g for o, g in validi) / sum(o["peso"] for o, _ in validi)
    punti_c = sum(F(w) * v / 4 for w, v in zip(PESI_K[p["profilo"]], voti[p["matricola"]]))
    totale = round_half_up(punti_ob + punti_c, 2)
    nome, quota = next((n, q) for soglia, n, q in FASCE if totale >= soglia)
    log(p["matricola"], "obiettivi", punti_ob, "comportamenti", punti_c, "totale", totale, nome)
    p.update(totale=totale, fascia=nome, quota_fascia=quota)
    risultati.append((p, totale))

# EQ: 25% of the position allowance x band x days of the assignment in the year.
for p, t in risultati:
    if t is None or p["profilo"] != "eq":
        continue
    inizio = max(p["incarico"], INIZIO)
    giorni_inc = (FINE - inizio).days + 1
    p["premio"] = round_half_up(p["posizione"] * F(1, 4) * p["quota_fascia"] * giorni_inc / GIORNI_ANNO, 2)

# Dipendenti: the fund, by largest remainder, ties to the lower matricola (numeric).
dip = [p for p, t in risultati if t is not None and p["profilo"] == "dipendente"]
pesi = {p["matricola"]: p["totale"] * p["quota_fascia"] * p["part_time"] * F(p["giorni"], GIORNI_ANNO) for p in dip}
W = sum(pesi.values())
cent = fondo * 100
base = {m: (cent * w / W) for m, w in pesi.items()}
floor = {m: b.numerator // b.denominator for m, b in base.items()}
resto = int(cent) - sum(floor.values())
ordine = sorted(base, key=lambda m: (-(base[m] - floor[m]), int(m)))
for m in ordine[:resto]:
    floor[m] += 1
log("fondo", fondo, "centesimi residui", resto, "a", ordine[:resto])
for p in dip:
    p["premio"] = F(floor[p["matricola"]], 100)

print("matricola;nominativo;profilo;stato;totale;fascia;premio")
for p, t in risultati:
    if t is None:
        print(f"{p['matricola']};{p['nominativo']};{p['profilo']};non valutato;;;")
    else:
        print(f"{p['matricola']};{p['nominativo']};{p['profilo']};valutato;{fmt(t)};{p['fascia']};{fmt(p['premio'])}")
