// The Event Grid system topic of the data storage account: the source of the BlobCreated events. Its identity
// writes events that could not be delivered to the undelivered-events container (dead-lettering).

@description('System topic name.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags applied to the topic.')
param tags object = {}

@description('Resource id of the storage account whose events the topic publishes.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('System topic name.')
output name string = topic.name

@description('Object id of the topic\'s system-assigned identity (writes dead-lettered events).')
output principalId string = topic.identity.principalId
