using System.Text.Json;

namespace AuditSentinel.Cli.Tests;

/// <summary>The CLI is built with the runtime settings of a long parse loop (eng/HotLoopRuntime.props).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_cli_runs_without_dynamic_pgo_without_call_counting_delay_and_compacts_a_fragmented_large_object_heap()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "audit-sentinel.runtimeconfig.json")));
        var settings = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(settings.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, settings.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.Equal(7, settings.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
