using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>Percentages shown to people never round a ratio onto a band edge it has not reached.</summary>
public class PercentTextTests
{
    [TestCase(19L, 60L, "31.67", Description = "the report's P2.1.3")]
    [TestCase(30L, 60L, "50.00", Description = "exactly on the edge")]
    [TestCase(99L, 200L, "49.50")]
    [TestCase(1_299_999_999L, 2_000_000_000L, "64.99999995", Description = "two decimals would show 65.00")]
    [TestCase(1L, 3L, "33.33")]
    public void Shows_two_decimals_unless_they_would_claim_a_whole_number(long yes, long relevant, string expected) =>
        Banding.PercentText(new KeyQuestionTally(yes, relevant)).ShouldBe(expected);
}
