using System;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Findings;

/// <summary>The kind of sentence an inspected case is serving.</summary>
public enum SentenceType
{
    /// <summary>A community order.</summary>
    CommunityOrder = 0,

    /// <summary>A suspended sentence order.</summary>
    SuspendedSentenceOrder = 1,

    /// <summary>A licence after release from custody.</summary>
    Licence = 2,

    /// <summary>Post-sentence supervision.</summary>
    PostSentenceSupervision = 3,
}

/// <summary>A reason contact continues in the final third despite Probation Reset (R9).</summary>
public enum Exemption
{
    /// <summary>Managed under MAPPA (any category or level).</summary>
    Mappa = 0,

    /// <summary>Managed by the National Security Division.</summary>
    NationalSecurityDivision = 1,

    /// <summary>Assessed as very high risk of serious harm.</summary>
    VeryHighRiskOfSeriousHarm = 2,

    /// <summary>Subject to active child protection procedures.</summary>
    ChildProtection = 3,

    /// <summary>On an Intensive Supervision Court pilot.</summary>
    IntensiveSupervisionCourt = 4,
}

/// <summary>An organisational (judgement-rated) standard's rating, an inspectors' input (R6).</summary>
/// <param name="StandardId">The standard, e.g. <c>P1.1</c>.</param>
/// <param name="Rating">The rating given, or <see cref="Rating.NotRated"/>.</param>
public sealed record JudgementRating(string StandardId, Rating Rating);

/// <summary>
/// A key question's result as the rating step takes it (R3): exact counts, from cases or given in
/// aggregate, or a published percentage taken as exact.
/// </summary>
/// <param name="KeyQuestionId">The key question, e.g. <c>P2.1.1</c>.</param>
/// <param name="Tally">The counts; for a published percentage <c>p</c>, <c>p</c> out of 100 scaled to whole numbers.</param>
/// <param name="PublishedPercent">The published percentage when the result was given as one; otherwise <see langword="null"/>.</param>
public sealed record KeyQuestionInput(string KeyQuestionId, KeyQuestionTally Tally, decimal? PublishedPercent)
{
    /// <summary>Whether the result is a published percentage (counts of cases unknown).</summary>
    public bool IsPublishedPercentage => this.PublishedPercent is not null;
}

/// <summary>An inspectors' override of a case standard's computed rating, with its mandatory reason (R7).</summary>
/// <param name="StandardId">The case standard.</param>
/// <param name="Rating">The final rating.</param>
/// <param name="Reason">Why the inspectors departed from the band.</param>
public sealed record RatingOverride(string StandardId, Rating Rating, string Reason);

/// <summary>
/// One inspected case (R3, R9): its sentence, dates and exemption, and its answer to every key
/// question of its framework (aligned with <see cref="Framework.KeyQuestions"/>; a question the case
/// did not answer is <see cref="Answer.NotApplicable"/>).
/// </summary>
/// <param name="Id">The case id, unique within a document.</param>
/// <param name="Sentence">The sentence, when given.</param>
/// <param name="Start">The order start or release date, when given.</param>
/// <param name="Suspended">The date contact was suspended under Probation Reset, or <see langword="null"/>.</param>
/// <param name="Exemption">The Reset exemption, or <see langword="null"/>.</param>
/// <param name="Answers">The answers, one per key question of the framework, in framework order.</param>
public sealed record InspectedCase(
    string Id,
    SentenceType? Sentence,
    DateTime? Start,
    DateTime? Suspended,
    Exemption? Exemption,
    EquatableArray<Answer> Answers)
{
    /// <summary>
    /// Creates a case of a framework from answers keyed by key-question id (the per-case API); a key
    /// question not answered is <see cref="Answer.NotApplicable"/> (R3).
    /// </summary>
    /// <param name="framework">The framework the answers follow.</param>
    /// <param name="id">The case id.</param>
    /// <param name="answers">Answers keyed by key-question id, e.g. <c>P2.1.3</c>.</param>
    /// <param name="sentence">The sentence, if known.</param>
    /// <param name="start">The order start or release date; required with <paramref name="suspended"/>.</param>
    /// <param name="suspended">The Probation Reset suspension date, if any.</param>
    /// <param name="exemption">The Reset exemption, if any.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">An unknown or repeated key-question id, or dates out of order (R9).</exception>
    public static InspectedCase Create(
        Framework framework,
        string id,
        System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, Answer>> answers,
        SentenceType? sentence = null,
        DateTime? start = null,
        DateTime? suspended = null,
        Exemption? exemption = null)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("a case needs an id", nameof(id));
        }

        if (suspended is not null && (start is null || suspended.Value.Date < start.Value.Date))
        {
            throw new ArgumentException($"case {id}: a suspension date needs a start date on or before it (R9)", nameof(suspended));
        }

        var aligned = framework.AlignByKeyQuestion(answers, nameof(answers), $"case {id}: ", "answered");
        return new InspectedCase(id, sentence, start?.Date, suspended?.Date, exemption, System.Collections.Immutable.ImmutableArray.Create(aligned));
    }
}

/// <summary>What a standard is expected to rate as, in a document's <c>expected</c> block.</summary>
/// <param name="StandardId">The standard.</param>
/// <param name="Rating">The expected final rating, if given.</param>
/// <param name="ComputedRating">The expected computed rating, if given.</param>
/// <param name="DrivenBy">The expected driving key question, if given.</param>
/// <param name="Points">The expected points, if given.</param>
public sealed record ExpectedStandard(string StandardId, Rating? Rating, Rating? ComputedRating, string? DrivenBy, int? Points);

/// <summary>
/// A document's <c>expected</c> block: what it should rate as. <c>verify</c> checks every field
/// given and ignores the rest.
/// </summary>
/// <param name="Standards">Expected standards, in document order.</param>
/// <param name="Score">The expected score.</param>
/// <param name="MaxScore">The expected maximum score.</param>
/// <param name="Overall">The expected overall rating.</param>
/// <param name="CasesInspected">The expected number of cases inspected.</param>
/// <param name="ResetCases">The expected number of cases subject to Probation Reset.</param>
/// <param name="AdjustedCases">The expected number of cases with the adjusted standards.</param>
public sealed record ExpectedResult(
    EquatableArray<ExpectedStandard> Standards,
    int? Score,
    int? MaxScore,
    Rating? Overall,
    long? CasesInspected,
    long? ResetCases,
    long? AdjustedCases);

/// <summary>
/// A validated findings document, bound to its framework: what was inspected and found. Every rule
/// of the findings format has been checked, so rating it cannot fail.
/// </summary>
/// <param name="File">The file or stream name the document was read from.</param>
/// <param name="Unit">The inspected unit's name.</param>
/// <param name="Framework">The framework the document is rated against.</param>
/// <param name="FieldworkStarted">The fieldwork start date, when given.</param>
/// <param name="Organisational">Ratings of the judgement-rated standards, in framework order.</param>
/// <param name="KeyQuestions">Aggregate key-question results, in framework order.</param>
/// <param name="Cases">The inspected cases, in document order.</param>
/// <param name="Overrides">Overrides of case-standard ratings, in framework order.</param>
/// <param name="Expected">The expected block, if any.</param>
public sealed record FindingsDocument(
    string File,
    string Unit,
    Framework Framework,
    DateTime? FieldworkStarted,
    EquatableArray<JudgementRating> Organisational,
    EquatableArray<KeyQuestionInput> KeyQuestions,
    EquatableArray<InspectedCase> Cases,
    EquatableArray<RatingOverride> Overrides,
    ExpectedResult? Expected)
{
    /// <summary>Whether the document gives case-level answers.</summary>
    public bool HasCases => this.Cases.Count > 0;
}
