using System.Text;
using System.Text.Json;

namespace Probation.Standards.Cli.Tests;

/// <summary>FILE as rate and explain take it: <c>-</c> is standard input; a folder, a missing or unreadable file is one clean line.</summary>
public class InputFileTests
{
    private static string Seed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json");

    private static string CaseSeed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json");

    [Test]
    public void Rate_reads_the_document_from_standard_input_when_FILE_is_a_dash()
    {
        var (exit, output, error) = Tool.Run(new[] { "rate", "-" }, File.ReadAllBytes(Seed));
        exit.ShouldBe(0, error);
        output.ShouldContain("Score 3/21");
        output.ShouldContain("Overall rating: Inadequate");
    }

    [Test]
    public void Rate_json_from_standard_input_is_the_same_as_from_the_file()
    {
        var (_, fromFile, _) = Tool.Run("rate", CaseSeed, "--format", "json");
        var (exit, fromStdin, error) = Tool.Run(new[] { "rate", "-", "--format", "json" }, File.ReadAllBytes(CaseSeed));
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(fromStdin);
        json.RootElement.GetProperty("score").GetInt32().ShouldBe(3);
        fromStdin.ShouldBe(fromFile);
    }

    [Test]
    public void Explain_reads_the_document_from_standard_input()
    {
        var (exit, output, error) = Tool.Run(new[] { "explain", "-", "P2.1" }, File.ReadAllBytes(CaseSeed));
        exit.ShouldBe(0, error);
        output.ShouldContain("P2.1.3 (19/60): 11 more Yes");
    }

    [Test]
    public void Bad_input_on_standard_input_is_named_stdin()
    {
        var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(Seed).Replace("\"P1.1\": \"RequiresImprovement\"", "\"P1.1\": \"Excellent\"", StringComparison.Ordinal));
        var (exit, output, error) = Tool.Run(new[] { "rate", "-" }, bytes);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        // The seed's expected block names the same rating, so both places are reported, each naming <stdin>.
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(l => l.StartsWith("error: <stdin>: $.", StringComparison.Ordinal));
        var line = lines[0];
        line.ShouldStartWith("error: <stdin>: $.organisational['P1.1']: ");
        line.ShouldContain("Excellent");
    }

    [Test]
    public void Empty_standard_input_is_bad_input()
    {
        var (exit, output, error) = Tool.Run(new[] { "rate", "-" }, Array.Empty<byte>());
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: <stdin>: $: ");
    }

    [TestCase("rate")]
    [TestCase("explain")]
    public void A_folder_is_not_a_findings_document(string command)
    {
        var (exit, output, error) = Tool.Run(command, Tool.Seeds);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe($"error: {Tool.Seeds}: is a folder, not a findings document (verify takes folders)");
    }

    [TestCase("rate")]
    [TestCase("explain")]
    public void A_missing_file_is_no_such_file(string command)
    {
        foreach (var missing in new[] { "no-such-file.json", Path.Combine("no-such-folder", "x.json") })
        {
            var (exit, output, error) = Tool.Run(command, missing);
            exit.ShouldBe(2);
            output.ShouldBeEmpty();
            error.Trim().ShouldBe($"error: {missing}: no such file");
        }
    }

    [Test]
    public void A_link_to_nothing_is_no_such_file()
    {
        Assume.That(!OperatingSystem.IsWindows(), "symbolic links need no privilege on Unix only");
        Directory.CreateDirectory("links");
        var link = Path.Combine("links", "dangling.json");
        File.Delete(link);
        File.CreateSymbolicLink(link, "gone.json");
        try
        {
            var (exit, _, error) = Tool.Run("rate", link);
            exit.ShouldBe(2);
            error.Trim().ShouldBe($"error: {link}: no such file");
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Test]
    public void A_file_that_cannot_be_opened_is_one_clean_line()
    {
        Assume.That(!OperatingSystem.IsWindows(), "symbolic links need no privilege on Unix only");
        Directory.CreateDirectory("links");
        var first = Path.Combine("links", "loop-a.json");
        var second = Path.Combine("links", "loop-b.json");
        File.Delete(first);
        File.Delete(second);
        File.CreateSymbolicLink(first, "loop-b.json");
        File.CreateSymbolicLink(second, "loop-a.json");
        try
        {
            var (exit, output, error) = Tool.Run("rate", first);
            exit.ShouldBe(2);
            output.ShouldBeEmpty();
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith($"error: {first}: cannot read: ");
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Test]
    public void A_file_without_read_permission_is_permission_denied()
    {
        Assume.That(!OperatingSystem.IsWindows() && !Environment.IsPrivilegedProcess, "root reads every file");
        File.WriteAllText("unreadable.json", "{}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode("unreadable.json", UnixFileMode.None);
        }

        var (exit, _, error) = Tool.Run("rate", "unreadable.json");
        exit.ShouldBe(2);
        error.Trim().ShouldBe("error: unreadable.json: cannot read: permission denied");
    }

    [Test]
    public void A_file_name_with_control_characters_is_escaped_onto_one_line()
    {
        var (exit, _, error) = Tool.Run("rate", "bad\nname\u001b.json");
        exit.ShouldBe(2);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldBe("error: bad\\nname\\u001b.json: no such file");
    }

    [Test]
    public void A_framework_file_that_is_a_folder_or_missing_is_one_clean_line()
    {
        var (exit, _, error) = Tool.Run("rate", Seed, "--framework-file", Tool.Seeds);
        exit.ShouldBe(2);
        error.Trim().ShouldBe($"error: {Tool.Seeds}: is a folder, not a framework file");

        (exit, _, error) = Tool.Run("rate", Seed, "--framework-file", "no-such-framework.json");
        exit.ShouldBe(2);
        error.Trim().ShouldBe("error: no-such-framework.json: no such file");
    }
}
