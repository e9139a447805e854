using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R6: organisational standards are inspectors' judgements, given as inputs, never computed.</summary>
public class OrganisationalStandardTests
{
    [TestCase("Outstanding", Rating.Outstanding, 3)]
    [TestCase("Good", Rating.Good, 2)]
    [TestCase("RequiresImprovement", Rating.RequiresImprovement, 1)]
    [TestCase("Requires improvement", Rating.RequiresImprovement, 1, Description = "the report's spelling")]
    [TestCase("requires improvement", Rating.RequiresImprovement, 1)]
    [TestCase("INADEQUATE", Rating.Inadequate, 0)]
    public void R6_a_judgement_passes_through_as_given(string text, Rating rating, int points)
    {
        var doc = Docs.Aggregate();
        doc["organisational"]!["P1.2"] = text;
        var standard = Docs.Rate(doc).StandardOf("P1.2");
        standard.Rating.ShouldBe(rating);
        standard.Points.ShouldBe(points);
        standard.RatedBy.ShouldBe(RatedBy.Judgement);
    }

    [Test]
    public void R6_a_judgement_is_not_computed_from_case_results()
    {
        // Every key question 100%, yet Leadership stays as the inspectors judged it.
        var doc = Docs.Aggregate(yes: 100, relevant: 100);
        doc["organisational"]!["P1.1"] = "Inadequate";
        var leadership = Docs.Rate(doc).StandardOf("P1.1");
        leadership.Rating.ShouldBe(Rating.Inadequate);
        leadership.ComputedRating.ShouldBeNull();
        leadership.DrivenBy.ShouldBeNull();
        leadership.KeyQuestions.Count.ShouldBe(0);
        leadership.Override.ShouldBeNull();
    }

    [TestCase("NotRated")]
    [TestCase("Not rated")]
    public void R6_a_NotRated_judgement_is_accepted_and_scores_nothing(string text)
    {
        var doc = Docs.Aggregate();
        doc["organisational"]!["P1.3"] = text;
        var result = Docs.Rate(doc);
        result.StandardOf("P1.3").Rating.ShouldBe(Rating.NotRated);
        result.StandardOf("P1.3").Points.ShouldBe(0);
        result.Score.ShouldBe(2 + 2 + 12); // P1.1, P1.2 Good; four case standards Outstanding
        result.MaxScore.ShouldBe(18);
    }
}
