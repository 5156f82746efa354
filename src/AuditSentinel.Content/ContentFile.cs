namespace AuditSentinel.Content;

/// <summary>A loaded content document and the file it came from (relative to the repository, with <c>/</c>).</summary>
public sealed record ContentFile<T>(string Path, T Document)
    where T : class
{
    /// <summary>The file name without its extension: the key of the rule's samples and of the catalogue entry.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);
}
