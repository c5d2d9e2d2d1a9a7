#!/usr/bin/env python3
"""A run killed with SIGKILL in the middle of `misura archivia` loses nothing
that was committed and leaves no partial run (docs/architettura.md, the archive).

Usage: archivio_kill.py MISURA EXAMPLE_DIR

The example is copied into a temporary folder. One run is archived in full;
then `misura archivia` is started again three times with the test hook
MISURA_PROVA_PAUSA_ARCHIVIO=N (runtime/archive/store.h), which stops inside the
transaction after N persons' rows — at the start, half-way and just before
COMMIT — and is killed there with SIGKILL. After each kill the archive must pass
PRAGMA integrity_check, hold exactly the committed runs, each complete (as many
`risultato` rows as its `persone`, its files and funds), and no row of the
killed run. A last full run must then be written normally.
Uses only the Python standard library (sqlite3).
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def fail(message):
    print("ERRORE: " + message)
    sys.exit(1)


def check(db, expected_runs):
    con = sqlite3.connect(db)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            fail("integrity_check: " + ok)
        runs = con.execute("SELECT id, persone, autore FROM esecuzione ORDER BY id").fetchall()
        if [r[2] for r in runs] != expected_runs:
            fail("esecuzioni presenti %r, attese %r" % ([r[2] for r in runs], expected_runs))
        for run_id, persons, author in runs:
            rows = con.execute("SELECT count(*) FROM risultato WHERE esecuzione = ?", (run_id,)).fetchone()[0]
            files = con.execute("SELECT count(*) FROM file WHERE esecuzione = ? AND tipo = 'dati'",
                                (run_id,)).fetchone()[0]
            if rows != persons or persons == 0 or files == 0:
                fail("esecuzione %d (%s) incompleta: %d righe su %d persone, %d file" % (run_id, author, rows, persons, files))
        ids = {r[0] for r in runs}
        for table in ("risultato", "file", "fondo"):
            orphans = con.execute("SELECT count(*) FROM %s WHERE esecuzione NOT IN (SELECT id FROM esecuzione)" % table).fetchone()[0]
            if orphans:
                fail("%d righe di %s senza esecuzione" % (orphans, table))
        return ids
    finally:
        con.close()


def archive(misura, folder, db, author, pause=None):
    cmd = [misura, "archivia", "regolamento.misura", "--dati", "dati", "--archivio", db, "--autore", author]
    env = dict(os.environ)
    env.pop("MISURA_PROVA_PAUSA_ARCHIVIO", None)
    if pause is None:
        done = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            fail("archivia (%s) uscito con %d: %s" % (author, done.returncode, done.stderr))
        return
    env["MISURA_PROVA_PAUSA_ARCHIVIO"] = str(pause)
    child = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while True:
        line = child.stderr.readline()
        if line.startswith("pausa"):
            break
        if not line or time.time() > deadline:
            child.kill()
            fail("archivia (%s) non si è fermato nella transazione" % author)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    if child.returncode != -signal.SIGKILL:
        fail("archivia (%s) non è stato ucciso: codice %r" % (author, child.returncode))


def main():
    misura, example = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "esempio")
        shutil.copytree(example, folder)
        db = os.path.join(tmp, "archivio.misura.db")
        archive(misura, folder, db, "prima")
        con = sqlite3.connect(db)
        persons = con.execute("SELECT persone FROM esecuzione").fetchone()[0]
        con.close()
        committed = ["prima"]
        for pause in (0, persons // 2, persons):
            archive(misura, folder, db, "uccisa dopo %d righe" % pause, pause)
            check(db, committed)
        archive(misura, folder, db, "dopo")
        committed.append("dopo")
        check(db, committed)
        print("ok: %d esecuzioni uccise senza danni, %d integre" % (3, len(committed)))


if __name__ == "__main__":
    main()
