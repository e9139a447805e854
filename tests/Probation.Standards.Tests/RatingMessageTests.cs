using Probation.Standards.Scoring;
using Probation.Standards.Testing;

namespace Probation.Standards.Tests;

// Inside Probation.Standards, a bare Findings is the reader's namespace; the alias names the Testing package's builder.
using Findings = Probation.Standards.Testing.Findings;

/// <summary>
/// The rater's warnings word for word (R4, R5, R8), and the display arithmetic at its limits: an auditor reads these
/// messages, so a changed word is a changed result.
/// </summary>
public class RatingMessageTests
{
    // 31/48 = 64.58%: Requires improvement exactly, printed 65% and Good when rounded.
    [TestCase(BandingBasis.ExactRatio, "P2.1", "P2.1.1", "P2.1 is boundary-sensitive: P2.1.1 at 31/48 (64.58%, printed 65%) is Requires improvement on the exact ratio but Good on the rounded percentage")]
    [TestCase(BandingBasis.RoundedPercentage, "P2.3", "P2.3.2", "P2.3 is boundary-sensitive: P2.3.2 at 31/48 (64.58%, printed 65%) is Good on the rounded percentage but Requires improvement on the exact ratio")]
    public void R4_a_driver_on_a_band_edge_by_one_basis_only_is_named_with_both_ratings_basis_in_use_first(BandingBasis basis, string standardId, string keyQuestionId, string message)
    {
        var result = Findings.For("Wessex North").KeyQuestion(keyQuestionId, yes: 31, relevant: 48).Rate(new RatingOptions(basis));
        var warning = result.Warnings.Single(w => w.Code == WarningCode.BoundarySensitive);
        warning.Message.ShouldBe(message);
        warning.StandardId.ShouldBe(standardId);
        warning.KeyQuestionId.ShouldBe(keyQuestionId);
    }

    [Test]
    public void R4_a_driver_in_the_same_band_on_both_bases_raises_no_boundary_warning()
    {
        // 32/48 = 66.67%, printed 67%: Good either way.
        Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 32, relevant: 48).Rate().Warnings
            .ShouldNotContain(w => w.Code == WarningCode.BoundarySensitive);
    }

    [Test]
    public void R5_a_skipped_key_question_and_an_unrated_standard_are_named_in_their_messages()
    {
        var result = Findings.For("Wessex North")
            .KeyQuestion("P2.2.1", yes: 0, relevant: 0)
            .KeyQuestion("P2.4.1", yes: 0, relevant: 0)
            .KeyQuestion("P2.4.2", yes: 0, relevant: 0)
            .KeyQuestion("P2.4.3", yes: 0, relevant: 0)
            .Rate();

        var skipped = result.Warnings.Where(w => w.Code == WarningCode.KeyQuestionSkipped).ToList();
        skipped.Select(w => w.Message).ShouldBe(new[]
        {
            "P2.2.1 has no relevant case and was skipped in rating P2.2",
            "P2.4.1 has no relevant case and was skipped in rating P2.4",
            "P2.4.2 has no relevant case and was skipped in rating P2.4",
            "P2.4.3 has no relevant case and was skipped in rating P2.4",
        });
        skipped.Select(w => (w.StandardId, w.KeyQuestionId)).ShouldBe(new (string?, string?)[]
        {
            ("P2.2", "P2.2.1"), ("P2.4", "P2.4.1"), ("P2.4", "P2.4.2"), ("P2.4", "P2.4.3"),
        });

        var notRated = result.Warnings.Single(w => w.Code == WarningCode.StandardNotRated);
        notRated.Message.ShouldBe("P2.4 is not rated: none of its key questions has a relevant case");
        notRated.StandardId.ShouldBe("P2.4");
        notRated.KeyQuestionId.ShouldBeNull();

        // P2.2 still rated on its other two key questions (10/10 each by default).
        result.ShouldRate("P2.2", Rating.Outstanding);
        result.ShouldRate("P2.4", Rating.NotRated);
    }

    [Test]
    public void R8_one_standard_not_rated_leaves_a_maximum_of_18_without_a_table_and_says_is()
    {
        var result = Findings.For("Wessex North").Standard("P2.4", yes: 0, relevant: 0).Rate();
        result.Overall.ShouldBe(Rating.NotRated);
        result.MaxScore.ShouldBe(18);
        var warning = result.Warnings.Single(w => w.Code == WarningCode.OverallNotRated);
        warning.Message.ShouldBe("overall not rated: P2.4 is not rated, and probation-pdu-2023 has no overall table for a maximum of 18");
        warning.StandardId.ShouldBe("P2.4");
    }

    [Test]
    public void R8_two_standards_not_rated_are_listed_in_order_and_say_are()
    {
        var result = Findings.For("Wessex North").Standard("P2.2", yes: 0, relevant: 0).Standard("P2.4", yes: 0, relevant: 0).Rate();
        result.MaxScore.ShouldBe(15);
        var warning = result.Warnings.Single(w => w.Code == WarningCode.OverallNotRated);
        warning.Message.ShouldBe("overall not rated: P2.2, P2.4 are not rated, and probation-pdu-2023 has no overall table for a maximum of 15");
        warning.StandardId.ShouldBe("P2.2");
    }

    [Test]
    public void R8_a_fully_rated_unit_has_no_overall_warning_and_its_score_is_the_sum_of_points()
    {
        // Judgements Good (2 each), the four case standards Outstanding (3 each): 6 + 12 = 18 of 21.
        var result = Findings.For("Wessex North").Rate();
        result.Warnings.ShouldNotContain(w => w.Code == WarningCode.OverallNotRated);
        result.ShouldScore(18, 21);
    }

    [TestCase(-1)]
    [TestCase(19)]
    [TestCase(int.MinValue)]
    [TestCase(int.MaxValue)]
    public void DisplayPercent_refuses_decimal_places_outside_0_to_18(int decimals)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Banding.DisplayPercent(new KeyQuestionTally(1, 3), decimals));
        ex.ParamName.ShouldBe("decimals");
        ex.ActualValue.ShouldBe(decimals);
        ex.Message.ShouldStartWith("0 to 18 decimal places");
    }

    [TestCase(0, "33")]
    [TestCase(1, "33.3")]
    [TestCase(18, "33.333333333333333333")]
    public void DisplayPercent_accepts_0_1_and_18_places_rounding_half_up(int decimals, string expected) =>
        Banding.DisplayPercent(new KeyQuestionTally(1, 3), decimals).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void DisplayPercent_rounds_a_half_up_not_to_even()
    {
        // 1/8 = 12.5%: 13 at no decimals (banker's rounding would give 12); 5/8 = 62.5% gives 63.
        Banding.DisplayPercent(new KeyQuestionTally(1, 8), 0).ShouldBe(13m);
        Banding.DisplayPercent(new KeyQuestionTally(5, 8), 0).ShouldBe(63m);
        Banding.DisplayPercent(new KeyQuestionTally(1, 8), 2).ShouldBe(12.5m);
    }
}
