using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests;

/// <summary>
/// The framework's parts as a reader sees them: the overall table's band for every score from 0 to 21 and none
/// outside (R8), and how each part prints.
/// </summary>
public class FrameworkModelTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    [Test]
    public void Every_score_from_0_to_the_maximum_has_its_overall_band_and_no_other_score_does()
    {
        var table = Default.GetOverallBands(21);
        for (var score = 0; score <= 21; score++)
        {
            var expected = score <= 5 ? Rating.Inadequate : score <= 10 ? Rating.RequiresImprovement : score <= 15 ? Rating.Good : Rating.Outstanding;
            table.GetRating(score).ShouldBe(expected, $"score {score}");
            table.GetBand(score).Rating.ShouldBe(expected);
        }

        foreach (var score in new[] { -1, 22, int.MinValue, int.MaxValue })
        {
            var e = Should.Throw<ArgumentOutOfRangeException>(() => table.GetRating(score));
            e.ParamName.ShouldBe("score");
            e.Message.ShouldStartWith("score is outside 0-21");
        }
    }

    [Test]
    public void Each_part_prints_what_it_is()
    {
        Default.GetKeyQuestion("P2.2.3").ToString().ShouldBe("P2.2.3");
        Default.GetStandard("P2.2").ToString().ShouldBe("P2.2 Planning");
        Default.GetBand(Rating.Good).ToString().ShouldBe("Good: 65-80%");
        Default.GetOverallBands(21).Bands[1].ToString().ShouldBe("RequiresImprovement: 6-10");
        var points = Default.Points.Single(p => p.Rating == Rating.Outstanding);
        points.Points.ShouldBe(3);
        points.Equals(Default.Points.Single(p => p.Rating == Rating.Good)).ShouldBeFalse();
        points.Equals((object)points).ShouldBeTrue();
        points.Equals(null).ShouldBeFalse();
    }
}
