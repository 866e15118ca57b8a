#!/usr/bin/env bash
# Run a bash completion as bash would on TAB: complete.sh FILE FUNC WORD... completes the
# last WORD ("" for a fresh one) of the command line WORD..., prints one candidate a line.
# bash-completion's own library comes first (its _init_completion, _filedir).
set -u
file=$1 func=$2
shift 2
lib=/usr/share/bash-completion/bash_completion
# shellcheck source=/dev/null
[ -r "$lib" ] && source "$lib"
declare -F _init_completion >/dev/null || { echo "complete.sh: bash-completion missing" >&2; exit 2; }
# shellcheck source=/dev/null
source "$file"
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
"$func" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]:-}"
printf '%s\n' "${COMPREPLY[@]}"
