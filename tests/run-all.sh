#!/usr/bin/env bash
# The whole test suite on a fresh clone: installs what the tests run against, then runs every test project.
# - Debian's auditd and python3-audit: ausearch/aureport/auparse, the reference the differential tests compare with.
# - tests/tools (npm, from its lockfile): Azurite, the Kusto language service, tree-sitter-bicep.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v ausearch >/dev/null 2>&1 || ! command -v aureport >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import auparse' >/dev/null 2>&1; then
  echo "tests: installing the Debian auditd tools (ausearch, aureport, python3-audit)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends auditd python3-audit >/dev/null
fi

stamp=tests/tools/node_modules/.installed-lock.json
if ! cmp -s tests/tools/package-lock.json "$stamp" 2>/dev/null; then
  echo "tests: installing the npm test tools (tests/tools)"
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/tools/package-lock.json "$stamp"
fi

dotnet test Functions.sln -c Release --nologo "$@"
