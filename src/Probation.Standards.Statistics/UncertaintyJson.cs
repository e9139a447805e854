using System;
using System.IO;
using System.Text.Json;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

namespace Probation.Standards.Statistics;

/// <summary>
/// Writes <c>rate --uncertainty --format json</c> (docs/findings-format.md): the contract's result JSON, written by
/// <see cref="RatingJson"/>, with each key question's <c>interval</c> and <c>bandProbability</c>, each rated case
/// standard's <c>bandProbability</c>, the result's <c>overallProbability</c> and an <c>uncertainty</c> block saying
/// what the numbers are.
/// </summary>
public sealed class UncertaintyJson : IRatingJsonAugmenter
{
    private readonly RatingUncertainty uncertainty;

    /// <summary>Creates the writer of one result's statistics.</summary>
    /// <param name="uncertainty">The statistics.</param>
    public UncertaintyJson(RatingUncertainty uncertainty) => this.uncertainty = uncertainty ?? throw new ArgumentNullException(nameof(uncertainty));

    /// <summary>Writes the result with its statistics, indented, as UTF-8.</summary>
    /// <param name="uncertainty">The statistics (and, through them, the result).</param>
    /// <param name="utf8Json">Where to write.</param>
    public static void Write(RatingUncertainty uncertainty, Stream utf8Json)
    {
        if (uncertainty is null)
        {
            throw new ArgumentNullException(nameof(uncertainty));
        }

        RatingJson.Write(uncertainty.Result, utf8Json, new UncertaintyJson(uncertainty));
    }

    /// <summary>Writes the result with its statistics to a JSON writer.</summary>
    /// <param name="uncertainty">The statistics.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(RatingUncertainty uncertainty, Utf8JsonWriter writer)
    {
        if (uncertainty is null)
        {
            throw new ArgumentNullException(nameof(uncertainty));
        }

        RatingJson.Write(uncertainty.Result, writer, new UncertaintyJson(uncertainty));
    }

    /// <inheritdoc />
    public void WriteKeyQuestionFields(Utf8JsonWriter writer, StandardResult standard, KeyQuestionResult question)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (question is null || !this.uncertainty.TryGetKeyQuestion(question.Id, out var stats) || !question.HasResult)
        {
            return;
        }

        if (stats.CountsAssumed)
        {
            writer.WriteBoolean("countsAssumed", true);
            writer.WriteNumber("assumedYes", stats.Yes!.Value);
            writer.WriteNumber("assumedRelevant", stats.Relevant!.Value);
        }

        WriteInterval(writer, stats.Interval);

        WriteBands(writer, "bandProbability", stats.BandProbability);
    }

    /// <inheritdoc />
    public void WriteStandardFields(Utf8JsonWriter writer, StandardResult standard)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (standard is not null && this.uncertainty.TryGetStandard(standard.Id, out var stats) && stats.BandProbability is not null)
        {
            WriteBands(writer, "bandProbability", stats.BandProbability);
        }
    }

    /// <inheritdoc />
    public void WriteResultFields(Utf8JsonWriter writer, RatingResult result)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (this.uncertainty.OverallProbability is { } overall)
        {
            WriteBands(writer, "overallProbability", overall);
        }

        writer.WriteStartObject("uncertainty");
        writer.WriteString("about", "the project's own statistics (rules.md R11), not HM Inspectorate of Probation's method; they never change a rating");
        writer.WriteString("interval", "clopper-pearson");
        writer.WriteString("posterior", "jeffreys");
        writer.WriteNumber("confidence", this.uncertainty.Options.Confidence);
        if (this.uncertainty.Options.AssumedRelevant is { } n)
        {
            writer.WriteNumber("assumedRelevant", n);
        }
        else
        {
            writer.WriteNull("assumedRelevant");
        }

        writer.WriteBoolean("countsAssumed", this.uncertainty.CountsAssumed);
        writer.WriteEndObject();
    }

    /// <summary>The contract's <c>interval</c> field: a Clopper-Pearson interval in percent, or null.</summary>
    internal static void WriteInterval(Utf8JsonWriter writer, ShareInterval? interval)
    {
        if (interval is null)
        {
            writer.WriteNull("interval");
            return;
        }

        writer.WriteStartObject("interval");
        writer.WriteString("method", "clopper-pearson");
        writer.WriteNumber("confidence", interval.Confidence);
        writer.WriteNumber("low", interval.LowPercent);
        writer.WriteNumber("high", interval.HighPercent);
        writer.WriteEndObject();
    }

    private static void WriteBands(Utf8JsonWriter writer, string name, BandProbabilities? bands)
    {
        if (bands is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        for (var i = 0; i < bands.Ratings.Count; i++)
        {
            writer.WriteNumber(bands.Ratings[i].ToString(), bands.Probabilities[i]);
        }

        writer.WriteEndObject();
    }
}
