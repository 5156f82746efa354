// The shape of infra/generated/tables.json (written by `audit-sentinel schema`) and the naming rule that ties a
// custom table to its DCR stream. Both the tables and the DCR are built from that one file.

@export()
@description('One custom table: its name and its columns in order.')
type tableSchema = {
  @description('Table name, ending in _CL.')
  name: string

  @description('Columns; types are DCR stream types: string, int, long, real, boolean, dynamic, datetime.')
  columns: {
    name: string
    type: string
  }[]
}

@export()
@description('The DCR input stream of a custom table: LinuxAuditEvents_CL -> Custom-LinuxAuditEvents.')
func streamName(tableName string) string => 'Custom-${replace(tableName, '_CL', '')}'

@export()
@description('The DCR output stream of a custom table: LinuxAuditEvents_CL -> Custom-LinuxAuditEvents_CL.')
func outputStreamName(tableName string) string => 'Custom-${tableName}'
