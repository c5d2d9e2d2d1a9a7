#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into DIR/<target>/ (fresh each
# time) from examples/ and tests/golden/. Usage: bash fuzz/seeds.sh DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
rm -rf "$out"
mkdir -p "$out"/{regolamento,csv,numeri,valutazione,xlsx}

n=0
while IFS= read -r f; do
  n=$((n + 1))
  cp "$f" "$out/regolamento/$n.misura"
done < <(find "$root/examples" "$root/tests/golden" "$root/stdlib" -name '*.misura' | sort)

# csv: first byte = encoding and separator (fuzz/csv.cpp); 0 = UTF-8, detected.
n=0
while IFS= read -r f; do
  n=$((n + 1))
  { printf '\000'; head -c 8000 "$f"; } > "$out/csv/$n"
done < <(find "$root/examples" "$root/tests/golden" -name '*.csv' | sort)

# numeri: cells and literals as written.
n=0
for s in 12 -3 0,5 1.234,56 1234,56 1.234.567 85% "85,5 %" "€ 1.234,56" 1.5 1.23,4 31/12/2024 2024-12-31 \
         29/02/2024 31-12-2024 sì no vero falso 0 -0,0 +7 " 42 " 999999999999999999,999; do
  n=$((n + 1))
  printf '%s' "$s" > "$out/numeri/$n"
done

# valutazione: the data of examples/lurano-2024 (the three files joined by "%%").
d="$root/examples/lurano-2024/dati"
{ cat "$d/personale.csv"; printf '\n%%%%\n'; cat "$d/rilevazioni.csv"; printf '\n%%%%\n'; cat "$d/valutazioni.csv"; } \
  > "$out/valutazione/lurano"
head -3 "$d/personale.csv" > "$out/valutazione/personale-corto"

# xlsx: every workbook of the tests and examples; first byte = options (fuzz/xlsx.cpp).
n=0
while IFS= read -r f; do
  n=$((n + 1))
  { printf '\000'; cat "$f"; } > "$out/xlsx/$n"
done < <(find "$root/examples" "$root/tests/golden" -name '*.xlsx' | sort)
