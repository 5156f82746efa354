using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// SHA-256 by OpenSSL's digest functions (<c>SHA256_Init</c>, <c>SHA256_Update</c>, <c>SHA256_Final</c> of
/// libcrypto.so.3: the implementation .NET's own SHA-256 runs on Linux), called directly on a context on the stack.
/// .NET's path to the same code costs more than the hash of a short key: three calls into its shim, each clearing
/// OpenSSL's error queue, and a context reset that frees and allocates (bench EventIdBenchmarks: a whole id, this hash
/// with the key's encoding and the hex string, takes 0.78 of the time .NET's reused hash takes for the hash alone). Where the library or its functions are missing
/// (OpenSSL 1.1, another OS), <see cref="TryHash"/> answers false once and from then on, and the caller uses the
/// platform's API; it does the same for an input longer than <see cref="MaxInputBytes"/>.
/// These low-level functions bypass OpenSSL 3's providers, so a FIPS configuration does not govern them; the hash
/// makes an identifier, not a security control. The provider path was measured and not taken: the EVP interface with
/// the algorithm fetched once and a context per thread (EVP_DigestInit_ex/Update/Final_ex) frees and allocates the
/// provider's context on every initialisation, about 720 more instructions per id (1.2% of a parse, callgrind) and
/// 72 -> 123 ns per hash natively, plus 5.4 million instructions of provider start-up on the first id.
/// </summary>
internal static class LibcryptoSha256
{
    /// <summary>
    /// The longest input hashed here: five blocks, any DNS host name with an event's numbers. The calls run without a GC
    /// transition, which is only allowed for calls under about a microsecond: a crafted host of a whole 1 MB line would
    /// hold up every collection for most of a millisecond per event.
    /// </summary>
    internal const int MaxInputBytes = 320;

    private const string Library = "libcrypto.so.3";

    private static volatile bool s_unavailable;

    /// <summary>
    /// Hashes <paramref name="input"/> into the first 32 bytes of <paramref name="hash"/>; false when libcrypto cannot or
    /// the input is longer than <see cref="MaxInputBytes"/>.
    /// </summary>
    internal static bool TryHash(ReadOnlySpan<byte> input, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, SHA256.HashSizeInBytes, nameof(hash));
        if (s_unavailable || input.Length > MaxInputBytes)
        {
            return false;
        }

        try
        {
            var context = default(Sha256Context);
            if (NativeMethods.SHA256_Init(ref context) == 1
                && NativeMethods.SHA256_Update(ref context, ref MemoryMarshal.GetReference(input), (nuint)input.Length) == 1
                && NativeMethods.SHA256_Final(ref MemoryMarshal.GetReference(hash), ref context) == 1)
            {
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        s_unavailable = true;
        return false;
    }

    // SHA256_CTX: h[8], Nl, Nh, data[16], num, md_len, all 32-bit (openssl/sha.h, the same in 1.1 and 3.x).
    [System.Runtime.CompilerServices.InlineArray(28)]
    private struct Sha256Context
    {
        private uint _word;
    }

    // Short calls that neither block nor call back: no GC transition needed. Only the system's library is loaded, never
    // one placed beside the application.
    private static class NativeMethods
    {
        [DllImport(Library, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        internal static extern int SHA256_Init(ref Sha256Context context);

        [DllImport(Library, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        internal static extern int SHA256_Update(ref Sha256Context context, ref byte data, nuint length);

        [DllImport(Library, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [SuppressGCTransition]
        internal static extern int SHA256_Final(ref byte hash, ref Sha256Context context);
    }
}
