using AuditSentinel.Content.Documents;
using YamlDotNet.Serialization;

namespace AuditSentinel.Content.Loading;

/// <summary>
/// The content documents' YAML shape, generated at compile time (Vecc.YamlDotNet.Analyzers.StaticGenerator), so
/// reading kql/ needs no reflection and works in a trimmed NativeAOT binary. Every document type, nested ones
/// included, must be listed: the generator does not follow properties to other classes. <see cref="object"/> is listed
/// for the free-form <c>metadata</c> values: it adds <c>List&lt;object&gt;</c>, what a sequence there becomes (a mapping
/// becomes <c>Dictionary&lt;object, object&gt;</c>, which every context supports). Public only because the generator
/// declares its part of the class public.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(AnalyticRuleDocument))]
[YamlSerializable(typeof(HuntingQueryDocument))]
[YamlSerializable(typeof(FunctionDocument))]
[YamlSerializable(typeof(DataConnectorDocument))]
[YamlSerializable(typeof(EntityMappingDocument))]
[YamlSerializable(typeof(FieldMappingDocument))]
[YamlSerializable(typeof(AlertDetailsOverrideDocument))]
[YamlSerializable(typeof(AlertDynamicPropertyDocument))]
[YamlSerializable(typeof(IncidentConfigurationDocument))]
[YamlSerializable(typeof(GroupingConfigurationDocument))]
[YamlSerializable(typeof(EventGroupingDocument))]
[YamlSerializable(typeof(FunctionHeaderDocument))]
[YamlSerializable(typeof(ProductDocument))]
[YamlSerializable(typeof(NormalizationDocument))]
[YamlSerializable(typeof(ReferenceDocument))]
[YamlSerializable(typeof(FunctionParameterDocument))]
[YamlSerializable(typeof(object))]
public sealed partial class ContentYamlContext : StaticContext;
