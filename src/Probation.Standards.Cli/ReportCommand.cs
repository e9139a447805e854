using System;
using System.IO;
using System.Linq;
using System.Text;
using Probation.Standards.Explanation;
using Probation.Standards.Reporting;

namespace Probation.Standards.Cli;

/// <summary><c>report</c>: rates one document and writes the library's HTML page (<see cref="HtmlReport"/>) to a file. The page is made in the library; this only names and writes the file.</summary>
internal static class ReportCommand
{
    public static int Report(string file, string? by, string? outputPath, Settings settings, TextWriter output, TextWriter error)
    {
        if (by is not null)
        {
            // Groups (R12) are not built in this version; the page has no league table to fill yet.
            error.WriteLine($"error: --by {Text.OneLine(by)}: grouping by tag (R12) is not yet built in this version; run report without --by");
            return Program.BadInput;
        }

        var toStandardOutput = outputPath == InputFile.StandardInput || (outputPath is null && file == InputFile.StandardInput);
        var target = outputPath ?? (file == InputFile.StandardInput ? null : Path.ChangeExtension(file, ".html"));
        if (!toStandardOutput && target is not null && Path.GetFullPath(target) == Path.GetFullPath(file))
        {
            error.WriteLine($"error: {InputFile.DisplayName(target)}: the report would overwrite its own input; name another file with -o");
            return Program.BadInput;
        }

        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return Program.BadInput;
        }

        if (!Commands.TryRate(file, frameworks!.Catalog, settings.Options, keepCases: true, out var document, out var result, out var problems))
        {
            foreach (var line in problems)
            {
                error.WriteLine($"error: {line}");
            }

            return Program.BadInput;
        }

        var html = HtmlReport.Render(Explainer.Explain(result!), new HtmlReportOptions
        {
            FieldworkStarted = document!.FieldworkStarted,
            Classifications = document.CasesKept ? document.Cases.Select(c => c.Classify()).ToList() : null,
        });

        if (toStandardOutput)
        {
            output.Write(html); // the page as it is: its own line ends, not the one-line escapes of text output
            return Program.Success;
        }

        try
        {
            File.WriteAllText(target!, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: {InputFile.DisplayName(target!)}: cannot write the report: {(ex is UnauthorizedAccessException ? "permission denied" : Text.OneLine(ex.Message))}");
            return Program.BadInput;
        }

        new OneLineWriter(output).WriteLine($"wrote {target}");
        return Program.Success;
    }
}
