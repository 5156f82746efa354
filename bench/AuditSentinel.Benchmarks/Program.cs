using AuditSentinel.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["throughput", var log])
{
    return await UploadThroughput.RunAsync(log);
}

if (args is ["stages", var stagesLog])
{
    return await StageThroughput.RunAsync(stagesLog);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
