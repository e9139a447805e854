using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>Options for rating. Immutable; <see cref="Default"/> follows rules.md.</summary>
/// <param name="Basis">Which number a key question's band is read from (R4); the exact ratio by default.</param>
public sealed record RatingOptions(BandingBasis Basis = BandingBasis.ExactRatio)
{
    /// <summary>The defaults of rules.md: bands from the exact ratio.</summary>
    public static RatingOptions Default { get; } = new();
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

    /// <summary>A case marked exempt carries a suspension date (R9).</summary>
    SuspendedButExempt = 4,

    /// <summary>An adjusted case answered a key question that does not apply to the adjusted set; the answer is not counted (R9).</summary>
    AnswerNotApplicableWhenAdjusted = 5,

    /// <summary>A suspension date falls before Probation Reset began (R9).</summary>
    SuspendedBeforeReset = 6,

    /// <summary>The document names a framework that was not in force on its fieldwork start date (R1).</summary>
    FrameworkNotInForce = 7,
}

/// <summary>A warning attached to a rating: the rating stands, but a person should look.</summary>
/// <param name="Code">What the warning is about.</param>
/// <param name="Message">The warning in words.</param>
/// <param name="StandardId">The standard concerned, if any.</param>
/// <param name="KeyQuestionId">The key question concerned, if any.</param>
/// <param name="CaseId">The case concerned, if any.</param>
public sealed record RatingWarning(WarningCode Code, string Message, string? StandardId = null, string? KeyQuestionId = null, string? CaseId = null)
{
    /// <inheritdoc />
    public override string ToString() => this.Message;
}

/// <summary>A key question's result and band (R3, R4).</summary>
/// <param name="Id">The key question.</param>
/// <param name="Tally">The counts (for a published percentage, the percentage scaled to whole numbers).</param>
/// <param name="PublishedPercent">The published percentage, when the result was given as one.</param>
/// <param name="Percent">The exact share of Yes answers rounded half up to two decimals, for display; <see langword="null"/> with no result.</param>
/// <param name="RoundedPercent">The whole-number percentage as printed; <see langword="null"/> with no result.</param>
/// <param name="Band">The band on the chosen basis; <see cref="Rating.NotRated"/> with no result.</param>
public sealed record KeyQuestionOutcome(string Id, KeyQuestionTally Tally, decimal? PublishedPercent, decimal? Percent, int? RoundedPercent, Rating Band)
{
    /// <summary>Whether the key question has a result (at least one relevant case).</summary>
    public bool HasResult => this.Tally.HasResult;
}

/// <summary>A standard's result (R5-R8).</summary>
/// <param name="Id">The standard.</param>
/// <param name="Name">Its name.</param>
/// <param name="RatedBy">Judgement or case sample.</param>
/// <param name="Rating">The final rating, the one that scores.</param>
/// <param name="ComputedRating">For a case standard, the rating its key questions give before any override; <see langword="null"/> for a judgement.</param>
/// <param name="Points">The points the final rating scores.</param>
/// <param name="DrivenBy">For a rated case standard, the key question with the lowest result (first in order on a tie).</param>
/// <param name="KeyQuestions">The key-question outcomes, in framework order (empty for a judgement).</param>
/// <param name="Override">The override applied, if any (R7).</param>
public sealed record StandardResult(
    string Id,
    string Name,
    RatedBy RatedBy,
    Rating Rating,
    Rating? ComputedRating,
    int Points,
    string? DrivenBy,
    EquatableArray<KeyQuestionOutcome> KeyQuestions,
    RatingOverride? Override);

/// <summary>The rating of one findings document: every standard, the score and the overall rating, with warnings (R3-R9).</summary>
/// <param name="Unit">The inspected unit.</param>
/// <param name="FrameworkId">The framework rated against.</param>
/// <param name="FrameworkVersionId">The version of the framework's data.</param>
/// <param name="Basis">The banding basis used.</param>
/// <param name="Standards">Every standard of the framework, in order.</param>
/// <param name="Score">The sum of the rated standards' points.</param>
/// <param name="MaxScore">The maximum score over the rated standards.</param>
/// <param name="Overall">The overall rating; <see cref="Rating.NotRated"/> when a standard is not rated and no table covers the reduced maximum.</param>
/// <param name="Cases">The case counts, when the document has cases.</param>
/// <param name="Classifications">The Reset classification of every case, when cases were rated one by one.</param>
/// <param name="Warnings">Warnings, in the order found.</param>
public sealed record RatingResult(
    string Unit,
    string FrameworkId,
    string FrameworkVersionId,
    BandingBasis Basis,
    EquatableArray<StandardResult> Standards,
    int Score,
    int MaxScore,
    Rating Overall,
    CaseCounts? Cases,
    EquatableArray<CaseClassification> Classifications,
    EquatableArray<RatingWarning> Warnings)
{
    /// <summary>Finds a standard's result by id.</summary>
    /// <param name="id">The standard id.</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public StandardResult? Standard(string id)
    {
        foreach (var standard in this.Standards)
        {
            if (standard.Id == id)
            {
                return standard;
            }
        }

        return null;
    }
}
