using System;
using System.IO;
using System.Text.Json;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting;

/// <summary>Writes an explanation as JSON (<c>explain --format json</c>, <c>docs/findings-format.md</c>).</summary>
public static class ExplanationJson
{
    /// <summary>Writes an explanation, indented, as UTF-8.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="utf8Json">Where to write.</param>
    /// <param name="standardId">Only this standard, or every one when <see langword="null"/>.</param>
    public static void Write(RatingExplanation explanation, Stream utf8Json, string? standardId = null)
    {
        using var writer = new Utf8JsonWriter(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json)), new JsonWriterOptions { Indented = true });
        Write(explanation, writer, standardId);
    }

    /// <summary>Writes an explanation to a JSON writer.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="writer">The writer.</param>
    /// <param name="standardId">Only this standard, or every one when <see langword="null"/>.</param>
    public static void Write(RatingExplanation explanation, Utf8JsonWriter writer, string? standardId = null)
    {
        if (explanation is null)
        {
            throw new ArgumentNullException(nameof(explanation));
        }

        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        var result = explanation.Result;
        writer.WriteStartObject();
        writer.WriteString("unit", result.Unit);
        writer.WriteString("framework", result.FrameworkId);
        writer.WriteString("basis", result.Basis == BandingBasis.ExactRatio ? "exact" : "rounded");
        writer.WriteStartArray("standards");
        foreach (var standard in result.Standards)
        {
            if (standardId is not null && standard.Id != standardId)
            {
                continue;
            }

            if (standard.RatedBy == RatedBy.Judgement)
            {
                writer.WriteStartObject();
                writer.WriteString("id", standard.Id);
                writer.WriteString("name", standard.Name);
                writer.WriteString("rating", standard.Rating.ToString());
                writer.WriteString("ratedBy", "judgement");
                writer.WriteEndObject();
                continue;
            }

            explanation.TryGetStandard(standard.Id, out var why);
            WriteStandard(writer, why!);
        }

        writer.WriteEndArray();
        if (standardId is null)
        {
            WriteOverall(writer, explanation);
        }

        RatingJson.WriteUnverified(writer, result);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteStandard(Utf8JsonWriter writer, StandardExplanation why)
    {
        var standard = why.Standard;
        writer.WriteStartObject();
        writer.WriteString("id", standard.Id);
        writer.WriteString("name", standard.Name);
        writer.WriteString("rating", standard.Rating.ToString());
        writer.WriteString("computedRating", (standard.ComputedRating ?? Rating.NotRated).ToString());
        writer.WriteString("ratedBy", "caseSample");
        RatingJson.WriteOverride(writer, standard.Override);

        if (why.Driver is null)
        {
            writer.WriteNull("drivenBy");
        }
        else
        {
            writer.WriteString("drivenBy", why.Driver.Id);
        }

        writer.WriteStartArray("keyQuestions");
        foreach (var question in standard.KeyQuestions)
        {
            RatingJson.WriteKeyQuestion(writer, question);
        }

        writer.WriteEndArray();
        if (why.Band is { } band)
        {
            writer.WriteStartObject("band");
            writer.WriteString("rating", band.Rating.ToString());
            writer.WriteString("descriptor", band.Descriptor);
            writer.WriteNumber("fromPercent", band.FromPercent);
            writer.WriteNumber("toPercent", band.ToPercent);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("band");
        }

        if (why.Lift is { } lift)
        {
            writer.WriteStartObject("lift");
            writer.WriteString("target", lift.Target.Rating.ToString());
            writer.WriteNumber("targetFromPercent", lift.Target.FromPercent);
            WriteCount(writer, "noAnswersTurnedYes", lift.NoAnswersTurnedYes);
            WriteCount(writer, "newSufficientCases", lift.NewSufficientCases);
            WriteText(writer, "drivenByAfterNoTurnedYes", lift.DrivenByAfterNoTurnedYes);
            WriteText(writer, "drivenByAfterNewCases", lift.DrivenByAfterNewCases);
            writer.WriteStartArray("keyQuestions");
            foreach (var q in lift.KeyQuestions)
            {
                writer.WriteStartObject();
                writer.WriteString("id", q.KeyQuestion.Id);
                WriteCount(writer, "noAnswersTurnedYes", q.NoAnswersTurnedYes);
                WriteCount(writer, "newSufficientCases", q.NewSufficientCases);
                if (q.PercentagePointsShort is { } points)
                {
                    writer.WriteNumber("percentagePointsShort", points);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("lift");
        }

        // How near the band's edges are: a band one or two answers could change deserves a second look.
        WriteCount(writer, "yesAnswersTurnedNoToDrop", why.YesAnswersTurnedNoToDrop);
        writer.WriteBoolean("couldChangeWithOneOrTwoAnswers", why.CouldChangeWithOneOrTwoAnswers);

        writer.WriteEndObject();
    }

    // R8 and the cheapest path to the next band: "overall": {"rating", "next", "pointsNeeded", "fewestAnswers", "plan"}.
    private static void WriteOverall(Utf8JsonWriter writer, RatingExplanation explanation)
    {
        var result = explanation.Result;
        var overall = explanation.Overall;
        writer.WriteStartObject("overall");
        writer.WriteNumber("score", result.Score);
        writer.WriteNumber("maxScore", result.MaxScore);
        writer.WriteString("rating", result.Overall.ToString());
        if (overall.Band is { } band)
        {
            writer.WriteNumber("fromScore", band.FromScore);
            writer.WriteNumber("toScore", band.ToScore);
        }

        WriteText(writer, "next", overall.Next?.Rating.ToString());
        if (overall.Next is { } next)
        {
            writer.WriteNumber("nextFromScore", next.FromScore);
            writer.WriteNumber("nextToScore", next.ToScore);
        }

        WriteCount(writer, "pointsNeeded", overall.PointsToNext);
        WriteCount(writer, "fewestAnswers", overall.FewestAnswers);
        if (overall.FewestPercentagePoints is { } points)
        {
            writer.WriteNumber("fewestPercentagePoints", points);
        }

        writer.WriteStartArray("plan");
        foreach (var step in overall.Plan)
        {
            writer.WriteStartObject();
            writer.WriteString("standard", step.Standard.Id);
            writer.WriteString("from", step.Standard.Rating.ToString());
            writer.WriteString("target", step.Target.Rating.ToString());
            writer.WriteNumber("pointsGained", step.PointsGained);
            WriteCount(writer, "noAnswersTurnedYes", step.NoAnswersTurnedYes);
            if (step.PercentagePoints is { } stepPoints)
            {
                writer.WriteNumber("percentagePoints", stepPoints);
            }

            writer.WriteStartArray("keyQuestions");
            foreach (var q in step.KeyQuestions)
            {
                writer.WriteStartObject();
                writer.WriteString("id", q.KeyQuestion.Id);
                WriteCount(writer, "noAnswersTurnedYes", q.NoAnswersTurnedYes);
                if (q.PercentagePointsShort is { } short_)
                {
                    writer.WriteNumber("percentagePointsShort", short_);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int? value) => WriteCount(writer, name, (long?)value);

    private static void WriteCount(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
