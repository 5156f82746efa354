using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public class LibcryptoFallbackTests
{
    [Theory]
    // libc has none of the digest functions: a library without them.
    [InlineData("libc.so.6")]
    // No library at all: another OS, or a system without OpenSSL 3.
    [InlineData("libcrypto-absent.so.3")]
    public void Without_libcryptos_digest_functions_every_fixture_event_gets_the_same_id_from_the_platform_hash(string libcrypto)
    {
        var keys = FixtureEventKeys();
        var context = new TablesWithLibcryptoAs(libcrypto);
        try
        {
            var tables = context.LoadFromAssemblyPath(typeof(EventIds).Assembly.Location);
            var isolatedIdOf = tables.GetType(typeof(EventIds).FullName!, throwOnError: true)!.GetMethod(nameof(EventIds.Of))!;

            foreach (var key in keys)
            {
                Assert.Equal(EventIds.Of(key), (string)isolatedIdOf.Invoke(null, [key])!);
            }

            // The isolated copy found libcrypto unusable and hashed every key with the platform's API; this process's
            // own copy hashed through libcrypto.
            Assert.True(LibcryptoUnavailable(tables));
            Assert.False(LibcryptoUnavailable(typeof(EventIds).Assembly));
            Assert.True(keys.Count > 600, $"{keys.Count} fixture events");
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool LibcryptoUnavailable(Assembly tables) =>
        (bool)tables.GetType(typeof(LibcryptoSha256).FullName!, throwOnError: true)!
            .GetField("s_unavailable", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static List<EventKey> FixtureEventKeys()
    {
        var events = new List<AuditEvent>();
        foreach (var log in RepoPaths.FixtureLogs())
        {
            var parser = new RecordParser();
            var assembler = new EventAssembler();
            var number = 0;
            foreach (var line in File.ReadLines(RepoPaths.Fixture(log)))
            {
                if (parser.TryParse(Encoding.UTF8.GetBytes(line), ++number, out var record, out _))
                {
                    assembler.Add(record, events);
                }
            }

            assembler.Flush(events);
        }

        return [.. events.Select(e => e.Key)];
    }

    /// <summary>
    /// AuditSentinel.Tables loaded a second time, in a context of its own whose imports of libcrypto.so.3 bind to
    /// another library; its dependencies are this process's.
    /// </summary>
    private sealed class TablesWithLibcryptoAs(string library) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;

        protected override nint LoadUnmanagedDll(string unmanagedDllName) =>
            unmanagedDllName == "libcrypto.so.3" ? NativeLibrary.Load(library) : 0;
    }
}
