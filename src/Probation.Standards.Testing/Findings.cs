using System;
using System.Collections.Generic;
using System.Linq;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Testing;

/// <summary>
/// Starts a findings builder: <c>Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 31, relevant: 48).Rate()</c>.
/// </summary>
public static class Findings
{
    /// <summary>A builder for a unit rated by the default framework (<see cref="FrameworkCatalog.DefaultFramework"/>).</summary>
    /// <param name="unit">The inspected unit's name.</param>
    /// <returns>A builder whose defaults are stated on <see cref="FindingsBuilder"/>.</returns>
    public static FindingsBuilder For(string unit) => new(unit, FrameworkCatalog.DefaultFramework);

    /// <summary>A builder for a unit rated by <paramref name="framework"/>.</summary>
    /// <param name="unit">The inspected unit's name.</param>
    /// <param name="framework">The framework.</param>
    /// <returns>A builder whose defaults are stated on <see cref="FindingsBuilder"/>.</returns>
    public static FindingsBuilder For(string unit, Framework framework) => new(unit, framework ?? throw new ArgumentNullException(nameof(framework)));
}

/// <summary>
/// Builds a <see cref="RatingInput"/> in one expression. Defaults, so a test states only what its rule needs:
/// every judgement-rated standard <see cref="Rating.Good"/>, and every key question not set
/// <see cref="DefaultYes"/> of <see cref="DefaultRelevant"/> (100%, Outstanding), so that no other key question
/// drives a standard and no warning is raised for it. Each call returns the same builder, changed.
/// </summary>
public sealed class FindingsBuilder
{
    /// <summary>The Yes count of a key question the test does not set.</summary>
    public const long DefaultYes = 10;

    /// <summary>The relevant count of a key question the test does not set.</summary>
    public const long DefaultRelevant = 10;

    private readonly Dictionary<string, KeyQuestionTally> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> percentages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rating> judgements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RatingOverride> overrides = new(StringComparer.Ordinal);
    private readonly string unit;
    private Rating defaultJudgement = Rating.Good;

    internal FindingsBuilder(string unit, Framework framework)
    {
        this.unit = unit;
        this.Framework = framework;
    }

    /// <summary>The framework the findings follow.</summary>
    public Framework Framework { get; }

    /// <summary>Sets a key question's exact counts (R3).</summary>
    /// <param name="keyQuestionId">The key question.</param>
    /// <param name="yes">Cases answering Yes.</param>
    /// <param name="relevant">Cases to which it applied; at least <paramref name="yes"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The framework has no such key question, or it is already set.</exception>
    public FindingsBuilder KeyQuestion(string keyQuestionId, long yes, long relevant)
    {
        this.CheckKeyQuestion(keyQuestionId);
        this.counts[keyQuestionId] = new KeyQuestionTally(yes, relevant);
        return this;
    }

    /// <summary>Sets a key question's result as a published percentage, taken exactly (R3).</summary>
    /// <param name="keyQuestionId">The key question.</param>
    /// <param name="percent">From 0 to 100.</param>
    /// <returns>This builder.</returns>
    public FindingsBuilder KeyQuestion(string keyQuestionId, decimal percent)
    {
        this.CheckKeyQuestion(keyQuestionId);
        this.percentages[keyQuestionId] = percent;
        return this;
    }

    /// <summary>Sets every key question of a standard to the same counts.</summary>
    /// <param name="standardId">A case-rated standard.</param>
    /// <param name="yes">Cases answering Yes.</param>
    /// <param name="relevant">Cases to which each applied.</param>
    /// <returns>This builder.</returns>
    public FindingsBuilder Standard(string standardId, long yes, long relevant)
    {
        foreach (var question in this.Framework.GetStandard(standardId).KeyQuestions)
        {
            this.KeyQuestion(question.Id, yes, relevant);
        }

        return this;
    }

    /// <summary>Sets the judgement of one judgement-rated standard (R6).</summary>
    /// <param name="standardId">The standard.</param>
    /// <param name="rating">Its rating, or <see cref="Rating.NotRated"/>.</param>
    /// <returns>This builder.</returns>
    public FindingsBuilder Judgement(string standardId, Rating rating)
    {
        if (!this.Framework.TryGetStandard(standardId, out var standard) || standard.RatedBy != RatedBy.Judgement)
        {
            throw new ArgumentException($"'{standardId}' is not a judgement-rated standard of {this.Framework.Id}", nameof(standardId));
        }

        this.judgements[standardId] = rating;
        return this;
    }

    /// <summary>Sets the judgement of every judgement-rated standard not set one by one.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>This builder.</returns>
    public FindingsBuilder Judgements(Rating rating)
    {
        this.defaultJudgement = rating;
        return this;
    }

    /// <summary>Overrides a case standard's final rating, with the inspectors' reason (R7).</summary>
    /// <param name="standardId">The case-rated standard.</param>
    /// <param name="rating">The final rating.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <returns>This builder.</returns>
    public FindingsBuilder Override(string standardId, Rating rating, string reason)
    {
        this.overrides[standardId] = new RatingOverride(standardId, rating, reason);
        return this;
    }

    /// <summary>Builds the rating input, checked as every input is.</summary>
    /// <returns>The input.</returns>
    public RatingInput Build()
    {
        var tallies = new List<KeyValuePair<string, KeyQuestionTally>>();
        foreach (var question in this.Framework.KeyQuestions)
        {
            if (!this.percentages.ContainsKey(question.Id))
            {
                var tally = this.counts.TryGetValue(question.Id, out var set) ? set : new KeyQuestionTally(DefaultYes, DefaultRelevant);
                tallies.Add(new KeyValuePair<string, KeyQuestionTally>(question.Id, tally));
            }
        }

        var judged = this.Framework.Standards
            .Where(s => s.RatedBy == RatedBy.Judgement)
            .Select(s => new JudgementRating(s.Id, this.judgements.TryGetValue(s.Id, out var rating) ? rating : this.defaultJudgement));
        return RatingInput.Create(
            this.unit,
            TallySet.From(this.Framework, tallies, absent: this.percentages.Keys),
            judged,
            this.percentages.Select(p => PublishedPercentage.Create(p.Key, p.Value)),
            this.overrides.Values);
    }

    /// <summary>Builds the input and rates it.</summary>
    /// <param name="options">Rating options; the exact ratio by default.</param>
    /// <returns>The rating.</returns>
    public RatingResult Rate(RatingOptions? options = null) => Rater.Rate(this.Build(), options);

    private void CheckKeyQuestion(string keyQuestionId)
    {
        if (!this.Framework.TryGetKeyQuestion(keyQuestionId, out _))
        {
            throw new ArgumentException($"unknown key question '{keyQuestionId}' in {this.Framework.Id}", nameof(keyQuestionId));
        }

        if (this.counts.ContainsKey(keyQuestionId) || this.percentages.ContainsKey(keyQuestionId))
        {
            throw new ArgumentException($"{keyQuestionId} is already set; each key question comes from one place", nameof(keyQuestionId));
        }
    }
}
