using System.Text;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>R3: a published percentage is taken exactly, whatever its digits, within the literal limits of the format.</summary>
public class ExactPercentageTests
{
    private static RatingResult Rate(string p211, string p212 = "90")
    {
        var json = $$"""
            { "framework": "probation-pdu-2023", "unit": "Exact percentages",
              "organisational": { "P1.1": "Good", "P1.2": "Good", "P1.3": "Good" },
              "keyQuestions": { "P2.1.1": {{p211}}, "P2.1.2": {{p212}}, "P2.1.3": 90, "P2.2.1": 90, "P2.2.2": 90, "P2.2.3": 90,
                                "P2.3.1": 90, "P2.3.2": 90, "P2.3.3": 90, "P2.4.1": 90, "P2.4.2": 90, "P2.4.3": 90 } }
            """;
        return Rater.Rate(FindingsReader.Read(Encoding.UTF8.GetBytes(json), "exact.json").Input);
    }

    [TestCase("49.999999999999999999999", Rating.Inadequate)]
    [TestCase("64.99999999999999999999", Rating.RequiresImprovement)]
    [TestCase("79.99999999999999999999", Rating.Good)]
    [TestCase("80.00000000000000000000000000000000000001", Rating.Outstanding)]
    [TestCase("1e-100", Rating.Inadequate)]
    public void A_percentage_with_more_than_sixteen_decimal_places_is_banded_on_its_exact_value(string percent, Rating band)
    {
        Rate(percent).GetStandard("P2.1").KeyQuestions[0].Band.ShouldBe(band);
    }

    [Test]
    public void A_literal_of_one_hundred_characters_just_below_an_edge_stays_below_it()
    {
        var literal = "64." + new string('9', 97);
        literal.Length.ShouldBe(100);
        var assessment = Rate(literal).GetStandard("P2.1");
        assessment.Rating.ShouldBe(Rating.RequiresImprovement);
        assessment.KeyQuestions[0].PublishedPercent!.Value.ShouldBeLessThan(65m);
    }

    [Test]
    public void The_lower_of_two_percentages_that_agree_to_sixteen_places_drives_the_standard()
    {
        // Cut to 16 places the two are equal, and the first in framework order would keep the driver (R5);
        // exactly, P2.1.2 is lower by 9 * 10^-21.
        var assessment = Rate("70.00000000000000001", "70.000000000000000001").GetStandard("P2.1");
        assessment.DrivenBy.ShouldBe("P2.1.2");
        Rate("70.000000000000000001", "70.00000000000000001").GetStandard("P2.1").DrivenBy.ShouldBe("P2.1.1");
    }

    [Test]
    public void A_published_percentage_against_counts_compares_exactly()
    {
        // 2/3 = 66.666...%; 66.66666666666666666667 is just above it, so the counts drive.
        var assessment = Rate("66.66666666666666666667", "{ \"yes\": 2, \"relevant\": 3 }").GetStandard("P2.1");
        assessment.DrivenBy.ShouldBe("P2.1.2");
        Rate("66.66666666666666666666", "{ \"yes\": 2, \"relevant\": 3 }").GetStandard("P2.1").DrivenBy.ShouldBe("P2.1.1");
    }

    [Test]
    public void PublishedPercentage_Create_takes_every_decimal_place_of_a_decimal()
    {
        var published = PublishedPercentage.Create("P2.1.1", 64.999999999999999999999999m);
        published.Percent.ShouldBe(64.999999999999999999999999m);
        published.Tally.ShouldBe(new KeyQuestionTally(649_999_999_999_999_999, 1_000_000_000_000_000_000));
        Should.Throw<ArgumentOutOfRangeException>(() => PublishedPercentage.Create("P2.1.1", 100.0000000000000000000001m));
    }
}
