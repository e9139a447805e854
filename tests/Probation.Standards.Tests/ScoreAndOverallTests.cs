using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R8: points per rating, the score out of 21 and the overall rating; reduced maximum when a standard is not rated.</summary>
public class ScoreAndOverallTests
{
    [TestCase(Rating.Inadequate, 0)]
    [TestCase(Rating.RequiresImprovement, 1)]
    [TestCase(Rating.Good, 2)]
    [TestCase(Rating.Outstanding, 3)]
    [TestCase(Rating.NotRated, 0)]
    public void R8_points_per_rating(Rating rating, int points)
    {
        FrameworkCatalog.DefaultFramework.GetPoints(rating).ShouldBe(points);
    }

    [TestCase(0, Rating.Inadequate)]
    [TestCase(5, Rating.Inadequate)]
    [TestCase(6, Rating.RequiresImprovement)]
    [TestCase(10, Rating.RequiresImprovement)]
    [TestCase(11, Rating.Good)]
    [TestCase(15, Rating.Good)]
    [TestCase(16, Rating.Outstanding)]
    [TestCase(21, Rating.Outstanding)]
    public void R8_overall_bands_of_the_21_point_table(int score, Rating overall)
    {
        FrameworkCatalog.DefaultFramework.GetOverallBands(21).GetRating(score).ShouldBe(overall);
    }

    [Test]
    public void R8_score_is_the_sum_of_the_seven_standards_points()
    {
        // P1: Outstanding 3, Requires improvement 1, Inadequate 0;
        // P2.1 90% Outstanding 3, P2.2 70% Good 2, P2.3 55% RI 1, P2.4 10% Inadequate 0. 4 + 6 = 10 of 21: RI.
        var doc = Docs.Aggregate()
            .WithCounts("P2.2.1 P2.2.2 P2.2.3", 70, 100)
            .WithCounts("P2.3.1 P2.3.2 P2.3.3", 55, 100)
            .WithCounts("P2.4.1 P2.4.2 P2.4.3", 10, 100);
        doc["organisational"]!["P1.1"] = "Outstanding";
        doc["organisational"]!["P1.2"] = "RequiresImprovement";
        doc["organisational"]!["P1.3"] = "Inadequate";
        var result = Docs.Rate(doc);
        result.Standards.Select(s => s.Points).ShouldBe(new[] { 3, 1, 0, 3, 2, 1, 0 });
        result.Score.ShouldBe(10);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.RequiresImprovement);
        result.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void R8_Nottinghamshire_1_1_1_0_0_0_0_is_3_of_21_Inadequate()
    {
        var result = Docs.Rate(Docs.Aggregate("RequiresImprovement", 40, 100));
        result.Standards.Select(s => s.Points).ShouldBe(new[] { 1, 1, 1, 0, 0, 0, 0 });
        result.Score.ShouldBe(3);
        result.Overall.ShouldBe(Rating.Inadequate);
    }

    [Test]
    public void R8_a_NotRated_case_standard_gives_max_18_and_overall_NotRated_with_a_warning_naming_it()
    {
        // 3 x Good (6) + P2.1, P2.3, P2.4 Outstanding (9) = 15 of 18; no 18-point table, so overall NotRated.
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.2.1 P2.2.2 P2.2.3", 0, 0));
        result.Score.ShouldBe(15);
        result.MaxScore.ShouldBe(18);
        result.Overall.ShouldBe(Rating.NotRated);
        var warning = result.Warnings.Single(w => w.Code == WarningCode.OverallNotRated);
        warning.StandardId.ShouldBe("P2.2");
        warning.Message.ShouldContain("P2.2");
    }

    [Test]
    public void R8_a_NotRated_organisational_standard_gives_max_18_and_overall_NotRated_with_a_warning_naming_it()
    {
        var doc = Docs.Aggregate();
        doc["organisational"]!["P1.2"] = "NotRated";
        var result = Docs.Rate(doc);
        result.Score.ShouldBe(16);
        result.MaxScore.ShouldBe(18);
        result.Overall.ShouldBe(Rating.NotRated);
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCode.OverallNotRated);
        warning.Message.ShouldContain("P1.2");
    }

    [Test]
    public void R8_two_NotRated_standards_give_max_15_and_the_warning_names_both()
    {
        var doc = Docs.Aggregate().WithCounts("P2.4.1 P2.4.2 P2.4.3", 0, 0);
        doc["organisational"]!["P1.1"] = "NotRated";
        var result = Docs.Rate(doc);
        result.Score.ShouldBe(2 + 2 + 9);
        result.MaxScore.ShouldBe(15);
        result.Overall.ShouldBe(Rating.NotRated);
        var warning = result.Warnings.Single(w => w.Code == WarningCode.OverallNotRated);
        warning.Message.ShouldContain("P1.1");
        warning.Message.ShouldContain("P2.4");
    }

    [Test]
    public void R8_a_framework_with_a_table_for_the_reduced_maximum_rates_overall()
    {
        // A user framework adds an 18-point table (0-4, 5-8, 9-13, 14-18): 15 of 18 is Outstanding, no warning.
        var json = FrameworkJson.DefaultCopy();
        json["id"] = "with-18";
        json["overallBands"]!.AsArray().Add(FrameworkCatalogTests.Table18());
        var catalog = FrameworkCatalog.Default.With(FrameworkJson.Read(json));
        var doc = Docs.Aggregate().WithCounts("P2.2.1 P2.2.2 P2.2.3", 0, 0);
        doc["framework"] = "with-18";
        var result = Docs.Rate(doc, catalog: catalog);
        result.Score.ShouldBe(15);
        result.MaxScore.ShouldBe(18);
        result.Overall.ShouldBe(Rating.Outstanding);
        result.Warnings.ShouldNotContain(w => w.Code == WarningCode.OverallNotRated);
    }

    [Test]
    public void R8_rating_from_merged_tallies_scores_the_same_as_from_the_document()
    {
        var doc = Docs.Aggregate().WithCases(
            Docs.Case("A", Docs.All("Yes")),
            Docs.Case("B", Docs.All("No")),
            Docs.Case("C", Docs.All("Yes")));
        var document = Docs.Read(doc, keepCases: true);
        var framework = document.Framework;
        var tallies = TallyBuilder.Tally(framework, document.Cases.Take(1)).Merge(TallyBuilder.Tally(framework, document.Cases.Skip(1)));
        var fromTallies = Rater.Rate(RatingInput.Create("Test PDU", tallies, document.Input.Judgements));

        // Every key question 2/3 = 66.7%: Good x 4 + Good x 3 = 14 of 21, Good.
        fromTallies.Score.ShouldBe(14);
        fromTallies.Overall.ShouldBe(Rating.Good);
        fromTallies.Standards.ShouldBe(Rater.Rate(document.Input).Standards);
    }
}
