#!/usr/bin/env bash
# End-to-end check of a deployment: uploads a real audit log to the raw container (Entra ID auth), then queries
# LinuxAuditEvents_CL with `audit-sentinel query` until every event of that blob has arrived (as many rows as
# `audit-sentinel parse` makes of the same file offline), or fails after the timeout.
#   usage: infra/scripts/smoke-test.sh STORAGE_ACCOUNT CONTAINER WORKSPACE_ID LOG_FILE [TIMEOUT_SECONDS]
# Assumes `audit-sentinel query` prints the result table to stdout, so the count is the last number printed.
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
query="LinuxAuditEvents_CL | where SourceName has '$blob' | count"
while :; do
  output="$(cli query --workspace "$workspace" "$query" 2>&1 || true)"
  count="$(printf '%s\n' "$output" | grep -Eo '[0-9]+' | tail -n 1 || true)"
  if [ "${count:-0}" -ge "$expected" ]; then
    echo "smoke-test: $count of $expected events from $blob reached LinuxAuditEvents_CL"
    exit 0
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "smoke-test: ${count:-0} of $expected events from $blob after ${timeout}s; last query output:" >&2
    printf '%s\n' "$output" >&2
    exit 1
  fi
  sleep 30
done
