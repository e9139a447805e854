using System;
using Probation.Standards.Scoring;

namespace Probation.Standards.Statistics;

/// <summary>
/// R13's <c>probabilityRose</c>: P(p_after &gt; p_before) for two independent Jeffreys posteriors (R11),
/// Beta(k + 1/2, n - k + 1/2) each. Statistics, floating point: it never changes a rating.
/// </summary>
/// <remarks>
/// P(Y &gt; X) = ∫ f_X(x) (1 - I_x(a_Y, b_Y)) dx, integrated over θ with x = sin²θ, which turns the half-integer
/// end-point singularities of the densities into smooth factors. The range [0, π/2] is cut at 64 equal steps and
/// at X's mean ± up to 12 standard deviations (so a narrow posterior is always sampled), and each piece is
/// integrated by adaptive Simpson to an estimated absolute error of 1e-12; I_x is the regularized incomplete beta
/// function of MathNet.Numerics, shared with the intervals (<see cref="BetaFunctions"/>). The result is within about 1e-9 of the exact
/// value.
/// </remarks>
internal static class BetaComparison
{
    private const double Tolerance = 1e-12;

    /// <summary>P(p_after &gt; p_before) from the counts of the two audits; <see langword="null"/> when either has no relevant case.</summary>
    public static double? Of(long yesBefore, long relevantBefore, long yesAfter, long relevantAfter)
    {
        if (relevantBefore <= 0 || relevantAfter <= 0)
        {
            return null;
        }

        return Greater(yesAfter + 0.5, relevantAfter - yesAfter + 0.5, yesBefore + 0.5, relevantBefore - yesBefore + 0.5);
    }

    /// <summary>P(Y &gt; X) for independent Y ~ Beta(aY, bY) and X ~ Beta(aX, bX), all parameters at least 1/2.</summary>
    public static double Greater(double aY, double bY, double aX, double bX)
    {
        var logNorm = LogBeta(aX, bX);
        double Integrand(double theta)
        {
            var s = Math.Sin(theta);
            var c = Math.Cos(theta);
            var x = s * s;
            if (x <= 0)
            {
                // θ = 0: the smooth factor 2 sin^(2a-1)θ cos^(2b-1)θ / B is 2 / B when a = 1/2, else 0; and 1 - I_0 = 1.
                return aX == 0.5 ? 2 * Math.Exp(-logNorm) : 0;
            }

            if (x >= 1)
            {
                return 0; // 1 - I_1 = 0
            }

            var density = 2 * Math.Exp(((2 * aX) - 1) * Math.Log(s) + (((2 * bX) - 1) * Math.Log(c)) - logNorm);
            return density * (1 - RegularizedBeta(x, aY, bY));
        }

        var mean = aX / (aX + bX);
        var sd = Math.Sqrt(aX * bX / ((aX + bX) * (aX + bX) * (aX + bX + 1)));
        var cuts = new System.Collections.Generic.SortedSet<double> { 0, Math.PI / 2 };
        for (var i = 1; i < 64; i++)
        {
            cuts.Add(Math.PI / 2 * i / 64);
        }

        for (var k = -12; k <= 12; k++)
        {
            var x = mean + (k * sd / 2);
            if (x > 0 && x < 1)
            {
                cuts.Add(Math.Asin(Math.Sqrt(x)));
            }
        }

        var total = 0.0;
        double? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } a)
            {
                total += Adaptive(Integrand, a, cut, Tolerance / cuts.Count, 40);
            }

            previous = cut;
        }

        return Math.Min(1, Math.Max(0, total));
    }

    private static double RegularizedBeta(double x, double a, double b) =>
        x <= 0 ? 0 : x >= 1 ? 1 : BetaFunctions.Regularized(a, b, x);

    private static double LogBeta(double a, double b) => MathNet.Numerics.SpecialFunctions.BetaLn(a, b);

    private static double Adaptive(Func<double, double> f, double a, double b, double tolerance, int depth)
    {
        var fa = f(a);
        var fb = f(b);
        var m = (a + b) / 2;
        var fm = f(m);
        return Refine(f, a, b, fa, fm, fb, Simpson(a, b, fa, fm, fb), tolerance, depth);
    }

    private static double Simpson(double a, double b, double fa, double fm, double fb) => (b - a) / 6 * (fa + (4 * fm) + fb);

    private static double Refine(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tolerance, int depth)
    {
        var m = (a + b) / 2;
        var lm = (a + m) / 2;
        var rm = (m + b) / 2;
        var flm = f(lm);
        var frm = f(rm);
        var left = Simpson(a, m, fa, flm, fm);
        var right = Simpson(m, b, fm, frm, fb);
        var delta = left + right - whole;
        if (depth <= 0 || Math.Abs(delta) <= 15 * tolerance)
        {
            return left + right + (delta / 15);
        }

        return Refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) + Refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }
}

/// <summary>Comparisons of two audits of the same key question (R13), from R11's posteriors.</summary>
public static class AuditComparison
{
    /// <summary>
    /// R13's <c>probabilityRose</c>: the chance that the key question's true share rose from the earlier audit to the
    /// later, P(p_after &gt; p_before) for independent Jeffreys posteriors Beta(k + 1/2, n - k + 1/2); within about 1e-9.
    /// </summary>
    /// <param name="before">The earlier audit's counts.</param>
    /// <param name="after">The later audit's counts.</param>
    /// <returns>The probability, or <see langword="null"/> when either audit has no relevant case.</returns>
    public static double? ProbabilityRose(KeyQuestionTally before, KeyQuestionTally after) =>
        BetaComparison.Of(before.Yes, before.Relevant, after.Yes, after.Relevant);
}
