using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R4: the band of a key-question result, on the exact ratio by default or the rounded percentage.</summary>
public class BandingTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    [TestCase(49, 100, Rating.Inadequate)]
    [TestCase(50, 100, Rating.RequiresImprovement)]
    [TestCase(64, 100, Rating.RequiresImprovement)]
    [TestCase(65, 100, Rating.Good)]
    [TestCase(79, 100, Rating.Good)]
    [TestCase(80, 100, Rating.Outstanding)]
    [TestCase(0, 1, Rating.Inadequate)]
    [TestCase(0, 100, Rating.Inadequate)]
    [TestCase(1, 1, Rating.Outstanding, Description = "100% is in the top band")]
    [TestCase(100, 100, Rating.Outstanding)]
    public void R4_band_edges_are_the_same_on_both_bases_for_whole_percentages(long yes, long relevant, Rating expected)
    {
        var tally = new KeyQuestionTally(yes, relevant);
        Banding.BandOf(Framework, tally, BandingBasis.ExactRatio)!.Rating.ShouldBe(expected);
        Banding.BandOf(Framework, tally, BandingBasis.RoundedPercentage)!.Rating.ShouldBe(expected);
    }

    [TestCase(99, 200, Rating.Inadequate, Rating.RequiresImprovement, Description = "49.5% prints 50%")]
    [TestCase(129, 200, Rating.RequiresImprovement, Rating.Good, Description = "64.5% prints 65%")]
    [TestCase(159, 200, Rating.Good, Rating.Outstanding, Description = "79.5% prints 80%")]
    [TestCase(31, 48, Rating.RequiresImprovement, Rating.Good, Description = "64.58% prints 65%")]
    [TestCase(63, 79, Rating.Good, Rating.Outstanding, Description = "79.75% prints 80%")]
    [TestCase(989, 2000, Rating.Inadequate, Rating.Inadequate, Description = "49.45% prints 49%")]
    [TestCase(1289, 2000, Rating.RequiresImprovement, Rating.RequiresImprovement, Description = "64.45% prints 64%")]
    [TestCase(1599, 2000, Rating.Good, Rating.Outstanding, Description = "79.95% prints 80%")]
    [TestCase(1589, 2000, Rating.Good, Rating.Good, Description = "79.45% prints 79%")]
    public void R4_exact_and_rounded_bases_differ_only_where_rounding_crosses_an_edge(long yes, long relevant, Rating exact, Rating rounded)
    {
        var tally = new KeyQuestionTally(yes, relevant);
        Banding.BandOf(Framework, tally, BandingBasis.ExactRatio)!.Rating.ShouldBe(exact);
        Banding.BandOf(Framework, tally, BandingBasis.RoundedPercentage)!.Rating.ShouldBe(rounded);
    }

    [Test]
    public void R4_a_tally_with_no_result_has_no_band()
    {
        Banding.BandOf(Framework, KeyQuestionTally.Zero, BandingBasis.ExactRatio).ShouldBeNull();
        Banding.BandOf(Framework, KeyQuestionTally.Zero, BandingBasis.RoundedPercentage).ShouldBeNull();
    }

    [TestCase(65, 100, 65, BandingBasis.ExactRatio, true)]
    [TestCase(64, 100, 65, BandingBasis.ExactRatio, false)]
    [TestCase(129, 200, 65, BandingBasis.ExactRatio, false)]
    [TestCase(129, 200, 65, BandingBasis.RoundedPercentage, true)]
    [TestCase(1289, 2000, 65, BandingBasis.RoundedPercentage, false)]
    [TestCase(0, 7, 0, BandingBasis.ExactRatio, true)]
    [TestCase(0, 7, 0, BandingBasis.RoundedPercentage, true)]
    [TestCase(1, 200, 1, BandingBasis.RoundedPercentage, true)]
    [TestCase(1, 201, 1, BandingBasis.RoundedPercentage, false)]
    public void R4_Reaches_compares_with_the_band_edge(long yes, long relevant, int from, BandingBasis basis, bool reaches)
    {
        Banding.Reaches(new KeyQuestionTally(yes, relevant), from, basis).ShouldBe(reaches);
    }

    [Test]
    public void R4_comparisons_are_exact_even_where_floating_point_cannot_tell()
    {
        // 65% of 9e18 is 5.85e18; one Yes fewer is 64.99999999999999998...%, which a double rounds to 0.65.
        const long relevant = 9_000_000_000_000_000_000;
        const long atEdge = 5_850_000_000_000_000_000;
        ((double)(atEdge - 1) / relevant).ShouldBe(0.65); // the trap
        Banding.BandOf(Framework, new KeyQuestionTally(atEdge, relevant), BandingBasis.ExactRatio)!.Rating.ShouldBe(Rating.Good);
        Banding.BandOf(Framework, new KeyQuestionTally(atEdge - 1, relevant), BandingBasis.ExactRatio)!.Rating.ShouldBe(Rating.RequiresImprovement);
    }

    [Test]
    public void R4_huge_counts_in_a_document_are_compared_exactly()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.3.2", 5_849_999_999_999_999_999, 9_000_000_000_000_000_000));
        result.StandardOf("P2.3").Rating.ShouldBe(Rating.RequiresImprovement);
        result.StandardOf("P2.3").DrivenBy.ShouldBe("P2.3.2");
    }

    [TestCase(31, 48, 65)]
    [TestCase(19, 60, 32)]
    [TestCase(1, 200, 1, Description = "0.5% rounds half up")]
    [TestCase(1, 3, 33)]
    [TestCase(2, 3, 67)]
    [TestCase(99, 200, 50)]
    [TestCase(0, 5, 0)]
    [TestCase(5, 5, 100)]
    public void R4_RoundedPercent_rounds_half_up_to_a_whole_number(long yes, long relevant, int expected)
    {
        Banding.RoundedPercent(new KeyQuestionTally(yes, relevant)).ShouldBe(expected);
    }

    [TestCase(31, 48, "64.58")]
    [TestCase(19, 60, "31.67")]
    [TestCase(2, 3, "66.67")]
    [TestCase(1, 6, "16.67")]
    [TestCase(1, 8, "12.5")]
    [TestCase(1, 800, "0.13", Description = "0.125 rounds half up")]
    [TestCase(7, 7, "100")]
    public void R4_DisplayPercent_is_the_exact_share_to_two_decimals(long yes, long relevant, string expected)
    {
        Banding.DisplayPercent(new KeyQuestionTally(yes, relevant)).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase(49, BandingBasis.ExactRatio, Rating.Inadequate)]
    [TestCase(50, BandingBasis.ExactRatio, Rating.RequiresImprovement)]
    [TestCase(64, BandingBasis.ExactRatio, Rating.RequiresImprovement)]
    [TestCase(65, BandingBasis.ExactRatio, Rating.Good)]
    [TestCase(79, BandingBasis.ExactRatio, Rating.Good)]
    [TestCase(80, BandingBasis.ExactRatio, Rating.Outstanding)]
    [TestCase(49, BandingBasis.RoundedPercentage, Rating.Inadequate)]
    [TestCase(50, BandingBasis.RoundedPercentage, Rating.RequiresImprovement)]
    [TestCase(64, BandingBasis.RoundedPercentage, Rating.RequiresImprovement)]
    [TestCase(65, BandingBasis.RoundedPercentage, Rating.Good)]
    [TestCase(79, BandingBasis.RoundedPercentage, Rating.Good)]
    [TestCase(80, BandingBasis.RoundedPercentage, Rating.Outstanding)]
    public void R4_band_edges_through_the_rater(long yes, BandingBasis basis, Rating expected)
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.2.2", yes, 100), new RatingOptions(basis));
        result.Basis.ShouldBe(basis);
        result.StandardOf("P2.2").Rating.ShouldBe(expected);
        result.StandardOf("P2.2").DrivenBy.ShouldBe("P2.2.2");
        result.Warnings.ShouldNotContain(w => w.Code == WarningCode.BoundarySensitive);
    }

    [Test]
    public void R4_31_of_48_is_Requires_improvement_by_default_with_a_boundary_warning()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.1", 31, 48));
        result.Basis.ShouldBe(BandingBasis.ExactRatio);
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.RequiresImprovement);
        result.StandardOf("P2.1").DrivenBy.ShouldBe("P2.1.1");
        result.Outcome("P2.1.1").RoundedPercent.ShouldBe(65);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCode.BoundarySensitive);
        warning.StandardId.ShouldBe("P2.1");
        warning.KeyQuestionId.ShouldBe("P2.1.1");
    }

    [Test]
    public void R4_31_of_48_is_Good_on_the_rounded_basis_with_the_same_boundary_warning()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.1", 31, 48), new RatingOptions(BandingBasis.RoundedPercentage));
        result.Basis.ShouldBe(BandingBasis.RoundedPercentage);
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.Good);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCode.BoundarySensitive);
        warning.StandardId.ShouldBe("P2.1");
        warning.KeyQuestionId.ShouldBe("P2.1.1");
    }

    [Test]
    public void R4_a_published_64_5_percent_is_boundary_sensitive()
    {
        var doc = Docs.Aggregate();
        doc["keyQuestions"]!["P2.4.3"] = 64.5m;
        var exact = Docs.Rate(doc);
        var rounded = Docs.Rate(doc, new RatingOptions(BandingBasis.RoundedPercentage));
        exact.StandardOf("P2.4").Rating.ShouldBe(Rating.RequiresImprovement);
        rounded.StandardOf("P2.4").Rating.ShouldBe(Rating.Good);
        exact.Warnings.ShouldContain(w => w.Code == WarningCode.BoundarySensitive && w.KeyQuestionId == "P2.4.3");
        rounded.Warnings.ShouldContain(w => w.Code == WarningCode.BoundarySensitive && w.KeyQuestionId == "P2.4.3");
    }

    [Test]
    public void R4_no_boundary_warning_for_a_key_question_that_does_not_drive()
    {
        // P2.1.2 at 31/48 would be boundary-sensitive, but P2.1.1 at 40/100 drives P2.1 (Inadequate on both bases).
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.2", 31, 48).WithCounts("P2.1.1", 40, 100));
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.Inadequate);
        result.StandardOf("P2.1").DrivenBy.ShouldBe("P2.1.1");
        result.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void R4_the_Nottinghamshire_published_result_has_no_boundary_warning()
    {
        using var stream = File.OpenRead(Seeds.PathOf("nottinghamshire-pdu-2025.json"));
        var result = Rater.Rate(FindingsReader.Read(stream, "nottinghamshire-pdu-2025.json").Input);
        result.Warnings.ShouldBeEmpty();
    }
}
