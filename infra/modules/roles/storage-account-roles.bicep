// Role assignments scoped to one storage account.

import { roleAssignment } from '../role-definitions.bicep'

@description('Storage account name.')
param storageAccountName string

@description('Assignments to create at this scope.')
param assignments roleAssignment[]

resource target 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
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
