# bash completion for fincheck. Installed as share/bash-completion/completions/fincheck, where
# bash-completion loads it on first use; or `source` it from ~/.bashrc.
# Written by hand (CLI11 has no generator): tests/host/completion_test.sh checks that it names
# every subcommand and option `fincheck --help` and `fincheck COMMAND --help` list.

_fincheck() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local prev=""
    [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
    local commands="check import lint explain rules plugins batch merge"
    local global_options="-h --help --version -v --verbose --log-file"
    local engine_options="--plugin-dir --data-dir --rulepack --config"

    # Values of the options that take one.
    case "$prev" in
        --format)
            case "${COMP_WORDS[1]}" in
                rules|explain) COMPREPLY=($(compgen -W "text xml" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "xml text html sarif json csv xlsx" -- "$cur")) ;;
            esac
            return 0 ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning info none" -- "$cur")); return 0 ;;
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return 0 ;;
        --progress) COMPREPLY=($(compgen -W "auto bar lines none" -- "$cur")); return 0 ;;
        --baseline)
            # check compares with an audit file, batch with an output directory.
            if [ "${COMP_WORDS[1]}" = check ]; then COMPREPLY=($(compgen -f -- "$cur")); else COMPREPLY=($(compgen -d -- "$cur")); fi
            return 0 ;;
        --plugin-dir|--data-dir) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
        -o|--output|--out|--log-file|--config|--rulepack|--db)
            COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        --shard) COMPREPLY=($(compgen -W "auto" -- "$cur")); return 0 ;;
        --rules|-j|--jobs|--timeout|--max-input-size) COMPREPLY=(); return 0 ;;
    esac

    # The subcommand: the first word that is not an option or an option's value.
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --log-file) ((i++)) ;;
            -*) ;;
            *) command="${COMP_WORDS[i]}"; break ;;
        esac
    done

    local options
    case "$command" in
        "")
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$global_options" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            fi
            return 0 ;;
        check) options="-o --output --format --fail-on --baseline --lang --rules --max-input-size $engine_options" ;;
        import) options="-o --output --max-input-size --data-dir --config" ;;
        lint) options="$engine_options" ;;
        explain) options="--format --lang --rules --max-input-size $engine_options" ;;
        rules) options="--format --lang $engine_options" ;;
        plugins) options="--lang $engine_options" ;;
        batch) options="-o --out -j --jobs --resume --retry-crashed --isolate --timeout --baseline --shard --db --progress --html --lang --fail-on --rules --max-input-size $engine_options" ;;
        merge) options="-o --output --db" ;;
        *) options="" ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help -v --verbose --log-file $options" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -o filenames -o bashdefault -F _fincheck fincheck
