using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Meta;
using Probation.Standards.Bulk;
using Probation.Standards.Reset;
using Probation.Standards.Parquet.Reading.Pages;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// The fast path: the column chunks of the roles read from the file and decoded here (<see cref="ChunkDecoder"/>),
/// each dictionary entry mapped once to its code by the same rules the per-value path applies, the ids' bytes
/// hashed where they lie. It rates a table only when it understands every chunk and every value is valid; at the
/// first thing it does not (a layout, a codec, a bad value, a duplicate id, a date rule broken), the table is read
/// again from the start through Parquet.Net, whose path names every problem.
/// </summary>
internal sealed partial class TableReader
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private ChunkDecoder? decoder;
    private ChunkDecoder? idDecoder;
    private byte[] chunk = Array.Empty<byte>();
    private int[] codes = Array.Empty<int>();
    private IdHashes? idHashes;
    private IdMap? idMap;
    private int[] idEntries = Array.Empty<int>();
    private bool fastIds;
    private Dictionary<TableColumn, TextMap>? textMaps;

    /// <summary>Whether the fast path is tried (tests turn it off to compare it with Parquet.Net's path).</summary>
    public bool FastPath { get; init; } = true;

    /// <summary>The row groups the fast path rated (0 when it fell back: then Parquet.Net's path rated them all).</summary>
    public int FastRowGroups { get; private set; }

    /// <summary>The ids' hash on the fast path (tests give one that collides; null is <see cref="IdHashes.Hash"/>).</summary>
    internal IdHasher? IdHash { get; init; }

    /// <summary>How many rows the fast path's last read compared byte for byte, their ids' hashes being repeated.</summary>
    internal int IdsCompared { get; private set; }

    /// <summary>Why the fast path gave the table to Parquet.Net's path, or null.</summary>
    public string? Fallback { get; private set; }

    // The fast path over every row group; false (with the reader's state as it was) when Parquet.Net's path must read it.
    private async ValueTask<bool> TryFastAsync(ParquetReader reader, Stream stream, long total, CancellationToken cancellationToken)
    {
        try
        {
            var why = await this.FastAsync(reader, stream, cancellationToken).ConfigureAwait(false);
            if (why is null)
            {
                return true;
            }

            this.Fallback = why;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            this.Fallback = ex.GetType().Name;
        }

        this.FastRowGroups = 0;
        this.Restart(total);
        return false;
    }

    private async ValueTask<string?> FastAsync(ParquetReader reader, Stream stream, CancellationToken cancellationToken)
    {
        if (reader.Metadata is not { } metadata || metadata.EncryptionAlgorithm is not null || !stream.CanSeek)
        {
            return "file";
        }

        this.decoder ??= new ChunkDecoder(this.rented);
        this.idDecoder ??= new ChunkDecoder(this.rented);
        this.idHashes = new IdHashes(Math.Max(0, metadata.NumRows), this.rented);
        this.idMap ??= new IdMap(this.IdHash ?? IdHashes.Hash, this.rented);
        this.textMaps ??= new Dictionary<TableColumn, TextMap>();
        this.fastIds = true;
        for (var g = 0; g < metadata.RowGroups.Count; g++)
        {
            var why = await this.FastRowGroupAsync(reader, metadata.RowGroups[g], g, stream, cancellationToken).ConfigureAwait(false);
            if (why is not null)
            {
                return $"row group {g}: {why}";
            }

            this.FastRowGroups++;
        }

        // No id twice: the hashes written once each (the usual case) prove it; rows whose hashes repeat have their
        // ids compared byte for byte.
        var repeated = this.idHashes.Repeated(this.parallelism);
        return repeated.Count == 0 ? null : await this.CompareIdsAsync(metadata, stream, repeated, cancellationToken).ConfigureAwait(false);
    }

    // The rows whose id hashes repeat, their ids read again from each row group's id chunk and compared by their
    // bytes (as text, which valid UTF-8 is equal exactly when its bytes are): "ids" at a real duplicate.
    private async ValueTask<string?> CompareIdsAsync(FileMetaData metadata, Stream stream, HashSet<ulong> repeated, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var column = this.idColumn!;
        this.IdsCompared = 0;
        for (var g = 0; g < metadata.RowGroups.Count; g++)
        {
            var meta = metadata.RowGroups[g];
            var n = (int)meta.NumRows;
            if (n == 0)
            {
                continue;
            }

            var map = this.idMap!.Reset(n);
            if (!await this.ChunkAsync(meta, column, true, n, stream, this.idDecoder!, map, -1, this.codes, cancellationToken).ConfigureAwait(false))
            {
                return $"row group {g}: ids";
            }

            for (var r = 0; r < n; r++)
            {
                var entry = this.codes[r];
                if (IdHashes.IsRepeated(map.Hashes[entry], repeated))
                {
                    this.IdsCompared++;
                    if (!seen.Add(System.Text.Encoding.UTF8.GetString(this.idDecoder!.Bytes, map.Offsets[entry], map.Lengths[entry])))
                    {
                        return $"row group {g}: duplicate id";
                    }
                }
            }
        }

        return null;
    }

    private async ValueTask<string?> FastRowGroupAsync(ParquetReader reader, RowGroup meta, int g, Stream stream, CancellationToken cancellationToken)
    {
        if (meta.NumRows < 0 || meta.NumRows > int.MaxValue - 64)
        {
            return "rows";
        }

        var n = (int)meta.NumRows;
        if (n == 0)
        {
            return null;
        }

        this.PrepareFast(n);
        if (this.codes.Length < n)
        {
            // Each written before it is read: no need to clear them.
            this.codes = this.rented.Take<int>(n);
            this.idEntries = this.rented.Take<int>(n);
        }

        // The chunks to decode, in the table's order: each role's column, and each group column's pages (checked
        // only: its values are read by Parquet.Net below, but a damaged one, definition levels that do not add up as
        // the byte-flip test found, must send the table the fallback's way, not be read two ways by the two paths).
        var work = new List<ColumnWork>(this.columns.Count);
        foreach (var column in this.columns)
        {
            if (column.Role == Role.Tag && this.grouping is not null)
            {
                if (!Flat(column) || column.Storage != Storage.Text)
                {
                    return $"column {column.Name}: pages";
                }

                work.Add(new ColumnWork(column, true, AnyText.Instance, -1));
                continue;
            }

            if (column.Role is Role.Tag or Role.Ignored)
            {
                continue;
            }

            var text = column.Storage == Storage.Text;
            if (!Flat(column) || !(text || (column.Storage == Storage.Date && column.Role is Role.Start or Role.Suspended)))
            {
                return $"column {column.Name}: type";
            }

            ValueMap map = column.Role == Role.Id ? this.idMap!.Reset(n) : text ? this.TextMapOf(column) : DateMap.Instance;
            var nullCode = column.Role switch
            {
                Role.Id => -1,
                Role.KeyQuestion => Blank,
                Role.Sentence or Role.Exemption => -1,
                _ => NoDate,
            };
            work.Add(new ColumnWork(column, text, map, nullCode));
        }

        var why = this.parallelism >= 2 && n >= this.MinRowsForTwoThreads && work.Count > 1
            ? await this.DecodeOnTwoThreadsAsync(meta, work, n, stream, cancellationToken).ConfigureAwait(false)
            : await this.DecodeInOrderAsync(meta, work, n, stream, cancellationToken).ConfigureAwait(false);
        if (why is not null)
        {
            return why;
        }

        // R9's date rules: a row that breaks one is a problem, named by Parquet.Net's path.
        for (var r = 0; r < n; r++)
        {
            if (this.suspended[r] != NoDate && (this.start[r] == NoDate || this.suspended[r] < this.start[r]))
            {
                return "dates";
            }
        }

        if (this.grouping is not null)
        {
            using var group = reader.OpenRowGroupReader(g);
            await this.GroupRowsAsync(group, n, cancellationToken).ConfigureAwait(false);
        }

        this.Tally(n);
        this.rows += n;
        return null;
    }

    // The rows' buffers as Prepare leaves them, but only those no column of the table writes in full (a column read
    // fast gives every row a code, NULL included).
    private void PrepareFast(int n)
    {
        this.Buffers(n);
        bool Has(Role role) => this.columns.Exists(c => c.Role == role);
        if (!Has(Role.Start))
        {
            Array.Fill(this.start, NoDate, 0, n);
        }

        if (!Has(Role.Suspended))
        {
            Array.Fill(this.suspended, NoDate, 0, n);
        }

        if (!Has(Role.Sentence))
        {
            Array.Fill(this.sentence, (sbyte)-1, 0, n);
        }

        if (!Has(Role.Exemption))
        {
            Array.Fill(this.exemption, (sbyte)-1, 0, n);
        }

        var questions = this.framework.KeyQuestions.Count;
        for (var q = 0; q < questions; q++)
        {
            if (!this.columns.Exists(c => c.Role == Role.KeyQuestion && c.KeyQuestion == q))
            {
                Array.Clear(this.answers[q], 0, n);
            }
        }
    }

    // A key question's codes (0 to 3) as the bytes the planes are built from, sixteen at a time; how many are blank.
    private static int ToAnswerCodes(int[] codes, byte[] answers, int n)
    {
        var blanks = 0;
        var r = 0;
        for (; r + 16 <= n; r += 16)
        {
            var shorts0 = Vector128.Narrow(Vector128.Create(codes, r), Vector128.Create(codes, r + 4));
            var shorts1 = Vector128.Narrow(Vector128.Create(codes, r + 8), Vector128.Create(codes, r + 12));
            var bytes = Vector128.Narrow(shorts0, shorts1).AsByte(); // codes 0 to 3: the narrowing keeps them
            bytes.CopyTo(answers, r);
            blanks += BitOperations.PopCount(Vector128.Equals(bytes, Vector128<byte>.Zero).ExtractMostSignificantBits());
        }

        for (; r < n; r++)
        {
            blanks += codes[r] == Blank ? 1 : 0;
            answers[r] = (byte)codes[r];
        }

        return blanks;
    }

    // A column the chunk decoder reads: not repeated, at most one definition level (optional or required).
    private static bool Flat(TableColumn column) => column.Field.MaxRepetitionLevel == 0 && column.Field.MaxDefinitionLevel <= 1;

    // Reads a column's chunk from the file and decodes it into the first n of into.
    private async ValueTask<bool> ChunkAsync(RowGroup meta, TableColumn column, bool text, int n, Stream stream, ChunkDecoder decoder, ValueMap map, int nullCode, int[] into, CancellationToken cancellationToken)
    {
        var (data, buffer) = await this.ReadChunkAsync(meta, column, text, n, stream, this.chunk, cancellationToken).ConfigureAwait(false);
        this.chunk = buffer;
        return data is not null && Decode(decoder, buffer, data, column, text, n, map, nullCode, into);
    }

    // A column's chunk read from the file into `buffer` (or a larger one from the pool), with its metadata; null
    // metadata when the chunk is not one the fast path reads (or the file ends before it does).
    private async ValueTask<(ColumnMetaData? Data, byte[] Buffer)> ReadChunkAsync(RowGroup meta, TableColumn column, bool text, int n, Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        ColumnChunk? found = null;
        foreach (var c in meta.Columns)
        {
            if (c.MetaData?.PathInSchema is { Count: 1 } path && string.Equals(path[0], column.Field.Name, StringComparison.Ordinal))
            {
                if (found is not null)
                {
                    return (null, buffer);
                }

                found = c;
            }
        }

        if (found?.MetaData is not { } data || found.FilePath is not null || found.CryptoMetadata is not null || found.EncryptedColumnMetadata is not null
            || data.Type != (text ? global::Parquet.Meta.Type.BYTE_ARRAY : global::Parquet.Meta.Type.INT32) || data.NumValues != n)
        {
            return (null, buffer);
        }

        var start = data.DictionaryPageOffset is long d && d > 0 && d < data.DataPageOffset ? d : data.DataPageOffset;
        var length = data.TotalCompressedSize;
        if (start < 4 || length <= 0 || length > int.MaxValue - 64 || start + length > stream.Length)
        {
            return (null, buffer);
        }

        if (buffer.Length < length)
        {
            buffer = this.rented.Take<byte>((int)length);
        }

        stream.Position = start;
        var read = await stream.ReadAtLeastAsync(buffer.AsMemory(0, (int)length), (int)length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return (read == length ? data : null, buffer);
    }

    private static bool Decode(ChunkDecoder decoder, byte[] bytes, ColumnMetaData data, TableColumn column, bool text, int n, ValueMap map, int nullCode, int[] into) =>
        decoder.TryDecode(bytes.AsSpan(0, (int)data.TotalCompressedSize), (int)data.Codec, text, column.Field.MaxDefinitionLevel == 1, n, map, nullCode, into.AsSpan(0, n), data.TotalUncompressedSize);

    // A case's id as text, for a warning or its classification.
    private string IdText(int r) => this.fastIds
        ? System.Text.Encoding.UTF8.GetString(this.idDecoder!.Bytes, this.idMap!.Offsets[this.idEntries[r]], this.idMap.Lengths[this.idEntries[r]])
        : this.ids1[r].Span.ToString();

    // Back to the state before the first row group, for Parquet.Net's path to read the table.
    private void Restart(long total)
    {
        this.fastIds = false;
        this.idHashes = null;
        this.ids = new IdSet<char>(total);
        this.batch = new CaseBatch(this.framework, (int)Math.Max(0, total));
        this.warnings.Clear();
        this.classifications.Clear();
        this.rowProblems.Clear();
        this.all = new CaseTally();
        this.grouping = this.options.GroupBy is { Count: > 0 } by ? new Grouping(this.framework, by) : null;
        this.rows = 0;
        this.blankAnswers = 0;
        this.failed = false;
    }

    private TextMap TextMapOf(TableColumn column)
    {
        if (!this.textMaps!.TryGetValue(column, out var map))
        {
            map = column.Role switch
            {
                Role.KeyQuestion => new TextMap(AnswerCode),
                Role.Sentence => new TextMap(SentenceCode),
                Role.Exemption => new TextMap(ExemptionCode),
                _ => new TextMap(this.TextDate),
            };
            this.textMaps.Add(column, map);
        }

        return map;
    }

    // The per-value rules of TableReader.RowGroup.cs, on a value's text: a code, or -2 when the value is a problem.
    private static int AnswerCode(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.IsEmpty ? Blank
            : Sheets.Reading.SheetBinder.TryAnswerText(trimmed.ToString(), out var a) ? 1 + (int)a
            : TextMap.Invalid;
    }

    private static int SentenceCode(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.IsEmpty ? -1
            : Internal.Names.TryParseEnum(trimmed.ToString(), out SentenceType s) ? (int)s
            : TextMap.Invalid;
    }

    private static int ExemptionCode(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.IsEmpty ? -1
            : Internal.Names.TryParseEnum(trimmed.ToString(), out Exemption e) ? (int)e
            : TextMap.Invalid;
    }

    private int TextDate(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.IsEmpty ? NoDate
            : Sheets.Reading.SheetDates.TryParse(trimmed, this.options.DateFormat, out var date) ? DateOnly.FromDateTime(date).DayNumber
            : TextMap.Invalid;
    }

    /// <summary>A DATE (days since 1970-01-01) as a day number, when it is one.</summary>
    // Not blank: the common id starts with a visible ASCII character; any other is decoded to be trimmed as text.
    private static bool Visible(ReadOnlySpan<byte> id)
    {
        var first = id[0];
        return (first > 0x20 && first < 0x7F) || !System.Text.Encoding.UTF8.GetString(id).AsSpan().Trim().IsEmpty;
    }

    /// <summary>
    /// A text column's values to codes by a rule on their text (valid UTF-8 only), the last few distinct values
    /// remembered by their bytes, so a plain-encoded column of a few values parses each once.
    /// </summary>
    private sealed class TextMap : ValueMap
    {
        public const int Invalid = -2;
        private const int Remembered = 8;
        private readonly Func<string, int> rule;
        private readonly byte[][] keys = new byte[Remembered][];
        private readonly int[] results = new int[Remembered];
        private int next;

        public TextMap(Func<string, int> rule) => this.rule = rule;

        public override bool TryMap(ReadOnlySpan<byte> value, int offset, out int code)
        {
            for (var i = 0; i < Remembered; i++)
            {
                if (this.keys[i] is { } key && value.SequenceEqual(key))
                {
                    code = this.results[i];
                    return true;
                }
            }

            code = System.Text.Unicode.Utf8.IsValid(value) ? this.rule(System.Text.Encoding.UTF8.GetString(value)) : Invalid;
            if (code == Invalid)
            {
                return false;
            }

            var slot = this.next++ % Remembered;
            this.keys[slot] = value.ToArray();
            this.results[slot] = code;
            return true;
        }
    }
}
