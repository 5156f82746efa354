using System.Collections.Frozen;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// The entity types analytic rules can map and the identifiers of each (Microsoft Sentinel entity types reference).
/// A mapping holds at most <see cref="MaxIdentifiersPerEntity"/> identifiers.
/// </summary>
public static class EntityIdentifiers
{
    /// <summary>Identifiers one entity mapping may hold.</summary>
    public const int MaxIdentifiersPerEntity = 3;

    /// <summary>Entity mappings one rule may hold.</summary>
    public const int MaxEntityMappings = 10;

    /// <summary>Identifiers by entity type (the API's entityType spelling).</summary>
    public static FrozenDictionary<string, FrozenSet<string>> ByType { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Account"] = ["Name", "FullName", "NTDomain", "DnsDomain", "UPNSuffix", "Sid", "AadTenantId", "AadUserId", "PUID", "IsDomainJoined", "DisplayName", "ObjectGuid"],
        ["Host"] = ["DnsDomain", "NTDomain", "HostName", "FullName", "NetBiosName", "AzureID", "OMSAgentID", "OSFamily", "OSVersion", "IsDomainJoined"],
        ["IP"] = ["Address", "AddressScope"],
        ["URL"] = ["Url"],
        ["AzureResource"] = ["ResourceId"],
        ["CloudApplication"] = ["AppId", "Name", "InstanceName"],
        ["DNS"] = ["DomainName"],
        ["File"] = ["Directory", "Name"],
        ["FileHash"] = ["Algorithm", "Value"],
        ["Malware"] = ["Name", "Category"],
        ["Process"] = ["ProcessId", "CommandLine", "ElevationToken", "CreationTimeUtc"],
        ["RegistryKey"] = ["Hive", "Key"],
        ["RegistryValue"] = ["Name", "Value", "ValueType"],
        ["SecurityGroup"] = ["DistinguishedName", "SID", "ObjectGuid"],
        ["Mailbox"] = ["MailboxPrimaryAddress", "DisplayName", "Upn", "ExternalDirectoryObjectId", "RiskLevel"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Account identifiers that qualify a Name. Sentinel drops an Account mapped by Name alone when the name is
    /// generic (root, admin, ...), which on Linux is the account that matters most; the host's name as NTDomain
    /// (or a DNS domain) keeps it.
    /// </summary>
    public static FrozenSet<string> AccountQualifiers { get; } =
        FrozenSet.ToFrozenSet(["NTDomain", "DnsDomain", "UPNSuffix", "Sid", "AadUserId", "PUID", "ObjectGuid"], StringComparer.Ordinal);
}
