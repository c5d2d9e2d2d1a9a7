#!/usr/bin/env bash
# Installs what Misura needs on Debian 12 and builds it into build/.
# Run as root (or as a user with sudo) from anywhere:  bash tools/setup.sh
# Safe to run again: apt installs nothing new, the build only redoes what changed.
# With --fuzz it also installs what tools/fuzz.sh needs (clang and libFuzzer;
# the normal build does not use them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${MISURA_BUILD_DIR:-$root/build}"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "setup.sh: servono i permessi di root per installare i pacchetti (esegui come root)" >&2
    exit 1
  fi
fi

packages=(
  build-essential       # g++ 12, make
  cmake                 # 3.25
  ninja-build
  pkg-config            # finds gmp/gmpxx
  antlr4                # the parser generator (Java)
  default-jre-headless  # the Java runtime antlr4 runs on
  libantlr4-runtime-dev # the C++ runtime of the generated parser
  libgmp-dev            # exact rational arithmetic
  libfmt-dev
  nlohmann-json3-dev
  libcli11-dev
  catch2
  libzip-dev            # XLSX data files: the zip container
  libexpat1-dev         # XLSX data files: the XML inside
  libxlsxwriter-dev     # valuta --formato xlsx: the workbook for the payroll office
  python3-openpyxl      # tests/xlsx_uscita.sh reads that workbook back
  libsqlite3-dev        # misura archivia/storico/confronta: the archive of the runs
  nettle-dev            # SHA-256 of the regolamento, modules and data files archived
  python3               # bench/w1: the W1 oracle ctest (gen.py, w1_oracle.py), convert.py
  zlib1g-dev            # bench/w1/converti.cpp: CRC-32 of the W1 output
  chromium              # scheda / graduatoria --formato pdf (headless --print-to-pdf); tests/schede_pdf.sh
  poppler-utils         # tests/schede_pdf.sh: pdftoppm, pdftotext, pdfinfo read the PDFs back
  fonts-dejavu-core     # the documents' font: accents and € in the PDF on a bare system
  llvm-14-dev           # the optional JIT plugin (runtime/jit, cmake/jit.cmake); the build works without it
)

# Only for tools/fuzz.sh (bash tools/setup.sh --fuzz).
fuzz_packages=(
  clang-14              # libFuzzer exists only in clang
  libfuzzer-14-dev
)
if [ "${1:-}" = "--fuzz" ]; then
  packages+=("${fuzz_packages[@]}")
fi

echo "== Installazione dei pacchetti Debian =="
export DEBIAN_FRONTEND=noninteractive
# The JRE's post-install script needs this folder, which minimal images drop.
$sudo mkdir -p /usr/share/man/man1
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"

echo "== Configurazione e compilazione in $build_dir =="
# -j2: the ANTLR-generated parser is large; more jobs only add memory pressure.
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j2

echo "== Fatto: $build_dir/misura =="
