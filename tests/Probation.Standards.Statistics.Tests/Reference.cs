namespace Probation.Standards.Statistics.Tests;

/// <summary>
/// An independent computation of R11 for the tests, sharing nothing with the code under test (no MathNet): the
/// Beta(a, b) distribution function by Simpson's rule after the substitution t = sin²θ, which turns the density
/// t^(a-1) (1-t)^(b-1) dt into 2 sin^(2a-1)θ cos^(2b-1)θ dθ, smooth on [0, π/2] for a, b ≥ 1/2 (the Jeffreys
/// posterior's a = k + 1/2 included); and the Clopper-Pearson ends for whole counts from the binomial sum, found by
/// bisection: low solves P(X ≥ k | n, low) = α/2, high solves P(X ≤ k | n, high) = α/2.
/// </summary>
internal static class Reference
{
    private const int Steps = 20_000; // even; the integrand is smooth, so Simpson's error is far below 1e-9

    /// <summary>I_x(a, b) by integration.</summary>
    public static double BetaCdf(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var theta = Math.Asin(Math.Sqrt(x));
        return Integral(a, b, theta) / Integral(a, b, Math.PI / 2);
    }

    /// <summary>The Jeffreys posterior probability of [from, to).</summary>
    public static double Jeffreys(double yes, double relevant, double from, double to) =>
        BetaCdf(yes + 0.5, relevant - yes + 0.5, to) - BetaCdf(yes + 0.5, relevant - yes + 0.5, from);

    /// <summary>The Clopper-Pearson ends for whole counts, from binomial sums.</summary>
    public static (double Low, double High) ClopperPearson(int yes, int relevant, double confidence)
    {
        var alpha = 1 - confidence;
        var low = yes == 0 ? 0 : Bisect(p => BinomialAtLeast(yes, relevant, p) - (alpha / 2));
        var high = yes == relevant ? 1 : Bisect(p => (alpha / 2) - BinomialAtMost(yes, relevant, p));
        return (low, high);
    }

    // P(X >= k) rises with p; P(X <= k) falls with p. Bisect an increasing function for its root in [0, 1].
    private static double Bisect(Func<double, double> increasing)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (increasing(mid) < 0)
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

    private static double BinomialAtLeast(int k, int n, double p)
    {
        var sum = 0.0;
        for (var j = k; j <= n; j++)
        {
            sum += BinomialTerm(n, j, p);
        }

        return sum;
    }

    private static double BinomialAtMost(int k, int n, double p)
    {
        var sum = 0.0;
        for (var j = 0; j <= k; j++)
        {
            sum += BinomialTerm(n, j, p);
        }

        return sum;
    }

    private static double BinomialTerm(int n, int j, double p)
    {
        if (p <= 0)
        {
            return j == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return j == n ? 1 : 0;
        }

        var logChoose = 0.0;
        for (var i = 1; i <= j; i++)
        {
            logChoose += Math.Log(n - j + i) - Math.Log(i);
        }

        return Math.Exp(logChoose + (j * Math.Log(p)) + ((n - j) * Math.Log(1 - p)));
    }

    private static double Integral(double a, double b, double upper)
    {
        var h = upper / Steps;
        var sum = F(0) + F(upper);
        for (var i = 1; i < Steps; i++)
        {
            sum += F(i * h) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;

        double F(double theta) => Math.Pow(Math.Sin(theta), (2 * a) - 1) * Math.Pow(Math.Cos(theta), (2 * b) - 1);
    }
}
