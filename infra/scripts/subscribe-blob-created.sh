#!/usr/bin/env bash
# Subscribes the BlobCreated function to new blobs of the raw-logs container. Event Grid validates the function
# endpoint, so this runs after publish-functions.sh (it is idempotent).
#   usage: infra/scripts/subscribe-blob-created.sh RESOURCE_GROUP SYSTEM_TOPIC FUNCTION_APP DATA_STORAGE_ACCOUNT
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rg="$1" topic="$2" app="$3" account="$4"

az deployment group create --resource-group "$rg" --name blob-created-subscription \
  --template-file "$root/infra/modules/blob-created-subscription.bicep" \
  --parameters systemTopicName="$topic" functionAppName="$app" storageAccountName="$account" \
  --only-show-errors --output none
echo "subscribe-blob-created: $topic -> $app/BlobCreated"
