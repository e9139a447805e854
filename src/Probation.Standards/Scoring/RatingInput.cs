using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Scoring;

/// <summary>An inspectors' judgement of an organisational standard (R6).</summary>
public sealed class JudgementRating : IEquatable<JudgementRating>
{
    /// <summary>Creates a judgement.</summary>
    /// <param name="standardId">The judgement-rated standard, e.g. <c>P1.1</c>.</param>
    /// <param name="rating">One of the four ratings, or <see cref="Rating.NotRated"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined rating.</exception>
    public JudgementRating(string standardId, Rating rating)
    {
        this.StandardId = standardId ?? throw new ArgumentNullException(nameof(standardId));
        this.Rating = Defined.Is(rating) ? rating : throw new ArgumentOutOfRangeException(nameof(rating), rating, "not a rating");
    }

    /// <summary>The standard.</summary>
    public string StandardId { get; }

    /// <summary>The rating given.</summary>
    public Rating Rating { get; }

    /// <inheritdoc />
    public bool Equals(JudgementRating? other) => other is not null && this.StandardId == other.StandardId && this.Rating == other.Rating;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as JudgementRating);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.StandardId, this.Rating);

    /// <inheritdoc />
    public override string ToString() => $"{this.StandardId}: {this.Rating}";
}

/// <summary>Inspectors' override of a case standard's rating, with its mandatory reason (R7).</summary>
public sealed class RatingOverride : IEquatable<RatingOverride>
{
    /// <summary>Creates an override.</summary>
    /// <param name="standardId">The case standard.</param>
    /// <param name="rating">The final rating: one of the four ratings.</param>
    /// <param name="reason">Why the inspectors departed from the band; not empty.</param>
    /// <exception cref="ArgumentException">No reason, or a rating that is not one of the four.</exception>
    public RatingOverride(string standardId, Rating rating, string reason)
    {
        this.StandardId = standardId ?? throw new ArgumentNullException(nameof(standardId));
        if (!Defined.Is(rating) || rating == Rating.NotRated)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "an override is one of Outstanding, Good, RequiresImprovement, Inadequate (R7)");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"the override of {standardId} needs a reason (R7)", nameof(reason));
        }

        this.Rating = rating;
        this.Reason = reason.Trim();
    }

    /// <summary>The case standard.</summary>
    public string StandardId { get; }

    /// <summary>The final rating, the one that scores.</summary>
    public Rating Rating { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public bool Equals(RatingOverride? other) =>
        other is not null && this.StandardId == other.StandardId && this.Rating == other.Rating && this.Reason == other.Reason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingOverride);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.StandardId, this.Rating, this.Reason);
}

/// <summary>A key question's result given as a published whole or decimal percentage, taken as exact (R3).</summary>
public sealed class PublishedPercentage : IEquatable<PublishedPercentage>
{
    private PublishedPercentage(string keyQuestionId, Internal.ExactNumber exact)
    {
        this.KeyQuestionId = keyQuestionId;
        this.Exact = exact;
        this.Percent = exact.ToDecimalTowardZero();
        this.Tally = exact.ToPercentageTally();
    }

    /// <summary>The key question.</summary>
    public string KeyQuestionId { get; }

    /// <summary>
    /// The percentage as published, 0 to 100; a percentage with more digits than a <see cref="decimal"/>
    /// holds is shown cut toward zero, and rated on its exact value.
    /// </summary>
    public decimal Percent { get; }

    /// <summary>
    /// The percentage as an exact tally: its digits out of 100 scaled to whole numbers (55.5% is 555/1000).
    /// A percentage with more than 16 decimal places is cut down to 16 here (never rounded up, so no band
    /// edge is crossed); the rating uses its exact value.
    /// </summary>
    public KeyQuestionTally Tally { get; }

    /// <summary>The exact value, whatever its digits (R3).</summary>
    internal Internal.ExactNumber Exact { get; }

    /// <summary>Creates a published percentage.</summary>
    /// <param name="keyQuestionId">The key question.</param>
    /// <param name="percent">From 0 to 100, taken exactly.</param>
    /// <returns>The published result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0-100.</exception>
    public static PublishedPercentage Create(string keyQuestionId, decimal percent)
    {
        if (keyQuestionId is null)
        {
            throw new ArgumentNullException(nameof(keyQuestionId));
        }

        if (percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a published percentage is from 0 to 100");
        }

        return new PublishedPercentage(keyQuestionId, Internal.ExactNumber.FromDecimal(percent));
    }

    /// <summary>A percentage read exactly from a document's text, already checked to be 0 to 100.</summary>
    internal static PublishedPercentage FromExact(string keyQuestionId, Internal.ExactNumber exact) => new(keyQuestionId, exact);

    /// <inheritdoc />
    public bool Equals(PublishedPercentage? other) =>
        other is not null && this.KeyQuestionId == other.KeyQuestionId && this.Exact.Equals(other.Exact);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as PublishedPercentage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.KeyQuestionId, this.Tally);
}

/// <summary>
/// Everything rating reads, and nothing about individual cases: the unit, the tallies (the waist), the
/// published percentages, the judgements, the overrides, and the warnings the producer found on the way.
/// Built by <see cref="Create"/>, which checks every rule a document would be checked for, or by a reader
/// that already did.
/// </summary>
public sealed class RatingInput : IEquatable<RatingInput>
{
    internal RatingInput(string unit, TallySet tallies, EquatableArray<PublishedPercentage> published, EquatableArray<JudgementRating> judgements, EquatableArray<RatingOverride> overrides, EquatableArray<RatingWarning> warnings)
    {
        this.Unit = unit;
        this.Tallies = tallies;
        this.Published = published;
        this.Judgements = judgements;
        this.Overrides = overrides;
        this.Warnings = warnings;
    }

    /// <summary>The inspected unit.</summary>
    public string Unit { get; }

    /// <summary>The framework.</summary>
    public Framework Framework => this.Tallies.Framework;

    /// <summary>The tallies of the key questions given as counts (from cases or counted elsewhere), and the case counts.</summary>
    public TallySet Tallies { get; }

    /// <summary>The key questions given as published percentages.</summary>
    public EquatableArray<PublishedPercentage> Published { get; }

    /// <summary>The judgements, one per judgement-rated standard, in framework order (R6).</summary>
    public EquatableArray<JudgementRating> Judgements { get; }

    /// <summary>The overrides of case standards (R7).</summary>
    public EquatableArray<RatingOverride> Overrides { get; }

    /// <summary>Warnings the producer of the tallies found (about cases and the framework's dates).</summary>
    public EquatableArray<RatingWarning> Warnings { get; }

    /// <summary>
    /// Builds a rating input and checks it as a document would be checked: every judgement-rated standard
    /// judged once (R6, R10), overrides only on case standards, once each (R7), published percentages only
    /// for known key questions not also given in the tallies.
    /// </summary>
    /// <param name="unit">The inspected unit; not empty.</param>
    /// <param name="tallies">The tallies.</param>
    /// <param name="judgements">A judgement for every judgement-rated standard.</param>
    /// <param name="published">Key questions given as published percentages, if any.</param>
    /// <param name="overrides">Overrides, if any.</param>
    /// <param name="warnings">Warnings the producer found, if any.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message names it.</exception>
    public static RatingInput Create(
        string unit,
        TallySet tallies,
        IEnumerable<JudgementRating> judgements,
        IEnumerable<PublishedPercentage>? published = null,
        IEnumerable<RatingOverride>? overrides = null,
        IEnumerable<RatingWarning>? warnings = null)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            throw new ArgumentException("a rating input needs the unit's name", nameof(unit));
        }

        if (tallies is null)
        {
            throw new ArgumentNullException(nameof(tallies));
        }

        var framework = tallies.Framework;
        var byStandard = new Dictionary<string, JudgementRating>(StringComparer.Ordinal);
        foreach (var judgement in judgements ?? throw new ArgumentNullException(nameof(judgements)))
        {
            if (judgement is null || !framework.TryGetStandard(judgement.StandardId, out var standard) || standard.RatedBy != RatedBy.Judgement)
            {
                throw new ArgumentException($"'{judgement?.StandardId}' is not a judgement-rated standard of {framework.Id}", nameof(judgements));
            }

            if (byStandard.ContainsKey(judgement.StandardId))
            {
                throw new ArgumentException($"{judgement.StandardId} is judged twice", nameof(judgements));
            }

            byStandard.Add(judgement.StandardId, judgement);
        }

        var ordered = ImmutableArray.CreateBuilder<JudgementRating>();
        foreach (var standard in framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement))
        {
            ordered.Add(byStandard.TryGetValue(standard.Id, out var judgement)
                ? judgement
                : throw new ArgumentException($"no rating is given for {standard.Id} {standard.Name}; give NotRated if it was not judged (R10: never guessed)", nameof(judgements)));
        }

        var publishedList = ImmutableArray.CreateRange(published ?? Array.Empty<PublishedPercentage>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in publishedList)
        {
            if (result is null || !framework.TryGetKeyQuestion(result.KeyQuestionId, out var question))
            {
                throw new ArgumentException($"unknown key question '{result?.KeyQuestionId}' in {framework.Id}", nameof(published));
            }

            if (!seen.Add(question.Id) || tallies.Given[question.Index])
            {
                throw new ArgumentException($"{question.Id} is given more than once; each key question comes from one place", nameof(published));
            }
        }

        var overrideList = ImmutableArray.CreateRange(overrides ?? Array.Empty<RatingOverride>());
        seen.Clear();
        foreach (var @override in overrideList)
        {
            if (@override is null || !framework.TryGetStandard(@override.StandardId, out var standard) || standard.RatedBy != RatedBy.CaseSample)
            {
                throw new ArgumentException($"'{@override?.StandardId}' is not a case standard of {framework.Id}; only case standards can be overridden (R7)", nameof(overrides));
            }

            if (!seen.Add(@override.StandardId))
            {
                throw new ArgumentException($"{@override.StandardId} is overridden twice", nameof(overrides));
            }
        }

        var warningList = ImmutableArray.CreateRange(warnings ?? Array.Empty<RatingWarning>());
        if (warningList.Any(w => w is null))
        {
            throw new ArgumentException("a warning is null", nameof(warnings));
        }

        return new RatingInput(unit, tallies, publishedList, ordered.ToImmutable(), overrideList, warningList);
    }

    /// <inheritdoc />
    public bool Equals(RatingInput? other) =>
        other is not null && this.Unit == other.Unit && this.Tallies.Equals(other.Tallies) && this.Published == other.Published
        && this.Judgements == other.Judgements && this.Overrides == other.Overrides && this.Warnings == other.Warnings;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as RatingInput);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Unit, this.Tallies);
}
