using System.Text.Json;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting;

/// <summary>
/// Adds fields to the JSON <see cref="RatingJson"/> writes, so a consumer of a result (such as the statistics
/// of R11 in Probation.Standards.Statistics) extends the contract's JSON instead of writing a second copy of it.
/// Each method is called while the object it names is open; write properties only.
/// </summary>
public interface IRatingJsonAugmenter
{
    /// <summary>Adds fields to a key question's object, after its <c>band</c>.</summary>
    /// <param name="writer">The writer, inside the key question's object.</param>
    /// <param name="standard">The standard the key question belongs to.</param>
    /// <param name="question">The key question.</param>
    void WriteKeyQuestionFields(Utf8JsonWriter writer, StandardResult standard, KeyQuestionResult question);

    /// <summary>Adds fields to a standard's object, after its other fields.</summary>
    /// <param name="writer">The writer, inside the standard's object.</param>
    /// <param name="standard">The standard.</param>
    void WriteStandardFields(Utf8JsonWriter writer, StandardResult standard);

    /// <summary>Adds fields to the result's object, after <c>overall</c>.</summary>
    /// <param name="writer">The writer, inside the result's object.</param>
    /// <param name="result">The result.</param>
    void WriteResultFields(Utf8JsonWriter writer, RatingResult result);
}
