using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Probation.Standards.Data;

/// <summary>The SQL dialects the tally query is written in.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL (9.5 or later).</summary>
    PostgreSql = 0,

    /// <summary>DuckDB.</summary>
    DuckDb = 1,

    /// <summary>Microsoft SQL Server and Azure SQL (2012 or later).</summary>
    SqlServer = 2,

    /// <summary>Apache Spark SQL (and Databricks SQL).</summary>
    Spark = 3,
}

/// <summary>
/// Every difference between the dialects, in one place. The query is otherwise ANSI SQL: a <c>WITH</c> clause,
/// <c>CASE</c>, <c>COUNT</c>, <c>LOWER</c>, <c>REPLACE</c>, <c>CAST</c>, <c>GROUP BY</c> and <c>CROSS JOIN</c>.
/// Booleans never reach a count: a condition is counted as <c>COUNT(CASE WHEN condition THEN 1 END)</c>, which
/// every dialect reads alike.
/// </summary>
internal sealed class Dialect
{
    private static readonly Dialect[] All =
    {
        new(SqlDialect.PostgreSql, '"', '"', "COUNT", "TEXT", caseSensitive: true, (start, end) => $"({end} - {start})"),
        new(SqlDialect.DuckDb, '"', '"', "COUNT", "VARCHAR", caseSensitive: false, (start, end) => $"date_diff('day', {start}, {end})"),
        new(SqlDialect.SqlServer, '[', ']', "COUNT_BIG", "NVARCHAR(4000)", caseSensitive: false, (start, end) => $"DATEDIFF(day, {start}, {end})"),
        new(SqlDialect.Spark, '`', '`', "COUNT", "STRING", caseSensitive: false, (start, end) => $"datediff({end}, {start})"),
    };

    private readonly char open;
    private readonly char close;
    private readonly Func<string, string, string> daysBetween;

    private Dialect(SqlDialect id, char open, char close, string count, string text, bool caseSensitive, Func<string, string, string> daysBetween)
    {
        this.Id = id;
        this.open = open;
        this.close = close;
        this.Count = count;
        this.Text = text;
        this.CaseSensitive = caseSensitive;
        this.daysBetween = daysBetween;
    }

    public SqlDialect Id { get; }

    /// <summary>The count function: SQL Server's <c>COUNT</c> is a 32-bit <c>int</c>, so it counts with <c>COUNT_BIG</c>.</summary>
    public string Count { get; }

    /// <summary>The text type values are cast to in the validation query.</summary>
    public string Text { get; }

    /// <summary>Whether a quoted identifier matches a column's name exactly (PostgreSQL) or in any case (the others).</summary>
    public bool CaseSensitive { get; }

    public static Dialect Of(SqlDialect dialect) =>
        (uint)dialect < (uint)All.Length ? All[(int)dialect] : throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "not a SQL dialect");

    /// <summary>A checked identifier (<see cref="Identifiers.Check"/>) in the dialect's quotes, any closing quote doubled.</summary>
    public string Quote(string identifier) =>
        this.open + identifier.Replace(this.close.ToString(), new string(this.close, 2)) + this.close;

    /// <summary>A table name, each dot-separated part quoted.</summary>
    public string QuoteTable(string table)
    {
        var builder = new StringBuilder();
        foreach (var part in table.Split('.'))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(this.Quote(part));
        }

        return builder.ToString();
    }

    /// <summary>Whole days from <paramref name="start"/> to <paramref name="end"/>, two SQL date expressions.</summary>
    public string DaysBetween(string start, string end) => this.daysBetween(start, end);

    /// <summary>A SQL date from a column: <c>CAST(column AS DATE)</c>, so a timestamp column counts by its day.</summary>
    public string Date(string quotedColumn) => $"CAST({quotedColumn} AS DATE)";

    /// <summary>A column's text folded as the library folds names: spaces dropped, lower case.</summary>
    public string Folded(string quotedColumn) => $"LOWER(REPLACE({quotedColumn}, ' ', ''))";

    /// <summary>
    /// A column's text folded as <see cref="Folded(string)"/>, with the library's own spellings of the column's values
    /// (<paramref name="spellings"/>, such as <c>Yes</c> and <c>NotApplicable</c>) mapped to their folds by plain
    /// equality first: the same value for every row, but an engine compares short strings far faster than it lowers
    /// and rewrites them, and audit tables are written mostly in those spellings.
    /// </summary>
    public string Folded(string quotedColumn, IReadOnlyList<string> spellings)
    {
        if (spellings.Count == 0)
        {
            return this.Folded(quotedColumn);
        }

        var sql = new StringBuilder("CASE ").Append(quotedColumn);
        foreach (var spelling in spellings)
        {
            sql.Append(" WHEN ").Append(Literal(spelling)).Append(" THEN ").Append(Literal(CaseTableQuery.Fold(spelling)));
        }

        return sql.Append(" ELSE ").Append(this.Folded(quotedColumn)).Append(" END").ToString();
    }

    /// <summary>A value as text, for the validation query's report.</summary>
    public string AsText(string expression) => $"CAST({expression} AS {this.Text})";

    /// <summary>A string literal; only the library's own words (answers, exemptions, column names) are written so.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>An integer literal.</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
