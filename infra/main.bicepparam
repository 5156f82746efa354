// Parameters for `azd up` / `azd provision` (azd reads infra/main.bicepparam): the azd environment supplies the
// name, region and signed-in user; everything else keeps the main.bicep defaults.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param tags = {
  project: 'audit-sentinel'
  'azd-env-name': readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
}
param existingWorkspaceResourceId = readEnvironmentVariable('AUDITSENTINEL_WORKSPACE_RESOURCE_ID', '')
param sentinelServicePrincipalObjectId = readEnvironmentVariable('SENTINEL_SP_OBJECT_ID', '')
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param deployerPrincipalType = 'User'
