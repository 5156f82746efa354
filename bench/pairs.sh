#!/usr/bin/env bash
# Before/after of two builds in CPU time, for a machine whose speed moves from one second to the next (this VM's did
# by up to 1.3x between two runs a few seconds apart): PAIRS runs of `parse FILE --out` by each build, interleaved, one
# core, each timed by perf's task-clock (nanoseconds of CPU, where GNU time has 10 ms steps). Prints each build's
# median and the spread of the per-pair ratios; a ratio whose quartiles straddle 1.00 is no measured difference.
#   bench/pairs.sh BEFORE_CLI AFTER_CLI [FILE]     FILE defaults to out/bench/corpus-20MB.log (generated if absent)
#   PAIRS=30 (default)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: bench/pairs.sh BEFORE_CLI AFTER_CLI [FILE]" >&2; exit 2; }
before="$1"; after="$2"; corpus="${3:-$root/out/bench/corpus-20MB.log}"
pairs="${PAIRS:-30}"
command -v perf >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null; }
mkdir -p "$(dirname "$corpus")"
[ -f "$corpus" ] || "$after" generate --out "$corpus" --size 20MB
cat "$corpus" > /dev/null   # from the page cache for both builds
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

cpu_ms() { # one run's CPU milliseconds
  rm -rf "$work/out"
  perf stat -x, -e task-clock -o "$work/stat" taskset -c 0 "$1" parse "$corpus" --out "$work/out" --format ndjson >/dev/null 2>&1
  awk -F, '/task-clock/ { print $1 }' "$work/stat"
}

for _ in $(seq "$pairs"); do
  echo "$(cpu_ms "$before") $(cpu_ms "$after")"
done | awk -v before="$before" -v after="$after" '
  { b[NR] = $1; a[NR] = $2; r[NR] = $1 / $2 }
  function median(x, n,   s, i, j, t) { for (i = 1; i <= n; i++) s[i] = x[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
    return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2 }
  function quantile(x, n, q,   s, i, j, t) { for (i = 1; i <= n; i++) s[i] = x[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
    return s[int((n - 1) * q) + 1] }
  END {
    printf "before %s: median %.1f ms CPU\n", before, median(b, NR)
    printf "after  %s: median %.1f ms CPU\n", after, median(a, NR)
    printf "before/after per pair (%d pairs): median %.3f, quartiles %.3f to %.3f\n", NR, median(r, NR), quantile(r, NR, 0.25), quantile(r, NR, 0.75)
  }'
