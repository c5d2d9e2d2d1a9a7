#!/usr/bin/env python3
"""Misura's CSV -> W1's output CSV, plus the timing and CHECKSUM lines.

convert.py RISULTATI.csv OUT.csv STDERR.txt

RISULTATI.csv is `misura valuta --formato csv` (matricola;nominativo;profilo;
stato;totale;fascia;premio, ";" separator, decimal comma, "." thousands);
the band is the fascia's name, which bench/w1/w1.misura writes as its
percentage ("85%"). STDERR.txt is Misura's standard error with the `--tempi`
lines; any other line on it (warnings) is passed on to our standard error.
This step is outside Misura and inside the wall time (see README.md).
"""
import sys
import zlib


def hundredths(text):
    """'1.234,56' -> 123456 (exactly two decimals, as Misura writes them)."""
    whole, _, frac = text.replace(".", "").partition(",")
    if len(frac) != 2:
        raise ValueError(f"not an amount with 2 decimals: {text!r}")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole)) * 100 + int(frac))


def main():
    results, out_path, stderr_path = sys.argv[1:4]
    timings = {}
    with open(stderr_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("tempi: "):
                name, seconds = line[len("tempi: "):].rsplit(" ", 2)[0:2]
                timings[name] = float(seconds)
            else:
                sys.stderr.write(line)
    rows = []
    sum_total = sum_premio = 0
    with open(results, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(";")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            cells = line.rstrip("\n").split(";")
            if cells[col["stato"]] != "valutato":
                raise SystemExit(f"convert.py: person {cells[0]} is {cells[col['stato']]!r}, not 'valutato'")
            total = hundredths(cells[col["totale"]])
            band = int(cells[col["fascia"]].rstrip("%"))
            premio = hundredths(cells[col["premio"]])
            sum_total += total
            sum_premio += premio
            rows.append(f"{cells[col['matricola']]},{total},{band},{premio}\n")
    data = ("id,total_hundredths,band,premio_cents\n" + "".join(rows)).encode("ascii")
    with open(out_path, "wb") as f:
        f.write(data)
    # As for the peers, SCORE includes the compilation of the rules (the
    # regolamento is compiled in the same process); COMPILE is that part alone.
    score, split = timings["compilazione"] + timings["punteggi"], timings["fondi"]
    print(f"READ_SECONDS {timings['lettura dei dati']:.6f}")
    print(f"SCORE_SECONDS {score:.6f}")
    print(f"SPLIT_SECONDS {split:.6f}")
    print(f"EVAL_SECONDS {score + split:.6f}")
    print(f"WRITE_SECONDS {timings['scrittura']:.6f}")
    print(f"COMPILE_SECONDS {timings['compilazione']:.6f}")
    print(f"CHECKSUM rows={len(rows)} sum_total_hundredths={sum_total} sum_premio_cents={sum_premio} "
          f"bytes={len(data)} crc32={zlib.crc32(data) & 0xffffffff:08x}")


if __name__ == "__main__":
    main()
