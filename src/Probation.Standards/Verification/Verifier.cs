using System;
using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Verification;

/// <summary>The outcome of checking a rating against a document's <c>expected</c> block.</summary>
/// <param name="Differences">What differs, one line each; empty when the document passes.</param>
public sealed record VerificationResult(EquatableArray<string> Differences)
{
    /// <summary>Whether every expected field matched.</summary>
    public bool Passed => this.Differences.Count == 0;
}

/// <summary>
/// Checks a rating against the document's <c>expected</c> block: every field given is compared, the rest
/// ignored (findings-format.md). A consumer of results: it never looks at cases.
/// </summary>
public static class Verifier
{
    /// <summary>Compares a result with what a document expects.</summary>
    /// <param name="expected">The expected block; a document without one fails.</param>
    /// <param name="result">The rating.</param>
    /// <returns>The differences.</returns>
    public static VerificationResult Verify(ExpectedResult? expected, RatingResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var differences = ImmutableArray.CreateBuilder<string>();
        if (expected is null)
        {
            differences.Add("the document has no expected block");
            return new VerificationResult(differences.ToImmutable());
        }

        foreach (var want in expected.Standards)
        {
            var got = result.Standard(want.StandardId);
            if (got is null)
            {
                differences.Add($"{want.StandardId}: no such standard in {result.FrameworkId}");
                continue;
            }

            Compare(differences, $"{want.StandardId} rating", want.Rating, got.Rating);
            Compare(differences, $"{want.StandardId} computedRating", want.ComputedRating, got.ComputedRating ?? Rating.NotRated);
            if (want.DrivenBy is not null && want.DrivenBy != got.DrivenBy)
            {
                differences.Add($"{want.StandardId} drivenBy: expected {want.DrivenBy}, got {got.DrivenBy ?? "none"}");
            }

            Compare(differences, $"{want.StandardId} points", want.Points, got.Points);
        }

        Compare(differences, "score", expected.Score, result.Score);
        Compare(differences, "maxScore", expected.MaxScore, result.MaxScore);
        Compare(differences, "overall", expected.Overall, result.Overall);
        Compare(differences, "casesInspected", expected.CasesInspected, result.Cases?.Inspected);
        Compare(differences, "resetCases", expected.ResetCases, result.Cases?.Reset);
        Compare(differences, "adjustedCases", expected.AdjustedCases, result.Cases?.Adjusted);
        return new VerificationResult(differences.ToImmutable());
    }

    private static void Compare<T>(ImmutableArray<string>.Builder differences, string what, T? expected, T? actual)
        where T : struct
    {
        if (expected is not null && !expected.Equals(actual))
        {
            differences.Add($"{what}: expected {Show(expected)}, got {(actual is null ? "none" : Show(actual))}");
        }
    }

    private static string Show<T>(T? value)
        where T : struct => value is Rating rating ? rating.ToString() : value?.ToString() ?? "none";
}
