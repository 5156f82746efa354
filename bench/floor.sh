#!/usr/bin/env bash
# The floor (bench/AuditSentinel.Floor): the least work any design of `parse --out` must do, counted in instructions
# per input byte beside our CLI's and ausearch's by bench/instructions.sh, in its four variants: JSON lines escaped (the
# floor), without the escape search, without output, and with the product's SHA-256 event id per event.
#   bench/floor.sh [FILE] [CLI...]
#   FILE defaults to instructions.sh's; CLI (NativeAOT builds to count beside it) defaults to none.
# The floor is published as NativeAOT with the CLI's defaults (and its symbol table, for the profile).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
floor="$root/out/bench/floor/audit-sentinel-floor"
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null; }
dotnet publish "$root/bench/AuditSentinel.Floor" -c Release -r linux-x64 -p:PublishAot=true -p:StripSymbols=false \
  -o "$(dirname "$floor")" --nologo -v quiet >/dev/null
corpus="${1:-$root/out/bench/corpus-5MB.log}"
shift $(($# > 0 ? 1 : 0))
"$root/bench/instructions.sh" "$corpus" "$@" \
  -- "$floor" {in} --out {out} \
  -- "$floor" {in} --out {out} --no-escape \
  -- "$floor" {in} --no-output \
  -- "$floor" {in} --out {out} --event-ids
