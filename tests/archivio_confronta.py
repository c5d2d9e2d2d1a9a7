#!/usr/bin/env python3
"""`misura archivia / chiudi / storico / confronta` end to end.

Usage: archivio_confronta.py MISURA EXAMPLE_DIR   (examples/chieve-2020)

On a copy of the example (objectives `con pesi relativi`, so that one weight
can change alone):
  1. run 1: as it is; run 2: the weight of OB1 from 50 to 60; run 3: one data
     cell (rilevazioni.csv, 0102 OB1, 92% -> 70%);
  2. `confronta 1 2` names the weight of OB1 with its old and new value and the
     regolamento lines; `confronta 1 3` names the cell file:row:col and its
     values, and the data file whose hash changed;
  3. `chiudi --anno 2020`: the archive refuses UPDATE and DELETE of closed runs
     (through misura, E0721, and through plain SQL), a new `archivia` of 2020 is
     a new run that references the last closed one;
  4. `confronta REG1 REG2 --dati dati` (what-if, nothing archived).
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

errors = []


def expect(condition, message, output=""):
    if not condition:
        errors.append(message + ("\n--- uscita ---\n" + output if output else ""))


def run(misura, folder, *args, code=0):
    done = subprocess.run([misura, *args], cwd=folder, capture_output=True, text=True, timeout=120)
    expect(done.returncode == code, "misura %s: codice %d invece di %d" % (" ".join(args), done.returncode, code),
           done.stdout + done.stderr)
    return done.stdout, done.stderr


def replace_once(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit("ERRORE: %r non è in %s" % (old, path))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main():
    misura, example = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        ex = os.path.join(tmp, "esempio")
        shutil.copytree(example, ex)
        reg = os.path.join(ex, "regolamento.misura")
        with open(reg, encoding="utf-8") as f:
            text = f.read().replace("fino a 60 punti da obiettivi\n", "fino a 60 punti da obiettivi con pesi relativi\n")
        with open(reg, "w", encoding="utf-8") as f:
            f.write(text)
        base_text = text
        base = os.path.join(tmp, "base.misura")
        shutil.copy(reg, base)

        out, _ = run(misura, ex, "archivia", "regolamento.misura", "--dati", "dati", "--autore", "Ufficio personale",
                     "--nota", "prima valutazione")
        expect("esecuzione n. 1 archiviata in archivio.misura.db" in out, "run 1 non archiviata", out)
        # Run 2: one weight.
        replace_once(reg, "  peso 50\n", "  peso 60\n")
        shutil.copy(reg, os.path.join(tmp, "peso60.misura"))
        run(misura, ex, "archivia", "regolamento.misura", "--dati", "dati")
        # Run 3: the regolamento as in run 1, one data cell changed.
        shutil.copy(base, reg)
        replace_once(os.path.join(ex, "dati", "rilevazioni.csv"), "0102;OB1;92%;", "0102;OB1;70%;")
        run(misura, ex, "archivia", "regolamento.misura", "--dati", "dati")

        # What payroll got from run 1, byte for byte: the example's expected CSV.
        out, _ = run(misura, ex, "storico", "--esecuzione", "1")
        with open(os.path.join(example, "atteso", "risultati.csv"), encoding="utf-8") as f:
            expect(out == f.read(), "storico --esecuzione 1 non è il CSV di valuta", out)

        out, _ = run(misura, ex, "confronta", "1", "2")
        expect("peso dell'obiettivo OB1: 50 → 60" in out, "confronta 1 2 non nomina il peso di OB1", out)
        line = base_text.split("\n").index("  peso 50") + 1
        expect("- riga %d:   peso 50\n    + riga %d:   peso 60\n" % (line, line) in out,
               "confronta 1 2: la riga %d del regolamento" % line, out)
        expect("Moduli e file di dati: uguali." in out, "confronta 1 2: i dati non sono cambiati", out)
        expect("valore misurato" not in out, "confronta 1 2 inventa un dato cambiato", out)

        out, _ = run(misura, ex, "confronta", "1", "3")
        expect("valore misurato dell'obiettivo OB1: 92% → 70% (rilevazioni.csv:5:10)" in out,
               "confronta 1 3 non nomina la cella rilevazioni.csv:5:10", out)
        expect("Regolamento: uguale." in out, "confronta 1 3: il regolamento non è cambiato", out)
        expect("dati rilevazioni.csv: sha256" in out, "confronta 1 3: il file di dati cambiato", out)
        expect("0102 Dell'Acqua Niccolò" in out and "0103 " not in out, "confronta 1 3: solo 0102 cambia", out)

        out, _ = run(misura, ex, "confronta", "1", "3", "--formato", "json")
        expect('"dove": "rilevazioni.csv:5:10"' in out, "confronta --formato json: la cella", out)

        # A closed year.
        out, _ = run(misura, ex, "chiudi", "--anno", "2020")
        expect("anno 2020 chiuso: 3 esecuzioni" in out, "chiudi", out)
        _, err = run(misura, ex, "storico", "--elimina", "1", code=1)
        expect("E0721" in err and "esecuzione chiusa" in err, "storico --elimina di un'esecuzione chiusa", err)
        con = sqlite3.connect(os.path.join(ex, "archivio.misura.db"))
        for sql in ("UPDATE risultato SET totale = '100,00' WHERE esecuzione = 1",
                    "DELETE FROM risultato WHERE esecuzione = 1",
                    "UPDATE esecuzione SET autore = 'altri' WHERE id = 1",
                    "DELETE FROM esecuzione WHERE id = 2",
                    "UPDATE esecuzione SET chiusa = 0 WHERE id = 3"):
            try:
                con.execute(sql)
                con.commit()
                expect(False, "l'archivio ha accettato: " + sql)
            except sqlite3.DatabaseError as e:
                expect("esecuzione chiusa" in str(e), "messaggio del rifiuto di %s: %s" % (sql, e))
        rows = con.execute("SELECT count(*) FROM risultato WHERE esecuzione = 1").fetchone()[0]
        expect(rows == 9, "le righe dell'esecuzione chiusa 1 sono %d invece di 9" % rows)
        con.close()

        out, _ = run(misura, ex, "archivia", "regolamento.misura", "--dati", "dati", "--nota", "ricorso di 0102")
        expect("esecuzione n. 4" in out and "sostituisce la n. 3" in out, "nuova esecuzione di un anno chiuso", out)
        out, _ = run(misura, ex, "storico")
        expect("\n4;2020;Comune di Chieve;" in out and ";no;3;9;" in out, "storico: la 4 sostituisce la 3", out)
        expect("\n1;2020;Comune di Chieve;" in out and ";Ufficio personale;" in out and ";sì;;9;" in out,
               "storico: la 1 è chiusa", out)
        out, _ = run(misura, ex, "confronta", "3", "4")
        expect("9 persone hanno lo stesso risultato in A e in B." in out, "confronta 3 4: nessuna differenza", out)

        # What-if: two regolamenti on the same data, nothing archived.
        out, _ = run(misura, tmp, "confronta", "base.misura", "peso60.misura", "--dati", "esempio/dati")
        expect("peso dell'obiettivo OB1: 50 → 60" in out and "Passaggi di fascia: nessuno." in out,
               "confronta REG1 REG2", out)
        expect("esecuzione n." not in out, "il confronto «e se» non è un'esecuzione archiviata", out)

        # --file: run 3 (0102 OB1 at 70%) against the regolamento evaluated now
        # on a corrected copy with another name (92% again); the file keeps its
        # declared name and says which file was read.
        with open(os.path.join(ex, "dati", "rilevazioni.csv"), encoding="utf-8") as f:
            corrected = f.read().replace("0102;OB1;70%;", "0102;OB1;92%;", 1)
        with open(os.path.join(tmp, "rettifica.csv"), "w", encoding="utf-8") as f:
            f.write(corrected)
        out, _ = run(misura, ex, "confronta", "3", "regolamento.misura", "--dati", "dati",
                     "--file", "rilevazioni.csv=../rettifica.csv")
        expect("valore misurato dell'obiettivo OB1: 70% → 92%" in out, "confronta con --file: il valore", out)
        expect("dati rilevazioni.csv: sha256" in out and "rettifica.csv» (--file)" in out,
               "confronta con --file: il file letto al posto di rilevazioni.csv", out)

        _, err = run(misura, ex, "confronta", "1", "99", code=1)
        expect("E0722" in err, "confronta con un'esecuzione che non c'è", err)
        _, err = run(misura, ex, "confronta", "base.misura", "peso60.misura", code=2)
        expect("manca --dati" in err, "confronta di regolamenti senza --dati", err)

    if errors:
        print("\n\n".join(errors))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
