using AuditSentinel.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["throughput", var log])
{
    return await UploadThroughput.RunAsync(log);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
