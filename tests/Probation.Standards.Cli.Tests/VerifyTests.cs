using System.Text;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// verify PATH...: folders searched recursively without following links to folders, every document once, a document
/// that cannot be read or rated a FAIL line and never the end of the run, and always the count as the last line.
/// </summary>
public class VerifyTests
{
    private static string Seed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json");

    [Test]
    public void A_link_loop_an_invalid_utf8_document_and_a_valid_one_are_each_listed_once()
    {
        Assume.That(!OperatingSystem.IsWindows(), "symbolic links need no privilege on Unix only");
        var folder = Fresh("verify-loop");
        File.Copy(Seed, Path.Combine(folder, "good.json"));
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllBytes(Path.Combine(folder, "sub", "bad.json"), Encoding.UTF8.GetBytes("{\"unit\": \"").Concat(new byte[] { 0xff, 0xfe }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray());
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), "..");   // a loop: sub/loop/sub/loop/...
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder, "seeds"), Tool.Seeds);   // a link to a folder: not followed
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "alias.json"), Path.Combine("..", "good.json")); // the same document

        try
        {
            // The folder, then a document inside it again by two spellings: still each document once.
            var (exit, output, error) = Tool.Run("verify", folder, Path.Combine(folder, "good.json"), Path.Combine(folder, "sub", "..", "good.json"));
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(3, output + error);
            lines[0].ShouldBe($"PASS {Path.Combine(folder, "good.json")}");
            lines[1].ShouldStartWith($"FAIL {Path.Combine(folder, "sub", "bad.json")}: ");
            lines[2].ShouldBe("1 passed, 1 failed");
            exit.ShouldBe(1);
        }
        finally
        {
            // The loop is not left behind: tools that walk the tree (BenchmarkDotNet looking for a project file)
            // follow it for minutes. The links go first, so nothing is deleted through one.
            foreach (var link in new[] { Path.Combine(folder, "sub", "loop"), Path.Combine(folder, "sub", "self"), Path.Combine(folder, "seeds") })
            {
                Directory.Delete(link);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Documents_of_a_folder_are_in_ordinal_order_and_each_line_is_one_line()
    {
        var folder = Fresh("verify-order");
        File.Copy(Seed, Path.Combine(folder, "b.json"));
        File.Copy(Seed, Path.Combine(folder, "B.json"));
        File.Copy(Seed, Path.Combine(folder, "a\tc.json"));
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        File.Copy(Seed, Path.Combine(folder, "a", "z.json"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a document");

        // Ordinal order of the paths: 'B' < 'a', and the tab (0x09) of "a\tc.json" < the separator (0x2F) of "a/z.json".
        var (exit, output, _) = Tool.Run("verify", folder);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(new[]
        {
            $"PASS {Path.Combine(folder, "B.json")}",
            $"PASS {Path.Combine(folder, "a\\tc.json")}",
            $"PASS {Path.Combine(folder, "a", "z.json")}",
            $"PASS {Path.Combine(folder, "b.json")}",
            "4 passed, 0 failed",
        });
        exit.ShouldBe(0);
    }

    [TestCase("{}")]
    [TestCase("{ \"standards\": {} }")]
    [TestCase("{ \"standards\": { \"P2.1\": {} } }")]
    public void An_expected_block_that_checks_nothing_fails(string expected)
    {
        var folder = Fresh("verify-empty-" + TestContext.CurrentContext.Test.ID);
        var document = Path.Combine(folder, "empty.json");
        var seed = File.ReadAllText(Seed);
        var start = seed.IndexOf("\"expected\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var end = seed.LastIndexOf('}');
        File.WriteAllText(document, seed[..start] + "\"expected\": " + expected + "\n" + seed[end..]);

        var (exit, output, error) = Tool.Run("verify", document);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(new[] { $"FAIL {document}: the expected block checks nothing", "0 passed, 1 failed" }, error);
        exit.ShouldBe(1);
    }

    [Test]
    public void No_document_found_is_an_error_line_and_still_the_count()
    {
        var folder = Fresh("verify-none");
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "no documents here");
        var (exit, output, error) = Tool.Run("verify", folder);
        output.ShouldBe("0 passed, 0 failed" + Environment.NewLine);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: no *.json documents found in ");
        exit.ShouldBe(1);
    }

    [Test]
    public void A_missing_path_is_a_fail_line_and_the_run_goes_on()
    {
        var (exit, output, _) = Tool.Run("verify", "no-such-path", Seed);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(new[] { "FAIL no-such-path: no such file or folder", $"PASS {Seed}", "1 passed, 1 failed" });
        exit.ShouldBe(1);
    }

    [Test]
    public void Verify_reads_standard_input_for_a_dash()
    {
        var (exit, output, error) = Tool.Run(new[] { "verify", "-" }, File.ReadAllBytes(Seed));
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(new[] { "PASS <stdin>", "1 passed, 0 failed" }, error);
        exit.ShouldBe(0);
    }

    [Test]
    public void A_framework_file_that_cannot_be_read_fails_every_document_and_still_ends_with_the_count()
    {
        var (exit, output, error) = Tool.Run("verify", Seed, "--framework-file", "no-such-framework.json");
        error.Trim().ShouldBe("error: no-such-framework.json: no such file");
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(new[] { $"FAIL {Seed}: not rated: a framework file could not be loaded", "0 passed, 1 failed" });
        exit.ShouldBe(1);
    }

    private static string Fresh(string name)
    {
        if (Directory.Exists(name))
        {
            Directory.Delete(name, recursive: true); // removes links, never what they point to
        }

        Directory.CreateDirectory(name);
        return name;
    }
}
