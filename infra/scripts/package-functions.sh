#!/usr/bin/env bash
# Builds the Flex Consumption package of the custom handler and prints its path.
#   usage: infra/scripts/package-functions.sh [OUT_DIR]        (default: out/functions)
# The publish layout belongs to src/AuditSentinel.Functions; this script relies on it being:
#   <publish>/AuditSentinel.Functions       the self-contained linux-x64 executable, ReadyToRun (host.json's defaultExecutablePath)
#   <publish>/<FunctionName>/function.json  one folder per function (BlobCreated, EventHubIngest)
#   <publish>/host.json                     copied by the project; the repository's host.json is used if it is not
# and zips the whole publish output (dependencies included) with file modes kept, so the executable stays executable.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/out/functions}"
publish="$out/publish"
package="$out/functions-package.zip"

rm -rf "$out"
mkdir -p "$out"
# ReadyToRun (precompiled code; the crossgen2 package comes from NuGet) spares a cold instance most of its start-up JIT,
# as it does for the CLI (docs/performance.md).
dotnet publish "$root/src/AuditSentinel.Functions" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
  -o "$publish" --nologo >&2

[ -f "$publish/host.json" ] || cp "$root/host.json" "$publish/host.json"

fail() { echo "package-functions: $*" >&2; exit 1; }
[ -f "$publish/AuditSentinel.Functions" ] || fail "the publish output has no AuditSentinel.Functions executable"
chmod +x "$publish/AuditSentinel.Functions"
for fn in BlobCreated EventHubIngest; do
  [ -f "$publish/$fn/function.json" ] || fail "the publish output has no $fn/function.json"
done

(cd "$publish" && zip -q -r -X "$package" .)
echo "$package"
