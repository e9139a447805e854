using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using Probation.Standards.Reset;

namespace Probation.Standards.Frameworks;

/// <summary>
/// An inspection framework as versioned data (R1): standards, key questions, the band table, points,
/// overall tables and Reset rules, each with its source. Immutable; compare frameworks by value.
/// Lookups follow one idiom: <c>TryGetX</c> returns <see langword="false"/>, <c>GetX</c> throws
/// <see cref="KeyNotFoundException"/> naming what was asked for.
/// </summary>
public sealed class Framework : IEquatable<Framework>
{
    // Plain dictionaries, never written after construction: lookups sit on the per-case path.
    private readonly Dictionary<string, StandardDefinition> standardsById;
    private readonly Dictionary<string, KeyQuestionDefinition> keyQuestionsById;
    private readonly int[] pointsByRating;

    internal Framework(
        string id,
        string versionId,
        string name,
        string family,
        DateTime effectiveFrom,
        DateTime? effectiveTo,
        SourceReference source,
        EquatableArray<StandardDefinition> standards,
        EquatableArray<RatingBand> bands,
        EquatableArray<RatingPoints> points,
        EquatableArray<OverallBandTable> overallBands,
        ResetRules reset,
        byte[]? sourceJson)
    {
        this.Id = id;
        this.VersionId = versionId;
        this.Name = name;
        this.Family = family;
        this.EffectiveFrom = effectiveFrom.Date;
        this.EffectiveTo = effectiveTo?.Date;
        this.Source = source;
        this.Standards = standards;
        this.Bands = bands;
        this.Points = points;
        this.OverallBands = overallBands;
        this.Reset = reset;
        this.SourceJson = sourceJson;

        var keyQuestions = ImmutableArray.CreateBuilder<KeyQuestionDefinition>();
        this.standardsById = new Dictionary<string, StandardDefinition>(StringComparer.Ordinal);
        foreach (var standard in standards)
        {
            this.standardsById[standard.Id] = standard;
            keyQuestions.AddRange(standard.KeyQuestions);
        }

        this.KeyQuestions = keyQuestions.ToImmutable();
        this.keyQuestionsById = new Dictionary<string, KeyQuestionDefinition>(StringComparer.Ordinal);
        foreach (var question in this.KeyQuestions)
        {
            this.keyQuestionsById[question.Id] = question;
        }

        this.pointsByRating = new int[(int)Rating.Outstanding + 1];
        foreach (var p in points)
        {
            this.pointsByRating[(int)p.Rating] = p.Points;
            this.MaxPointsPerStandard = Math.Max(this.MaxPointsPerStandard, p.Points);
        }
    }

    /// <summary>The framework id, e.g. <c>probation-pdu-2023</c>.</summary>
    public string Id { get; }

    /// <summary>The version of the framework's data, e.g. <c>2023.1</c> (NodaTime's <c>VersionId</c>).</summary>
    public string VersionId { get; }

    /// <summary>The framework's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The family the framework belongs to, e.g. <c>probation-pdu</c> or <c>youth</c> (R1): frameworks of one family
    /// follow one another in time, and a document that names no framework gets the one of the default framework's
    /// family (<see cref="FrameworkCatalog.DefaultFamily"/>) in force on its fieldwork start date.
    /// </summary>
    public string Family { get; }

    /// <summary>The first fieldwork date the framework applies to.</summary>
    public DateTime EffectiveFrom { get; }

    /// <summary>The last fieldwork date it applies to; <see langword="null"/> while it is current (R1).</summary>
    public DateTime? EffectiveTo { get; }

    /// <summary>Where the framework comes from.</summary>
    public SourceReference Source { get; }

    /// <summary>Every standard, in framework order.</summary>
    public EquatableArray<StandardDefinition> Standards { get; }

    /// <summary>Every key question of every case standard, in framework order (<see cref="KeyQuestionDefinition.Index"/>).</summary>
    public EquatableArray<KeyQuestionDefinition> KeyQuestions { get; }

    /// <summary>The key-question band table (R4), lowest band first, covering 0-100 with no gap or overlap.</summary>
    public EquatableArray<RatingBand> Bands { get; }

    /// <summary>The points each rating scores (R8).</summary>
    public EquatableArray<RatingPoints> Points { get; }

    /// <summary>The overall tables, one per maximum score (R8).</summary>
    public EquatableArray<OverallBandTable> OverallBands { get; }

    /// <summary>The Probation Reset rules (R9).</summary>
    public ResetRules Reset { get; }

    /// <summary>The most points one standard scores (3).</summary>
    public int MaxPointsPerStandard { get; }

    /// <summary>The JSON the framework was read from, for <c>framework export</c>.</summary>
    internal byte[]? SourceJson { get; }

    /// <summary>Whether the framework applies to fieldwork starting on a date (R1).</summary>
    /// <param name="date">The fieldwork start date.</param>
    /// <returns><see langword="true"/> when the date is within the framework's effective dates.</returns>
    public bool IsInForceOn(DateTime date) =>
        date.Date >= this.EffectiveFrom && (this.EffectiveTo is null || date.Date <= this.EffectiveTo.Value);

#if NET6_0_OR_GREATER
    /// <summary>Whether the framework applies to fieldwork starting on a date (R1).</summary>
    /// <param name="date">The fieldwork start date.</param>
    /// <returns><see langword="true"/> when the date is within the framework's effective dates.</returns>
    public bool IsInForceOn(DateOnly date) => this.IsInForceOn(date.ToDateTime(TimeOnly.MinValue));
#endif

    /// <summary>Finds a standard by id.</summary>
    /// <param name="id">The id, e.g. <c>P2.1</c>.</param>
    /// <param name="standard">The standard, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetStandard(string id, [NotNullWhen(true)] out StandardDefinition? standard)
    {
        standard = null;
        return id is not null && this.standardsById.TryGetValue(id, out standard);
    }

    /// <summary>Gets a standard by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The standard.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such standard.</exception>
    public StandardDefinition GetStandard(string id) =>
        this.TryGetStandard(id, out var standard) ? standard : throw new KeyNotFoundException($"{this.Id} has no standard '{id}' (it has {string.Join(", ", this.Standards.Select(s => s.Id))})");

    /// <summary>Finds a key question by id.</summary>
    /// <param name="id">The id, e.g. <c>P2.1.3</c>.</param>
    /// <param name="question">The key question, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetKeyQuestion(string id, [NotNullWhen(true)] out KeyQuestionDefinition? question)
    {
        question = null;
        return id is not null && this.keyQuestionsById.TryGetValue(id, out question);
    }

    /// <summary>Gets a key question by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The key question.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such key question.</exception>
    public KeyQuestionDefinition GetKeyQuestion(string id) =>
        this.TryGetKeyQuestion(id, out var question) ? question : throw new KeyNotFoundException($"{this.Id} has no key question '{id}'");

    /// <summary>The points a rating scores (R8); 0 for <see cref="Rating.NotRated"/>.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined rating.</exception>
    public int GetPoints(Rating rating) =>
        Defined.Is(rating) ? this.pointsByRating[(int)rating] : throw new ArgumentOutOfRangeException(nameof(rating), rating, "not a rating");

    /// <summary>Finds the overall table for a maximum score (R8).</summary>
    /// <param name="maxScore">The maximum over the rated standards.</param>
    /// <param name="table">The table, when the framework defines one.</param>
    /// <returns>Whether it does.</returns>
    public bool TryGetOverallBands(int maxScore, [NotNullWhen(true)] out OverallBandTable? table)
    {
        foreach (var candidate in this.OverallBands)
        {
            if (candidate.MaxScore == maxScore)
            {
                table = candidate;
                return true;
            }
        }

        table = null;
        return false;
    }

    /// <summary>Gets the overall table for a maximum score (R8).</summary>
    /// <param name="maxScore">The maximum.</param>
    /// <returns>The table.</returns>
    /// <exception cref="KeyNotFoundException">No table for that maximum.</exception>
    public OverallBandTable GetOverallBands(int maxScore) =>
        this.TryGetOverallBands(maxScore, out var table) ? table : throw new KeyNotFoundException($"{this.Id} has no overall table for a maximum score of {maxScore}");

    /// <summary>Gets the key-question band of a rating (R4).</summary>
    /// <param name="rating">One of the four ratings.</param>
    /// <returns>The band.</returns>
    /// <exception cref="KeyNotFoundException">The table has no band for it (<see cref="Rating.NotRated"/>).</exception>
    public RatingBand GetBand(Rating rating)
    {
        foreach (var band in this.Bands)
        {
            if (band.Rating == rating)
            {
                return band;
            }
        }

        throw new KeyNotFoundException($"{this.Id} has no band for {rating}");
    }

    /// <summary>
    /// The values a rating rests on whose source is not confirmed, in words (e.g. <c>the band edges
    /// 50/65/80 (R4)</c>), so nobody quotes a rating without knowing what it rests on.
    /// </summary>
    /// <param name="casesClassified">Whether cases were classified under Reset, so the Reset rules count too.</param>
    /// <returns>The list, empty when every value is confirmed.</returns>
    public EquatableArray<string> UnverifiedValues(bool casesClassified)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        if (this.Bands.Any(b => !b.Source.IsConfirmed))
        {
            list.Add($"the band edges {string.Join("/", this.Bands.Skip(1).Select(b => b.FromPercent.ToString(CultureInfo.InvariantCulture)))} (R4)");
        }

        if (this.Points.Any(p => !p.Source.IsConfirmed))
        {
            list.Add($"the points {string.Join("/", this.Points.OrderBy(p => p.Rating).Select(p => p.Points.ToString(CultureInfo.InvariantCulture)))} (R8)");
        }

        foreach (var table in this.OverallBands)
        {
            if (!table.Source.IsConfirmed)
            {
                list.Add($"the overall bands {string.Join("/", table.Bands.Select(b => $"{b.FromScore}-{b.ToScore}"))} (R8)");
            }
        }

        if (casesClassified && !this.Reset.Source.IsConfirmed)
        {
            list.Add($"the Reset adjusted-set threshold of {this.Reset.AdjustedWithinDays} days (R9)");
        }

        return list.ToImmutable();
    }

    /// <summary>A copy with the Reset adjusted-set threshold changed (R9); its version id says so.</summary>
    /// <param name="adjustedWithinDays">The threshold in days, 0 or more.</param>
    /// <returns>The copy, or this framework when the threshold is already that.</returns>
    public Framework WithResetThreshold(int adjustedWithinDays)
    {
        if (adjustedWithinDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(adjustedWithinDays), adjustedWithinDays, "the Reset adjusted-set threshold is a number of days, 0 or more");
        }

        if (this.Reset.AdjustedWithinDays == adjustedWithinDays)
        {
            return this;
        }

        var days = adjustedWithinDays.ToString(CultureInfo.InvariantCulture);
        var source = new SourceReference(
            this.Reset.Source.Document,
            $"{this.Reset.Source.Locator}; adjusted-set threshold changed by the user from {this.Reset.AdjustedWithinDays.ToString(CultureInfo.InvariantCulture)} to {days} days",
            "configured");
        var at = this.VersionId.LastIndexOf("+reset-", StringComparison.Ordinal);
        var published = at >= 0 ? this.VersionId.Substring(0, at) : this.VersionId;
        return new Framework(
            this.Id,
            $"{published}+reset-{days}d",
            this.Name,
            this.Family,
            this.EffectiveFrom,
            this.EffectiveTo,
            this.Source,
            this.Standards,
            this.Bands,
            this.Points,
            this.OverallBands,
            this.Reset.WithThreshold(adjustedWithinDays, source),
            null);
    }

    /// <inheritdoc />
    public bool Equals(Framework? other) =>
        other is not null && (ReferenceEquals(this, other) || (this.Id == other.Id && this.VersionId == other.VersionId && this.Name == other.Name && this.Family == other.Family
        && this.EffectiveFrom == other.EffectiveFrom && this.EffectiveTo == other.EffectiveTo && this.Source.Equals(other.Source)
        && this.Standards == other.Standards && this.Bands == other.Bands && this.Points == other.Points
        && this.OverallBands == other.OverallBands && this.Reset.Equals(other.Reset)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as Framework);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.VersionId);

    /// <inheritdoc />
    public override string ToString() => $"{this.Id} ({this.VersionId})";
}
