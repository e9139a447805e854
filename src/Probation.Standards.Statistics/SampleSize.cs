using System;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Statistics;

/// <summary>How many relevant cases a share needs (R11), and the interval it then has.</summary>
public sealed class SampleSizePlan : IEquatable<SampleSizePlan>
{
    internal SampleSizePlan(double sharePercent, double confidence, RatingBand? band, double? halfWidthPercent, long? relevant, ShareInterval? interval, long searchedUpTo)
    {
        this.SharePercent = sharePercent;
        this.Confidence = confidence;
        this.Band = band;
        this.HalfWidthPercent = halfWidthPercent;
        this.Relevant = relevant;
        this.Interval = interval;
        this.SearchedUpTo = searchedUpTo;
    }

    /// <summary>The share, in percent.</summary>
    public double SharePercent { get; }

    /// <summary>The confidence.</summary>
    public double Confidence { get; }

    /// <summary>The share's band, when the plan asks for the interval to lie inside it.</summary>
    public RatingBand? Band { get; }

    /// <summary>The half-width asked for, in percent, when the plan asks for one.</summary>
    public double? HalfWidthPercent { get; }

    /// <summary>The fewest relevant cases; <see langword="null"/> when none up to <see cref="SearchedUpTo"/> is enough (e.g. a share on a band edge).</summary>
    public long? Relevant { get; }

    /// <summary>The interval at <see cref="Relevant"/> cases.</summary>
    public ShareInterval? Interval { get; }

    /// <summary>The largest number of cases searched.</summary>
    public long SearchedUpTo { get; }

    /// <inheritdoc />
    public bool Equals(SampleSizePlan? other) =>
        other is not null && this.SharePercent.Equals(other.SharePercent) && this.Confidence.Equals(other.Confidence) && Equals(this.Band, other.Band)
        && Nullable.Equals(this.HalfWidthPercent, other.HalfWidthPercent) && this.Relevant == other.Relevant && Equals(this.Interval, other.Interval)
        && this.SearchedUpTo == other.SearchedUpTo;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as SampleSizePlan);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.SharePercent, this.Confidence, this.Relevant);
}

/// <summary>
/// The fewest relevant cases n for which the Clopper-Pearson interval around a share p (k = p x n, fractional
/// allowed, as for assumed counts) lies inside the share's band, or has at most a given half-width (R11). Found by
/// search over n: doubling until n is enough, then bisection; the interval narrows as n grows with the share fixed.
/// </summary>
public static class SampleSize
{
    /// <summary>The default limit of the search: one million relevant cases.</summary>
    public const long DefaultSearchLimit = 1_000_000;

    /// <summary>The fewest cases for the interval to lie inside the share's band (R4 edges on the exact ratio).</summary>
    /// <param name="framework">The framework whose bands apply.</param>
    /// <param name="sharePercent">The share, 0 to 100.</param>
    /// <param name="confidence">The confidence, strictly between 0 and 1.</param>
    /// <param name="searchLimit">The most cases to consider.</param>
    /// <returns>The plan.</returns>
    public static SampleSizePlan ForBand(Framework framework, double sharePercent, double confidence = ShareStatistics.DefaultConfidence, long searchLimit = DefaultSearchLimit)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        Check(sharePercent, confidence, searchLimit);
        var p = sharePercent / 100;
        var bands = framework.Bands;
        var band = bands[0];
        for (var i = bands.Count - 1; i >= 0; i--)
        {
            if (sharePercent >= bands[i].FromPercent)
            {
                band = bands[i];
                break;
            }
        }

        var isTop = band.Equals(bands[bands.Count - 1]);
        var isBottom = band.Equals(bands[0]);
        var from = band.FromPercent / 100.0;
        var to = band.ToPercent / 100.0;
        bool Inside(long n)
        {
            var interval = ShareStatistics.ClopperPearson(p * n, n, confidence);
            return (isBottom || interval.Low >= from) && (isTop || interval.High < to);
        }

        var found = Search(Inside, searchLimit);
        return new SampleSizePlan(sharePercent, confidence, band, null, found, found is { } n ? ShareStatistics.ClopperPearson(p * n, n, confidence) : null, searchLimit);
    }

    /// <summary>The fewest cases for the interval's half-width to be at most <paramref name="halfWidthPercent"/>.</summary>
    /// <param name="sharePercent">The share, 0 to 100.</param>
    /// <param name="halfWidthPercent">The half-width, in percentage points, above 0.</param>
    /// <param name="confidence">The confidence, strictly between 0 and 1.</param>
    /// <param name="searchLimit">The most cases to consider.</param>
    /// <returns>The plan.</returns>
    public static SampleSizePlan ForHalfWidth(double sharePercent, double halfWidthPercent, double confidence = ShareStatistics.DefaultConfidence, long searchLimit = DefaultSearchLimit)
    {
        Check(sharePercent, confidence, searchLimit);
        if (!(halfWidthPercent > 0 && halfWidthPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(halfWidthPercent), halfWidthPercent, "a half-width is above 0 and at most 100 percentage points");
        }

        var p = sharePercent / 100;
        var h = halfWidthPercent / 100;
        var found = Search(n => ShareStatistics.ClopperPearson(p * n, n, confidence).HalfWidth <= h, searchLimit);
        return new SampleSizePlan(sharePercent, confidence, null, halfWidthPercent, found, found is { } m ? ShareStatistics.ClopperPearson(p * m, m, confidence) : null, searchLimit);
    }

    private static void Check(double sharePercent, double confidence, long searchLimit)
    {
        if (!(sharePercent >= 0 && sharePercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(sharePercent), sharePercent, "a share is 0 to 100 percent");
        }

        ShareStatistics.CheckConfidence(confidence);
        if (searchLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(searchLimit), searchLimit, "search at least one case");
        }
    }

    // The fewest n in 1..limit with enough(n), for a condition that holds from some n on.
    private static long? Search(Func<long, bool> enough, long limit)
    {
        long low = 0;
        long high = 1;
        while (!enough(high))
        {
            if (high >= limit)
            {
                return null;
            }

            low = high;
            high = Math.Min(limit, high * 2);
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (enough(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }
}
