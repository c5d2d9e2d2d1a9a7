#!/bin/sh
# W1 runner (see README.md beside this file): bench/w1/run.sh IN.csv OUT.csv
# Runs `misura valuta w1.misura --tempi` on a temporary data folder where IN.csv
# is linked as w1.csv, converts Misura's CSV into W1's output CSV and prints the
# timing lines and the CHECKSUM line of ../shared/peers/README.md.
# (No `exec` on the last step: the trap must remove the temporary folder.)
# The binary is $MISURA when set, else build/misura of this project.
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 IN.csv OUT.csv" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
misura=${MISURA:-$here/../../build/misura}
in=$(realpath "$1")
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/dati"
ln -s "$in" "$tmp/dati/w1.csv"
if ! "$misura" valuta "$here/w1.misura" --dati "$tmp/dati" --formato csv --uscita "$tmp/risultati.csv" \
     --tempi >/dev/null 2>"$tmp/stderr"; then
  cat "$tmp/stderr" >&2
  echo "$0: misura valuta failed on $1" >&2
  exit 1
fi
# The output step: converti.cpp as built beside misura (build/bench/), else
# convert.py (the same in Python; MISURA_W1_CONVERTI=python forces it).
converter=$(dirname "$misura")/bench/misura_w1_converti
if [ "${MISURA_W1_CONVERTI:-}" != python ] && [ -x "$converter" ]; then
  "$converter" "$tmp/risultati.csv" "$out" "$tmp/stderr"
else
  python3 "$here/convert.py" "$tmp/risultati.csv" "$out" "$tmp/stderr"
fi
