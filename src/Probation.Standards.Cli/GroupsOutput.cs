using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli;

/// <summary><c>rate --by</c>: the groups' ratings as the contract's JSON, or as a league table a practice lead reads (R12).</summary>
internal static class GroupsOutput
{
    public static void WriteJson(GroupedRating rating, Stream utf8Json)
    {
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("groups");
        foreach (var group in rating.Groups)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("by");
            for (var i = 0; i < group.Key.Names.Count; i++)
            {
                if (group.Key.Values[i] is { } value)
                {
                    writer.WriteString(group.Key.Names[i], value);
                }
                else
                {
                    writer.WriteNull(group.Key.Names[i]);
                }
            }

            writer.WriteEndObject();
            writer.WritePropertyName("result");
            RatingJson.Write(group.Result, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("all");
        RatingJson.Write(rating.All, writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>One row a group, then one for all: cases, each case standard with its lowest key question, score, overall.</summary>
    public static void WriteLeagueTable(TextWriter output, GroupedRating rating)
    {
        var all = rating.All;
        var caseStandards = all.Standards.Where(s => s.RatedBy == RatedBy.CaseSample).Select(s => s.Id).ToArray();
        var names = rating.Groups.Count > 0 ? string.Join(", ", rating.Groups[0].Key.Names) : "tag";
        output.WriteLine($"{all.Unit}: {rating.Groups.Count} group{(rating.Groups.Count == 1 ? string.Empty : "s")} by {names} ({all.FrameworkId})");
        output.WriteLine();
        var rows = new List<string[]>
        {
            new[] { names, "cases" }.Concat(caseStandards.Select(id => $"{id} {all.Framework.GetStandard(id).Name}")).Concat(new[] { "score", "overall" }).ToArray(),
        };
        foreach (var group in rating.Groups)
        {
            rows.Add(Row(string.Join(", ", group.Key.Values.Select(v => v ?? "(none)")), group.Result, caseStandards));
        }

        rows.Add(Row("all", all, caseStandards));
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (r == rows.Count - 1)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }

            var cells = rows[r].Select((cell, i) => i == 1 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
            if (r == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        output.WriteLine();
        output.WriteLine("Each cell: the standard's rating and its lowest key question's percentage (R5). A group rates its case standards only (R12): its score is out of their points and its overall is not rated; 'all' is the unit rated as a whole, with its judgements.");
        if (all.Unverified.Count > 0)
        {
            output.WriteLine($"Not yet confirmed from source: {string.Join("; ", all.Unverified)}.");
        }
    }

    private static string[] Row(string label, RatingResult result, string[] caseStandards)
    {
        var cells = new List<string> { label, result.Cases?.Inspected.ToString(CultureInfo.InvariantCulture) ?? "-" };
        foreach (var id in caseStandards)
        {
            var standard = result.GetStandard(id);
            var driver = standard.Driver;
            var percent = driver?.Percent is { } p ? " " + p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : driver?.PublishedPercent is { } pp ? " " + pp.ToString(CultureInfo.InvariantCulture) + "%" : string.Empty;
            cells.Add(standard.Rating.ToDisplayText() + percent);
        }

        cells.Add($"{result.Score}/{result.MaxScore}");
        cells.Add(result.Overall.ToDisplayText());
        return cells.ToArray();
    }
}
