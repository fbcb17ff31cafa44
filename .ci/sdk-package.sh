#!/usr/bin/env bash
# Proves the installed SDK is enough to write, test and ship a rule plugin:
#   1. install BUILD_DIR into a temporary prefix and check its layout: the host, the SDK, the
#      docs, the template, the man page and the bash completion;
#   2. copy the INSTALLED template to a temporary directory and build it against that prefix
#      ONLY, with no build type given (it must default to Release);
#   3. run the template's tests, install its plugin into the prefix; build and test the project
#      of the INSTALLED docs/writing-a-rule.md (its code blocks, CMakeLists.txt included);
#   4. the installed `fincheck rules` lists the new rule, `fincheck plugins` shows its SDK/ABI
#      versions, `fincheck check` runs it on the bundled example and fires on its fixture;
#   5. a plugin built for the next ABI major is refused with both versions named;
#   6. `cpack -G DEB` builds fincheck_<version>_amd64.deb and `dpkg-deb -c` lists it.
# Usage: .ci/sdk-package.sh BUILD_DIR [--no-deb]
# Exits non-zero, with a message saying which step failed, on any failure.
set -euo pipefail

die() { echo "sdk-package: FAILED: $*" >&2; exit 1; }
step() { echo; echo "== sdk-package: $*"; }

[ $# -ge 1 ] || die "usage: $0 BUILD_DIR [--no-deb]"
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="$(cd "$1" 2>/dev/null && pwd)" || die "build directory '$1' does not exist"
make_deb=1
[ "${2:-}" = "--no-deb" ] && make_deb=0

[ -f "$build_dir/CMakeCache.txt" ] || die "$build_dir is not a configured CMake build directory"
[ -x "$build_dir/bin/fincheck" ] || die "$build_dir/bin/fincheck is missing: build the project first"

work="$(mktemp -d "${TMPDIR:-/tmp}/fincheck-sdk-package.XXXXXX")"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
prefix="$work/prefix"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# ---- 1. install ----------------------------------------------------------------------------
step "install $build_dir into a temporary prefix"
cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; die "cmake --install failed"; }
for path in bin/fincheck \
            include/fincheck/plugin.hpp include/fincheck/rule.hpp include/fincheck/testing.hpp \
            include/fincheck/data_file.hpp include/fincheck/phrase_group.hpp include/fincheck/rule_file.hpp \
            lib/libfincheck_sdk.a lib/libfincheck_report_xml.a lib/libfincheck_testing.a \
            lib/cmake/fincheck/fincheckConfig.cmake lib/cmake/fincheck/fincheckConfigVersion.cmake \
            lib/cmake/fincheck/fincheckTargets.cmake lib/cmake/fincheck/FincheckPlugin.cmake \
            share/doc/fincheck/sdk.md share/doc/fincheck/writing-a-rule.md \
            share/doc/fincheck/rulepacks.md share/doc/fincheck/configuration.md share/doc/fincheck/cli.md \
            share/doc/fincheck/template/CMakeLists.txt \
            share/man/man1/fincheck.1 share/bash-completion/completions/fincheck; do
  [ -e "$prefix/$path" ] || die "the install lacks $path"
done
# The installed template is the source tree's, whole.
diff -r "$source_dir/sdk/template" "$prefix/share/doc/fincheck/template" >&2 \
  || die "the installed template differs from sdk/template (above)"
# The man page is fincheck's own --help, with its version.
project_version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
grep -q "^\.TH FINCHECK \"1\" .* \"fincheck $project_version\"" "$prefix/share/man/man1/fincheck.1" \
  || die "the man page does not carry fincheck $project_version: $(grep '^\.TH' "$prefix/share/man/man1/fincheck.1")"
for command in $("$prefix/bin/fincheck" --help | sed -n '/^Subcommands:$/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
  grep -qx "$command" "$prefix/share/man/man1/fincheck.1" || die "the man page does not list the subcommand $command"
done
# The completion loads in bash and registers itself for fincheck.
bash -c "source '$prefix/share/bash-completion/completions/fincheck' && complete -p fincheck" >/dev/null \
  || die "the installed bash completion does not register a completion for fincheck"
ls "$prefix"/lib/fincheck/plugins/fincheck_*.so >/dev/null 2>&1 \
  || die "the install has no built-in plugin in lib/fincheck/plugins"
# The package must be relocatable: no path into the source or build tree may survive.
if grep -rlF -e "$source_dir/" -e "$build_dir" "$prefix/lib/cmake/fincheck" >&2; then
  die "the installed CMake package refers to the source or build tree (files above)"
fi
echo "installed: $(cd "$prefix" && find . -type f | wc -l) files"

version_hpp="$prefix/include/fincheck/version.hpp"
sdk_version="$(sed -n 's/^#define FINCHECK_SDK_VERSION "\(.*\)"$/\1/p' "$version_hpp")"
abi_major="$(sed -n 's/^#define FINCHECK_ABI_MAJOR \([0-9]*\)$/\1/p' "$version_hpp")"
abi_minor="$(sed -n 's/^#define FINCHECK_ABI_MINOR \([0-9]*\)$/\1/p' "$version_hpp")"
[ -n "$sdk_version" ] && [ -n "$abi_major" ] && [ -n "$abi_minor" ] \
  || die "cannot read the SDK/ABI versions from $version_hpp"
echo "SDK $sdk_version, ABI $abi_major.$abi_minor"

# ---- 2. the template, out of tree --------------------------------------------------------
# Copied first, so no relative path can lead back into the source tree; the package registry
# is off, so the prefix is the only place fincheck can be found.
step "build the installed template out of tree against the prefix only"
cp -r "$prefix/share/doc/fincheck/template" "$work/template"
if grep -rnF -e "$source_dir" -e "../../" "$work/template" >&2; then
  die "the template refers to the source tree (lines above)"
fi
cmake -S "$work/template" -B "$work/template-build" "${generator[@]}" \
      -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
      -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
      >"$work/template-configure.log" 2>&1 \
  || { cat "$work/template-configure.log" >&2; die "configuring the template failed"; }
grep -q "^fincheck_DIR:PATH=$prefix/lib/cmake/fincheck$" "$work/template-build/CMakeCache.txt" \
  || die "the template found fincheck somewhere else than $prefix: $(grep '^fincheck_DIR' "$work/template-build/CMakeCache.txt")"
grep -q "^CMAKE_BUILD_TYPE:STRING=Release$" "$work/template-build/CMakeCache.txt" \
  || die "the template does not default to a Release build: $(grep '^CMAKE_BUILD_TYPE' "$work/template-build/CMakeCache.txt")"
cmake --build "$work/template-build" >"$work/template-build.log" 2>&1 \
  || { cat "$work/template-build.log" >&2; die "building the template failed"; }

# ---- 3. its tests, its installation --------------------------------------------------------
step "run the template's tests"
ctest --test-dir "$work/template-build" --output-on-failure --no-tests=error \
  || die "the template's tests failed"
step "install the template's plugin into the prefix"
cmake --install "$work/template-build" >"$work/template-install.log" 2>&1 \
  || { cat "$work/template-install.log" >&2; die "installing the template's plugin failed"; }
[ -f "$prefix/lib/fincheck/plugins/fincheck_example.so" ] \
  || die "the template did not install fincheck_example.so into $prefix/lib/fincheck/plugins"

step "build and test the tutorial's project from the installed writing-a-rule.md"
tutorial_files="$build_dir/tests/docs/writing-a-rule.files"
[ -f "$tutorial_files" ] && [ -x "$build_dir/bin/doc_snippets" ] \
  || die "$build_dir has no doc_snippets or tests/docs/writing-a-rule.files: build it with the tests"
# shellcheck disable=SC2046
"$build_dir/bin/doc_snippets" "$prefix/share/doc/fincheck/writing-a-rule.md" "$work/tutorial" \
    $(cat "$tutorial_files") || die "extracting the tutorial's code blocks failed"
cmake -S "$work/tutorial" -B "$work/tutorial-build" "${generator[@]}" \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
      -DCMAKE_COMPILE_WARNING_AS_ERROR=ON >"$work/tutorial.log" 2>&1 \
  && cmake --build "$work/tutorial-build" >>"$work/tutorial.log" 2>&1 \
  || { cat "$work/tutorial.log" >&2; die "building the tutorial's project failed"; }
grep -q "^CMAKE_BUILD_TYPE:STRING=Release$" "$work/tutorial-build/CMakeCache.txt" \
  || die "the tutorial's project does not default to a Release build"
ctest --test-dir "$work/tutorial-build" --output-on-failure --no-tests=error \
  || die "the tutorial's tests failed"

# ---- 4. the installed host runs it ------------------------------------------------------
fincheck="$prefix/bin/fincheck"
# From the scratch directory, so no fincheck.xml of the caller's tree is picked up.
cd "$work"
# Only the installed prefix: nothing from the environment may add plugin directories.
unset FINCHECK_PLUGIN_PATH

step "fincheck rules lists the new rule"
"$fincheck" rules >"$work/rules.txt" 2>&1 || { cat "$work/rules.txt" >&2; die "fincheck rules failed"; }
grep -F "example-negative-amount" "$work/rules.txt" \
  || { cat "$work/rules.txt" >&2; die "fincheck rules does not list example-negative-amount"; }

step "fincheck plugins shows its versions"
"$fincheck" plugins >"$work/plugins.txt" 2>&1 || { cat "$work/plugins.txt" >&2; die "fincheck plugins failed"; }
grep -F "example" "$work/plugins.txt" \
  || { cat "$work/plugins.txt" >&2; die "fincheck plugins does not list the example plugin"; }
grep -F "example" "$work/plugins.txt" | grep -qF "SDK $sdk_version" \
  || { cat "$work/plugins.txt" >&2; die "fincheck plugins does not show the example plugin's SDK version $sdk_version"; }

# Exit status of `fincheck check`: 0 clean, 1 findings, 2 and above an error.
run_check() {  # run_check REPORT AUDIT
  local status=0
  "$fincheck" check "$1" -o "$2" >"$work/check.txt" 2>&1 || status=$?
  if [ "$status" -ge 2 ]; then
    cat "$work/check.txt" >&2
    die "fincheck check $1 exited with $status"
  fi
  [ -s "$2" ] || die "fincheck check $1 wrote no audit report"
  return 0
}

step "fincheck check runs the new rule on the bundled example"
example_report=""
for candidate in "$source_dir"/examples/*.xml "$source_dir/examples/minimal-report.xml"; do
  if [ -f "$candidate" ]; then example_report="$candidate"; break; fi
done
[ -n "$example_report" ] || die "no bundled example report (examples/*.xml)"
run_check "$example_report" "$work/audit-example.xml"
grep -qF "<plugin name=\"example\" version=\"1.0.0\" file=\"fincheck_example.so\" sdk-version=\"$sdk_version\"" \
     "$work/audit-example.xml" \
  || die "the audit header of $example_report does not list the example plugin with SDK $sdk_version"
grep -qE "<rule id=\"example-negative-amount\"[^>]*enabled=\"true\"" "$work/audit-example.xml" \
  || die "example-negative-amount was not enabled in the audit of $example_report"
echo "audited $(basename "$example_report"): $(grep -c '<finding' "$work/audit-example.xml" || true) findings"

step "fincheck check fires the new rule on its fixture"
run_check "$work/template/fixtures/example-negative-amount/fires.xml" "$work/audit-fixture.xml"
# The fixture annotates exactly two negative cells.
fired="$(grep -c '<finding rule="example-negative-amount"' "$work/audit-fixture.xml" || true)"
[ "$fired" -eq 2 ] \
  || { cat "$work/audit-fixture.xml" >&2; die "example-negative-amount fired $fired times on its fixture, not 2"; }
echo "example-negative-amount fired $fired times on its fixture"

# ---- 5. an incompatible plugin is refused ------------------------------------------------
step "a plugin built for ABI $((abi_major + 1)) is refused"
cp -r "$source_dir/tests/sdk_package/incompatible_plugin" "$work/incompatible"
cmake -S "$work/incompatible" -B "$work/incompatible-build" "${generator[@]}" \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
      >"$work/incompatible.log" 2>&1 \
  && cmake --build "$work/incompatible-build" >>"$work/incompatible.log" 2>&1 \
  || { cat "$work/incompatible.log" >&2; die "building the incompatible plugin failed"; }
mkdir -p "$work/incompatible-plugins"
cp "$work/incompatible-build/fincheck_incompatible.so" "$work/incompatible-plugins/"
status=0
"$fincheck" plugins --plugin-dir "$work/incompatible-plugins" >"$work/refused.txt" 2>&1 || status=$?
cat "$work/refused.txt"
grep -qi "incompatible\|abi" "$work/refused.txt" || die "fincheck plugins does not report the incompatible plugin"
grep -qF "$((abi_major + 1))" "$work/refused.txt" && grep -qF "$abi_major.$abi_minor" "$work/refused.txt" \
  || die "the refusal does not name both ABI versions ($((abi_major + 1)) and $abi_major.$abi_minor)"
# Refused means: listed among the load problems, not among the loaded plugins.
sed -n '/加载失败\|load problems/,$p' "$work/refused.txt" | grep -qF "fincheck_incompatible.so" \
  || die "the incompatible plugin is not listed among the load problems"
if sed -n '/已加载插件\|loaded plugins/,/加载失败\|load problems/p' "$work/refused.txt" \
     | grep -qE "^ +incompatible "; then
  die "the incompatible plugin was loaded"
fi
# The good plugins still load next to a refused one.
grep -qF "example" "$work/refused.txt" || die "a refused plugin stopped the others from loading"

# ---- 6. the Debian package ---------------------------------------------------------------
if [ "$make_deb" = 1 ]; then
  step "cpack -G DEB"
  deb_dir="$build_dir/package"
  mkdir -p "$deb_dir"
  (cd "$build_dir" && cpack -G DEB -B "$deb_dir" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; die "cpack -G DEB failed"; }
  deb="$deb_dir/fincheck_${project_version}_$(dpkg --print-architecture).deb"
  [ -f "$deb" ] || { ls "$deb_dir" >&2; die "cpack did not produce $(basename "$deb")"; }
  dpkg-deb -I "$deb"
  dpkg-deb -c "$deb" | tee "$work/deb-contents.txt"
  for path in ./usr/bin/fincheck ./usr/include/fincheck/plugin.hpp ./usr/lib/libfincheck_sdk.a \
              ./usr/lib/cmake/fincheck/fincheckConfig.cmake ./usr/lib/fincheck/plugins/ \
              ./usr/share/fincheck/ ./usr/share/doc/fincheck/sdk.md ./usr/share/doc/fincheck/template/ \
              ./usr/share/man/man1/fincheck.1 ./usr/share/bash-completion/completions/fincheck; do
    grep -qF " $path" "$work/deb-contents.txt" || die "$(basename "$deb") lacks $path"
  done
  # Unpacked anywhere, the package's host runs and loads all its plugins (relocatable, and
  # nothing it needs was left out).
  dpkg-deb -x "$deb" "$work/deb-root"
  "$work/deb-root/usr/bin/fincheck" plugins >"$work/deb-plugins.txt" 2>&1 \
    || { cat "$work/deb-plugins.txt" >&2; die "the packaged fincheck plugins failed"; }
  if grep -q "加载失败\|load problems" "$work/deb-plugins.txt"; then
    cat "$work/deb-plugins.txt" >&2
    die "the packaged host cannot load all the packaged plugins"
  fi
  packaged_plugins="$(dpkg-deb -c "$deb" | grep -c '/usr/lib/fincheck/plugins/fincheck_.*\.so$' || true)"
  loaded_plugins="$(grep -c ' fincheck_.*\.so ' "$work/deb-plugins.txt" || true)"
  [ "$packaged_plugins" -eq "$loaded_plugins" ] \
    || die "the package holds $packaged_plugins plugins but its host loads $loaded_plugins"
  echo "package: $deb ($packaged_plugins plugins, all load)"
fi

echo
echo "sdk-package: OK (SDK $sdk_version, ABI $abi_major.$abi_minor)"
