using System;
using System.Diagnostics.CodeAnalysis;
using Probation.Standards.Scoring;

namespace Probation.Standards.Statistics;

/// <summary>Options of <see cref="Uncertainty.Assess"/> (R11). Immutable.</summary>
public sealed class UncertaintyOptions : IEquatable<UncertaintyOptions>
{
    /// <summary>Creates options.</summary>
    /// <param name="confidence">The confidence of the intervals, strictly between 0 and 1 (default 0.95).</param>
    /// <param name="assumedRelevant">
    /// The number of relevant cases N to assume behind each published percentage without counts; then k =
    /// percentage x N / 100 exactly. <see langword="null"/>: published percentages get no interval and are held at
    /// their exact value.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A confidence outside (0, 1), or an assumed count that is not above 0 and finite.</exception>
    public UncertaintyOptions(double confidence = ShareStatistics.DefaultConfidence, double? assumedRelevant = null)
    {
        ShareStatistics.CheckConfidence(confidence);
        if (assumedRelevant is { } n && !(n > 0 && !double.IsInfinity(n)))
        {
            throw new ArgumentOutOfRangeException(nameof(assumedRelevant), n, "the number of relevant cases to assume is above 0");
        }

        this.Confidence = confidence;
        this.AssumedRelevant = assumedRelevant;
    }

    /// <summary>The defaults: 95%, no assumed counts.</summary>
    public static UncertaintyOptions Default { get; } = new();

    /// <summary>The confidence of the intervals.</summary>
    public double Confidence { get; }

    /// <summary>The relevant cases assumed behind a published percentage, if any.</summary>
    public double? AssumedRelevant { get; }

    /// <inheritdoc />
    public bool Equals(UncertaintyOptions? other) => other is not null && this.Confidence.Equals(other.Confidence) && Nullable.Equals(this.AssumedRelevant, other.AssumedRelevant);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as UncertaintyOptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Confidence, this.AssumedRelevant);
}

/// <summary>A key question's statistics (R11).</summary>
public sealed class KeyQuestionUncertainty : IEquatable<KeyQuestionUncertainty>
{
    internal KeyQuestionUncertainty(KeyQuestionResult keyQuestion, double? yes, double? relevant, bool countsAssumed, ShareInterval? interval, BandProbabilities? bandProbability)
    {
        this.KeyQuestion = keyQuestion;
        this.Yes = yes;
        this.Relevant = relevant;
        this.CountsAssumed = countsAssumed;
        this.Interval = interval;
        this.BandProbability = bandProbability;
    }

    /// <summary>The key question's result.</summary>
    public KeyQuestionResult KeyQuestion { get; }

    /// <summary>The Yes count used (assumed for a published percentage); <see langword="null"/> when there is none.</summary>
    public double? Yes { get; }

    /// <summary>The relevant count used; <see langword="null"/> when there is none.</summary>
    public double? Relevant { get; }

    /// <summary>Whether the counts were assumed from a published percentage (<see cref="UncertaintyOptions.AssumedRelevant"/>).</summary>
    public bool CountsAssumed { get; }

    /// <summary>The Clopper-Pearson interval; <see langword="null"/> without counts or without a result.</summary>
    public ShareInterval? Interval { get; }

    /// <summary>The Jeffreys posterior probability of each band; <see langword="null"/> without counts or without a result.</summary>
    public BandProbabilities? BandProbability { get; }

    /// <inheritdoc />
    public bool Equals(KeyQuestionUncertainty? other) =>
        other is not null && this.KeyQuestion.Equals(other.KeyQuestion) && Nullable.Equals(this.Yes, other.Yes) && Nullable.Equals(this.Relevant, other.Relevant)
        && this.CountsAssumed == other.CountsAssumed && Equals(this.Interval, other.Interval) && Equals(this.BandProbability, other.BandProbability);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as KeyQuestionUncertainty);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.KeyQuestion.Id, this.Yes, this.Relevant);
}

/// <summary>A case standard's statistics (R11).</summary>
public sealed class StandardUncertainty : IEquatable<StandardUncertainty>
{
    internal StandardUncertainty(StandardResult standard, EquatableArray<KeyQuestionUncertainty> keyQuestions, BandProbabilities? bandProbability)
    {
        this.Standard = standard;
        this.KeyQuestions = keyQuestions;
        this.BandProbability = bandProbability;
    }

    /// <summary>The standard's result.</summary>
    public StandardResult Standard { get; }

    /// <summary>Its key questions, in framework order.</summary>
    public EquatableArray<KeyQuestionUncertainty> KeyQuestions { get; }

    /// <summary>
    /// The probability of each band of the standard's rating: the band of the minimum of its key questions'
    /// shares, independent Jeffreys posteriors (a published percentage without assumed counts held at its value);
    /// certain at the final rating when overridden; <see langword="null"/> when not rated.
    /// </summary>
    public BandProbabilities? BandProbability { get; }

    /// <summary>The probability that the rating is what it is (the chance its band holds); <see langword="null"/> when not rated.</summary>
    public double? ProbabilityOfRating => this.BandProbability?.GetProbability(this.Standard.Rating);

    /// <inheritdoc />
    public bool Equals(StandardUncertainty? other) =>
        other is not null && this.Standard.Equals(other.Standard) && this.KeyQuestions == other.KeyQuestions && Equals(this.BandProbability, other.BandProbability);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as StandardUncertainty);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Standard.Id, this.BandProbability);
}

/// <summary>How sure a rating is (R11): every case standard's statistics and the overall rating's probabilities.</summary>
public sealed class RatingUncertainty : IEquatable<RatingUncertainty>
{
    internal RatingUncertainty(RatingResult result, UncertaintyOptions options, EquatableArray<StandardUncertainty> standards, BandProbabilities? overallProbability, EquatableArray<double> scoreProbability)
    {
        this.Result = result;
        this.Options = options;
        this.Standards = standards;
        this.OverallProbability = overallProbability;
        this.ScoreProbability = scoreProbability;
    }

    /// <summary>The rating.</summary>
    public RatingResult Result { get; }

    /// <summary>The options used.</summary>
    public UncertaintyOptions Options { get; }

    /// <summary>One entry per case standard, in framework order.</summary>
    public EquatableArray<StandardUncertainty> Standards { get; }

    /// <summary>The probability of each overall rating; <see langword="null"/> when the overall is not rated.</summary>
    public BandProbabilities? OverallProbability { get; }

    /// <summary>P(score = s) for s = 0 to the maximum score; empty when the overall is not rated.</summary>
    public EquatableArray<double> ScoreProbability { get; }

    /// <summary>Whether some published percentage's counts were assumed.</summary>
    public bool CountsAssumed
    {
        get
        {
            foreach (var standard in this.Standards)
            {
                foreach (var question in standard.KeyQuestions)
                {
                    if (question.CountsAssumed)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Finds a case standard's statistics.</summary>
    /// <param name="standardId">The standard id.</param>
    /// <param name="standard">Its statistics, when found.</param>
    /// <returns>Whether the id names a case standard.</returns>
    public bool TryGetStandard(string standardId, [NotNullWhen(true)] out StandardUncertainty? standard)
    {
        foreach (var candidate in this.Standards)
        {
            if (candidate.Standard.Id == standardId)
            {
                standard = candidate;
                return true;
            }
        }

        standard = null;
        return false;
    }

    /// <summary>Finds a key question's statistics.</summary>
    /// <param name="keyQuestionId">The key question id.</param>
    /// <param name="keyQuestion">Its statistics, when found.</param>
    /// <returns>Whether the id names a key question of a case standard.</returns>
    public bool TryGetKeyQuestion(string keyQuestionId, [NotNullWhen(true)] out KeyQuestionUncertainty? keyQuestion)
    {
        foreach (var standard in this.Standards)
        {
            foreach (var candidate in standard.KeyQuestions)
            {
                if (candidate.KeyQuestion.Id == keyQuestionId)
                {
                    keyQuestion = candidate;
                    return true;
                }
            }
        }

        keyQuestion = null;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(RatingUncertainty? other) =>
        other is not null && this.Result.Equals(other.Result) && this.Options.Equals(other.Options) && this.Standards == other.Standards
        && Equals(this.OverallProbability, other.OverallProbability) && this.ScoreProbability == other.ScoreProbability;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingUncertainty);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Result, this.OverallProbability);
}
