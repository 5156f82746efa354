// Built-in Azure role definition ids used by this deployment, from the Azure built-in roles reference
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). One place, imported by the modules.

@export()
@description('Built-in role definition ids (GUIDs) by role name.')
var roleDefinitionIds = {
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  eventHubsDataReceiver: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975'
  sentinelAutomationContributor: 'f4c81013-99ee-4d62-a7ee-b3f1f648599a'
  sentinelResponder: '3e150937-b8fe-4cfb-8069-0eaf05ecd056'
  logAnalyticsReader: '73c42c96-874c-492b-b04d-ab87d138a893'
}


@export()
@description('One role assignment to create at a module\'s scope.')
type roleAssignment = {
  @description('Object id of the identity receiving the role.')
  principalId: string

  @description('Role definition id (a GUID from roleDefinitionIds).')
  roleDefinitionId: string

  @description('Kind of principal; ServicePrincipal covers managed identities.')
  principalType: ('ServicePrincipal' | 'User' | 'Group')
}
