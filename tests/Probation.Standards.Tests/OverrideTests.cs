using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R7: an override replaces the final rating of a case standard; the computed rating is kept beside it.</summary>
public class OverrideTests
{
    [Test]
    public void R7_an_upgrade_keeps_the_computed_rating_and_the_final_one_scores()
    {
        // P2.3 at 45/100 computes Inadequate; overridden to Good.
        // Without the override: 3 x 2 + 3 x 3 + 0 = 15, Good. With it: 15 + 2 = 17, Outstanding.
        var doc = Docs.Aggregate().WithCounts("P2.3.1 P2.3.2 P2.3.3", 45, 100)
            .WithOverride("P2.3", "Good", "inspectors' discretion: delivery was sound in context");
        var result = Docs.Rate(doc);

        var delivery = result.StandardOf("P2.3");
        delivery.Rating.ShouldBe(Rating.Good);
        delivery.ComputedRating.ShouldBe(Rating.Inadequate);
        delivery.DrivenBy.ShouldBe("P2.3.1");
        delivery.Points.ShouldBe(2);
        delivery.Override.ShouldNotBeNull();
        delivery.Override.Rating.ShouldBe(Rating.Good);
        delivery.Override.Reason.ShouldBe("inspectors' discretion: delivery was sound in context");
        result.Score.ShouldBe(17);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.Outstanding);
    }

    [Test]
    public void R7_a_downgrade_keeps_the_computed_rating_and_the_final_one_scores()
    {
        // P2.1 computes Outstanding (90/100); overridden to Inadequate: 6 + 0 + 9 = 15, Good (not 18, Outstanding).
        var result = Docs.Rate(Docs.Aggregate().WithOverride("P2.1", "Inadequate", "evidence outside the case sample"));
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.Inadequate);
        result.StandardOf("P2.1").ComputedRating.ShouldBe(Rating.Outstanding);
        result.StandardOf("P2.1").Points.ShouldBe(0);
        result.Score.ShouldBe(15);
        result.Overall.ShouldBe(Rating.Good);
    }

    [Test]
    public void R7_a_standard_without_override_has_final_equal_to_computed()
    {
        var result = Docs.Rate(Docs.Aggregate().WithOverride("P2.1", "Good", "reason"));
        var planning = result.StandardOf("P2.2");
        planning.Override.ShouldBeNull();
        planning.Rating.ShouldBe(planning.ComputedRating!.Value);
    }

    [Test]
    public void R7_an_override_of_a_NotRated_standard_makes_it_score()
    {
        // The final rating is what scores: P2.2 computes NotRated, final Good, so it counts (6 + 9 + 2 = 17 of 21).
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.2.1 P2.2.2 P2.2.3", 0, 0).WithOverride("P2.2", "Good", "judged from other evidence"));
        result.StandardOf("P2.2").ComputedRating.ShouldBe(Rating.NotRated);
        result.StandardOf("P2.2").Rating.ShouldBe(Rating.Good);
        result.Score.ShouldBe(17);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.Outstanding);
    }

    private static TallySet AllYes()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var answers = framework.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, Answer.Yes));
        return TallyBuilder.Tally(framework, new[] { InspectedCase.Create(framework, "A", answers) });
    }

    private static readonly JudgementRating[] Good =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.Good),
    };

    [TestCase("")]
    [TestCase("   ")]
    public void R7_an_override_without_a_reason_is_refused_through_the_api_too(string reason)
    {
        // The reason is mandatory (R7) whichever way the override arrives; the reader enforces it, so must the rater.
        Should.Throw<ArgumentException>(() =>
            Rater.Rate(RatingInput.Create("Test PDU", AllYes(), Good, overrides: new[] { new RatingOverride("P2.1", Rating.Inadequate, reason) })));
    }

    [Test]
    public void R7_an_override_of_a_judgement_standard_is_refused_through_the_api_too()
    {
        // Only case standards can be overridden (R7); silently ignoring the override hides the mistake (R10).
        Should.Throw<ArgumentException>(() =>
            Rater.Rate(RatingInput.Create("Test PDU", AllYes(), Good, overrides: new[] { new RatingOverride("P1.1", Rating.Inadequate, "because") })));
    }

    [TestCase(null, "$.overrides['P2.3'].reason", Description = "no reason")]
    [TestCase("", "$.overrides['P2.3'].reason", Description = "an empty reason")]
    [TestCase("   ", "$.overrides['P2.3'].reason", Description = "a blank reason")]
    public void R7_an_override_needs_a_reason(string? reason, string path)
    {
        var error = Docs.Rejects(Docs.Aggregate().WithOverride("P2.3", "Good", reason));
        error.Problems[0].Path.ShouldBe(path);
        error.Problems[0].Message.ShouldContain("reason");
    }

    [Test]
    public void R7_only_case_standards_can_be_overridden()
    {
        var error = Docs.Rejects(Docs.Aggregate().WithOverride("P1.1", "Good", "because"));
        error.Problems[0].Path.ShouldBe("$.overrides['P1.1']");
        error.Problems[0].Message.ShouldContain("P1.1");
    }
}
