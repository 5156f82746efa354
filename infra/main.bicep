// audit-sentinel: Linux audit data into Microsoft Sentinel. Deploys, into one resource group, the ingestion path
// (storage, Event Hubs, Event Grid, the Flex Consumption custom-handler function app, the DCR) and, into the
// Sentinel workspace (new here or an existing one anywhere), the custom tables and the Sentinel content.
// Nothing here holds a secret: every hop authenticates with a managed identity and least-privilege roles.

import { roleDefinitionIds } from 'modules/role-definitions.bicep'

@description('Environment name (dev, prod, ...): part of every resource name.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Short lowercase prefix of resource names (letters and digits).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'audsen'

@description('Azure region of the resources; must offer Flex Consumption and be the workspace region.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Resource id of an existing Log Analytics workspace to use (Sentinel is onboarded on it); empty creates one.')
param existingWorkspaceResourceId string = ''

@description('Interactive retention of a new workspace, in days.')
@minValue(30)
@maxValue(730)
param workspaceRetentionInDays int = 90

@description('Onboard Microsoft Sentinel on the workspace (skip when it is already onboarded and managed elsewhere).')
param onboardSentinel bool = true

@description('Plan of the custom tables. Scheduled analytic rules need Analytics.')
@allowed([
  'Analytics'
  'Basic'
  'Auxiliary'
])
param tablePlan string = 'Analytics'

@description('Interactive retention of the custom tables in days; -1 uses the workspace default.')
@minValue(-1)
@maxValue(730)
param tableRetentionInDays int = -1

@description('Total (interactive + long-term) retention of the custom tables in days; -1 for none beyond interactive.')
@minValue(-1)
@maxValue(4383)
param tableTotalRetentionInDays int = -1

@description('Create a data collection endpoint for Azure Monitor private link and send through it.')
param usePrivateLinkEndpoint bool = false

@description('Function app instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Upper bound of function app instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Redact keystrokes typed at password prompts (pam_tty_audit log_passwd) before they leave the function.')
param redactTty bool = true

@description('Event hub partitions.')
@minValue(1)
@maxValue(32)
param eventHubPartitionCount int = 4

@description('Event hub retention in hours.')
@minValue(1)
@maxValue(168)
param eventHubRetentionHours int = 72

@description('Event Hubs throughput units.')
@minValue(1)
@maxValue(40)
param eventHubCapacity int = 1

@description('Replication of the raw/dead-letter storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param dataStorageSku string = 'Standard_LRS'

@description('Object id of the Azure Security Insights service principal in this tenant (app id 98785600-1bb7-4fb9-b9fa-19afe2c8a360); it is given Microsoft Sentinel Automation Contributor on this resource group so automation rules can run the playbook. Empty skips it.')
param sentinelServicePrincipalObjectId string = ''

@description('Object id of the identity that runs the smoke test (pipeline or azd user): it may upload to raw-logs and query the workspace. Empty skips it.')
param deployerPrincipalId string = ''

@description('Principal type of deployerPrincipalId.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param deployerPrincipalType string = 'ServicePrincipal'

@description('Object ids of host identities (Arc-enabled servers, VM managed identities) that ship logs: they may write to raw-logs and send to the event hub.')
param shipperPrincipalIds string[] = []

@description('Deploy the Sentinel content (analytic rules, hunting queries, parser functions, playbook, automation rule).')
param deploySentinelContent bool = true

// ---------- names ----------
var baseName = '${namePrefix}-${environmentName}'
var token = uniqueString(subscription().id, resourceGroup().id, environmentName)
var compactPrefix = toLower(replace(namePrefix, '-', ''))
var names = {
  workspace: 'log-${baseName}'
  dataCollectionRule: 'dcr-${baseName}'
  dataCollectionEndpoint: 'dce-${baseName}'
  dataStorage: take('st${compactPrefix}d${token}', 24)
  hostStorage: take('st${compactPrefix}f${token}', 24)
  eventHubsNamespace: 'evhns-${baseName}-${token}'
  functionApp: 'func-${baseName}-${token}'
  functionPlan: 'plan-${baseName}'
  applicationInsights: 'appi-${baseName}'
  systemTopic: 'evgt-${baseName}-storage'
  playbook: 'logic-${baseName}-session-timeline'
}
var containers = {
  raw: 'raw-logs'
  deadLetter: 'dead-letter'
  undeliveredEvents: 'undelivered-events'
  deploymentPackage: 'app-package'
}

// ---------- generated inputs (audit-sentinel schema / content build) ----------
var tables = loadJsonContent('generated/tables.json').tables
var analyticRules = loadJsonContent('generated/analytic-rules.json')
var huntingQueries = loadJsonContent('generated/hunting-queries.json')
var parserFunctions = loadJsonContent('generated/functions.json')
var playbookWorkflow = loadJsonContent('playbooks/session-timeline/workflow.json')

// ---------- the workspace: new here, or existing anywhere ----------
var useExistingWorkspace = !empty(existingWorkspaceResourceId)
var workspaceIdParts = split(existingWorkspaceResourceId, '/')
var workspaceSubscriptionId = useExistingWorkspace ? workspaceIdParts[2] : subscription().subscriptionId
var workspaceResourceGroupName = useExistingWorkspace ? workspaceIdParts[4] : resourceGroup().name
var workspaceName = useExistingWorkspace ? last(workspaceIdParts) : names.workspace
var workspaceResourceId = useExistingWorkspace
  ? existingWorkspaceResourceId
  : resourceId('Microsoft.OperationalInsights/workspaces', names.workspace)
// Modules deployed into the workspace's resource group carry the environment in their deployment name, so two
// environments sharing one Sentinel workspace do not overwrite each other's deployment records.
var workspaceScope = resourceGroup(workspaceSubscriptionId, workspaceResourceGroupName)

module newWorkspace 'modules/log-analytics-workspace.bicep' = if (!useExistingWorkspace) {
  name: 'workspace'
  params: {
    name: names.workspace
    location: location
    tags: tags
    retentionInDays: workspaceRetentionInDays
  }
}

module sentinel 'modules/sentinel-onboarding.bicep' = if (onboardSentinel) {
  name: 'sentinel-onboarding-${baseName}'
  scope: workspaceScope
  params: {
    workspaceName: workspaceName
  }
  dependsOn: [
    newWorkspace
  ]
}

module customTables 'modules/custom-tables.bicep' = {
  name: 'custom-tables-${baseName}'
  scope: workspaceScope
  params: {
    workspaceName: workspaceName
    tables: tables
    plan: tablePlan
    retentionInDays: tableRetentionInDays
    totalRetentionInDays: tableTotalRetentionInDays
  }
  dependsOn: [
    newWorkspace
  ]
}

// ---------- ingestion: DCR (and optional DCE) ----------
module dataCollectionEndpoint 'modules/data-collection-endpoint.bicep' = if (usePrivateLinkEndpoint) {
  name: 'data-collection-endpoint'
  params: {
    name: names.dataCollectionEndpoint
    location: location
    tags: tags
  }
}

module dataCollectionRule 'modules/data-collection-rule.bicep' = {
  name: 'data-collection-rule'
  params: {
    name: names.dataCollectionRule
    location: location
    tags: tags
    workspaceResourceId: workspaceResourceId
    tables: tables
    dataCollectionEndpointId: usePrivateLinkEndpoint ? dataCollectionEndpoint!.outputs.id : ''
  }
  // The output streams must exist as tables before the DCR refers to them.
  dependsOn: [
    customTables
  ]
}

// ---------- storage: raw logs and dead letters; host state and the deployment package ----------
module dataStorage 'modules/storage-account.bicep' = {
  name: 'data-storage'
  params: {
    name: names.dataStorage
    location: location
    tags: tags
    skuName: dataStorageSku
    containerNames: [
      containers.raw
      containers.deadLetter
      containers.undeliveredEvents
    ]
  }
}

// A separate account for the Functions host: the host storage role (Storage Blob Data Owner) then covers only
// host state and the package, never the audit logs.
module hostStorage 'modules/storage-account.bicep' = {
  name: 'host-storage'
  params: {
    name: names.hostStorage
    location: location
    tags: tags
    containerNames: [
      containers.deploymentPackage
    ]
  }
}

module eventHubs 'modules/event-hubs.bicep' = {
  name: 'event-hubs'
  params: {
    namespaceName: names.eventHubsNamespace
    location: location
    tags: tags
    capacity: eventHubCapacity
    partitionCount: eventHubPartitionCount
    retentionHours: eventHubRetentionHours
  }
}

module applicationInsights 'modules/application-insights.bicep' = {
  name: 'application-insights'
  params: {
    name: names.applicationInsights
    location: location
    tags: tags
    workspaceResourceId: workspaceResourceId
  }
  dependsOn: [
    newWorkspace
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.functionPlan
    location: location
    tags: tags
    hostStorageAccountName: hostStorage.outputs.name
    deploymentContainerUrl: '${hostStorage.outputs.blobEndpoint}${containers.deploymentPackage}'
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    applicationInsightsConnectionString: applicationInsights.outputs.connectionString
    ingestionEndpoint: dataCollectionRule.outputs.logsIngestionEndpoint
    dataCollectionRuleImmutableId: dataCollectionRule.outputs.immutableId
    rawContainerUrl: '${dataStorage.outputs.blobEndpoint}${containers.raw}'
    deadLetterContainerUrl: '${dataStorage.outputs.blobEndpoint}${containers.deadLetter}'
    redactTty: redactTty
    eventHubsFullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
    eventHubName: eventHubs.outputs.eventHubName
    eventHubConsumerGroup: eventHubs.outputs.consumerGroupName
  }
}

module systemTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountId: dataStorage.outputs.id
  }
}

// ---------- roles of the function app's identity ----------
var functionPrincipal = functionApp.outputs.principalId

module functionDcrRoles 'modules/roles/data-collection-rule-roles.bicep' = {
  name: 'roles-function-dcr'
  params: {
    dataCollectionRuleName: dataCollectionRule.outputs.name
    assignments: [
      {
        principalId: functionPrincipal
        roleDefinitionId: roleDefinitionIds.monitoringMetricsPublisher
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

var deployerAssignments = empty(deployerPrincipalId)
  ? []
  : [
      {
        principalId: deployerPrincipalId
        roleDefinitionId: roleDefinitionIds.storageBlobDataContributor
        principalType: deployerPrincipalType
      }
    ]
var shipperUploadAssignments = [
  for id in shipperPrincipalIds: {
    principalId: id
    roleDefinitionId: roleDefinitionIds.storageBlobDataContributor
    principalType: 'ServicePrincipal'
  }
]
var shipperSendAssignments = [
  for id in shipperPrincipalIds: {
    principalId: id
    roleDefinitionId: roleDefinitionIds.eventHubsDataSender
    principalType: 'ServicePrincipal'
  }
]

module rawContainerRoles 'modules/roles/storage-container-roles.bicep' = {
  name: 'roles-raw-container'
  params: {
    storageAccountName: dataStorage.outputs.name
    containerName: containers.raw
    // The function only reads the evidence it ingests: its processing state lives in state/ markers in dead-letter.
    assignments: concat(
      [
        {
          principalId: functionPrincipal
          roleDefinitionId: roleDefinitionIds.storageBlobDataReader
          principalType: 'ServicePrincipal'
        }
      ],
      deployerAssignments,
      shipperUploadAssignments
    )
  }
}

module deadLetterContainerRoles 'modules/roles/storage-container-roles.bicep' = {
  name: 'roles-dead-letter-container'
  params: {
    storageAccountName: dataStorage.outputs.name
    containerName: containers.deadLetter
    assignments: [
      {
        principalId: functionPrincipal
        roleDefinitionId: roleDefinitionIds.storageBlobDataContributor
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

module hostStorageRoles 'modules/roles/storage-account-roles.bicep' = {
  name: 'roles-host-storage'
  params: {
    storageAccountName: hostStorage.outputs.name
    assignments: [
      {
        principalId: functionPrincipal
        roleDefinitionId: roleDefinitionIds.storageBlobDataOwner
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

module eventHubRoles 'modules/roles/event-hub-roles.bicep' = {
  name: 'roles-event-hub'
  params: {
    namespaceName: eventHubs.outputs.namespaceName
    eventHubName: eventHubs.outputs.eventHubName
    assignments: concat(
      [
        {
          principalId: functionPrincipal
          roleDefinitionId: roleDefinitionIds.eventHubsDataReceiver
          principalType: 'ServicePrincipal'
        }
      ],
      shipperSendAssignments
    )
  }
}

module appInsightsRoles 'modules/roles/app-insights-roles.bicep' = {
  name: 'roles-app-insights'
  params: {
    componentName: applicationInsights.outputs.name
    assignments: [
      {
        principalId: functionPrincipal
        roleDefinitionId: roleDefinitionIds.monitoringMetricsPublisher
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

// Event Grid dead-letters undeliverable BlobCreated events with the system topic's identity.
module undeliveredEventsRoles 'modules/roles/storage-container-roles.bicep' = {
  name: 'roles-undelivered-events-container'
  params: {
    storageAccountName: dataStorage.outputs.name
    containerName: containers.undeliveredEvents
    assignments: [
      {
        principalId: systemTopic.outputs.principalId
        roleDefinitionId: roleDefinitionIds.storageBlobDataContributor
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

// ---------- Sentinel content ----------
module sentinelContent 'modules/sentinel-content.bicep' = if (deploySentinelContent) {
  name: 'sentinel-content-${baseName}'
  scope: workspaceScope
  params: {
    workspaceName: workspaceName
    analyticRules: analyticRules
    huntingQueries: huntingQueries
    parserFunctions: parserFunctions
  }
  dependsOn: [
    sentinel
    customTables
  ]
}

module playbook 'modules/playbook.bicep' = if (deploySentinelContent) {
  name: 'playbook-session-timeline'
  params: {
    name: names.playbook
    location: location
    tags: tags
    definition: any(playbookWorkflow).?definition ?? playbookWorkflow
  }
}

module workspaceRoles 'modules/roles/workspace-roles.bicep' = {
  name: 'roles-workspace-${baseName}'
  scope: workspaceScope
  params: {
    workspaceName: workspaceName
    assignments: concat(
      deploySentinelContent
        ? [
            {
              principalId: playbook!.outputs.principalId
              roleDefinitionId: roleDefinitionIds.sentinelResponder
              principalType: 'ServicePrincipal'
            }
            {
              principalId: playbook!.outputs.principalId
              roleDefinitionId: roleDefinitionIds.logAnalyticsReader
              principalType: 'ServicePrincipal'
            }
          ]
        : [],
      empty(deployerPrincipalId)
        ? []
        : [
            {
              principalId: deployerPrincipalId
              roleDefinitionId: roleDefinitionIds.logAnalyticsReader
              principalType: deployerPrincipalType
            }
          ]
    )
  }
  dependsOn: [
    newWorkspace
  ]
}

// Automation rules run playbooks as the Azure Security Insights service principal, which needs this role on the
// playbook's resource group.
module sentinelAutomationRole 'modules/roles/resource-group-roles.bicep' = if (deploySentinelContent && !empty(sentinelServicePrincipalObjectId)) {
  name: 'roles-sentinel-automation'
  params: {
    assignments: [
      {
        principalId: sentinelServicePrincipalObjectId
        roleDefinitionId: roleDefinitionIds.sentinelAutomationContributor
        principalType: 'ServicePrincipal'
      }
    ]
  }
}

module automationRule 'modules/automation-rule.bicep' = if (deploySentinelContent && !empty(analyticRules)) {
  name: 'automation-rule-${baseName}'
  scope: workspaceScope
  params: {
    workspaceName: workspaceName
    playbookResourceId: playbook!.outputs.id
    analyticRuleIds: sentinelContent!.outputs.analyticRuleIds
  }
  dependsOn: [
    sentinelAutomationRole
  ]
}

// ---------- outputs (azd exports them as environment variables; deploy.yml reads them) ----------
@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Log Analytics workspace resource id.')
output WORKSPACE_RESOURCE_ID string = workspaceResourceId

@description('Log Analytics workspace (customer) id, for `audit-sentinel query --workspace`.')
output WORKSPACE_ID string = reference(workspaceResourceId, '2023-09-01').customerId

@description('Function app name.')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Storage account holding raw-logs and dead-letter.')
output DATA_STORAGE_ACCOUNT string = dataStorage.outputs.name

@description('Container hosts ship rotated audit logs to.')
output RAW_CONTAINER string = containers.raw

@description('Event Grid system topic of the data storage account.')
output EVENT_GRID_SYSTEM_TOPIC string = systemTopic.outputs.name

@description('Fully qualified Event Hubs namespace (Kafka endpoint host, port 9093).')
output EVENT_HUBS_NAMESPACE string = eventHubs.outputs.fullyQualifiedNamespace

@description('Event hub hosts stream live lines to.')
output EVENT_HUB_NAME string = eventHubs.outputs.eventHubName

@description('Logs Ingestion endpoint of the DCR.')
output INGESTION_ENDPOINT string = dataCollectionRule.outputs.logsIngestionEndpoint

@description('Immutable id of the DCR.')
output DCR_IMMUTABLE_ID string = dataCollectionRule.outputs.immutableId
