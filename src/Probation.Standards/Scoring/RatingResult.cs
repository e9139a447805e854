using System;
using System.Collections.Generic;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Scoring;

/// <summary>Options for rating. Immutable; <see cref="Default"/> follows <c>docs/rules.md</c>.</summary>
public sealed class RatingOptions : IEquatable<RatingOptions>
{
    /// <summary>Creates options.</summary>
    /// <param name="basis">Which number a key question's band is read from (R4); the exact ratio by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined basis.</exception>
    public RatingOptions(BandingBasis basis = BandingBasis.ExactRatio)
    {
        this.Basis = basis is BandingBasis.ExactRatio or BandingBasis.RoundedPercentage
            ? basis
            : throw new ArgumentOutOfRangeException(nameof(basis), basis, "not a banding basis");
    }

    /// <summary>The defaults of the rules: bands from the exact ratio.</summary>
    public static RatingOptions Default { get; } = new();

    /// <summary>Which number a key question's band is read from (R4).</summary>
    public BandingBasis Basis { get; }

    /// <inheritdoc />
    public bool Equals(RatingOptions? other) => other is not null && this.Basis == other.Basis;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingOptions);

    /// <inheritdoc />
    public override int GetHashCode() => this.Basis.GetHashCode();
}

/// <summary>What a warning is about.</summary>
public enum WarningCode
{
    /// <summary>The exact ratio and the rounded percentage of a driving key question fall in different bands (R4).</summary>
    BoundarySensitive = 0,

    /// <summary>A key question has no relevant case and was skipped (R5).</summary>
    KeyQuestionSkipped = 1,

    /// <summary>A case standard has no key-question result and is not rated (R5).</summary>
    StandardNotRated = 2,

    /// <summary>A standard is not rated, so the overall rating is not rated (R8).</summary>
    OverallNotRated = 3,

    /// <summary>A case marked exempt carries a suspension date; it is not counted as Reset (R9).</summary>
    SuspendedButExempt = 4,

    /// <summary>An adjusted case answered a key question that does not apply to the adjusted set; the answer is not counted (R9).</summary>
    AnswerNotApplicableWhenAdjusted = 5,

    /// <summary>A suspension date falls before Probation Reset began (R9).</summary>
    SuspendedBeforeReset = 6,

    /// <summary>The document names a framework that was not in force on its fieldwork start date (R1).</summary>
    FrameworkNotInForce = 7,

    /// <summary>A case has no <c>answers</c> at all: every key question is NotApplicable for it.</summary>
    CaseWithoutAnswers = 8,

    /// <summary>A group rated by its tags: only its case standards are rated; its organisational standards and overall are NotRated (R12).</summary>
    OnlyCaseStandardsRated = 9,

    /// <summary>Cells of a case sheet's key-question columns were blank and read as NotApplicable.</summary>
    BlankAnswers = 10,
}

/// <summary>A warning attached to a rating: the rating stands, but a person should look.</summary>
public sealed class RatingWarning : IEquatable<RatingWarning>
{
    /// <summary>Creates a warning.</summary>
    /// <param name="code">What the warning is about.</param>
    /// <param name="message">The warning in words, one line.</param>
    /// <param name="standardId">The standard concerned, if any.</param>
    /// <param name="keyQuestionId">The key question concerned, if any.</param>
    /// <param name="caseId">The case concerned, if any.</param>
    public RatingWarning(WarningCode code, string message, string? standardId = null, string? keyQuestionId = null, string? caseId = null)
    {
        this.Code = code;
        this.Message = InputProblem.OneLine(message ?? throw new ArgumentNullException(nameof(message)));
        this.StandardId = standardId;
        this.KeyQuestionId = keyQuestionId;
        this.CaseId = caseId;
    }

    /// <summary>What the warning is about.</summary>
    public WarningCode Code { get; }

    /// <summary>The warning in words.</summary>
    public string Message { get; }

    /// <summary>The standard concerned, if any.</summary>
    public string? StandardId { get; }

    /// <summary>The key question concerned, if any.</summary>
    public string? KeyQuestionId { get; }

    /// <summary>The case concerned, if any.</summary>
    public string? CaseId { get; }

    /// <inheritdoc />
    public bool Equals(RatingWarning? other) =>
        other is not null && this.Code == other.Code && this.Message == other.Message && this.StandardId == other.StandardId
        && this.KeyQuestionId == other.KeyQuestionId && this.CaseId == other.CaseId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingWarning);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Code, this.Message);

    /// <inheritdoc />
    public override string ToString() => this.Message;
}

/// <summary>A key question's result and band (R3, R4): the one model of a key question's result.</summary>
public sealed class KeyQuestionResult : IEquatable<KeyQuestionResult>
{
    internal KeyQuestionResult(string id, KeyQuestionTally tally, PublishedPercentage? published, Rating band)
    {
        this.Id = id;
        this.Tally = tally;
        this.Published = published;
        this.Band = band;
    }

    /// <summary>The key question.</summary>
    public string Id { get; }

    /// <summary>The counts; for a published percentage, the percentage scaled to whole numbers.</summary>
    public KeyQuestionTally Tally { get; }

    /// <summary>The published percentage, when the result was given as one (its counts are then unknown).</summary>
    public decimal? PublishedPercent => this.Published?.Percent;

    private PublishedPercentage? Published { get; }

    /// <summary>Whether the result was given as a published percentage.</summary>
    public bool IsPublished => this.PublishedPercent is not null;

    /// <summary>Whether the key question has a result: at least one relevant case (R3).</summary>
    public bool HasResult => this.Tally.HasResult;

    /// <summary>The exact share of Yes answers rounded half up to two decimals, for display; <see langword="null"/> with no result.</summary>
    public decimal? Percent => this.HasResult ? Banding.DisplayPercent(this.Tally) : null;

    /// <summary>The whole-number percentage as reports print it; <see langword="null"/> with no result.</summary>
    public int? RoundedPercent => this.HasResult ? Banding.RoundedPercent(this.Tally) : null;

    /// <summary>The band on the basis used; <see cref="Rating.NotRated"/> with no result.</summary>
    public Rating Band { get; }

    /// <inheritdoc />
    public bool Equals(KeyQuestionResult? other) =>
        other is not null && this.Id == other.Id && this.Tally == other.Tally && Equals(this.Published, other.Published) && this.Band == other.Band;

    /// <summary>
    /// Compares the two results' shares exactly (R5): counts as yes/relevant, a published percentage on its
    /// exact value, however many digits it was written with.
    /// </summary>
    internal int CompareShare(KeyQuestionResult other)
    {
        if (this.Published is null && other.Published is null)
        {
            return this.Tally.CompareRatio(other.Tally);
        }

        Share(this, out var leftNumerator, out var leftDenominator);
        Share(other, out var rightNumerator, out var rightDenominator);
        return Internal.ExactNumber.CompareShares(leftNumerator, leftDenominator, rightNumerator, rightDenominator);

        static void Share(KeyQuestionResult result, out System.Numerics.BigInteger numerator, out System.Numerics.BigInteger denominator)
        {
            if (result.Published is { } published)
            {
                numerator = published.Exact.Digits;
                denominator = published.Exact.ShareDenominator;
            }
            else
            {
                numerator = result.Tally.Yes;
                denominator = result.Tally.Relevant;
            }
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as KeyQuestionResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.Tally, this.Band);

    /// <inheritdoc />
    public override string ToString() => $"{this.Id}: {this.Tally} {this.Band}";
}

/// <summary>A standard's result (R5-R8).</summary>
public sealed class StandardResult : IEquatable<StandardResult>
{
    internal StandardResult(StandardDefinition definition, Rating rating, Rating? computedRating, int points, string? drivenBy, EquatableArray<KeyQuestionResult> keyQuestions, RatingOverride? @override)
    {
        this.Id = definition.Id;
        this.Name = definition.Name;
        this.RatedBy = definition.RatedBy;
        this.CountsTowardsScore = definition.CountsTowardsScore;
        this.Rating = rating;
        this.ComputedRating = computedRating;
        this.Points = points;
        this.DrivenBy = drivenBy;
        this.KeyQuestions = keyQuestions;
        this.Override = @override;
    }

    /// <summary>The standard.</summary>
    public string Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Judgement or case sample.</summary>
    public RatedBy RatedBy { get; }

    /// <summary>The final rating, the one that scores.</summary>
    public Rating Rating { get; }

    /// <summary>For a case standard, the rating its key questions give before any override; <see langword="null"/> for a judgement.</summary>
    public Rating? ComputedRating { get; }

    /// <summary>The points the final rating is worth (R8); they are in the score only when <see cref="CountsTowardsScore"/>.</summary>
    public int Points { get; }

    /// <summary>Whether the standard counts towards the score and its maximum (R8); youth justice resettlement does not.</summary>
    public bool CountsTowardsScore { get; }

    /// <summary>For a rated case standard, the key question with the lowest result (first in order on a tie, R5).</summary>
    public string? DrivenBy { get; }

    /// <summary>The key-question results in framework order (empty for a judgement).</summary>
    public EquatableArray<KeyQuestionResult> KeyQuestions { get; }

    /// <summary>The override applied, if any (R7).</summary>
    public RatingOverride? Override { get; }

    /// <summary>The result of the key question that drove the rating, if any.</summary>
    public KeyQuestionResult? Driver
    {
        get
        {
            foreach (var question in this.KeyQuestions)
            {
                if (question.Id == this.DrivenBy)
                {
                    return question;
                }
            }

            return null;
        }
    }

    /// <inheritdoc />
    public bool Equals(StandardResult? other) =>
        other is not null && this.Id == other.Id && this.Name == other.Name && this.RatedBy == other.RatedBy && this.Rating == other.Rating
        && this.ComputedRating == other.ComputedRating && this.Points == other.Points && this.DrivenBy == other.DrivenBy
        && this.CountsTowardsScore == other.CountsTowardsScore && this.KeyQuestions == other.KeyQuestions && Equals(this.Override, other.Override);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as StandardResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.Rating, this.Points);

    /// <inheritdoc />
    public override string ToString() => $"{this.Id} {this.Name}: {this.Rating}";
}

/// <summary>The rating of one unit: every standard, the score and the overall rating, with warnings and what it rests on (R3-R9).</summary>
public sealed class RatingResult : IEquatable<RatingResult>
{
    internal RatingResult(string unit, Framework framework, BandingBasis basis, EquatableArray<StandardResult> standards, int score, int maxScore, Rating overall, CaseCounts? cases, EquatableArray<RatingWarning> warnings)
    {
        this.Unit = unit;
        this.Framework = framework;
        this.Basis = basis;
        this.Standards = standards;
        this.Score = score;
        this.MaxScore = maxScore;
        this.Overall = overall;
        this.Cases = cases;
        this.Warnings = warnings;
        this.Unverified = framework.UnverifiedValues(cases is { Inspected: > 0 });
    }

    /// <summary>The inspected unit.</summary>
    public string Unit { get; }

    /// <summary>The framework rated against.</summary>
    public Framework Framework { get; }

    /// <summary>The framework's id.</summary>
    public string FrameworkId => this.Framework.Id;

    /// <summary>The version of the framework's data.</summary>
    public string FrameworkVersionId => this.Framework.VersionId;

    /// <summary>The banding basis used (R4).</summary>
    public BandingBasis Basis { get; }

    /// <summary>Every standard of the framework, in order.</summary>
    public EquatableArray<StandardResult> Standards { get; }

    /// <summary>The sum of the rated standards' points (R8).</summary>
    public int Score { get; }

    /// <summary>The maximum score over the rated standards (R8).</summary>
    public int MaxScore { get; }

    /// <summary>The overall rating; <see cref="Rating.NotRated"/> when a standard is not rated and no table covers the reduced maximum (R8).</summary>
    public Rating Overall { get; }

    /// <summary>The case counts, when cases were given (R9).</summary>
    public CaseCounts? Cases { get; }

    /// <summary>Warnings, in the order found: the producer's, then the rater's.</summary>
    public EquatableArray<RatingWarning> Warnings { get; }

    /// <summary>In words, every value the rating rests on whose source is not confirmed (<see cref="Framework.UnverifiedValues"/>).</summary>
    public EquatableArray<string> Unverified { get; }

    /// <summary>Finds a standard's result by id.</summary>
    /// <param name="id">The standard id.</param>
    /// <param name="standard">The result, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetStandard(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StandardResult? standard)
    {
        foreach (var candidate in this.Standards)
        {
            if (candidate.Id == id)
            {
                standard = candidate;
                return true;
            }
        }

        standard = null;
        return false;
    }

    /// <summary>Gets a standard's result by id.</summary>
    /// <param name="id">The standard id.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such standard.</exception>
    public StandardResult GetStandard(string id) =>
        this.TryGetStandard(id, out var standard) ? standard : throw new KeyNotFoundException($"{this.FrameworkId} has no standard '{id}'");

    /// <inheritdoc />
    public bool Equals(RatingResult? other) =>
        other is not null && this.Unit == other.Unit && this.Framework.Equals(other.Framework) && this.Basis == other.Basis
        && this.Standards == other.Standards && this.Score == other.Score && this.MaxScore == other.MaxScore && this.Overall == other.Overall
        && Nullable.Equals(this.Cases, other.Cases) && this.Warnings == other.Warnings;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Unit, this.FrameworkId, this.Score, this.Overall);

    /// <inheritdoc />
    public override string ToString() => $"{this.Unit}: {this.Score}/{this.MaxScore} {this.Overall}";
}
