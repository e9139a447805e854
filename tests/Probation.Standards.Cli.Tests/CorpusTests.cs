using System.Text.Json;
using System.Text.RegularExpressions;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// The conformance corpus (Corpus/README.md), written from docs/rules.md and docs/findings-format.md only, through
/// the real tool: every document of <c>Corpus/bad</c> is rejected whole by <c>rate</c>, <c>rate --format json</c>
/// and <c>explain</c>; every document of <c>Corpus/valid</c> rates, explains and verifies to its hand-worked
/// <c>expected</c> block; every document of <c>Corpus/verify-fail</c> rates and FAILs <c>verify</c>.
/// </summary>
public class CorpusTests
{
    // A run that takes longer is killed and fails (work is bounded: findings-format.md, "Bad input").
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    // A JSON path: `$` alone or followed by `.name`, `[...]`, or the `: ` that ends it.
    private static readonly Regex JsonPath = new(@"(?:^|\s)\$(?=$|[.\[:,\s])", RegexOptions.CultureInvariant);
    private static readonly Regex Located = new(@"\bline \d+|\bbyte \d+|\boffset \d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex StackFrame = new(@"^\s+at\s", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static string Corpus => Path.Combine(Path.GetDirectoryName(typeof(CorpusTests).Assembly.Location)!, "Corpus");

    private static IEnumerable<TestCaseData> BadFiles() => Files("bad");

    private static IEnumerable<TestCaseData> ValidFiles() => Files("valid");

    private static IEnumerable<TestCaseData> VerifyFailFiles() => Files("verify-fail");

    [TestCaseSource(nameof(BadFiles))]
    public void Bad_document_is_rejected_whole(string name)
    {
        var file = Given("bad", name);
        var problems = new List<string>();
        foreach (var args in new[] { new[] { "rate", file }, new[] { "rate", file, "--format", "json" }, new[] { "explain", file } })
        {
            var command = string.Join(' ', args);
            var (exit, output, error) = Run(args);
            var lines = Lines(error);
            if (exit != 2)
            {
                problems.Add($"{command}: exit {exit}, not 2; stderr: {Excerpt(error)}");
            }

            if (output.Length > 0)
            {
                problems.Add($"{command}: printed on standard output: {Excerpt(output)}");
            }

            if (lines.Count == 0)
            {
                problems.Add($"{command}: no error line on standard error");
            }

            foreach (var line in lines.Where(l => !l.StartsWith("error: ", StringComparison.Ordinal) || !l.Contains(file, StringComparison.Ordinal)))
            {
                problems.Add($"{command}: a line that does not start 'error: ' and name {file}: {Excerpt(line)}");
            }

            if (lines.Count > 0 && !lines.Any(l => JsonPath.IsMatch(l)))
            {
                problems.Add($"{command}: no line names a JSON path ($...): {Excerpt(error)}");
            }

            if (error.Contains("Exception", StringComparison.Ordinal) || StackFrame.IsMatch(error))
            {
                problems.Add($"{command}: an exception or stack trace: {Excerpt(error)}");
            }

            if (lines.Any(l => l.Any(char.IsControl)))
            {
                problems.Add($"{command}: a control character in a message (values are quoted with JSON escapes): {Excerpt(error)}");
            }

            problems.AddRange(EncodingProblems(command, name, lines));
            switch (name)
            {
                case "five-mistakes.json":
                    problems.AddRange(FiveMistakes(command, lines));
                    break;
                case "sixty-mistakes.json":
                    problems.AddRange(SixtyMistakes(command, lines));
                    break;
            }
        }

        Check(problems);
    }

    [TestCaseSource(nameof(ValidFiles))]
    public void Valid_document_rates_to_its_expected_block(string name)
    {
        var file = Given("valid", name);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus, "valid", name)));
        var expected = document.RootElement.GetProperty("expected");
        var problems = new List<string>();

        var (exit, output, error) = Run("rate", file);
        if (exit != 0 || output.Length == 0)
        {
            problems.Add($"rate: exit {exit}, {output.Length} characters of output; stderr: {Excerpt(error)}");
        }

        (exit, output, error) = Run("rate", file, "--format", "json");
        if (exit != 0)
        {
            problems.Add($"rate --format json: exit {exit}; stderr: {Excerpt(error)}");
        }
        else
        {
            problems.AddRange(Compare(expected, output));
        }

        (exit, _, error) = Run("explain", file);
        if (exit != 0)
        {
            problems.Add($"explain: exit {exit}; stderr: {Excerpt(error)}");
        }

        (exit, output, error) = Run("verify", file);
        var lines = Lines(output);
        if (exit != 0 || lines.Count < 2 || !lines[0].StartsWith("PASS", StringComparison.Ordinal) || lines[^1] != "1 passed, 0 failed")
        {
            problems.Add($"verify: exit {exit}; stdout: {Excerpt(output)}; stderr: {Excerpt(error)}");
        }

        Check(problems);
    }

    [TestCaseSource(nameof(VerifyFailFiles))]
    public void Verify_fails_a_document_whose_expected_block_differs_or_checks_nothing(string name)
    {
        var file = Given("verify-fail", name);
        var problems = new List<string>();
        var (exit, _, error) = Run("rate", file);
        if (exit != 0)
        {
            problems.Add($"rate: exit {exit}, not 0 (the document itself is valid); stderr: {Excerpt(error)}");
        }

        (exit, var output, error) = Run("verify", file);
        var lines = Lines(output);
        if (exit != 1
            || lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal)) != 1
            || lines.Any(l => l.StartsWith("PASS", StringComparison.Ordinal))
            || lines.Count == 0 || lines[^1] != "0 passed, 1 failed")
        {
            problems.Add($"verify: exit {exit}; stdout: {Excerpt(output)}; stderr: {Excerpt(error)}");
        }

        Check(problems);
    }

    [Test]
    public void Fieldwork_in_2026_with_the_framework_omitted_rates_on_the_2023_framework_without_a_warning()
    {
        var (exit, output, error) = Run("rate", Given("valid", "framework-omitted-fieldwork-2026.json"), "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("framework").GetString().ShouldBe("probation-pdu-2023");
        json.RootElement.GetProperty("warnings").GetArrayLength().ShouldBe(0, output);
    }

    [Test]
    public void Verify_of_a_folder_with_a_link_loop_lists_each_document_once()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "corpus-verify-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var loop = Path.Combine(folder, "loop");
        try
        {
            File.Copy(Path.Combine(Corpus, "valid", "base.json"), Path.Combine(folder, "good.json"));
            File.Copy(Path.Combine(Corpus, "bad", "utf8-invalid-byte-ff.json"), Path.Combine(folder, "bad.json"));
            Directory.CreateSymbolicLink(loop, folder);

            var (exit, output, error) = Run("verify", Path.GetRelativePath(TestContext.CurrentContext.WorkDirectory, folder));
            var lines = Lines(output);
            exit.ShouldBe(1, output + error);
            lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)).ShouldBe(1, output);
            lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ShouldBe(1, output);
            lines.Count(l => l.Contains("good.json", StringComparison.Ordinal)).ShouldBe(1, output);
            lines.Count(l => l.Contains("bad.json", StringComparison.Ordinal)).ShouldBe(1, output);
            lines.Single(l => l.StartsWith("PASS ", StringComparison.Ordinal)).ShouldContain("good.json");
            lines.Single(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ShouldContain("bad.json");
            lines[^1].ShouldBe("1 passed, 1 failed");
        }
        finally
        {
            if (Directory.Exists(loop))
            {
                Directory.Delete(loop);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Rate_reads_a_document_from_standard_input()
    {
        var text = File.ReadAllText(Path.Combine(Corpus, "valid", "base.json"));

        var (exit, output, error) = Tool.Run(["rate", "-"], text, Limit);
        exit.ShouldBe(0, error);
        output.ShouldContain("Corpus PDU");

        (exit, output, error) = Tool.Run(["rate", "-", "--format", "json"], text, Limit);
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("score").GetInt32().ShouldBe(10);
        json.RootElement.GetProperty("overall").GetString().ShouldBe("RequiresImprovement");
    }

    [Test]
    public void Rate_of_a_folder_exits_2_saying_it_is_a_folder()
    {
        var folder = Given("valid", string.Empty).TrimEnd(Path.DirectorySeparatorChar);
        var (exit, output, error) = Run("rate", folder);
        exit.ShouldBe(2, error);
        output.ShouldBeEmpty();
        var lines = Lines(error);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.StartsWith("error: ", StringComparison.Ordinal));
        error.ShouldNotContain("Exception");
        (error.Contains("folder", StringComparison.OrdinalIgnoreCase) || error.Contains("directory", StringComparison.OrdinalIgnoreCase))
            .ShouldBeTrue(error);
    }

    private static IEnumerable<TestCaseData> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Corpus, folder), "*.json")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    // The path as the tool is given it (relative to its working directory); its messages must name it.
    private static string Given(string folder, string name) =>
        Path.GetRelativePath(TestContext.CurrentContext.WorkDirectory, Path.Combine(Corpus, folder, name));

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => Tool.Run(args, stdin: (byte[]?)null, Limit);

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).Where(l => l.Length > 0).ToList();

    // "a UTF-16 or UTF-32 file is named as such, with the advice to save it as UTF-8; invalid UTF-8 bytes are located"
    private static IEnumerable<string> EncodingProblems(string command, string name, List<string> lines)
    {
        var named = name.StartsWith("utf16", StringComparison.Ordinal) && name.Contains("with-bom", StringComparison.Ordinal) ? "UTF-16"
            : name.StartsWith("utf32", StringComparison.Ordinal) ? "UTF-32"
            : null;
        if (named is not null && !lines.Any(l => l.Contains(named, StringComparison.OrdinalIgnoreCase) && l.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{command}: a {named} file is not named as such with the advice to save it as UTF-8: {Excerpt(string.Join('\n', lines))}";
        }

        if ((name.StartsWith("utf8-invalid", StringComparison.Ordinal) || name.StartsWith("windows-1252", StringComparison.Ordinal))
            && !lines.Any(l => l.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) && Located.IsMatch(l)))
        {
            yield return $"{command}: invalid UTF-8 is not reported as such with its location (line and column, or byte offset): {Excerpt(string.Join('\n', lines))}";
        }
    }

    private static IEnumerable<string> FiveMistakes(string command, List<string> lines)
    {
        if (lines.Count != 5)
        {
            yield return $"{command}: {lines.Count} error lines, not 5: {Excerpt(string.Join('\n', lines))}";
        }

        foreach (var path in new[] { "$.organisational['P1.2']", "$.keyQuestions['P2.1.1']", "$.cases[1].sentence", "$.overrides['P2.3'].reason", "$.expected.overall" })
        {
            if (!lines.Any(l => l.Contains(path, StringComparison.Ordinal)))
            {
                yield return $"{command}: no line names {path}";
            }
        }
    }

    private static IEnumerable<string> SixtyMistakes(string command, List<string> lines)
    {
        if (lines.Count != 51)
        {
            yield return $"{command}: {lines.Count} error lines, not 50 and one counting the rest: {Excerpt(string.Join('\n', lines))}";
            yield break;
        }

        if (lines.Take(50).Any(l => !JsonPath.IsMatch(l)))
        {
            yield return $"{command}: one of the first 50 lines names no JSON path";
        }

        var last = lines[^1];
        if (!Regex.IsMatch(last, @"\b10\b", RegexOptions.CultureInvariant) || !last.Contains("more", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{command}: the last line does not count the 10 more problems: {Excerpt(last)}";
        }
    }

    private static IEnumerable<string> Compare(JsonElement expected, string output)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(output);
        }
        catch (JsonException e)
        {
            return [$"rate --format json: not JSON ({e.Message}): {Excerpt(output)}"];
        }

        using (json)
        {
            var problems = new List<string>();
            var root = json.RootElement;
            foreach (var field in new[] { "score", "maxScore" })
            {
                var want = expected.GetProperty(field).GetInt32();
                if (!root.TryGetProperty(field, out var got) || got.ValueKind != JsonValueKind.Number || !got.TryGetInt32(out var value) || value != want)
                {
                    problems.Add($"rate --format json: {field} {(root.TryGetProperty(field, out got) ? got.GetRawText() : "absent")}, expected {want}");
                }
            }

            var overall = expected.GetProperty("overall").GetString()!;
            if (!root.TryGetProperty("overall", out var actual) || actual.ValueKind != JsonValueKind.String || Rating(actual.GetString()!) != Rating(overall))
            {
                problems.Add($"rate --format json: overall {(root.TryGetProperty("overall", out actual) ? actual.GetRawText() : "absent")}, expected {overall}");
            }

            return problems;
        }
    }

    // Ratings are matched case-insensitively and may be written with spaces (findings-format.md).
    private static string Rating(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static string Excerpt(string text)
    {
        var escaped = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return escaped.Length <= 400 ? escaped : $"{escaped[..400]}... ({text.Length} characters)";
    }

    private static void Check(List<string> problems)
    {
        if (problems.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, problems));
        }
    }
}
