using System;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli;

/// <summary><c>rate</c> and <c>explain</c>, and reading one document for any command. Each turns every failure into one <c>error:</c> line.</summary>
internal static class Commands
{
    /// <summary>Documents this large or larger are streamed (FindingsStream) rather than read whole.</summary>
    public const long StreamingThresholdBytes = 16L * 1024 * 1024;

    /// <summary>What a folder given to <c>rate</c> or <c>explain</c> is not.</summary>
    private const string FolderAdvice = "a findings document (verify takes folders)";

    public static int Rate(string file, bool json, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryRate(file, settings, error, out var document, out var result))
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
            TextReport.WriteRatings(new OneLineWriter(output), document!, result!);
        }

        return Program.Success;
    }

    public static int Explain(string file, string? standardId, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryRate(file, settings, error, out var document, out var result))
        {
            return Program.BadInput;
        }

        var explanations = Explainer.Explain(document!.Framework, result!);
        if (standardId is not null)
        {
            if (!document.Framework.TryGetStandard(standardId, out var standard))
            {
                error.WriteLine($"error: {InputFile.DisplayName(file)}: no standard '{Text.OneLine(standardId)}' in {document.Framework.Id} (standards: {string.Join(", ", document.Framework.Standards.Select(s => s.Id))})");
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

    /// <summary>
    /// Reads and rates one document: <c>-</c> is standard input; a folder, a missing or unreadable file, or bad input
    /// is a one-line <paramref name="problem"/> that starts with the document's name. Other exceptions are the caller's.
    /// </summary>
    public static bool TryRate(string path, FrameworkCatalog catalog, RatingOptions options, out FindingsDocument? document, out RatingResult? result, out string? problem)
    {
        document = null;
        result = null;
        var name = InputFile.DisplayName(path);
        if (!InputFile.TryOpen(path, FolderAdvice, out var opened, out problem))
        {
            return false;
        }

        try
        {
            using var stream = opened!;
            if (stream.Length >= StreamingThresholdBytes)
            {
                // Large documents are rated as they stream past, in memory that does not hold their cases.
                var streamed = FindingsStream.ReadStreamed(stream, name, catalog);
                document = streamed.Document;
                result = Rater.Rate(streamed.Input, options);
                return true;
            }

            document = FindingsReader.Read(stream, name, catalog);
            result = Rater.Rate(document, options);
            return true;
        }
        catch (InvalidInputException ex)
        {
            problem = Text.OneLine(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{name}: {InputFile.Describe(ex, path)}";
        }

        document = null;
        result = null;
        return false;
    }

    private static bool TryRate(string file, Settings settings, TextWriter error, out FindingsDocument? document, out RatingResult? result)
    {
        document = null;
        result = null;
        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var problem)
            || !TryRate(file, frameworks!.Catalog, settings.Options, out document, out result, out problem))
        {
            error.WriteLine($"error: {problem}");
            return false;
        }

        return true;
    }
}
