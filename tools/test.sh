#!/usr/bin/env bash
# Runs the whole test suite (unit tests, golden tests, examples).
# Configures and builds build/ first when needed (setup.sh installs the
# packages). Usage: bash tools/test.sh [extra ctest arguments, e.g. -R golden]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${MISURA_BUILD_DIR:-build}"

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build_dir" -j2
ctest --test-dir "$build_dir" --output-on-failure "$@"
