using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Cli.Tests;

/// <summary>framework list / show / export: the frameworks the tool knows, one in words, or its JSON to edit and load back.</summary>
public class FrameworkCommandTests
{
    private const string Id = "probation-pdu-2023";

    private static string Seed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json");

    [Test]
    public void List_gives_one_line_per_embedded_framework_with_its_dates()
    {
        var framework = Embedded();
        var (exit, output, error) = Tool.Run("framework", "list");
        exit.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // R1: the frameworks since 2018, the 2018 one in its CRC and NPS variants; dates as docs/rules.md R1 gives them.
        lines.Select(l => l.Split("  ")[0]).ShouldBe(new[] { "probation-2018", "probation-2018-nps", "probation-pdu-2021", Id, "youth-2018", "youth-2021" });
        lines[0].ShouldEndWith("  from 2018-04-01 to 2021-06-25");
        lines[1].ShouldEndWith("  from 2018-04-01 to 2021-06-25");
        lines[2].ShouldEndWith("  from 2021-06-26 to 2023-09-30");
        lines[3].ShouldBe($"{Id}  {framework["name"]}  version {framework["versionId"]}  from {framework["effectiveFrom"]}");
        lines[4].ShouldEndWith("  from 2018-06-01 to 2021-05-31");
        lines[5].ShouldEndWith("  from 2021-06-01 to 2025-03-31");
        framework["effectiveTo"].ShouldBeNull("R1: the 2023 framework has no end date");
    }

    [Test]
    public void Show_marks_wording_not_known_and_a_standard_that_does_not_count()
    {
        var (exit, output, error) = Tool.Run("framework", "show", "youth-2021");
        exit.ShouldBe(0, error);
        output.ShouldContain("family youth (never picked by date: a document names it)");
        output.ShouldContain("    2.1.1    desistance   (wording not known) [unverified, source ");
        output.ShouldContain("  4.1     Resettlement policy and provision; Resettlement; an inspectors' judgement (R6); not counted in the score (R8) [confirmed (partial), source ");
        output.ShouldContain("Overall rating for a maximum score of 36 (R8) [confirmed (partial), source ");
    }

    [Test]
    public void List_names_the_file_of_a_loaded_framework_and_one_that_replaces_an_embedded_one()
    {
        var other = Embedded();
        other["id"] = "my-framework";
        other["versionId"] = "local.1";
        File.WriteAllText("my-framework.json", other.ToJsonString());
        var same = Embedded();
        same["versionId"] = "2023.1-edited";
        File.WriteAllText("edited.json", same.ToJsonString());

        var (exit, output, error) = Tool.Run("framework", "list", "--framework-file", "my-framework.json", "--framework-file", "edited.json");
        exit.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7, output); // the six embedded frameworks, one of them replaced, and my-framework
        lines.ShouldContain(l => l.StartsWith("my-framework  ", StringComparison.Ordinal) && l.Contains("version local.1", StringComparison.Ordinal) && l.EndsWith("  file my-framework.json", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"{Id}  ", StringComparison.Ordinal) && l.Contains("version 2023.1-edited", StringComparison.Ordinal) && l.EndsWith("  file edited.json, in place of the embedded framework of this id", StringComparison.Ordinal));
    }

    [Test]
    public void Show_gives_every_rule_in_words_with_its_source_status()
    {
        var (exit, output, error) = Tool.Run("framework", "show", Id);
        exit.ShouldBe(0, error);
        output.ShouldStartWith($"{Id}: ");
        foreach (var section in new[] { "Standards (R2):", "Bands of the lowest key question's percentage (R4):", "Points per rating (R8):", "Overall rating for a maximum score of 21 (R8) [unverified, source ", "Probation Reset (R9) [inferred, source ", "Sources:" })
        {
            output.ShouldContain(section);
        }

        foreach (var id in new[] { "P1.1", "P1.2", "P1.3", "P2.1", "P2.2", "P2.3", "P2.4", "P2.1.1", "P2.1.3", "P2.4.3" })
        {
            output.ShouldContain($"  {id} ");
        }

        output.ShouldContain("Leadership; Organisational arrangements and activity; an inspectors' judgement (R6) [confirmed, source ");
        output.ShouldContain("Inadequate             from   0% up to below 50%       minority [unverified, source ");
        output.ShouldContain("Outstanding            from  80% up to 100% inclusive  large majority [unverified, source ");
        output.ShouldContain("  Requires improvement   6-10");
        output.ShouldContain("a case suspended 56 days or fewer after its start has the adjusted standards");
        output.ShouldContain("exemptions (core standards apply): Mappa, NationalSecurityDivision");
    }

    [Test]
    public void Show_json_is_the_framework_file()
    {
        var (exit, output, error) = Tool.Run("framework", "show", Id, "--format", "json");
        exit.ShouldBe(0, error);
        output.TrimEnd().ShouldBe(Encoding.UTF8.GetString(EmbeddedBytes()).TrimEnd());
    }

    [Test]
    public void Export_writes_exactly_the_embedded_bytes_to_a_file_or_to_standard_output()
    {
        File.Delete("exported.json");
        var (exit, output, error) = Tool.Run("framework", "export", Id, "-o", "exported.json");
        exit.ShouldBe(0, error);
        output.ShouldBeEmpty();
        File.ReadAllBytes("exported.json").ShouldBe(EmbeddedBytes());

        (exit, output, error) = Tool.Run("framework", "export", Id);
        exit.ShouldBe(0, error);
        output.ShouldBe(Encoding.UTF8.GetString(EmbeddedBytes()));
    }

    [Test]
    public void An_exported_framework_loaded_back_with_framework_file_rates_the_seed_3_of_21()
    {
        Tool.Run("framework", "export", Id, "-o", "roundtrip.json").ExitCode.ShouldBe(0);
        var (exit, output, error) = Tool.Run("rate", Seed, "--framework-file", "roundtrip.json");
        exit.ShouldBe(0, error);
        output.ShouldContain("Score 3/21");
        output.ShouldContain("Overall rating: Inadequate");

        // The file, not the embedded framework, is what rated it: an edited version id shows.
        var edited = JsonNode.Parse(File.ReadAllText("roundtrip.json"))!;
        edited["versionId"] = "2023.1-roundtrip";
        File.WriteAllText("roundtrip-edited.json", edited.ToJsonString());
        (exit, output, error) = Tool.Run("rate", Seed, "--framework-file", "roundtrip-edited.json");
        exit.ShouldBe(0, error);
        output.ShouldContain("data version 2023.1-roundtrip");
        output.ShouldContain("Score 3/21");

        (exit, output, _) = Tool.Run("verify", Seed, "--framework-file", "roundtrip.json");
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].ShouldBe("1 passed, 0 failed");
        exit.ShouldBe(0);
    }

    [Test]
    public void Show_and_export_take_a_framework_from_framework_file()
    {
        var other = Embedded();
        other["id"] = "my-export";
        File.WriteAllText("my-export.json", other.ToJsonString());
        var (exit, output, error) = Tool.Run("framework", "show", "my-export", "--framework-file", "my-export.json");
        exit.ShouldBe(0, error);
        output.ShouldStartWith("my-export: ");
        output.ShouldContain("file my-export.json");

        (exit, _, error) = Tool.Run("framework", "export", "my-export", "-o", "my-export-again.json", "--framework-file", "my-export.json");
        exit.ShouldBe(0, error);
        File.ReadAllBytes("my-export-again.json").ShouldBe(File.ReadAllBytes("my-export.json"));
    }

    [Test]
    public void Control_characters_in_a_framework_file_are_escaped_onto_one_line()
    {
        var framework = Embedded();
        framework["name"] = "Two\nlines";
        framework["standards"]![0]!["name"] = "Lead\u001bership";
        File.WriteAllText("control.json", framework.ToJsonString());

        var (exit, output, error) = Tool.Run("framework", "list", "--framework-file", "control.json");
        exit.ShouldBe(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith(Id, StringComparison.Ordinal)).ShouldContain("  Two\\nlines  version ");

        (exit, output, error) = Tool.Run("rate", Seed, "--framework-file", "control.json");
        exit.ShouldBe(0, error);
        output.ShouldContain("  P1.1  Lead\\u001bership ");
        output.ShouldNotContain("\u001b");

        (exit, output, error) = Tool.Run("framework", "show", Id, "--framework-file", "control.json");
        exit.ShouldBe(0, error);
        output.ShouldStartWith($"{Id}: Two\\nlines [confirmed, source 1]");
    }

    [TestCase("show")]
    [TestCase("export")]
    public void An_unknown_framework_id_exits_2_naming_the_known_ones(string command)
    {
        var (exit, output, error) = Tool.Run("framework", command, "probation-pdu-1999");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("error: no framework 'probation-pdu-1999' (known: probation-2018, probation-2018-nps, probation-pdu-2021, probation-pdu-2023, youth-2018, youth-2021)");
    }

    [Test]
    public void Export_to_a_folder_is_one_clean_line()
    {
        Directory.CreateDirectory("export-folder");
        var (exit, _, error) = Tool.Run("framework", "export", Id, "-o", "export-folder");
        exit.ShouldBe(2);
        error.Trim().ShouldBe("error: export-folder: is a folder; -o takes the file to write");
    }

    [TestCase("bogus")]
    [TestCase("framework")]
    [TestCase("framework", "show")]
    public void Usage_errors_list_the_commands_framework_included(params string[] args)
    {
        var (exit, output, error) = Tool.Run(args);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("verify PATH...", StringComparison.Ordinal) && l.Contains("framework list", StringComparison.Ordinal) && l.Contains("framework export ID", StringComparison.Ordinal));
    }

    private static byte[] EmbeddedBytes()
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream($"Probation.Standards.Frameworks.{Id}.json")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static JsonNode Embedded() => JsonNode.Parse(EmbeddedBytes())!;
}
