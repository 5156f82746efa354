// Role assignments scoped to the resource group this module is deployed to.

import { roleAssignment } from '../role-definitions.bicep'

@description('Assignments to create on the resource group.')
param assignments roleAssignment[]

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in assignments: {
    name: guid(resourceGroup().id, a.principalId, a.roleDefinitionId)
    properties: {
      principalId: a.principalId
      principalType: a.principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleDefinitionId)
    }
  }
]
