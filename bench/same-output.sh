#!/usr/bin/env bash
# Proves an optimization changed no output: runs `parse --out` of two CLI builds on the same logs and compares every
# NDJSON file byte for byte (the health rows' TimeGenerated, the processing time, is masked).
#   bench/same-output.sh REFERENCE_CLI CANDIDATE_CLI LOG...
# Build a reference from another revision with e.g.
#   git worktree add /tmp/ref <rev> && dotnet publish /tmp/ref/src/AuditSentinel.Cli -c Release -o /tmp/ref-cli
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 REFERENCE_CLI CANDIDATE_CLI LOG..." >&2; exit 2; }
reference="$1"; candidate="$2"; shift 2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mask() { sed -E 's/^\{"TimeGenerated":"[^"]*"/{"TimeGenerated":"-"/' "$1"; }
status=0
for log in "$@"; do
  for side in reference candidate; do
    cli="$reference"; [ "$side" = candidate ] && cli="$candidate"
    "$cli" parse "$log" --out "$work/$side" --format ndjson > /dev/null
  done
  for file in "$work"/reference/*.ndjson; do
    name=$(basename "$file")
    if [ "$name" = LinuxAuditHealth_CL.ndjson ]; then
      cmp -s <(mask "$file") <(mask "$work/candidate/$name") || { echo "DIFFERENT $log $name"; status=1; }
    else
      cmp -s "$file" "$work/candidate/$name" || { echo "DIFFERENT $log $name"; status=1; }
    fi
  done
  [ "$(ls "$work/reference")" = "$(ls "$work/candidate")" ] || { echo "DIFFERENT $log: file sets"; status=1; }
  echo "compared $log: $(cat "$work"/reference/*.ndjson | wc -l) rows"
  rm -rf "$work/reference" "$work/candidate"
done
exit $status
