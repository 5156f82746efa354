#!/usr/bin/env bash
# Whole-process comparison: audit-sentinel parse against the reference ausearch on the same file, printing for each
# tool the median of RUNS runs: wall seconds, throughput, the ratio to `ausearch --format csv`, CPU seconds (user +
# sys, the fairer figure on a shared machine), the CPU-time ratio, and peak RSS (GNU time).
#   bench/compare.sh [SIZE] [FILE]      SIZE defaults to 200MB; FILE is generated from the embedded sample if absent.
#   RUNS=3 (default) runs each tool that many times, interleaved, each round starting one tool later than the last;
#   OURS_ONLY=1 skips ausearch (the 1 GB memory run).
#   BASELINE="/path/to/audit-sentinel ..." adds each listed build's `parse --out` (e.g. an earlier revision, published
#   as below) to the same interleaved runs, so before/after ratios come from one run; each is named by its folder.
#   BUILD=aot (default) measures the NativeAOT binary (the native link needs a C toolchain: gcc and libc6-dev are
#   installed when missing); BUILD=r2r the ReadyToRun build on the shared runtime, as measured before.
# Our process is pinned to one core (taskset -c 0) so the ratio is per core, as the targets are stated.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-200MB}"
corpus="${2:-$root/out/bench/corpus-$size.log}"
out="$root/out/bench/parse-out"
runs="${RUNS:-3}"

apt_install() { echo "installing $1"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null; }
need() { command -v "$1" >/dev/null 2>&1 || apt_install "$2"; }
[ "${OURS_ONLY:-0}" = 1 ] || need ausearch auditd
[ -x /usr/bin/time ] || need time time
need taskset util-linux

build="${BUILD:-aot}"
case "$build" in
  aot)
    # NativeAOT: no start-up JIT and no tier-1 re-compiles (docs/performance.md). The ILCompiler packages come from
    # NuGet; the link uses clang or, failing that, gcc, with the C library's development files.
    command -v clang >/dev/null 2>&1 || need gcc gcc
    dpkg -s libc6-dev >/dev/null 2>&1 || apt_install libc6-dev
    dotnet publish "$root/src/AuditSentinel.Cli" -c Release -r linux-x64 -p:PublishAot=true \
      -o "$root/out/bench/cli-aot" --nologo -v quiet >/dev/null
    cli="$root/out/bench/cli-aot/audit-sentinel" ;;
  r2r)
    # ReadyToRun (precompiled code, the crossgen2 package comes from NuGet) saves most of the start-up JIT: about 14% of
    # the CPU of a 200 MB parse (docs/performance.md). It needs a runtime identifier.
    dotnet publish "$root/src/AuditSentinel.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
      -o "$root/out/bench/cli" --nologo -v quiet >/dev/null
    cli="$root/out/bench/cli/audit-sentinel" ;;
  *) echo "BUILD is aot or r2r, not $build" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$corpus")"
[ -f "$corpus" ] || "$cli" generate --out "$corpus" --size "$size"
bytes=$(stat -L -c %s "$corpus")
cat "$corpus" > /dev/null   # warm the page cache so every tool reads from memory

measure() { # prints: wall-seconds cpu-seconds peak-rss-kb
  local log; log=$(mktemp)
  rm -rf "$out"
  sync   # the previous run's output is written back now, not during this run
  /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; cat "$log" >&2; exit 1; }
  tail -1 "$log" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'; rm -f "$log"
}

names=(); commands=()
if [ "${OURS_ONLY:-0}" != 1 ]; then
  names+=('ausearch --format csv'); commands+=("env TZ=UTC ausearch --format csv -if $corpus")
  names+=('ausearch -i'); commands+=("env TZ=UTC ausearch -i -if $corpus")
fi
names+=('audit-sentinel parse --out'); commands+=("taskset -c 0 $cli parse $corpus --out $out --format ndjson")
names+=('audit-sentinel parse (summary)'); commands+=("taskset -c 0 $cli parse $corpus")
for baseline in ${BASELINE:-}; do
  names+=("$(basename "$(dirname "$baseline")") parse --out"); commands+=("taskset -c 0 $baseline parse $corpus --out $out --format ndjson")
done

declare -A samples
# Each round starts one tool later than the round before: a run measured right after the summary parse (which writes
# no output) came out about 1.1x faster in whichever order two builds were listed (docs/performance.md), so a fixed
# order favours one position. With RUNS a multiple of the number of tools, every tool runs in every position alike.
count=${#names[@]}
for ((run = 1; run <= runs; run++)); do
  for ((step = 0; step < count; step++)); do
    i=$(( (step + run - 1) % count ))
    # shellcheck disable=SC2086
    samples[$i]+="$(measure ${commands[$i]})"$'\n'
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '\ninput: %s (%d bytes), %d run(s) each, medians; audit-sentinel: %s build; machine: %s, %s cores, %s\n\n' "$corpus" "$bytes" \
  "$runs" "$build" "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-32s %8s %9s %8s %8s %9s %8s %11s\n' tool wall-s 'MB/s' 'vs csv' cpu-s 'MB/cpu-s' 'vs csv' 'peak RSS MB'
base_wall=""; base_cpu=""
for i in "${!names[@]}"; do
  wall=$(printf '%s' "${samples[$i]}" | awk 'NF { print $1 }' | median)
  cpu=$(printf '%s' "${samples[$i]}" | awk 'NF { print $2 }' | median)
  rss=$(printf '%s' "${samples[$i]}" | awk 'NF { print $3 }' | sort -n | tail -1)
  [ -n "$base_wall" ] || { base_wall=$wall; base_cpu=$cpu; }
  awk -v n="${names[$i]}" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v bw="$base_wall" -v bc="$base_cpu" 'BEGIN {
    w = (w < 0.01 ? 0.01 : w); c = (c < 0.01 ? 0.01 : c)
    printf "%-32s %8.2f %9.1f %7.2fx %8.2f %9.1f %7.2fx %11.1f\n", n, w, b / 1048576 / w, bw / w, c, b / 1048576 / c, bc / c, r / 1024 }'
done
