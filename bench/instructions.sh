#!/usr/bin/env bash
# Instruction counts: the same comparison as compare.sh, counted by valgrind (callgrind) instead of timed. Counts do not
# move with the machine's load or speed, so a change of a few percent shows on a shared VM where CPU seconds spread by
# about 20%. They are not time (a vectorized loop and a cache miss both count as few instructions): quote ratios of
# time from compare.sh, and use this to see each change's effect and where the instructions go.
#   bench/instructions.sh [FILE] [CLI...] [-- PROGRAM ARGS...]...
#   FILE defaults to a 5 MB corpus generated from the embedded sample (callgrind runs about 50x slower than native).
#   CLI defaults to this checkout's NativeAOT build, published with its symbol table; other NativeAOT builds (e.g. an
#   earlier revision's, published as compare.sh does) can be listed instead. Each CLI runs `parse FILE --out DIR
#   --format ndjson`. Any other NativeAOT program is counted as the command after a `--` (one per `--`), where the
#   word {in} stands for the input and {out} for a scratch folder (bench/floor.sh counts the floor program so); with
#   commands and no CLI, no CLI is published or counted. TOP=N (default 25) prints the N functions with the most
#   instructions of their own for the first tool after ausearch.
# Each tool's start-up is counted on an empty file and subtracted, so "per byte" is the cost of the work itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/out/bench"
corpus="${1:-$bench/corpus-5MB.log}"
shift $(($# > 0 ? 1 : 0))
top="${TOP:-25}"

apt_install() { echo "installing $1"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null; }
need() { command -v "$1" >/dev/null 2>&1 || apt_install "$2"; }
need valgrind valgrind
need strip binutils
need ausearch auditd

clis=(); commands=(); command=""; in_command=0
for arg in "$@"; do
  if [ "$arg" = -- ]; then
    [ "$in_command" = 0 ] || commands+=("$command")
    command=""; in_command=1
  elif [ "$in_command" = 1 ]; then
    command+="${command:+$'\x1f'}$arg"   # a command's words joined by the unit separator, split again to run it
  else
    clis+=("$arg")
  fi
done
[ "$in_command" = 0 ] || commands+=("$command")
if [ ${#clis[@]} = 0 ] && [ ${#commands[@]} = 0 ]; then
  command -v clang >/dev/null 2>&1 || need gcc gcc
  dpkg -s libc6-dev >/dev/null 2>&1 || apt_install libc6-dev
  # StripSymbols=false keeps the symbol table in the binary, so callgrind names the managed methods.
  dotnet publish "$root/src/AuditSentinel.Cli" -c Release -r linux-x64 -p:PublishAot=true -p:StripSymbols=false \
    -o "$bench/cli-aot-symbols" --nologo -v quiet >/dev/null
  clis=("$bench/cli-aot-symbols/audit-sentinel")
fi
mkdir -p "$bench"
[ -f "$corpus" ] || [ ${#clis[@]} = 0 ] || "${clis[0]}" generate --out "$corpus" --size 5MB >/dev/null
[ -f "$corpus" ] || { echo "no $corpus: give FILE, or a CLI to generate it with" >&2; exit 2; }
bytes=$(stat -L -c %s "$corpus")

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
: > "$work/empty.log"

# valgrind 3.19 cannot read the DWARF 5 debug information .NET's native builds carry (it gives up on the whole
# binary), so each CLI runs from a copy without debug sections and without the .dbg file beside it.
runnable() { # prints the path of a copy of $1 that valgrind can load
  [ ! -e "$1.dll" ] || { echo "$1 is not a NativeAOT build (the JIT's own work would be counted)" >&2; exit 2; }
  local copy="$work/cli-$2/$(basename "$1")"
  mkdir -p "$(dirname "$copy")"
  strip --strip-debug -o "$copy" "$1"
  printf '%s\n' "$copy"
}

count() { # prints the instructions callgrind counted for the command; ALLOW_FAILURE=1 accepts a non-zero exit
  local out="$work/callgrind.$RANDOM"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$out.log" || [ "${ALLOW_FAILURE:-0}" = 1 ] \
    || { echo "failed under valgrind: $*" >&2; tail -5 "$out.log" >&2; exit 1; }
  awk '/^summary:|^totals:/ { print $2; exit }' "$out"
  mv "$out" "$work/last.callgrind"
}

names=('ausearch --format csv'); starts=(); totals=()
# ausearch exits 1 on a file without events
starts+=("$(ALLOW_FAILURE=1 TZ=UTC count ausearch --format csv -if "$work/empty.log")")
totals+=("$(TZ=UTC count ausearch --format csv -if "$corpus")")
for i in "${!clis[@]}"; do
  cli=$(runnable "${clis[$i]}" "$i")
  names+=("$(basename "$(dirname "${clis[$i]}")") parse --out")
  starts+=("$(count "$cli" parse "$work/empty.log" --out "$work/out" --format ndjson)")
  totals+=("$(count "$cli" parse "$corpus" --out "$work/out" --format ndjson)")
  [ "$i" = 0 ] && cp "$work/last.callgrind" "$bench/instructions.callgrind"
done

with_input() { # prints the command's words one a line, {in} replaced by $2 and {out} by the scratch folder
  local word words
  IFS=$'\x1f' read -r -a words <<< "$1"
  for word in "${words[@]}"; do
    case "$word" in {in}) word="$2" ;; {out}) word="$work/out" ;; esac
    printf '%s\n' "$word"
  done
}
for i in "${!commands[@]}"; do
  mapfile -t words < <(with_input "${commands[$i]}" "$work/empty.log")
  program=$(runnable "${words[0]}" "command-$i")
  names+=("$(printf '%s' "${commands[$i]}" | tr '\037' ' ' | sed -E 's/ \{(in|out)\}//g; s|^([^ ]*/)?([^/ ]+/[^/ ]+ )|\2|')")
  starts+=("$(count "$program" "${words[@]:1}")")
  mapfile -t words < <(with_input "${commands[$i]}" "$corpus")
  totals+=("$(count "$program" "${words[@]:1}")")
  [ "$i" = 0 ] && [ ${#clis[@]} = 0 ] && cp "$work/last.callgrind" "$bench/instructions.callgrind"
done

printf '\ninput: %s (%d bytes); instructions counted by callgrind, start-up (an empty file) subtracted\n\n' "$corpus" "$bytes"
printf '%-44s %16s %14s %12s %9s\n' tool instructions start-up 'per byte' 'vs csv'
base=""
for i in "${!names[@]}"; do
  work_ir=$((totals[i] - starts[i]))
  [ -n "$base" ] || base=$work_ir
  awk -v n="${names[$i]}" -v t="${totals[$i]}" -v s="${starts[$i]}" -v w="$work_ir" -v b="$bytes" -v base="$base" \
    'BEGIN { printf "%-44s %16d %14d %12.1f %8.2fx\n", n, t, s, w / b, base / w }'
done
if [ "$top" -gt 0 ]; then
  printf '\ntop %d functions by their own instructions, %s (whole profile: %s)\n' "$top" "${names[1]}" \
    "$bench/instructions.callgrind"
  callgrind_annotate "$bench/instructions.callgrind" 2>/dev/null | awk '/file:function/ { on = 1; getline; next } on && NF' \
    | head -n "$top" | sed -E 's/\?\?\?://; s/ \[[^]]*\]$//' | cut -c1-160
fi
