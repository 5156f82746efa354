// Workspace-based Application Insights with local (instrumentation key) auth disabled: telemetry needs Entra ID.

@description('Component name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the component.')
param tags object = {}

@description('Resource id of the Log Analytics workspace that stores the telemetry.')
param workspaceResourceId string

resource component 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspaceResourceId
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

@description('Component resource id (scope of the Monitoring Metrics Publisher assignment).')
output id string = component.id

@description('Component name.')
output name string = component.name

@description('Connection string: an endpoint and an identifier, not a credential once local auth is disabled.')
output connectionString string = component.properties.ConnectionString
