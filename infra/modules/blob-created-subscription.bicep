// Delivers Microsoft.Storage.BlobCreated events of the raw-logs container to the BlobCreated function
// (eventGridTrigger) through the AzureFunction endpoint type: Event Grid calls the function through ARM, so no
// function key or webhook URL is involved. Event Grid validates that the function exists, so this is deployed
// after the function package is published (deploy.yml and the azd postprovision hook run
// infra/scripts/subscribe-blob-created.sh), not from main.bicep. Events still undelivered when the retries run out
// are written, with the topic's own identity, to the undelivered-events container: the blob they name can then be
// replayed, so a delivery outage loses nothing.

@description('Name of the storage account\'s Event Grid system topic.')
param systemTopicName string

@description('Function app name.')
param functionAppName string

@description('Function name of the Event Grid triggered function.')
param functionName string = 'BlobCreated'

@description('Container whose new blobs are ingested.')
param rawContainerName string = 'raw-logs'

@description('Name of the storage account that holds the undelivered-events container (the data account).')
param storageAccountName string

@description('Container Event Grid dead-letters undeliverable events to.')
param undeliveredEventsContainerName string = 'undelivered-events'

@description('Event subscription name.')
param subscriptionName string = 'raw-logs-to-blobcreated'

@description('Hours Event Grid keeps retrying a failed delivery.')
@minValue(1)
@maxValue(24)
param eventTimeToLiveHours int = 24

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionApp.id}/functions/${functionName}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${rawContainerName}/blobs/'
      isSubjectCaseSensitive: true
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccount.id
          blobContainerName: undeliveredEventsContainerName
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: eventTimeToLiveHours * 60
    }
  }
}

@description('Event subscription resource id.')
output id string = subscription.id
