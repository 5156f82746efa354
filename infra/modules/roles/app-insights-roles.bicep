// Role assignments scoped to one Application Insights component.

import { roleAssignment } from '../role-definitions.bicep'

@description('Application Insights component name.')
param componentName string

@description('Assignments to create at this scope.')
param assignments roleAssignment[]

resource target 'Microsoft.Insights/components@2020-02-02' existing = {
  name: componentName
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
