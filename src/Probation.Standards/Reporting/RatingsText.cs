using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting;

/// <summary>The text a person reads: a ratings page like the report's, and explanations (<c>rate</c> and <c>explain</c>).</summary>
public static class RatingsText
{
    private const int NameWidth = 34;

    /// <summary>Writes the ratings page: every standard by domain, the score, the overall rating, the cases, warnings and what the rating rests on.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="result">The rating.</param>
    /// <param name="fieldworkStarted">When fieldwork started, if known.</param>
    public static void WriteRatings(TextWriter output, RatingResult result, DateTime? fieldworkStarted = null)
    {
        Check(output, result);
        WriteHeader(output, result, fieldworkStarted);
        output.WriteLine($"Score {result.Score}/{result.MaxScore}");
        output.WriteLine($"Overall rating: {result.Overall.ToDisplayText()}");
        var domain = string.Empty;
        var domainNumber = 0;

        // Names longer than the usual column (youth 3.4) widen it for every row, so the ratings stay aligned.
        var nameWidth = NameWidth;
        foreach (var standard in result.Standards)
        {
            nameWidth = Math.Max(nameWidth, standard.Name.Length);
        }

        foreach (var standard in result.Standards)
        {
            var definition = result.Framework.GetStandard(standard.Id);
            if (definition.Domain != domain)
            {
                domain = definition.Domain;
                output.WriteLine();
                output.WriteLine($"{++domainNumber}. {domain}");
            }

            var line = $"  {standard.Id,-5} {standard.Name.PadRight(nameWidth)} {standard.Rating.ToDisplayText(),-22}";
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                var driver = standard.Driver;
                line += driver is null ? "no key question has a result" : $"lowest {driver.Id} {Percent(driver)}";
                if (standard.Override is not null)
                {
                    line += $"; overridden from {standard.ComputedRating?.ToDisplayText()}: {standard.Override.Reason}";
                }
            }
            else
            {
                line += "judgement";
            }

            if (!standard.CountsTowardsScore)
            {
                line += "; not counted in the score (R8)";
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

            output.WriteLine($"  Probation Reset: {cases.Adjusted} with the adjusted standards (suspended within {result.Framework.Reset.AdjustedWithinDays} days), {cases.SuspendedAfterThreshold} suspended later (core standards, proportionately); {cases.Exempt} exempt");
        }

        output.WriteLine();
        WriteWarnings(output, result);
        WriteUnverified(output, result);
    }

    /// <summary>Writes an explanation: each case standard's driving key question, band edges and lift, then the overall rating and the Reset classes.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="explanation">The explanation.</param>
    /// <param name="standardId">Only this standard, or every one when <see langword="null"/>.</param>
    /// <param name="classifications">The cases' Reset classes, to list, when the cases were kept.</param>
    /// <param name="fieldworkStarted">When fieldwork started, if known.</param>
    /// <exception cref="ArgumentException">The framework has no standard <paramref name="standardId"/>.</exception>
    public static void WriteExplanation(TextWriter output, RatingExplanation explanation, string? standardId = null, IEnumerable<CaseClassification>? classifications = null, DateTime? fieldworkStarted = null)
    {
        if (explanation is null)
        {
            throw new ArgumentNullException(nameof(explanation));
        }

        var result = explanation.Result;
        Check(output, result);
        if (standardId is not null)
        {
            if (!result.TryGetStandard(standardId, out var only))
            {
                throw new ArgumentException($"no standard '{standardId}' in {result.FrameworkId} (standards: {string.Join(", ", result.Standards.Select(s => s.Id))})", nameof(standardId));
            }

            if (only.RatedBy == RatedBy.Judgement)
            {
                output.WriteLine($"{only.Id} {only.Name}: {only.Rating.ToDisplayText()}");
                output.WriteLine("  an inspectors' judgement, given as an input (R6): there is no computation to explain.");
                return;
            }
        }

        WriteHeader(output, result, fieldworkStarted);
        if (standardId is null)
        {
            foreach (var judged in result.Standards.Where(s => s.RatedBy == RatedBy.Judgement))
            {
                output.WriteLine($"{judged.Id} {judged.Name}: {judged.Rating.ToDisplayText()} (an inspectors' judgement, given as an input: R6)");
            }

            output.WriteLine();
        }

        foreach (var why in explanation.Standards)
        {
            if (standardId is null || why.Standard.Id == standardId)
            {
                WriteStandard(output, why, result.Basis);
            }
        }

        if (standardId is null)
        {
            WriteOverall(output, explanation);
            WriteClassifications(output, result, classifications);
            WriteUnverified(output, result);
        }
    }

    private static void Check(TextWriter output, RatingResult result)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }
    }

    private static void WriteHeader(TextWriter output, RatingResult result, DateTime? fieldworkStarted)
    {
        output.WriteLine(result.Unit);
        output.WriteLine($"Framework: {result.FrameworkId} (data version {result.FrameworkVersionId}); bands on the {Describe(result.Basis)}");
        if (fieldworkStarted is { } started)
        {
            output.WriteLine($"Fieldwork started: {started.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        }

        output.WriteLine();
    }

    private static void WriteWarnings(TextWriter output, RatingResult result)
    {
        if (result.Warnings.Count == 0)
        {
            output.WriteLine("Warnings: none");
            return;
        }

        output.WriteLine($"Warnings ({result.Warnings.Count}):");
        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"  - {warning.Message}");
        }
    }

    // Nobody quotes a rating without knowing what it rests on.
    private static void WriteUnverified(TextWriter output, RatingResult result)
    {
        output.WriteLine();
        output.WriteLine(result.Unverified.Count == 0
            ? "Every value this rating rests on is confirmed by its source."
            : $"This rating rests on values not yet confirmed by their source: {string.Join("; ", result.Unverified)}.");
    }

    private static void WriteStandard(TextWriter output, StandardExplanation explanation, BandingBasis basis)
    {
        var standard = explanation.Standard;
        output.WriteLine($"{standard.Id} {standard.Name}: {standard.Rating.ToDisplayText()}");
        if (standard.Override is not null)
        {
            output.WriteLine($"  overridden by the inspectors from {standard.ComputedRating?.ToDisplayText()} (R7): {standard.Override.Reason}");
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
        output.WriteLine($"  {explanation.Driver.Id} sits in the {b.Rating.ToDisplayText()} band ({b.Descriptor}): from {b.FromPercent}% up to {upper} (R4, {Describe(basis)})");
        WriteFragility(output, explanation);
        var lift = explanation.Lift;
        if (lift is null)
        {
            output.WriteLine("  already in the top band");
            output.WriteLine();
            return;
        }

        output.WriteLine($"  to reach {lift.Target.Rating.ToDisplayText()} every key question must reach {lift.Target.FromPercent}%:");
        foreach (var q in lift.KeyQuestions)
        {
            var k = q.KeyQuestion;
            if (q.PercentagePointsShort is { } points)
            {
                output.WriteLine($"    {k.Id}: published as {k.PublishedPercent?.ToString(CultureInfo.InvariantCulture)}%, {points.ToString(CultureInfo.InvariantCulture)} percentage points short; the case counts behind it are not known, so no number of answers can be given");
            }
            else
            {
                var turned = q.NoAnswersTurnedYes is { } t ? $"{t} more Yes among its {k.Tally.Relevant} relevant cases (No turned Yes)" : "more Yes answers than 64-bit counts hold";
                var added = q.NewSufficientCases is { } m ? Count(m, "new sufficient case", "new sufficient cases") : "no number of new sufficient cases";
                output.WriteLine($"    {k.Id} ({k.Tally}): {turned}, or {added}");
            }
        }

        if (lift.NoAnswersTurnedYes is { } all)
        {
            output.WriteLine($"  smallest change: {Count(all, "No answer", "No answers")} turned Yes; then driven by {lift.DrivenByAfterNoTurnedYes}");
        }

        if (lift.NewSufficientCases is { } cases)
        {
            output.WriteLine($"  or {Count(cases, "new case", "new cases")} sufficient on every key question of {standard.Id}; then driven by {lift.DrivenByAfterNewCases}");
        }

        output.WriteLine();
    }

    // R8: where the score sits in the overall table, and how many points the next band needs.
    private static void WriteOverall(TextWriter output, RatingExplanation explanation)
    {
        var result = explanation.Result;
        var overall = explanation.Overall;
        output.WriteLine($"Overall: {result.Score}/{result.MaxScore}, {result.Overall.ToDisplayText()} (R8)");
        if (overall.Table is null || overall.Band is null)
        {
            output.WriteLine($"  {result.FrameworkId} has no overall table for a maximum of {result.MaxScore}, so the overall rating is not rated");
            output.WriteLine();
            return;
        }

        output.WriteLine($"  {result.Overall.ToDisplayText()} is {overall.Band.FromScore}-{overall.Band.ToScore} of {overall.Table.MaxScore}");
        output.WriteLine(overall.Next is { } next
            ? $"  {overall.PointsToNext} more points would reach {next.Rating.ToDisplayText()} ({next.FromScore}-{next.ToScore}); points per rating: {string.Join(", ", result.Framework.Points.Select(p => $"{p.Rating.ToDisplayText()} {p.Points}"))}"
            : "  already in the top band");
        WritePlan(output, overall);
        output.WriteLine();
    }

    // The cheapest path to the next overall band, exact over every combination of standard lifts.
    private static void WritePlan(TextWriter output, OverallExplanation overall)
    {
        if (overall.Next is not { } next)
        {
            return;
        }

        if (overall.Plan.Count == 0)
        {
            output.WriteLine($"  no lift of the case standards that can be lifted (computed from counts, not overridden) reaches {next.Rating.ToDisplayText()}");
            return;
        }

        var cost = overall.FewestAnswers is { } answers
            ? $"{Count(answers, "No answer", "No answers")} turned Yes"
            : $"{overall.FewestPercentagePoints?.ToString(CultureInfo.InvariantCulture)} percentage points of published percentages (their counts are not known)";
        output.WriteLine($"  cheapest path to {next.Rating.ToDisplayText()}: {cost}, judgements and overrides as they are:");
        foreach (var step in overall.Plan)
        {
            var what = step.NoAnswersTurnedYes is { } n
                ? Count(n, "No answer", "No answers") + " turned Yes"
                : $"{step.PercentagePoints?.ToString(CultureInfo.InvariantCulture)} percentage points";
            var questions = string.Join(", ", step.KeyQuestions.Select(q => q.NoAnswersTurnedYes is { } k
                ? $"{q.KeyQuestion.Id} +{k}"
                : $"{q.KeyQuestion.Id} +{q.PercentagePointsShort?.ToString(CultureInfo.InvariantCulture)} points"));
            output.WriteLine($"    {step.Standard.Id} {step.Standard.Name} to {step.Target.Rating.ToDisplayText()} (+{Count(step.PointsGained, "point", "points")}): {what} ({questions})");
        }
    }

    // Whether one or two answers could move the computed band, up or down.
    private static void WriteFragility(TextWriter output, StandardExplanation explanation)
    {
        var up = explanation.Lift?.NoAnswersTurnedYes;
        var down = explanation.YesAnswersTurnedNoToDrop;
        if (!explanation.CouldChangeWithOneOrTwoAnswers)
        {
            return;
        }

        var ways = new List<string>();
        if (up is <= 2)
        {
            ways.Add($"up with {Count(up.Value, "No answer", "No answers")} turned Yes");
        }

        if (down is <= 2)
        {
            ways.Add($"down with {Count(down.Value, "Yes answer", "Yes answers")} turned No");
        }

        output.WriteLine($"  this band could change with 1 or 2 answers: {string.Join(", or ", ways)}");
    }

    private static void WriteClassifications(TextWriter output, RatingResult result, IEnumerable<CaseClassification>? classifications)
    {
        if (result.Cases is not { } cases)
        {
            return;
        }

        output.WriteLine($"Probation Reset (R9): {cases.Inspected} cases inspected, {cases.Reset} subject to Reset, {cases.Adjusted} adjusted");
        if (classifications is null)
        {
            output.WriteLine($"  core {cases.Core}, exempt {cases.Exempt}, suspended later {cases.SuspendedAfterThreshold}, adjusted {cases.Adjusted}");
            return;
        }

        var days = result.Framework.Reset.AdjustedWithinDays;
        foreach (var classification in classifications)
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
                output.WriteLine($"  {Internal.Quoting.EscapeControls(classification.CaseId),-8} {text}");
            }
        }

        output.WriteLine($"  every other case: core standards ({cases.Core})");
    }

    private static string Percent(KeyQuestionResult question)
    {
        if (question.PublishedPercent is not null)
        {
            return $"{question.PublishedPercent.Value.ToString(CultureInfo.InvariantCulture)}% (published)";
        }

        return question.HasResult
            ? $"{question.RoundedPercent}% ({question.Tally}, {Banding.PercentText(question.Tally)}%)"
            : $"- ({question.Tally})";
    }

    private static string Describe(BandingBasis basis) => basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage";

    private static string Count(long count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static void AddCount(List<string> parts, long count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? one : many)}");
        }
    }
}
