namespace AuditSentinel.Content.Documents;

/// <summary>
/// A workspace function (parser or ASIM parser) in the ASIM parser YAML format of Azure-Sentinel (one file per
/// function under kql/parsers or kql/asim). Keys are PascalCase, as in that format.
/// </summary>
public sealed class FunctionDocument
{
    /// <summary>Title, version and date of the parser.</summary>
    public FunctionHeaderDocument? Parser { get; set; }

    /// <summary>The product the parser reads.</summary>
    public ProductDocument? Product { get; set; }

    /// <summary>ASIM parsers only: the schema and schema version they produce.</summary>
    public NormalizationDocument? Normalization { get; set; }

    /// <summary>Links to the documentation the parser follows.</summary>
    public IList<ReferenceDocument>? References { get; set; }

    /// <summary>What the function returns.</summary>
    public string? Description { get; set; }

    /// <summary>The function alias queries call.</summary>
    public string? ParserName { get; set; }

    /// <summary>ASIM: the parameter-less (ASim) or filtering (vim) twin of this parser.</summary>
    public string? EquivalentParserName { get; set; }

    /// <summary>The parameters, in order, each with a type and a default.</summary>
    public IList<FunctionParameterDocument>? ParserParams { get; set; }

    /// <summary>The function body.</summary>
    public string? ParserQuery { get; set; }
}

/// <summary>Title, version and last update of a parser.</summary>
public sealed class FunctionHeaderDocument
{
    /// <summary>The display name.</summary>
    public string? Title { get; set; }

    /// <summary>The parser's version.</summary>
    public string? Version { get; set; }

    /// <summary>When it last changed.</summary>
    public string? LastUpdated { get; set; }
}

/// <summary>The product a parser reads.</summary>
public sealed class ProductDocument
{
    /// <summary>The product name.</summary>
    public string? Name { get; set; }
}

/// <summary>The ASIM schema a parser produces.</summary>
public sealed class NormalizationDocument
{
    /// <summary>ProcessEvent, Authentication, ...</summary>
    public string? Schema { get; set; }

    /// <summary>The schema version.</summary>
    public string? Version { get; set; }
}

/// <summary>A documentation link.</summary>
public sealed class ReferenceDocument
{
    /// <summary>The link's title.</summary>
    public string? Title { get; set; }

    /// <summary>The URL.</summary>
    public string? Link { get; set; }
}

/// <summary>A function parameter: name, Kusto scalar type and default value (a KQL literal).</summary>
public sealed class FunctionParameterDocument
{
    /// <summary>The parameter name.</summary>
    public string? Name { get; set; }

    /// <summary>string, datetime, dynamic, bool, long, int, real or timespan.</summary>
    public string? Type { get; set; }

    /// <summary>The default value as a KQL literal; every parameter has one so callers may leave it out.</summary>
    public string? Default { get; set; }
}
