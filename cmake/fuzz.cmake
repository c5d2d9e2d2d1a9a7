# MISURA_FUZZ=ON: the libFuzzer targets of fuzz/ (see fuzz/README.md), with
# every library of the project instrumented for coverage and built with
# AddressSanitizer and UndefinedBehaviorSanitizer. Needs clang (Debian:
# clang-14, libfuzzer-14-dev) and its own build folder; tools/fuzz.sh does it:
#   CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DMISURA_FUZZ=ON
option(MISURA_FUZZ "Build the libFuzzer targets (clang only, separate build folder)" OFF)
if(MISURA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MISURA_FUZZ richiede clang (CXX=clang++-14): libFuzzer esiste solo in clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
