// Runs the playbook on every incident created by this deployment's analytic rules.

@description('Name of the Sentinel workspace (in this resource group).')
param workspaceName string

@description('Resource id of the playbook (Logic App).')
param playbookResourceId string

@description('Resource ids of the analytic rules whose incidents trigger the playbook.')
@minLength(1)
param analyticRuleIds string[]

@description('Automation rule order among the workspace\'s rules (lower runs first).')
@minValue(1)
@maxValue(1000)
param order int = 100

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource automationRule 'Microsoft.SecurityInsights/automationRules@2024-09-01' = {
  scope: workspace
  name: guid(workspace.id, playbookResourceId)
  properties: {
    displayName: 'audit-sentinel: session timeline on incidents from Linux audit rules'
    order: order
    triggeringLogic: {
      isEnabled: true
      triggersOn: 'Incidents'
      triggersWhen: 'Created'
      conditions: [
        {
          conditionType: 'Property'
          conditionProperties: {
            propertyName: 'IncidentRelatedAnalyticRuleIds'
            operator: 'Contains'
            propertyValues: analyticRuleIds
          }
        }
      ]
    }
    actions: [
      {
        order: 1
        actionType: 'RunPlaybook'
        actionConfiguration: {
          logicAppResourceId: playbookResourceId
          tenantId: tenant().tenantId
        }
      }
    ]
  }
}

@description('Automation rule resource id.')
output id string = automationRule.id
