using System.Reflection;
using System.Xml.Linq;
using AuditSentinel.Content.Loading;

namespace AuditSentinel.Content.Tests;

/// <summary>
/// The Content project builds without CS1591, because the YAML static-context generator declares public members
/// without XML docs and a compiler warning cannot be narrowed to generated files. This test keeps the rule for
/// everything written here: every public type and member has an entry in the compiler's documentation file.
/// </summary>
public sealed class PublicApiDocumentationTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Every_public_type_and_member_written_here_has_xml_docs()
    {
        var assembly = typeof(ContentYamlContext).Assembly;
        var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
            .Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = assembly.GetExportedTypes()
            .Where(t => t != typeof(StaticTypeInspector))
            .SelectMany(t => Names(t).Where(n => !documented.Contains(n)))
            .ToList();

        Assert.True(documented.Count > 100, $"only {documented.Count} documented members: is the documentation file the right one?");
        Assert.True(missing.Count == 0, "no XML docs: " + string.Join(", ", missing));
    }

    /// <summary>Documentation ids of a type and the members declared on it (the generator's part of the context excluded).</summary>
    private static IEnumerable<string> Names(Type type)
    {
        yield return "T:" + Id(type);
        if (type == typeof(ContentYamlContext) || type.IsEnum || typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (var member in type.GetMembers(Declared))
        {
            var name = member switch
            {
                PropertyInfo p when !IsRecordEqualityContract(p) && !IsPositional(p) => "P:" + Id(type) + "." + p.Name,
                FieldInfo f => "F:" + Id(type) + "." + f.Name,
                MethodInfo m when !m.IsSpecialName && !IsCompilerMade(m) => "M:" + Id(type) + "." + m.Name + (m.IsGenericMethodDefinition ? "``" + m.GetGenericArguments().Length : "") + Parameters(m),
                ConstructorInfo c when !IsCompilerMade(c) && c.GetParameters().Length > 0 => "M:" + Id(type) + ".#ctor" + Parameters(c),
                _ => null,
            };
            if (name is not null)
            {
                yield return name;
            }
        }
    }

    private static bool IsRecordEqualityContract(PropertyInfo property) => property.Name == "EqualityContract";

    // As for the compiler, a positional record's documentation covers the properties its parameters declare.
    private static bool IsPositional(PropertyInfo property) =>
        property.DeclaringType!.GetMethod("<Clone>$") is not null
        && property.DeclaringType.GetConstructors().Any(c => c.GetParameters().Any(p => p.Name == property.Name && p.ParameterType == property.PropertyType));

    // Records get Equals, GetHashCode, ToString, Deconstruct, <Clone>$ and the copy constructor from the compiler.
    private static bool IsCompilerMade(MethodBase method) =>
        method.Name.Contains('<', StringComparison.Ordinal)
        || (method.DeclaringType!.GetMethod("<Clone>$") is not null
            && (method.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct"
                || (method is ConstructorInfo c && c.GetParameters() is [var only] && only.ParameterType == method.DeclaringType)));

    private static string Parameters(MethodBase method)
    {
        var parameters = method.GetParameters();
        return parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => TypeId(p.ParameterType))) + ")";
    }

    private static string Id(Type type) => type.FullName!.Replace('+', '.');

    private static string TypeId(Type type) => type switch
    {
        { IsGenericMethodParameter: true } => "``" + type.GenericParameterPosition,
        { IsGenericTypeParameter: true } => "`" + type.GenericParameterPosition,
        { IsByRef: true } => TypeId(type.GetElementType()!) + "@",
        { IsArray: true } => TypeId(type.GetElementType()!) + "[]",
        { IsGenericType: true } => type.GetGenericTypeDefinition().FullName![..type.GetGenericTypeDefinition().FullName!.IndexOf('`', StringComparison.Ordinal)]
            + "{" + string.Join(",", type.GetGenericArguments().Select(TypeId)) + "}",
        _ => Id(type),
    };
}
