using System.Collections.Frozen;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// What an ASIM parser of each schema must offer: the filtering parameters of its <c>vim</c> form (ASIM schema
/// references) and the mandatory columns of its result (common mandatory fields, the schema's mandatory fields and
/// aliases). Every parser, <c>vim</c> or <c>ASim</c>, takes <c>disabled</c>.
/// </summary>
public static class AsimSchemas
{
    private static readonly string[] CommonMandatory =
        ["EventCount", "EventStartTime", "EventEndTime", "EventType", "EventResult", "EventProduct", "EventVendor", "EventSchema", "EventSchemaVersion", "Dvc"];

    /// <summary>Schemas by their Normalization.Schema name.</summary>
    public static FrozenDictionary<string, AsimSchema> ByName { get; } = new Dictionary<string, AsimSchema>(StringComparer.Ordinal)
    {
        ["ProcessEvent"] = new(
            ["ProcessCreate", "ProcessTerminate"],
            ["starttime", "endtime", "commandline_has_any", "commandline_has_all", "commandline_has_any_ip_prefix", "actingprocess_has_any", "targetprocess_has_any", "parentprocess_has_any", "targetusername_has", "dvcipaddr_has_any_prefix", "dvchostname_has_any", "eventtype", "disabled"],
            [.. CommonMandatory, "ActorUsername", "ActingProcessId", "TargetUsername", "TargetProcessName", "TargetProcessId", "TargetProcessCommandLine", "User", "Process", "CommandLine"]),
        ["Authentication"] = new(
            ["Authentication"],
            ["starttime", "endtime", "username_has_any", "targetappname_has_any", "srcipaddr_has_any_prefix", "srchostname_has_any", "eventtype_in", "eventresultdetails_in", "eventresult", "disabled"],
            [.. CommonMandatory, "EventResultDetails", "TargetUsername", "User"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

/// <summary>An ASIM schema's parser name stems (<c>vim&lt;stem&gt;&lt;Vendor&gt;&lt;Product&gt;</c>), filtering parameters and mandatory result columns.</summary>
public sealed record AsimSchema(IReadOnlyList<string> NameStems, IReadOnlyList<string> FilteringParameters, IReadOnlyList<string> MandatoryColumns);
