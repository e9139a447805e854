using System;
using System.Text.Json;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// Where things are: absolute offsets turned into the line and character column a person counts (through the
/// column tracker), the reader's byte columns turned into character columns, and a resumed reader's syntax errors
/// mapped back to the document's lines.
/// </summary>
internal sealed partial class FindingsParser
{
    // The reader counts bytes in a line; a person counts characters. The line's start is looked for in the
    // buffer before the point reached; when it has already left the buffer, the byte count stands.
    private long CharacterColumn(int reached, long line, long byteColumn)
    {
        var lineStart = -1;
        var reachedLine = this.tracker.Locate(this.buffer.AsSpan(0, this.end), this.origin, this.origin + reached).Line;
        for (var i = reached; i < this.end && reachedLine < line; i++)
        {
            if (this.buffer[i] == (byte)'\n')
            {
                reachedLine++;
                lineStart = i + 1;
            }
        }

        for (var i = Math.Min(reached, this.end) - 1; lineStart < 0 && i >= 0; i--)
        {
            if (this.buffer[i] == (byte)'\n')
            {
                lineStart = i + 1;
                break;
            }
        }

        if (lineStart < 0)
        {
            if (this.origin != 0)
            {
                return byteColumn;
            }

            lineStart = this.buffer.Length >= 3 && this.buffer[0] == 0xEF && this.buffer[1] == 0xBB && this.buffer[2] == 0xBF ? 3 : 0;
        }

        var stop = (int)Math.Min(this.end, lineStart + byteColumn - 1);
        var continuations = 0;
        for (var i = lineStart; i < stop; i++)
        {
            if ((this.buffer[i] & 0xC0) == 0x80)
            {
                continuations++;
            }
        }

        return byteColumn - continuations;
    }

    private (long Line, long Column) LocateCase(long at) => this.tracker.Locate(this.buffer.AsSpan(0, this.end), this.origin, at);

    private long Absolute(ref Utf8JsonReader reader) => this.origin + this.start + reader.TokenStartIndex;

    private (long Line, long Column) Locate(ref Utf8JsonReader reader) =>
        this.tracker.Locate(this.buffer.AsSpan(0, this.end), this.origin, this.Absolute(ref reader));

    private Place PlaceOf(ref Utf8JsonReader reader, string path)
    {
        if (this.problems.Full)
        {
            return new Place(path, 0, 0);
        }

        var at = this.Locate(ref reader);
        return new Place(path, at.Line, at.Column);
    }

    // A syntax error's 1-based line and byte column: a resumed reader counts from where it resumed.
    private (long Line, long ByteColumn) SyntaxPosition(JsonException ex)
    {
        var line = ex.LineNumber ?? 0;
        var bytePosition = ex.BytePositionInLine ?? 0;
        if (this.resumedAt >= 0)
        {
            this.PlaceResume(advance: false);
            if (line == 0)
            {
                bytePosition = this.resumedByte + bytePosition - Resume.HeadLength;
            }

            line += this.resumedLine;
        }

        return (line + 1, bytePosition + 1);
    }

    // Finds where the reader resumed while the buffer still holds it: before a refill (the tracker is about to
    // count those bytes anyway, so it counts them once), or at a syntax error (the tracker is left where it was).
    private void PlaceResume(bool advance)
    {
        if (this.resumedAt >= 0 && !this.resumedPlaced)
        {
            var bytes = this.buffer.AsSpan(0, this.end);
            long line;
            long lineStart;
            if (advance)
            {
                this.tracker.AdvanceTo(bytes, this.origin, this.resumedAt);
                (line, lineStart) = (this.tracker.Line, this.tracker.LineStart);
            }
            else
            {
                (line, lineStart) = this.tracker.LineOf(bytes, this.origin, this.resumedAt);
            }

            this.resumedLine = line - 1;
            this.resumedByte = this.resumedAt - lineStart;
            this.resumedPlaced = true;
        }
    }
}
