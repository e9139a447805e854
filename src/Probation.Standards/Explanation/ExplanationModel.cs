using System;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Explanation;

/// <summary>What one key question below a band edge needs to reach it.</summary>
public sealed class KeyQuestionLift : IEquatable<KeyQuestionLift>
{
    internal KeyQuestionLift(KeyQuestionResult keyQuestion, long? noAnswersTurnedYes, long? newSufficientCases, decimal? percentagePointsShort)
    {
        this.KeyQuestion = keyQuestion;
        this.NoAnswersTurnedYes = noAnswersTurnedYes;
        this.NewSufficientCases = newSufficientCases;
        this.PercentagePointsShort = percentagePointsShort;
    }

    /// <summary>The key question's result.</summary>
    public KeyQuestionResult KeyQuestion { get; }

    /// <summary>The fewest No answers turned Yes that reach the edge; <see langword="null"/> for a published percentage (its counts are unknown).</summary>
    public long? NoAnswersTurnedYes { get; }

    /// <summary>The fewest new cases, all sufficient, that reach the edge; <see langword="null"/> when no number does (an edge of 100%) or the counts are unknown.</summary>
    public long? NewSufficientCases { get; }

    /// <summary>For a published percentage, how many percentage points it is below the edge.</summary>
    public decimal? PercentagePointsShort { get; }

    /// <inheritdoc />
    public bool Equals(KeyQuestionLift? other) =>
        other is not null && this.KeyQuestion.Equals(other.KeyQuestion) && this.NoAnswersTurnedYes == other.NoAnswersTurnedYes
        && this.NewSufficientCases == other.NewSufficientCases && this.PercentagePointsShort == other.PercentagePointsShort;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as KeyQuestionLift);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.KeyQuestion, this.NoAnswersTurnedYes, this.NewSufficientCases);
}

/// <summary>What lifts a case standard one band (R4, R5): every key question below the next edge must reach it.</summary>
public sealed class BandLift : IEquatable<BandLift>
{
    internal BandLift(RatingBand target, long? noAnswersTurnedYes, long? newSufficientCases, EquatableArray<KeyQuestionLift> keyQuestions, string? drivenByAfterNoTurnedYes, string? drivenByAfterNewCases)
    {
        this.Target = target;
        this.NoAnswersTurnedYes = noAnswersTurnedYes;
        this.NewSufficientCases = newSufficientCases;
        this.KeyQuestions = keyQuestions;
        this.DrivenByAfterNoTurnedYes = drivenByAfterNoTurnedYes;
        this.DrivenByAfterNewCases = drivenByAfterNewCases;
    }

    /// <summary>The next band up.</summary>
    public RatingBand Target { get; }

    /// <summary>The fewest No answers turned Yes, summed over the key questions below the edge; <see langword="null"/> when a count is unknown.</summary>
    public long? NoAnswersTurnedYes { get; }

    /// <summary>The fewest new cases sufficient on every key question, the largest any key question needs; <see langword="null"/> when unknown.</summary>
    public long? NewSufficientCases { get; }

    /// <summary>The key questions below the edge.</summary>
    public EquatableArray<KeyQuestionLift> KeyQuestions { get; }

    /// <summary>Which key question would then drive the rating, after the No answers are turned.</summary>
    public string? DrivenByAfterNoTurnedYes { get; }

    /// <summary>Which key question would then drive the rating, after the new cases.</summary>
    public string? DrivenByAfterNewCases { get; }

    /// <inheritdoc />
    public bool Equals(BandLift? other) =>
        other is not null && this.Target.Equals(other.Target) && this.NoAnswersTurnedYes == other.NoAnswersTurnedYes
        && this.NewSufficientCases == other.NewSufficientCases && this.KeyQuestions == other.KeyQuestions
        && this.DrivenByAfterNoTurnedYes == other.DrivenByAfterNoTurnedYes && this.DrivenByAfterNewCases == other.DrivenByAfterNewCases;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as BandLift);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Target, this.NoAnswersTurnedYes, this.NewSufficientCases);
}

/// <summary>One standard's part of the cheapest path to the next overall band: the band it is lifted to and what that takes.</summary>
public sealed class OverallPlanStep : IEquatable<OverallPlanStep>
{
    internal OverallPlanStep(StandardResult standard, RatingBand target, int pointsGained, long? noAnswersTurnedYes, decimal? percentagePoints, EquatableArray<KeyQuestionLift> keyQuestions)
    {
        this.Standard = standard;
        this.Target = target;
        this.PointsGained = pointsGained;
        this.NoAnswersTurnedYes = noAnswersTurnedYes;
        this.PercentagePoints = percentagePoints;
        this.KeyQuestions = keyQuestions;
    }

    /// <summary>The standard lifted.</summary>
    public StandardResult Standard { get; }

    /// <summary>The band it is lifted to.</summary>
    public RatingBand Target { get; }

    /// <summary>The points the lift adds to the score (R8).</summary>
    public int PointsGained { get; }

    /// <summary>The fewest No answers turned Yes that lift it; <see langword="null"/> when its key questions are published percentages.</summary>
    public long? NoAnswersTurnedYes { get; }

    /// <summary>For published percentages, the percentage points its key questions are short of the target's edge, summed.</summary>
    public decimal? PercentagePoints { get; }

    /// <summary>The key questions below the target's edge and what each needs.</summary>
    public EquatableArray<KeyQuestionLift> KeyQuestions { get; }

    /// <inheritdoc />
    public bool Equals(OverallPlanStep? other) =>
        other is not null && this.Standard.Equals(other.Standard) && this.Target.Equals(other.Target) && this.PointsGained == other.PointsGained
        && this.NoAnswersTurnedYes == other.NoAnswersTurnedYes && this.PercentagePoints == other.PercentagePoints && this.KeyQuestions == other.KeyQuestions;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as OverallPlanStep);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Standard.Id, this.Target, this.NoAnswersTurnedYes);
}

/// <summary>Why a case standard is rated as it is (R4, R5) and what would lift it a band.</summary>
public sealed class StandardExplanation : IEquatable<StandardExplanation>
{
    internal StandardExplanation(StandardResult standard, RatingBand? band, BandLift? lift, long? yesAnswersTurnedNoToDrop = null)
    {
        this.Standard = standard;
        this.Band = band;
        this.Lift = lift;
        this.YesAnswersTurnedNoToDrop = yesAnswersTurnedNoToDrop;
    }

    /// <summary>
    /// The fewest Yes answers turned No that would drop the computed rating one band (the cheapest key question);
    /// <see langword="null"/> in the bottom band, when not rated, or when the counts are unknown.
    /// </summary>
    public long? YesAnswersTurnedNoToDrop { get; }

    /// <summary>
    /// Whether one or two answers could change the computed band: a lift of at most two No answers turned Yes, or a
    /// drop of at most two Yes answers turned No.
    /// </summary>
    public bool CouldChangeWithOneOrTwoAnswers =>
        this.Lift?.NoAnswersTurnedYes is <= 2 || this.YesAnswersTurnedNoToDrop is <= 2;

    /// <summary>The standard's result.</summary>
    public StandardResult Standard { get; }

    /// <summary>The key question that drives the rating, if any.</summary>
    public KeyQuestionResult? Driver => this.Standard.Driver;

    /// <summary>The band the driving key question sits in (on the computed rating); <see langword="null"/> when not rated.</summary>
    public RatingBand? Band { get; }

    /// <summary>What lifts it one band; <see langword="null"/> in the top band or when not rated.</summary>
    public BandLift? Lift { get; }

    /// <inheritdoc />
    public bool Equals(StandardExplanation? other) =>
        other is not null && this.Standard.Equals(other.Standard) && Equals(this.Band, other.Band) && Equals(this.Lift, other.Lift)
        && this.YesAnswersTurnedNoToDrop == other.YesAnswersTurnedNoToDrop;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as StandardExplanation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Standard, this.Band);
}

/// <summary>Where the score sits in the overall table (R8), and the points the next band needs.</summary>
public sealed class OverallExplanation : IEquatable<OverallExplanation>
{
    internal OverallExplanation(OverallBandTable? table, OverallBand? band, OverallBand? next, int? pointsToNext, long? fewestAnswers = null, decimal? fewestPercentagePoints = null, EquatableArray<OverallPlanStep> plan = default)
    {
        this.Table = table;
        this.Band = band;
        this.Next = next;
        this.PointsToNext = pointsToNext;
        this.FewestAnswers = fewestAnswers;
        this.FewestPercentagePoints = fewestPercentagePoints;
        this.Plan = plan;
    }

    /// <summary>
    /// The fewest No answers turned Yes, over every combination of lifts of the case standards whose counts are known,
    /// that brings the score to <see cref="Next"/>'s lowest score; judgements and overridden standards fixed.
    /// <see langword="null"/> in the top band, when the overall is not rated, or when no such combination exists.
    /// </summary>
    public long? FewestAnswers { get; }

    /// <summary>
    /// When no combination of counted standards reaches <see cref="Next"/>, the fewest percentage points, summed, by
    /// which the published percentages of the other standards would have to rise; otherwise <see langword="null"/>.
    /// </summary>
    public decimal? FewestPercentagePoints { get; }

    /// <summary>The cheapest path itself: which standards, to which band, at what cost (empty when there is none).</summary>
    public EquatableArray<OverallPlanStep> Plan { get; }

    /// <summary>The overall table for the result's maximum score; <see langword="null"/> when the framework has none (overall not rated).</summary>
    public OverallBandTable? Table { get; }

    /// <summary>The band the score is in.</summary>
    public OverallBand? Band { get; }

    /// <summary>The next band up; <see langword="null"/> in the top band.</summary>
    public OverallBand? Next { get; }

    /// <summary>The fewest further points that reach <see cref="Next"/>.</summary>
    public int? PointsToNext { get; }

    /// <inheritdoc />
    public bool Equals(OverallExplanation? other) =>
        other is not null && Equals(this.Table, other.Table) && Equals(this.Band, other.Band) && Equals(this.Next, other.Next) && this.PointsToNext == other.PointsToNext
        && this.FewestAnswers == other.FewestAnswers && this.FewestPercentagePoints == other.FewestPercentagePoints && this.Plan == other.Plan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as OverallExplanation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Band, this.PointsToNext);
}

/// <summary>A rating explained: each case standard, and the overall rating.</summary>
public sealed class RatingExplanation : IEquatable<RatingExplanation>
{
    internal RatingExplanation(RatingResult result, EquatableArray<StandardExplanation> standards, OverallExplanation overall)
    {
        this.Result = result;
        this.Standards = standards;
        this.Overall = overall;
    }

    /// <summary>The rating explained.</summary>
    public RatingResult Result { get; }

    /// <summary>One explanation per case standard, in framework order.</summary>
    public EquatableArray<StandardExplanation> Standards { get; }

    /// <summary>The overall rating explained.</summary>
    public OverallExplanation Overall { get; }

    /// <summary>Finds the explanation of a case standard.</summary>
    /// <param name="standardId">The standard id.</param>
    /// <param name="explanation">The explanation, when found.</param>
    /// <returns>Whether the id names a case standard.</returns>
    public bool TryGetStandard(string standardId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StandardExplanation? explanation)
    {
        foreach (var candidate in this.Standards)
        {
            if (candidate.Standard.Id == standardId)
            {
                explanation = candidate;
                return true;
            }
        }

        explanation = null;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(RatingExplanation? other) =>
        other is not null && this.Result.Equals(other.Result) && this.Standards == other.Standards && this.Overall.Equals(other.Overall);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingExplanation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Result, this.Standards);
}
