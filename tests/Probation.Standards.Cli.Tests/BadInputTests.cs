using System.Text.RegularExpressions;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// Every bad-input class of findings-format.md, run through the real tool: exit 2, exactly one
/// <c>error:</c> line naming the file and JSON path, nothing on standard output, never a stack trace.
/// </summary>
public class BadInputTests
{
    private const string Valid = """
        {
          "framework": "probation-pdu-2023",
          "unit": "Test PDU",
          "fieldworkStarted": "2025-03-10",
          "organisational": { "P1.1": "Good", "P1.2": "Good", "P1.3": "Good" },
          "keyQuestions": {
            "P2.1.1": 55, "P2.1.2": 60, "P2.1.3": { "yes": 19, "relevant": 60 },
            "P2.2.1": 50, "P2.2.2": 72, "P2.2.3": 48,
            "P2.3.1": 52, "P2.3.2": 45, "P2.3.3": 35,
            "P2.4.1": 63, "P2.4.2": 52
          },
          "cases": [
            { "id": "C1", "sentence": "Licence", "start": "2024-07-22", "suspended": "2024-09-02", "exemption": null, "answers": { "P2.4.3": "Yes" } },
            { "id": "C2", "sentence": "CommunityOrder", "start": "2024-07-23", "answers": { "P2.4.3": "No" } }
          ],
          "overrides": { "P2.3": { "rating": "RequiresImprovement", "reason": "inspectors' discretion" } }
        }
        """;

    private static IEnumerable<TestCaseData> BadDocuments()
    {
        yield return Case("malformed JSON", Valid.Replace("\"unit\": \"Test PDU\",", "\"unit\": \"Test PDU\"", StringComparison.Ordinal), "$", "line 4, column 3");
        yield return Case("empty file", string.Empty, "$", "empty");
        yield return Case("nested 100,000 levels deep", "{\"unit\": " + new string('[', 100_000) + new string(']', 100_000) + "}", "$.unit", "depth");
        yield return Case("top-level array", "[]", "$", "must be a JSON object");
        yield return Case("unknown framework", Valid.Replace("probation-pdu-2023", "probation-pdu-1999", StringComparison.Ordinal), "$.framework", "unknown framework");
        yield return Case("unknown standard id", Valid.Replace("\"P1.3\": \"Good\"", "\"P1.3\": \"Good\", \"P1.4\": \"Good\"", StringComparison.Ordinal), "$.organisational['P1.4']", "unknown standard");
        yield return Case("unknown key-question id", Valid.Replace("\"P2.4.2\": 52", "\"P2.4.2\": 52, \"P2.4.9\": 52", StringComparison.Ordinal), "$.keyQuestions['P2.4.9']", "unknown key question");
        yield return Case("rating outside its list", Valid.Replace("\"P1.1\": \"Good\"", "\"P1.1\": \"Excellent\"", StringComparison.Ordinal), "$.organisational['P1.1']", "Excellent");
        yield return Case("answer outside its list", Valid.Replace("\"P2.4.3\": \"No\"", "\"P2.4.3\": \"Maybe\"", StringComparison.Ordinal), "$.cases[1].answers['P2.4.3']", "Maybe");
        yield return Case("sentence outside its list", Valid.Replace("\"Licence\"", "\"Caution\"", StringComparison.Ordinal), "$.cases[0].sentence", "Caution");
        yield return Case("exemption outside its list", Valid.Replace("\"exemption\": null", "\"exemption\": \"Celebrity\"", StringComparison.Ordinal), "$.cases[0].exemption", "Celebrity");
        yield return Case("percentage outside 0-100", Valid.Replace("\"P2.1.1\": 55", "\"P2.1.1\": 140", StringComparison.Ordinal), "$.keyQuestions['P2.1.1']", "percentage 140 is outside 0-100");
        yield return Case("percentage not a number", Valid.Replace("\"P2.1.1\": 55", "\"P2.1.1\": \"55%\"", StringComparison.Ordinal), "$.keyQuestions['P2.1.1']", "not a number");
        yield return Case("negative count", Valid.Replace("\"yes\": 19", "\"yes\": -1", StringComparison.Ordinal), "$.keyQuestions['P2.1.3'].yes", "negative");
        yield return Case("yes more than relevant", Valid.Replace("\"yes\": 19", "\"yes\": 61", StringComparison.Ordinal), "$.keyQuestions['P2.1.3']", "more than relevant");
        yield return Case("key question in both places", Valid.Replace("\"P2.4.2\": 52", "\"P2.4.2\": 52, \"P2.4.3\": 40", StringComparison.Ordinal), "$.keyQuestions['P2.4.3']", "both");
        yield return Case("key question in neither place", Valid.Replace("\"P2.4.2\": 52", "\"P2.4.1\": 63", StringComparison.Ordinal).Replace("\"P2.4.1\": 63, \"P2.4.1\": 63", "\"P2.4.1\": 63", StringComparison.Ordinal), "$.keyQuestions", "P2.4.2");
        yield return Case("missing organisational standard", Valid.Replace(", \"P1.3\": \"Good\"", string.Empty, StringComparison.Ordinal), "$.organisational", "P1.3");
        yield return Case("duplicate case ids", Valid.Replace("\"id\": \"C2\"", "\"id\": \"C1\"", StringComparison.Ordinal), "$.cases[1].id", "duplicate case id");
        yield return Case("suspended before start", Valid.Replace("\"suspended\": \"2024-09-02\"", "\"suspended\": \"2024-07-01\"", StringComparison.Ordinal), "$.cases[0].suspended", "before start");
        yield return Case("override without a reason", Valid.Replace("\"reason\": \"inspectors' discretion\"", "\"reason\": \"  \"", StringComparison.Ordinal), "$.overrides['P2.3'].reason", "reason");
        yield return Case("override on a judgement-rated standard", Valid.Replace("\"P2.3\": { \"rating\"", "\"P1.1\": { \"rating\"", StringComparison.Ordinal), "$.overrides['P1.1']", "judgement");
        yield return Case("unknown top-level field", Valid.Replace("\"unit\": \"Test PDU\",", "\"unit\": \"Test PDU\", \"inspector\": \"X\",", StringComparison.Ordinal), "$.inspector", "unknown field");
        yield return Case("missing unit", Valid.Replace("\"unit\": \"Test PDU\",", string.Empty, StringComparison.Ordinal), "$.unit", "required");
        yield return Case("date not ISO", Valid.Replace("\"2024-07-23\"", "\"23/07/2024\"", StringComparison.Ordinal), "$.cases[1].start", "real date written yyyy-mm-dd");
    }

    private static TestCaseData Case(string name, string json, string path, string problem) =>
        new TestCaseData(json, path, problem).SetName($"Bad input exits 2 with one error line: {name}");

    [Test]
    public void The_valid_base_document_rates()
    {
        var file = Write(Valid);
        var (exit, output, error) = Tool.Run("rate", file);
        error.ShouldBeEmpty();
        exit.ShouldBe(0);
        output.ShouldContain("Test PDU");
    }

    [TestCaseSource(nameof(BadDocuments))]
    public void Bad_input(string json, string path, string problem)
    {
        var file = Write(json);
        foreach (var args in new[] { new[] { "rate", file }, new[] { "rate", file, "--format", "json" }, new[] { "explain", file } })
        {
            var (exit, output, error) = Tool.Run(args);
            exit.ShouldBe(2, $"{string.Join(' ', args)}: {error}");
            output.ShouldBeEmpty("nothing is half-rated");
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(1, error);
            var line = lines[0];
            line.ShouldStartWith($"error: {file}: {path}: ");
            line.ShouldContain(problem, global::Shouldly.Case.Insensitive);
            Regex.IsMatch(error, @"^\s+at ", RegexOptions.Multiline).ShouldBeFalse("no stack trace");
        }
    }

    [TestCaseSource(nameof(BadDocuments))]
    public void Bad_input_fails_verify_with_exit_1(string json, string path, string problem)
    {
        var file = Write(json);
        var (exit, output, _) = Tool.Run("verify", file);
        exit.ShouldBe(1);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[^1].ShouldBe("0 passed, 1 failed");
        lines[0].ShouldStartWith($"FAIL {file}: {path}: ");
        lines[0].ShouldContain(problem, global::Shouldly.Case.Insensitive);
    }

    [Test]
    public void Missing_file_exits_2_with_one_line()
    {
        var (exit, output, error) = Tool.Run("rate", "no-such-file.json");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("error: no-such-file.json: no such file");
    }

    [Test]
    public void Bad_usage_exits_2_with_one_error_line()
    {
        var (exit, _, error) = Tool.Run("rate", "x.json", "--format", "xml");
        exit.ShouldBe(2);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: ");
    }

    private static string Write(string json)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "bad-input");
        Directory.CreateDirectory(directory);
        var file = Path.Combine("bad-input", TestContext.CurrentContext.Test.ID + ".json");
        File.WriteAllText(Path.Combine(TestContext.CurrentContext.WorkDirectory, file), json);
        return file;
    }
}
