using System;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Scoring;
using Shouldly;

namespace Probation.Standards.Testing;

/// <summary>
/// Assertions that read like the rules: <c>result.ShouldRate("P2.1", Rating.RequiresImprovement)</c>. A failure
/// says what was expected and why the rating came out as it did (driver, counts, band).
/// </summary>
public static class RatingAssertions
{
    /// <summary>Asserts a standard's final rating (after any override, R7).</summary>
    /// <param name="result">The rating.</param>
    /// <param name="standardId">The standard.</param>
    /// <param name="expected">The rating it should have.</param>
    /// <returns>The standard's result, for further checks.</returns>
    public static StandardResult ShouldRate(this RatingResult result, string standardId, Rating expected)
    {
        var standard = Standard(result, standardId);
        if (standard.Rating != expected)
        {
            throw new ShouldAssertException($"{standardId} should be rated {expected.ToDisplayText()} but was {standard.Rating.ToDisplayText()}: {Why(standard)}");
        }

        return standard;
    }

    /// <summary>Asserts the key question that drives a case standard (R5: its lowest share).</summary>
    /// <param name="result">The rating.</param>
    /// <param name="standardId">The case-rated standard.</param>
    /// <param name="keyQuestionId">The key question that should drive it, or <see langword="null"/> for none.</param>
    /// <returns>The standard's result.</returns>
    public static StandardResult ShouldBeDrivenBy(this RatingResult result, string standardId, string? keyQuestionId)
    {
        var standard = Standard(result, standardId);
        if (!string.Equals(standard.DrivenBy, keyQuestionId, StringComparison.Ordinal))
        {
            throw new ShouldAssertException($"{standardId} should be driven by {keyQuestionId ?? "no key question"} but was driven by {standard.DrivenBy ?? "no key question"}: {Why(standard)}");
        }

        return standard;
    }

    /// <summary>Asserts the score and its maximum (R8).</summary>
    /// <param name="result">The rating.</param>
    /// <param name="score">The score it should have.</param>
    /// <param name="maxScore">The maximum it should have.</param>
    /// <returns>The rating.</returns>
    public static RatingResult ShouldScore(this RatingResult result, int score, int maxScore)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (result.Score != score || result.MaxScore != maxScore)
        {
            var points = string.Join(", ", result.Standards.Select(s => $"{s.Id} {s.Rating.ToDisplayText()} {s.Points}"));
            throw new ShouldAssertException($"the score should be {score}/{maxScore} but was {result.Score}/{result.MaxScore} ({points})");
        }

        return result;
    }

    /// <summary>Asserts the overall rating (R8).</summary>
    /// <param name="result">The rating.</param>
    /// <param name="expected">The overall rating it should have.</param>
    /// <returns>The rating.</returns>
    public static RatingResult ShouldBeRatedOverall(this RatingResult result, Rating expected)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (result.Overall != expected)
        {
            throw new ShouldAssertException($"the overall rating should be {expected.ToDisplayText()} but was {result.Overall.ToDisplayText()} (score {result.Score}/{result.MaxScore})");
        }

        return result;
    }

    /// <summary>Asserts a standard's rating, on its own result.</summary>
    /// <param name="standard">The standard's result.</param>
    /// <param name="expected">The rating it should have.</param>
    /// <returns>The standard's result.</returns>
    public static StandardResult ShouldRate(this StandardResult standard, Rating expected)
    {
        if (standard is null)
        {
            throw new ArgumentNullException(nameof(standard));
        }

        if (standard.Rating != expected)
        {
            throw new ShouldAssertException($"{standard.Id} should be rated {expected.ToDisplayText()} but was {standard.Rating.ToDisplayText()}: {Why(standard)}");
        }

        return standard;
    }

    /// <summary>Asserts that the rating raised no warning, listing any it did.</summary>
    /// <param name="result">The rating.</param>
    /// <returns>The rating.</returns>
    public static RatingResult ShouldHaveNoWarnings(this RatingResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (result.Warnings.Count > 0)
        {
            throw new ShouldAssertException($"the rating should raise no warning but raised {result.Warnings.Count}: {string.Join("; ", result.Warnings.Select(w => w.Message))}");
        }

        return result;
    }

    private static StandardResult Standard(RatingResult result, string standardId)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        return result.TryGetStandard(standardId, out var standard)
            ? standard
            : throw new ShouldAssertException($"{result.Framework.Id} has no standard {standardId} (it has {string.Join(", ", result.Standards.Select(s => s.Id))})");
    }

    private static string Why(StandardResult standard)
    {
        if (standard.Override is { } given)
        {
            return $"overridden from {standard.ComputedRating?.ToDisplayText()} ({given.Reason})";
        }

        if (standard.DrivenBy is null)
        {
            return standard.KeyQuestions.Count == 0 ? "a judgement" : "no key question has a relevant case";
        }

        var driver = standard.KeyQuestions.First(q => q.Id == standard.DrivenBy);
        return $"driven by {driver.Id} at {driver.Tally} ({Banding.PercentText(driver.Tally)}%), {driver.Band.ToDisplayText()}";
    }
}
