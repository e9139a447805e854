using System;
using System.Collections.Generic;
using System.Linq;
using System.CommandLine;
using System.IO;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli;

/// <summary>The <c>probation-standards</c> command: rate, explain, verify and report findings documents, and show the frameworks (findings-format.md).</summary>
public static class Program
{
    /// <summary>Exit code: rated, explained, or every document passed.</summary>
    public const int Success = 0;

    /// <summary>Exit code of <c>verify</c>: a document failed or could not be read.</summary>
    public const int VerifyFailed = 1;

    /// <summary>Exit code: bad input or bad usage; nothing was rated.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
#pragma warning disable CA1031 // The tool's contract: one error line, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"error: internal error: {ex.GetType().Name}: {Text.OneLine(ex.Message)}");
            return BadInput;
        }
    }

    /// <summary>Runs the command with the given output writers (used by tests).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        error = new OneLineWriter(error ?? throw new ArgumentNullException(nameof(error))); // every error is one line
        var lines = new OneLineWriter(output); // text for people; JSON and exported files go to output as they are
        var frameworkOption = new Option<string[]>("--framework-file")
        {
            Description = "A framework JSON file to load besides the embedded ones (repeatable); one with the id of an embedded framework replaces it.",
            AllowMultipleArgumentsPerToken = false,
        };
        var basisOption = new Option<string>("--basis")
        {
            Description = "Band key questions on the exact ratio (default) or on the whole-number percentage rounded half up (R4).",
            DefaultValueFactory = _ => "exact",
        };
        basisOption.AcceptOnlyFromAmong("exact", "rounded");

        var rateFile = new Argument<string>("FILE") { Description = "A findings document (JSON), a case sheet (.csv, .xlsx) or a Parquet case table (.parquet); - for standard input (JSON)." };
        var format = new Option<string>("--format") { Description = "text (a ratings page) or json (the contract's JSON).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var uncertainty = new Option<bool>("--uncertainty") { Description = "Add Clopper-Pearson intervals and band probabilities (R11: the project's own statistics, not HMIP's method)." };
        var confidence = new Option<string?>("--confidence") { Description = "The confidence of the intervals, strictly between 0 and 1 (default 0.95); with --uncertainty." };
        var assumeRelevant = new Option<string?>("--assume-relevant") { Description = "Assume N relevant cases behind each published percentage (k = percentage x N / 100); with --uncertainty." };
        var byOption = new Option<string?>("--by") { Description = "Rate each group of cases by these tags (TAG[,TAG]) and the whole (R12); text is a league table." };
        var sheet = new SheetOptions();
        var rate = new Command("rate", "Rate one findings document or case sheet.") { rateFile, format, byOption, frameworkOption, basisOption, uncertainty, confidence, assumeRelevant };
        sheet.AddTo(rate);
        rate.SetAction(parsed =>
        {
            if (!sheet.TryGet(parsed, error, out var sheetSettings) || !TryGroupBy(parsed.GetValue(byOption), error, out var groupBy))
            {
                return BadInput;
            }

            return Commands.Rate(
                parsed.GetValue(rateFile)!,
                parsed.GetValue(format) == "json",
                groupBy,
                sheetSettings!,
                Settings(parsed, frameworkOption, basisOption),
                new UncertaintyRequest(parsed.GetValue(uncertainty), parsed.GetValue(confidence), parsed.GetValue(assumeRelevant)),
                output,
                error);
        });

        var compareBefore = new Argument<string>("BEFORE") { Description = "The earlier audit: a findings document or a case sheet." };
        var compareAfter = new Argument<string>("AFTER") { Description = "The later audit of the same framework." };
        var compareFormat = new Option<string>("--format") { Description = "text (side by side) or json (the contract's JSON).", DefaultValueFactory = _ => "text" };
        compareFormat.AcceptOnlyFromAmong("text", "json");
        var compareSheet = new SheetOptions(withCases: false);
        var compare = new Command("compare", "Compare two audits of the same framework key question by key question (R13).") { compareBefore, compareAfter, compareFormat, frameworkOption, basisOption };
        compareSheet.AddTo(compare);
        compare.SetAction(parsed => compareSheet.TryGet(parsed, error, out var sheetSettings)
            ? CompareCommand.Compare(
                parsed.GetValue(compareBefore)!,
                parsed.GetValue(compareAfter)!,
                parsed.GetValue(compareFormat) == "json",
                sheetSettings!,
                Settings(parsed, frameworkOption, basisOption),
                output,
                error)
            : BadInput);

        var explainFile = new Argument<string>("FILE") { Description = "A findings document (JSON); - for standard input." };
        var explainStandard = new Argument<string?>("STANDARD") { Description = "A case standard id, e.g. P2.1; all case standards when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var explainFormat = new Option<string>("--format") { Description = "text (for a person) or json.", DefaultValueFactory = _ => "text" };
        explainFormat.AcceptOnlyFromAmong("text", "json");
        var explainSheet = new SheetOptions();
        var explain = new Command("explain", "Explain why each case standard is rated as it is, and what would lift it a band.") { explainFile, explainStandard, explainFormat, frameworkOption, basisOption };
        explainSheet.AddTo(explain);
        explain.SetAction(parsed => explainSheet.TryGet(parsed, error, out var sheetSettings)
            ? Commands.Explain(
                parsed.GetValue(explainFile)!,
                parsed.GetValue(explainStandard),
                parsed.GetValue(explainFormat) == "json",
                sheetSettings!,
                Settings(parsed, frameworkOption, basisOption),
                output,
                error)
            : BadInput);

        var verifyPaths = new Argument<string[]>("PATH") { Description = "Findings documents, or folders of *.json searched recursively.", Arity = ArgumentArity.OneOrMore };
        var verify = new Command("verify", "Rate every document and check its expected block.") { verifyPaths, frameworkOption, basisOption };
        verify.SetAction(parsed => VerifyCommand.Verify(
            parsed.GetValue(verifyPaths)!,
            Settings(parsed, frameworkOption, basisOption),
            lines,
            error));

        var reportFile = new Argument<string>("FILE") { Description = "A findings document (JSON); - for standard input." };
        var reportBy = new Option<string?>("--by") { Description = "Add a league table of the groups of cases by these tags (TAG[,TAG], R12)." };
        var reportOutput = new Option<string?>("--output", "-o") { Description = "The HTML file to write (default: FILE with .html; - for standard output)." };
        var report = new Command("report", "Write a self-contained HTML page: the ratings, a chart of every key question against the band edges, the explanation and the Reset counts.") { reportFile, reportBy, reportOutput, frameworkOption, basisOption };
        report.SetAction(parsed => !TryGroupBy(parsed.GetValue(reportBy), error, out var reportGroupBy) ? BadInput : ReportCommand.Report(
            parsed.GetValue(reportFile)!,
            reportGroupBy,
            parsed.GetValue(reportOutput),
            Settings(parsed, frameworkOption, basisOption),
            output,
            error));

        var framework = FrameworkCommand(frameworkOption, output, error);
        var plan = PlanCommand.Create(frameworkOption, output, error);
        var sql = SqlCommand.Create(frameworkOption, output, error);

        var root = new RootCommand("Rates HM Inspectorate of Probation findings documents: frameworks as data, findings in, explained ratings out.")
        {
            rate,
            explain,
            compare,
            verify,
            report,
            framework,
            plan,
            sql,
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine($"error: {OneLine(parseError.Message)} (usage: {Usage})");
            }

            return BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return result.Invoke(configuration);
    }

    private const string Usage =
        "probation-standards rate FILE [--format text|json] [--by TAG[,TAG]] [--uncertainty [--confidence C] [--assume-relevant N]] | compare BEFORE AFTER [--format text|json] | explain FILE [STANDARD] [--format text|json] | verify PATH... | report FILE [-o OUT] | framework list | framework show ID [--format text|json] | framework export ID [-o FILE] | plan --share P [--confidence C] [--half-width H] [--format text|json] | sql --dialect postgres|duckdb|sqlserver|spark [--table NAME] [--by COL[,COL]] [--check]; FILE may be - for standard input";

    // A parser message quotes the arguments it refused: control characters in them are escaped, so it stays one line.
    private static string OneLine(string message) => Text.OneLine(message.Trim());

    private static Command FrameworkCommand(Option<string[]> frameworkOption, TextWriter output, TextWriter error)
    {
        var list = new Command("list", "One line for every framework the tool knows: id, name, version, effective dates.") { frameworkOption };
        list.SetAction(parsed => FrameworkCommands.List(parsed.GetValue(frameworkOption) ?? Array.Empty<string>(), new OneLineWriter(output), error));

        var showId = new Argument<string>("ID") { Description = "A framework id, e.g. probation-pdu-2023." };
        var showFormat = new Option<string>("--format") { Description = "text (the rules in words, each with its source status) or json (the framework file).", DefaultValueFactory = _ => "text" };
        showFormat.AcceptOnlyFromAmong("text", "json");
        var show = new Command("show", "One framework: its standards, key questions, bands, points, overall table and Reset rules.") { showId, showFormat, frameworkOption };
        show.SetAction(parsed => FrameworkCommands.Show(
            parsed.GetValue(showId)!,
            parsed.GetValue(showFormat) == "json",
            parsed.GetValue(frameworkOption) ?? Array.Empty<string>(),
            output,
            error));

        var exportId = new Argument<string>("ID") { Description = "A framework id, e.g. probation-pdu-2023." };
        var exportOutput = new Option<string?>("--output", "-o") { Description = "The file to write (default: standard output)." };
        var export = new Command("export", "Write a framework's JSON, to edit and load back with --framework-file.") { exportId, exportOutput, frameworkOption };
        export.SetAction(parsed => FrameworkCommands.Export(
            parsed.GetValue(exportId)!,
            parsed.GetValue(exportOutput),
            parsed.GetValue(frameworkOption) ?? Array.Empty<string>(),
            output,
            error));

        return new Command("framework", "The frameworks the tool knows: list them, show one, or export its JSON.") { list, show, export };
    }

    internal static bool TryGroupBy(string? value, TextWriter error, out IReadOnlyList<string>? groupBy)
    {
        groupBy = null;
        if (value is null)
        {
            return true;
        }

        var names = value.Split(',').Select(n => n.Trim()).ToArray();
        if (names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            error.WriteLine($"error: --by: '{Text.OneLine(value)}' is not a list of distinct tag names TAG[,TAG]");
            return false;
        }

        groupBy = names;
        return true;
    }

    private static Settings Settings(ParseResult parsed, Option<string[]> frameworkOption, Option<string> basisOption) =>
        new(
            parsed.GetValue(frameworkOption) ?? Array.Empty<string>(),
            new RatingOptions(parsed.GetValue(basisOption) == "rounded" ? BandingBasis.RoundedPercentage : BandingBasis.ExactRatio));
}

/// <summary>What every command shares: extra frameworks and rating options.</summary>
/// <param name="FrameworkFiles">Framework files to load, as given.</param>
/// <param name="Options">Rating options.</param>
internal sealed record Settings(string[] FrameworkFiles, RatingOptions Options);
