using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Parquet;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;

namespace Probation.Standards.Cli;

/// <summary>What a sheet cannot hold, from the command line (findings-format.md, "Case sheets").</summary>
internal sealed class SheetSettings
{
    public static SheetSettings None { get; } = new();

    public string? Unit { get; init; }

    public string? FrameworkId { get; init; }

    public DateTime? FieldworkStarted { get; init; }

    public IReadOnlyList<JudgementRating>? Judgements { get; init; }

    public SheetDateFormat DateFormat { get; init; }

    public string? Cases { get; init; }
}

/// <summary>A document or a sheet, read: what rating reads, and the cases or groups when asked for.</summary>
internal sealed class LoadedInput
{
    public required string File { get; init; }

    public required RatingInput Input { get; init; }

    public DateTime? FieldworkStarted { get; init; }

    public bool CasesKept { get; init; }

    public IReadOnlyList<InspectedCase> Cases { get; init; } = Array.Empty<InspectedCase>();

    public GroupedTallies? Groups { get; init; }

    /// <summary>Each case's Reset classification when the cases were kept (a Parquet table keeps only these).</summary>
    public IReadOnlyList<CaseClassification>? Classifications { get; init; }
}

/// <summary>Reads the FILE of a rating command: a findings document, a case sheet (.csv, .xlsx), a Parquet case table (.parquet), or a header document with <c>--cases</c>.</summary>
internal static class InputLoader
{
    private const string FolderAdvice = "a findings document (verify takes folders)";

    public static bool TryLoad(string path, FrameworkCatalog catalog, SheetSettings sheet, bool keepCases, IReadOnlyList<string>? groupBy, out LoadedInput? loaded, out IReadOnlyList<string> problems)
    {
        loaded = null;
        var name = InputFile.DisplayName(path);
        try
        {
            if (sheet.Cases is { } casesPath)
            {
                if (!CaseSheetReader.TryGetKind(casesPath, out _) && !CaseTableReader.IsCaseTable(casesPath))
                {
                    problems = new[] { $"{InputFile.DisplayName(casesPath)}: --cases takes a case sheet named .csv or .xlsx, or a Parquet case table named .parquet" };
                    return false;
                }

                if (!TryOpen(path, out var headerStream, out problems))
                {
                    return false;
                }

                FindingsDocument header;
                using (headerStream)
                {
                    header = FindingsReader.Read(headerStream!, name, new FindingsReaderOptions { Catalog = catalog, AllowMissingKeyQuestions = true });
                }

                return TryLoadSheet(casesPath, new CaseSheetOptions { Catalog = catalog, Header = header, DateFormat = sheet.DateFormat, KeepCases = keepCases, GroupBy = groupBy }, out loaded, out problems);
            }

            if (path != InputFile.StandardInput && (CaseSheetReader.TryGetKind(path, out _) || CaseTableReader.IsCaseTable(path)))
            {
                var options = new CaseSheetOptions
                {
                    Catalog = catalog,
                    FrameworkId = sheet.FrameworkId,
                    FieldworkStarted = sheet.FieldworkStarted,
                    Unit = sheet.Unit,
                    Judgements = sheet.Judgements,
                    DateFormat = sheet.DateFormat,
                    KeepCases = keepCases,
                    GroupBy = groupBy,
                };
                return TryLoadSheet(path, options, out loaded, out problems);
            }

            if (!TryOpen(path, out var stream, out problems))
            {
                return false;
            }

            using (stream)
            {
                var grouping = groupBy is { Count: > 0 };
                var document = FindingsReader.Read(stream!, name, new FindingsReaderOptions { Catalog = catalog, KeepCases = keepCases || grouping });
                loaded = new LoadedInput
                {
                    File = name,
                    Input = document.Input,
                    FieldworkStarted = document.FieldworkStarted,
                    CasesKept = document.CasesKept,
                    Cases = document.Cases,
                    Classifications = document.CasesKept ? document.Cases.Select(c => c.Classify()).ToList() : null,
                    Groups = grouping ? GroupedTallyBuilder.Tally(document.Framework, groupBy!, document.Cases) : null,
                };
                return true;
            }
        }
        catch (InvalidInputException ex)
        {
            problems = ex.MessageLines().Select(Text.OneLine).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems = new[] { $"{name}: {InputFile.Describe(ex, path)}" };
        }

        return false;
    }

    private static bool TryLoadSheet(string path, CaseSheetOptions options, out LoadedInput? loaded, out IReadOnlyList<string> problems)
    {
        loaded = null;
        if (!TryOpen(path, out var stream, out problems))
        {
            return false;
        }

        using (stream)
        {
            if (CaseTableReader.IsCaseTable(path))
            {
                // A Parquet case table: the sheet's options and rules, read column by column into bit-planes.
                var table = CaseTableReader.Read(stream!, InputFile.DisplayName(path), options);
                loaded = new LoadedInput
                {
                    File = table.File,
                    Input = table.Input,
                    FieldworkStarted = table.FieldworkStarted,
                    Groups = table.Groups,
                    Classifications = table.Classified ? table.Classifications : null,
                };
                return true;
            }

            CaseSheetReader.TryGetKind(path, out var kind);
            var sheet = CaseSheetReader.Read(stream!, InputFile.DisplayName(path), kind, options);
            loaded = new LoadedInput
            {
                File = sheet.File,
                Input = sheet.Input,
                FieldworkStarted = sheet.FieldworkStarted,
                CasesKept = sheet.CasesKept,
                Cases = sheet.Cases,
                Groups = sheet.Groups,
                Classifications = sheet.CasesKept ? sheet.Cases.Select(c => c.Classify()).ToList() : null,
            };
            return true;
        }
    }

    private static bool TryOpen(string path, out Stream? stream, out IReadOnlyList<string> problems)
    {
        if (InputFile.TryOpen(path, FolderAdvice, out stream, out var problem))
        {
            problems = Array.Empty<string>();
            return true;
        }

        problems = new[] { problem! };
        return false;
    }
}
