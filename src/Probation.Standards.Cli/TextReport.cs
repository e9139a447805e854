using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli;

/// <summary>The text a person reads: a ratings page like the report's, and explanations.</summary>
internal static class TextReport
{
    private const int NameWidth = 34;

    public static void WriteHeader(TextWriter output, FindingsDocument document, RatingResult result)
    {
        output.WriteLine(Text.OneLine(result.Unit));
        output.WriteLine($"Framework: {document.Framework.Id} (data version {document.Framework.VersionId}); bands on the {(result.Basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage")}");
        if (document.FieldworkStarted is { } started)
        {
            output.WriteLine($"Fieldwork started: {started.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        }

        output.WriteLine();
    }

    public static void WriteRatings(TextWriter output, FindingsDocument document, RatingResult result)
    {
        WriteHeader(output, document, result);
        output.WriteLine($"Score {result.Score}/{result.MaxScore}");
        output.WriteLine($"Overall rating: {result.Overall.ToDisplayText()}");
        var domain = string.Empty;
        var domainNumber = 0;
        foreach (var standard in result.Standards)
        {
            var definition = document.Framework.Standards.First(s => s.Id == standard.Id);
            if (definition.Domain != domain)
            {
                domain = definition.Domain;
                output.WriteLine();
                output.WriteLine($"{++domainNumber}. {domain}");
            }

            var line = $"  {standard.Id,-5} {standard.Name.PadRight(NameWidth)} {standard.Rating.ToDisplayText(),-22}";
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                var driver = standard.KeyQuestions.FirstOrDefault(q => q.Id == standard.DrivenBy);
                line += driver is null ? "no key question has a result" : $"lowest {driver.Id} {Percent(driver)}";
                if (standard.Override is not null)
                {
                    line += $"; overridden from {standard.ComputedRating?.ToDisplayText()}: {Text.OneLine(standard.Override.Reason)}";
                }
            }
            else
            {
                line += "judgement";
            }

            output.WriteLine(line.TrimEnd());
        }

        if (result.Cases is { } cases)
        {
            output.WriteLine();
            output.WriteLine($"Cases: {cases.Inspected} cases inspected, {cases.Reset} subject to Reset, {cases.Adjusted} adjusted");
            var sentences = new List<string>();
            AddCount(sentences, cases.CommunityOrders, "community order", "community orders");
            AddCount(sentences, cases.SuspendedSentenceOrders, "suspended sentence order", "suspended sentence orders");
            AddCount(sentences, cases.Licences, "licence", "licences");
            AddCount(sentences, cases.PostSentenceSupervision, "post-sentence supervision", "post-sentence supervision");
            if (sentences.Count > 0)
            {
                output.WriteLine($"  {string.Join(", ", sentences)}");
            }

            output.WriteLine($"  Probation Reset: {cases.Adjusted} with the adjusted standards (suspended within {document.Framework.Reset.AdjustedWithinDays} days), {cases.SuspendedAfterThreshold} suspended later (core standards, proportionately); {cases.Exempt} exempt");
        }

        output.WriteLine();
        if (result.Warnings.Count == 0)
        {
            output.WriteLine("Warnings: none");
        }
        else
        {
            output.WriteLine($"Warnings ({result.Warnings.Count}):");
            foreach (var warning in result.Warnings)
            {
                output.WriteLine($"  - {Text.OneLine(warning.Message)}");
            }
        }
    }

    public static void WriteExplanation(TextWriter output, StandardExplanation explanation, BandingBasis basis)
    {
        var standard = explanation.Standard;
        output.WriteLine($"{standard.Id} {standard.Name}: {standard.Rating.ToDisplayText()}");
        if (standard.Override is not null)
        {
            output.WriteLine($"  overridden by the inspectors from {standard.ComputedRating?.ToDisplayText()} (R7): {Text.OneLine(standard.Override.Reason)}");
        }

        foreach (var question in standard.KeyQuestions)
        {
            var mark = question.Id == standard.DrivenBy ? "  <- lowest, drives the rating (R5)" : string.Empty;
            var band = question.HasResult ? question.Band.ToDisplayText() : "no result, skipped";
            output.WriteLine($"  {question.Id,-7} {Percent(question),-24} {band}{mark}");
        }

        if (explanation.Driver is null || explanation.Band is null)
        {
            output.WriteLine("  not rated: none of its key questions has a relevant case (R5)");
            output.WriteLine();
            return;
        }

        var b = explanation.Band;
        var upper = b.ToPercent == 100 ? "100% inclusive" : $"below {b.ToPercent}%";
        output.WriteLine($"  {explanation.Driver.Id} sits in the {b.Rating.ToDisplayText()} band ({b.Descriptor}): from {b.FromPercent}% up to {upper} (R4, {(basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage")})");
        var lift = explanation.Lift;
        if (lift is null)
        {
            output.WriteLine("  already in the top band");
        }
        else
        {
            output.WriteLine($"  to reach {lift.Target.ToDisplayText()} every key question must reach {lift.TargetFromPercent}%:");
            foreach (var q in lift.KeyQuestions)
            {
                var published = standard.KeyQuestions.First(k => k.Id == q.KeyQuestionId).PublishedPercent;
                output.WriteLine(q.NoAnswersTurnedYes is null
                    ? $"    {q.KeyQuestionId}: published as {published?.ToString(CultureInfo.InvariantCulture)}%, {(lift.TargetFromPercent - published)?.ToString(CultureInfo.InvariantCulture)} percentage points short; the case counts behind it are not known, so no number of answers can be given"
                    : $"    {q.KeyQuestionId} ({q.Tally}): {q.NoAnswersTurnedYes} more Yes among its {q.Tally.Relevant} relevant cases (No turned Yes), or {(q.NewSufficientCases is null ? "no number of new sufficient cases" : Count(q.NewSufficientCases.Value, "new sufficient case", "new sufficient cases"))}");
            }

            if (lift.NoAnswersTurnedYes is not null)
            {
                output.WriteLine($"  smallest change: {Count(lift.NoAnswersTurnedYes.Value, "No answer", "No answers")} turned Yes; then driven by {lift.DrivenByAfterNoTurnedYes}");
            }

            if (lift.NewSufficientCases is not null)
            {
                output.WriteLine($"  or {Count(lift.NewSufficientCases.Value, "new case", "new cases")} sufficient on every key question of {standard.Id}; then driven by {lift.DrivenByAfterNewCases}");
            }
        }

        output.WriteLine();
    }

    // R8: where the score sits in the overall table, and how many points the next band needs.
    public static void WriteOverall(TextWriter output, FindingsDocument document, RatingResult result)
    {
        var table = document.Framework.OverallBandsFor(result.MaxScore);
        output.WriteLine($"Overall: {result.Score}/{result.MaxScore}, {result.Overall.ToDisplayText()} (R8)");
        if (table is null)
        {
            output.WriteLine($"  {document.Framework.Id} has no overall table for a maximum of {result.MaxScore}, so the overall rating is not rated");
            output.WriteLine();
            return;
        }

        var bands = table.Bands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Rating != result.Overall)
            {
                continue;
            }

            output.WriteLine($"  {result.Overall.ToDisplayText()} is {bands[i].FromScore}-{bands[i].ToScore} of {table.MaxScore}");
            output.WriteLine(i + 1 < bands.Count
                ? $"  {bands[i + 1].FromScore - result.Score} more points would reach {bands[i + 1].Rating.ToDisplayText()} ({bands[i + 1].FromScore}-{bands[i + 1].ToScore}); points per rating: {string.Join(", ", document.Framework.Points.Select(p => $"{p.Rating.ToDisplayText()} {p.Points}"))}"
                : "  already in the top band");
        }

        output.WriteLine();
    }

    public static void WriteClassifications(TextWriter output, FindingsDocument document, RatingResult result)
    {
        if (result.Cases is not { } cases)
        {
            return;
        }

        output.WriteLine($"Probation Reset (R9): {cases.Inspected} cases inspected, {cases.Reset} subject to Reset, {cases.Adjusted} adjusted");
        var days = document.Framework.Reset.AdjustedWithinDays;
        foreach (var classification in result.Classifications)
        {
            var text = classification.Class switch
            {
                CaseClass.Adjusted => $"adjusted standards: suspended {classification.DaysToSuspension} days after the start ({days} or fewer)",
                CaseClass.SuspendedAfterThreshold => $"core standards, proportionately: suspended {classification.DaysToSuspension} days after the start (more than {days})",
                CaseClass.Exempt => classification.DaysToSuspension is null ? "exempt: core standards" : $"exempt: core standards, although suspended {classification.DaysToSuspension} days after the start",
                _ => null,
            };
            if (text is not null)
            {
                output.WriteLine($"  {Text.OneLine(classification.CaseId),-8} {text}");
            }
        }

        if (result.Classifications.Count == 0 && cases.Inspected > 0)
        {
            output.WriteLine("  (a large document is streamed: its cases are counted by class but not listed one by one)");
            return;
        }

        output.WriteLine($"  every other case: core standards ({cases.Core})");
    }

    private static string Percent(KeyQuestionOutcome question)
    {
        if (question.PublishedPercent is not null)
        {
            return $"{question.PublishedPercent.Value.ToString(CultureInfo.InvariantCulture)}% (published)";
        }

        return question.HasResult
            ? $"{question.RoundedPercent}% ({question.Tally}, {Banding.PercentText(question.Tally)}%)"
            : $"- ({question.Tally})";
    }

    private static string Count(long count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static void AddCount(List<string> parts, long count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? one : many)}");
        }
    }
}
