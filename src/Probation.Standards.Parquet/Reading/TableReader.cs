using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Probation.Standards.Bulk;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Internal;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;
using Probation.Standards.Sheets.Reading;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// Reads one Parquet case table: the schema's columns mapped to the sheet's roles, then row group by row group each
/// column decoded into a dense per-row buffer, the rows checked (every problem named by row and column, listed in
/// row order and, within a row, in column order, as a sheet's), and, while no problem has been found, the row group
/// classified (the core's Reset rule) and written straight into the batch's bit-planes and its groups' batches.
/// </summary>
internal sealed partial class TableReader
{
    private const int NoDate = int.MinValue;
    private static readonly ParquetOptions ParquetSettings = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    private readonly string file;
    private readonly CaseSheetOptions options;
    private readonly SheetBinder binder;
    private readonly Rented rented = new();
    private IdSet<char> ids = new(0);
    private readonly List<RowProblem> rowProblems = new();
    private readonly List<RatingWarning> warnings = new();
    private readonly ImmutableArray<CaseClassification>.Builder classifications = ImmutableArray.CreateBuilder<CaseClassification>();
    private CaseTally all = new();
    private Framework framework = null!;
    private List<TableColumn> columns = new();
    private TableColumn? idColumn;
    private TableColumn?[] groupColumns = Array.Empty<TableColumn?>();
    private Grouping? grouping;
    private CaseBatch batch = null!;
    private long rows;
    private long blankAnswers;
    private bool failed;
    private readonly int parallelism;

    public TableReader(string file, CaseSheetOptions options)
    {
        if (options.Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, "CaseSheetOptions.Parallelism must be at least 1");
        }

        this.file = file;
        this.options = options;
        this.parallelism = options.Parallelism;
        this.binder = new SheetBinder(file, options) { Locate = Schema };
    }

    public async Task<CaseTable> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await this.ReadTableAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            this.rented.ReturnAll();
        }
    }

    private async Task<CaseTable> ReadTableAsync(Stream stream, CancellationToken cancellationToken)
    {
        this.binder.ThrowIfAny();
        this.framework = this.binder.Framework!;
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, ParquetSettings, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw InvalidInputException.Of(new InputProblem(ProblemCode.Unreadable, this.file, "file", $"not a readable Parquet file: {Text(ex)}"));
        }

        var rowGroups = 0;
        await using (reader.ConfigureAwait(false))
        {
            rowGroups = reader.RowGroupCount;
            this.MapColumns(reader);
            var total = reader.Metadata?.NumRows ?? 0;
            if (total > int.MaxValue - 64)
            {
                this.binder.ProblemAt("file", ProblemCode.Unreadable, $"{total.ToString(CultureInfo.InvariantCulture)} rows: a table holds at most {(int.MaxValue - 64).ToString(CultureInfo.InvariantCulture)} cases; split it and merge the tallies");
            }

            this.failed = this.binder.AnyProblem;
            this.ids = new IdSet<char>(this.failed || this.FastPath ? 0 : total); // the fast path has its own; Restart makes this one
            this.batch = new CaseBatch(this.framework, this.failed ? 0 : (int)Math.Max(0, total));
            if (!this.failed && !(this.FastPath && await this.TryFastAsync(reader, stream, total, cancellationToken).ConfigureAwait(false)))
            {
                try
                {
                    for (var g = 0; g < rowGroups; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        await this.ReadRowGroupAsync(group, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (IsUnreadable(ex))
                {
                    this.FlushProblems();
                    this.binder.ProblemAt($"row {(this.rows + 1).ToString(CultureInfo.InvariantCulture)}", ProblemCode.Unreadable, $"the Parquet data cannot be read: {Text(ex)}");
                }
            }
        }

        this.FlushProblems();
        var tallies = BulkTally.Tally(this.batch);
        var groups = this.grouping?.ToGroupedTallies();
        var sheet = this.binder.Finish(tallies, this.warnings, this.rows, this.blankAnswers, groups);
        var keep = this.options.KeepCases;
        return new CaseTable(sheet.File, sheet.Framework, sheet.FieldworkStarted, this.batch, sheet.Input, this.rows, this.blankAnswers, rowGroups, sheet.Groups, keep ? this.classifications.ToImmutable() : ImmutableArray<CaseClassification>.Empty, keep);
    }

    // What Parquet.Net throws on bytes that are not a valid table: its own exceptions, and on corrupt page headers
    // or pages also the runtime's (a Thrift header it cannot parse, a null where a dictionary page was expected).
    private static bool IsUnreadable(Exception ex) =>
        ex is ParquetException or global::Parquet.Meta.Proto.ThriftProtocolException or InvalidDataException or NotSupportedException
            or IOException or IndexOutOfRangeException or ArgumentException or InvalidOperationException or NullReferenceException
            or ArithmeticException or FormatException or InvalidCastException;

    // Problems the binder finds at the end (key questions given in no column) are about the schema, not a row.
    private static string Schema(long row, string? column) => column is null ? "schema" : $"schema, column {Quoting.Quote(column)}";

    private static string Where(long row, string column) =>
        $"row {row.ToString(CultureInfo.InvariantCulture)}, column {Quoting.Quote(column)}";

    private static string Text(Exception ex) => ex.Message.Replace('\r', ' ').Replace('\n', ' ');

    private void MapColumns(ParquetReader reader)
    {
        this.binder.SchemaRead();
        var fields = reader.Schema.Fields;
        this.columns = TableColumns.Map(fields, this.framework, this.options.GroupBy, (column, code, message) => this.binder.ProblemAt(Schema(0, column), code, message));
        this.idColumn = this.columns.FirstOrDefault(c => c.Role == Role.Id);
        if (fields.Count == 0)
        {
            this.binder.ProblemAt("schema", ProblemCode.Empty, "the table has no columns: it needs id, sentence, start, suspended, exemption and the key questions");
        }
        else if (this.idColumn is null && !fields.Any(f => string.Equals(f.Name.Trim(), "id", StringComparison.OrdinalIgnoreCase)))
        {
            this.binder.ProblemAt("schema", ProblemCode.MissingField, "no 'id' column: every case needs an id");
        }

        foreach (var column in this.columns.Where(c => c.Role == Role.KeyQuestion))
        {
            this.binder.GiveKeyQuestion(column.KeyQuestion);
        }

        if (this.options.GroupBy is { Count: > 0 } by)
        {
            // A tag no column holds leaves every case without it (one group), as in a sheet.
            this.groupColumns = by.Select(tag => this.columns.FirstOrDefault(c => c.Role == Role.Tag && string.Equals(c.Name, tag, StringComparison.Ordinal))).ToArray();
            foreach (var column in this.groupColumns)
            {
                if (column is not null && column.Storage != Storage.Text)
                {
                    this.binder.ProblemAt(Schema(0, column.Name), ProblemCode.WrongType, $"the column holds {column.TypeName} values; a tag grouped by is text");
                }
            }

            this.grouping = new Grouping(this.framework, by);
        }
    }

    private void Problem(long row, TableColumn? column, int order, ProblemCode code, string message)
    {
        this.failed = true;
        this.rowProblems.Add(new RowProblem(row, order, code, column is null ? $"row {row.ToString(CultureInfo.InvariantCulture)}" : Where(row, column.Name), message));
    }

    // A row group's problems are listed in row order and, within a row, column order, as a sheet lists them.
    private void FlushProblems()
    {
        this.rowProblems.Sort();
        foreach (var problem in this.rowProblems)
        {
            this.binder.ProblemAt(problem.Where, problem.Code, problem.Message);
        }

        this.rowProblems.Clear();
    }

    private readonly record struct RowProblem(long Row, int Order, ProblemCode Code, string Where, string Message) : IComparable<RowProblem>
    {
        public int CompareTo(RowProblem other)
        {
            var c = this.Row.CompareTo(other.Row);
            return c != 0 ? c : this.Order.CompareTo(other.Order);
        }
    }
}

/// <summary>The case counts of cases written into a batch by rows, kept as plain counters and added once a row group.</summary>
internal sealed class CaseTally
{
    private readonly long[] classes = new long[4];
    private readonly long[] sentences = new long[4];
    private long suspendedButExempt;
    private ulong answered;

    public void Add(CaseClass @class, int sentence, bool suspended)
    {
        this.classes[(int)@class]++;
        if (sentence >= 0)
        {
            this.sentences[sentence]++;
        }

        if (@class == CaseClass.Exempt && suspended)
        {
            this.suspendedButExempt++;
        }
    }

    public void Answered(int keyQuestion) => this.answered |= 1UL << keyQuestion;

    public void FlushInto(CaseBatch batch)
    {
        var counts = CaseCounts.FromTotals(this.classes.Sum(), this.classes, this.suspendedButExempt, this.sentences);
        batch.AddCounts(counts, this.answered);
        Array.Clear(this.classes);
        Array.Clear(this.sentences);
        this.suspendedButExempt = 0;
        this.answered = 0;
    }
}

/// <summary>The groups of a grouping (R12): one batch, its counts and its warnings per distinct key.</summary>
internal sealed class Grouping
{
    private readonly Framework framework;
    private readonly ImmutableArray<string> names;
    private readonly Dictionary<string?[], int> byKey = new(GroupedTallyBuilder.ValuesComparer.Instance);
    private readonly List<string?[]> keys = new();

    public Grouping(Framework framework, IReadOnlyList<string> names)
    {
        this.framework = framework;
        this.names = GroupKey.CheckNames(names);
    }

    public List<Group> Groups { get; } = new();

    public int Of(string?[] key)
    {
        if (!this.byKey.TryGetValue(key, out var index))
        {
            index = this.Groups.Count;
            var copy = (string?[])key.Clone();
            this.byKey.Add(copy, index);
            this.keys.Add(copy);
            this.Groups.Add(new Group(new CaseBatch(this.framework)));
        }

        return index;
    }

    public GroupedTallies ToGroupedTallies()
    {
        var list = new List<TallyGroup>(this.Groups.Count);
        for (var g = 0; g < this.Groups.Count; g++)
        {
            list.Add(new TallyGroup(GroupKey.Create(this.names, this.keys[g]), BulkTally.Tally(this.Groups[g].Batch), this.Groups[g].Warnings));
        }

        return GroupedTallies.From(this.framework, this.names, list);
    }

    internal sealed class Group
    {
        public Group(CaseBatch batch) => this.Batch = batch;

        public CaseBatch Batch { get; }

        public CaseTally Tally { get; } = new();

        public List<RatingWarning> Warnings { get; } = new();

        public int Pending { get; set; }

        public int Next { get; set; }
    }
}
