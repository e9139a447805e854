using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;
using Probation.Standards.Statistics;

namespace Probation.Standards.Cli;

/// <summary><c>rate</c> and <c>explain</c>, and the reading of one document they share. The library does the work; this turns it into output and exit codes.</summary>
internal static class Commands
{
    private const string FolderAdvice = "a findings document (verify takes folders)";

    public static int Rate(string file, bool json, Settings settings, UncertaintyRequest request, TextWriter output, TextWriter error)
    {
        // Options are checked before the document is read, so a bad option is reported even for a good document.
        if (!request.TryGetOptions(out var uncertaintyOptions, out var problems))
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return Program.BadInput;
        }

        if (!TryRate(file, settings, keepCases: false, error, out var document, out var result))
        {
            return Program.BadInput;
        }

        var stats = uncertaintyOptions is null ? null : Uncertainty.Assess(result!, uncertaintyOptions);
        if (json)
        {
            WriteJson(output, stream =>
            {
                if (stats is null)
                {
                    RatingJson.Write(result!, stream);
                }
                else
                {
                    UncertaintyJson.Write(stats, stream);
                }
            });
        }
        else
        {
            var lines = new OneLineWriter(output);
            RatingsText.WriteRatings(lines, result!, document!.FieldworkStarted);
            if (stats is not null)
            {
                UncertaintyText.Write(lines, stats);
            }
        }

        return Program.Success;
    }

    public static int Explain(string file, string? standardId, bool json, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryRate(file, settings, keepCases: !json, error, out var document, out var result))
        {
            return Program.BadInput;
        }

        if (standardId is not null && !result!.TryGetStandard(standardId, out _))
        {
            error.WriteLine($"error: {InputFile.DisplayName(file)}: no standard '{Text.OneLine(standardId)}' in {result.FrameworkId} (standards: {string.Join(", ", result.Standards.Select(s => s.Id))})");
            return Program.BadInput;
        }

        var explanation = Explainer.Explain(result!);
        if (json)
        {
            WriteJson(output, stream => ExplanationJson.Write(explanation, stream, standardId));
        }
        else
        {
            var classifications = document!.CasesKept ? document.Cases.Select(c => c.Classify()) : null;
            RatingsText.WriteExplanation(new OneLineWriter(output), explanation, standardId, classifications, document.FieldworkStarted);
        }

        return Program.Success;
    }

    /// <summary>Reads and rates one document; on failure the problems, each one line naming the file.</summary>
    public static bool TryRate(string path, FrameworkCatalog catalog, RatingOptions options, bool keepCases, out FindingsDocument? document, out RatingResult? result, out IReadOnlyList<string> problems)
    {
        document = null;
        result = null;
        var name = InputFile.DisplayName(path);
        if (!InputFile.TryOpen(path, FolderAdvice, out var opened, out var problem))
        {
            problems = new[] { problem! };
            return false;
        }

        try
        {
            using var stream = opened!;
            document = FindingsReader.Read(stream, name, new FindingsReaderOptions { Catalog = catalog, KeepCases = keepCases });
            result = Rater.Rate(document.Input, options);
            problems = Array.Empty<string>();
            return true;
        }
        catch (InvalidInputException ex)
        {
            problems = ex.MessageLines().Select(Text.OneLine).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems = new[] { $"{name}: {InputFile.Describe(ex, path)}" };
        }

        document = null;
        result = null;
        return false;
    }

    private static bool TryRate(string file, Settings settings, bool keepCases, TextWriter error, out FindingsDocument? document, out RatingResult? result)
    {
        document = null;
        result = null;
        IReadOnlyList<string> problems;
        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var problem))
        {
            problems = new[] { problem! };
        }
        else if (TryRate(file, frameworks!.Catalog, settings.Options, keepCases, out document, out result, out problems))
        {
            return true;
        }

        foreach (var line in problems)
        {
            error.WriteLine($"error: {line}");
        }

        return false;
    }

    private static void WriteJson(TextWriter output, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
