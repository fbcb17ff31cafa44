# cmake -DPROJECT_VERSION=… -DSDK_VERSION=… -DABI_VERSION=… -DFILES="a.md;b.md" -P check_doc_versions.cmake
#
# Every version the docs show as fincheck's output — `fincheck plugins` lines, audit headers,
# the abi-mismatch message, the package name — must be the version this build produces, so a
# release that moves a version cannot leave a tutorial showing the old one. Historical
# statements ("SDK 1.1.0 added data_file.hpp") are not output and are not checked.
# check_versions(<text> <file> <what> <expected> <regex with one group>)
function(check_versions text file what expected regex)
  string(REGEX MATCHALL "${regex}" _matches "${text}")
  foreach(_match IN LISTS _matches)
    string(REGEX REPLACE "${regex}" "\\1" _found "${_match}")
    if(NOT _found STREQUAL expected)
      message(SEND_ERROR "${file}: \"${_match}\" shows ${what} ${_found}; this build is ${what} ${expected}")
    endif()
  endforeach()
endfunction()

set(_v "([0-9]+\\.[0-9]+\\.[0-9]+)")
set(_abi "([0-9]+\\.[0-9]+)")
# Per version, the forms it is shown in; group 1 of each is the version.
set(_patterns_SDK
  "SDK ${_v}  ABI [0-9.]+  "                    # fincheck plugins: "…  SDK 1.1.0  ABI 1.0  1 条规则"
  "sdk-version=\"${_v}\""                        # audit report header
  "host speaks ABI [0-9.]+ \\(SDK ${_v}\\)"      # the abi-mismatch load problem
  "SDK ${_v}, plugin ABI")                       # fincheck --version
set(_patterns_ABI
  "SDK [0-9.]+  ABI ${_abi}  "
  " abi=\"${_abi}\""
  "宿主使用 ABI ${_abi}"
  "host speaks ABI ${_abi}"
  "plugin ABI ${_abi}")
set(_patterns_fincheck
  "<tool name=\"fincheck\" version=\"${_v}\""
  "tool-version=\"${_v}\""                       # batch summary
  "fincheck ${_v} (审计报告|audit report)"       # the text audit report's first line
  "fincheck_${_v}_amd64\\.deb"                   # the Debian package
  "/fincheck:${_v}")                             # the container image's tag (Dockerfile, examples/)
set(_expected_SDK "${SDK_VERSION}")
set(_expected_ABI "${ABI_VERSION}")
set(_expected_fincheck "${PROJECT_VERSION}")

foreach(_file IN LISTS FILES)
  file(READ "${_file}" _text)
  foreach(_what IN ITEMS SDK ABI fincheck)
    foreach(_pattern IN LISTS _patterns_${_what})
      check_versions("${_text}" "${_file}" "${_what}" "${_expected_${_what}}" "${_pattern}")
    endforeach()
  endforeach()
endforeach()
