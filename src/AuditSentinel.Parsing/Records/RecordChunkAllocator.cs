using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Carves the line bytes and field tokens of records out of shared 64 KiB chunks instead of two fresh arrays per
/// line. A chunk is never written again where a record points into it: records stay immutable, keep their chunk
/// alive, and a chunk is collected once none of its records is referenced any more. Not thread-safe.
/// </summary>
internal sealed class RecordChunkAllocator
{
    /// <summary>Bytes per line chunk.</summary>
    internal const int LineChunkBytes = 64 * 1024;

    /// <summary>Tokens per token chunk (64 KiB of 32-byte tokens).</summary>
    internal const int TokenChunkLength = 2 * 1024;

    // Larger pieces get their own array, so one long line neither wastes nor pins most of a shared chunk.
    private const int LargestSharedLine = LineChunkBytes / 8;
    private const int LargestSharedTokens = TokenChunkLength / 8;

    private byte[] _lines = [];
    private int _linesUsed;
    private FieldToken[] _tokens = [];
    private int _tokensUsed;

    /// <summary>A copy of <paramref name="line"/> that no later call overwrites.</summary>
    internal ArraySegment<byte> CopyLine(ReadOnlySpan<byte> line)
    {
        if (line.Length > LargestSharedLine)
        {
            return line.ToArray();
        }

        if (_lines.Length - _linesUsed < line.Length)
        {
            _lines = GC.AllocateUninitializedArray<byte>(LineChunkBytes);
            _linesUsed = 0;
        }

        var copy = new ArraySegment<byte>(_lines, _linesUsed, line.Length);
        line.CopyTo(copy);
        _linesUsed += line.Length;
        return copy;
    }

    /// <summary>Free room for at least <paramref name="minimum"/> tokens; pass what was written to <see cref="KeepTokens"/>.</summary>
    internal Span<FieldToken> TokenSpace(int minimum)
    {
        if (_tokens.Length - _tokensUsed < minimum)
        {
            _tokens = GC.AllocateUninitializedArray<FieldToken>(TokenChunkLength);
            _tokensUsed = 0;
        }

        return _tokens.AsSpan(_tokensUsed);
    }

    /// <summary>
    /// Keeps <paramref name="tokens"/>: in place when they were written at the start of <see cref="TokenSpace"/>, else
    /// (the tokenizer outgrew it) as a copy.
    /// </summary>
    internal ArraySegment<FieldToken> KeepTokens(ReadOnlySpan<FieldToken> tokens)
    {
        var free = _tokens.Length - _tokensUsed;
        var inPlace = free > 0 && !tokens.IsEmpty
            && Unsafe.AreSame(ref MemoryMarshal.GetReference(tokens), ref _tokens[_tokensUsed]);
        if (inPlace || tokens.IsEmpty)
        {
            var kept = new ArraySegment<FieldToken>(_tokens, _tokensUsed, tokens.Length);
            _tokensUsed += tokens.Length;
            return kept;
        }

        if (tokens.Length > LargestSharedTokens)
        {
            return tokens.ToArray();
        }

        var space = TokenSpace(tokens.Length);
        tokens.CopyTo(space);
        return KeepTokens(space[..tokens.Length]);
    }
}
