# fincheck_add_data(<subdir> FILES <file>...)
#
# Stages data files (rule packs, lexicons, schemas) into the build tree's share/fincheck/<subdir>
# at build time, so the build tree works like an installed prefix, and installs them there.
function(fincheck_add_data subdir)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(staged "")
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(abs "${file}" ABSOLUTE)
    get_filename_component(name "${file}" NAME)
    set(out "${FINCHECK_DATA_BUILD_DIR}/${subdir}/${name}")
    add_custom_command(OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${abs}" "${out}"
      DEPENDS "${abs}" VERBATIM)
    list(APPEND staged "${out}")
  endforeach()
  string(MAKE_C_IDENTIFIER "fincheck_data_${subdir}" target)
  if(TARGET ${target})
    message(FATAL_ERROR "fincheck_add_data(${subdir}) called twice; list all files in one call")
  endif()
  add_custom_target(${target} ALL DEPENDS ${staged})
  install(FILES ${ARG_FILES} DESTINATION "${FINCHECK_DATA_INSTALL_DIR}/${subdir}" COMPONENT data)
endfunction()
