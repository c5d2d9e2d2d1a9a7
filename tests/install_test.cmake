# ctest `installazione/stdlib`: installs misura into a scratch prefix and
# checks that the installed binary finds the standard library beside it
# (<prefix>/share/misura/stdlib) — not the source tree's stdlib/, which only
# the binary of the build tree uses.
# Variables: BUILD (the build tree), PREFIX (scratch prefix), CASE (a
# regolamento that uses a stdlib module).
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install non riuscito (${rc})")
endif()
if(NOT EXISTS ${PREFIX}/share/misura/stdlib/indicatori/base.misura)
  message(FATAL_ERROR "la libreria standard non è installata in ${PREFIX}/share/misura/stdlib")
endif()
get_filename_component(case_dir ${CASE} DIRECTORY)
execute_process(COMMAND ${PREFIX}/bin/misura verifica ${CASE} WORKING_DIRECTORY ${case_dir}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${PREFIX})
if(NOT rc EQUAL 0 OR NOT out STREQUAL "nessun errore\n")
  message(FATAL_ERROR "misura installato: codice ${rc}\n${out}${err}")
endif()
