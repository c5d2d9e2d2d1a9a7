#!/usr/bin/env bash
# The printable documents end to end (docs/guida.md § 15): for an example,
# `misura scheda` and `misura graduatoria` in HTML are rendered by headless
# Chromium (a PNG screenshot, checked non-trivial) and in PDF are rasterised
# by pdftoppm (page count) and read back by pdftotext: the person's name and
# total, the sum of the premi and "Pagina N di N" must be there. The values
# come from `misura valuta --formato csv`, not from this script. Chromium and
# poppler-utils are required (tools/setup.sh installs them): missing tools
# fail the test, they are never skipped.
#   usage: schede_pdf.sh MISURA EXAMPLE_DIR MATRICOLA
set -euo pipefail
misura=$1 example=$2 matricola=$3
fail() { echo "FALLITO: $*" >&2; exit 1; }
for tool in chromium pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || fail "manca $tool (pacchetti Debian chromium e poppler-utils, tools/setup.sh)"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$example"

"$misura" valuta regolamento.misura --dati dati --formato csv >"$work/risultati.csv"
# matricola;nominativo;profilo;stato;totale;fascia;premio
row=$(awk -F';' -v m="$matricola" '$1 == m' "$work/risultati.csv")
[ -n "$row" ] || fail "matricola $matricola non trovata nel CSV"
nominativo=$(cut -d';' -f2 <<<"$row")
totale=$(cut -d';' -f5 <<<"$row")
premio=$(cut -d';' -f7 <<<"$row")
[ -n "$totale" ] || fail "la matricola $matricola non ha un totale nel CSV"
# Sum of the premi in cents, written as the graduatoria writes euro ("12.345,67 €").
cents=$(awk -F';' 'NR > 1 && $7 != "" { split($7, p, ","); s += p[1] * 100 + p[2] } END { print s + 0 }' \
  "$work/risultati.csv")
euro_it() {  # cents -> "12.345,67"
  local int=$(( $1 / 100 )) dec=$(printf '%02d' $(( $1 % 100 ))) out=""
  while [ ${#int} -gt 3 ]; do out=".${int: -3}$out"; int=${int:0:${#int}-3}; done
  echo "$int$out,$dec"
}
somma=$(euro_it "$cents")
with_dots() { euro_it "$(tr -d ',' <<<"$1" | sed 's/^0*//')"; }  # "1385,94" -> "1.385,94"

"$misura" scheda regolamento.misura --dati dati --persona "$matricola" --uscita "$work/scheda.html" >/dev/null
"$misura" graduatoria regolamento.misura --dati dati --uscita "$work/graduatoria.html" >/dev/null
"$misura" scheda regolamento.misura --dati dati --persona "$matricola" --formato pdf --uscita "$work/scheda.pdf" \
  >/dev/null
"$misura" graduatoria regolamento.misura --dati dati --uscita "$work/graduatoria.pdf" >/dev/null

# 1. Screenshots of the HTML: a real PNG, not a blank page (a blank A4-wide
# PNG compresses to a few KB).
for doc in scheda graduatoria; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profilo" \
    --window-size=900,1300 --screenshot="$work/$doc.png" "file://$work/$doc.html" >/dev/null 2>&1 ||
    fail "chromium --screenshot non riuscito per $doc"
  [ "$(head -c 8 "$work/$doc.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$doc.png non è un PNG"
  size=$(stat -c %s "$work/$doc.png")
  [ "$size" -gt 30000 ] || fail "$doc.png troppo piccolo ($size byte): pagina vuota?"
done

# 2. The PDFs: pages rasterised, page numbers, the numbers of the CSV.
for doc in scheda graduatoria; do
  pages=$(pdfinfo "$work/$doc.pdf" | awk '/^Pages:/ { print $2 }')
  pdftoppm -r 40 -png "$work/$doc.pdf" "$work/$doc-pagina"
  images=$(ls "$work/$doc"-pagina*.png | wc -l)
  [ "$images" -eq "$pages" ] || fail "$doc.pdf: $pages pagine ma pdftoppm ne ha prodotte $images"
  [ "$pages" -ge 1 ] && [ "$pages" -le 8 ] || fail "$doc.pdf: $pages pagine, atteso da 1 a 8"
  pdftotext -layout "$work/$doc.pdf" "$work/$doc.txt"
  grep -qF "Pagina $pages di $pages" "$work/$doc.txt" || fail "$doc.pdf: manca «Pagina $pages di $pages»"
  grep -qF "$nominativo" "$work/$doc.txt" || fail "$doc.pdf: manca il nominativo «$nominativo»"
  grep -qF "$totale" "$work/$doc.txt" || fail "$doc.pdf: manca il totale $totale"
done
if [ -n "$premio" ]; then
  grep -qF "$(with_dots "$premio") €" "$work/scheda.txt" || fail "scheda.pdf: manca il premio $premio"
fi
grep -qF "$somma €" "$work/graduatoria.txt" || fail "graduatoria.pdf: manca la somma dei premi $somma €"
# No one else's name on the scheda.
others=$(awk -F';' -v m="$matricola" 'NR > 1 && $1 != m && $2 != "" { print $2 }' "$work/risultati.csv")
while IFS= read -r other; do
  [ -z "$other" ] || ! grep -qF "$other" "$work/scheda.txt" || fail "la scheda contiene il nome di «$other»"
done <<<"$others"

# 3. Every person's scheda into a folder, one file per matricola.
"$misura" scheda regolamento.misura --dati dati --tutte --cartella "$work/schede" >/dev/null
persons=$(($(wc -l <"$work/risultati.csv") - 1))
written=$(ls "$work/schede"/*.html | wc -l)
[ "$written" -eq "$persons" ] || fail "--tutte: $written schede per $persons persone"

# 4. Chromium missing: an Italian error with its code, exit 1, no file.
set +e
MISURA_CHROMIUM=/nonexistent/chromium "$misura" graduatoria regolamento.misura --dati dati \
  --uscita "$work/mancante.pdf" 2>"$work/err.txt" >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || fail "senza chromium il codice di uscita è $code, atteso 1"
grep -qF "errore[E0710]" "$work/err.txt" || fail "senza chromium manca E0710: $(cat "$work/err.txt")"
[ ! -e "$work/mancante.pdf" ] || fail "senza chromium è stato scritto un file"

# 5. Chromium that fails or hangs: E0711, the previous file untouched, the
# hanging one killed after MISURA_CHROMIUM_SECONDI.
printf '#!/bin/sh\necho "errore finto di chromium" >&2\nexit 3\n' >"$work/chromium-rotto"
printf '#!/bin/sh\nsleep 30 &\nsleep 30\n' >"$work/chromium-lento"
chmod +x "$work/chromium-rotto" "$work/chromium-lento"
for fake in rotto lento; do
  echo vecchio >"$work/vecchio.pdf"
  start=$(date +%s)
  set +e
  MISURA_CHROMIUM="$work/chromium-$fake" MISURA_CHROMIUM_SECONDI=2 "$misura" graduatoria regolamento.misura \
    --dati dati --uscita "$work/vecchio.pdf" 2>"$work/err.txt" >/dev/null
  code=$?
  set -e
  [ "$code" -eq 1 ] || fail "chromium $fake: codice di uscita $code, atteso 1"
  grep -qF "errore[E0711]" "$work/err.txt" || fail "chromium $fake: manca E0711: $(cat "$work/err.txt")"
  [ "$(cat "$work/vecchio.pdf")" = vecchio ] || fail "chromium $fake: il file precedente è stato toccato"
  [ $(( $(date +%s) - start )) -lt 15 ] || fail "chromium $fake: non fermato dopo il tempo massimo"
done
grep -qF "errore finto di chromium" <(MISURA_CHROMIUM="$work/chromium-rotto" "$misura" graduatoria \
  regolamento.misura --dati dati --uscita "$work/x.pdf" 2>&1) || fail "il messaggio di chromium non è riportato"

echo "ok: $(basename "$example") (scheda $matricola, totale $totale; premi $somma €)"
