// The custom tables, their columns taken from infra/generated/tables.json.

import { tableSchema } from 'table-schema.bicep'

@description('Name of the Log Analytics workspace (in this resource group) that holds the tables.')
param workspaceName string

@description('The tables and their columns, as in infra/generated/tables.json.')
param tables tableSchema[]

@description('Table plan. Auxiliary suits long, cheap retention but cannot back scheduled analytic rules.')
@allowed([
  'Analytics'
  'Basic'
  'Auxiliary'
])
param plan string = 'Analytics'

@description('Interactive (analytics) retention in days; -1 uses the workspace default.')
@minValue(-1)
@maxValue(730)
param retentionInDays int = -1

@description('Total retention (interactive + long-term) in days; -1 uses the interactive retention.')
@minValue(-1)
@maxValue(4383)
param totalRetentionInDays int = -1

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource customTables 'Microsoft.OperationalInsights/workspaces/tables@2025-02-01' = [
  for table in tables: {
    parent: workspace
    name: table.name
    properties: {
      plan: plan
      retentionInDays: retentionInDays
      totalRetentionInDays: totalRetentionInDays
      schema: {
        name: table.name
        columns: table.columns
      }
    }
  }
]

@description('Resource ids of the tables, in the order of the tables parameter.')
output ids string[] = [for (table, i) in tables: customTables[i].id]
