// Onboards Microsoft Sentinel on a workspace in this resource group.

@description('Name of the Log Analytics workspace to onboard.')
param workspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource onboarding 'Microsoft.SecurityInsights/onboardingStates@2024-09-01' = {
  scope: workspace
  name: 'default'
  properties: {}
}

@description('Resource id of the onboarding state.')
output id string = onboarding.id
