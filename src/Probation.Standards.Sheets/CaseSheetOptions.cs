using System;
using System.Collections.Generic;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets;

/// <summary>How a case sheet writes its dates (never guessed: <c>--date-format</c>).</summary>
public enum SheetDateFormat
{
    /// <summary><c>yyyy-mm-dd</c>, as in a findings document (the default).</summary>
    Iso = 0,

    /// <summary><c>dd/MM/yyyy</c>, day first, as in the UK (one-digit days and months are read too).</summary>
    DayMonthYear = 1,

    /// <summary><c>MM/dd/yyyy</c>, month first, as in the US (one-digit days and months are read too).</summary>
    MonthDayYear = 2,
}

/// <summary>The kind of a case sheet file.</summary>
public enum SheetKind
{
    /// <summary>A CSV file: RFC 4180, UTF-8, comma-separated, a header row.</summary>
    Csv = 0,

    /// <summary>An Excel <c>.xlsx</c> workbook: its first worksheet, a header row.</summary>
    Xlsx = 1,
}

/// <summary>
/// What a case sheet cannot hold (<c>docs/findings-format.md</c>, "Case sheets"): the unit, framework, fieldwork
/// start and judgements, or a header document giving them; how its dates are written; and how to read it.
/// </summary>
public sealed class CaseSheetOptions
{
    /// <summary>The defaults: the embedded frameworks, the default framework, ISO dates, judgements NotRated.</summary>
    public static CaseSheetOptions Default { get; } = new();

    /// <summary>The frameworks <see cref="FrameworkId"/> may name; <see cref="FrameworkCatalog.Default"/> by default.</summary>
    public FrameworkCatalog Catalog { get; init; } = FrameworkCatalog.Default;

    /// <summary>
    /// The framework's id; when <see langword="null"/>, the framework in force on <see cref="FieldworkStarted"/>, or
    /// without that <see cref="FrameworkCatalog.DefaultFrameworkId"/> (R1).
    /// </summary>
    public string? FrameworkId { get; init; }

    /// <summary>When fieldwork started, if known.</summary>
    public DateTime? FieldworkStarted { get; init; }

    /// <summary>The inspected unit; by default the file name without its extension.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The judgements of the organisational standards, one for each (R6); when <see langword="null"/> every one is
    /// <see cref="Rating.NotRated"/> and so is the overall rating (R8, R12).
    /// </summary>
    public IReadOnlyList<JudgementRating>? Judgements { get; init; }

    /// <summary>How the sheet's text dates are written; Excel date cells are dates whatever this says.</summary>
    public SheetDateFormat DateFormat { get; init; }

    /// <summary>Whether to keep every case in <see cref="CaseSheet.Cases"/>; off by default, so memory does not grow with the rows.</summary>
    public bool KeepCases { get; init; }

    /// <summary>Tags to group the cases by while reading (R12), giving <see cref="CaseSheet.Groups"/>; none by default.</summary>
    public IReadOnlyList<string>? GroupBy { get; init; }

    /// <summary>
    /// How many threads a reader may use: 1 (the default) reads on the calling thread only. A Parquet case table's
    /// reader decodes the columns of a large row group on up to two threads (the results are the same either way);
    /// CSV sheets and workbooks are read on one thread whatever this says.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// A findings document without cases whose cases the sheet holds (<c>rate header.json --cases cases.csv</c>),
    /// read with <see cref="FindingsReaderOptions.AllowMissingKeyQuestions"/>: its framework, unit, fieldwork start,
    /// judgements, overrides and any aggregate key questions are used, and the options above that it gives are ignored.
    /// </summary>
    public FindingsDocument? Header { get; init; }
}
