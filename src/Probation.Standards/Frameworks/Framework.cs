using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Probation.Standards.Frameworks;

/// <summary>Where a rule comes from: the document, the place in it, and how sure the project is of it (R1).</summary>
/// <param name="Document">The source document, e.g. a published report or guidance page.</param>
/// <param name="Locator">Where in the document, and which paragraph of rules.md the rule implements.</param>
/// <param name="Status">How sure: <c>confirmed</c>, <c>unverified</c> or <c>inferred</c> (see the research notes).</param>
public sealed record SourceReference(string Document, string Locator, string Status)
{
    /// <inheritdoc />
    public override string ToString() => $"{this.Document}: {this.Locator} [{this.Status}]";
}

/// <summary>How a standard is rated (R2).</summary>
public enum RatedBy
{
    /// <summary>An inspectors' judgement, given as an input (R6).</summary>
    Judgement = 0,

    /// <summary>Computed from the key-question results of a case sample (R4, R5).</summary>
    CaseSample = 1,
}

/// <summary>A key question of a case standard (R2).</summary>
/// <param name="Id">The id, e.g. <c>P2.1.3</c>.</param>
/// <param name="Text">The question as printed; display data only.</param>
/// <param name="Lens">The lens: engagement, desistance or keepingSafe.</param>
/// <param name="Index">The position of the question among all the framework's key questions, in framework order.</param>
/// <param name="Source">Where the question comes from.</param>
public sealed record KeyQuestionDefinition(string Id, string Text, string Lens, int Index, SourceReference Source);

/// <summary>A standard of a framework (R2).</summary>
/// <param name="Id">The id, e.g. <c>P2.1</c>.</param>
/// <param name="Name">The name, e.g. <c>Assessment</c>.</param>
/// <param name="Domain">The domain the standard belongs to.</param>
/// <param name="RatedBy">Whether the standard is a judgement or computed from cases.</param>
/// <param name="KeyQuestions">The key questions, in order (empty for judgement-rated standards).</param>
/// <param name="Source">Where the standard comes from.</param>
public sealed record StandardDefinition(
    string Id,
    string Name,
    string Domain,
    RatedBy RatedBy,
    EquatableArray<KeyQuestionDefinition> KeyQuestions,
    SourceReference Source);

/// <summary>
/// A band of the key-question percentage scale (R4): the share of relevant cases answered Yes from
/// <see cref="FromPercent"/> (inclusive) up to <see cref="ToPercent"/> (exclusive; the top band includes 100).
/// </summary>
/// <param name="Rating">The rating the band gives.</param>
/// <param name="Descriptor">The descriptor, e.g. <c>reasonable majority</c>.</param>
/// <param name="FromPercent">The lower edge, inclusive.</param>
/// <param name="ToPercent">The upper edge, exclusive except for the top band.</param>
/// <param name="Source">Where the threshold comes from.</param>
public sealed record RatingBand(Rating Rating, string Descriptor, int FromPercent, int ToPercent, SourceReference Source);

/// <summary>The points a final rating scores (R8).</summary>
/// <param name="Rating">The rating.</param>
/// <param name="Points">The points it scores.</param>
/// <param name="Source">Where the value comes from.</param>
public sealed record RatingPoints(Rating Rating, int Points, SourceReference Source);

/// <summary>One band of an overall-rating table: scores <see cref="FromScore"/> to <see cref="ToScore"/>, both inclusive (R8).</summary>
/// <param name="Rating">The overall rating.</param>
/// <param name="FromScore">The lowest score in the band.</param>
/// <param name="ToScore">The highest score in the band.</param>
public sealed record OverallBand(Rating Rating, int FromScore, int ToScore);

/// <summary>The overall-rating table for one maximum score (R8).</summary>
/// <param name="MaxScore">The maximum score the table applies to.</param>
/// <param name="Bands">The bands, covering 0..<paramref name="MaxScore"/> with no gap or overlap.</param>
/// <param name="Source">Where the table comes from.</param>
public sealed record OverallBandTable(int MaxScore, EquatableArray<OverallBand> Bands, SourceReference Source)
{
    /// <summary>The overall rating of <paramref name="score"/>.</summary>
    /// <param name="score">A score from 0 to <see cref="MaxScore"/>.</param>
    /// <returns>The band's rating.</returns>
    public Rating RatingFor(int score)
    {
        foreach (var band in this.Bands)
        {
            if (score >= band.FromScore && score <= band.ToScore)
            {
                return band.Rating;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(score), score, $"score is outside 0-{this.MaxScore}");
    }
}

/// <summary>Probation Reset rules (R9).</summary>
/// <param name="EffectiveFrom">The date Reset began.</param>
/// <param name="AdjustedWithinDays">A case suspended this many days or fewer after its start has the adjusted set of standards.</param>
/// <param name="Exemptions">The exemptions under which contact continues (core standards apply).</param>
/// <param name="NotApplicableWhenAdjusted">Key questions that do not apply to cases with the adjusted set (by default none).</param>
/// <param name="Source">Where the rules come from.</param>
public sealed record ResetRules(
    DateTime EffectiveFrom,
    int AdjustedWithinDays,
    EquatableArray<Findings.Exemption> Exemptions,
    EquatableArray<string> NotApplicableWhenAdjusted,
    SourceReference Source);

/// <summary>
/// An inspection framework: a named, effective-dated, versioned set of standards, key questions,
/// band thresholds, points and overall bands (R1). Immutable; read from JSON by <see cref="FrameworkCatalog"/>.
/// </summary>
public sealed record Framework
{
    // Plain dictionaries, never written after construction: lookups sit on the per-case path, where
    // an ImmutableDictionary's tree walk costs several times a hash lookup.
    private readonly Dictionary<string, StandardDefinition> standardsById;
    private readonly Dictionary<string, KeyQuestionDefinition> keyQuestionsById;
    private readonly Dictionary<string, StandardDefinition> standardOfKeyQuestion;
    private readonly Dictionary<Rating, int> pointsByRating;

    internal Framework(
        string id,
        string versionId,
        string name,
        DateTime effectiveFrom,
        DateTime? effectiveTo,
        SourceReference source,
        EquatableArray<StandardDefinition> standards,
        EquatableArray<RatingBand> bands,
        EquatableArray<RatingPoints> points,
        EquatableArray<OverallBandTable> overallBands,
        ResetRules reset)
    {
        this.Id = id;
        this.VersionId = versionId;
        this.Name = name;
        this.EffectiveFrom = effectiveFrom;
        this.EffectiveTo = effectiveTo;
        this.Source = source;
        this.Standards = standards;
        this.Bands = bands;
        this.Points = points;
        this.OverallBands = overallBands;
        this.Reset = reset;

        var keyQuestions = ImmutableArray.CreateBuilder<KeyQuestionDefinition>();
        var standardOf = new Dictionary<string, StandardDefinition>(StringComparer.Ordinal);
        foreach (var standard in standards)
        {
            foreach (var question in standard.KeyQuestions)
            {
                keyQuestions.Add(question);
                standardOf[question.Id] = standard;
            }
        }

        this.KeyQuestions = keyQuestions.ToImmutable();
        this.standardsById = new Dictionary<string, StandardDefinition>(StringComparer.Ordinal);
        foreach (var standard in standards)
        {
            this.standardsById[standard.Id] = standard;
        }

        this.keyQuestionsById = new Dictionary<string, KeyQuestionDefinition>(StringComparer.Ordinal);
        foreach (var question in this.KeyQuestions)
        {
            this.keyQuestionsById[question.Id] = question;
        }

        this.standardOfKeyQuestion = standardOf;
        this.pointsByRating = new Dictionary<Rating, int>();
        foreach (var p in points)
        {
            this.pointsByRating[p.Rating] = p.Points;
        }
        var max = 0;
        foreach (var p in points)
        {
            max = Math.Max(max, p.Points);
        }

        this.MaxPointsPerStandard = max;
    }

    /// <summary>The framework id, e.g. <c>probation-pdu-2023</c>.</summary>
    public string Id { get; }

    /// <summary>The version of this framework's data; changes whenever a rule or source changes.</summary>
    public string VersionId { get; }

    /// <summary>The framework's name.</summary>
    public string Name { get; }

    /// <summary>The first fieldwork date the framework applies to.</summary>
    public DateTime EffectiveFrom { get; }

    /// <summary>The last fieldwork date the framework applies to, or <see langword="null"/> when still in force.</summary>
    public DateTime? EffectiveTo { get; }

    /// <summary>Where the framework as a whole comes from.</summary>
    public SourceReference Source { get; }

    /// <summary>The standards, in framework order.</summary>
    public EquatableArray<StandardDefinition> Standards { get; }

    /// <summary>Every key question of every case standard, in framework order; <see cref="KeyQuestionDefinition.Index"/> is the position here.</summary>
    public EquatableArray<KeyQuestionDefinition> KeyQuestions { get; }

    /// <summary>The band table for key-question percentages, lowest band first (R4).</summary>
    public EquatableArray<RatingBand> Bands { get; }

    /// <summary>The points each rating scores (R8).</summary>
    public EquatableArray<RatingPoints> Points { get; }

    /// <summary>The overall-rating tables, one for each maximum score the framework defines (R8).</summary>
    public EquatableArray<OverallBandTable> OverallBands { get; }

    /// <summary>The Probation Reset rules (R9).</summary>
    public ResetRules Reset { get; }

    /// <summary>The highest number of points a standard can score (3 for the four-point scale).</summary>
    public int MaxPointsPerStandard { get; }

    /// <summary>Whether the framework applies to fieldwork starting on <paramref name="date"/>.</summary>
    /// <param name="date">The fieldwork start date.</param>
    /// <returns><see langword="true"/> when the date lies within the effective dates.</returns>
    public bool IsInForceOn(DateTime date) =>
        date.Date >= this.EffectiveFrom && (this.EffectiveTo is null || date.Date <= this.EffectiveTo.Value);

    /// <summary>Finds a standard by id.</summary>
    /// <param name="id">The standard id.</param>
    /// <param name="standard">The standard, when found.</param>
    /// <returns>Whether the framework has the standard.</returns>
    public bool TryGetStandard(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StandardDefinition? standard) =>
        this.standardsById.TryGetValue(id, out standard);

    /// <summary>Finds a key question by id.</summary>
    /// <param name="id">The key-question id.</param>
    /// <param name="question">The key question, when found.</param>
    /// <returns>Whether the framework has the key question.</returns>
    public bool TryGetKeyQuestion(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KeyQuestionDefinition? question) =>
        this.keyQuestionsById.TryGetValue(id, out question);

    /// <summary>
    /// Lays values keyed by key-question id out in framework order (a key question not given keeps the
    /// default value). An unknown or repeated id is an <see cref="ArgumentException"/> for <paramref name="parameter"/>,
    /// its message starting with <paramref name="prefix"/>.
    /// </summary>
    internal TValue[] AlignByKeyQuestion<TValue>(IEnumerable<KeyValuePair<string, TValue>> values, string parameter, string prefix, string repeated)
    {
        var aligned = new TValue[this.KeyQuestions.Count];
        var given = new bool[aligned.Length];
        foreach (var pair in values ?? throw new ArgumentNullException(parameter))
        {
            if (!this.TryGetKeyQuestion(pair.Key, out var question))
            {
                throw new ArgumentException($"{prefix}unknown key question '{pair.Key}' in {this.Id}", parameter);
            }

            if (given[question.Index])
            {
                throw new ArgumentException($"{prefix}{pair.Key} is {repeated} twice", parameter);
            }

            given[question.Index] = true;
            aligned[question.Index] = pair.Value;
        }

        return aligned;
    }

    /// <summary>The standard a key question belongs to.</summary>
    /// <param name="keyQuestionId">The key-question id.</param>
    /// <returns>The standard.</returns>
    public StandardDefinition StandardOf(string keyQuestionId) => this.standardOfKeyQuestion[keyQuestionId];

    /// <summary>The points a final rating scores; <see cref="Rating.NotRated"/> scores nothing (R8).</summary>
    /// <param name="rating">The final rating.</param>
    /// <returns>The points.</returns>
    public int PointsFor(Rating rating) => this.pointsByRating.TryGetValue(rating, out var points) ? points : 0;

    /// <summary>The overall-rating table for a maximum score, if the framework defines one (R8).</summary>
    /// <param name="maxScore">The maximum score.</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    public OverallBandTable? OverallBandsFor(int maxScore)
    {
        foreach (var table in this.OverallBands)
        {
            if (table.MaxScore == maxScore)
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>The band a rating names in <see cref="Bands"/>.</summary>
    /// <param name="rating">A rating other than <see cref="Rating.NotRated"/>.</param>
    /// <returns>The band.</returns>
    public RatingBand BandOf(Rating rating)
    {
        foreach (var band in this.Bands)
        {
            if (band.Rating == rating)
            {
                return band;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rating), rating, "the framework has no band for this rating");
    }

    /// <inheritdoc />
    public bool Equals(Framework? other) =>
        other is not null && this.Id == other.Id && this.VersionId == other.VersionId && this.Name == other.Name
        && this.EffectiveFrom == other.EffectiveFrom && this.EffectiveTo == other.EffectiveTo && this.Source == other.Source
        && this.Standards == other.Standards && this.Bands == other.Bands && this.Points == other.Points
        && this.OverallBands == other.OverallBands && this.Reset == other.Reset;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.VersionId);

    /// <inheritdoc />
    public override string ToString() => $"{this.Id} ({this.VersionId})";
}
