// A new Log Analytics workspace for Sentinel (used when no existing workspace id is given).

@description('Workspace name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the workspace.')
param tags object = {}

@description('Interactive retention of the workspace default, in days.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 90

@description('Daily ingestion cap in GB; -1 for none.')
param dailyQuotaGb int = -1

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
      // Queries and ingestion authenticate with Entra ID only: no workspace shared keys.
      disableLocalAuth: true
    }
  }
}

@description('Workspace resource id.')
output id string = workspace.id

@description('Workspace name.')
output name string = workspace.name

@description('Workspace (customer) id, the GUID the query API takes.')
output customerId string = workspace.properties.customerId
