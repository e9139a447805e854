using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Data.Tests.Support;
using Probation.Standards.Groups;

namespace Probation.Standards.Data.Tests;

/// <summary>
/// Random case tables loaded into DuckDB and PostgreSQL give exactly the tallies, Reset counts and ratings that
/// <see cref="TallyBuilder"/> and <see cref="GroupedTallyBuilder"/> give on the same rows built as
/// <see cref="InspectedCase"/> objects: for the default framework, and for a variant whose adjusted set makes two key
/// questions not apply, keeps only two exemptions and moves the threshold to 30 days.
/// </summary>
[TestFixture]
public class CaseTablePropertyTests
{
    private const int Runs = 60;

    public static IEnumerable<TestCaseData> Engines() =>
        from engine in Databases.Engines
        from framework in new[] { "default", "variant" }
        select new TestCaseData(engine, framework).SetArgDisplayNames(engine.ToString(), framework);

    [TestCaseSource(nameof(Engines))]
    public async Task The_database_tallies_a_random_table_as_the_library_does(SqlDialect engine, string frameworkName)
    {
        var framework = frameworkName == "default" ? FrameworkCatalog.DefaultFramework : TestFrameworks.Variant;
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("prop");
        var whole = new CaseTableQuery(framework, engine, table);
        var grouped = new CaseTableQuery(framework, engine, table, new[] { "team", "office" });
        var runs = 0;
        try
        {
            var property = Prop.ForAll(Arb.From(Generators.Table(framework)), sample =>
            {
                CaseTables.LoadAsync(connection, table, framework, sample.Rows, Databases.Placeholder).GetAwaiter().GetResult();
                var cases = sample.Rows.Select(r => r.ToCase(framework)).ToArray();

                var expected = TallyBuilder.Tally(framework, cases);
                var actual = CaseTable.TallyAsync(connection, whole).GetAwaiter().GetResult();
                Reference.ShouldMatch(actual, expected, "whole table");
                Reference.RatingsShouldMatch(Reference.Rate(actual), Reference.Rate(expected), "whole table rating");

                var expectedGroups = GroupedTallyBuilder.Tally(framework, new[] { "team", "office" }, cases);
                var actualGroups = CaseTable.TallyGroupsAsync(connection, grouped).GetAwaiter().GetResult();
                Reference.GroupsShouldMatch(actualGroups, expectedGroups, "by team, office");
                runs++;
            });
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }

        runs.ShouldBe(Runs);
    }
}
