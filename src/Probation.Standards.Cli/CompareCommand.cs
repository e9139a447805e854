using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

using Probation.Standards.Statistics;

namespace Probation.Standards.Cli;

/// <summary><c>compare BEFORE AFTER</c>: two audits of one framework side by side (R13).</summary>
internal static class CompareCommand
{
    public static int Compare(string before, string after, bool json, SheetSettings sheet, Settings settings, TextWriter output, TextWriter error)
    {
        var readBefore = Commands.TryLoad(before, settings, sheet, keepCases: false, groupBy: null, error, out var loadedBefore);
        var readAfter = Commands.TryLoad(after, settings, sheet, keepCases: false, groupBy: null, error, out var loadedAfter);
        if (!readBefore || !readAfter)
        {
            return Program.BadInput;
        }

        if (!loadedBefore!.Input.Framework.Equals(loadedAfter!.Input.Framework))
        {
            error.WriteLine($"error: {loadedAfter.File}: $.framework: follows {loadedAfter.Input.Framework.Id} but {loadedBefore.File} follows {loadedBefore.Input.Framework.Id}; audits compare only on the same framework (R13)");
            return Program.BadInput;
        }

        var b = Rater.Rate(loadedBefore.Input, settings.Options);
        var a = Rater.Rate(loadedAfter.Input, settings.Options);
        if (json)
        {
            Commands.WriteJson(output, stream => WriteJson(b, a, stream));
        }
        else
        {
            WriteText(new OneLineWriter(output), b, a);
        }

        return Program.Success;
    }

    /// <summary>The change in percentage points, after minus before, of the percentages as reported; null when either has no result.</summary>
    public static decimal? Change(KeyQuestionResult before, KeyQuestionResult after) =>
        Percent(before) is { } p0 && Percent(after) is { } p1 ? p1 - p0 : null;

    /// <summary>P(p_after &gt; p_before) under the R11 posteriors; null without counts on both sides.</summary>
    public static double? Rose(KeyQuestionResult before, KeyQuestionResult after) =>
        before.IsPublished || after.IsPublished ? null : AuditComparison.ProbabilityRose(before.Tally, after.Tally);

    /// <summary>Bands moved: positive up, negative down; null when either side is not rated.</summary>
    public static int? BandsMoved(Rating before, Rating after) =>
        before == Rating.NotRated || after == Rating.NotRated ? null : (int)after - (int)before;

    private static decimal? Percent(KeyQuestionResult question) => question.PublishedPercent ?? question.Percent;

    private static void WriteJson(RatingResult before, RatingResult after, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WritePropertyName("before");
        RatingJson.Write(before, writer);
        writer.WritePropertyName("after");
        RatingJson.Write(after, writer);
        writer.WriteStartArray("keyQuestions");
        foreach (var (qb, qa) in KeyQuestions(before, after))
        {
            writer.WriteStartObject();
            writer.WriteString("id", qb.Id);
            WriteSide(writer, "before", qb);
            WriteSide(writer, "after", qa);
            WriteNumberOrNull(writer, "change", Change(qb, qa));
            if (Rose(qb, qa) is { } rose)
            {
                writer.WriteNumber("probabilityRose", Math.Round(rose, 6));
            }
            else
            {
                writer.WriteNull("probabilityRose");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("standards");
        for (var i = 0; i < before.Standards.Count; i++)
        {
            var sb = before.Standards[i];
            var sa = after.Standards[i];
            writer.WriteStartObject();
            writer.WriteString("id", sb.Id);
            writer.WriteString("before", sb.Rating.ToString());
            writer.WriteString("after", sa.Rating.ToString());
            if (BandsMoved(sb.Rating, sa.Rating) is { } moved)
            {
                writer.WriteNumber("bandsMoved", moved);
            }
            else
            {
                writer.WriteNull("bandsMoved");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("score");
        writer.WriteNumber("before", before.Score);
        writer.WriteNumber("after", after.Score);
        writer.WriteEndObject();
        writer.WriteStartObject("overall");
        writer.WriteString("before", before.Overall.ToString());
        writer.WriteString("after", after.Overall.ToString());
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, KeyQuestionResult question)
    {
        writer.WriteStartObject(name);
        if (question.IsPublished)
        {
            writer.WriteNull("yes");
            writer.WriteNull("relevant");
        }
        else
        {
            writer.WriteNumber("yes", question.Tally.Yes);
            writer.WriteNumber("relevant", question.Tally.Relevant);
        }

        WriteNumberOrNull(writer, "percent", Percent(question));
        if (question.HasResult)
        {
            writer.WriteString("band", question.Band.ToString());
        }
        else
        {
            writer.WriteNull("band");
        }

        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, decimal? value)
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

    private static (KeyQuestionResult Before, KeyQuestionResult After)[] KeyQuestions(RatingResult before, RatingResult after) =>
        before.Standards.Where(s => s.RatedBy == RatedBy.CaseSample)
            .SelectMany(s => s.KeyQuestions.Select((q, i) => (q, after.GetStandard(s.Id).KeyQuestions[i])))
            .ToArray();

    private static void WriteText(TextWriter output, RatingResult before, RatingResult after)
    {
        output.WriteLine($"Before: {before.Unit} ({before.FrameworkId}): {before.Score}/{before.MaxScore} {before.Overall.ToDisplayText()}");
        output.WriteLine($"After:  {after.Unit} ({after.FrameworkId}): {after.Score}/{after.MaxScore} {after.Overall.ToDisplayText()}");
        output.WriteLine();
        output.WriteLine("Standards");
        for (var i = 0; i < before.Standards.Count; i++)
        {
            var sb = before.Standards[i];
            var sa = after.Standards[i];
            var moved = BandsMoved(sb.Rating, sa.Rating) switch
            {
                null => string.Empty,
                0 => "no change",
                var m when m > 0 => $"up {m} band{(m == 1 ? string.Empty : "s")}",
                var m => $"down {-m} band{(m == -1 ? string.Empty : "s")}",
            };
            output.WriteLine($"  {sb.Id,-5} {sb.Name,-34} {sb.Rating.ToDisplayText(),-22} -> {sa.Rating.ToDisplayText(),-22} {moved}".TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("Key questions (percent before -> after, change in points, P(share rose) under the Jeffreys posteriors, R11/R13)");
        foreach (var (qb, qa) in KeyQuestions(before, after))
        {
            var rose = Rose(qb, qa) is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-";
            var change = Change(qb, qa) is { } c ? (c >= 0 ? "+" : string.Empty) + c.ToString("0.00", CultureInfo.InvariantCulture) : "-";
            output.WriteLine($"  {qb.Id,-7} {Side(qb),-36} -> {Side(qa),-36} {change,8}  P(rose) {rose}");
        }

        output.WriteLine();
        output.WriteLine("P(rose) is the project's own statistic (R11), not HMIP's method; it never changes a rating.");
    }

    private static string Side(KeyQuestionResult q) =>
        !q.HasResult ? "no result"
        : q.IsPublished ? $"{q.PublishedPercent!.Value.ToString(CultureInfo.InvariantCulture)}% {q.Band.ToDisplayText()}"
        : $"{q.Tally.Yes}/{q.Tally.Relevant} {Percent(q)!.Value.ToString("0.00", CultureInfo.InvariantCulture)}% {q.Band.ToDisplayText()}";
}
