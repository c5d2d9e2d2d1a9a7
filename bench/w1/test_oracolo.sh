#!/bin/sh
# ctest bench/w1_oracolo: bench/w1/run.sh against W1's exact oracle.
#   test_oracolo.sh PEERS_DIR
# Always: the two hand-made fixtures (copied from the peers' fixtures/, with the
# oracle's output and CHECKSUM line), byte for byte. Then, when PEERS_DIR
# (../shared/peers beside the repository) exists: a 10,000-row input from its
# gen.py, compared with its python/w1_oracle.py. Without PEERS_DIR that part
# cannot run: the test says so and exits 77 (ctest: skipped, not passed).
# MISURA (the binary) is passed on to run.sh through the environment.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
peers=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

check() {  # check NAME IN.csv EXPECTED.csv EXPECTED_CHECKSUM_LINE
  if ! "$here/run.sh" "$2" "$tmp/$1.csv" > "$tmp/$1.stdout" 2> "$tmp/$1.stderr"; then
    echo "FAIL $1: run.sh failed"; cat "$tmp/$1.stderr"; failed=1; return
  fi
  if ! cmp -s "$tmp/$1.csv" "$3"; then
    echo "FAIL $1: output differs from the oracle's"; diff "$3" "$tmp/$1.csv" | head -20; failed=1; return
  fi
  got=$(grep '^CHECKSUM ' "$tmp/$1.stdout" || true)
  if [ "$got" != "$4" ]; then
    echo "FAIL $1: checksum line"; echo "  expected: $4"; echo "  got:      $got"; failed=1; return
  fi
  for line in READ_SECONDS SCORE_SECONDS SPLIT_SECONDS EVAL_SECONDS WRITE_SECONDS; do
    grep -q "^$line [0-9]" "$tmp/$1.stdout" || { echo "FAIL $1: no $line line"; failed=1; return; }
  done
  echo "PASS $1"
}

for f in edge zero_weight; do
  check "$f" "$here/fixtures/$f.csv" "$here/fixtures/$f.expected.csv" "$(cat "$here/fixtures/$f.expected.checksum")"
done
# The Python output step too (run.sh uses converti.cpp when it is built).
export MISURA_W1_CONVERTI=python
check edge_python "$here/fixtures/edge.csv" "$here/fixtures/edge.expected.csv" "$(cat "$here/fixtures/edge.expected.checksum")"
unset MISURA_W1_CONVERTI

if [ ! -f "$peers/gen.py" ] || [ ! -f "$peers/python/w1_oracle.py" ]; then
  [ "$failed" -eq 0 ] || exit 1
  echo "SKIPPED: $peers (the W1 peers folder, ../shared/peers beside the repository) is absent:"
  echo "the 10,000-row comparison with python/w1_oracle.py did not run (the fixtures above passed)."
  exit 77
fi
python3 "$peers/gen.py" 10000 "$tmp/w1_10000.csv" > /dev/null
python3 "$peers/python/w1_oracle.py" "$tmp/w1_10000.csv" "$tmp/oracle_10000.csv" > "$tmp/oracle_10000.stdout"
check w1_10000 "$tmp/w1_10000.csv" "$tmp/oracle_10000.csv" "$(grep '^CHECKSUM ' "$tmp/oracle_10000.stdout")"
exit "$failed"
