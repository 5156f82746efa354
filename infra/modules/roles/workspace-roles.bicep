// Role assignments scoped to one Log Analytics workspace.

import { roleAssignment } from '../role-definitions.bicep'

@description('Log Analytics workspace name.')
param workspaceName string

@description('Assignments to create at this scope.')
param assignments roleAssignment[]

resource target 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
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
