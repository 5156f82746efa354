using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Mapping;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// Event ids of the sample's events: <see cref="EventIds.Of"/> (key encoding, SHA-256 through libcrypto, hex string)
/// against the platform's SHA-256 of the same key bytes alone, reused (<see cref="IncrementalHash"/>, the path
/// EventIds falls back to) and one-shot (<see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>): figures per id.
/// </summary>
[MemoryDiagnoser]
public class EventIdBenchmarks
{
    private readonly IncrementalHash _reused = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _hash = new byte[SHA256.HashSizeInBytes];
    private EventKey[] _keys = [];
    private byte[][] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        SampleLines.CheckCounts();
        _keys = [.. SampleLines.Events().Select(e => e.Key)];
        _inputs = [.. _keys.Select(InputOf)];
    }

    [GlobalCleanup]
    public void Cleanup() => _reused.Dispose();

    [Benchmark(Baseline = true, Description = "IncrementalHash, reused: the key's SHA-256 alone, per id", OperationsPerInvoke = SampleLines.EventCount)]
    public int PlatformIncremental()
    {
        foreach (var input in _inputs)
        {
            _reused.AppendData(input);
            _reused.GetHashAndReset(_hash);
        }

        return _hash[0];
    }

    [Benchmark(Description = "SHA256.HashData: the key's SHA-256 alone, per id", OperationsPerInvoke = SampleLines.EventCount)]
    public int PlatformOneShot()
    {
        foreach (var input in _inputs)
        {
            SHA256.HashData(input, _hash);
        }

        return _hash[0];
    }

    [Benchmark(Description = "EventIds.Of: encoding, SHA-256 and hex, per id", OperationsPerInvoke = SampleLines.EventCount)]
    public int Ids()
    {
        var length = 0;
        foreach (var key in _keys)
        {
            length += EventIds.Of(key).Length;
        }

        return length;
    }

    // The bytes EventIds hashes (its documented definition), prepared once so the platform rows time the hash alone.
    private static byte[] InputOf(EventKey key)
    {
        var node = Encoding.UTF8.GetBytes(key.Node);
        var input = new byte[node.Length + 1 + 8 + 4 + 8];
        node.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(node.Length + 1), key.Timestamp.Seconds);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(node.Length + 9), key.Timestamp.Milliseconds);
        BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(node.Length + 13), key.Serial);
        return input;
    }
}
