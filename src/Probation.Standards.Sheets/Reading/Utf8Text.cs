using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;

namespace Probation.Standards.Sheets.Reading;

/// <summary>
/// A CSV sheet's UTF-8 bytes as text (a leading byte order mark skipped), where bytes that are not UTF-8 become
/// U+FFFD and are noted in order with every real U+FFFD, so the sheet reader can tell which row holds them. A
/// decoder that throws instead reports them wherever its read-ahead happens to be, which depends on how the stream
/// hands over its bytes: a file and a request body with the same bytes gave different rows and problems. For the same
/// reason every read is filled: the same bytes give the CSV reader the same text in the same pieces.
/// </summary>
internal sealed class Utf8Text : TextReader
{
    private const char Replacement = '\uFFFD';
    private readonly Stream stream;
    private readonly byte[] bytes = new byte[1 << 16];
    private readonly char[] chars = new char[(1 << 16) + 1];
    private int byteStart;
    private int byteEnd;
    private int charStart;
    private int charEnd;
    private bool atEnd;
    private bool started;

    public Utf8Text(Stream stream) => this.stream = stream;

    /// <summary>For each U+FFFD passed on, in text order, whether it stands for bytes that are not UTF-8.</summary>
    public Queue<bool> Replacements { get; } = new();

    /// <summary>Takes the notes of the U+FFFD in <paramref name="text"/> (the next ones read): whether one stands for bytes that are not UTF-8.</summary>
    public bool TakeReplacements(ReadOnlySpan<char> text)
    {
        var invalid = false;
        for (var at = text.IndexOf(Replacement); at >= 0; at = text.IndexOf(Replacement))
        {
            invalid |= this.Replacements.Count > 0 && this.Replacements.Dequeue();
            text = text.Slice(at + 1);
        }

        return invalid;
    }

    public override int Peek() => -1;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return this.Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => this.Read(buffer.AsSpan(index, count));

    // Every read fills the buffer it is given, up to the end of the text: the CSV reader tells line ends apart by
    // what its buffer holds (a sheet mixing CR and LF split into other rows when the stream handed over fewer bytes).
    public override int Read(Span<char> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            if (this.charStart < this.charEnd)
            {
                total += this.Take(buffer.Slice(total));
            }
            else if (this.atEnd)
            {
                break;
            }
            else
            {
                this.Decode(this.stream.Read(this.bytes, this.byteEnd, this.bytes.Length - this.byteEnd));
            }
        }

        return total;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => this.ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            if (this.charStart < this.charEnd)
            {
                total += this.Take(buffer.Span.Slice(total));
            }
            else if (this.atEnd)
            {
                break;
            }
            else
            {
                this.Decode(await this.stream.ReadAsync(this.bytes.AsMemory(this.byteEnd, this.bytes.Length - this.byteEnd), cancellationToken).ConfigureAwait(false));
            }
        }

        return total;
    }

    private int Take(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, this.charEnd - this.charStart);
        this.chars.AsSpan(this.charStart, n).CopyTo(buffer);
        this.charStart += n;
        return n;
    }

    // Decodes the bytes held after `read` more arrived (0: the stream ended); an incomplete sequence at the end waits
    // for the next bytes, unless the stream has ended.
    private void Decode(int read)
    {
        this.byteEnd += read;
        this.atEnd = read == 0;
        var span = this.bytes.AsSpan(this.byteStart, this.byteEnd - this.byteStart);
        if (!this.started)
        {
            if (span.Length < 3 && !this.atEnd)
            {
                this.Compact(span.Length);
                return;
            }

            this.started = true;
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span.Slice(3);
            }
        }

        this.charStart = 0;
        this.charEnd = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(span, this.chars.AsSpan(this.charEnd), out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: this.atEnd);
            this.Note(this.chars.AsSpan(this.charEnd, written));
            this.charEnd += written;
            span = span.Slice(consumed);
            if (status != OperationStatus.InvalidData)
            {
                break;
            }

            // One U+FFFD for each maximal invalid sequence, as a replacing decoder writes.
            _ = Rune.DecodeFromUtf8(span, out _, out var invalid);
            this.chars[this.charEnd++] = Replacement;
            this.Replacements.Enqueue(true);
            span = span.Slice(Math.Max(invalid, 1));
        }

        this.Compact(span.Length);
    }

    private void Note(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf(Replacement); at >= 0; at = text.IndexOf(Replacement))
        {
            this.Replacements.Enqueue(false);
            text = text.Slice(at + 1);
        }
    }

    // Keeps the last `left` bytes (an incomplete sequence, or a start too short to tell a byte order mark) at the front.
    private void Compact(int left)
    {
        Array.Copy(this.bytes, this.byteEnd - left, this.bytes, 0, left);
        this.byteStart = 0;
        this.byteEnd = left;
    }
}
