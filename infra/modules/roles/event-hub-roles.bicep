// Role assignments scoped to one event hub.

import { roleAssignment } from '../role-definitions.bicep'

@description('Event Hubs namespace name.')
param namespaceName string

@description('Event hub name.')
param eventHubName string

@description('Assignments to create at this scope.')
param assignments roleAssignment[]

resource target 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' existing = {
  name: '${namespaceName}/${eventHubName}'
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in assignments: {
    scope: target
    name: guid(target.id, a.principalId, a.roleDefinitionId)
    properties: {
      principalId: a.principalId
      principalType: a.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleDefinitionId)
    }
  }
]
