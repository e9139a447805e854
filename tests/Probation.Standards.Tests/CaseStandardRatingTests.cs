using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R5: a case standard is rated by the band of its lowest key-question result.</summary>
public class CaseStandardRatingTests
{
    [Test]
    public void R5_Nottinghamshire_planning_50_72_48_is_Inadequate_driven_by_48()
    {
        var doc = Docs.Aggregate();
        doc["keyQuestions"]!["P2.2.1"] = 50;
        doc["keyQuestions"]!["P2.2.2"] = 72;
        doc["keyQuestions"]!["P2.2.3"] = 48;
        var planning = Docs.Rate(doc).StandardOf("P2.2");
        planning.Rating.ShouldBe(Rating.Inadequate);
        planning.ComputedRating.ShouldBe(Rating.Inadequate);
        planning.DrivenBy.ShouldBe("P2.2.3");
        planning.KeyQuestions.Select(k => k.Band).ShouldBe(new[] { Rating.RequiresImprovement, Rating.Good, Rating.Inadequate });
    }

    [Test]
    public void R5_the_lowest_exact_ratio_drives_not_the_fewest_yes_answers()
    {
        // 60/90 = 66.7% is below 7/10 = 70% despite more Yes answers; both Good.
        var standard = Docs.Rate(Docs.Aggregate().WithCounts("P2.3.1", 7, 10).WithCounts("P2.3.2", 60, 90)).StandardOf("P2.3");
        standard.DrivenBy.ShouldBe("P2.3.2");
        standard.Rating.ShouldBe(Rating.Good);
    }

    [Test]
    public void R5_the_lowest_drives_even_when_it_is_the_first()
    {
        var standard = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.1", 10, 100)).StandardOf("P2.1");
        standard.DrivenBy.ShouldBe("P2.1.1");
        standard.Rating.ShouldBe(Rating.Inadequate);
    }

    [TestCase("2/4 1/2 9/10", "P2.4.1", Description = "1/2 = 2/4: the first in order drives")]
    [TestCase("9/10 2/4 1/2", "P2.4.2", Description = "a tie after a higher first question")]
    [TestCase("3/4 75/100 3/4", "P2.4.1", Description = "three-way tie")]
    [TestCase("9/10 3/4 75/100", "P2.4.2", Description = "tie between the last two")]
    [TestCase("9/10 76/100 3/4", "P2.4.3", Description = "no tie: 75% is below 76%")]
    public void R5_a_tie_for_lowest_goes_to_the_first_in_framework_order(string tallies, string drivenBy)
    {
        var doc = Docs.Aggregate();
        var parts = tallies.Split(' ');
        for (var i = 0; i < 3; i++)
        {
            var yr = parts[i].Split('/');
            doc.WithCounts($"P2.4.{i + 1}", long.Parse(yr[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(yr[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        Docs.Rate(doc).StandardOf("P2.4").DrivenBy.ShouldBe(drivenBy);
    }

    [Test]
    public void R5_a_key_question_with_no_result_is_skipped_with_a_warning()
    {
        // P2.1.1 has no relevant case; it must not count as 0% (Inadequate). P2.1 is rated on 70/100 and 85/100: Good.
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.1", 0, 0).WithCounts("P2.1.2", 70, 100).WithCounts("P2.1.3", 85, 100));
        var standard = result.StandardOf("P2.1");
        standard.Rating.ShouldBe(Rating.Good);
        standard.DrivenBy.ShouldBe("P2.1.2");
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCode.KeyQuestionSkipped);
        warning.StandardId.ShouldBe("P2.1");
        warning.KeyQuestionId.ShouldBe("P2.1.1");
        result.Score.ShouldBe(6 + 2 + 9);
        result.MaxScore.ShouldBe(21);
    }

    [Test]
    public void R5_a_key_question_every_case_answers_NotApplicable_is_skipped()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.3.3=NotApplicable P2.3.1=No"),
            Docs.Case("B", "P2.3.3=N/A P2.3.1=Yes")));
        result.StandardOf("P2.3").DrivenBy.ShouldBe("P2.3.1");
        result.StandardOf("P2.3").Rating.ShouldBe(Rating.RequiresImprovement); // 1/2 = 50%
        result.Warnings.ShouldContain(w => w.Code == WarningCode.KeyQuestionSkipped && w.KeyQuestionId == "P2.3.3");
    }

    [Test]
    public void R5_a_standard_none_of_whose_key_questions_has_a_result_is_NotRated()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.2.1 P2.2.2 P2.2.3", 0, 0));
        var standard = result.StandardOf("P2.2");
        standard.Rating.ShouldBe(Rating.NotRated);
        standard.ComputedRating.ShouldBe(Rating.NotRated);
        standard.DrivenBy.ShouldBeNull();
        standard.Points.ShouldBe(0);
        result.Warnings.Where(w => w.Code == WarningCode.KeyQuestionSkipped).Select(w => w.KeyQuestionId)
            .ShouldBe(new[] { "P2.2.1", "P2.2.2", "P2.2.3" });
        result.Warnings.ShouldContain(w => w.Code == WarningCode.StandardNotRated && w.StandardId == "P2.2");
    }

    [Test]
    public void R5_a_standard_every_case_answers_NotApplicable_is_NotRated()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.4.1=NotApplicable P2.4.2=NotApplicable P2.4.3=NotApplicable"),
            Docs.Case("B", "P2.4.1=N/A")));
        result.StandardOf("P2.4").Rating.ShouldBe(Rating.NotRated);
        result.StandardOf("P2.4").DrivenBy.ShouldBeNull();
    }

    [Test]
    public void R5_key_question_outcomes_are_listed_in_framework_order()
    {
        var standard = Docs.Rate(Docs.Aggregate()).StandardOf("P2.3");
        standard.KeyQuestions.Select(k => k.Id).ShouldBe(new[] { "P2.3.1", "P2.3.2", "P2.3.3" });
    }
}
