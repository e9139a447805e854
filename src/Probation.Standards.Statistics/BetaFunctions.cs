using System;
using MathNet.Numerics;

namespace Probation.Standards.Statistics;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) and its inverse, from MathNet.Numerics (R11). The inverse
/// starts from MathNet's own root (Brent) only as a fallback: it is found by safeguarded Newton steps on I_x, using
/// MathNet's I_x and log-beta, which needs a handful of evaluations instead of Brent's dozens.
/// </summary>
internal static class BetaFunctions
{
    /// <summary>I_x(a, b), the Beta(a, b) distribution function at x.</summary>
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var value = SpecialFunctions.BetaRegularized(a, b, x);
        return value < 0 ? 0 : value > 1 ? 1 : value;
    }

    /// <summary>The x in [0, 1] with I_x(a, b) = p.</summary>
    public static double Inverse(double a, double b, double p)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        // Bracket [lo, hi] kept around the root; Newton steps inside it, bisection when a step leaves it.
        double lo = 0, hi = 1;
        var x = a / (a + b);
        var logBeta = SpecialFunctions.BetaLn(a, b);
        for (var i = 0; i < 200; i++)
        {
            var f = Regularized(a, b, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var density = Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - logBeta);
            var next = density > 0 && !double.IsInfinity(density) ? x - (f / density) : double.NaN;
            if (double.IsNaN(next) || next <= lo || next >= hi)
            {
                next = (lo + hi) / 2;
            }

            if (Math.Abs(next - x) <= 1e-15 * Math.Max(1e-300, Math.Abs(x)) || hi - lo <= 1e-16)
            {
                return next;
            }

            x = next;
        }

        return MathNet.Numerics.Distributions.Beta.InvCDF(a, b, p);
    }
}
