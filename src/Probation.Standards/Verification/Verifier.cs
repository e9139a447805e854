using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Scoring;

namespace Probation.Standards.Verification;

/// <summary>What a document expects of one standard's result; only the fields given are checked.</summary>
public sealed class ExpectedStandard : IEquatable<ExpectedStandard>
{
    /// <summary>Expects a final rating only.</summary>
    /// <param name="standardId">The standard.</param>
    /// <param name="rating">The final rating.</param>
    public ExpectedStandard(string standardId, Rating rating)
        : this(standardId, rating, null, false, null, null)
    {
    }

    /// <summary>Expects any of a standard's fields.</summary>
    /// <param name="standardId">The standard.</param>
    /// <param name="rating">The final rating, if checked.</param>
    /// <param name="computedRating">The computed rating, if checked.</param>
    /// <param name="drivenByGiven">Whether <paramref name="drivenBy"/> is checked (a <see langword="null"/> then means no key question drove it).</param>
    /// <param name="drivenBy">The driving key question.</param>
    /// <param name="points">The points, if checked.</param>
    public ExpectedStandard(string standardId, Rating? rating, Rating? computedRating, bool drivenByGiven, string? drivenBy, int? points)
    {
        this.StandardId = standardId ?? throw new ArgumentNullException(nameof(standardId));
        this.Rating = rating;
        this.ComputedRating = computedRating;
        this.ChecksDrivenBy = drivenByGiven;
        this.DrivenBy = drivenBy;
        this.Points = points;
    }

    /// <summary>The standard.</summary>
    public string StandardId { get; }

    /// <summary>The final rating, if checked.</summary>
    public Rating? Rating { get; }

    /// <summary>The computed rating, if checked.</summary>
    public Rating? ComputedRating { get; }

    /// <summary>Whether <see cref="DrivenBy"/> is checked.</summary>
    public bool ChecksDrivenBy { get; }

    /// <summary>The driving key question; <see langword="null"/> with <see cref="ChecksDrivenBy"/> means none drove it.</summary>
    public string? DrivenBy { get; }

    /// <summary>The points, if checked.</summary>
    public int? Points { get; }

    /// <summary>Whether any field is checked.</summary>
    public bool ChecksSomething => this.Rating is not null || this.ComputedRating is not null || this.ChecksDrivenBy || this.Points is not null;

    /// <inheritdoc />
    public bool Equals(ExpectedStandard? other) =>
        other is not null && this.StandardId == other.StandardId && this.Rating == other.Rating && this.ComputedRating == other.ComputedRating
        && this.ChecksDrivenBy == other.ChecksDrivenBy && this.DrivenBy == other.DrivenBy && this.Points == other.Points;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as ExpectedStandard);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.StandardId, this.Rating, this.Points);
}

/// <summary>A document's <c>expected</c> block: what it should rate as. Only the fields given are checked.</summary>
public sealed class ExpectedResult : IEquatable<ExpectedResult>
{
    /// <summary>Creates an expected result.</summary>
    /// <param name="standards">Expected standards.</param>
    /// <param name="score">The score, if checked.</param>
    /// <param name="maxScore">The maximum score, if checked.</param>
    /// <param name="overall">The overall rating, if checked.</param>
    /// <param name="casesInspected">Cases inspected, if checked.</param>
    /// <param name="resetCases">Cases subject to Reset, if checked.</param>
    /// <param name="adjustedCases">Cases with the adjusted set, if checked.</param>
    public ExpectedResult(IEnumerable<ExpectedStandard>? standards = null, int? score = null, int? maxScore = null, Rating? overall = null, long? casesInspected = null, long? resetCases = null, long? adjustedCases = null)
    {
        this.Standards = ImmutableArray.CreateRange(standards ?? Array.Empty<ExpectedStandard>());
        this.Score = score;
        this.MaxScore = maxScore;
        this.Overall = overall;
        this.CasesInspected = casesInspected;
        this.ResetCases = resetCases;
        this.AdjustedCases = adjustedCases;
    }

    /// <summary>Expected standards.</summary>
    public EquatableArray<ExpectedStandard> Standards { get; }

    /// <summary>The score, if checked.</summary>
    public int? Score { get; }

    /// <summary>The maximum score, if checked.</summary>
    public int? MaxScore { get; }

    /// <summary>The overall rating, if checked.</summary>
    public Rating? Overall { get; }

    /// <summary>Cases inspected, if checked.</summary>
    public long? CasesInspected { get; }

    /// <summary>Cases subject to Reset, if checked.</summary>
    public long? ResetCases { get; }

    /// <summary>Cases with the adjusted set, if checked.</summary>
    public long? AdjustedCases { get; }

    /// <summary>Whether the block checks anything at all: <c>"expected": {}</c> does not, and fails verification.</summary>
    public bool ChecksSomething =>
        this.Standards.Any(s => s.ChecksSomething) || this.Score is not null || this.MaxScore is not null || this.Overall is not null
        || this.CasesInspected is not null || this.ResetCases is not null || this.AdjustedCases is not null;

    /// <inheritdoc />
    public bool Equals(ExpectedResult? other) =>
        other is not null && this.Standards == other.Standards && this.Score == other.Score && this.MaxScore == other.MaxScore
        && this.Overall == other.Overall && this.CasesInspected == other.CasesInspected && this.ResetCases == other.ResetCases
        && this.AdjustedCases == other.AdjustedCases;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as ExpectedResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Standards, this.Score, this.Overall);
}

/// <summary>The outcome of checking a result against an expected block.</summary>
public sealed class VerificationResult : IEquatable<VerificationResult>
{
    internal VerificationResult(EquatableArray<string> differences) => this.Differences = differences;

    /// <summary>What differs, one entry per field, empty when the result is as expected.</summary>
    public EquatableArray<string> Differences { get; }

    /// <summary>Whether the result is as expected.</summary>
    public bool Passed => this.Differences.Count == 0;

    /// <inheritdoc />
    public bool Equals(VerificationResult? other) => other is not null && this.Differences == other.Differences;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as VerificationResult);

    /// <inheritdoc />
    public override int GetHashCode() => this.Differences.GetHashCode();
}

/// <summary>Checks a rating against what a document expects (the conformance vectors in <c>seeds/</c>).</summary>
public static class Verifier
{
    /// <summary>Compares every field the expected block gives with the result.</summary>
    /// <param name="expected">The expected block; <see langword="null"/> or one that checks nothing fails.</param>
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

        if (!expected.ChecksSomething)
        {
            differences.Add("the expected block checks nothing");
            return new VerificationResult(differences.ToImmutable());
        }

        foreach (var want in expected.Standards)
        {
            if (!result.TryGetStandard(want.StandardId, out var got))
            {
                differences.Add($"{want.StandardId}: no such standard in {result.FrameworkId}");
                continue;
            }

            Compare(differences, $"{want.StandardId} rating", want.Rating, got.Rating);
            Compare(differences, $"{want.StandardId} computedRating", want.ComputedRating, got.ComputedRating ?? Rating.NotRated);
            if (want.ChecksDrivenBy && want.DrivenBy != got.DrivenBy)
            {
                differences.Add($"{want.StandardId} drivenBy: expected {want.DrivenBy ?? "none"}, got {got.DrivenBy ?? "none"}");
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
            differences.Add($"{what}: expected {expected}, got {(actual is null ? "none" : actual.ToString())}");
        }
    }
}
