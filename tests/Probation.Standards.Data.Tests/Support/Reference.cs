using Probation.Standards.Groups;

namespace Probation.Standards.Data.Tests.Support;

/// <summary>Comparisons of the SQL tallies with the library's own per-case builders on the same rows.</summary>
public static class Reference
{
    public static readonly JudgementRating[] Judgements = { new("P1.1", Rating.Good), new("P1.2", Rating.RequiresImprovement), new("P1.3", Rating.Good) };

    /// <summary>The counts the tally query returns; the sentences and exempt suspensions are not in its contract.</summary>
    public static (long Inspected, long Core, long Exempt, long After, long Adjusted, long Reset) Classes(CaseCounts counts) =>
        (counts.Inspected, counts.Core, counts.Exempt, counts.SuspendedAfterThreshold, counts.Adjusted, counts.Reset);

    public static void ShouldMatch(TallySet actual, TallySet expected, string because)
    {
        actual.Framework.ShouldBe(expected.Framework);
        actual.KeyQuestions.ToArray().ShouldBe(expected.KeyQuestions.ToArray(), because);
        foreach (var question in expected.Framework.KeyQuestions)
        {
            actual.IsGiven(question.Id).ShouldBe(expected.IsGiven(question.Id), because + " " + question.Id);
        }

        Classes(actual.Cases!.Value).ShouldBe(Classes(expected.Cases!.Value), because);
    }

    public static void RatingsShouldMatch(RatingResult actual, RatingResult expected, string because)
    {
        actual.Standards.Select(s => (s.Id, s.Rating, s.ComputedRating, s.Points, s.DrivenBy)).ToArray()
            .ShouldBe(expected.Standards.Select(s => (s.Id, s.Rating, s.ComputedRating, s.Points, s.DrivenBy)).ToArray(), because);
        actual.Standards.SelectMany(s => s.KeyQuestions).Select(k => (k.Id, k.Tally)).ToArray()
            .ShouldBe(expected.Standards.SelectMany(s => s.KeyQuestions).Select(k => (k.Id, k.Tally)).ToArray(), because);
        (actual.Score, actual.MaxScore, actual.Overall).ShouldBe((expected.Score, expected.MaxScore, expected.Overall), because);
    }

    public static RatingResult Rate(TallySet tallies) => Rater.Rate(RatingInput.Create("Generated PDU", tallies, Judgements));

    public static void GroupsShouldMatch(GroupedTallies actual, GroupedTallies expected, string because)
    {
        actual.TagNames.ShouldBe(expected.TagNames);
        actual.Groups.Select(g => g.Key.ToString()).ToArray().ShouldBe(expected.Groups.Select(g => g.Key.ToString()).ToArray(), because);
        for (var i = 0; i < expected.Groups.Count; i++)
        {
            ShouldMatch(actual.Groups[i].Tallies, expected.Groups[i].Tallies, because + " group " + expected.Groups[i].Key);
        }

        if (expected.Groups.Count == 0)
        {
            return;
        }

        var actualRating = GroupRater.Rate(RatingInput.Create("Generated PDU", actual.All, Judgements), actual);
        var expectedRating = GroupRater.Rate(RatingInput.Create("Generated PDU", expected.All, Judgements), expected);
        RatingsShouldMatch(actualRating.All, expectedRating.All, because + " whole");
        for (var i = 0; i < expectedRating.Groups.Count; i++)
        {
            RatingsShouldMatch(actualRating.Groups[i].Result, expectedRating.Groups[i].Result, because + " rating of group " + expected.Groups[i].Key);
        }
    }
}
