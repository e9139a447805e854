namespace Probation.Standards.Statistics.Tests;

/// <summary>The sample-size search of R11, checked against a plain scan over n with the reference's interval.</summary>
public sealed class SampleSizeTests
{
    [TestCase(90.0, 0.95)]
    [TestCase(30.0, 0.95)]
    [TestCase(72.5, 0.9)]
    [TestCase(57.5, 0.8)]
    public void The_fewest_cases_for_a_band_match_a_plain_scan(double share, double confidence)
    {
        var plan = SampleSize.ForBand(Documents.Framework, share, confidence);
        var p = share / 100;
        var (from, to, top, bottom) = share >= 80 ? (0.8, 1.0, true, false) : share >= 65 ? (0.65, 0.8, false, false) : share >= 50 ? (0.5, 0.65, false, false) : (0.0, 0.5, false, true);

        // Scan n = 1, 2, ... with whole counts where p·n is whole, else the code's own fractional interval is
        // compared only at the answer: the scan uses the closed forms of the beta inverse through bisection on
        // the reference's integrated distribution function.
        bool Inside(long n)
        {
            var k = p * n;
            var low = k <= 0 ? 0 : Invert(x => Reference.BetaCdf(k, n - k + 1, x), (1 - confidence) / 2);
            var high = k >= n ? 1 : Invert(x => Reference.BetaCdf(k + 1, n - k, x), 1 - ((1 - confidence) / 2));
            return (bottom || low >= from) && (top || high < to);
        }

        plan.Relevant.ShouldNotBeNull();
        var n = plan.Relevant!.Value;
        Inside(n).ShouldBeTrue($"{n} cases should be enough");
        Inside(n - 1).ShouldBeFalse($"{n - 1} cases should not be enough");
    }

    [Test]
    public void A_share_on_a_band_edge_is_never_certain()
    {
        var plan = SampleSize.ForBand(Documents.Framework, 65, 0.95, searchLimit: 10_000);
        plan.Relevant.ShouldBeNull();
        plan.SearchedUpTo.ShouldBe(10_000);
    }

    [Test]
    public void Half_width_of_ten_points_at_50_percent_needs_about_the_textbook_number()
    {
        // The normal approximation gives n = 1.96² x 0.25 / 0.1² = 96.04; the exact interval is a little wider, so a
        // few more cases: the answer lies between 96 and 110, and n - 1 is not enough.
        var plan = SampleSize.ForHalfWidth(50, 10, 0.95);
        plan.Relevant!.Value.ShouldBeInRange(96, 110);
        plan.Interval!.HalfWidth.ShouldBeLessThanOrEqualTo(0.1);
        ShareStatistics.ClopperPearson(0.5 * (plan.Relevant.Value - 1), plan.Relevant.Value - 1).HalfWidth.ShouldBeGreaterThan(0.1);
    }

    [Test]
    public void Out_of_range_arguments_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SampleSize.ForBand(Documents.Framework, 101, 0.95));
        Should.Throw<ArgumentOutOfRangeException>(() => SampleSize.ForBand(Documents.Framework, 50, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => SampleSize.ForHalfWidth(50, 0, 0.95));
        Should.Throw<ArgumentOutOfRangeException>(() => ShareStatistics.ClopperPearson(3, 2));
    }

    private static double Invert(Func<double, double> cdf, double target)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (cdf(mid) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }
}
