using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// <c>sql</c>: the printed query, run by the test in a real database against a table it loads itself, returns the
/// counts worked out by hand; a bad dialect, table or tag is a usage error.
/// </summary>
[TestFixture]
public class SqlCommandTests
{
    private const string Columns = "id VARCHAR, sentence VARCHAR, start DATE, suspended DATE, exemption VARCHAR, "
        + "p2_1_1 VARCHAR, p2_1_2 VARCHAR, p2_1_3 VARCHAR, p2_2_1 VARCHAR, p2_2_2 VARCHAR, p2_2_3 VARCHAR, "
        + "p2_3_1 VARCHAR, p2_3_2 VARCHAR, p2_3_3 VARCHAR, p2_4_1 VARCHAR, p2_4_2 VARCHAR, p2_4_3 VARCHAR, team VARCHAR";

    // red: r1 core; r2 suspended 56 days after the start (adjusted), r3 57 days (Reset, core standards).
    // blue: b1 Mappa with a suspension date (exempt, not Reset). The first key question: r1 Yes, r2 No, r3 N/A, b1 yes.
    private const string Rows =
        "('r1', 'Licence', DATE '2024-07-01', NULL, NULL, 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'red'), "
        + "('r2', NULL, DATE '2024-07-01', DATE '2024-08-26', '', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'red'), "
        + "('r3', NULL, DATE '2024-07-01', DATE '2024-08-27', NULL, 'N/A', NULL, 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'red'), "
        + "('b1', NULL, DATE '2024-07-01', DATE '2024-07-02', 'MAPPA', 'yes', 'Not Applicable', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'blue')";

    private static readonly Dictionary<string, long> Red = new()
    {
        ["cases"] = 3, ["reset"] = 2, ["adjusted"] = 1, ["exempt"] = 0, ["duplicate_ids"] = 0,
        ["p2_1_1_yes"] = 1, ["p2_1_1_relevant"] = 2, ["p2_1_2_yes"] = 1, ["p2_1_2_relevant"] = 2, ["p2_1_3_yes"] = 2, ["p2_1_3_relevant"] = 3,
    };

    private static readonly Dictionary<string, long> Blue = new()
    {
        ["cases"] = 1, ["reset"] = 0, ["adjusted"] = 0, ["exempt"] = 1, ["duplicate_ids"] = 0,
        ["p2_1_1_yes"] = 1, ["p2_1_1_relevant"] = 1, ["p2_1_2_yes"] = 0, ["p2_1_2_relevant"] = 0, ["p2_1_3_yes"] = 0, ["p2_1_3_relevant"] = 1,
    };

    [TestCase("duckdb")]
    [TestCase("postgres")]
    public void The_printed_query_run_in_DuckDB_gives_the_counts_worked_out_by_hand(string dialect)
    {
        // DuckDB reads PostgreSQL's date subtraction too, so the postgres query is checked in-process as well.
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        RunsAndCounts(connection, dialect);
    }

    [Test]
    public void The_printed_postgres_query_run_in_PostgreSQL_gives_the_counts_worked_out_by_hand()
    {
        var connectionString = Environment.GetEnvironmentVariable("PROBATION_STANDARDS_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Ignore("no PostgreSQL server: set PROBATION_STANDARDS_POSTGRES to a connection string (.ci/run starts a throw-away server and sets it)");
        }

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        RunsAndCounts(connection, "postgres");
    }

    [Test]
    public void The_check_query_lists_the_rows_at_fault()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var table = Load(connection, "('x1', 'Prison', DATE '2024-07-02', DATE '2024-07-01', NULL, 'Yess', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', NULL)");
        var (code, output, error) = Tool.Run("sql", "--dialect", "duckdb", "--table", table, "--check");
        (code, error).ShouldBe((0, string.Empty));
        var problems = Query(connection, output).Select(r => $"{r["case_id"]} {r["column_name"]} {r["problem"]}").OrderBy(s => s, StringComparer.Ordinal);
        problems.ShouldBe(new[] { "x1 p2_1_1 answer", "x1 sentence sentence", "x1 suspended suspended_before_start" });
    }

    [Test]
    public void A_dialect_that_is_not_one_of_the_four_is_a_usage_error()
    {
        var (code, output, error) = Tool.Run("sql", "--dialect", "oracle");
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("error: Argument 'oracle' not recognized");
        error.ShouldContain("sql --dialect postgres|duckdb|sqlserver|spark");
        error.TrimEnd('\n').ShouldNotContain("\n");
    }

    [Test]
    public void No_dialect_is_a_usage_error()
    {
        var (code, _, error) = Tool.Run("sql", "--table", "audit");
        code.ShouldBe(2);
        error.ShouldStartWith("error: Option '--dialect' is required.");
    }

    [TestCase("--table", "audit; DROP TABLE audit", "error: --table: table 'audit; DROP TABLE audit' is not a plain SQL name")]
    [TestCase("--by", "team\"--", "error: --by: tag column: 'team\"--' is not a plain SQL identifier")]
    [TestCase("--by", "team,team", "error: --by: 'team,team' is not a list of distinct tag names TAG[,TAG]")]
    [TestCase("--by", "p2_1_1", "error: --by: 'p2_1_1' is a case field, key question or output column, not a tag to group by")]
    public void A_name_that_is_not_a_plain_identifier_is_bad_input(string option, string value, string expected)
    {
        var (code, output, error) = Tool.Run("sql", "--dialect", "spark", option, value);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith(expected);
    }

    [Test]
    public void An_unknown_framework_is_bad_input()
    {
        var (code, _, error) = Tool.Run("sql", "--dialect", "postgres", "--framework", "no-such-framework");
        code.ShouldBe(2);
        error.ShouldStartWith("error: ");
        error.ShouldContain("no-such-framework");
    }

    [TestCase("sqlserver", "COUNT_BIG(*) AS cases", "[team]")]
    [TestCase("spark", "datediff(CAST(`suspended` AS DATE), CAST(`start` AS DATE)) <= 56", "`team`")]
    public void Every_dialect_is_printed(string dialect, string fragment, string quotedTag)
    {
        var (code, output, error) = Tool.Run("sql", "--dialect", dialect, "--by", "team");
        (code, error).ShouldBe((0, string.Empty));
        output.ShouldContain(fragment);
        output.ShouldContain(quotedTag);
        output.TrimEnd().ShouldEndWith(";");
    }

    private static void RunsAndCounts(DbConnection connection, string dialect)
    {
        var table = Load(connection, Rows);
        try
        {
            var (code, output, error) = Tool.Run("sql", "--dialect", dialect, "--table", table, "--by", "team");
            (code, error).ShouldBe((0, string.Empty));
            var rows = Query(connection, output).ToDictionary(r => (string)r["team"]!);
            rows.Keys.OrderBy(k => k, StringComparer.Ordinal).ShouldBe(new[] { "blue", "red" });
            foreach (var (team, expected) in new[] { ("red", Red), ("blue", Blue) })
            {
                foreach (var (column, value) in expected)
                {
                    Convert.ToInt64(rows[team][column]).ShouldBe(value, $"{team} {column}");
                }
            }

            // Without --by: one row for the whole table.
            var whole = Query(connection, Tool.Run("sql", "--dialect", dialect, "--table", table).Output).ShouldHaveSingleItem();
            (Convert.ToInt64(whole["cases"]), Convert.ToInt64(whole["reset"]), Convert.ToInt64(whole["adjusted"]), Convert.ToInt64(whole["exempt"])).ShouldBe((4L, 2L, 1L, 1L));
            whole.Keys.First().ShouldBe("cases");
        }
        finally
        {
            Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    private static string Load(DbConnection connection, string rows)
    {
        var table = "audit_" + Guid.NewGuid().ToString("N")[..8];
        Execute(connection, $"CREATE TABLE {table} ({Columns})");
        Execute(connection, $"INSERT INTO {table} VALUES {rows}");
        return table;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<Dictionary<string, object?>> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
