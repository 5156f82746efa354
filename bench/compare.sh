#!/usr/bin/env bash
# Whole-process comparison: audit-sentinel parse against the reference ausearch on the same file, one run each,
# printing throughput, the ratio to `ausearch --format csv`, and peak RSS (GNU time).
#   bench/compare.sh [SIZE] [FILE]      SIZE defaults to 200MB; FILE is generated from the embedded sample if absent.
# Our process is pinned to one core (taskset -c 0) so the ratio is per core, as the targets are stated.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-200MB}"
corpus="${2:-$root/out/bench/corpus-$size.log}"
out="$root/out/bench/parse-out"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need ausearch auditd
[ -x /usr/bin/time ] || need time time
need taskset util-linux

dotnet publish "$root/src/AuditSentinel.Cli" -c Release -o "$root/out/bench/cli" --nologo -v quiet >/dev/null
cli="$root/out/bench/cli/audit-sentinel"
mkdir -p "$(dirname "$corpus")"
[ -f "$corpus" ] || "$cli" generate --out "$corpus" --size "$size"
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # warm the page cache so every tool reads from memory

measure() { # name, command...
  local name="$1"; shift
  local log; log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" > /dev/null 2>&1 || { echo "$name failed"; cat "$log"; exit 1; }
  read -r seconds rss_kb < <(tail -1 "$log"); rm -f "$log"
  echo "$name $seconds $rss_kb"
}

results=()
results+=("$(measure 'ausearch --format csv' env TZ=UTC ausearch --format csv -if "$corpus")")
results+=("$(measure 'ausearch -i' env TZ=UTC ausearch -i -if "$corpus")")
rm -rf "$out"
results+=("$(measure 'audit-sentinel parse --out' taskset -c 0 "$cli" parse "$corpus" --out "$out" --format ndjson)")
results+=("$(measure 'audit-sentinel parse (summary)' taskset -c 0 "$cli" parse "$corpus")")

baseline=$(echo "${results[0]}" | awk '{print $(NF-1)}')
printf '\ninput: %s (%d bytes), machine: %s, %s cores\n\n' "$corpus" "$bytes" "$(uname -m)" "$(nproc)"
printf '%-34s %9s %10s %14s %12s\n' tool seconds 'MB/s' 'vs csv' 'peak RSS MB'
for r in "${results[@]}"; do
  name=$(echo "$r" | awk '{NF-=2; print}'); seconds=$(echo "$r" | awk '{print $(NF-1)}'); rss=$(echo "$r" | awk '{print $NF}')
  awk -v n="$name" -v s="$seconds" -v r="$rss" -v b="$bytes" -v base="$baseline" \
    'BEGIN { s = (s < 0.01 ? 0.01 : s); printf "%-34s %9.2f %10.1f %13.2fx %12.1f\n", n, s, b/1048576/s, base/s, r/1024 }'
done
