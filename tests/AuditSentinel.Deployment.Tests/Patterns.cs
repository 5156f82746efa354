using System.Text.RegularExpressions;

namespace AuditSentinel.Deployment.Tests;

/// <summary>The regular expressions the contract checks read Bicep, JSON and workflow text with.</summary>
internal static partial class Patterns
{
    /// <summary>`module x 'path.bicep'` and `import {...} from 'path.bicep'`.</summary>
    [GeneratedRegex(@"(?:^module\s+\w+\s+|^import\s+\{[^}]*\}\s+from\s+)'(?<path>[^']+\.bicep)'", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex ModuleOrImportPath();

    /// <summary>`loadJsonContent('path')` (and the other load*Content functions).</summary>
    [GeneratedRegex(@"load(?<kind>Json|Text|YamlContent|FileAsBase64)(?:Content)?\('(?<path>[^']+)'", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex LoadContent();

    /// <summary>`key: 'guid'` entries of the roleDefinitionIds variable.</summary>
    [GeneratedRegex(@"^\s*(?<key>\w+):\s*'(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex RoleIdEntry();

    /// <summary>`roleDefinitionIds.key` references.</summary>
    [GeneratedRegex(@"roleDefinitionIds\.(?<key>\w+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex RoleIdReference();

    /// <summary>An assignment object: `principalId: X` followed by `roleDefinitionId: roleDefinitionIds.Y`.</summary>
    [GeneratedRegex(@"principalId:\s*(?<principal>[^\s]+)\s+roleDefinitionId:\s*roleDefinitionIds\.(?<role>\w+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex Assignment();

    /// <summary>A role definition id written as a literal GUID instead of through roleDefinitionIds.</summary>
    [GeneratedRegex(@"roleDefinitionId:\s*'|roleDefinitions',\s*'[0-9a-f-]{36}'", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex LiteralRoleId();

    /// <summary>`name: 'SETTING'` entries (app settings).</summary>
    [GeneratedRegex(@"name:\s*'(?<name>[A-Za-z0-9_]+)'", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex SettingName();

    /// <summary>An AUDITSENTINEL_* setting name in source code.</summary>
    [GeneratedRegex(@"AUDITSENTINEL_[A-Z0-9_]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    public static partial Regex HandlerSetting();

    /// <summary>The setting name in the first cell of a Markdown table row: | `NAME` | ...</summary>
    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z0-9_]+)`\s*\|", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex SettingsTableRow();

    /// <summary>A %SETTING% binding expression in function.json.</summary>
    [GeneratedRegex(@"%(?<name>[A-Za-z0-9_]+)%", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex BindingExpression();

    /// <summary>The symbolic name of each `module` declaration.</summary>
    [GeneratedRegex(@"^module\s+(?<name>\w+)\s+'", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    public static partial Regex ModuleName();

    /// <summary>An ARM list* function call (listKeys(...), resource.listKeys(), listCallbackUrl(...)).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])list[A-Z]\w*\(", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    public static partial Regex ListFunction();
}
