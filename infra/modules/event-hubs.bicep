// Event Hubs for live audit lines (Kafka endpoint for Fluent Bit/Vector, AMQP for rsyslog relays):
// Entra ID only (local SAS auth disabled), one hub, one consumer group for the function app.

@description('Namespace name (globally unique).')
param namespaceName string

@description('Azure region.')
param location string

@description('Tags applied to the namespace.')
param tags object = {}

@description('Event hub name.')
param eventHubName string = 'audit-lines'

@description('Consumer group the function app reads with.')
param consumerGroupName string = 'audit-sentinel'

@description('Namespace tier; Standard or above is needed for the Kafka endpoint.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string = 'Standard'

@description('Throughput units (Standard) or processing units (Premium).')
@minValue(1)
@maxValue(40)
param capacity int = 1

@description('Partitions of the hub (bounds the function app\'s parallelism).')
@minValue(1)
@maxValue(32)
param partitionCount int = 4

@description('Hours an event stays readable (replay window after an outage).')
@minValue(1)
@maxValue(168)
param retentionHours int = 72

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: capacity
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    kafkaEnabled: true
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    retentionDescription: {
      cleanupPolicy: 'Delete'
      retentionTimeInHours: retentionHours
    }
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2024-01-01' = {
  parent: hub
  name: consumerGroupName
}

@description('Namespace name.')
output namespaceName string = namespace.name

// The host of the namespace's endpoint (https://<name>.servicebus.windows.net:443/), so other clouds work too.
@description('Fully qualified namespace host, the identity-based connection setting value.')
output fullyQualifiedNamespace string = split(replace(replace(namespace.properties.serviceBusEndpoint, 'https:', ''), '/', ''), ':')[0]

@description('Event hub name.')
output eventHubName string = hub.name

@description('Event hub resource id (scope of the data roles).')
output eventHubId string = hub.id

@description('Consumer group name.')
output consumerGroupName string = consumerGroup.name
