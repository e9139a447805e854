using Probation.Standards.Data.Tests.Support;

namespace Probation.Standards.Data.Tests;

/// <summary>Small tables whose counts are worked out by hand, on DuckDB and PostgreSQL.</summary>
[TestFixture]
public class CaseTableExampleTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static IEnumerable<SqlDialect> Engines() => Databases.Engines;

    [TestCaseSource(nameof(Engines))]
    public async Task Five_cases_give_the_counts_worked_out_by_hand(SqlDialect engine)
    {
        // C1 core, all Yes. C2 all No, suspended 56 days after the start: adjusted. C3 P2.1.1 N/A and the rest Yes,
        // suspended 57 days after: Reset, core standards. C4 Mappa and suspended: exempt, never Reset. C5 no answers.
        var rows = new[]
        {
            CaseRow.Letters("C1", "YYYYYYYYYYYY"),
            CaseRow.Letters("C2", "NNNNNNNNNNNN", D(2024, 7, 1), D(2024, 8, 26)),
            CaseRow.Letters("C3", "-YYYYYYYYYYY", D(2024, 7, 1), D(2024, 8, 27)),
            CaseRow.Letters("C4", "YYYYYYYYYYYY", D(2024, 7, 1), D(2024, 7, 2), Exemption.Mappa),
            CaseRow.Letters("C5", "------------"),
        };
        rows[2].AnswerTexts[0] = " n / a ";
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("five");
        await CaseTables.LoadAsync(connection, table, Framework, rows, Databases.Placeholder);
        try
        {
            var query = new CaseTableQuery(Framework, engine, table);
            var row = (await CaseTables.QueryAsync(connection, query.TallySql())).ShouldHaveSingleItem();
            row.Keys.ShouldBe(query.OutputColumns());
            var numbers = row.ToDictionary(p => p.Key, p => Convert.ToInt64(p.Value));
            (numbers["cases"], numbers["reset"], numbers["adjusted"], numbers["exempt"], numbers["duplicate_ids"]).ShouldBe((5L, 2L, 1L, 1L, 0L));
            (numbers["p2_1_1_yes"], numbers["p2_1_1_relevant"]).ShouldBe((2L, 3L));
            foreach (var column in Framework.KeyQuestions.Skip(1).Select(q => CaseTableColumns.DefaultName(q.Id)))
            {
                (numbers[column + "_yes"], numbers[column + "_relevant"]).ShouldBe((3L, 4L), column);
            }

            var tallies = await CaseTable.TallyAsync(connection, query);
            tallies.GetTally("P2.1.1").ShouldBe(new KeyQuestionTally(2, 3));
            tallies.GetTally("P2.4.3").ShouldBe(new KeyQuestionTally(3, 4));
            var counts = tallies.Cases!.Value;
            (counts.Inspected, counts.Core, counts.Exempt, counts.SuspendedAfterThreshold, counts.Adjusted).ShouldBe((5L, 2L, 1L, 1L, 1L));
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Leap_days_count_as_days(SqlDialect engine)
    {
        // 2024-01-01 to 2024-02-26 is 31 + 25 = 56 days; to 2024-02-27, 57. 2024-02-29 to 2024-03-29 is 29 days, so
        // to 2024-04-25 is 56 and to 2024-04-26 is 57. 2023-12-31 to 2024-02-25: 1 + 31 + 24 = 56.
        var rows = new[]
        {
            CaseRow.Letters("A1", "YYYYYYYYYYYY", D(2024, 1, 1), D(2024, 2, 26), team: "jan"),
            CaseRow.Letters("A2", "YYYYYYYYYYYY", D(2024, 1, 1), D(2024, 2, 27), team: "jan"),
            CaseRow.Letters("B1", "YYYYYYYYYYYY", D(2024, 2, 29), D(2024, 4, 25), team: "leap"),
            CaseRow.Letters("B2", "YYYYYYYYYYYY", D(2024, 2, 29), D(2024, 4, 26), team: "leap"),
            CaseRow.Letters("B3", "YYYYYYYYYYYY", D(2024, 2, 29), D(2024, 2, 29), team: "leap"),
            CaseRow.Letters("C1", "YYYYYYYYYYYY", D(2023, 12, 31), D(2024, 2, 25), team: "year"),
            CaseRow.Letters("C2", "YYYYYYYYYYYY", D(2023, 12, 31), D(2024, 2, 26), team: "year"),
        };
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("leap");
        await CaseTables.LoadAsync(connection, table, Framework, rows, Databases.Placeholder);
        try
        {
            var groups = await CaseTable.TallyGroupsAsync(connection, new CaseTableQuery(Framework, engine, table, new[] { "team" }));
            var adjusted = groups.Groups.ToDictionary(g => g.Key.Values[0]!, g => (g.Tallies.Cases!.Value.Adjusted, g.Tallies.Cases!.Value.SuspendedAfterThreshold));
            adjusted.ShouldBe(new Dictionary<string, (long, long)> { ["jan"] = (1, 1), ["leap"] = (2, 1), ["year"] = (1, 1) });

            // The threshold is the framework's: at 57 days every one of these is adjusted.
            var longer = Framework.WithResetThreshold(57);
            var all = await CaseTable.TallyAsync(connection, new CaseTableQuery(longer, engine, table));
            (all.Cases!.Value.Adjusted, all.Cases!.Value.SuspendedAfterThreshold).ShouldBe((7L, 0L));
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task The_variant_frameworks_adjusted_set_and_exemptions_are_applied_in_SQL(SqlDialect engine)
    {
        // The variant: 30 days; P2.1.1 and P2.3.2 do not apply to adjusted cases; only Mappa and ChildProtection exempt.
        var framework = TestFrameworks.Variant;
        var rows = new[]
        {
            CaseRow.Letters("V1", "YYYYYYYYYYYY", D(2024, 7, 1), D(2024, 7, 31)),                                   // 30 days: adjusted
            CaseRow.Letters("V2", "NNNNNNNNNNNN", D(2024, 7, 1), D(2024, 8, 1)),                                    // 31 days: core, proportionately
            CaseRow.Letters("V3", "YYYYYYYYYYYY", D(2024, 7, 1), D(2024, 7, 2), Exemption.NationalSecurityDivision), // not exempt here: adjusted
            CaseRow.Letters("V4", "YYYYYYYYYYYY", D(2024, 7, 1), D(2024, 7, 2), Exemption.ChildProtection),          // exempt
        };
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("variant");
        await CaseTables.LoadAsync(connection, table, framework, rows, Databases.Placeholder);
        try
        {
            var tallies = await CaseTable.TallyAsync(connection, new CaseTableQuery(framework, engine, table));
            var counts = tallies.Cases!.Value;
            (counts.Inspected, counts.Core, counts.Exempt, counts.SuspendedAfterThreshold, counts.Adjusted).ShouldBe((4L, 0L, 1L, 1L, 2L));
            tallies.GetTally("P2.1.1").ShouldBe(new KeyQuestionTally(1, 2)); // V2 and V4 only: V1 and V3 are adjusted
            tallies.GetTally("P2.3.2").ShouldBe(new KeyQuestionTally(1, 2));
            tallies.GetTally("P2.1.2").ShouldBe(new KeyQuestionTally(3, 4));
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }
}
