# Installation, the exported SDK package and the Debian package.
#
# Included once, at the end of the top-level CMakeLists.txt, when every target exists. The
# installed prefix has the same layout as the build tree (bin/, lib/fincheck/plugins/,
# share/fincheck/) so the host finds its plugins and data relative to its own executable, plus
# what a third-party rule author builds against:
#   include/fincheck/*.hpp                      the SDK headers, and report_xml.hpp (host/report_xml)
#   lib/libfincheck_{sdk,report_xml,testing}.a  the SDK libraries (static, PIC)
#   lib/cmake/fincheck/                          find_package(fincheck) → fincheck::sdk,
#                                                fincheck::report_xml, fincheck::testing and
#                                                fincheck_add_plugin()
#   share/doc/fincheck/*.md, rules/              the docs: SDK, tutorial, formats, rule pages
#   share/doc/fincheck/template/                 sdk/template, the plugin to copy
#   share/man/man1/fincheck.1, share/bash-completion/completions/fincheck   (host/cli)
include(CMakePackageConfigHelpers)

# Fixed "lib", not CMAKE_INSTALL_LIBDIR: the host looks for ../lib/fincheck/plugins next to
# bin/, and the package config finds its prefix from lib/cmake/fincheck, on every distribution.
set(FINCHECK_INSTALL_LIBDIR "lib")
set(FINCHECK_INSTALL_CMAKEDIR "${FINCHECK_INSTALL_LIBDIR}/cmake/fincheck")

# ---- versions ---------------------------------------------------------------------------
# FINCHECK_SDK_VERSION, FINCHECK_ABI_MAJOR/MINOR/VERSION: read from version.hpp by sdk/.

# ---- the host ---------------------------------------------------------------------------
# "host" owns the fincheck executable and may install it itself. CMake cannot ask a target
# whether it already has an install rule, so look for one in host/; install it here only when
# there is none, so that bin/fincheck is installed exactly once.
if(TARGET fincheck)
  set(_fincheck_host_installs_itself OFF)
  file(GLOB_RECURSE _fincheck_host_lists "${PROJECT_SOURCE_DIR}/host/CMakeLists.txt"
                                          "${PROJECT_SOURCE_DIR}/host/*.cmake")
  foreach(_list IN LISTS _fincheck_host_lists)
    file(READ "${_list}" _content)
    if(_content MATCHES "install[ \t]*\\([ \t\r\n]*TARGETS[^)]*[ \t\r\n]fincheck[ \t\r\n)]")
      set(_fincheck_host_installs_itself ON)
    endif()
  endforeach()
  if(NOT _fincheck_host_installs_itself)
    install(TARGETS fincheck RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
  endif()
  unset(_fincheck_host_lists)
  unset(_content)
endif()

# ---- the SDK libraries and headers ------------------------------------------------------
# fincheck_report_xml and fincheck_testing are built by "xml"; export whichever exist so the
# package stays installable while they are being written.
set(FINCHECK_EXPORTED_TARGETS "")
foreach(_target IN ITEMS fincheck_sdk fincheck_report_xml fincheck_testing)
  if(TARGET ${_target})
    list(APPEND FINCHECK_EXPORTED_TARGETS ${_target})
  endif()
endforeach()

# Inside the tree BOOST_DLL_USE_STD_FS is a directory-wide definition; an out-of-tree plugin
# must get it from the package, or Boost.DLL would want Boost.Filesystem and -ldl.
target_compile_definitions(fincheck_sdk INTERFACE $<INSTALL_INTERFACE:BOOST_DLL_USE_STD_FS>)

# Imported names without the fincheck_ prefix: fincheck::sdk, fincheck::report_xml, …
foreach(_target IN LISTS FINCHECK_EXPORTED_TARGETS)
  string(REGEX REPLACE "^fincheck_" "" _export_name "${_target}")
  set_target_properties(${_target} PROPERTIES EXPORT_NAME ${_export_name})
endforeach()

install(TARGETS ${FINCHECK_EXPORTED_TARGETS}
  EXPORT fincheckTargets
  ARCHIVE DESTINATION "${FINCHECK_INSTALL_LIBDIR}" COMPONENT sdk
  LIBRARY DESTINATION "${FINCHECK_INSTALL_LIBDIR}" COMPONENT sdk)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/sdk/include/fincheck/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/fincheck" COMPONENT sdk
  FILES_MATCHING PATTERN "*.hpp")
# The report XML reader and writer are host code (host/report_xml) that the installed test
# harness links: their one header goes beside the SDK's.
install(FILES "${PROJECT_SOURCE_DIR}/host/report_xml/include/fincheck/report_xml.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/fincheck" COMPONENT sdk)
install(EXPORT fincheckTargets
  NAMESPACE fincheck::
  FILE fincheckTargets.cmake
  DESTINATION "${FINCHECK_INSTALL_CMAKEDIR}" COMPONENT sdk)

# The package must find what the exported static libraries link, and only that.
set(_fincheck_links "")
foreach(_target IN LISTS FINCHECK_EXPORTED_TARGETS)
  get_target_property(_libs ${_target} LINK_LIBRARIES)
  get_target_property(_ilibs ${_target} INTERFACE_LINK_LIBRARIES)
  list(APPEND _fincheck_links ${_libs} ${_ilibs})
endforeach()
# fincheck::sdk itself needs pugixml, not only its static libraries: data_file.hpp (SDK 1.1)
# hands a plugin the pugixml document of its data file, so every plugin compiles against it.
set(FINCHECK_PACKAGE_DEPENDENCIES "find_dependency(Boost 1.74)\nfind_dependency(pugixml)\n")
if(_fincheck_links MATCHES "spdlog")
  string(APPEND FINCHECK_PACKAGE_DEPENDENCIES "find_dependency(spdlog)\n")
endif()
if(_fincheck_links MATCHES "GTest::")
  string(APPEND FINCHECK_PACKAGE_DEPENDENCIES "find_dependency(GTest)\n")
endif()
if(_fincheck_links MATCHES "Threads::")
  string(APPEND FINCHECK_PACKAGE_DEPENDENCIES "find_dependency(Threads)\n")
endif()
unset(_fincheck_links)
unset(_libs)
unset(_ilibs)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/sdk/cmake/fincheckConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/fincheckConfig.cmake"
  INSTALL_DESTINATION "${FINCHECK_INSTALL_CMAKEDIR}"
  PATH_VARS FINCHECK_PLUGIN_INSTALL_DIR FINCHECK_DATA_INSTALL_DIR CMAKE_INSTALL_INCLUDEDIR)
# The package version is the project version; a consumer asking for 1.x gets any 1.y.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/cmake/fincheckConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/cmake/fincheckConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/fincheckConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/sdk/cmake/FincheckPlugin.cmake"
  DESTINATION "${FINCHECK_INSTALL_CMAKEDIR}" COMPONENT sdk)

# ---- the docs and the plugin template ----------------------------------------------------
# A plugin author with only the package has the tutorial, the SDK reference and a template to
# copy. Under the doc directory, not share/fincheck: the host reads that as plugin data.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT sdk
  FILES_MATCHING PATTERN "*.md" PATTERN "*.png" PATTERN "*.svg")
# The rule pages live beside their plugins; installed, they sit beside the generated index
# (docs/rules/README.md) in <docdir>/rules/, with their links rewritten for that layout.
file(GLOB FINCHECK_RULE_PAGES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/plugins/*/rules/*.md"
     "${PROJECT_SOURCE_DIR}/host/import/rules/*.md")
install(FILES ${FINCHECK_RULE_PAGES} DESTINATION "${CMAKE_INSTALL_DOCDIR}/rules" COMPONENT sdk)
install(CODE "set(FINCHECK_RULE_DOC_DIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}/rules\")" COMPONENT sdk)
install(SCRIPT "${PROJECT_SOURCE_DIR}/cmake/FincheckRulePagesInstall.cmake" COMPONENT sdk)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/sdk/template/"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}/template" COMPONENT sdk)

# ---- the end-to-end package test ----------------------------------------------------------
if(FINCHECK_BUILD_TESTS AND EXISTS "${PROJECT_SOURCE_DIR}/tests/sdk_package/CMakeLists.txt")
  add_subdirectory("${PROJECT_SOURCE_DIR}/tests/sdk_package" "${PROJECT_BINARY_DIR}/tests/sdk_package")
endif()

# ---- Debian package -----------------------------------------------------------------------
# `cpack -G DEB` in the build directory → fincheck_<version>_amd64.deb with the host, the
# built-in plugins, the data and the SDK, installed under /usr.
set(CPACK_PACKAGE_NAME "fincheck")
set(CPACK_PACKAGE_VENDOR "fincheck project")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Audits Chinese government final-accounts disclosures (部门决算) for inconsistencies")
set(CPACK_PACKAGE_DESCRIPTION
  "fincheck loads a department final-accounts report (XML, or text extracted from the PDF), runs \
rule plugins over its nine standard tables, its narrative and its attachments, and writes an XML \
audit report. The package holds the fincheck command, the built-in rule plugins and their data, \
and the SDK (headers, static libraries and a CMake package) for writing third-party rule plugins.")
set(CPACK_PACKAGE_CONTACT "fincheck maintainers <fincheck@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # fincheck_1.0.0_amd64.deb
# Runtime dependencies: computed from what the binaries really link when dpkg-shlibdeps is
# there; otherwise the libraries the host links on Debian 12.
find_program(FINCHECK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(FINCHECK_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libpugixml1v5 (>= 1.13), libspdlog1.10, libfmt9, libsqlite3-0")
endif()
# What a plugin author needs next to the SDK to build against it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libboost-dev (>= 1.74), libpugixml-dev, cmake (>= 3.25), g++")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libgtest-dev")
set(CPACK_STRIP_FILES OFF)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")
include(CPack)
