#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/README.md) into build-fuzz/ with clang
# and runs each of them for SECONDS seconds (default 60), one after the other,
# at the lowest priority (nice -n 19). Usage: bash tools/fuzz.sh [SECONDS] [TARGET...]
#
# Needs the Debian packages clang-14 and libfuzzer-14-dev (not needed by the
# normal build):  bash tools/setup.sh --fuzz
#
# Corpora grow in build-fuzz/corpus/<target>/ (kept between runs), seeded from
# examples/ and tests/golden/; a crash is written to build-fuzz/crash/<target>-*
# and makes the script exit 1. The last line of each log (build-fuzz/log/) gives
# the executions (#N), the coverage (cov: edges, ft: features) and the corpus.
# Environment: MISURA_FUZZ_BUILD_DIR (default build-fuzz), MISURA_FUZZ_JOBS
# (libFuzzer -jobs per target, default 1), MISURA_FUZZ_PARALLEL=1 (all targets
# at the same time instead of one after the other), CXX (default clang++-14).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(regolamento csv numeri valutazione xlsx)
build_dir="${MISURA_FUZZ_BUILD_DIR:-build-fuzz}"
cxx="${CXX:-clang++-14}"
jobs="${MISURA_FUZZ_JOBS:-1}"

if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "fuzz.sh: manca $cxx: installalo con  bash tools/setup.sh --fuzz  (clang-14, libfuzzer-14-dev)" >&2
  exit 2
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  CXX="$cxx" cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMISURA_FUZZ=ON
fi
nice -n 19 cmake --build "$build_dir" -j2 --target $(printf 'misura_fuzz_%s ' "${targets[@]}")

# The dictionary: every literal of the grammar (keywords, operators), from
# the grammar itself so that it follows it.
dict="$build_dir/misura.dict"
grep -o "'[^']*'" grammar/Misura.g4 | sort -u | sed "s/^'\(.*\)'\$/\1/" |
  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/' |
  LC_ALL=C perl -pe 's/([\x80-\xff])/sprintf("\\x%02X", ord($1))/ge' > "$dict"  # libFuzzer: non-ASCII as \xNN

seeds="$build_dir/seeds"
bash fuzz/seeds.sh "$seeds"
mkdir -p "$build_dir/corpus" "$build_dir/crash" "$build_dir/log"

# Runs target $1 for $seconds; its log in $build_dir/log/$1.log.
run_target() {
  local t="$1" corpus="$build_dir/corpus/$1" log="$build_dir/log/$1.log"
  mkdir -p "$corpus"
  local options=(-max_total_time="$seconds" -artifact_prefix="$build_dir/crash/$t-" -print_final_stats=1
                 -timeout=30 -rss_limit_mb=2048)
  case "$t" in
    regolamento) options+=(-dict="$dict" -max_len=16384) ;;
    csv) options+=(-max_len=8192) ;;
    numeri) options+=(-max_len=128) ;;
    valutazione) options+=(-max_len=16384) ;;
    xlsx) options+=(-max_len=65536) ;;
  esac
  if [ "$jobs" -gt 1 ]; then options+=(-jobs="$jobs" -workers="$jobs"); fi
  nice -n 19 "$build_dir/fuzz/misura_fuzz_$t" "${options[@]}" "$corpus" "$seeds/$t" >"$log" 2>&1
}

# The figures of a finished run: executions, coverage, corpus.
summary() {
  local t="$1" log="$build_dir/log/$1.log"
  grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/^/   /' || true
  grep -E '^stat::number_of_executed_units' "$log" | sed 's/^/   /' || true
  echo "   corpus: $(find "$build_dir/corpus/$t" -type f | wc -l) file"
}

status=0
if [ "${MISURA_FUZZ_PARALLEL:-0}" = 1 ]; then
  # All targets at once (each still at nice 19), for a machine with cores to spare.
  declare -A pids
  for t in "${targets[@]}"; do
    echo "== $t: $seconds s (registro: $build_dir/log/$t.log)"
    run_target "$t" & pids[$t]=$!
  done
  for t in "${targets[@]}"; do
    if ! wait "${pids[$t]}"; then
      echo "   ERRORE: $t si è fermato (vedi $build_dir/log/$t.log e $build_dir/crash/)" >&2
      status=1
    fi
    echo "== $t"
    summary "$t"
  done
  exit $status
fi
for t in "${targets[@]}"; do
  echo "== $t: $seconds s (registro: $build_dir/log/$t.log)"
  if ! run_target "$t"; then
    echo "   ERRORE: $t si è fermato (vedi $build_dir/log/$t.log e $build_dir/crash/)" >&2
    status=1
  fi
  summary "$t"
done
exit $status
