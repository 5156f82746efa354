#!/usr/bin/env bash
# Deploys a package built by package-functions.sh to the Flex Consumption app (OneDeploy, Entra ID auth: the
# app's basic-auth publishing credentials are disabled), then waits until the host has indexed both functions.
#   usage: infra/scripts/publish-functions.sh RESOURCE_GROUP FUNCTION_APP PACKAGE_ZIP [TIMEOUT_SECONDS]
set -euo pipefail
rg="$1" app="$2" package="$3" timeout="${4:-600}"

az functionapp deployment source config-zip --resource-group "$rg" --name "$app" --src "$package" --only-show-errors

deadline=$((SECONDS + timeout))
for fn in BlobCreated EventHubIngest; do
  until az functionapp function show --resource-group "$rg" --name "$app" --function-name "$fn" --only-show-errors >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "publish-functions: $fn was not indexed by $app within ${timeout}s" >&2
      exit 1
    fi
    sleep 10
  done
  echo "publish-functions: $fn is live on $app"
done
