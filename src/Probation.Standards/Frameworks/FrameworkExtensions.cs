using System;
using System.Globalization;

namespace Probation.Standards.Frameworks;

/// <summary>Copies of a <see cref="Framework"/> with one rule changed by the user, each marked in its version id (R1).</summary>
public static class FrameworkExtensions
{
    /// <summary>
    /// A copy of <paramref name="framework"/> whose Probation Reset adjusted-set threshold is
    /// <paramref name="adjustedWithinDays"/> days in place of the framework's own (R9: 56 days, 8 weeks, in
    /// <c>probation-pdu-2023</c>). A case suspended that many days or fewer after its start has the adjusted set of standards.
    /// </summary>
    /// <remarks>
    /// The framework itself is unchanged. When the threshold differs from the framework's, the copy's
    /// <see cref="Framework.VersionId"/> gains a <c>+reset-Nd</c> suffix and its Reset source is marked <c>configured</c>,
    /// so a result rated against it never passes for one rated against the published data.
    /// </remarks>
    /// <param name="framework">The framework.</param>
    /// <param name="adjustedWithinDays">The threshold in days, 0 or more.</param>
    /// <returns>The copy, or <paramref name="framework"/> itself when the threshold is already <paramref name="adjustedWithinDays"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="adjustedWithinDays"/> is negative.</exception>
    public static Framework WithResetThreshold(this Framework framework, int adjustedWithinDays)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (adjustedWithinDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(adjustedWithinDays), adjustedWithinDays, "the Reset adjusted-set threshold is a number of days, 0 or more");
        }

        var reset = framework.Reset;
        if (reset.AdjustedWithinDays == adjustedWithinDays)
        {
            return framework;
        }

        var days = adjustedWithinDays.ToString(CultureInfo.InvariantCulture);
        var source = new SourceReference(
            reset.Source.Document,
            $"{reset.Source.Locator}; adjusted-set threshold changed by the user from {reset.AdjustedWithinDays.ToString(CultureInfo.InvariantCulture)} to {days} days",
            "configured");
        return new Framework(
            framework.Id,
            $"{PublishedVersionId(framework.VersionId)}+reset-{days}d",
            framework.Name,
            framework.EffectiveFrom,
            framework.EffectiveTo,
            framework.Source,
            framework.Standards,
            framework.Bands,
            framework.Points,
            framework.OverallBands,
            reset with { AdjustedWithinDays = adjustedWithinDays, Source = source });
    }

    // A copy of a copy names one threshold, not a history of them.
    private static string PublishedVersionId(string versionId)
    {
        var at = versionId.LastIndexOf("+reset-", StringComparison.Ordinal);
        return at >= 0 && versionId.EndsWith("d", StringComparison.Ordinal) ? versionId.Substring(0, at) : versionId;
    }
}
