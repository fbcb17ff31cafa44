# fincheck_add_plugin(<name> SOURCES <src>... [LINK <targets>...] [NO_INSTALL])
#
# Builds a rule plugin as a MODULE library named fincheck_<name>.so with hidden visibility
# (only the FINCHECK_PLUGIN alias is exported), links it against the SDK and installs it
# into the plugin folder the host searches.
function(fincheck_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LINK" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "fincheck_add_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE fincheck::sdk ${ARG_LINK})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "fincheck_${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  elseif(DEFINED FINCHECK_PLUGIN_BUILD_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${FINCHECK_PLUGIN_BUILD_DIR}")
  endif()
  if(COMMAND fincheck_target_defaults)
    fincheck_target_defaults(${name})
  endif()
  if(NOT ARG_NO_INSTALL AND DEFINED FINCHECK_PLUGIN_INSTALL_DIR)
    install(TARGETS ${name} LIBRARY DESTINATION "${FINCHECK_PLUGIN_INSTALL_DIR}" COMPONENT plugins)
  endif()
endfunction()
