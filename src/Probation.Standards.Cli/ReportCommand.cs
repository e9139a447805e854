using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Probation.Standards.Explanation;
using Probation.Standards.Groups;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli;

/// <summary><c>report</c>: rates one document and writes the library's HTML page (<see cref="HtmlReport"/>) to a file. The page is made in the library; this only names and writes the file.</summary>
internal static class ReportCommand
{
    public static int Report(string file, IReadOnlyList<string>? groupBy, string? outputPath, Settings settings, TextWriter output, TextWriter error)
    {
        var toStandardOutput = outputPath == InputFile.StandardInput || (outputPath is null && file == InputFile.StandardInput);
        var target = outputPath ?? (file == InputFile.StandardInput ? null : Path.ChangeExtension(file, ".html"));
        if (!toStandardOutput && target is not null && Path.GetFullPath(target) == Path.GetFullPath(file))
        {
            error.WriteLine($"error: {InputFile.DisplayName(target)}: the report would overwrite its own input; name another file with -o");
            return Program.BadInput;
        }

        if (!Commands.TryLoad(file, settings, SheetSettings.None, keepCases: true, groupBy, error, out var loaded))
        {
            return Program.BadInput;
        }

        GroupedRating? groups = null;
        if (loaded!.Groups is { } tallies)
        {
            if (GroupRater.TryGetUnsplittable(loaded.Input, tallies, out var keyQuestion))
            {
                error.WriteLine($"error: {loaded.File}: $.keyQuestions['{keyQuestion}']: --by needs case-level answers; {keyQuestion} is given as an aggregate result, which cannot be split into groups (R12)");
                return Program.BadInput;
            }

            groups = GroupRater.Rate(loaded.Input, tallies, settings.Options);
        }

        var result = Rater.Rate(loaded.Input, settings.Options);
        var html = HtmlReport.Render(Explainer.Explain(result), new HtmlReportOptions
        {
            FieldworkStarted = loaded.FieldworkStarted,
            Classifications = loaded.Classifications,
            Groups = groups,
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
