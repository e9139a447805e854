using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Probation.Standards.Data;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Cli;

/// <summary>
/// <c>sql --dialect postgres|duckdb|sqlserver|spark [--table NAME] [--by COL[,COL]] [--framework ID]</c>: prints the
/// tally query of a case table (findings-format.md, "Rating where the data lives"), for a data engineer to run where
/// the data is; <c>--check</c> prints the validation query instead, whose rows are the table's problems.
/// </summary>
internal static class SqlCommand
{
    /// <summary>The dialect names the command takes.</summary>
    public static readonly IReadOnlyDictionary<string, SqlDialect> Dialects = new Dictionary<string, SqlDialect>(StringComparer.Ordinal)
    {
        ["postgres"] = SqlDialect.PostgreSql,
        ["duckdb"] = SqlDialect.DuckDb,
        ["sqlserver"] = SqlDialect.SqlServer,
        ["spark"] = SqlDialect.Spark,
    };

    public static Command Create(Option<string[]> frameworkOption, TextWriter output, TextWriter error)
    {
        var dialect = new Option<string>("--dialect") { Description = "The SQL dialect: postgres, duckdb, sqlserver or spark.", Required = true };
        dialect.AcceptOnlyFromAmong("postgres", "duckdb", "sqlserver", "spark");
        var table = new Option<string>("--table") { Description = "The case table or view, optionally schema-qualified (default cases).", DefaultValueFactory = _ => "cases" };
        var by = new Option<string?>("--by") { Description = "Tag columns to group by (COL[,COL]): one row per group; one row for the whole table without." };
        var frameworkId = new Option<string?>("--framework") { Description = $"The framework the cases follow (default {FrameworkCatalog.DefaultFrameworkId})." };
        var check = new Option<bool>("--check") { Description = "Print the validation query instead: one row per problem in the table (a value outside its list, a suspension before its start, an empty or duplicate id)." };
        var command = new Command("sql", "Print the SQL that tallies a case table where it lives (PostgreSQL, DuckDB, SQL Server, Spark SQL): one row per group with the Reset counts and each key question's yes and relevant.")
        {
            dialect, table, by, frameworkId, check, frameworkOption,
        };
        command.SetAction(parsed =>
        {
            if (!Program.TryGroupBy(parsed.GetValue(by), error, out var groupBy))
            {
                return Program.BadInput;
            }

            return Run(
                Dialects[parsed.GetValue(dialect)!],
                parsed.GetValue(table)!,
                groupBy,
                parsed.GetValue(frameworkId) ?? FrameworkCatalog.DefaultFrameworkId,
                parsed.GetValue(check),
                parsed.GetValue(frameworkOption) ?? Array.Empty<string>(),
                output,
                error);
        });
        return command;
    }

    private static int Run(SqlDialect dialect, string table, IReadOnlyList<string>? groupBy, string frameworkId, bool check, string[] frameworkFiles, TextWriter output, TextWriter error)
    {
        if (!FrameworkCommands.TryFind(frameworkId, frameworkFiles, error, out _, out var framework))
        {
            return Program.BadInput;
        }

        CaseTableQuery query;
        try
        {
            query = new CaseTableQuery(framework!, dialect, table, groupBy);
        }
        catch (ArgumentException e)
        {
            var option = e.ParamName == "groupBy" ? "--by" : "--table";
            error.WriteLine($"error: {option}: {Text.OneLine(e.Message.Split(" (Parameter", 2)[0])}");
            return Program.BadInput;
        }

        output.Write(check ? query.ValidationSql() : query.TallySql());
        output.WriteLine(";");
        return Program.Success;
    }
}
