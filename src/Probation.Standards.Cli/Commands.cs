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
