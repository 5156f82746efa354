// Development: small, short retention, deploys everything into a new workspace unless one is given.
using '../main.bicep'

param environmentName = 'dev'
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param tags = {
  project: 'audit-sentinel'
  environment: 'dev'
}
param existingWorkspaceResourceId = readEnvironmentVariable('AUDITSENTINEL_WORKSPACE_RESOURCE_ID', '')
param workspaceRetentionInDays = 30
param tablePlan = 'Analytics'
param tableRetentionInDays = 30
param tableTotalRetentionInDays = 30
param functionInstanceMemoryMB = 2048
param functionMaximumInstanceCount = 40
param eventHubPartitionCount = 2
param eventHubRetentionHours = 24
param eventHubCapacity = 1
param dataStorageSku = 'Standard_LRS'
param redactTty = true
param sentinelServicePrincipalObjectId = readEnvironmentVariable('SENTINEL_SP_OBJECT_ID', '')
param deployerPrincipalId = readEnvironmentVariable('DEPLOYER_PRINCIPAL_ID', '')
param deployerPrincipalType = 'ServicePrincipal'
