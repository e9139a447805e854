using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Data;

/// <summary>
/// The tally query of a case table in one SQL dialect (docs/findings-format.md, "Rating where the data lives"):
/// one statement returning one row per group (one row without groups) with the group columns, then
/// <c>cases</c>, <c>reset</c>, <c>adjusted</c>, <c>exempt</c>, <c>duplicate_ids</c>, and <c>&lt;column&gt;_yes</c>
/// and <c>&lt;column&gt;_relevant</c> for every key question, all integers. Probation Reset (R9) is computed in SQL from
/// the dates and exemption with the framework's own rules (its adjusted-set days and exemptions, and the key
/// questions that do not apply to adjusted cases). Only checked identifiers and the library's own words are
/// written into the SQL, never a value from the table or the caller.
/// </summary>
public sealed class CaseTableQuery
{
    /// <summary>The output columns every row has after the group columns, in order.</summary>
    public static readonly EquatableArray<string> CountColumns = ImmutableArray.Create("cases", "reset", "adjusted", "exempt", "duplicate_ids");

    private static readonly string[] Answers = { "yes", "no", "notapplicable", "n/a" };

    private readonly Dialect dialect;

    /// <summary>Creates the query of a case table.</summary>
    /// <param name="framework">The framework the cases follow.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <param name="table">The table (or view), optionally schema-qualified (<c>audit.cases</c>); each part a plain SQL identifier.</param>
    /// <param name="groupBy">Tag columns to group by, each once; none for one row of the whole table.</param>
    /// <param name="columns">Where each field is; <see cref="CaseTableColumns.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A name that is not a plain identifier, a repeated tag, a tag that is a case field, key question or output column, or columns of another framework.</exception>
    public CaseTableQuery(Framework framework, SqlDialect dialect, string table = "cases", IEnumerable<string>? groupBy = null, CaseTableColumns? columns = null)
    {
        this.Framework = framework ?? throw new ArgumentNullException(nameof(framework));
        this.dialect = Data.Dialect.Of(dialect);
        this.Dialect = dialect;
        this.Columns = columns ?? CaseTableColumns.Default(framework);
        if (!this.Columns.Framework.Equals(framework))
        {
            throw new ArgumentException($"the columns map {this.Columns.Framework.Id}, not {framework.Id}", nameof(columns));
        }

        if (table is null || table.Split('.') is not { Length: >= 1 and <= 3 } parts || !parts.All(Identifiers.IsPlain))
        {
            throw new ArgumentException($"table {(table is null ? "(none)" : "'" + Identifiers.Escape(table) + "'")} is not a plain SQL name (up to three dot-separated identifiers, each an ASCII letter or '_', then letters, digits or '_')", nameof(table));
        }

        if (parts.Any(p => p.StartsWith("ps_", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"table '{table}': names starting 'ps_' are the query's own", nameof(table));
        }

        this.Table = table;
        var tags = ImmutableArray.CreateRange(groupBy ?? Array.Empty<string>());
        var taken = new HashSet<string>(this.OutputCountColumns().Concat(this.Columns.All().Select(c => c.Value)), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            Identifiers.Check(tag, "tag column", nameof(groupBy));
            if (!seen.Add(tag))
            {
                throw new ArgumentException($"tag column '{tag}' is named twice", nameof(groupBy));
            }

            if (taken.Contains(tag))
            {
                throw new ArgumentException($"'{tag}' is a case field, key question or output column, not a tag to group by", nameof(groupBy));
            }
        }

        this.GroupBy = tags;
    }

    /// <summary>The framework.</summary>
    public Framework Framework { get; }

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The tag columns grouped by; empty for one row.</summary>
    public EquatableArray<string> GroupBy { get; }

    /// <summary>Where each field is.</summary>
    public CaseTableColumns Columns { get; }

    /// <summary>The columns the table must have: the case fields, the key questions and the tags grouped by.</summary>
    public IReadOnlyList<string> RequiredColumns => this.Columns.All().Select(c => c.Value).Concat(this.GroupBy).ToArray();

    internal Dialect Rules => this.dialect;

    /// <summary>The tally statement (no trailing semicolon).</summary>
    /// <returns>The SQL.</returns>
    public string TallySql() => this.TallySql(countProblems: false);

    /// <summary>
    /// The tally statement; with <paramref name="countProblems"/>, each row also ends with <c>ps_problems</c>, the
    /// number of its cases that break a row check of <see cref="ValidationSql"/>, so one scan both tallies and
    /// tells whether the table is fit to rate (<see cref="CaseTable"/> lists the problems only when there are some).
    /// </summary>
    internal string TallySql(bool countProblems)
    {
        var d = this.dialect;
        var q = new Func<string, string>(d.Quote);
        var c = this.Columns;
        var reset = this.Framework.Reset;
        var questions = this.Framework.KeyQuestions;
        var sql = new StringBuilder();

        // With the checks counted, ps_row folds each checked text column once (ps_f1, ps_f2, ...), and both the checks
        // and the tally read the folded values: folding is most of a check's cost, and one fold serves both.
        var checks = countProblems ? this.RowChecks().ToList() : new List<RowCheck>();
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        var spellings = this.Spellings();
        string FoldColumn(string column) => d.Folded(q(column), spellings.TryGetValue(column, out var written) ? written : Array.Empty<string>());
        string FoldedOf(string column) => folded.TryGetValue(column, out var alias) ? alias : FoldColumn(column);
        if (countProblems)
        {
            sql.Append("WITH ps_row AS (\n  SELECT *");
            foreach (var check in checks)
            {
                if (check.FoldedColumn is { } column && !folded.ContainsKey(column))
                {
                    var alias = "ps_f" + (folded.Count + 1).ToString(CultureInfo.InvariantCulture);
                    sql.Append(",\n    ").Append(FoldColumn(column)).Append(" AS ").Append(alias);
                    folded.Add(column, alias);
                }
            }

            sql.Append("\n  FROM ").Append(d.QuoteTable(this.Table)).Append("\n),\n");
        }

        // ps_case: one row per case, with its group values, its Reset class (R9) and its answers folded.
        sql.Append(countProblems ? "ps_case AS (\n  SELECT\n" : "WITH ps_case AS (\n  SELECT\n");
        for (var i = 0; i < this.GroupBy.Count; i++)
        {
            sql.Append("    ").Append(q(this.GroupBy[i])).Append(" AS g").Append(i + 1).Append(",\n");
        }

        var exempt = reset.Exemptions.Count == 0
            ? "1 = 0"
            : $"{FoldedOf(c[CaseTableColumns.Exemption])} IN ({string.Join(", ", reset.Exemptions.Select(e => Data.Dialect.Literal(Fold(e.ToString()))))})";
        sql.Append("    CASE\n")
            .Append("      WHEN ").Append(exempt).Append(" THEN ").Append((int)CaseClass.Exempt).Append('\n')
            .Append("      WHEN ").Append(q(c[CaseTableColumns.Suspended])).Append(" IS NULL THEN ").Append((int)CaseClass.Core).Append('\n')
            .Append("      WHEN ").Append(d.DaysBetween(d.Date(q(c[CaseTableColumns.Start])), d.Date(q(c[CaseTableColumns.Suspended]))))
            .Append(" <= ").Append(Data.Dialect.Literal(reset.AdjustedWithinDays)).Append(" THEN ").Append((int)CaseClass.Adjusted).Append('\n')
            .Append("      ELSE ").Append((int)CaseClass.SuspendedAfterThreshold).Append('\n')
            .Append("    END AS reset_class");
        for (var i = 0; i < questions.Count; i++)
        {
            sql.Append(",\n    ").Append(FoldedOf(c[questions[i].Id])).Append(" AS a").Append(i + 1);
        }

        if (countProblems)
        {
            var any = string.Join("\n      OR ", checks.Select(check => "(" + (check.FoldedColumn is { } column ? check.FoldedWhere!(folded[column]) : check.Where) + ")"));
            sql.Append(",\n    CASE WHEN ").Append(any).Append(" THEN 1 ELSE 0 END AS ps_bad");
        }

        sql.Append("\n  FROM ").Append(countProblems ? "ps_row" : d.QuoteTable(this.Table)).Append("\n),\n");

        // ps_duplicate: how many ids are seen more than once, in the whole table whatever the groups.
        var id = q(c[CaseTableColumns.Id]);
        sql.Append("ps_duplicate AS (\n  SELECT ").Append(d.Count).Append("(*) AS n FROM (SELECT ").Append(id)
            .Append(" FROM ").Append(d.QuoteTable(this.Table)).Append(" WHERE ").Append(id).Append(" IS NOT NULL GROUP BY ").Append(id)
            .Append(" HAVING ").Append(d.Count).Append("(*) > 1) ps_id\n),\n");

        // ps_group: the counts of each group.
        var groups = string.Join(", ", Enumerable.Range(1, this.GroupBy.Count).Select(i => "g" + i));
        sql.Append("ps_group AS (\n  SELECT\n");
        foreach (var g in Enumerable.Range(1, this.GroupBy.Count))
        {
            sql.Append("    g").Append(g).Append(",\n");
        }

        sql.Append("    ").Append(d.Count).Append("(*) AS cases,\n");
        sql.Append("    ").Append(this.CountWhen($"reset_class IN ({(int)CaseClass.SuspendedAfterThreshold}, {(int)CaseClass.Adjusted})")).Append(" AS reset,\n");
        sql.Append("    ").Append(this.CountWhen($"reset_class = {(int)CaseClass.Adjusted}")).Append(" AS adjusted,\n");
        sql.Append("    ").Append(this.CountWhen($"reset_class = {(int)CaseClass.Exempt}")).Append(" AS exempt");
        var notWhenAdjusted = new HashSet<string>(reset.NotApplicableWhenAdjusted, StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var a = "a" + (i + 1);
            var adjustedToo = notWhenAdjusted.Contains(questions[i].Id) ? $" AND reset_class <> {(int)CaseClass.Adjusted}" : string.Empty;
            sql.Append(",\n    ").Append(this.CountWhen($"{a} = 'yes'{adjustedToo}")).Append(" AS y").Append(i + 1);
            sql.Append(",\n    ").Append(this.CountWhen($"{a} IN ('yes', 'no'){adjustedToo}")).Append(" AS r").Append(i + 1);
        }

        if (countProblems)
        {
            sql.Append(",\n    ").Append(this.CountWhen("ps_bad = 1")).Append(" AS ps_problems");
        }

        sql.Append("\n  FROM ps_case\n");
        if (this.GroupBy.Count > 0)
        {
            sql.Append("  GROUP BY ").Append(groups).Append('\n');
        }

        sql.Append(")\n");

        // The output row: group columns, case counts, then each key question's yes and relevant.
        sql.Append("SELECT\n");
        for (var i = 0; i < this.GroupBy.Count; i++)
        {
            sql.Append("  ps_group.g").Append(i + 1).Append(" AS ").Append(q(this.GroupBy[i])).Append(",\n");
        }

        sql.Append("  ps_group.cases AS ").Append(q("cases")).Append(",\n");
        sql.Append("  ps_group.reset AS ").Append(q("reset")).Append(",\n");
        sql.Append("  ps_group.adjusted AS ").Append(q("adjusted")).Append(",\n");
        sql.Append("  ps_group.exempt AS ").Append(q("exempt")).Append(",\n");
        sql.Append("  ps_duplicate.n AS ").Append(q("duplicate_ids"));
        for (var i = 0; i < questions.Count; i++)
        {
            var column = c[questions[i].Id];
            sql.Append(",\n  ps_group.y").Append(i + 1).Append(" AS ").Append(q(column + "_yes"));
            sql.Append(",\n  ps_group.r").Append(i + 1).Append(" AS ").Append(q(column + "_relevant"));
        }

        if (countProblems)
        {
            sql.Append(",\n  ps_group.ps_problems AS ps_problems");
        }

        sql.Append("\nFROM ps_group CROSS JOIN ps_duplicate");
        return sql.ToString();
    }

    /// <summary>
    /// The validation statement: one row per problem, with the columns <c>case_id</c>, <c>column_name</c>,
    /// <c>value</c>, <c>other</c> (the start date of a suspension before it) and <c>problem</c> (<c>empty_id</c>,
    /// <c>answer</c>, <c>sentence</c>, <c>exemption</c>, <c>suspended_without_start</c>,
    /// <c>suspended_before_start</c> or <c>duplicate_id</c>). No rows: the table is fit to rate.
    /// </summary>
    /// <returns>The SQL.</returns>
    public string ValidationSql()
    {
        var d = this.dialect;
        var table = d.QuoteTable(this.Table);
        var id = d.Quote(this.Columns[CaseTableColumns.Id]);
        var parts = this.RowChecks()
            .Select(check => $"SELECT {d.AsText(id)} AS case_id, {Data.Dialect.Literal(check.Column)} AS column_name, {check.Value} AS value, {check.Other} AS other, {Data.Dialect.Literal(check.Problem)} AS problem FROM {table} WHERE {check.Where}")
            .ToList();
        parts.Add($"SELECT {d.AsText(id)} AS case_id, {Data.Dialect.Literal(this.Columns[CaseTableColumns.Id])} AS column_name, {d.AsText(d.Count + "(*)")} AS value, CAST(NULL AS {d.Text}) AS other, 'duplicate_id' AS problem FROM {table} WHERE {id} IS NOT NULL GROUP BY {id} HAVING {d.Count}(*) > 1");
        return string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>The output column names, in order.</summary>
    /// <returns>Group columns, <see cref="CountColumns"/>, then each key question's two.</returns>
    public IReadOnlyList<string> OutputColumns() => this.GroupBy.Concat(this.OutputCountColumns()).ToArray();

    // The library's folding of names (Names.Fold in the core): lower case, spaces dropped.
    internal static string Fold(string name) => name.Replace(" ", string.Empty).ToLowerInvariant();

    private static string[] Names<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetNames(typeof(TEnum)).Select(Fold).ToArray();

    // The library's own spellings of each checked text column's values (the enum names it writes), by column.
    private Dictionary<string, string[]> Spellings()
    {
        var c = this.Columns;
        var spellings = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [c[CaseTableColumns.Sentence]] = Enum.GetNames(typeof(SentenceType)),
            [c[CaseTableColumns.Exemption]] = Enum.GetNames(typeof(Exemption)),
        };
        foreach (var question in this.Framework.KeyQuestions)
        {
            spellings[c[question.Id]] = new[] { nameof(Answer.Yes), nameof(Answer.No), nameof(Answer.NotApplicable) };
        }

        return spellings;
    }

    private IEnumerable<string> OutputCountColumns() =>
        CountColumns.Concat(this.Framework.KeyQuestions.SelectMany(k => new[] { this.Columns[k.Id] + "_yes", this.Columns[k.Id] + "_relevant" }));

    // The checks of one row, each a condition true of a row at fault: the validation query lists the rows of each,
    // and the counting tally (TallySql(countProblems: true)) counts the rows that fail any, in the same scan.
    private IEnumerable<RowCheck> RowChecks()
    {
        var d = this.dialect;
        var q = new Func<string, string>(d.Quote);
        var c = this.Columns;
        var nothing = $"CAST(NULL AS {d.Text})";
        static string NotIn(string folded, IEnumerable<string> allowed) =>
            $"{folded} NOT IN ({string.Join(", ", allowed.Concat(new[] { string.Empty }).Select(Data.Dialect.Literal))})";
        RowCheck Vocabulary(string column, string problem, IReadOnlyList<string> allowed)
        {
            // One condition on the column's folded text: here on the fold itself, in the counting tally on its alias.
            string OnFolded(string folded) => NotIn(folded, allowed);
            return new(column, d.AsText(q(column)), nothing, problem, OnFolded(d.Folded(q(column))), column, OnFolded);
        }

        var id = q(c[CaseTableColumns.Id]);
        yield return new RowCheck(c[CaseTableColumns.Id], nothing, nothing, "empty_id", $"{id} IS NULL OR REPLACE({d.AsText(id)}, ' ', '') = ''");
        foreach (var question in this.Framework.KeyQuestions)
        {
            var column = c[question.Id];
            yield return Vocabulary(column, "answer", Answers);
        }

        var sentence = c[CaseTableColumns.Sentence];
        yield return Vocabulary(sentence, "sentence", Names<SentenceType>());
        var exemption = c[CaseTableColumns.Exemption];
        yield return Vocabulary(exemption, "exemption", Names<Exemption>());
        var start = q(c[CaseTableColumns.Start]);
        var suspendedColumn = c[CaseTableColumns.Suspended];
        var suspended = q(suspendedColumn);
        yield return new RowCheck(suspendedColumn, d.AsText(d.Date(suspended)), nothing, "suspended_without_start", $"{suspended} IS NOT NULL AND {start} IS NULL");
        yield return new RowCheck(suspendedColumn, d.AsText(d.Date(suspended)), d.AsText(d.Date(start)), "suspended_before_start", $"{d.Date(suspended)} < {d.Date(start)}");
    }

    private string CountWhen(string condition) => $"{this.dialect.Count}(CASE WHEN {condition} THEN 1 END)";

    private sealed class RowCheck
    {
        public RowCheck(string column, string value, string other, string problem, string where, string? foldedColumn = null, Func<string, string>? foldedWhere = null)
        {
            this.Column = column;
            this.Value = value;
            this.Other = other;
            this.Problem = problem;
            this.Where = where;
            this.FoldedColumn = foldedColumn;
            this.FoldedWhere = foldedWhere;
        }

        /// <summary>The column whose folded text the check reads, or null: the counting tally folds it once.</summary>
        public string? FoldedColumn { get; }

        /// <summary>The check written on the folded value's alias; given with <see cref="FoldedColumn"/>.</summary>
        public Func<string, string>? FoldedWhere { get; }

        public string Column { get; }

        public string Value { get; }

        public string Other { get; }

        public string Problem { get; }

        public string Where { get; }
    }
}
