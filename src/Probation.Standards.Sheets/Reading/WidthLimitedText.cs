using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Probation.Standards.Sheets.Reading;

/// <summary>
/// The CSV text as the CSV reader sees it, ended early at a record with more cells than any workbook can have
/// (<see cref="MaxCells"/>, Excel's column limit). The CSV reader's work on one record grows with the square of its
/// cells, so a line of a few hundred thousand commas would otherwise cost gigabytes; with the limit, the cost of a
/// sheet stays linear in its rows. Cells are counted by the delimiters outside quotes, a quote toggling in and out as
/// RFC 4180 has it (a doubled quote toggles twice).
/// </summary>
internal sealed class WidthLimitedText : TextReader
{
    /// <summary>The most cells a record may have: Excel's 16,384 columns (A to XFD).</summary>
    public const int MaxCells = 16_384;

    private readonly TextReader inner;
    private bool quoted;
    private int cells = 1;
    private bool ended;

    public WidthLimitedText(TextReader inner) => this.inner = inner;

    /// <summary>Whether the text was ended at a record with more than <see cref="MaxCells"/> cells.</summary>
    public bool TooWide { get; private set; }

    public override int Peek() => -1;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return this.Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => this.Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (this.ended)
        {
            return 0;
        }

        return this.Count(buffer.Slice(0, this.inner.Read(buffer)));
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => this.ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (this.ended)
        {
            return 0;
        }

        var n = await this.inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return this.Count(buffer.Span.Slice(0, n));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this.inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // The characters that may be passed on: all of them, or those before the delimiter that opens cell MaxCells + 1.
    private int Count(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    this.quoted = !this.quoted;
                    break;
                case ',' when !this.quoted:
                    if (++this.cells > MaxCells)
                    {
                        this.ended = true;
                        this.TooWide = true;
                        return i;
                    }

                    break;
                case '\n' or '\r' when !this.quoted:
                    this.cells = 1;
                    break;
            }
        }

        return text.Length;
    }
}
