#!/usr/bin/env bash
# The hand-written bash completion cannot drift from the binary: it must offer exactly the
# subcommands `fincheck --help` lists, every option each `fincheck COMMAND --help` lists, and
# exactly the values of every option restricted to a set ({xml,text}).
# Usage: completion_test.sh FINCHECK COMPLETION_SCRIPT
set -euo pipefail
fincheck="$1"
# shellcheck source=/dev/null
source "$2"
failures=0
fail() { echo "completion: $*" >&2; failures=$((failures + 1)); }

# What the completion offers for the command line "$@" (the last word is being completed).
offered() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _fincheck
    printf '%s\n' "${COMPREPLY[@]}"
}

# The lines of one "Heading:" section of a --help text, up to the next blank line.
section() { sed -n "/^$1:\$/,/^\$/p" | sed '1d;/^$/d'; }

# Option names (-o, --output) at the start of the Options: lines.
options_of() { section Options | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n'; }

contains() { grep -qxF -- "$2" <<<"$1"; }

help="$("$fincheck" --help)"
commands="$(section Subcommands <<<"$help" | awk '{print $1}')"
[ -n "$commands" ] || fail "fincheck --help lists no subcommands"
offered_commands="$(offered fincheck "")"
for command in $commands; do
    contains "$offered_commands" "$command" || fail "'fincheck <TAB>' does not offer the subcommand $command"
done
for command in $offered_commands; do
    contains "$commands" "$command" || fail "'fincheck <TAB>' offers $command, which fincheck --help does not list"
done
offered_global="$(offered fincheck -)"
for option in $(options_of <<<"$help"); do
    contains "$offered_global" "$option" || fail "'fincheck -<TAB>' does not offer $option"
done

checked=0
for command in $commands; do
    command_help="$("$fincheck" "$command" --help)"
    offered_options="$(offered fincheck "$command" -)"
    for option in $(options_of <<<"$command_help"); do
        checked=$((checked + 1))
        contains "$offered_options" "$option" || fail "'fincheck $command -<TAB>' does not offer $option"
    done
    # Options restricted to a set: "--format TEXT:{xml,text}".
    while read -r option values; do
        [ -n "$option" ] || continue
        expected="$(tr ',' '\n' <<<"$values" | sort)"
        actual="$(offered fincheck "$command" "$option" "" | sort)"
        [ "$expected" = "$actual" ] \
            || fail "'fincheck $command $option <TAB>' offers [$(echo $actual)], fincheck accepts [$(echo $expected)]"
    done < <(section Options <<<"$command_help" | sed -n 's/^  [^ ]*\(--[a-z-]*\) [A-Z]*:{\([^}]*\)}.*/\1 \2/p')
done
[ "$checked" -gt 10 ] || fail "only $checked subcommand options found in the --help texts; is the parsing broken?"

[ "$failures" -eq 0 ] || exit 1
echo "completion: $(wc -w <<<"$commands") subcommands and $checked options agree with fincheck --help"
