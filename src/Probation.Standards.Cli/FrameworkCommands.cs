using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Cli;

/// <summary>
/// <c>framework list</c>, <c>framework show ID</c> and <c>framework export ID</c>: the frameworks the tool knows
/// (embedded, and any <c>--framework-file</c>), one in words with the source status of every value, or its JSON
/// to edit and load back with <c>--framework-file</c>.
/// </summary>
internal static class FrameworkCommands
{
    public static int List(string[] frameworkFiles, TextWriter output, TextWriter error)
    {
        if (!TryLoad(frameworkFiles, error, out var set))
        {
            return Program.BadInput;
        }

        foreach (var framework in set!.Catalog.Frameworks)
        {
            output.WriteLine($"{Text.OneLine(framework.Id)}  {Text.OneLine(framework.Name)}  version {Text.OneLine(framework.VersionId)}  {InForce(framework)}{Origin(set, framework, "  ")}");
        }

        return Program.Success;
    }

    public static int Show(string id, bool json, string[] frameworkFiles, TextWriter output, TextWriter error)
    {
        if (!TryFind(id, frameworkFiles, error, out var set, out var framework))
        {
            return Program.BadInput;
        }

        if (json)
        {
            var text = Encoding.UTF8.GetString(set!.SourceJson(framework!));
            output.Write(text);
            if (!text.EndsWith('\n'))
            {
                output.WriteLine();
            }

            return Program.Success;
        }

        WriteText(new OneLineWriter(output), set!, framework!);
        return Program.Success;
    }

    public static int Export(string id, string? outputFile, string[] frameworkFiles, TextWriter output, TextWriter error)
    {
        if (!TryFind(id, frameworkFiles, error, out var set, out var framework))
        {
            return Program.BadInput;
        }

        var json = set!.SourceJson(framework!);
        if (outputFile is null || outputFile == "-")
        {
            output.Write(Encoding.UTF8.GetString(json)); // the bytes exactly: they are UTF-8, and the tool writes UTF-8
            output.Flush();
            return Program.Success;
        }

        var name = Text.OneLine(outputFile);
        try
        {
            if (Directory.Exists(outputFile))
            {
                error.WriteLine($"error: {name}: is a folder; -o takes the file to write");
                return Program.BadInput;
            }

            File.WriteAllBytes(outputFile, json);
            return Program.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = ex switch
            {
                DirectoryNotFoundException => "no such folder",
                UnauthorizedAccessException => "permission denied",
                _ => Text.OneLine(ex.Message),
            };
            error.WriteLine($"error: {name}: cannot write: {why}");
            return Program.BadInput;
        }
    }

    private static bool TryLoad(string[] frameworkFiles, TextWriter error, out FrameworkSet? set)
    {
        if (!FrameworkSet.TryLoad(frameworkFiles, out set, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return false;
        }

        return true;
    }

    internal static bool TryFind(string id, string[] frameworkFiles, TextWriter error, out FrameworkSet? set, out Framework? framework)
    {
        framework = null;
        if (!TryLoad(frameworkFiles, error, out set))
        {
            return false;
        }

        framework = set!.Find(id, out var problem);
        if (framework is null)
        {
            error.WriteLine($"error: {problem}");
            return false;
        }

        return true;
    }

    private static string InForce(Framework framework) =>
        $"from {Date(framework.EffectiveFrom)}{(framework.EffectiveTo is { } to ? $" to {Date(to)}" : string.Empty)}";

    private static string Origin(FrameworkSet set, Framework framework, string separator) =>
        set.FileOf(framework) is { } file
            ? $"{separator}file {file}{(set.ShadowsEmbedded(framework) ? ", in place of the embedded framework of this id" : string.Empty)}"
            : string.Empty;

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteText(TextWriter output, FrameworkSet set, Framework framework)
    {
        var sources = new Sources();
        output.WriteLine($"{Text.OneLine(framework.Id)}: {Text.OneLine(framework.Name)} {sources.Mark(framework.Source)}");
        output.WriteLine($"  version {Text.OneLine(framework.VersionId)}; family {Text.OneLine(framework.Family)}{(framework.Family == FrameworkCatalog.DefaultFamily ? " (picked by fieldwork date when a document names no framework)" : " (never picked by date: a document names it)")}; in force {InForce(framework)}; {(set.FileOf(framework) is null ? "embedded" : Origin(set, framework, string.Empty))}");
        output.WriteLine();

        output.WriteLine("Standards (R2):");
        foreach (var standard in framework.Standards)
        {
            var how = standard.RatedBy == RatedBy.Judgement ? "an inspectors' judgement (R6)" : "rated from cases (R4, R5)";
            var counts = standard.CountsTowardsScore ? string.Empty : "; not counted in the score (R8)";
            output.WriteLine($"  {Text.OneLine(standard.Id),-7} {Text.OneLine(standard.Name)}; {Text.OneLine(standard.Domain)}; {how}{counts} {sources.Mark(standard.Source)}");
            foreach (var question in standard.KeyQuestions)
            {
                var lens = question.Lens is null ? "(lens not known)" : Text.OneLine(question.Lens);
                var wording = question.Text is null ? "(wording not known)" : Text.OneLine(question.Text);
                output.WriteLine($"    {Text.OneLine(question.Id),-8} {lens,-12} {wording} {sources.Mark(question.Source)}");
            }
        }

        output.WriteLine();
        output.WriteLine("Bands of the lowest key question's percentage (R4):");
        foreach (var band in framework.Bands)
        {
            var upper = band.ToPercent == 100 ? "100% inclusive" : $"below {band.ToPercent}%";
            output.WriteLine($"  {band.Rating.ToDisplayText(),-22} from {band.FromPercent,3}% up to {upper,-15} {Text.OneLine(band.Descriptor)} {sources.Mark(band.Source)}");
        }

        output.WriteLine();
        output.WriteLine("Points per rating (R8):");
        foreach (var points in framework.Points)
        {
            output.WriteLine($"  {points.Rating.ToDisplayText(),-22} {points.Points} {sources.Mark(points.Source)}");
        }

        foreach (var table in framework.OverallBands)
        {
            output.WriteLine();
            output.WriteLine($"Overall rating for a maximum score of {table.MaxScore} (R8) {sources.Mark(table.Source)}:");
            foreach (var band in table.Bands)
            {
                output.WriteLine($"  {band.Rating.ToDisplayText(),-22} {band.FromScore}-{band.ToScore}");
            }
        }

        var reset = framework.Reset;
        output.WriteLine();
        output.WriteLine($"Probation Reset (R9) {sources.Mark(reset.Source)}:");
        output.WriteLine($"  from {Date(reset.EffectiveFrom)}: a case suspended {reset.AdjustedWithinDays} days or fewer after its start has the adjusted standards");
        output.WriteLine($"  exemptions (core standards apply): {(reset.Exemptions.Count == 0 ? "none" : string.Join(", ", reset.Exemptions))}");
        output.WriteLine($"  key questions not applicable to adjusted cases: {(reset.NotApplicableWhenAdjusted.Count == 0 ? "none" : string.Join(", ", reset.NotApplicableWhenAdjusted.Select(Text.OneLine)))}");

        output.WriteLine();
        output.WriteLine("Sources:");
        foreach (var (number, source) in sources.All)
        {
            output.WriteLine($"  [{number}] {Text.OneLine(source.Document)}: {Text.OneLine(source.Locator)}");
        }
    }

    /// <summary>Numbers each distinct source once, in order of first mention, so a line can carry its status and a short reference.</summary>
    private sealed class Sources
    {
        private readonly Dictionary<(string Document, string Locator), int> numbers = new();
        private readonly List<(int Number, SourceReference Source)> all = new();

        public IReadOnlyList<(int Number, SourceReference Source)> All => this.all;

        public string Mark(SourceReference source)
        {
            var key = (source.Document, source.Locator);
            if (!this.numbers.TryGetValue(key, out var number))
            {
                number = this.all.Count + 1;
                this.numbers.Add(key, number);
                this.all.Add((number, source));
            }

            return $"[{Text.OneLine(source.Status)}, source {number}]";
        }
    }
}
