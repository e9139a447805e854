using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// R1, R8: the overall table is data. An auditor who corrects it in a framework file of their own (here to the
/// "sixths" table research section 14 describes, 0-3 / 4-10 / 11-17 / 18-21) changes the rating with no code.
/// </summary>
public class FrameworkFileTests
{
    [Test]
    public void A_corrected_overall_table_loaded_with_framework_file_changes_the_overall_rating()
    {
        var framework = EmbeddedFramework();
        framework["versionId"] = "2023.1-sixths";
        framework["overallBands"]![0]!["bands"] = JsonNode.Parse("""
            [ { "rating": "Inadequate", "fromScore": 0, "toScore": 3 },
              { "rating": "RequiresImprovement", "fromScore": 4, "toScore": 10 },
              { "rating": "Good", "fromScore": 11, "toScore": 17 },
              { "rating": "Outstanding", "fromScore": 18, "toScore": 21 } ]
            """);
        File.WriteAllText("sixths.json", framework.ToJsonString());
        var vector = Path.Combine(Tool.Seeds, "vectors", "overall-total-05.json");

        var (_, standard, _) = Tool.Run("rate", vector);
        standard.ShouldContain("Score 5/21");
        standard.ShouldContain("Overall rating: Inadequate");

        var (exit, corrected, error) = Tool.Run("rate", vector, "--framework-file", "sixths.json");
        exit.ShouldBe(0, error);
        corrected.ShouldContain("Score 5/21");
        corrected.ShouldContain("Overall rating: Requires improvement");
        corrected.ShouldContain("data version 2023.1-sixths");
    }

    [Test]
    public void A_framework_file_with_a_gap_in_its_overall_table_is_refused()
    {
        var framework = EmbeddedFramework();
        framework["overallBands"]![0]!["bands"]![1]!["fromScore"] = 7;
        File.WriteAllText("gap.json", framework.ToJsonString());

        var (exit, output, error) = Tool.Run("rate", Path.Combine(Tool.Seeds, "nottinghamshire-pdu-2025.json"), "--framework-file", "gap.json");
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Trim().ShouldBe("error: gap.json: $.overallBands[0].bands[1].fromScore: gap: no band covers score 6");
    }

    private static JsonNode EmbeddedFramework()
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream("Probation.Standards.Frameworks.probation-pdu-2023.json")!;
        return JsonNode.Parse(stream)!;
    }
}
