using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Probation.Standards.Cases;
using Probation.Standards.Internal;
using Probation.Standards.Reset;
using Probation.Standards.Sheets.Reading;

namespace Probation.Standards.Parquet.Reading;

/// <summary>One row group: each column into dense per-row buffers, the row checks, then the bit-planes.</summary>
internal sealed partial class TableReader
{
    // Answer codes a row group keeps per key question: 0 blank (not answered), then Answer + 1.
    private const byte Blank = 0;

    private readonly Dictionary<TableColumn, ValueCache> caches = new();
    private ReadOnlyMemory<char>[] ids1 = Array.Empty<ReadOnlyMemory<char>>();
    private ReadOnlyMemory<char>[] text = Array.Empty<ReadOnlyMemory<char>>();
    private bool[] isNull = Array.Empty<bool>();
    private int[] levels = Array.Empty<int>();
    private DateOnly[] dates = Array.Empty<DateOnly>();
    private DateTime[] times = Array.Empty<DateTime>();
    private int[] start = Array.Empty<int>();
    private int[] suspended = Array.Empty<int>();
    private sbyte[] sentence = Array.Empty<sbyte>();
    private sbyte[] exemption = Array.Empty<sbyte>();
    private byte[][] answers = Array.Empty<byte[]>();
    private int[] groupOf = Array.Empty<int>();
    private bool[] bad = Array.Empty<bool>();

    private async ValueTask ReadRowGroupAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        var n = checked((int)group.RowCount);
        if (n == 0)
        {
            return;
        }

        this.Prepare(n);
        this.ValueBuffers(n);
        var first = this.rows + 1;

        TableColumn? suspendedColumn = null;
        foreach (var column in this.columns)
        {
            switch (column.Role)
            {
                case Role.Id:
                    await this.ReadTextAsync(group, column, this.ids1, n, cancellationToken).ConfigureAwait(false);
                    this.Ids(column, n, first);
                    break;
                case Role.Sentence:
                case Role.Exemption:
                    await this.ReadTextAsync(group, column, this.text, n, cancellationToken).ConfigureAwait(false);
                    this.Names(column, column.Role == Role.Sentence ? this.sentence : this.exemption, n, first);
                    break;
                case Role.Start:
                case Role.Suspended:
                    await this.ReadDatesAsync(group, column, column.Role == Role.Start ? this.start : this.suspended, n, first, cancellationToken).ConfigureAwait(false);
                    suspendedColumn = column.Role == Role.Suspended ? column : suspendedColumn;
                    break;
                case Role.KeyQuestion:
                    await this.ReadTextAsync(group, column, this.text, n, cancellationToken).ConfigureAwait(false);
                    this.Answers(column, this.answers[column.KeyQuestion], n, first);
                    break;
            }
        }

        // R9's date rules, after every column of the row (a sheet checks them at the end of the row too).
        var order = this.columns.Count;
        for (var r = 0; r < n; r++)
        {
            if (this.suspended[r] == NoDate)
            {
                continue;
            }

            if (this.start[r] == NoDate)
            {
                if (!this.bad[r])
                {
                    this.Problem(first + r, suspendedColumn, order, ProblemCode.SuspendedWithoutStart, "a suspension date needs a start date (R9)");
                    this.bad[r] = true;
                }
            }
            else if (this.suspended[r] < this.start[r])
            {
                this.Problem(first + r, suspendedColumn, order, ProblemCode.SuspendedBeforeStart, $"the suspension date {DateText.Format(ToDate(this.suspended[r]))} is before the start date {DateText.Format(ToDate(this.start[r]))} (R9)");
                this.bad[r] = true;
            }
        }

        if (this.grouping is not null && !this.failed)
        {
            await this.GroupRowsAsync(group, n, cancellationToken).ConfigureAwait(false);
        }

        this.FlushProblems();
        if (!this.failed)
        {
            this.Tally(n);
        }

        this.rows += n;
    }

    // The row group's buffers, each row's slots set to nothing given.
    private void Prepare(int n)
    {
        this.Buffers(n);
        Array.Clear(this.bad, 0, n);
        Array.Fill(this.start, NoDate, 0, n);
        Array.Fill(this.suspended, NoDate, 0, n);
        Array.Fill(this.sentence, (sbyte)-1, 0, n);
        Array.Fill(this.exemption, (sbyte)-1, 0, n);
        var questions = this.framework.KeyQuestions.Count;
        for (var q = 0; q < questions; q++)
        {
            Array.Clear(this.answers[q], 0, n);
        }
    }

    // The buffers Parquet.Net's values are read into (the fast path needs none of them).
    private void ValueBuffers(int n)
    {
        if (this.isNull.Length >= n)
        {
            return;
        }

        this.ids1 = new ReadOnlyMemory<char>[n];
        this.text = new ReadOnlyMemory<char>[n];
        this.isNull = new bool[n];
        this.levels = new int[n];
        this.dates = new DateOnly[n];
        this.times = new DateTime[n];
    }

    private void Buffers(int n)
    {
        if (this.bad.Length >= n)
        {
            return;
        }

        // Each is set for a row group's rows (Prepare) or written before it is read: no need to clear them here.
        this.start = this.rented.Take<int>(n);
        this.suspended = this.rented.Take<int>(n);
        this.sentence = this.rented.Take<sbyte>(n);
        this.exemption = this.rented.Take<sbyte>(n);
        this.groupOf = this.rented.Take<int>(n);
        this.bad = this.rented.Take<bool>(n);
        this.answers = new byte[this.framework.KeyQuestions.Count][];
        for (var q = 0; q < this.answers.Length; q++)
        {
            this.answers[q] = this.rented.Take<byte>(n);
        }
    }

    // Reads a column's non-null values and definition levels, then spreads the values out to one slot a row
    // (backwards, in place: a row's value never lies after its slot), with isNull marking the NULLs.
    private async ValueTask ReadTextAsync(ParquetRowGroupReader group, TableColumn column, ReadOnlyMemory<char>[] values, int n, CancellationToken cancellationToken)
    {
        var nullable = column.Field.MaxDefinitionLevel > 0;
        await group.ReadRawAsync(column.Field, values.AsMemory(0, n), nullable ? this.levels.AsMemory(0, n) : null, null, cancellationToken).ConfigureAwait(false);
        this.Spread(values, column, n);
    }

    private void Spread<T>(T[] values, TableColumn column, int n)
    {
        var max = column.Field.MaxDefinitionLevel;
        if (max == 0)
        {
            Array.Clear(this.isNull, 0, n);
            return;
        }

        var defined = 0;
        for (var r = 0; r < n; r++)
        {
            defined += this.levels[r] == max ? 1 : 0;
        }

        var j = defined - 1;
        for (var r = n - 1; r >= 0; r--)
        {
            var isNull = this.levels[r] != max;
            this.isNull[r] = isNull;
            if (!isNull)
            {
                values[r] = values[j--];
            }
        }
    }

    private void Ids(TableColumn column, int n, long first)
    {
        var order = this.columns.Count + 1;
        for (var r = 0; r < n; r++)
        {
            var id = this.isNull[r] ? ReadOnlySpan<char>.Empty : this.ids1[r].Span;
            if (id.Trim().IsEmpty)
            {
                this.Problem(first + r, column, column.Order, ProblemCode.EmptyValue, "the case id is empty");
                this.bad[r] = true;
                if (this.isNull[r])
                {
                    this.ids1[r] = default;
                }

                continue;
            }

            if (!this.ids.Add(id))
            {
                this.Problem(first + r, column, order, ProblemCode.DuplicateCaseId, $"duplicate case id {Quoting.Quote(id.ToString())}");
                this.bad[r] = true;
            }
        }
    }

    private void Names(TableColumn column, sbyte[] into, int n, long first)
    {
        var cache = this.Cache(column);
        var isSentence = column.Role == Role.Sentence;
        var memo = new RefMemo();
        for (var r = 0; r < n; r++)
        {
            if (this.isNull[r])
            {
                continue;
            }

            if (memo.TryGet(this.text[r], out var known))
            {
                into[r] = (sbyte)known;
                continue;
            }

            var value = this.text[r].Span.Trim();
            if (value.IsEmpty)
            {
                memo.Add(this.text[r], -1);
                continue;
            }

            var parsed = cache.Get(value, text => isSentence
                ? (Internal.Names.TryParseEnum(text, out SentenceType s) ? (int)s : -1)
                : (Internal.Names.TryParseEnum(text, out Exemption e) ? (int)e : -1));
            if (parsed >= 0)
            {
                into[r] = (sbyte)parsed;
                memo.Add(this.text[r], parsed);
                continue;
            }

            this.Problem(first + r, column, column.Order, isSentence ? ProblemCode.InvalidSentence : ProblemCode.InvalidExemption, isSentence
                ? $"sentence {Quoting.Quote(value.ToString())} is not one of {SheetBinder.SentenceList}"
                : $"exemption {Quoting.Quote(value.ToString())} is not one of {SheetBinder.ExemptionList}");
            this.bad[r] = true;
        }
    }

    private void Answers(TableColumn column, byte[] into, int n, long first)
    {
        var cache = this.Cache(column);
        var memo = new RefMemo();
        for (var r = 0; r < n; r++)
        {
            if (this.isNull[r])
            {
                this.blankAnswers++;
                into[r] = Blank;
                continue;
            }

            // A dictionary-encoded column hands its rows the same few values: each is parsed once.
            if (memo.TryGet(this.text[r], out var code))
            {
                this.blankAnswers += code == Blank ? 1 : 0;
                into[r] = (byte)code;
                continue;
            }

            var value = this.text[r].Span;

            // The values a table nearly always holds, exactly; any other spelling through the cache.
            value = value.Trim();
            if (value.IsEmpty)
            {
                this.blankAnswers++;
                into[r] = Blank;
                memo.Add(this.text[r], Blank);
                continue;
            }

            var parsed = cache.Get(value, text => SheetBinder.TryAnswerText(text, out var a) ? (int)a : -1);
            if (parsed >= 0)
            {
                into[r] = (byte)(1 + parsed);
                memo.Add(this.text[r], 1 + parsed);
                continue;
            }

            this.Problem(first + r, column, column.Order, ProblemCode.InvalidAnswer, $"answer {Quoting.Quote(value.ToString())} is not Yes, No or NotApplicable");
            this.bad[r] = true;
        }
    }

    private async ValueTask ReadDatesAsync(ParquetRowGroupReader group, TableColumn column, int[] into, int n, long first, CancellationToken cancellationToken)
    {
        var nullable = column.Field.MaxDefinitionLevel > 0;
        var levels = nullable ? this.levels.AsMemory(0, n) : (Memory<int>?)null;
        switch (column.Storage)
        {
            case Storage.Date:
                await group.ReadRawAsync(column.Field, this.dates.AsMemory(0, n), levels, null, cancellationToken).ConfigureAwait(false);
                this.Spread(this.dates, column, n);
                for (var r = 0; r < n; r++)
                {
                    into[r] = this.isNull[r] ? NoDate : this.dates[r].DayNumber;
                }

                break;
            case Storage.Timestamp:
                // A timestamp counts by its calendar date, as an Excel date cell does.
                await group.ReadRawAsync(column.Field, this.times.AsMemory(0, n), levels, null, cancellationToken).ConfigureAwait(false);
                this.Spread(this.times, column, n);
                for (var r = 0; r < n; r++)
                {
                    into[r] = this.isNull[r] ? NoDate : DateOnly.FromDateTime(this.times[r]).DayNumber;
                }

                break;
            default:
                await this.ReadTextAsync(group, column, this.text, n, cancellationToken).ConfigureAwait(false);
                var format = this.options.DateFormat;
                for (var r = 0; r < n; r++)
                {
                    var value = this.isNull[r] ? ReadOnlySpan<char>.Empty : this.text[r].Span.Trim();
                    if (value.IsEmpty)
                    {
                        continue;
                    }

                    if (SheetDates.TryParse(value, format, out var date))
                    {
                        into[r] = DateOnly.FromDateTime(date).DayNumber;
                        continue;
                    }

                    this.Problem(first + r, column, column.Order, ProblemCode.InvalidDate, SheetDates.Problem(value, format));
                    this.bad[r] = true;
                }

                break;
        }
    }

    /// <summary>
    /// The last few values a column handed over, by the array they lie in: Parquet.Net gives every row of one
    /// dictionary entry the same characters, so a repeated value is known by reference, without reading its text.
    /// </summary>
    private struct RefMemo
    {
        private object? a0, a1, a2, a3;
        private long k0, k1, k2, k3; // offset << 32 | length
        private int v0, v1, v2, v3;
        private int next;

        public bool TryGet(ReadOnlyMemory<char> value, out int result)
        {
            if (MemoryMarshal.TryGetArray(value, out var segment))
            {
                var array = segment.Array;
                var key = ((long)segment.Offset << 32) | (uint)segment.Count;
                if (ReferenceEquals(array, this.a0) && key == this.k0) { result = this.v0; return true; }
                if (ReferenceEquals(array, this.a1) && key == this.k1) { result = this.v1; return true; }
                if (ReferenceEquals(array, this.a2) && key == this.k2) { result = this.v2; return true; }
                if (ReferenceEquals(array, this.a3) && key == this.k3) { result = this.v3; return true; }
            }

            result = 0;
            return false;
        }

        public void Add(ReadOnlyMemory<char> value, int result)
        {
            if (!MemoryMarshal.TryGetArray(value, out var segment) || segment.Array is null)
            {
                return;
            }

            var key = ((long)segment.Offset << 32) | (uint)segment.Count;
            switch (this.next++ & 3)
            {
                case 0: (this.a0, this.k0, this.v0) = (segment.Array, key, result); break;
                case 1: (this.a1, this.k1, this.v1) = (segment.Array, key, result); break;
                case 2: (this.a2, this.k2, this.v2) = (segment.Array, key, result); break;
                default: (this.a3, this.k3, this.v3) = (segment.Array, key, result); break;
            }
        }
    }

    private ValueCache Cache(TableColumn column)
    {
        if (!this.caches.TryGetValue(column, out var cache))
        {
            cache = new ValueCache();
            this.caches.Add(column, cache);
        }

        return cache;
    }

    private static DateTime ToDate(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue);

    /// <summary>
    /// A column's distinct values and what they parse to, looked up by span: a table repeats a few values (the
    /// same dictionary entries), so each is parsed once. Bounded, so a column of distinct values costs no memory.
    /// </summary>
    private sealed class ValueCache
    {
        private const int Limit = 256;
        private readonly Dictionary<string, int> parsed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public ValueCache() => this.lookup = this.parsed.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Get(ReadOnlySpan<char> value, Func<string, int> parse)
        {
            if (this.lookup.TryGetValue(value, out var result))
            {
                return result;
            }

            var text = value.ToString();
            result = parse(text);
            if (this.parsed.Count < Limit)
            {
                this.parsed.Add(text, result);
            }

            return result;
        }
    }
}
