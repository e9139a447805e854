using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;

namespace Probation.Standards.Cli;

/// <summary>The three commands of the contract. Each turns every failure into one <c>error:</c> line.</summary>
internal static class Commands
{
    /// <summary>Documents this large or larger are streamed (FindingsStream) rather than read whole.</summary>
    public const long StreamingThresholdBytes = 16L * 1024 * 1024;

    public static int Rate(FileInfo file, bool json, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryRate(file.ToString(), settings, error, out var document, out var result))
        {
            return Program.BadInput;
        }

        if (json)
        {
            using var stdout = new MemoryStream();
            RatingJson.Write(result!, stdout);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
        }
        else
        {
            TextReport.WriteRatings(output, document!, result!);
        }

        return Program.Success;
    }

    public static int Explain(FileInfo file, string? standardId, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryRate(file.ToString(), settings, error, out var document, out var result))
        {
            return Program.BadInput;
        }

        var explanations = Explainer.Explain(document!.Framework, result!);
        if (standardId is not null)
        {
            if (!document.Framework.TryGetStandard(standardId, out var standard))
            {
                error.WriteLine($"error: {file}: no standard '{standardId}' in {document.Framework.Id} (standards: {string.Join(", ", document.Framework.Standards.Select(s => s.Id))})");
                return Program.BadInput;
            }

            if (standard.RatedBy == RatedBy.Judgement)
            {
                var judged = result!.Standard(standardId)!;
                output.WriteLine($"{standard.Id} {standard.Name}: {judged.Rating.ToDisplayText()}");
                output.WriteLine("  an inspectors' judgement, given as an input (R6): there is no computation to explain.");
                return Program.Success;
            }
        }

        TextReport.WriteHeader(output, document, result!);
        if (standardId is null)
        {
            foreach (var judged in result!.Standards.Where(s => s.RatedBy == RatedBy.Judgement))
            {
                output.WriteLine($"{judged.Id} {judged.Name}: {judged.Rating.ToDisplayText()} (an inspectors' judgement, given as an input: R6)");
            }

            output.WriteLine();
        }

        foreach (var explanation in explanations)
        {
            if (standardId is null || explanation.Standard.Id == standardId)
            {
                TextReport.WriteExplanation(output, explanation, result!.Basis);
            }
        }

        if (standardId is null)
        {
            TextReport.WriteOverall(output, document, result!);
            TextReport.WriteClassifications(output, document, result!);
        }

        return Program.Success;
    }

    public static int Verify(string[] paths, Settings settings, TextWriter output, TextWriter error)
    {
        var passed = 0;
        var failed = 0;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.json", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            error.WriteLine($"error: no *.json documents found in {string.Join(", ", paths)}");
        }

        foreach (var file in files)
        {
            if (!TryRate(file, settings, out var document, out var result, out var problem))
            {
                var prefix = file + ": ";
                output.WriteLine($"FAIL {file}: {(problem!.StartsWith(prefix, StringComparison.Ordinal) ? problem.Substring(prefix.Length) : problem)}");
                failed++;
                continue;
            }

            var verification = Verifier.Verify(document!.Expected, result!);
            if (verification.Passed)
            {
                output.WriteLine($"PASS {file}");
                passed++;
            }
            else
            {
                output.WriteLine($"FAIL {file}: {string.Join("; ", verification.Differences)}");
                failed++;
            }
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 && files.Count > 0 ? Program.Success : Program.VerifyFailed;
    }

    private static bool TryRate(string file, Settings settings, TextWriter error, out FindingsDocument? document, out RatingResult? result)
    {
        var ok = TryRate(file, settings, out document, out result, out var problem);
        if (!ok)
        {
            error.WriteLine($"error: {problem}");
        }

        return ok;
    }

    private static bool TryRate(string file, Settings settings, out FindingsDocument? document, out RatingResult? result, out string? problem)
    {
        document = null;
        result = null;
        problem = null;
        try
        {
            var catalog = FrameworkCatalog.Default;
            foreach (var frameworkFile in settings.FrameworkFiles)
            {
                using var frameworkStream = frameworkFile.OpenRead();
                catalog = catalog.With(FrameworkCatalog.ReadFramework(frameworkStream, frameworkFile.ToString()));
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length >= StreamingThresholdBytes)
            {
                // Large documents are rated as they stream past, in memory that does not hold their cases.
                var streamed = FindingsStream.ReadStreamed(stream, file, catalog);
                document = streamed.Document;
                result = Scoring.Rater.Rate(streamed.Input, settings.Options);
                return true;
            }

            document = FindingsReader.Read(stream, file, catalog);
            result = Scoring.Rater.Rate(document, settings.Options);
            return true;
        }
        catch (InvalidInputException ex)
        {
            problem = ex.Message;
        }
        catch (FileNotFoundException ex)
        {
            problem = $"{(ex.FileName is null ? file : Path.GetFileName(ex.FileName) == Path.GetFileName(file) ? file : ex.FileName)}: no such file";
        }
        catch (DirectoryNotFoundException)
        {
            problem = $"{file}: no such file or folder";
        }
        catch (IOException ex)
        {
            problem = $"{file}: cannot read: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            problem = $"{file}: cannot read: {ex.Message}";
        }

        return false;
    }
}

/// <summary>The text a person reads: a ratings page like the report's, and explanations.</summary>
internal static class TextReport
{
    private const int NameWidth = 34;

    public static void WriteHeader(TextWriter output, FindingsDocument document, RatingResult result)
    {
        output.WriteLine(result.Unit);
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
                    line += $"; overridden from {standard.ComputedRating?.ToDisplayText()}: {standard.Override.Reason}";
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
                output.WriteLine($"  - {warning.Message}");
            }
        }
    }

    public static void WriteExplanation(TextWriter output, StandardExplanation explanation, BandingBasis basis)
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
                output.WriteLine($"  {classification.CaseId,-8} {text}");
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
