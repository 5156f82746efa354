// Production: the SOC's existing Sentinel workspace by default, a year of audit history, zone-redundant storage.
using '../main.bicep'

param environmentName = 'prod'
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param tags = {
  project: 'audit-sentinel'
  environment: 'prod'
}
param existingWorkspaceResourceId = readEnvironmentVariable('AUDITSENTINEL_WORKSPACE_RESOURCE_ID', '')
param onboardSentinel = true
param workspaceRetentionInDays = 90
param tablePlan = 'Analytics'
param tableRetentionInDays = 90
param tableTotalRetentionInDays = 365
param functionInstanceMemoryMB = 2048
param functionMaximumInstanceCount = 100
param eventHubPartitionCount = 8
param eventHubRetentionHours = 72
param eventHubCapacity = 2
param dataStorageSku = 'Standard_ZRS'
param redactTty = true
param sentinelServicePrincipalObjectId = readEnvironmentVariable('SENTINEL_SP_OBJECT_ID', '')
param deployerPrincipalId = readEnvironmentVariable('DEPLOYER_PRINCIPAL_ID', '')
param deployerPrincipalType = 'ServicePrincipal'
