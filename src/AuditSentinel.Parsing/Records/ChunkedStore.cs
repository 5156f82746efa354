using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Carves pieces (a record's line bytes, its tokens, its name keys) out of shared 16 KiB chunks instead of a fresh
/// array per record. A chunk is never written again where a kept piece lies: records stay immutable, keep their chunk
/// alive, and a chunk is collected once no record pointing into it is referenced any more. Not thread-safe.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ChunkedStore<T>
    where T : unmanaged
{
    /// <summary>
    /// Bytes per chunk. An open event pins the chunks its records lie in, so the worst case is the assembler's open-event
    /// limit times three stores times this: 16 KiB keeps that at 192 MiB (4096 x 3 x 16 KiB), a quarter of what 64 KiB
    /// chunks allowed, at no measurable cost.
    /// </summary>
    internal const int ChunkBytes = 16 * 1024;

    private readonly int _chunkLength = ChunkBytes / Unsafe.SizeOf<T>();
    private T[] _chunk = [];
    private int _used;
    private T[] _scratch = [];

    // Larger pieces copied in (not written in place by the caller) get their own array, so one long line neither
    // wastes nor pins most of a shared chunk.
    private int LargestShared => _chunkLength / 8;

    /// <summary>Free room for at least <paramref name="minimum"/> elements; pass what was written to <see cref="Keep"/>.</summary>
    /// <remarks>
    /// Inlined, as is <see cref="Keep"/>: the parser asks three stores for room and keeps three pieces per line, and the
    /// calls cost more than the usual answer (the rest of the current chunk); a new chunk or scratch room is a call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<T> Space(int minimum)
    {
        var chunk = _chunk;
        var used = _used;
        return chunk.Length - used >= minimum ? chunk.AsSpan(used) : SpaceElsewhere(minimum);
    }

    /// <summary>
    /// Keeps <paramref name="piece"/> where no later call writes: in place when it was written at the start of
    /// <see cref="Space"/>, else as a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ArraySegment<T> Keep(ReadOnlySpan<T> piece)
    {
        var chunk = _chunk;
        var used = _used;
        if ((uint)used < (uint)chunk.Length && piece.Length <= chunk.Length - used && !piece.IsEmpty
            && Unsafe.AreSame(ref MemoryMarshal.GetReference(piece), ref chunk[used]))
        {
            _used = used + piece.Length;
            return new ArraySegment<T>(chunk, used, piece.Length);
        }

        return KeepElsewhere(piece);
    }

    private Span<T> SpaceElsewhere(int minimum)
    {
        // Room for more than a chunk is scratch room, copied out by Keep: as the shared chunk it would be pinned whole by
        // each small piece kept in what the long one left free (all of it when the line was rejected).
        if (minimum > _chunkLength)
        {
            return _scratch.Length >= minimum ? _scratch : _scratch = GC.AllocateUninitializedArray<T>(minimum);
        }

        _chunk = GC.AllocateUninitializedArray<T>(_chunkLength);
        _used = 0;
        return _chunk;
    }

    // An empty piece, or one written elsewhere (scratch room, a tokenizer's grown array): copied, unless empty.
    private ArraySegment<T> KeepElsewhere(ReadOnlySpan<T> piece)
    {
        if (!piece.IsEmpty)
        {
            if (piece.Length > LargestShared)
            {
                return piece.ToArray();
            }

            piece.CopyTo(Space(piece.Length));
        }

        var kept = new ArraySegment<T>(_chunk, _used, piece.Length);
        _used += piece.Length;
        return kept;
    }
}
