using System.Globalization;
using Probation.Standards.Data.Tests.Support;

namespace Probation.Standards.Data.Tests;

/// <summary>Bad tables: every problem at once, named by table, case id and column, and nothing tallied.</summary>
[TestFixture]
public class CaseTableErrorTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    public static IEnumerable<SqlDialect> Engines() => Databases.Engines;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<InvalidInputException> FailsAsync(SqlDialect engine, IEnumerable<CaseRow> rows, Func<string, CaseTableQuery> query, IEnumerable<string>? leaveOut = null)
    {
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("bad");
        await CaseTables.LoadAsync(connection, table, Framework, rows, Databases.Placeholder, leaveOut);
        try
        {
            var e = await Should.ThrowAsync<InvalidInputException>(() => CaseTable.TallyAsync(connection, query(table)));
            e.File.ShouldBe(table);
            return e;
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Missing_columns_are_all_named(SqlDialect engine)
    {
        var rows = new[] { CaseRow.Letters("C1", "YYYYYYYYYYYY") };
        var e = await FailsAsync(engine, rows, t => new CaseTableQuery(Framework, engine, t, new[] { "team", "region" }), new[] { "exemption", "p2_1_1" });
        e.Problems.Select(p => p.Code).ShouldAllBe(c => c == ProblemCode.MissingField);
        e.MessageLines().ShouldBe(new[]
        {
            $"{e.File}: table '{e.File}': column 'exemption' is missing",
            $"{e.File}: table '{e.File}': column 'p2_1_1' is missing",
            $"{e.File}: table '{e.File}': column 'region' is missing",
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Values_outside_their_lists_are_reported_row_by_row(SqlDialect engine)
    {
        var good = CaseRow.Letters("B0", "YYYYYYYYYYYY");
        var answer = CaseRow.Letters("B1", "YYYYYYYYYYYY");
        answer.AnswerTexts[3] = "Yess";
        var sentence = CaseRow.Letters("B2", "YYYYYYYYYYYY");
        sentence.SentenceText = "Prison";
        var exemption = CaseRow.Letters("B3", "YYYYYYYYYYYY");
        exemption.ExemptionText = "Mapa";
        var before = CaseRow.Letters("B4", "YYYYYYYYYYYY", D(2024, 7, 10), D(2024, 7, 9));
        var noStart = CaseRow.Letters("B5", "YYYYYYYYYYYY", null, D(2024, 7, 9));
        var empty = CaseRow.Letters(" ", "YYYYYYYYYYYY");
        var e = await FailsAsync(engine, new[] { good, answer, sentence, exemption, before, noStart, empty }, t => new CaseTableQuery(Framework, engine, t));
        var file = e.File;
        e.MessageLines().ShouldBe(new[]
        {
            $"{file}: case ' ', column 'id': the case id is empty",
            $"{file}: case 'B1', column 'p2_2_1': answer 'Yess' is not Yes, No or NotApplicable",
            $"{file}: case 'B2', column 'sentence': sentence 'Prison' is not one of CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision",
            $"{file}: case 'B3', column 'exemption': exemption 'Mapa' is not one of Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt",
            $"{file}: case 'B4', column 'suspended': the suspension date 2024-07-09 is before the start date 2024-07-10 (R9)",
            $"{file}: case 'B5', column 'suspended': a suspension date needs a start date (R9)",
        });
        e.Problems.Select(p => p.Code).ShouldBe(new[]
        {
            ProblemCode.EmptyValue, ProblemCode.InvalidAnswer, ProblemCode.InvalidSentence, ProblemCode.InvalidExemption,
            ProblemCode.SuspendedBeforeStart, ProblemCode.SuspendedWithoutStart,
        });
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Duplicate_ids_are_an_error_as_in_a_document(SqlDialect engine)
    {
        var rows = new[]
        {
            CaseRow.Letters("D1", "YYYYYYYYYYYY", team: "A"), CaseRow.Letters("D1", "NNNNNNNNNNNN", team: "B"),
            CaseRow.Letters("D2", "YYYYYYYYYYYY"), CaseRow.Letters("D3", "YYYYYYYYYYYY"), CaseRow.Letters("D3", "YYYYYYYYYYYY"), CaseRow.Letters("D3", "YYYYYYYYYYYY"),
        };
        var e = await FailsAsync(engine, rows, t => new CaseTableQuery(Framework, engine, t, new[] { "team" }));
        e.Problems.Select(p => p.Code).ShouldBe(new[] { ProblemCode.DuplicateCaseId, ProblemCode.DuplicateCaseId });
        e.MessageLines().ShouldBe(new[]
        {
            $"{e.File}: case 'D1', column 'id': duplicate case id 'D1' (2 rows)",
            $"{e.File}: case 'D3', column 'id': duplicate case id 'D3' (3 rows)",
        });

        // The tally query counts them itself too, on every row, whatever the groups (ids are unique across the table).
        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("dup");
        await CaseTables.LoadAsync(connection, table, Framework, rows, Databases.Placeholder);
        try
        {
            var result = await CaseTables.QueryAsync(connection, new CaseTableQuery(Framework, engine, table, new[] { "team" }).TallySql());
            result.Count.ShouldBe(3);
            result.Select(r => Convert.ToInt64(r["duplicate_ids"])).ShouldAllBe(n => n == 2);
            result.Sum(r => Convert.ToInt64(r["cases"])).ShouldBe(6);
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Many_problems_are_listed_up_to_the_limit_and_the_rest_counted(SqlDialect engine)
    {
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var row = CaseRow.Letters($"M{i:D2}", "YYYYYYYYYYYY");
            row.AnswerTexts[0] = "maybe";
            return row;
        });
        var e = await FailsAsync(engine, rows, t => new CaseTableQuery(Framework, engine, t));
        e.Problems.Count.ShouldBe(InvalidInputException.MaxListedProblems);
        e.OmittedCount.ShouldBe(60 - InvalidInputException.MaxListedProblems);
        e.MessageLines()[^1].ShouldBe($"{e.File}: 10 more problems not listed");
    }

    [TestCaseSource(nameof(Engines))]
    public async Task A_table_that_is_not_there_is_bad_input(SqlDialect engine)
    {
        using var connection = await Databases.OpenAsync(engine);
        var e = await Should.ThrowAsync<InvalidInputException>(() => CaseTable.TallyAsync(connection, new CaseTableQuery(Framework, engine, "no_such_table")));
        var problem = e.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCode.Unreadable);
        problem.ToString().ShouldStartWith("no_such_table: table 'no_such_table': the database could not run the query: ");
    }

    [TestCaseSource(nameof(Engines))]
    public async Task The_counting_tally_counts_each_faulty_row_once_per_group(SqlDialect engine)
    {
        // Team A: one clean row, a bad answer, and one row with three faults (counted once). Team B: a bad sentence,
        // a suspension before its start and one without a start; a NULL answer is blank, not a fault. Team C: a clean
        // row, one whose only fault is its exemption, and one whose exemption and answer are spelt oddly but fold right.
        var clean = CaseRow.Letters("F0", "YYYYYYYYYYYY", team: "A");
        var answer = CaseRow.Letters("F1", "YYYYYYYYYYYY", team: "A");
        answer.AnswerTexts[5] = "Yess";
        var three = CaseRow.Letters("F2", "YYYYYYYYYYYY", team: "A");
        three.AnswerTexts[0] = "x";
        three.AnswerTexts[1] = "y";
        three.ExemptionText = "Mapa";
        var sentence = CaseRow.Letters("F3", "YYYYYYYYYYYY", team: "B");
        sentence.SentenceText = "Prison";
        var before = CaseRow.Letters("F4", "YYYYYYYYYYYY", D(2024, 7, 10), D(2024, 7, 9), team: "B");
        var noStart = CaseRow.Letters("F5", "YYYYYYYYYYYY", null, D(2024, 7, 9), team: "B");
        var blank = CaseRow.Letters("F6", "YYYYYYYYYYYY", team: "B");
        blank.AnswerTexts[2] = null;
        var other = CaseRow.Letters("F7", "NNNNNNNNNNNN", team: "C");
        var exemptionOnly = CaseRow.Letters("F8", "NNNNNNNNNNNN", team: "C");
        exemptionOnly.ExemptionText = "Mapa";
        var folded = CaseRow.Letters("F9", "NNNNNNNNNNNN", team: "C");
        folded.ExemptionText = "M APPA";
        folded.AnswerTexts[4] = "N / A";
        var rows = new[] { clean, answer, three, sentence, before, noStart, blank, other, exemptionOnly, folded };

        using var connection = await Databases.OpenAsync(engine);
        var table = Databases.TableName("count");
        await CaseTables.LoadAsync(connection, table, Framework, rows, Databases.Placeholder);
        try
        {
            var query = new CaseTableQuery(Framework, engine, table, new[] { "team" });
            var result = await CaseTables.QueryAsync(connection, query.TallySql(countProblems: true));
            var problems = result.ToDictionary(r => Convert.ToString(r["team"], CultureInfo.InvariantCulture)!, r => Convert.ToInt64(r["ps_problems"], CultureInfo.InvariantCulture));
            problems.ShouldBe(new Dictionary<string, long> { ["A"] = 2, ["B"] = 3, ["C"] = 1 }, ignoreOrder: true);

            // The printed query is the contract's: it has no problem count.
            (await CaseTables.QueryAsync(connection, query.TallySql())).ShouldAllBe(r => !r.ContainsKey("ps_problems"));
        }
        finally
        {
            await CaseTables.ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }
}
