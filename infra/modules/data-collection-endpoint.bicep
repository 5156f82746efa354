// Optional data collection endpoint, for sending to the DCR over Azure Monitor private link.

@description('DCE name.')
param name string

@description('Azure region; must be the DCR region.')
param location string

@description('Tags applied to the DCE.')
param tags object = {}

@description('Public network access to the endpoint; Disabled when only private link may reach it.')
@allowed([
  'Enabled'
  'Disabled'
  'SecuredByPerimeter'
])
param publicNetworkAccess string = 'Disabled'

resource dce 'Microsoft.Insights/dataCollectionEndpoints@2024-03-11' = {
  name: name
  location: location
  tags: tags
  properties: {
    networkAcls: {
      publicNetworkAccess: publicNetworkAccess
    }
  }
}

@description('DCE resource id.')
output id string = dce.id

@description('Logs Ingestion endpoint of the DCE.')
output logsIngestionEndpoint string = dce.properties.logsIngestion.endpoint
