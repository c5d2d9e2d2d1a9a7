# The optional JIT (runtime/jit/jit.h): the plugin libmisura_jit.so, built
# when LLVM 14 is found (Debian's llvm-14-dev). misura loads it only when a
# run asks for the JIT, so misura itself never links libLLVM; without it
# everything runs on the integer machine.
#
# Off by default in sanitizer builds: LLVM's libraries are not instrumented
# and the JIT's code cannot be, so those builds check the rest.
if(MISURA_SANITIZE)
  set(misura_jit_default OFF)
else()
  set(misura_jit_default ON)
endif()
option(MISURA_JIT "Build the LLVM 14 JIT plugin when LLVM 14 is installed" ${misura_jit_default})

if(MISURA_JIT)
  enable_language(C)  # LLVMConfig.cmake checks its dependencies with C test programs
  find_package(LLVM 14 CONFIG QUIET HINTS /usr/lib/llvm-14/lib/cmake/llvm)
endif()

if(MISURA_JIT AND LLVM_FOUND)
  file(GLOB jit_srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/runtime/jit/llvm/*.cpp)
  add_library(misura_jit MODULE ${jit_srcs})
  target_include_directories(misura_jit PRIVATE ${PROJECT_SOURCE_DIR})
  target_include_directories(misura_jit SYSTEM PRIVATE ${LLVM_INCLUDE_DIRS})
  separate_arguments(misura_llvm_definitions UNIX_COMMAND "${LLVM_DEFINITIONS}")
  target_compile_definitions(misura_jit PRIVATE ${misura_llvm_definitions})
  target_compile_options(misura_jit PRIVATE ${MISURA_WARNINGS})
  target_link_libraries(misura_jit PRIVATE LLVM)
  set_target_properties(misura_jit PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  target_compile_definitions(misura_jit_host PRIVATE MISURA_JIT_PLUGIN="$<TARGET_FILE:misura_jit>")
  install(TARGETS misura_jit LIBRARY DESTINATION lib/misura)
  message(STATUS "JIT: LLVM ${LLVM_PACKAGE_VERSION}, plugin libmisura_jit.so")
else()
  message(STATUS "JIT: not built (MISURA_JIT=${MISURA_JIT}, LLVM 14 found: ${LLVM_FOUND})")
endif()
