using System;

namespace Probation.Standards.Cli;

/// <summary>
/// R13's <c>probabilityRose</c>: P(p_after &gt; p_before) for two independent Jeffreys posteriors (R11),
/// Beta(k + 1/2, n - k + 1/2) each. Statistics, floating point: it never changes a rating.
/// </summary>
/// <remarks>
/// P(Y &gt; X) = ∫ f_X(x) (1 - I_x(a_Y, b_Y)) dx, integrated over θ with x = sin²θ, which turns the half-integer
/// end-point singularities of the densities into smooth factors. The range [0, π/2] is cut at 64 equal steps and
/// at X's mean ± up to 12 standard deviations (so a narrow posterior is always sampled), and each piece is
/// integrated by adaptive Simpson to an estimated absolute error of 1e-12; I_x is the regularized incomplete beta
/// function by its continued fraction (relative error about 1e-14). The result is within about 1e-9 of the exact
/// value. To move to the statistics package (src/Probation.Standards.Statistics) when both land.
/// </remarks>
internal static class ProbabilityRose
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

    /// <summary>The regularized incomplete beta function I_x(a, b).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp((a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - (front * ContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, 9 terms; relative error about 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> g = stackalloc double[]
        {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        };
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < 9; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    // Lentz's method for the continued fraction of I_x(a, b).
    private static double ContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 10000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

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
