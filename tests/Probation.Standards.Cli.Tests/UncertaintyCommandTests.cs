using System.Text.Json;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// <c>rate --uncertainty</c>, <c>explain</c>'s overall plan and <c>plan</c> through the tool. Expected values were
/// computed independently with mpmath 1.3 at 30 digits (betainc, regularized; inverse by bisection), not by the code
/// under test.
/// </summary>
public sealed class UncertaintyCommandTests
{
    private static string CaseSeed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025-cases.json");

    private static string PublishedSeed => Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json");

    [Test]
    public void Rate_uncertainty_json_gives_the_intervals_and_band_probabilities_of_R11()
    {
        var (exit, output, error) = Tool.Run("rate", CaseSeed, "--uncertainty", "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var interval = KeyQuestion(json, "P2.1", "P2.1.3").GetProperty("interval");
        interval.GetProperty("method").GetString().ShouldBe("clopper-pearson");
        interval.GetProperty("confidence").GetDouble().ShouldBe(0.95);
        interval.GetProperty("low").GetDouble().ShouldBe(20.2575507119, 1e-6);
        interval.GetProperty("high").GetDouble().ShouldBe(44.9559687764, 1e-6);

        var planning = Standard(json, "P2.2").GetProperty("bandProbability");
        planning.GetProperty("Inadequate").GetDouble().ShouldBe(0.800935575803, 1e-9);
        planning.GetProperty("RequiresImprovement").GetDouble().ShouldBe(0.199034997364, 1e-9);
        planning.GetProperty("Good").GetDouble().ShouldBe(2.94268328792e-5, 1e-9);
        planning.GetProperty("Outstanding").GetDouble().ShouldBe(0, 1e-9);

        var overall = json.RootElement.GetProperty("overallProbability");
        (overall.GetProperty("Inadequate").GetDouble() + overall.GetProperty("RequiresImprovement").GetDouble()
            + overall.GetProperty("Good").GetDouble() + overall.GetProperty("Outstanding").GetDouble()).ShouldBe(1, 1e-12);
        json.RootElement.GetProperty("overall").GetString().ShouldBe("Inadequate"); // a probability never changes a rating
        json.RootElement.GetProperty("uncertainty").GetProperty("countsAssumed").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public void Rate_uncertainty_with_assumed_counts_and_another_confidence()
    {
        var (exit, output, error) = Tool.Run("rate", PublishedSeed, "--uncertainty", "--assume-relevant", "60", "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var question = KeyQuestion(json, "P2.1", "P2.1.3"); // published 32%: k = 32 x 60 / 100 = 19.2
        question.GetProperty("countsAssumed").GetBoolean().ShouldBeTrue();
        question.GetProperty("assumedYes").GetDouble().ShouldBe(19.2, 1e-12);
        question.GetProperty("interval").GetProperty("low").GetDouble().ShouldBe(20.5420939314, 1e-6);
        question.GetProperty("interval").GetProperty("high").GetDouble().ShouldBe(45.3035167414, 1e-6);

        (exit, output, error) = Tool.Run("rate", CaseSeed, "--uncertainty", "--confidence", "0.9", "--format", "json");
        exit.ShouldBe(0, error);
        using var ninety = JsonDocument.Parse(output);
        var low = KeyQuestion(ninety, "P2.2", "P2.2.3").GetProperty("interval");
        low.GetProperty("low").GetDouble().ShouldBe(37.1439980384, 1e-6);
        low.GetProperty("high").GetDouble().ShouldBe(59.6503831446, 1e-6);
    }

    [Test]
    public void Rate_uncertainty_text_has_a_column_of_intervals_and_a_line_per_standard()
    {
        var (exit, output, error) = Tool.Run("rate", CaseSeed, "--uncertainty");
        exit.ShouldBe(0, error);
        output.ShouldContain("not HM Inspectorate of Probation's method");
        output.ShouldContain("95% interval");
        output.ShouldContain("P2.1.3        19/60            31.67%  20.3-45.0%");
        output.ShouldContain("P2.2 Planning: Inadequate, chance its band holds 80.1%");
    }

    [TestCase("--confidence", "1.5", "--confidence '1.5' is not a number strictly between 0 and 1")]
    [TestCase("--assume-relevant", "0", "--assume-relevant '0' is not a whole number of relevant cases above 0")]
    public void Bad_uncertainty_options_are_bad_input(string option, string value, string message)
    {
        var (exit, output, error) = Tool.Run("rate", CaseSeed, "--uncertainty", option, value);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
    }

    [Test]
    public void Explain_json_gives_the_fewest_answers_to_the_next_overall_band_and_the_plan()
    {
        var (exit, output, error) = Tool.Run("explain", CaseSeed, "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var overall = json.RootElement.GetProperty("overall");
        overall.GetProperty("rating").GetString().ShouldBe("Inadequate");
        overall.GetProperty("next").GetString().ShouldBe("RequiresImprovement");
        overall.GetProperty("pointsNeeded").GetInt32().ShouldBe(3);

        // By hand: Requires improvement costs P2.1 11, P2.2 1, P2.3 12, P2.4 6 No answers turned Yes; the
        // cheapest three points are 1 + 6 + 11 = 18 (P2.2 to Good alone costs 19 for two points).
        overall.GetProperty("fewestAnswers").GetInt64().ShouldBe(18);
        overall.GetProperty("plan").EnumerateArray()
            .Select(s => (s.GetProperty("standard").GetString()!, s.GetProperty("target").GetString()!, s.GetProperty("noAnswersTurnedYes").GetInt64()))
            .ShouldBe(new[] { ("P2.1", "RequiresImprovement", 11L), ("P2.2", "RequiresImprovement", 1L), ("P2.4", "RequiresImprovement", 6L) });
        Standard(json, "P2.2").GetProperty("couldChangeWithOneOrTwoAnswers").GetBoolean().ShouldBeTrue();
        Standard(json, "P2.1").GetProperty("couldChangeWithOneOrTwoAnswers").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public void Explain_text_says_when_one_or_two_answers_could_change_a_band_and_gives_the_cheapest_path()
    {
        var (exit, output, error) = Tool.Run("explain", CaseSeed);
        exit.ShouldBe(0, error);
        output.ShouldContain("this band could change with 1 or 2 answers: up with 1 No answer turned Yes");
        output.ShouldContain("cheapest path to Requires improvement: 18 No answers turned Yes");
        output.ShouldContain("P2.4 Reviewing to Requires improvement (+1 point): 6 No answers turned Yes (P2.4.3 +6)");
    }

    [Test]
    public void Plan_gives_the_cases_an_audit_needs()
    {
        var (exit, output, error) = Tool.Run("plan", "--share", "50", "--half-width", "10", "--format", "json");
        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var n = json.RootElement.GetProperty("relevant").GetInt64();

        // The normal approximation says 97 (1.96² x 0.25 / 0.01 = 96.04); the exact interval is a little wider.
        n.ShouldBeInRange(97, 110);
        var interval = json.RootElement.GetProperty("interval");
        (interval.GetProperty("high").GetDouble() - interval.GetProperty("low").GetDouble()).ShouldBeLessThanOrEqualTo(20);

        (exit, output, error) = Tool.Run("plan", "--share", "70");
        exit.ShouldBe(0, error);
        output.ShouldContain("relevant cases for the 95% Clopper-Pearson interval around 70% to lie inside Good (65-80%)");

        (exit, _, error) = Tool.Run("plan", "--share", "140");
        exit.ShouldBe(2);
        error.ShouldContain("--share '140' is not a percentage from 0 to 100");
    }

    private static JsonElement Standard(JsonDocument json, string id) =>
        json.RootElement.GetProperty("standards").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static JsonElement KeyQuestion(JsonDocument json, string standard, string id) =>
        Standard(json, standard).GetProperty("keyQuestions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == id);
}
