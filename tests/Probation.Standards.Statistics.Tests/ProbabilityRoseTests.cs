namespace Probation.Standards.Statistics.Tests;

/// <summary>R13's probabilityRose, P(Y &gt; X) for independent Beta posteriors, against a closed form and its symmetries.</summary>
public class ProbabilityRoseTests
{
    /// <summary>
    /// The closed form for an integer first parameter of Y (E. Miller's sum): P(Y &gt; X) =
    /// sum over i &lt; aY of B(aX + i, bX + bY) / ((bY + i) B(1 + i, bY) B(aX, bX)), in logs.
    /// </summary>
    private static double ClosedForm(int aY, double bY, double aX, double bX)
    {
        static double LnBeta(double a, double b) => LnGamma(a) + LnGamma(b) - LnGamma(a + b);
        var total = 0.0;
        for (var i = 0; i < aY; i++)
        {
            total += Math.Exp(LnBeta(aX + i, bX + bY) - Math.Log(bY + i) - LnBeta(1 + i, bY) - LnBeta(aX, bX));
        }

        return total;
    }

    // Stirling series with shift, independent of the Lanczos code under test.
    private static double LnGamma(double x)
    {
        var shift = 0.0;
        while (x < 20)
        {
            shift -= Math.Log(x);
            x += 1;
        }

        return shift + ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + (1 / (12 * x)) - (1 / (360 * x * x * x)) + (1 / (1260 * Math.Pow(x, 5)));
    }

    [TestCase(1, 1.0, 1.0, 1.0)]
    [TestCase(3, 2.5, 1.5, 4.5)]
    [TestCase(20, 10.5, 12.5, 8.5)]
    [TestCase(60, 40.5, 30.5, 70.5)]
    [TestCase(500, 500.5, 480.5, 520.5)]
    [TestCase(2, 0.5, 0.5, 0.5)]
    public void Agrees_with_the_closed_form(int aY, double bY, double aX, double bX)
    {
        BetaComparison.Greater(aY, bY, aX, bX).ShouldBe(ClosedForm(aY, bY, aX, bX), 1e-11);
    }

    [TestCase(19, 60, 19, 60)]
    [TestCase(0, 5, 0, 5)]
    [TestCase(7, 7, 7, 7)]
    public void Equal_counts_give_one_half(long yes, long relevant, long yes2, long relevant2)
    {
        BetaComparison.Of(yes, relevant, yes2, relevant2)!.Value.ShouldBe(0.5, 1e-12);
    }

    [TestCase(33, 60, 5, 6)]
    [TestCase(1, 40, 30, 31)]
    [TestCase(400, 1000, 30000, 60000)]
    public void The_two_directions_sum_to_one(long yb, long rb, long ya, long ra)
    {
        (BetaComparison.Of(yb, rb, ya, ra)!.Value + BetaComparison.Of(ya, ra, yb, rb)!.Value).ShouldBe(1, 1e-11);
    }

    [Test]
    public void No_relevant_case_has_no_probability()
    {
        BetaComparison.Of(0, 0, 3, 4).ShouldBeNull();
        AuditComparison.ProbabilityRose(new KeyQuestionTally(0, 0), new KeyQuestionTally(3, 4)).ShouldBeNull();
        AuditComparison.ProbabilityRose(new KeyQuestionTally(3, 4), new KeyQuestionTally(3, 4))!.Value.ShouldBe(0.5, 1e-9);
    }

    [TestCase(0L, 0L, 3L, 4L)]
    [TestCase(3L, 4L, 0L, 0L)]
    [TestCase(0L, 0L, 0L, 0L)]
    public void No_probability_without_a_relevant_case_on_both_sides(long yb, long rb, long ya, long ra) =>
        BetaComparison.Of(yb, rb, ya, ra).ShouldBeNull();

    [Test]
    public void One_relevant_case_on_each_side_is_compared()
    {
        // 1 of 1 after against 0 of 1 before: Beta(1.5, 0.5) against Beta(0.5, 1.5), likely higher, and the two
        // directions sum to one.
        var rose = BetaComparison.Of(0, 1, 1, 1)!.Value;
        rose.ShouldBeInRange(0.75, 1);
        (rose + BetaComparison.Of(1, 1, 0, 1)!.Value).ShouldBe(1, 1e-8);
    }
}
