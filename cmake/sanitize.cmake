# MISURA_SANITIZE=ON: every target of the project (the generated parser
# included) is built with AddressSanitizer and UndefinedBehaviorSanitizer,
# stopping at the first finding. Use a separate build folder:
#   bash tools/test.sh --sanitizers     (build-asan/, the whole ctest suite)
# The ANTLR runtime, GMP and the other Debian libraries are not instrumented.
option(MISURA_SANITIZE "Build with -fsanitize=address,undefined (separate build folder)" OFF)
if(MISURA_SANITIZE)
  set(misura_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${misura_sanitize_flags})
  add_link_options(-fsanitize=address,undefined)
endif()
