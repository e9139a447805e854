using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Parquet.Meta;
using Probation.Standards.Parquet.Reading.Pages;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// The fast path's columns of one row group, decoded in the table's order on this thread, or shared between two
/// threads when the reader may use them (<see cref="Sheets.CaseSheetOptions.Parallelism"/>): the file is one
/// stream, so every chunk is read first; then each thread decodes its columns with a decoder and a code buffer of
/// its own into rows' buffers no other column writes. The outcome is the same either way, the first column that
/// fails (in the table's order) included.
/// </summary>
internal sealed partial class TableReader
{
    private ChunkDecoder? secondDecoder;
    private int[] secondCodes = Array.Empty<int>();

    /// <summary>The fewest rows a row group needs before its columns are shared between two threads (tests lower it).</summary>
    internal int MinRowsForTwoThreads { get; init; } = 16_384;

    /// <summary>How many row groups of the last read had their columns decoded on two threads.</summary>
    internal int RowGroupsOnTwoThreads { get; private set; }

    private async ValueTask<string?> DecodeInOrderAsync(RowGroup meta, List<ColumnWork> work, int n, Stream stream, CancellationToken cancellationToken)
    {
        long blanks = 0;
        foreach (var item in work)
        {
            var decoder = item.Column.Role == Role.Id ? this.idDecoder! : this.decoder!;
            if (!await this.ChunkAsync(meta, item.Column, item.Text, n, stream, decoder, item.Map, item.NullCode, this.Into(item, this.codes), cancellationToken).ConfigureAwait(false))
            {
                return $"column {item.Column.Name}: pages";
            }

            if (!this.Finish(item, this.codes, n, ref blanks))
            {
                return "ids";
            }
        }

        this.blankAnswers += blanks;
        return null;
    }

    private async ValueTask<string?> DecodeOnTwoThreadsAsync(RowGroup meta, List<ColumnWork> work, int n, Stream stream, CancellationToken cancellationToken)
    {
        // Every chunk read first, in the table's order; a chunk the fast path does not read stops it there, as in order.
        var chunks = new (ColumnMetaData? Data, byte[] Buffer)[work.Count];
        for (var i = 0; i < work.Count; i++)
        {
            chunks[i] = await this.ReadChunkAsync(meta, work[i].Column, work[i].Text, n, stream, Array.Empty<byte>(), cancellationToken).ConfigureAwait(false);
            if (chunks[i].Data is null)
            {
                return $"column {work[i].Column.Name}: pages";
            }
        }

        // Columns to the side with fewer bytes so far, in the table's order.
        var sides = new int[work.Count];
        var load = new long[2];
        for (var i = 0; i < work.Count; i++)
        {
            sides[i] = load[0] <= load[1] ? 0 : 1;
            load[sides[i]] += chunks[i].Data!.TotalUncompressedSize;
        }

        this.secondDecoder ??= new ChunkDecoder(this.rented);
        if (this.secondCodes.Length < n)
        {
            this.secondCodes = this.rented.Take<int>(n);
        }

        var other = Task.Run(() => this.DecodeSide(work, chunks, sides, 1, n), cancellationToken);
        SideOutcome mine;
        try
        {
            mine = this.DecodeSide(work, chunks, sides, 0, n);
        }
        catch
        {
            // The other thread writes the reader's buffers: it is let finish before anything else touches them.
            try
            {
                await other.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // the first exception is the one reported
            }

            throw;
        }

        var theirs = await other.ConfigureAwait(false);
        var failed = Math.Min(mine.Failed, theirs.Failed);
        if (failed < work.Count)
        {
            return (failed == mine.Failed ? mine.Why : theirs.Why)!;
        }

        this.blankAnswers += mine.Blanks + theirs.Blanks;
        this.RowGroupsOnTwoThreads++;
        return null;
    }

    // One thread's columns: decoded and finished; the first that fails, by its index in the table's order.
    private SideOutcome DecodeSide(List<ColumnWork> work, (ColumnMetaData? Data, byte[] Buffer)[] chunks, int[] sides, int side, int n)
    {
        var codes = side == 0 ? this.codes : this.secondCodes;
        var decoder = side == 0 ? this.decoder! : this.secondDecoder!;
        long blanks = 0;
        for (var i = 0; i < work.Count; i++)
        {
            if (sides[i] != side)
            {
                continue;
            }

            var item = work[i];
            var into = this.Into(item, codes);
            if (!Decode(item.Column.Role == Role.Id ? this.idDecoder! : decoder, chunks[i].Buffer, chunks[i].Data!, item.Column, item.Text, n, item.Map, item.NullCode, into))
            {
                return new SideOutcome(i, $"column {item.Column.Name}: pages", blanks);
            }

            if (!this.Finish(item, codes, n, ref blanks))
            {
                return new SideOutcome(i, "ids", blanks);
            }
        }

        return new SideOutcome(int.MaxValue, null, blanks);
    }

    // Where a column's codes go: ids and dates straight into their rows' buffers, the others into `codes` first.
    private int[] Into(ColumnWork item, int[] codes) => item.Column.Role switch
    {
        Role.Id => this.idEntries,
        Role.Start => this.start,
        Role.Suspended => this.suspended,
        _ => codes,
    };

    // A decoded column's codes to their rows: false when its ids cannot be kept for the duplicate check.
    private bool Finish(ColumnWork item, int[] codes, int n, ref long blanks)
    {
        if (item.CheckOnly)
        {
            return true;
        }

        switch (item.Column.Role)
        {
            case Role.Id:
                // Each row's id hash kept for the check at the end (a NULL id is a problem), and its entry
                // for its text (a warning).
                return this.idHashes!.Append(this.idEntries.AsSpan(0, n), this.idMap!.Hashes);
            case Role.Sentence:
            case Role.Exemption:
                var names = item.Column.Role == Role.Sentence ? this.sentence : this.exemption;
                for (var r = 0; r < n; r++)
                {
                    names[r] = (sbyte)codes[r];
                }

                return true;
            case Role.KeyQuestion:
                blanks += ToAnswerCodes(codes, this.answers[item.Column.KeyQuestion], n);
                return true;
            default:
                return true;
        }
    }

    /// <summary>A column of the row group to decode: its map and NULL code; a group column's pages are only checked.</summary>
    private sealed record ColumnWork(TableColumn Column, bool Text, ValueMap Map, int NullCode)
    {
        public bool CheckOnly => this.Column.Role == Role.Tag;
    }

    private readonly record struct SideOutcome(int Failed, string? Why, long Blanks);
}
