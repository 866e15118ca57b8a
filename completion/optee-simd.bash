# bash completion for optee-simd(8)                                -*- shell-script -*-
# The options come from `optee-simd --help`, so they follow the binary.

_optee_simd()
{
	local cur prev words cword
	_init_completion || return

	case $prev in
	--platform | --check)
		_filedir dtb
		return
		;;
	--socket | --vhost-user)
		_filedir
		return
		;;
	--kernel-uid)
		mapfile -t COMPREPLY < <(compgen -W "$(getent passwd | cut -d: -f3)" -- "$cur")
		return
		;;
	--kernel-gid)
		mapfile -t COMPREPLY < <(compgen -W "$(getent group | cut -d: -f3)" -- "$cur")
		return
		;;
	--max-sessions | --max-shm | --inject)
		return
		;;
	esac
	local -a options
	mapfile -t options < <("${words[0]}" --help 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)
	mapfile -t COMPREPLY < <(compgen -W '${options[*]}' -- "$cur")
} &&
	complete -F _optee_simd optee-simd

# ex: filetype=sh
