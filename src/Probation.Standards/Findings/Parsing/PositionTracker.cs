using System;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// Turns byte offsets into the line and character column a person counts. It is advanced, once per
/// byte, as the pump discards consumed bytes, and asked about an offset still in the buffer only when a
/// problem is recorded, so locating costs linear time however long the lines are.
/// </summary>
internal sealed class PositionTracker
{
    private long offset;            // absolute offset counted up to
    private long line = 1;
    private long lineStart;         // absolute offset of the current line's first byte
    private long continuations;     // UTF-8 continuation bytes between lineStart and offset

    public long Offset => this.offset;

    /// <summary>The line counted up to <see cref="Offset"/>.</summary>
    public long Line => this.line;

    /// <summary>The absolute offset of the first byte of <see cref="Line"/>.</summary>
    public long LineStart => this.lineStart;

    /// <summary>A UTF-8 byte order mark is not a character of the first line.</summary>
    public void SkipBom(int length)
    {
        this.offset = length;
        this.lineStart = length;
    }

    /// <summary>Counts bytes up to <paramref name="to"/> (absolute); <paramref name="buffer"/> starts at absolute <paramref name="bufferOrigin"/>.</summary>
    public void AdvanceTo(ReadOnlySpan<byte> buffer, long bufferOrigin, long to)
    {
        if (to <= this.offset)
        {
            return;
        }

        Count(buffer, bufferOrigin, ref this.offset, to, ref this.line, ref this.lineStart, ref this.continuations);
    }

    /// <summary>The line and column of an absolute offset at or after <see cref="Offset"/> within the buffer.</summary>
    public (long Line, long Column) Locate(ReadOnlySpan<byte> buffer, long bufferOrigin, long at)
    {
        var (offset, line, lineStart, continuations) = this.CountTo(buffer, bufferOrigin, at);
        return (line, Math.Max(1, offset - lineStart - continuations + 1));
    }

    /// <summary>The line of an absolute offset at or after <see cref="Offset"/> within the buffer, and the absolute offset of that line's first byte.</summary>
    public (long Line, long LineStart) LineOf(ReadOnlySpan<byte> buffer, long bufferOrigin, long at)
    {
        var (_, line, lineStart, _) = this.CountTo(buffer, bufferOrigin, at);
        return (line, lineStart);
    }

    // Counts from Offset to `at` without moving the tracker.
    private (long Offset, long Line, long LineStart, long Continuations) CountTo(ReadOnlySpan<byte> buffer, long bufferOrigin, long at)
    {
        var offset = this.offset;
        var line = this.line;
        var lineStart = this.lineStart;
        var continuations = this.continuations;
        if (at > offset)
        {
            Count(buffer, bufferOrigin, ref offset, Math.Min(at, bufferOrigin + buffer.Length), ref line, ref lineStart, ref continuations);
        }

        return (offset, line, lineStart, continuations);
    }

    private static void Count(ReadOnlySpan<byte> buffer, long bufferOrigin, ref long offset, long to, ref long line, ref long lineStart, ref long continuations)
    {
        var from = (int)(offset - bufferOrigin);
        var end = (int)(to - bufferOrigin);
        if (from < 0 || end > buffer.Length)
        {
            // Outside the buffer: the bytes are gone; keep what is known.
            offset = to;
            return;
        }

        var span = buffer.Slice(from, end - from);
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            var lines = 0;
            var rest = span.Slice(0, lastNewline + 1);
            for (var i = rest.IndexOf((byte)'\n'); i >= 0; i = rest.IndexOf((byte)'\n'))
            {
                lines++;
                rest = rest.Slice(i + 1);
            }

            line += lines;
            lineStart = offset + lastNewline + 1;
            continuations = 0;
            span = span.Slice(lastNewline + 1);
        }

#if NET8_0_OR_GREATER
        // Most documents are ASCII: a vectorised search finds there is nothing to count.
        var first = span.IndexOfAnyInRange((byte)0x80, (byte)0xBF);
        span = first < 0 ? default : span.Slice(first);
#endif
        foreach (var b in span)
        {
            if ((b & 0xC0) == 0x80)
            {
                continuations++;
            }
        }

        offset = to;
    }
}
