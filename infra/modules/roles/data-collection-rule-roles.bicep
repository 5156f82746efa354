// Role assignments scoped to one data collection rule.

import { roleAssignment } from '../role-definitions.bicep'

@description('Data collection rule name.')
param dataCollectionRuleName string

@description('Assignments to create at this scope.')
param assignments roleAssignment[]

resource target 'Microsoft.Insights/dataCollectionRules@2024-03-11' existing = {
  name: dataCollectionRuleName
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
