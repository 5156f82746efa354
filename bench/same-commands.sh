#!/usr/bin/env bash
# Proves a different build of the CLI (e.g. the NativeAOT binary) behaves like a reference build in every command that
# runs offline: the same exit code, standard output, standard error and written files, byte for byte (the health rows'
# TimeGenerated, the processing time, the commit in --version and the stack frames of an unhandled exception are
# masked). Commands that need Azure are compared on their help and argument errors. `schema` and `content build` must
# also reproduce the committed infra/generated files and docs/detections.md.
#   bench/same-commands.sh REFERENCE_CLI CANDIDATE_CLI
# Run from anywhere; it uses the repository's samples, fixtures and kql/.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 REFERENCE_CLI CANDIDATE_CLI" >&2; exit 2; }
reference="$(realpath "$1")"; candidate="$(realpath "$2")"
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sample="$root/samples/ssh-intrusion/audit.log"
gzip -c "$sample" > "$work/audit.log.gz"
mask() { sed -E 's/^\{"TimeGenerated":"[^"]*"/{"TimeGenerated":"-"/' "$1"; }
status=0; count=0

# run NAME ARGS...: runs both builds in $work/run (so relative paths and output folders are the same) and compares.
run() {
  local name="$1"; shift
  for side in reference candidate; do
    local cli="$reference"; [ "$side" = candidate ] && cli="$candidate"
    rm -rf "$work/run"; mkdir -p "$work/run"
    local code=0
    (cd "$work/run" && "$cli" "$@" < "${STDIN:-/dev/null}" > "$work/stdout" 2> "$work/stderr") || code=$?
    mkdir -p "$work/$side"
    echo "$code" > "$work/$side/exit-code"
    # --version names the commit each build came from.
    sed -E 's/^([0-9.]+)\+[0-9a-f]{40}$/\1+COMMIT/' "$work/stdout" > "$work/$side/stdout"
    # Stack frames of an unhandled exception are spelled differently by the JIT and NativeAOT runtimes.
    sed -E '/^   at /d; /^--- End of stack trace/d' "$work/stderr" > "$work/$side/stderr"
    for file in $(cd "$work/run" && find . -type f | sort); do
      mkdir -p "$work/$side/files/$(dirname "$file")"
      case "$file" in
        *LinuxAuditHealth_CL.ndjson) mask "$work/run/$file" > "$work/$side/files/$file" ;;
        *) cp "$work/run/$file" "$work/$side/files/$file" ;;
      esac
    done
  done
  count=$((count + 1))
  if diff -r "$work/reference" "$work/candidate" > "$work/diff"; then
    echo "same      $name (exit $(cat "$work/reference/exit-code"))"
  else
    echo "DIFFERENT $name"; head -20 "$work/diff"; status=1
  fi
  rm -rf "$work/reference" "$work/candidate"
}

run "help" --help
run "version" --version
for command in parse send replay query timeline schema generate content "content validate" "content build"; do
  # shellcheck disable=SC2086
  run "$command --help" $command --help
done
run "parse (embedded sample, summary)" parse
run "parse FILE --out" parse "$sample" --out out --format ndjson
run "parse FILE --format ndjson (stdout)" parse "$sample" --format ndjson
run "parse FILE --no-redact --out" parse "$sample" --out out --format ndjson --no-redact
run "parse FILE.gz --out" parse "$work/audit.log.gz" --out out --format ndjson
STDIN="$sample" run "parse - (stdin) --out" parse - --out out --format ndjson
run "parse FOLDER --out" parse "$root/tests/fixtures/go-libaudit" --out out --format ndjson
run "parse FOLDER (summary)" parse "$root/tests/fixtures/go-libaudit"
run "parse missing file" parse "$work/no-such.log"
run "parse bad --format" parse "$sample" --format xml
run "timeline" timeline --host vm --session 4 "$sample"
run "timeline --no-redact" timeline --host vm --session 4 --no-redact "$sample"
run "timeline unknown session" timeline --host vm --session 99 "$sample"
run "timeline missing --host" timeline --session 4 "$sample"
run "schema --out" schema --out generated
run "content validate" content validate --kql "$root/kql"
run "content build --out" content build --kql "$root/kql" --out generated --catalogue detections.md
run "content validate (missing folder)" content validate --kql "$work/no-such-kql"
run "generate --out" generate "$sample" --out corpus.log --size 2MB --hosts 8
run "send missing --endpoint" send "$sample" --rule-id dcr-00000000000000000000000000000000
run "send non-https endpoint" send "$sample" --endpoint http://example.com --rule-id dcr-00000000000000000000000000000000
run "replay missing store" replay "$work/no-such-store"
run "query missing --workspace" query "LinuxAuditEvents_CL | take 1"

# The generated files a deployment reads: the candidate's must equal the committed ones.
mkdir -p "$work/generated"
(cd "$work/generated" && "$candidate" schema --out . > /dev/null && "$candidate" content build --kql "$root/kql" --out . --catalogue detections.md > /dev/null)
for file in "$work"/generated/*.json; do
  count=$((count + 1))
  if cmp -s "$file" "$root/infra/generated/$(basename "$file")"; then echo "same      infra/generated/$(basename "$file")"
  else echo "DIFFERENT infra/generated/$(basename "$file")"; status=1; fi
done
count=$((count + 1))
if cmp -s "$work/generated/detections.md" "$root/docs/detections.md"; then echo "same      docs/detections.md"
else echo "DIFFERENT docs/detections.md"; status=1; fi
echo "$count comparisons, $([ $status = 0 ] && echo "all the same" || echo "some DIFFERENT")"
exit $status
