namespace AuditSentinel.Deployment.Tests;

public sealed class BicepSyntaxTests
{
    public static TheoryData<string> Files => InfraFiles.AsTheoryData([.. InfraFiles.Bicep, .. InfraFiles.BicepParams]);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_infra_file_parses_without_error_or_missing_nodes(string path)
    {
        Assert.True(TreeSitterBicep.Infra.ContainsKey(path), $"{path} was not parsed");
        Assert.Empty(TreeSitterBicep.Infra[path]);
    }

    [Fact]
    public void Infra_has_the_main_template_its_modules_and_both_environments()
    {
        Assert.Contains("infra/main.bicep", InfraFiles.Bicep);
        Assert.Contains("infra/parameters/dev.bicepparam", InfraFiles.BicepParams);
        Assert.Contains("infra/parameters/prod.bicepparam", InfraFiles.BicepParams);
        Assert.True(InfraFiles.Bicep.Count(p => p.StartsWith("infra/modules/", StringComparison.Ordinal)) >= 10);
    }

    [Theory]
    [InlineData("broken.bicep", "param location string = \n", "ERROR")]
    [InlineData("broken.bicep", "var zones = [\n  '1'\n", "MISSING")]
    [InlineData("broken.bicepparam", "using 'main.bicep'\nparam tags = {\n  a: [\n}\n", "MISSING")]
    [InlineData("broken.bicepparam", "using 'main.bicep'\nparam = 'dev'\n", "ERROR")]
    public void The_gate_reports_broken_files(string name, string source, string expectedKind)
    {
        var directory = Directory.CreateTempSubdirectory("bicep-syntax-");
        try
        {
            var path = Path.Combine(directory.FullName, name);
            File.WriteAllText(path, source);
            var errors = TreeSitterBicep.Parse([path])[path];
            Assert.NotEmpty(errors);
            Assert.Contains(errors, e => e.StartsWith(expectedKind, StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_module_reference_points_at_an_existing_file()
    {
        foreach (var path in InfraFiles.Bicep)
        {
            var directory = Path.GetDirectoryName(InfraFiles.Full(path))!;
            foreach (var reference in Patterns.ModuleOrImportPath().Matches(InfraFiles.Read(path)).Select(m => m.Groups["path"].Value))
            {
                Assert.True(File.Exists(Path.Combine(directory, reference)), $"{path} refers to missing {reference}");
            }
        }
    }
}
