#!/usr/bin/env bash
# Runs the whole test suite (unit tests, golden tests, examples).
# Configures and builds build/ first when needed (setup.sh installs the
# packages). Usage: bash tools/test.sh [extra ctest arguments, e.g. -R golden]
#
#   bash tools/test.sh --sanitizers [extra ctest arguments]
#       the same suite on a build with AddressSanitizer and
#       UndefinedBehaviorSanitizer (MISURA_SANITIZE=ON) in build-asan/
#       (MISURA_ASAN_BUILD_DIR): any memory error or undefined behaviour
#       stops the test that met it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${MISURA_BUILD_DIR:-build}"
configure=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)

if [ "${1:-}" = "--sanitizers" ]; then
  shift
  build_dir="${MISURA_ASAN_BUILD_DIR:-build-asan}"
  configure+=(-DMISURA_SANITIZE=ON)
  # exitcode 86: a finding is never mistaken for misura's own exit codes.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:exitcode=86:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=86}"
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" "${configure[@]}"
fi
cmake --build "$build_dir" -j2
ctest --test-dir "$build_dir" --output-on-failure "$@"
