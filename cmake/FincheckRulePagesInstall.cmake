# Run by `cmake --install` (install(SCRIPT)): the rule pages live beside their plugins in the
# source tree (plugins/<p>/rules/<id>.md) and are installed flat beside the rule index
# (<docdir>/rules/). Their relative links are rewritten for that layout; a link to a fixture,
# which is not installed, becomes the fixture's path in the source tree.
#   FINCHECK_RULE_DOC_DIR  the installed <docdir>/rules, set by install(CODE) before this runs
set(_dir "$ENV{DESTDIR}${FINCHECK_RULE_DOC_DIR}")
file(GLOB _pages "${_dir}/*.md")
# The other pages of <docdir> link to a rule page in its source folder too.
file(GLOB _other_pages "${_dir}/../*.md")
foreach(_page IN LISTS _other_pages)
  file(READ "${_page}" _text)
  string(REGEX REPLACE "\\]\\(\\.\\./(plugins/[a-z0-9_-]+|host/import)/rules/" "](rules/" _text "${_text}")
  file(WRITE "${_page}" "${_text}")
endforeach()
foreach(_page IN LISTS _pages)
  file(READ "${_page}" _text)
  # index: ../../plugins/<p>/rules/<id>.md and ../../host/import/rules/<id>.md → <id>.md
  string(REGEX REPLACE "\\]\\(\\.\\./\\.\\./(plugins/[a-z0-9_-]+|host/import)/rules/" "](" _text "${_text}")
  # pages: ../../../docs/<page>.md → ../<page>.md
  string(REPLACE "](../../../docs/" "](../" _text "${_text}")
  # pages: ../fixtures/<id>/<case>.xml → `source tree` text, not a dead link
  string(REGEX REPLACE "\\[([^]]*)\\]\\(\\.\\./fixtures/[^)]*\\)" "\\1" _text "${_text}")
  file(WRITE "${_page}" "${_text}")
endforeach()
