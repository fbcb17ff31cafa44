# cmake -DPROJECT_VERSION=… -DSDK_VERSION=… -DABI_VERSION=… -DFILES="a.md;b.md" -P check_doc_versions.cmake
#
# Every version the docs show as fincheck's output — `fincheck plugins` lines, audit headers,
# the abi-mismatch message, the package name — must be the version this build produces, so a
# release that moves a version cannot leave a tutorial showing the old one. Historical
# statements ("SDK 1.1.0 added data_file.hpp") are not output and are not checked.
set(_failures 0)

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
foreach(_file IN LISTS FILES)
  file(READ "${_file}" _text)
  # fincheck plugins: "example 1.0.0  fincheck_example.so  SDK 1.1.0  ABI 1.0  1 条规则"
  check_versions("${_text}" "${_file}" "SDK" "${SDK_VERSION}" "SDK ${_v}  ABI [0-9.]+  ")
  check_versions("${_text}" "${_file}" "ABI" "${ABI_VERSION}" "SDK [0-9.]+  ABI ${_abi}  ")
  # audit report header and batch summary
  check_versions("${_text}" "${_file}" "SDK" "${SDK_VERSION}" "sdk-version=\"${_v}\"")
  check_versions("${_text}" "${_file}" "ABI" "${ABI_VERSION}" " abi=\"${_abi}\"")
  check_versions("${_text}" "${_file}" "fincheck" "${PROJECT_VERSION}" "<tool name=\"fincheck\" version=\"${_v}\"")
  check_versions("${_text}" "${_file}" "fincheck" "${PROJECT_VERSION}" "tool-version=\"${_v}\"")
  # the abi-mismatch load problem
  check_versions("${_text}" "${_file}" "ABI" "${ABI_VERSION}" "宿主使用 ABI ${_abi}")
  check_versions("${_text}" "${_file}" "ABI" "${ABI_VERSION}" "host speaks ABI ${_abi}")
  check_versions("${_text}" "${_file}" "SDK" "${SDK_VERSION}" "host speaks ABI [0-9.]+ \\(SDK ${_v}\\)")
  # the text audit report's first line, --version, the Debian package
  check_versions("${_text}" "${_file}" "fincheck" "${PROJECT_VERSION}" "fincheck ${_v} (审计报告|audit report)")
  check_versions("${_text}" "${_file}" "fincheck" "${PROJECT_VERSION}" "fincheck_${_v}_amd64\\.deb")
  check_versions("${_text}" "${_file}" "SDK" "${SDK_VERSION}" "SDK ${_v}, plugin ABI")
endforeach()
