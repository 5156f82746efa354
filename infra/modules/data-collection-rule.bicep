// The data collection rule the function app sends rows to (Logs Ingestion API): kind Direct, so it has its own
// logsIngestion endpoint; one stream declaration and one data flow per custom table, from the same generated schema.

import { tableSchema, streamName, outputStreamName } from 'table-schema.bicep'

@description('DCR name.')
param name string

@description('Azure region; must be the workspace region.')
param location string

@description('Tags applied to the DCR.')
param tags object = {}

@description('Resource id of the destination Log Analytics workspace.')
param workspaceResourceId string

@description('The tables and their columns, as in infra/generated/tables.json.')
param tables tableSchema[]

@description('Resource id of a data collection endpoint to use instead of the DCR\'s own endpoint (private link); empty for none.')
param dataCollectionEndpointId string = ''

var destinationName = 'sentinelWorkspace'

resource dcr 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: name
  location: location
  tags: tags
  kind: 'Direct'
  properties: {
    dataCollectionEndpointId: empty(dataCollectionEndpointId) ? null : dataCollectionEndpointId
    streamDeclarations: toObject(tables, table => streamName(table.name), table => { columns: table.columns })
    destinations: {
      logAnalytics: [
        {
          name: destinationName
          workspaceResourceId: workspaceResourceId
        }
      ]
    }
    dataFlows: [
      for table in tables: {
        streams: [
          streamName(table.name)
        ]
        destinations: [
          destinationName
        ]
        transformKql: 'source'
        outputStream: outputStreamName(table.name)
      }
    ]
  }
}

@description('DCR resource id (scope of the Monitoring Metrics Publisher assignment).')
output id string = dcr.id

@description('DCR name.')
output name string = dcr.name

@description('Immutable id, the {ruleId} of the Logs Ingestion API path.')
output immutableId string = dcr.properties.immutableId

@description('Logs Ingestion endpoint: the DCR\'s own (kind Direct) or, with a DCE, the DCE\'s.')
output logsIngestionEndpoint string = empty(dataCollectionEndpointId)
  ? dcr.properties.endpoints.logsIngestion
  : reference(dataCollectionEndpointId, '2024-03-11').logsIngestion.endpoint
