using System;

namespace Probation.Standards.Statistics;

/// <summary>A Clopper-Pearson interval of a share (R11), as fractions and in percent.</summary>
public sealed class ShareInterval : IEquatable<ShareInterval>
{
    internal ShareInterval(double confidence, double low, double high)
    {
        this.Confidence = confidence;
        this.Low = low;
        this.High = high;
    }

    /// <summary>The confidence, e.g. 0.95.</summary>
    public double Confidence { get; }

    /// <summary>The lower end, a fraction in [0, 1].</summary>
    public double Low { get; }

    /// <summary>The upper end, a fraction in [0, 1].</summary>
    public double High { get; }

    /// <summary>The lower end in percent.</summary>
    public double LowPercent => this.Low * 100;

    /// <summary>The upper end in percent.</summary>
    public double HighPercent => this.High * 100;

    /// <summary>Half the width, a fraction.</summary>
    public double HalfWidth => (this.High - this.Low) / 2;

    /// <inheritdoc />
    public bool Equals(ShareInterval? other) =>
        other is not null && this.Confidence.Equals(other.Confidence) && this.Low.Equals(other.Low) && this.High.Equals(other.High);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as ShareInterval);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Confidence, this.Low, this.High);

    /// <inheritdoc />
    public override string ToString() => $"{this.LowPercent:0.0}-{this.HighPercent:0.0}% ({this.Confidence:0.##})";
}

/// <summary>
/// The statistics of one share, yes out of relevant (R11; the project's own addition, not HM Inspectorate of
/// Probation's method). Counts may be fractional (assumed counts of a published percentage). Floating point: it never
/// changes a rating.
/// </summary>
public static class ShareStatistics
{
    /// <summary>The default confidence, 0.95.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// The Clopper-Pearson interval at confidence c: low = BetaInv(alpha/2; k, n-k+1) (0 when k = 0), high =
    /// BetaInv(1-alpha/2; k+1, n-k) (1 when k = n), alpha = 1 - c.
    /// </summary>
    /// <param name="yes">k, 0 to <paramref name="relevant"/>.</param>
    /// <param name="relevant">n, above 0.</param>
    /// <param name="confidence">c, strictly between 0 and 1.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the confidence out of range.</exception>
    public static ShareInterval ClopperPearson(double yes, double relevant, double confidence = DefaultConfidence)
    {
        CheckCounts(yes, relevant);
        CheckConfidence(confidence);
        var alpha = 1 - confidence;
        var low = yes <= 0 ? 0 : BetaFunctions.Inverse(yes, relevant - yes + 1, alpha / 2);
        var high = yes >= relevant ? 1 : BetaFunctions.Inverse(yes + 1, relevant - yes, 1 - (alpha / 2));
        return new ShareInterval(confidence, low, high);
    }

    /// <summary>
    /// The probability, under the Jeffreys posterior Beta(k + 1/2, n - k + 1/2), that the true share lies in
    /// [<paramref name="from"/>, <paramref name="to"/>): I_to - I_from.
    /// </summary>
    /// <param name="yes">k, 0 to <paramref name="relevant"/>.</param>
    /// <param name="relevant">n, above 0.</param>
    /// <param name="from">The lower end, a fraction.</param>
    /// <param name="to">The upper end, a fraction.</param>
    /// <returns>The probability, in [0, 1].</returns>
    public static double ProbabilityBetween(double yes, double relevant, double from, double to)
    {
        CheckCounts(yes, relevant);
        if (to <= from)
        {
            return 0;
        }

        var p = Posterior(yes, relevant, to) - Posterior(yes, relevant, from);
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }

    /// <summary>The probability, under the Jeffreys posterior, that the true share is at least <paramref name="threshold"/> (a fraction).</summary>
    /// <param name="yes">k, 0 to <paramref name="relevant"/>.</param>
    /// <param name="relevant">n, above 0.</param>
    /// <param name="threshold">The threshold, a fraction.</param>
    /// <returns>1 - I_threshold(k + 1/2, n - k + 1/2).</returns>
    public static double ProbabilityAtLeast(double yes, double relevant, double threshold)
    {
        CheckCounts(yes, relevant);
        return 1 - Posterior(yes, relevant, threshold);
    }

    internal static double Posterior(double yes, double relevant, double x) => BetaFunctions.Regularized(yes + 0.5, relevant - yes + 0.5, x);

    internal static void CheckCounts(double yes, double relevant)
    {
        if (!(relevant > 0) || double.IsInfinity(relevant) || !(yes >= 0) || yes > relevant)
        {
            throw new ArgumentOutOfRangeException(nameof(yes), $"a share needs 0 <= yes <= relevant and relevant > 0 (yes {yes}, relevant {relevant})");
        }
    }

    internal static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "a confidence is strictly between 0 and 1, e.g. 0.95");
        }
    }
}
