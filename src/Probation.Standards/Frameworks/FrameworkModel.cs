using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Reset;

namespace Probation.Standards.Frameworks;

/// <summary>How a standard is rated (R2).</summary>
public enum RatedBy
{
    /// <summary>An inspectors' judgement, given as an input (R6).</summary>
    Judgement = 0,

    /// <summary>Computed from the case sample's key questions (R4, R5).</summary>
    CaseSample = 1,
}

/// <summary>A key question of a case standard (R2).</summary>
public sealed class KeyQuestionDefinition : IEquatable<KeyQuestionDefinition>
{
    internal KeyQuestionDefinition(string id, string? text, string? lens, int index, SourceReference source, string standardId)
    {
        this.Id = id;
        this.Text = text;
        this.Lens = lens;
        this.Index = index;
        this.Source = source;
        this.StandardId = standardId;
    }

    /// <summary>The id, e.g. <c>P2.1.3</c>.</summary>
    public string Id { get; }

    /// <summary>
    /// The question as printed (display data; no rule depends on it); <see langword="null"/> when no source read gives
    /// its wording, which the framework leaves out rather than invent.
    /// </summary>
    public string? Text { get; }

    /// <summary>
    /// The lens, e.g. engagement, desistance or keeping other people safe (display data); <see langword="null"/> when
    /// the framework does not know it.
    /// </summary>
    public string? Lens { get; }

    /// <summary>The position among all the framework's key questions, in framework order.</summary>
    public int Index { get; }

    /// <summary>The standard the key question belongs to.</summary>
    public string StandardId { get; }

    /// <summary>Where it comes from.</summary>
    public SourceReference Source { get; }

    /// <inheritdoc />
    public bool Equals(KeyQuestionDefinition? other) =>
        other is not null && this.Id == other.Id && this.Text == other.Text && this.Lens == other.Lens
        && this.Index == other.Index && this.StandardId == other.StandardId && this.Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as KeyQuestionDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.Index);

    /// <inheritdoc />
    public override string ToString() => this.Id;
}

/// <summary>A standard of a framework (R2).</summary>
public sealed class StandardDefinition : IEquatable<StandardDefinition>
{
    internal StandardDefinition(string id, string name, string domain, RatedBy ratedBy, EquatableArray<KeyQuestionDefinition> keyQuestions, SourceReference source, bool countsTowardsScore = true)
    {
        this.CountsTowardsScore = countsTowardsScore;
        this.Id = id;
        this.Name = name;
        this.Domain = domain;
        this.RatedBy = ratedBy;
        this.KeyQuestions = keyQuestions;
        this.Source = source;
    }

    /// <summary>The id, e.g. <c>P2.1</c>.</summary>
    public string Id { get; }

    /// <summary>The name, e.g. Assessment.</summary>
    public string Name { get; }

    /// <summary>The domain it belongs to.</summary>
    public string Domain { get; }

    /// <summary>Judgement or case sample.</summary>
    public RatedBy RatedBy { get; }

    /// <summary>Its key questions in order (empty for a judgement).</summary>
    public EquatableArray<KeyQuestionDefinition> KeyQuestions { get; }

    /// <summary>
    /// Whether the standard's points count towards the score and its maximum (R8). <see langword="false"/> for a
    /// standard that is rated and reported but left out of the score, as youth justice resettlement is from 2021.
    /// </summary>
    public bool CountsTowardsScore { get; }

    /// <summary>Where it comes from.</summary>
    public SourceReference Source { get; }

    /// <inheritdoc />
    public bool Equals(StandardDefinition? other) =>
        other is not null && this.Id == other.Id && this.Name == other.Name && this.Domain == other.Domain
        && this.RatedBy == other.RatedBy && this.KeyQuestions == other.KeyQuestions && this.CountsTowardsScore == other.CountsTowardsScore
        && this.Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as StandardDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.RatedBy);

    /// <inheritdoc />
    public override string ToString() => $"{this.Id} {this.Name}";
}

/// <summary>A band of the key-question percentage table (R4): <c>[FromPercent, ToPercent)</c>, the top band closed at 100.</summary>
public sealed class RatingBand : IEquatable<RatingBand>
{
    internal RatingBand(Rating rating, string descriptor, int fromPercent, int toPercent, SourceReference source)
    {
        this.Rating = rating;
        this.Descriptor = descriptor;
        this.FromPercent = fromPercent;
        this.ToPercent = toPercent;
        this.Source = source;
    }

    /// <summary>The rating of the band.</summary>
    public Rating Rating { get; }

    /// <summary>The report's words for it, e.g. "reasonable majority".</summary>
    public string Descriptor { get; }

    /// <summary>The lower edge in whole percent, included.</summary>
    public int FromPercent { get; }

    /// <summary>The upper edge in whole percent, excluded (100 is included in the top band).</summary>
    public int ToPercent { get; }

    /// <summary>Where it comes from.</summary>
    public SourceReference Source { get; }

    /// <inheritdoc />
    public bool Equals(RatingBand? other) =>
        other is not null && this.Rating == other.Rating && this.Descriptor == other.Descriptor
        && this.FromPercent == other.FromPercent && this.ToPercent == other.ToPercent && this.Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingBand);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Rating, this.FromPercent, this.ToPercent);

    /// <inheritdoc />
    public override string ToString() => $"{this.Rating}: {this.FromPercent}-{this.ToPercent}%";
}

/// <summary>The points a rating scores (R8).</summary>
public sealed class RatingPoints : IEquatable<RatingPoints>
{
    internal RatingPoints(Rating rating, int points, SourceReference source)
    {
        this.Rating = rating;
        this.Points = points;
        this.Source = source;
    }

    /// <summary>The rating.</summary>
    public Rating Rating { get; }

    /// <summary>Its points.</summary>
    public int Points { get; }

    /// <summary>Where it comes from.</summary>
    public SourceReference Source { get; }

    /// <inheritdoc />
    public bool Equals(RatingPoints? other) =>
        other is not null && this.Rating == other.Rating && this.Points == other.Points && this.Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingPoints);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Rating, this.Points);
}

/// <summary>A band of an overall table: scores <c>FromScore</c> to <c>ToScore</c> inclusive (R8).</summary>
public sealed class OverallBand : IEquatable<OverallBand>
{
    internal OverallBand(Rating rating, int fromScore, int toScore)
    {
        this.Rating = rating;
        this.FromScore = fromScore;
        this.ToScore = toScore;
    }

    /// <summary>The overall rating.</summary>
    public Rating Rating { get; }

    /// <summary>The lowest score of the band.</summary>
    public int FromScore { get; }

    /// <summary>The highest score of the band.</summary>
    public int ToScore { get; }

    /// <inheritdoc />
    public bool Equals(OverallBand? other) =>
        other is not null && this.Rating == other.Rating && this.FromScore == other.FromScore && this.ToScore == other.ToScore;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as OverallBand);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Rating, this.FromScore, this.ToScore);

    /// <inheritdoc />
    public override string ToString() => $"{this.Rating}: {this.FromScore}-{this.ToScore}";
}

/// <summary>The overall bands for one maximum score (R8), covering 0 to the maximum with no gap.</summary>
public sealed class OverallBandTable : IEquatable<OverallBandTable>
{
    internal OverallBandTable(int maxScore, EquatableArray<OverallBand> bands, SourceReference source)
    {
        this.MaxScore = maxScore;
        this.Bands = bands;
        this.Source = source;
    }

    /// <summary>The maximum score the table is for (21 with all seven standards rated).</summary>
    public int MaxScore { get; }

    /// <summary>The bands, lowest first.</summary>
    public EquatableArray<OverallBand> Bands { get; }

    /// <summary>Where it comes from.</summary>
    public SourceReference Source { get; }

    /// <summary>The overall rating of a score (R8).</summary>
    /// <param name="score">A score from 0 to <see cref="MaxScore"/>.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside the table.</exception>
    public Rating GetRating(int score) => this.GetBand(score).Rating;

    /// <summary>The band a score falls in (R8).</summary>
    /// <param name="score">A score from 0 to <see cref="MaxScore"/>.</param>
    /// <returns>The band.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside the table.</exception>
    public OverallBand GetBand(int score)
    {
        foreach (var band in this.Bands)
        {
            if (score >= band.FromScore && score <= band.ToScore)
            {
                return band;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(score), score, $"score is outside 0-{this.MaxScore}");
    }

    /// <inheritdoc />
    public bool Equals(OverallBandTable? other) =>
        other is not null && this.MaxScore == other.MaxScore && this.Bands == other.Bands && this.Source.Equals(other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as OverallBandTable);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.MaxScore, this.Bands);
}
