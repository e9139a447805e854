using System;
using System.IO;
using System.Text.Json;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting;

/// <summary>
/// Writes a <see cref="RatingResult"/> as the JSON of the command-line contract (findings-format.md,
/// <c>rate --format json</c>), straight from the result: no second model to keep in step.
/// </summary>
public static class RatingJson
{
    /// <summary>Writes the result as indented UTF-8 JSON.</summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    public static void Write(RatingResult result, Stream utf8Json)
    {
        using var writer = new Utf8JsonWriter(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json)), new JsonWriterOptions { Indented = true });
        Write(result, writer);
    }

    /// <summary>Writes the result to a JSON writer.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(RatingResult result, Utf8JsonWriter writer) => Write(result, writer, null);

    /// <summary>Writes the result as indented UTF-8 JSON, with the fields an augmenter adds (e.g. the statistics of R11).</summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="augmenter">Adds fields to key questions, standards and the result; <see langword="null"/> for none.</param>
    public static void Write(RatingResult result, Stream utf8Json, IRatingJsonAugmenter? augmenter)
    {
        using var writer = new Utf8JsonWriter(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json)), new JsonWriterOptions { Indented = true });
        Write(result, writer, augmenter);
    }

    /// <summary>Writes the result to a JSON writer, with the fields an augmenter adds.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    /// <param name="augmenter">Adds fields to key questions, standards and the result; <see langword="null"/> for none.</param>
    public static void Write(RatingResult result, Utf8JsonWriter writer, IRatingJsonAugmenter? augmenter)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        writer.WriteString("unit", result.Unit);
        writer.WriteString("framework", result.FrameworkId);
        writer.WriteStartArray("standards");
        foreach (var standard in result.Standards)
        {
            WriteStandard(writer, standard, augmenter);
        }

        writer.WriteEndArray();
        writer.WriteNumber("score", result.Score);
        writer.WriteNumber("maxScore", result.MaxScore);
        writer.WriteString("overall", result.Overall.ToString());
        augmenter?.WriteResultFields(writer, result);
        if (result.Cases is { } cases)
        {
            writer.WriteStartObject("cases");
            writer.WriteNumber("inspected", cases.Inspected);
            writer.WriteNumber("reset", cases.Reset);
            writer.WriteNumber("adjusted", cases.Adjusted);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", warning.Code.ToString());
            writer.WriteString("message", warning.Message);
            WriteIfPresent(writer, "standard", warning.StandardId);
            WriteIfPresent(writer, "keyQuestion", warning.KeyQuestionId);
            WriteIfPresent(writer, "case", warning.CaseId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteUnverified(writer, result);
        writer.WriteEndObject();
        writer.Flush();
    }

    // What the rating rests on that its source does not confirm (docs/findings-format.md: `unverified`).
    internal static void WriteUnverified(Utf8JsonWriter writer, RatingResult result)
    {
        writer.WriteStartArray("unverified");
        foreach (var value in result.Unverified)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    internal static void WriteOverride(Utf8JsonWriter writer, RatingOverride? @override)
    {
        if (@override is null)
        {
            return;
        }

        writer.WriteStartObject("override");
        writer.WriteString("rating", @override.Rating.ToString());
        writer.WriteString("reason", @override.Reason);
        writer.WriteEndObject();
    }

    internal static void WriteStandard(Utf8JsonWriter writer, StandardResult standard, IRatingJsonAugmenter? augmenter = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", standard.Id);
        writer.WriteString("name", standard.Name);
        writer.WriteString("rating", standard.Rating.ToString());
        if (standard.RatedBy == RatedBy.CaseSample)
        {
            writer.WriteString("computedRating", (standard.ComputedRating ?? Rating.NotRated).ToString());
        }

        writer.WriteNumber("points", standard.Points);
        if (!standard.CountsTowardsScore)
        {
            // R8: rated and reported, but its points are not in the score (youth resettlement).
            writer.WriteBoolean("countsTowardsScore", false);
        }

        if (standard.RatedBy == RatedBy.CaseSample)
        {
            if (standard.DrivenBy is null)
            {
                writer.WriteNull("drivenBy");
            }
            else
            {
                writer.WriteString("drivenBy", standard.DrivenBy);
            }

            WriteOverride(writer, standard.Override);

            writer.WriteStartArray("keyQuestions");
            foreach (var question in standard.KeyQuestions)
            {
                WriteKeyQuestion(writer, question, standard, augmenter);
            }

            writer.WriteEndArray();
        }

        augmenter?.WriteStandardFields(writer, standard);
        writer.WriteEndObject();
    }

    internal static void WriteKeyQuestion(Utf8JsonWriter writer, KeyQuestionResult question, StandardResult? standard = null, IRatingJsonAugmenter? augmenter = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", question.Id);
        if (question.PublishedPercent is not null)
        {
            // A published percentage: the counts of cases are not known.
            writer.WriteNull("yes");
            writer.WriteNull("relevant");
            writer.WriteNumber("percent", question.PublishedPercent.Value);
            writer.WriteBoolean("published", true);
        }
        else
        {
            writer.WriteNumber("yes", question.Tally.Yes);
            writer.WriteNumber("relevant", question.Tally.Relevant);
            if (question.Percent is null)
            {
                writer.WriteNull("percent");
            }
            else
            {
                writer.WriteNumber("percent", question.Percent.Value);
            }
        }

        if (question.HasResult)
        {
            writer.WriteString("band", question.Band.ToString());
        }
        else
        {
            writer.WriteNull("band");
        }

        if (standard is not null)
        {
            augmenter?.WriteKeyQuestionFields(writer, standard, question);
        }

        writer.WriteEndObject();
    }

    internal static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
