using System.Text;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>R3, R10: numbers are read exactly from their JSON text, or refused with a reason; never rounded.</summary>
public class NumberReadingTests
{
    private static string Document(string p211) => $$"""
        { "framework": "probation-pdu-2023", "unit": "Numbers",
          "organisational": { "P1.1": "Good", "P1.2": "Good", "P1.3": "Good" },
          "keyQuestions": { "P2.1.1": {{p211}}, "P2.1.2": 90, "P2.1.3": 90, "P2.2.1": 90, "P2.2.2": 90, "P2.2.3": 90,
                            "P2.3.1": 90, "P2.3.2": 90, "P2.3.3": 90, "P2.4.1": 90, "P2.4.2": 90, "P2.4.3": 90 } }
        """;

    private static FindingsDocument Read(string p211) => FindingsReader.Read(Encoding.UTF8.GetBytes(Document(p211)), "n.json");

    [Test]
    public void R3_a_percentage_with_sixteen_decimal_places_is_taken_exactly()
    {
        // 64.9999999999999999 is below 65 by 10^-16: Requires improvement on the exact ratio, Good once rounded.
        var result = Rater.Rate(Read("64.9999999999999999").Input);
        var assessment = result.GetStandard("P2.1");
        assessment.Rating.ShouldBe(Rating.RequiresImprovement);
        assessment.KeyQuestions[0].Tally.ShouldBe(new KeyQuestionTally(649_999_999_999_999_999, 1_000_000_000_000_000_000));
        result.Warnings.ShouldContain(w => w.Code == WarningCode.BoundarySensitive && w.StandardId == "P2.1");
    }

    [TestCase("{ \"yes\": 2.0, \"relevant\": 4 }", 2L, 4L, Description = "2.0 is the number 2")]
    [TestCase("{ \"yes\": 6e1, \"relevant\": 1e2 }", 60L, 100L, Description = "exponents that give whole numbers")]
    public void R3_counts_written_as_whole_valued_numbers_are_read(string counts, long yes, long relevant)
    {
        var outcome = Rater.Rate(Read(counts).Input).GetStandard("P2.1").KeyQuestions[0];
        outcome.Tally.ShouldBe(new KeyQuestionTally(yes, relevant));
    }

    [TestCase("{ \"yes\": 2.5, \"relevant\": 4 }", "$.keyQuestions['P2.1.1'].yes", "2.5 is not a whole number")]
    [TestCase("{ \"yes\": 1, \"relevant\": 9223372036854775808 }", "$.keyQuestions['P2.1.1'].relevant", "too large")]
    [TestCase("{ \"yes\": 1, \"relevant\": 1e23 }", "$.keyQuestions['P2.1.1'].relevant", "too large")]
    [TestCase("{ \"yes\": \"1\", \"relevant\": 4 }", "$.keyQuestions['P2.1.1'].yes", "is not a number")]
    public void Counts_that_are_not_whole_numbers_of_cases_are_refused_with_the_reason(string counts, string path, string problem)
    {
        var error = Should.Throw<InvalidInputException>(() => Read(counts));
        error.Problems[0].Path.ShouldBe(path);
        error.Problems[0].Message.ShouldContain(problem);
    }
}
