using System;
using System.Globalization;
using System.Numerics;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>Which number a key question's band is read from (R4).</summary>
public enum BandingBasis
{
    /// <summary>The exact ratio yes / relevant (the default): 31/48 = 64.58% is Requires improvement.</summary>
    ExactRatio = 0,

    /// <summary>The whole-number percentage rounded half up, as reports print it: 31/48 prints 65%, Good.</summary>
    RoundedPercentage = 1,
}

/// <summary>
/// The exact arithmetic of R4: which band a tally falls in, by integer cross-multiplication and never
/// floating point. The thresholds themselves come from the framework's band table.
/// </summary>
public static class Banding
{
    /// <summary>Whether a tally reaches a band's lower edge on a basis (R4).</summary>
    /// <param name="tally">A tally with a result.</param>
    /// <param name="fromPercent">The band's lower edge in whole percent.</param>
    /// <param name="basis">The banding basis.</param>
    /// <returns><see langword="true"/> when the share of Yes answers is at or above the edge.</returns>
    public static bool Reaches(KeyQuestionTally tally, int fromPercent, BandingBasis basis)
    {
        var edge = Edge.Of(fromPercent, basis);
        return (BigInteger)tally.Yes * edge.Denominator >= (BigInteger)edge.Numerator * tally.Relevant;
    }

    /// <summary>The band a tally falls in (R4), or <see langword="null"/> when it has no result.</summary>
    /// <param name="framework">The framework whose band table applies.</param>
    /// <param name="tally">The tally.</param>
    /// <param name="basis">The banding basis.</param>
    /// <returns>The band.</returns>
    public static RatingBand? BandOf(Framework framework, KeyQuestionTally tally, BandingBasis basis)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (!tally.HasResult)
        {
            return null;
        }

        var bands = framework.Bands;
        for (var i = bands.Count - 1; i > 0; i--)
        {
            if (Reaches(tally, bands[i].FromPercent, basis))
            {
                return bands[i];
            }
        }

        return bands[0];
    }

    /// <summary>The exact percentage rounded half up to two decimal places, for display only.</summary>
    /// <param name="tally">A tally with a result.</param>
    /// <returns>The percentage, e.g. 31.67 for 19/60.</returns>
    public static decimal DisplayPercent(KeyQuestionTally tally) => DisplayPercent(tally, 2);

    /// <summary>The exact percentage rounded half up to <paramref name="decimals"/> places, for display only.</summary>
    /// <param name="tally">A tally with a result.</param>
    /// <param name="decimals">Decimal places, 0 to 18.</param>
    /// <returns>The percentage, e.g. 64.99999995 for 1,299,999,999/2,000,000,000 at 8 places.</returns>
    public static decimal DisplayPercent(KeyQuestionTally tally, int decimals)
    {
        if (decimals < 0 || decimals > 18)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "0 to 18 decimal places");
        }

        var scale = BigInteger.Pow(10, decimals);
        var units = RoundHalfUp((BigInteger)tally.Yes * 100 * scale, tally.Relevant);
        return (decimal)units / (decimal)scale;
    }

    /// <summary>
    /// The exact percentage as text for a person: two decimals, unless two decimals would show a whole number
    /// the ratio is not (1,299,999,999/2,000,000,000 is 64.99999995, not 65.00, and it is below the 65% edge).
    /// </summary>
    /// <param name="tally">A tally with a result.</param>
    /// <returns>The percentage without the sign, e.g. <c>31.67</c> or <c>64.99999995</c>.</returns>
    public static string PercentText(KeyQuestionTally tally)
    {
        var shown = DisplayPercent(tally, 2);
        var exact = (BigInteger)tally.Yes * 10000 % tally.Relevant == 0;
        if (!exact && shown == decimal.Truncate(shown))
        {
            for (var decimals = 3; decimals <= 18; decimals++)
            {
                shown = DisplayPercent(tally, decimals);
                if (shown != decimal.Truncate(shown))
                {
                    return shown.ToString("0.##################", CultureInfo.InvariantCulture);
                }
            }
        }

        return shown.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The whole-number percentage rounded half up, as reports print it (R4).</summary>
    /// <param name="tally">A tally with a result.</param>
    /// <returns>The printed percentage, e.g. 65 for 31/48.</returns>
    public static int RoundedPercent(KeyQuestionTally tally) => (int)RoundHalfUp((BigInteger)tally.Yes * 100, tally.Relevant);

    private static BigInteger RoundHalfUp(BigInteger numerator, long denominator) =>
        ((numerator * 2) + denominator) / (2 * (BigInteger)denominator);

    /// <summary>
    /// A band edge as a fraction: on the exact basis <c>from/100</c>; on the rounded basis a share rounds up
    /// to <c>from</c> or more exactly when it is at least <c>(2·from − 1)/200</c>.
    /// </summary>
    internal readonly struct Edge
    {
        private Edge(long numerator, long denominator)
        {
            this.Numerator = numerator;
            this.Denominator = denominator;
        }

        public long Numerator { get; }

        public long Denominator { get; }

        public static Edge Of(int fromPercent, BandingBasis basis) =>
            basis == BandingBasis.RoundedPercentage && fromPercent > 0
                ? new Edge((2L * fromPercent) - 1, 200)
                : new Edge(fromPercent, 100);
    }
}
