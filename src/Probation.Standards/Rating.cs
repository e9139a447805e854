namespace Probation.Standards;

/// <summary>
/// The four-point rating scale HM Inspectorate of Probation gives each standard and each unit,
/// plus <see cref="NotRated"/> for a standard that could not be, or was not, rated (R4, R6, R8).
/// </summary>
/// <remarks>
/// The numeric order is the order of merit: <c>Inadequate &lt; RequiresImprovement &lt; Good &lt; Outstanding</c>.
/// <see cref="NotRated"/> is the default value and sits below every rating, but is not a rating:
/// it never scores and never takes part in a comparison of merit.
/// </remarks>
public enum Rating
{
    /// <summary>No rating: a case standard with no key-question result, or a judgement not made.</summary>
    NotRated = 0,

    /// <summary>Inadequate.</summary>
    Inadequate = 1,

    /// <summary>Requires improvement.</summary>
    RequiresImprovement = 2,

    /// <summary>Good.</summary>
    Good = 3,

    /// <summary>Outstanding.</summary>
    Outstanding = 4,
}

/// <summary>One inspected case's answer to one key question (R3).</summary>
public enum Answer : byte
{
    /// <summary>The key question does not apply to the case: counted in neither numerator nor denominator.</summary>
    NotApplicable = 0,

    /// <summary>The work was judged insufficient.</summary>
    No = 1,

    /// <summary>The work was judged sufficient.</summary>
    Yes = 2,
}

/// <summary>Display and parsing helpers for <see cref="Rating"/> and <see cref="Answer"/>.</summary>
public static class RatingText
{
    /// <summary>The rating as a person reads it, e.g. <c>Requires improvement</c>.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The display text.</returns>
    public static string ToDisplayText(this Rating rating) => rating switch
    {
        Rating.NotRated => "Not rated",
        Rating.Inadequate => "Inadequate",
        Rating.RequiresImprovement => "Requires improvement",
        Rating.Good => "Good",
        Rating.Outstanding => "Outstanding",
        _ => rating.ToString(),
    };

    /// <summary>
    /// Reads a rating the way findings documents write it: case-insensitive, spaces ignored
    /// (<c>"Requires improvement"</c> reads as <see cref="Rating.RequiresImprovement"/>).
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <param name="rating">The rating read, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a rating.</returns>
    public static bool TryParseRating(string? text, out Rating rating)
    {
        rating = Rating.NotRated;
        if (text is null)
        {
            return false;
        }

        switch (Internal.Names.Fold(text))
        {
            case "notrated": rating = Rating.NotRated; return true;
            case "inadequate": rating = Rating.Inadequate; return true;
            case "requiresimprovement": rating = Rating.RequiresImprovement; return true;
            case "good": rating = Rating.Good; return true;
            case "outstanding": rating = Rating.Outstanding; return true;
            default: return false;
        }
    }

    /// <summary>
    /// Reads an answer: <c>Yes</c>, <c>No</c>, <c>NotApplicable</c> (also <c>Not applicable</c> or <c>N/A</c>),
    /// case-insensitive, spaces ignored.
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <param name="answer">The answer read, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names an answer.</returns>
    public static bool TryParseAnswer(string? text, out Answer answer)
    {
        answer = Answer.NotApplicable;
        if (text is null)
        {
            return false;
        }

        switch (Internal.Names.Fold(text))
        {
            case "yes": answer = Answer.Yes; return true;
            case "no": answer = Answer.No; return true;
            case "notapplicable":
            case "n/a": answer = Answer.NotApplicable; return true;
            default: return false;
        }
    }
}
