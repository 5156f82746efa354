// The session-timeline playbook: a Logic App with a system-assigned identity and two API connections that
// authenticate with that identity (Microsoft Sentinel to read and comment on the incident, Azure Monitor Logs to
// query the session's rows). No connection holds a credential.

@description('Logic App name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the Logic App and its connections.')
param tags object = {}

@description('Workflow definition (Logic Apps schema) that uses the $connections keys azuresentinel and azuremonitorlogs.')
param definition object

var connectorNames = [
  'azuresentinel'
  'azuremonitorlogs'
]

resource connections 'Microsoft.Web/connections@2016-06-01' = [
  for connector in connectorNames: {
    name: '${connector}-${name}'
    location: location
    tags: tags
    kind: 'V1'
    properties: {
      displayName: '${connector}-${name}'
      api: {
        id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, connector)
      }
      // Managed-identity connection: the workflow's identity signs in, the connection stores nothing.
      #disable-next-line BCP037
      parameterValueType: 'Alternative'
    }
  }
]

resource workflow 'Microsoft.Logic/workflows@2019-05-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    state: 'Enabled'
    definition: definition
    parameters: {
      '$connections': {
        value: toObject(
          range(0, length(connectorNames)),
          i => connectorNames[i],
          i => {
            connectionId: connections[i].id
            connectionName: connections[i].name
            id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, connectorNames[i])
            connectionProperties: {
              authentication: {
                type: 'ManagedServiceIdentity'
              }
            }
          }
        )
      }
    }
  }
}

@description('Logic App resource id (the automation rule\'s RunPlaybook target).')
output id string = workflow.id

@description('Object id of the Logic App\'s system-assigned identity.')
output principalId string = workflow.identity.principalId
