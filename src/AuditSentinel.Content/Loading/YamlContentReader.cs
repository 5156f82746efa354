using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AuditSentinel.Content.Loading;

/// <summary>
/// Reads the YAML files of one content folder into typed documents. Unknown keys, duplicate keys and syntax errors
/// are problems naming the file and line, never silently dropped; so is any file that is not YAML.
/// </summary>
internal sealed class YamlContentReader
{
    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    private readonly IDeserializer deserializer;

    private YamlContentReader(INamingConvention naming) =>
        deserializer = new StaticDeserializerBuilder(new ContentYamlContext()).WithNamingConvention(naming).WithDuplicateKeyChecking().Build();

    /// <summary>Rules and hunting queries: camelCase keys, as in Azure-Sentinel.</summary>
    public static YamlContentReader CamelCase { get; } = new(CamelCaseNamingConvention.Instance);

    /// <summary>ASIM-style parser files: PascalCase keys.</summary>
    public static YamlContentReader PascalCase { get; } = new(PascalCaseNamingConvention.Instance);

    public IReadOnlyList<ContentFile<T>> ReadFolder<T>(string repositoryRoot, string folder, List<ContentProblem> problems)
        where T : class
    {
        var files = new List<ContentFile<T>>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');
            if (!YamlExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                if (!string.Equals(Path.GetExtension(path), ".md", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new ContentProblem(relative, "not a content file: content is YAML (.yaml), one item per file"));
                }

                continue;
            }

            try
            {
                var document = deserializer.Deserialize<T?>(File.ReadAllText(path));
                if (document is null)
                {
                    problems.Add(new ContentProblem(relative, "the file is empty"));
                }
                else
                {
                    files.Add(new ContentFile<T>(relative, document));
                }
            }
            catch (YamlException e)
            {
                problems.Add(new ContentProblem(relative, $"line {e.Start.Line}: {Innermost(e).Message}"));
            }
        }

        return files;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
