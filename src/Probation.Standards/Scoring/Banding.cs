using System;
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
    public static decimal DisplayPercent(KeyQuestionTally tally)
    {
        var hundredths = RoundHalfUp((BigInteger)tally.Yes * 10000, tally.Relevant);
        return (decimal)hundredths / 100m;
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
