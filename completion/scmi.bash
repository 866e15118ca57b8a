# bash completion for scmi(1)                                      -*- shell-script -*-
#
# Commands, verbs and options come from the binary's own help (`scmi --help`, `scmi help
# COMMAND`), so they follow it without an edit here. Resource names (clocks, domains,
# sensors, zones, pins, ...) are asked of the running platform with `scmi --json COMMAND
# list`, through the same --socket, --dt, --mode and --transport as the line being typed.

# The global options already on the line, to reach the same platform.
_scmi_global_args()
{
	local i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--socket | --dt | --mode | --transport)
			((i + 1 < cword)) && printf '%s\n%s\n' "${words[i]}" "${words[i + 1]}"
			;;
		esac
	done
}

# The names `scmi --json CMD list [WHAT]` prints: a sensor's "soc_temp (SoC die)" is
# offered as soc_temp, the name the command line takes.
_scmi_names()
{
	local -a global
	mapfile -t global < <(_scmi_global_args)
	"$1" "${global[@]}" --timeout 500 --json "${@:2}" 2>/dev/null |
		grep -o '"name": *"[^"]*"' | sed 's/^"name": *"//; s/"$//; s/ (.*//'
}

# Words of a verb's argument template at position $2 (0-based) for `scmi help CMD` line $1.
_scmi_template_arg()
{
	local -a tpl
	read -r -a tpl <<<"$1"
	# tpl: CMD VERB ARG...; a trailing ARG... repeats.
	local n=$((${#tpl[@]} - 2)) idx=$(($2 + 2))
	((n <= 0)) && return
	if ((idx >= ${#tpl[@]})); then
		[[ ${tpl[-1]} == *'...' || ${tpl[-1]} == *'...]' ]] || return
		idx=$((${#tpl[@]} - 1))
	fi
	local t=${tpl[idx]}
	t=${t#[}
	t=${t%]}
	t=${t%...}
	printf '%s\n' "$t"
}

_scmi()
{
	local cur prev words cword
	_init_completion || return
	local scmi=${words[0]}

	case $prev in
	--socket)
		_filedir
		return
		;;
	--dt)
		_filedir dtb
		return
		;;
	--mode)
		mapfile -t COMPREPLY < <(compgen -W 'smt smt-memref msg auto' -- "$cur")
		return
		;;
	--transport)
		mapfile -t COMPREPLY < <(compgen -W 'optee linux-raw linux-raw: auto' -- "$cur")
		return
		;;
	--timeout | --freq | --interval | --count | --wait)
		return
		;;
	--round)
		mapfile -t COMPREPLY < <(compgen -W 'down up closest' -- "$cur")
		return
		;;
	esac

	local help
	help=$("$scmi" --help 2>/dev/null) || return
	local -a commands options
	mapfile -t commands < <(sed -n '/^Commands:/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}' <<<"$help")
	mapfile -t options < <(grep -o '^ *\(-h, \)\?--[a-z-]*' <<<"$help" | grep -o -- '--[a-z-]*')

	# The command and the words after it, skipping global options and their values.
	local i cmd='' cmd_at=0
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--socket | --dt | --mode | --transport | --timeout) ((i++)) ;;
		-*) ;;
		*)
			cmd=${words[i]}
			cmd_at=$i
			break
			;;
		esac
	done

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W '${options[*]}' -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W '${commands[*]}' -- "$cur")
		fi
		return
	fi

	local usage
	usage=$("$scmi" help "$cmd" 2>/dev/null) || return
	if [[ $cur == -* ]]; then
		local -a cmd_options
		mapfile -t cmd_options < <(sed -n '/^Options:/,/^$/{s/^  \(--[a-z-]*\).*/\1/p}' <<<"$usage")
		mapfile -t COMPREPLY < <(compgen -W '${cmd_options[*]} ${options[*]}' -- "$cur")
		return
	fi

	# Positional words after the command (options and their values left out).
	local -a args=()
	for ((i = cmd_at + 1; i < cword; i++)); do
		case ${words[i]} in
		--round | --freq | --interval | --count | --wait | --socket | --dt | --mode | --transport | \
			--timeout)
			((i++))
			;;
		-*) ;;
		*) args+=("${words[i]}") ;;
		esac
	done

	case $cmd in
	help)
		((${#args[@]} == 0)) && mapfile -t COMPREPLY < <(compgen -W '${commands[*]}' -- "$cur")
		return
		;;
	raw)
		((${#args[@]} == 0)) && mapfile -t COMPREPLY < <(compgen -W 'base power system perf
			clock sensor reset voltage powercap pinctrl' -- "$cur")
		return
		;;
	esac

	# The verb lines of `scmi help CMD`: "  clock set-rate CLOCK RATE    summary".
	local -a verb_lines verbs
	mapfile -t verb_lines < <(sed -n '/^Verbs:/,/^$/{s/^  \('"$cmd"' [^ ].*\)$/\1/p}' <<<"$usage" |
		sed 's/  .*//')
	local line
	for line in "${verb_lines[@]}"; do
		read -r _ v _ <<<"$line"
		verbs+=("$v")
	done
	if ((${#args[@]} == 0)); then
		mapfile -t COMPREPLY < <(compgen -W '${verbs[*]}' -- "$cur")
		return
	fi

	local verb=${args[0]} tline=''
	for line in "${verb_lines[@]}"; do
		read -r _ v _ <<<"$line"
		[[ $v == "$verb" ]] && tline=$line && break
	done
	[[ -n $tline ]] || return
	local want
	want=$(_scmi_template_arg "$tline" $((${#args[@]} - 1)))
	local -a words_out=()
	case $want in
	*'|'*) # literal alternatives: pins|groups|functions, enable|disable, ...
		IFS='|' read -r -a words_out <<<"$want"
		;;
	ID) # pinctrl: the element kind given before
		local kind=${args[1]}
		[[ $kind == pin || $kind == group || $kind == function ]] &&
			mapfile -t words_out < <(_scmi_names "$scmi" pinctrl list "${kind}s")
		;;
	CLOCK | PARENT | DOMAIN | SENSOR | ZONE)
		mapfile -t words_out < <(_scmi_names "$scmi" "$cmd" list)
		;;
	STATE)
		case $cmd in
		system) words_out=(shutdown cold-reset warm-reset power-up suspend) ;;
		power) words_out=(on off) ;;
		esac
		;;
	EVENT)
		case $cmd in
		sim) words_out=(shutdown reboot warm-reset suspend) ;;
		sensor) words_out=(off rising falling both) ;;
		esac
		;;
	esac
	mapfile -t COMPREPLY < <(compgen -W '${words_out[*]}' -- "$cur")
} &&
	complete -F _scmi scmi

# ex: filetype=sh
