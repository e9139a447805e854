using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;
using Probation.Standards.Statistics;

namespace Probation.Standards.Cli;

/// <summary><c>rate</c> and <c>explain</c>, and the reading of one document they share. The library does the work; this turns it into output and exit codes.</summary>
internal static class Commands
{
    private const string FolderAdvice = "a findings document (verify takes folders)";

    public static int Rate(string file, bool json, IReadOnlyList<string>? groupBy, SheetSettings sheet, Settings settings, UncertaintyRequest request, TextWriter output, TextWriter error)
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

        if (uncertaintyOptions is not null && groupBy is not null)
        {
            error.WriteLine("error: --uncertainty with --by is not supported yet: rate each group on its own");
            return Program.BadInput;
        }

        if (!TryLoad(file, settings, sheet, keepCases: false, groupBy, error, out var loaded))
        {
            return Program.BadInput;
        }

        if (loaded!.Groups is { } groups)
        {
            if (GroupRater.TryGetUnsplittable(loaded.Input, groups, out var keyQuestion))
            {
                error.WriteLine($"error: {loaded.File}: $.keyQuestions['{keyQuestion}']: --by needs case-level answers; {keyQuestion} is given as an aggregate result, which cannot be split into groups (R12)");
                return Program.BadInput;
            }

            var rated = GroupRater.Rate(loaded.Input, groups, settings.Options);
            if (json)
            {
                WriteJson(output, stream => GroupsOutput.WriteJson(rated, stream));
            }
            else
            {
                GroupsOutput.WriteLeagueTable(new OneLineWriter(output), rated);
            }

            return Program.Success;
        }

        var result = Rater.Rate(loaded.Input, settings.Options);
        var stats = uncertaintyOptions is null ? null : Uncertainty.Assess(result, uncertaintyOptions);
        if (json)
        {
            WriteJson(output, stream =>
            {
                if (stats is null)
                {
                    RatingJson.Write(result, stream);
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
            RatingsText.WriteRatings(lines, result, loaded.FieldworkStarted);
            if (stats is not null)
            {
                UncertaintyText.Write(lines, stats);
            }
        }

        return Program.Success;
    }

    public static int Explain(string file, string? standardId, bool json, SheetSettings sheet, Settings settings, TextWriter output, TextWriter error)
    {
        if (!TryLoad(file, settings, sheet, keepCases: !json, groupBy: null, error, out var loaded))
        {
            return Program.BadInput;
        }

        var result = Rater.Rate(loaded!.Input, settings.Options);
        if (standardId is not null && !result.TryGetStandard(standardId, out _))
        {
            error.WriteLine($"error: {loaded.File}: no standard '{Text.OneLine(standardId)}' in {result.FrameworkId} (standards: {string.Join(", ", result.Standards.Select(s => s.Id))})");
            return Program.BadInput;
        }

        var explanation = Explainer.Explain(result);
        if (json)
        {
            WriteJson(output, stream => ExplanationJson.Write(explanation, stream, standardId));
        }
        else
        {
            var classifications = loaded.Classifications;
            RatingsText.WriteExplanation(new OneLineWriter(output), explanation, standardId, classifications, loaded.FieldworkStarted);
        }

        return Program.Success;
    }

    /// <summary>Reads a document or a sheet; on failure prints its problems, each one line naming the file.</summary>
    public static bool TryLoad(string file, Settings settings, SheetSettings sheet, bool keepCases, IReadOnlyList<string>? groupBy, TextWriter error, out LoadedInput? loaded)
    {
        loaded = null;
        IReadOnlyList<string> problems;
        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var problem))
        {
            problems = new[] { problem! };
        }
        else if (InputLoader.TryLoad(file, frameworks!.Catalog, sheet, keepCases, groupBy, out loaded, out problems))
        {
            return true;
        }

        foreach (var line in problems)
        {
            error.WriteLine($"error: {line}");
        }

        return false;
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

    public static void WriteJson(TextWriter output, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
