using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Probation.Standards.Cases;
using Probation.Standards.Findings.Parsing;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Internal;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets.Reading;

/// <summary>One row of a sheet as its reader hands it over: each cell's text, and for a workbook its date or number.</summary>
internal interface ISheetRow
{
    /// <summary>The cells in the row.</summary>
    int Count { get; }

    /// <summary>The cell's text as written (a workbook's number in invariant digits).</summary>
    ReadOnlySpan<char> Text(int column);

    /// <summary>The cell's date, when it is a workbook date cell.</summary>
    DateTime? Date(int column);

    /// <summary>Whether the cell is a workbook number (not a date).</summary>
    bool IsNumber(int column);
}

/// <summary>
/// The rules of a case sheet (findings-format.md, "Case sheets"), shared by the CSV and the workbook readers: the
/// header's columns, each row bound into a case and tallied as it comes (kept only when asked), every problem
/// named by file, row and column, and at the end the same rating input a findings document gives.
/// </summary>
internal sealed partial class SheetBinder
{
    internal const string SentenceList = "CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision";
    internal const string ExemptionList = "Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt";

    private readonly string file;
    private readonly CaseSheetOptions options;
    private readonly ProblemSink problems;
    private readonly CaseIdSet ids = new();
    private readonly ImmutableArray<InspectedCase>.Builder kept = ImmutableArray.CreateBuilder<InspectedCase>();
    private readonly List<KeyValuePair<string, string>> tagScratch = new();
    private Framework? framework;
    private TallyBuilder? tallies;
    private GroupedTallyBuilder? groups;
    private Column[] columns = Array.Empty<Column>();
    private ulong keyQuestionColumns;
    private long rows;
    private long blankAnswers;
    private bool headerRead;

    public SheetBinder(string file, CaseSheetOptions options)
    {
        this.file = file;
        this.options = options;
        this.problems = new ProblemSink(file);
        this.Resolve();
    }

    private enum Role
    {
        Ignored,
        Id,
        Sentence,
        Start,
        Suspended,
        Exemption,
        KeyQuestion,
        Tag,
    }

    /// <summary>Whether a further problem would only be counted.</summary>
    public bool Full => this.problems.Full;

    /// <summary>The framework the options name, or <see langword="null"/> after a problem with them.</summary>
    public Framework? Framework => this.framework;

    /// <summary>Whether any problem was found so far.</summary>
    public bool AnyProblem => this.problems.Any;

    /// <summary>How a row and column are written in a problem; a Parquet table writes its own (it has no header row).</summary>
    public Func<long, string?, string> Locate { get; init; } = Where;

    /// <summary>A problem at a place the caller writes (a Parquet table's row and column).</summary>
    public void ProblemAt(string where, ProblemCode code, string message) =>
        this.problems.Add(new InputProblem(code, this.file, where, message));

    public void Problem(long row, string? column, ProblemCode code, string message) =>
        this.problems.Add(new InputProblem(code, this.file, this.Locate(row, column), message));

    /// <summary>Reads the header row (row 1): which column is which.</summary>
    public void Header(IReadOnlyList<string> names)
    {
        this.headerRead = true;
        this.columns = new Column[names.Count];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var hasId = false;
        for (var i = 0; i < names.Count; i++)
        {
            var name = (names[i] ?? string.Empty).Trim();
            var column = new Column(name.Length == 0 ? $"#{i + 1}" : name, Role.Ignored, -1);
            if (name.Length == 0)
            {
                this.columns[i] = column;
                continue;
            }

            if (seen.ContainsKey(name))
            {
                this.Problem(1, name, ProblemCode.DuplicateField, $"column {Quoting.Quote(name)} is given twice (also column {seen[name] + 1})");
                this.columns[i] = column;
                continue;
            }

            seen.Add(name, i);
            column = name.ToUpperInvariant() switch
            {
                "ID" => new Column(name, Role.Id, -1),
                "SENTENCE" => new Column(name, Role.Sentence, -1),
                "START" => new Column(name, Role.Start, -1),
                "SUSPENDED" => new Column(name, Role.Suspended, -1),
                "EXEMPTION" => new Column(name, Role.Exemption, -1),
                _ => this.KeyQuestionOrTag(name),
            };
            hasId |= column.Role == Role.Id;
            if (column.Role == Role.KeyQuestion)
            {
                this.keyQuestionColumns |= 1UL << column.Index;
            }

            this.columns[i] = column;
        }

        if (names.Count == 0)
        {
            this.Problem(1, null, ProblemCode.Empty, "the sheet is empty: it needs a header row naming its columns (id, sentence, start, suspended, exemption, the key questions)");
        }
        else if (!hasId)
        {
            this.Problem(1, null, ProblemCode.MissingField, "no 'id' column: every case needs an id");
        }
    }

    /// <summary>Binds one data row; <paramref name="row"/> counts the header as 1.</summary>
    public void Row(long row, ISheetRow cells)
    {
        var framework = this.framework;
        if (framework is null || !this.headerRead)
        {
            return;
        }

        var count = cells.Count;
        var blank = true;
        for (var i = 0; i < count && blank; i++)
        {
            blank = cells.Text(i).Trim().IsEmpty;
        }

        if (blank)
        {
            return; // a blank row is no case
        }

        var ok = true;
        if (count > this.columns.Length)
        {
            for (var i = this.columns.Length; i < count; i++)
            {
                if (!cells.Text(i).Trim().IsEmpty)
                {
                    this.Problem(row, null, ProblemCode.UnknownField, $"{count} cells, but the header names {this.columns.Length} columns: cell {i + 1} has no column");
                    ok = false;
                    break;
                }
            }
        }

        string? id = null;
        SentenceType? sentence = null;
        DateTime? start = null;
        DateTime? suspended = null;
        Exemption? exemption = null;
        string? suspendedColumn = null;
        var answers = new Answer[framework.KeyQuestions.Count];
        var answered = 0UL;
        this.tagScratch.Clear();
        var n = Math.Min(count, this.columns.Length);
        for (var i = 0; i < n; i++)
        {
            var column = this.columns[i];
            if (column.Role == Role.Ignored)
            {
                if (!cells.Text(i).Trim().IsEmpty && !column.Name.StartsWith("#", StringComparison.Ordinal))
                {
                    continue; // a column reported in the header
                }

                if (!cells.Text(i).Trim().IsEmpty)
                {
                    this.Problem(row, column.Name, ProblemCode.UnknownField, $"a value in a column without a header: {Quoting.Quote(cells.Text(i).ToString())}");
                    ok = false;
                }

                continue;
            }

            if (column.Role == Role.Id)
            {
                var text = cells.Text(i);
                if (text.Trim().IsEmpty)
                {
                    this.Problem(row, column.Name, ProblemCode.EmptyValue, "the case id is empty");
                    ok = false;
                }
                else
                {
                    id = text.ToString();
                }

                continue;
            }

            var value = cells.Text(i).Trim();
            switch (column.Role)
            {
                case Role.KeyQuestion:
                    if (value.IsEmpty)
                    {
                        this.blankAnswers++;
                    }
                    else if (TryAnswer(value, out var answer))
                    {
                        answers[column.Index] = answer;
                        answered |= 1UL << column.Index;
                    }
                    else
                    {
                        this.Problem(row, column.Name, ProblemCode.InvalidAnswer, $"answer {Quoting.Quote(value.ToString())} is not Yes, No or NotApplicable");
                        ok = false;
                    }

                    break;
                case Role.Sentence:
                    if (!value.IsEmpty)
                    {
                        if (Names.TryParseEnum(value.ToString(), out SentenceType parsed))
                        {
                            sentence = parsed;
                        }
                        else
                        {
                            this.Problem(row, column.Name, ProblemCode.InvalidSentence, $"sentence {Quoting.Quote(value.ToString())} is not one of {SentenceList}");
                            ok = false;
                        }
                    }

                    break;
                case Role.Exemption:
                    if (!value.IsEmpty)
                    {
                        if (Names.TryParseEnum(value.ToString(), out Exemption parsed))
                        {
                            exemption = parsed;
                        }
                        else
                        {
                            this.Problem(row, column.Name, ProblemCode.InvalidExemption, $"exemption {Quoting.Quote(value.ToString())} is not one of {ExemptionList}");
                            ok = false;
                        }
                    }

                    break;
                case Role.Start:
                case Role.Suspended:
                    if (!this.TryDate(row, column.Name, cells, i, value, out var date))
                    {
                        ok = false;
                    }
                    else if (column.Role == Role.Start)
                    {
                        start = date;
                    }
                    else
                    {
                        suspended = date;
                        suspendedColumn = column.Name;
                    }

                    break;
                case Role.Tag:
                    if (!value.IsEmpty)
                    {
                        this.tagScratch.Add(new KeyValuePair<string, string>(column.Name, value.ToString()));
                    }

                    break;
            }
        }

        if (count < this.columns.Length)
        {
            this.Problem(row, null, ProblemCode.MissingField, $"{count} cells, but the header names {this.columns.Length} columns");
            ok = false;
        }

        if (suspended is not null && start is null && ok)
        {
            this.Problem(row, suspendedColumn, ProblemCode.SuspendedWithoutStart, "a suspension date needs a start date (R9)");
            ok = false;
        }
        else if (suspended < start)
        {
            this.Problem(row, suspendedColumn, ProblemCode.SuspendedBeforeStart, $"the suspension date {DateText.Format(suspended.Value)} is before the start date {DateText.Format(start!.Value)} (R9)");
            ok = false;
        }

        if (id is not null && !this.ids.Add(id))
        {
            this.Problem(row, "id", ProblemCode.DuplicateCaseId, $"duplicate case id {Quoting.Quote(id)}");
            ok = false;
        }

        if (!ok || id is null || this.problems.Any)
        {
            return; // a sheet with a problem is rejected whole: nothing more is tallied
        }

        var tags = this.tagScratch.Count == 0 ? ImmutableArray<KeyValuePair<string, string>>.Empty : InspectedCase.SortedTags(id, this.tagScratch);
        var inspected = new InspectedCase(framework, id, sentence, start, suspended, exemption, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(answers), answered, tags);
        this.rows++;
        this.tallies!.Add(inspected);
        this.groups?.Add(inspected);
        if (this.options.KeepCases)
        {
            this.kept.Add(inspected);
        }
    }

    /// <summary>The end of the sheet: every key question given once, the input built; or every problem thrown.</summary>
    public CaseSheet Finish()
    {
        var framework = this.framework;
        if (framework is null || !this.headerRead)
        {
            if (!this.headerRead && framework is not null)
            {
                this.Problem(1, null, ProblemCode.Empty, "the sheet is empty: it needs a header row naming its columns (id, sentence, start, suspended, exemption, the key questions)");
            }

            this.problems.ThrowIfAny();
            throw new InvalidOperationException("no framework and no problem");
        }

        return this.Finish(this.tallies!.ToTallySet(), this.tallies.Warnings, this.rows, this.blankAnswers, this.groups?.ToGroupedTallies());
    }

    /// <summary>
    /// The end of a table read elsewhere (the Parquet package's column-wise reader): its cases' tallies, their
    /// warnings in case order, how many rows and blank answers it had, and its groups; the key questions it gives
    /// are those its columns name (<see cref="GiveKeyQuestion"/>). Every problem is thrown, those found here too.
    /// </summary>
    public CaseSheet Finish(TallySet caseTallies, IReadOnlyList<RatingWarning> caseWarnings, long rows, long blankAnswers, GroupedTallies? groups)
    {
        var framework = this.framework!;
        var header = this.options.Header;
        var headerTallies = header?.Input.Tallies;
        var published = header?.Input.Published ?? EquatableArray<PublishedPercentage>.Empty;
        this.rows = rows;
        this.blankAnswers = blankAnswers;
        foreach (var question in framework.KeyQuestions)
        {
            var inSheet = (this.keyQuestionColumns & (1UL << question.Index)) != 0;
            var inHeader = (headerTallies?.IsGiven(question.Id) ?? false) || published.Any(p => p.KeyQuestionId == question.Id);
            if (inSheet && inHeader)
            {
                this.Problem(1, question.Id, ProblemCode.KeyQuestionGivenTwice, $"{question.Id} is given both in this column and in {Quoting.Quote(header!.File)}'s keyQuestions");
            }
            else if (!inSheet && !inHeader)
            {
                this.Problem(1, null, ProblemCode.KeyQuestionNotGiven, $"{question.Id} is given in no column{(header is null ? string.Empty : " nor in " + Quoting.Quote(header.File) + "'s keyQuestions")}");
            }
        }

        this.problems.ThrowIfAny();
        var values = caseTallies.KeyQuestions.AsImmutableArray().ToBuilder();
        var given = caseTallies.Given.ToBuilder();
        foreach (var question in framework.KeyQuestions)
        {
            // A column whose cells are all blank gives its key question no result (R5); it is given by the cells
            // that answer it (N/A included), as a document's key question is given by the cases that answer it.
            if (headerTallies is not null && headerTallies.IsGiven(question.Id))
            {
                values[question.Index] = headerTallies.GetTally(question.Id);
                given[question.Index] = true;
            }
        }

        var tallySet = new TallySet(framework, values.MoveToImmutable(), given.MoveToImmutable(), this.rows > 0 ? caseTallies.Cases : null);
        var warnings = ImmutableArray.CreateBuilder<RatingWarning>();
        if (header is not null)
        {
            warnings.AddRange(header.Input.Warnings);
        }
        else if (this.options.FieldworkStarted is { } started && this.options.FrameworkId is not null && !framework.IsInForceOn(started))
        {
            warnings.Add(new RatingWarning(
                WarningCode.FrameworkNotInForce,
                $"{framework.Id} applies to fieldwork from {DateText.Format(framework.EffectiveFrom)}{(framework.EffectiveTo is { } to ? " to " + DateText.Format(to) : string.Empty)}, but fieldwork started on {DateText.Format(started)}"));
        }

        if (this.blankAnswers > 0)
        {
            warnings.Add(new RatingWarning(WarningCode.BlankAnswers, $"{this.blankAnswers.ToString(CultureInfo.InvariantCulture)} blank key-question cell{(this.blankAnswers == 1 ? " was" : "s were")} read as NotApplicable"));
        }

        warnings.AddRange(caseWarnings);
        var unit = header?.Unit ?? this.options.Unit ?? DefaultUnit(this.file);

        // A column-wise reader keeps no cases: they are kept only when every row was kept.
        var input = new RatingInput(unit, tallySet, published, this.Judgements(framework), header?.Input.Overrides ?? EquatableArray<RatingOverride>.Empty, warnings.ToImmutable());
        return new CaseSheet(this.file, framework, header?.FieldworkStarted ?? this.options.FieldworkStarted, input, this.options.KeepCases ? this.kept.ToImmutable() : ImmutableArray<InspectedCase>.Empty, this.options.KeepCases && this.kept.Count == rows, this.rows, this.blankAnswers, groups);
    }

    public void ThrowIfAny() => this.problems.ThrowIfAny();

    /// <summary>For a reader with no header row: its columns were read (the schema), so the table is not empty.</summary>
    public void SchemaRead() => this.headerRead = true;

    /// <summary>For a reader that maps its own columns: a column gives this key question.</summary>
    public void GiveKeyQuestion(int keyQuestionIndex) => this.keyQuestionColumns |= 1UL << keyQuestionIndex;

    /// <summary>Reads a key-question answer as a sheet does: Yes, No, N/A, NotApplicable, in any case.</summary>
    public static bool TryAnswerText(ReadOnlySpan<char> value, out Answer answer) => TryAnswer(value, out answer);

    internal static string Where(long row, string? column) =>
        column is null ? $"row {row.ToString(CultureInfo.InvariantCulture)}" : $"row {row.ToString(CultureInfo.InvariantCulture)}, column {Quoting.Quote(column)}";

    private static string DefaultUnit(string file)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(file);
        return string.IsNullOrWhiteSpace(name) ? file : name;
    }

    private static bool TryAnswer(ReadOnlySpan<char> value, out Answer answer)
    {
        if (value.SequenceEqual("Yes".AsSpan()))
        {
            answer = Answer.Yes;
            return true;
        }

        if (value.SequenceEqual("No".AsSpan()))
        {
            answer = Answer.No;
            return true;
        }

        if (value.SequenceEqual("N/A".AsSpan()) || value.SequenceEqual("NotApplicable".AsSpan()))
        {
            answer = Answer.NotApplicable;
            return true;
        }

        return RatingText.TryParseAnswer(value.ToString(), out answer);
    }

    private bool TryDate(long row, string column, ISheetRow cells, int index, ReadOnlySpan<char> value, out DateTime? date)
    {
        date = null;
        if (cells.Date(index) is { } cellDate)
        {
            date = cellDate.Date;
            return true;
        }

        if (value.IsEmpty)
        {
            return true;
        }

        if (cells.IsNumber(index))
        {
            this.Problem(row, column, ProblemCode.InvalidDate, $"number {value.ToString()} is not a date: format the cell as a date, or write the date as text");
            return false;
        }

        if (SheetDates.TryParse(value, this.options.DateFormat, out var parsed))
        {
            date = parsed;
            return true;
        }

        this.Problem(row, column, ProblemCode.InvalidDate, SheetDates.Problem(value, this.options.DateFormat));
        return false;
    }

    private Column KeyQuestionOrTag(string name)
    {
        var framework = this.framework!;
        foreach (var question in framework.KeyQuestions)
        {
            if (string.Equals(question.Id, name, StringComparison.OrdinalIgnoreCase))
            {
                return new Column(question.Id, Role.KeyQuestion, question.Index);
            }
        }

        // A column named like a standard, or like one of its key questions, is a mistake, not a tag.
        foreach (var standard in framework.Standards)
        {
            if (string.Equals(standard.Id, name, StringComparison.OrdinalIgnoreCase))
            {
                this.Problem(1, name, ProblemCode.UnknownKeyQuestion, standard.RatedBy == RatedBy.Judgement
                    ? $"{standard.Id} {standard.Name} is a judgement, not a key question: give it with the judgements (--judgements {standard.Id}=...)"
                    : $"{standard.Id} is a standard, not a key question; its key questions are numbered like {standard.Id}.1");
                return new Column(name, Role.Ignored, -1);
            }

            if (name.StartsWith(standard.Id + ".", StringComparison.OrdinalIgnoreCase))
            {
                this.Problem(1, name, ProblemCode.UnknownKeyQuestion, $"unknown key question {Quoting.Quote(name)} in {framework.Id}");
                return new Column(name, Role.Ignored, -1);
            }
        }

        // Headers match case-insensitively: a tag column named like a tag grouped by takes the grouping's spelling.
        var grouped = this.options.GroupBy?.FirstOrDefault(tag => string.Equals(tag, name, StringComparison.OrdinalIgnoreCase));
        return new Column(grouped ?? name, Role.Tag, -1);
    }

    private readonly struct Column
    {
        public Column(string name, Role role, int index)
        {
            this.Name = name;
            this.Role = role;
            this.Index = index;
        }

        public string Name { get; }

        public Role Role { get; }

        public int Index { get; }
    }
}
