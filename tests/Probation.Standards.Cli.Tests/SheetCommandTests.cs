using System.Globalization;
using System.Text;
using System.Text.Json;
using Probation.Standards.Sheets.Tests;

namespace Probation.Standards.Cli.Tests;

/// <summary>Case sheets, <c>rate --by</c> and <c>compare</c> through the real tool (findings-format.md).</summary>
public class SheetCommandTests
{
    private const string Judgements = "P1.1=RequiresImprovement,P1.2=RequiresImprovement,P1.3=RequiresImprovement";

    private static string Temp(string name, byte[] content)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sheet-command-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string Temp(string name, string content) => Temp(name, Encoding.UTF8.GetBytes(content));

    [TestCase("nottinghamshire-pdu-2025-cases.csv")]
    [TestCase("nottinghamshire-pdu-2025-cases.xlsx")]
    public void The_seed_sheets_rate_exactly_as_the_seed_document(string sheet)
    {
        var json = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json"), "--format", "json");
        var rated = Tool.Run("rate", Path.Combine(Tool.Seeds, sheet), "--unit", "Nottinghamshire PDU (case-level reconstruction)", "--judgements", Judgements, "--format", "json");
        rated.ExitCode.ShouldBe(0, rated.Error);
        rated.Output.ShouldBe(json.Output);
    }

    [Test]
    public void Day_first_dates_read_with_the_option_and_are_bad_input_naming_row_and_column_without_it()
    {
        var cases = SheetSupport.RandomCases(31, 40);
        var uk = Temp("uk.csv", SheetSupport.Csv(SheetSupport.Table(cases, d => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty)));
        var iso = Temp("iso.csv", SheetSupport.Csv(SheetSupport.Table(cases)));
        var withOption = Tool.Run("rate", uk, "--date-format", "dd/MM/yyyy", "--unit", "U", "--format", "json");
        withOption.ExitCode.ShouldBe(0, withOption.Error);
        withOption.Output.ShouldBe(Tool.Run("rate", iso, "--unit", "U", "--format", "json").Output);

        var without = Tool.Run("rate", uk);
        without.ExitCode.ShouldBe(2);
        without.Output.ShouldBeEmpty();
        var first = cases.FindIndex(c => c.Start is not null);
        without.Error.Split('\n')[0].ShouldStartWith($"error: {uk}: row {first + 2}, column 'start': date '{cases[first].Start!.Value:dd/MM/yyyy}' is not yyyy-mm-dd");
    }

    [Test]
    public void Ten_planted_mistakes_give_ten_error_lines_exit_2_and_nothing_rated()
    {
        var table = SheetSupport.Table(SheetSupport.RandomCases(32, 30));
        int Col(string name) => Array.IndexOf(table[0], name);
        var planted = new (int Row, string Column, string Value)[]
        {
            (2, "P2.1.1", "Yess"), (4, "sentence", "Custody"), (6, "P2.2.3", "?"), (8, "exemption", "MAPA"), (10, "start", "31/12/2024"),
            (12, "P2.3.3", "yes please"), (14, "start", "2024-13-01"), (16, "id", string.Empty), (18, "P2.4.1", "0"), (20, "suspended", "tomorrow"),
        };
        foreach (var (row, column, value) in planted)
        {
            table[row - 1][Col(column)] = value;
            if (column == "start")
            {
                table[row - 1][Col("suspended")] = string.Empty;
            }
        }

        var (exit, output, error) = Tool.Run("rate", Temp("planted.csv", SheetSupport.Csv(table)), "--format", "json");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(10, error);
        for (var i = 0; i < planted.Length; i++)
        {
            lines[i].ShouldStartWith($"error: {Path.Combine(TestContext.CurrentContext.WorkDirectory, "sheet-command-tests", "planted.csv")}: row {planted[i].Row}, column '{planted[i].Column}': ");
        }
    }

    [Test]
    public void Rate_by_team_json_equals_a_reference_computed_here_for_every_group_and_all()
    {
        var cases = SheetSupport.RandomCases(33, 240);
        var doc = Temp("teams.json", SheetSupport.Json("Teams PDU", cases));
        var (exit, output, error) = Tool.Run("rate", doc, "--by", "team", "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToList();
        var keys = cases.Select(c => c.Tags.GetValueOrDefault("team")).Distinct().OrderBy(t => t is null ? 1 : 0).ThenBy(t => t, StringComparer.Ordinal).ToList();
        groups.Select(g => g.GetProperty("by").GetProperty("team").GetString()).ShouldBe(keys);
        foreach (var group in groups)
        {
            var team = group.GetProperty("by").GetProperty("team").GetString();
            Reference.Check(group.GetProperty("result"), cases.Where(c => c.Tags.GetValueOrDefault("team") == team).ToList(), judgementPoints: null);
        }

        Reference.Check(json.RootElement.GetProperty("all"), cases, judgementPoints: 1);

        var text = Tool.Run("rate", doc, "--by", "team");
        text.ExitCode.ShouldBe(0);
        foreach (var key in keys)
        {
            text.Output.ShouldContain(Environment.NewLine + (key ?? "(none)") + " ");
        }

        text.Output.ShouldContain(Environment.NewLine + "all ");
    }

    [Test]
    public void Rate_by_a_document_of_published_percentages_is_bad_input()
    {
        var (exit, output, error) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"), "--by", "team");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("cannot be split into groups (R12)");
    }

    [Test]
    public void Compare_json_gives_after_minus_before_for_every_key_question()
    {
        var before = SheetSupport.RandomCases(34, 120);
        var after = SheetSupport.RandomCases(35, 90);
        var beforePath = Temp("before.json", SheetSupport.Json("Before", before));
        var afterPath = Temp("after.csv", SheetSupport.Csv(SheetSupport.Table(after)));
        var (exit, output, error) = Tool.Run("compare", beforePath, afterPath, "--judgements", "P1.1=Good,P1.2=Good,P1.3=Good", "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var questions = root.GetProperty("keyQuestions").EnumerateArray().ToList();
        questions.Select(q => q.GetProperty("id").GetString()).ShouldBe(SheetSupport.KeyQuestions);
        foreach (var q in questions)
        {
            var id = q.GetProperty("id").GetString()!;
            var (yb, rb) = Reference.Counts(before, id);
            var (ya, ra) = Reference.Counts(after, id);
            q.GetProperty("before").GetProperty("yes").GetInt64().ShouldBe(yb);
            q.GetProperty("before").GetProperty("relevant").GetInt64().ShouldBe(rb);
            q.GetProperty("after").GetProperty("yes").GetInt64().ShouldBe(ya);
            q.GetProperty("after").GetProperty("relevant").GetInt64().ShouldBe(ra);
            q.GetProperty("before").GetProperty("band").GetString().ShouldBe(Reference.Band(yb, rb));
            q.GetProperty("after").GetProperty("band").GetString().ShouldBe(Reference.Band(ya, ra));
            q.GetProperty("change").GetDecimal().ShouldBe(q.GetProperty("after").GetProperty("percent").GetDecimal() - q.GetProperty("before").GetProperty("percent").GetDecimal());
            var rose = q.GetProperty("probabilityRose").GetDouble();
            rose.ShouldBe(Probation.Standards.Statistics.AuditComparison.ProbabilityRose(new Probation.Standards.Scoring.KeyQuestionTally(yb, rb), new Probation.Standards.Scoring.KeyQuestionTally(ya, ra))!.Value, 1e-6);
            ((decimal)ya / ra > (decimal)yb / rb).ShouldBe(rose > 0.5, id); // the posterior means order as the shares do, at these sample sizes
        }

        var standards = root.GetProperty("standards").EnumerateArray().ToList();
        standards.Count.ShouldBe(7);
        foreach (var s in standards)
        {
            var b = s.GetProperty("before").GetString()!;
            var a = s.GetProperty("after").GetString()!;
            s.GetProperty("bandsMoved").GetInt32().ShouldBe(Reference.Points(a) - Reference.Points(b));
        }

        root.GetProperty("score").GetProperty("before").GetInt32().ShouldBe(root.GetProperty("before").GetProperty("score").GetInt32());
        root.GetProperty("score").GetProperty("after").GetInt32().ShouldBe(root.GetProperty("after").GetProperty("score").GetInt32());
        root.GetProperty("overall").GetProperty("after").GetString().ShouldBe(root.GetProperty("after").GetProperty("overall").GetString());
        Reference.Check(root.GetProperty("before"), before, judgementPoints: 1);
        Reference.Check(root.GetProperty("after"), after, judgementPoints: 2);
    }

    [Test]
    public void Compare_across_frameworks_is_bad_input()
    {
        var doc = Temp("c.json", SheetSupport.Json("C", SheetSupport.RandomCases(36, 20)));
        var other = Temp("other.json", File.ReadAllText(doc).Replace("\"probation-pdu-2023\"", "\"nope\"", StringComparison.Ordinal));
        Tool.Run("compare", doc, other).ExitCode.ShouldBe(2);
    }

    [Test]
    public void A_header_document_takes_its_cases_from_a_sheet()
    {
        var cases = SheetSupport.RandomCases(37, 60);
        var full = Temp("full.json", SheetSupport.Json("Joined", cases));
        var header = Temp("header.json", """{"framework": "probation-pdu-2023", "unit": "Joined", "organisational": {"P1.1": "RequiresImprovement", "P1.2": "RequiresImprovement", "P1.3": "RequiresImprovement"}}""");
        var sheet = Temp("joined.csv", SheetSupport.Csv(SheetSupport.Table(cases)));
        var joined = Tool.Run("rate", header, "--cases", sheet, "--format", "json");
        joined.ExitCode.ShouldBe(0, joined.Error);
        using var a = JsonDocument.Parse(joined.Output);
        using var b = JsonDocument.Parse(Tool.Run("rate", full, "--format", "json").Output);
        a.RootElement.GetProperty("standards").GetRawText().ShouldBe(b.RootElement.GetProperty("standards").GetRawText());
        a.RootElement.GetProperty("score").GetInt32().ShouldBe(b.RootElement.GetProperty("score").GetInt32());
        a.RootElement.GetProperty("overall").GetString().ShouldBe(b.RootElement.GetProperty("overall").GetString());
    }

    /// <summary>The rules written out naively for these checks: R3 counts, R4 integer band edges, R5 minimum, R8 points and bands, R9 counts.</summary>
    private static class Reference
    {
        private static readonly string[] Standards = { "P2.1", "P2.2", "P2.3", "P2.4" };

        public static (long Yes, long Relevant) Counts(IEnumerable<TestCase> cases, string question)
        {
            var yes = cases.LongCount(c => c.Answers.TryGetValue(question, out var a) && a == "Yes");
            var no = cases.LongCount(c => c.Answers.TryGetValue(question, out var a) && a == "No");
            return (yes, yes + no);
        }

        public static string Band(long yes, long relevant) =>
            100 * yes >= 80 * relevant ? "Outstanding" : 100 * yes >= 65 * relevant ? "Good" : 100 * yes >= 50 * relevant ? "RequiresImprovement" : "Inadequate";

        public static int Points(string rating) => rating switch { "Inadequate" => 0, "RequiresImprovement" => 1, "Good" => 2, "Outstanding" => 3, _ => throw new ArgumentException(rating) };

        /// <summary>Checks a RESULT against the cases; <paramref name="judgementPoints"/> null for a group (judgements not rated).</summary>
        public static void Check(JsonElement result, List<TestCase> cases, int? judgementPoints)
        {
            var score = 3 * (judgementPoints ?? 0);
            var max = judgementPoints is null ? 0 : 9;
            var anyNotRated = judgementPoints is null;
            foreach (var standard in result.GetProperty("standards").EnumerateArray())
            {
                var id = standard.GetProperty("id").GetString()!;
                if (!Standards.Contains(id))
                {
                    standard.GetProperty("rating").GetString().ShouldBe(judgementPoints is null ? "NotRated" : new[] { "NotRated", "Inadequate", "RequiresImprovement", "Good", "Outstanding" }[judgementPoints.Value + 1]);
                    continue;
                }

                (long Yes, long Relevant)? lowest = null;
                string? driver = null;
                foreach (var n in new[] { 1, 2, 3 })
                {
                    var (yes, relevant) = Counts(cases, $"{id}.{n}");
                    if (relevant > 0 && (lowest is null || yes * lowest.Value.Relevant < lowest.Value.Yes * relevant))
                    {
                        lowest = (yes, relevant);
                        driver = $"{id}.{n}";
                    }
                }

                var rating = lowest is { } l ? Band(l.Yes, l.Relevant) : "NotRated";
                standard.GetProperty("rating").GetString().ShouldBe(rating, id);
                standard.GetProperty("drivenBy").GetString().ShouldBe(driver, id);
                if (lowest is null)
                {
                    anyNotRated = true;
                    continue;
                }

                score += Points(rating);
                max += 3;
            }

            result.GetProperty("score").GetInt32().ShouldBe(score);
            result.GetProperty("maxScore").GetInt32().ShouldBe(max);
            result.GetProperty("overall").GetString().ShouldBe(anyNotRated ? "NotRated" : score <= 5 ? "Inadequate" : score <= 10 ? "RequiresImprovement" : score <= 15 ? "Good" : "Outstanding");
            var counts = result.GetProperty("cases");
            counts.GetProperty("inspected").GetInt32().ShouldBe(cases.Count);
            counts.GetProperty("reset").GetInt32().ShouldBe(cases.Count(c => c.Suspended is not null && c.Exemption is null));
            counts.GetProperty("adjusted").GetInt32().ShouldBe(cases.Count(c => c.Suspended is not null && c.Exemption is null && (c.Suspended.Value - c.Start!.Value).TotalDays <= 56));
        }
    }
}
