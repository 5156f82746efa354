// The ingestion function app: an Azure Functions custom handler (the AuditSentinel.Functions executable) on the
// Flex Consumption plan, Linux, with a system-assigned identity used for everything: host storage, the deployment
// package, blobs, Event Hubs, the Logs Ingestion API and Application Insights. No keys or connection strings.

@description('Function app name (globally unique host name).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region (one that offers Flex Consumption).')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('Name of the storage account for host state and the deployment package (AzureWebJobsStorage).')
param hostStorageAccountName string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('Instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Application Insights connection string (endpoint and identifier; local auth is disabled on the component).')
param applicationInsightsConnectionString string

@description('Logs Ingestion endpoint of the DCR (or DCE).')
param ingestionEndpoint string

@description('Immutable id of the DCR.')
param dataCollectionRuleImmutableId string

@description('URL of the raw-logs container the BlobCreated function reads from.')
param rawContainerUrl string

@description('URL of the dead-letter container failed batches are written to.')
param deadLetterContainerUrl string

@description('Redact keystrokes typed at password prompts before they leave the function.')
param redactTty bool = true

@description('Attempts at a raw blob before it is given up on (poison record in the dead-letter container).')
@minValue(1)
@maxValue(10)
param blobMaxAttempts int = 3

@description('Fully qualified Event Hubs namespace (name.servicebus.windows.net).')
param eventHubsFullyQualifiedNamespace string

@description('Event hub name.')
param eventHubName string

@description('Consumer group of the function app.')
param eventHubConsumerGroup string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      // Flex takes the worker runtime here, not from a FUNCTIONS_WORKER_RUNTIME app setting: 'custom' is the
      // custom handler stack (FUNCTIONS_WORKER_RUNTIME=custom), whose only version is 1.0.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based host storage: the account name alone selects the system-assigned identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: hostStorageAccountName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        // Identity-based Event Hubs connection for the EventHubIngest trigger (connection prefix EventHubConnection).
        {
          name: 'EventHubConnection__fullyQualifiedNamespace'
          value: eventHubsFullyQualifiedNamespace
        }
        {
          name: 'AUDITSENTINEL_EVENTHUB_NAME'
          value: eventHubName
        }
        {
          name: 'AUDITSENTINEL_EVENTHUB_CONSUMER_GROUP'
          value: eventHubConsumerGroup
        }
        {
          name: 'AUDITSENTINEL_INGESTION_ENDPOINT'
          value: ingestionEndpoint
        }
        {
          name: 'AUDITSENTINEL_DCR_IMMUTABLE_ID'
          value: dataCollectionRuleImmutableId
        }
        {
          name: 'AUDITSENTINEL_RAW_CONTAINER_URL'
          value: rawContainerUrl
        }
        {
          name: 'AUDITSENTINEL_DEADLETTER_CONTAINER_URL'
          value: deadLetterContainerUrl
        }
        {
          name: 'AUDITSENTINEL_REDACT_TTY'
          value: redactTty ? 'true' : 'false'
        }
        {
          name: 'AUDITSENTINEL_BLOB_MAX_ATTEMPTS'
          value: string(blobMaxAttempts)
        }
        // As long as host.json's functionTimeout: a duplicate delivery inside it waits for the running attempt.
        {
          name: 'AUDITSENTINEL_BLOB_CLAIM_MINUTES'
          value: '30'
        }
        // The .NET GC's first generation capped at 32 MiB (hex, as eng/HotLoopRuntime.props gives the NativeAOT CLI): sized
        // from the machine's cache it let the heap grow and cycle through memory no cache holds (docs/performance.md).
        {
          name: 'DOTNET_GCgen0size'
          value: '2000000'
        }
      ]
    }
  }
}

// Publishing goes through Entra ID (OneDeploy with the caller's token); basic-auth publishing credentials are off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('Function app resource id.')
output id string = app.id

@description('Function app name.')
output name string = app.name

@description('Object id of the app\'s system-assigned identity.')
output principalId string = app.identity.principalId
