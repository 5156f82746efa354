#!/usr/bin/env bash
# End-to-end check of a deployment: uploads a real audit log to the raw container (Entra ID auth), then queries
# LinuxAuditEvents_CL with `audit-sentinel query` until every event of that blob has arrived (as many rows as
# `audit-sentinel parse` makes of the same file offline), or fails after the timeout.
#   usage: infra/scripts/smoke-test.sh STORAGE_ACCOUNT CONTAINER WORKSPACE_ID LOG_FILE [TIMEOUT_SECONDS]
# Only a query that succeeds is read, and only its stdout (TSV: a header line, then the count): an error message,
# whatever numbers it holds (status codes, dates, lengths), never passes for a count.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
account="$1" container="$2" workspace="$3" log="$4" timeout="${5:-1500}"
blob="smoke/$(date -u +%Y%m%dT%H%M%SZ)-${GITHUB_RUN_ID:-local}-$(basename "$log")"
deadline=$((SECONDS + timeout))

# Role assignments made by the deployment take a few minutes to reach the data plane: retry the upload.
until az storage blob upload --auth-mode login --account-name "$account" --container-name "$container" \
  --name "$blob" --file "$log" --only-show-errors --output none; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "smoke-test: could not upload $blob" >&2; exit 1; }
  sleep 30
done
echo "smoke-test: uploaded $log as $container/$blob"

dotnet build "$root/src/AuditSentinel.Cli" -c Release --nologo -v quiet >/dev/null
cli() { dotnet run --project "$root/src/AuditSentinel.Cli" -c Release --no-build -- "$@"; }
expected_dir="$(mktemp -d)"
cli parse "$log" --out "$expected_dir" --format ndjson >/dev/null
expected="$(wc -l < "$expected_dir/LinuxAuditEvents_CL.ndjson")"
[ "$expected" -gt 0 ] || { echo "smoke-test: $log parses to no events" >&2; exit 1; }
# The function writes the blob name (relative to the container) as SourceName.
query="LinuxAuditEvents_CL | where SourceName == '$blob' | count"
errors="$expected_dir/query-errors.txt"
# The count in `query --format tsv` output: the line after the header (QueryCommandTests runs this very line).
count_of() { awk -F '\t' 'NR == 2 { print $1 }'; }
while :; do
  if output="$(cli query --workspace "$workspace" --format tsv "$query" 2>"$errors")"; then
    count="$(printf '%s\n' "$output" | count_of)"
  else
    count=0 output="$(cat "$errors")"
  fi
  case "$count" in '' | *[!0-9]*) count=0 ;; esac
  if [ "$count" -ge "$expected" ]; then
    echo "smoke-test: $count of $expected events from $blob reached LinuxAuditEvents_CL"
    exit 0
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "smoke-test: $count of $expected events from $blob after ${timeout}s; last query output:" >&2
    printf '%s\n' "$output" >&2
    exit 1
  fi
  sleep 30
done
