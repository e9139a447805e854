using System.Text.Json;

namespace Probation.Standards.Cli.Tests;

/// <summary>The contract's commands on the seeds, through the real tool.</summary>
public class CommandTests
{
    [Test]
    public void Rate_prints_the_published_ratings_page()
    {
        var (exit, output, error) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"));
        exit.ShouldBe(0, error);
        output.ShouldContain("Score 3/21");
        output.ShouldContain("Overall rating: Inadequate");
        foreach (var name in new[] { "Leadership", "Staffing", "Services", "Assessment", "Planning", "Implementation and delivery", "Reviewing" })
        {
            output.ShouldContain(name);
        }
    }

    [Test]
    public void Rate_prints_case_counts_for_the_case_level_seed()
    {
        var (exit, output, _) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json"));
        exit.ShouldBe(0);
        output.ShouldContain("60 cases inspected, 12 subject to Reset, 7 adjusted");
        output.ShouldContain("42 community orders, 18 licences");
    }

    [Test]
    public void Rate_json_follows_the_contract()
    {
        var (exit, output, _) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json"), "--format", "json");
        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("unit").GetString().ShouldStartWith("Nottinghamshire PDU");
        root.GetProperty("framework").GetString().ShouldBe("probation-pdu-2023");
        root.GetProperty("score").GetInt32().ShouldBe(3);
        root.GetProperty("maxScore").GetInt32().ShouldBe(21);
        root.GetProperty("overall").GetString().ShouldBe("Inadequate");
        root.GetProperty("cases").GetProperty("inspected").GetInt32().ShouldBe(60);
        root.GetProperty("cases").GetProperty("reset").GetInt32().ShouldBe(12);
        root.GetProperty("cases").GetProperty("adjusted").GetInt32().ShouldBe(7);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        var standards = root.GetProperty("standards").EnumerateArray().ToList();
        standards.Select(s => s.GetProperty("id").GetString()).ShouldBe(new[] { "P1.1", "P1.2", "P1.3", "P2.1", "P2.2", "P2.3", "P2.4" });
        var assessment = standards[3];
        assessment.GetProperty("rating").GetString().ShouldBe("Inadequate");
        assessment.GetProperty("computedRating").GetString().ShouldBe("Inadequate");
        assessment.GetProperty("points").GetInt32().ShouldBe(0);
        assessment.GetProperty("drivenBy").GetString().ShouldBe("P2.1.3");
        var driver = assessment.GetProperty("keyQuestions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "P2.1.3");
        driver.GetProperty("yes").GetInt32().ShouldBe(19);
        driver.GetProperty("relevant").GetInt32().ShouldBe(60);
        driver.GetProperty("percent").GetDecimal().ShouldBe(31.67m);
        driver.GetProperty("band").GetString().ShouldBe("Inadequate");
        standards[0].TryGetProperty("computedRating", out _).ShouldBeFalse("judgements have no computed rating");
    }

    [Test]
    public void Rate_json_has_no_cases_block_without_cases()
    {
        var (_, output, _) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"), "--format", "json");
        using var json = JsonDocument.Parse(output);
        json.RootElement.TryGetProperty("cases", out _).ShouldBeFalse();
    }

    [Test]
    public void Verify_seeds_passes_every_vector_and_ends_with_the_count()
    {
        var (exit, output, _) = Tool.Run("verify", Tool.Seeds);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var documents = Directory.GetFiles(Tool.Seeds, "*.json", SearchOption.AllDirectories).Length;
        documents.ShouldBeGreaterThan(20);
        lines[^1].ShouldBe($"{documents} passed, 0 failed");
        lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)).ShouldBe(documents);
        exit.ShouldBe(0);
    }

    [Test]
    public void Verify_reports_what_differs_and_exits_1()
    {
        var seed = File.ReadAllText(Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"));
        var wrong = seed.Replace("\"score\": 3", "\"score\": 4", StringComparison.Ordinal);
        wrong.ShouldNotBe(seed);
        Directory.CreateDirectory("verify");
        File.WriteAllText(Path.Combine("verify", "wrong.json"), wrong);
        var (exit, output, _) = Tool.Run("verify", Path.Combine("verify", "wrong.json"));
        exit.ShouldBe(1);
        output.ShouldContain("FAIL verify/wrong.json: score: expected 4, got 3");
        output.TrimEnd().Split('\n')[^1].ShouldBe("0 passed, 1 failed");
    }

    [Test]
    public void Explain_names_the_driver_and_the_yes_answers_needed()
    {
        var (exit, output, _) = Tool.Run("explain", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json"), "P2.1");
        exit.ShouldBe(0);

        // 19/60 needs 30/60 to reach 50%: 11 No answers turned Yes, or (19 + m) / (60 + m) >= 1/2, m = 22 new cases.
        output.ShouldContain("P2.1.3 (19/60): 11 more Yes");
        output.ShouldContain("22 new sufficient cases");
        output.ShouldNotContain("P2.2 Planning");
    }

    [Test]
    public void Explain_gives_the_points_to_the_next_overall_band_and_the_shortfall_of_published_percentages()
    {
        var (exit, output, _) = Tool.Run("explain", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"));
        exit.ShouldBe(0);

        // 3/21 is Inadequate (0-5); Requires improvement starts at 6. P2.1.3 was published as 32%, 18 points below 50%.
        output.ShouldContain("Overall: 3/21, Inadequate (R8)");
        output.ShouldContain("3 more points would reach Requires improvement (6-10)");
        output.ShouldContain("P2.1.3: published as 32%, 18 percentage points short");
        output.ShouldContain("P1.1 Leadership: Requires improvement (an inspectors' judgement");
    }

    [Test]
    public void Explain_rejects_an_unknown_standard()
    {
        var (exit, _, error) = Tool.Run("explain", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"), "P9.9");
        exit.ShouldBe(2);
        error.ShouldContain("no standard 'P9.9'");
    }
}
