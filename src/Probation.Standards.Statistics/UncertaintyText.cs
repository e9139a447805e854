using System;
using System.Globalization;
using System.IO;
using Probation.Standards.Scoring;

namespace Probation.Standards.Statistics;

/// <summary>The statistics as text for a person (<c>rate --uncertainty</c>): a table of intervals and a line per standard.</summary>
public static class UncertaintyText
{
    /// <summary>Writes the section that follows the ratings page.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="uncertainty">The statistics.</param>
    public static void Write(TextWriter output, RatingUncertainty uncertainty)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (uncertainty is null)
        {
            throw new ArgumentNullException(nameof(uncertainty));
        }

        var confidence = Percent(uncertainty.Options.Confidence * 100, "0.##");
        output.WriteLine();
        output.WriteLine($"How sure (the project's own statistics, R11; not HM Inspectorate of Probation's method, and never a change to a rating):");
        output.WriteLine($"  {"key question",-13} {"counts",-14} {"percent",8}  {confidence + "% interval",-18} {"band",-22} chance of that band");
        foreach (var standard in uncertainty.Standards)
        {
            foreach (var question in standard.KeyQuestions)
            {
                var q = question.KeyQuestion;
                if (!q.HasResult)
                {
                    output.WriteLine($"  {q.Id,-13} {q.Tally.ToString(),-14} {"-",8}  {"no result",-18}");
                    continue;
                }

                var counts = question.CountsAssumed
                    ? $"~{Percent(question.Yes!.Value, "0.##")}/{Percent(question.Relevant!.Value, "0.##")}*"
                    : q.IsPublished ? "published" : q.Tally.ToString();
                var percent = q.IsPublished ? q.PublishedPercent!.Value.ToString("0.##", CultureInfo.InvariantCulture) : Banding.PercentText(q.Tally);
                var interval = question.Interval is { } i ? $"{Percent(i.LowPercent, "0.0")}-{Percent(i.HighPercent, "0.0")}%" : "none (no counts)";
                var chance = question.BandProbability is { } b ? Percent(b.GetProbability(q.Band) * 100, "0.0") + "%" : "-";
                output.WriteLine($"  {q.Id,-13} {counts,-14} {percent + "%",8}  {interval,-18} {q.Band.ToDisplayText(),-22} {chance}");
            }
        }

        if (uncertainty.CountsAssumed)
        {
            output.WriteLine($"  * counts assumed: each published percentage taken as out of {Percent(uncertainty.Options.AssumedRelevant!.Value, "0.##")} relevant cases (--assume-relevant)");
        }
        else if (HasPublishedWithoutCounts(uncertainty))
        {
            output.WriteLine("  published percentages have no counts: they are held at their value and add no uncertainty; give --assume-relevant N to assume N relevant cases");
        }

        output.WriteLine();
        foreach (var standard in uncertainty.Standards)
        {
            var s = standard.Standard;
            if (standard.BandProbability is not { } bands)
            {
                output.WriteLine($"  {s.Id} {s.Name}: not rated, no probabilities");
                continue;
            }

            var why = s.Override is not null ? " (overridden: certain at its final rating)" : string.Empty;
            output.WriteLine($"  {s.Id} {s.Name}: {s.Rating.ToDisplayText()}, chance its band holds {Percent(bands.GetProbability(s.Rating) * 100, "0.0")}%{why} ({Describe(bands)})");
        }

        if (uncertainty.OverallProbability is { } overall)
        {
            var rating = uncertainty.Result.Overall;
            output.WriteLine($"  Overall: {rating.ToDisplayText()}, chance it holds {Percent(overall.GetProbability(rating) * 100, "0.0")}% ({Describe(overall)})");
        }
        else
        {
            output.WriteLine("  Overall: not rated, no probabilities");
        }
    }

    private static bool HasPublishedWithoutCounts(RatingUncertainty uncertainty)
    {
        foreach (var standard in uncertainty.Standards)
        {
            foreach (var question in standard.KeyQuestions)
            {
                if (question.KeyQuestion.IsPublished && question.KeyQuestion.HasResult && question.Interval is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Describe(BandProbabilities bands)
    {
        var parts = new string[bands.Ratings.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = $"{bands.Ratings[i].ToDisplayText()} {Percent(bands.Probabilities[i] * 100, "0.0")}%";
        }

        return string.Join(", ", parts);
    }

    private static string Percent(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
