using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Probation.Standards.Frameworks;
using Probation.Standards.Statistics;

namespace Probation.Standards.Cli;

/// <summary>
/// <c>plan --share P [--confidence C] [--half-width H] [--framework ID] [--format text|json]</c>: how many relevant
/// cases an audit needs for a share's band to be certain at a confidence, or for its interval to have a half-width
/// (R11, the project's own statistics).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(Option<string[]> frameworkOption, TextWriter output, TextWriter error)
    {
        var share = new Option<string>("--share") { Description = "The share you expect, in percent (0-100), e.g. 70.", Required = true };
        var confidence = new Option<string?>("--confidence") { Description = "The confidence, strictly between 0 and 1 (default 0.95)." };
        var halfWidth = new Option<string?>("--half-width") { Description = "Instead of the band: the interval's half-width to reach, in percentage points, e.g. 10." };
        var frameworkId = new Option<string?>("--framework") { Description = $"The framework whose bands apply (default {FrameworkCatalog.DefaultFrameworkId})." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("plan", "How many relevant cases an audit needs: the fewest for which a share's Clopper-Pearson interval lies inside its band, or has a given half-width (R11).")
        {
            share, confidence, halfWidth, frameworkId, format, frameworkOption,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(share)!,
            parsed.GetValue(confidence),
            parsed.GetValue(halfWidth),
            parsed.GetValue(frameworkId) ?? FrameworkCatalog.DefaultFrameworkId,
            parsed.GetValue(format) == "json",
            parsed.GetValue(frameworkOption) ?? Array.Empty<string>(),
            output,
            error));
        return command;
    }

    private static int Run(string shareText, string? confidenceText, string? halfWidthText, string frameworkId, bool json, string[] frameworkFiles, TextWriter output, TextWriter error)
    {
        var bad = false;
        if (!(UncertaintyRequest.TryParse(shareText, out var share) && share >= 0 && share <= 100))
        {
            error.WriteLine($"error: --share '{Text.OneLine(shareText)}' is not a percentage from 0 to 100 (e.g. 70)");
            bad = true;
        }

        var confidence = ShareStatistics.DefaultConfidence;
        if (confidenceText is not null && !(UncertaintyRequest.TryParse(confidenceText, out confidence) && confidence > 0 && confidence < 1))
        {
            error.WriteLine($"error: --confidence '{Text.OneLine(confidenceText)}' is not a number strictly between 0 and 1 (e.g. 0.95)");
            bad = true;
        }

        double? halfWidth = null;
        if (halfWidthText is not null)
        {
            if (UncertaintyRequest.TryParse(halfWidthText, out var h) && h > 0 && h <= 100)
            {
                halfWidth = h;
            }
            else
            {
                error.WriteLine($"error: --half-width '{Text.OneLine(halfWidthText)}' is not a number of percentage points above 0 and at most 100 (e.g. 10)");
                bad = true;
            }
        }

        if (bad || !FrameworkCommands.TryFind(frameworkId, frameworkFiles, error, out _, out var framework))
        {
            return Program.BadInput;
        }

        var plan = halfWidth is { } width ? SampleSize.ForHalfWidth(share, width, confidence) : SampleSize.ForBand(framework!, share, confidence);
        if (json)
        {
            WriteJson(output, plan, framework!);
        }
        else
        {
            WriteText(new OneLineWriter(output), plan);
        }

        return Program.Success;
    }

    private static void WriteText(TextWriter output, SampleSizePlan plan)
    {
        var c = (plan.Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var share = plan.SharePercent.ToString("0.##", CultureInfo.InvariantCulture);
        var goal = plan.Band is { } band
            ? $"for the {c}% Clopper-Pearson interval around {share}% to lie inside {band.Rating.ToDisplayText()} ({band.FromPercent}-{band.ToPercent}%)"
            : $"for the {c}% Clopper-Pearson interval around {share}% to have a half-width of at most {plan.HalfWidthPercent?.ToString("0.##", CultureInfo.InvariantCulture)} percentage points";
        if (plan.Relevant is { } n && plan.Interval is { } interval)
        {
            output.WriteLine($"{n} relevant cases {goal}: the interval is then {interval.LowPercent.ToString("0.0", CultureInfo.InvariantCulture)}-{interval.HighPercent.ToString("0.0", CultureInfo.InvariantCulture)}%.");
            output.WriteLine("Relevant cases are those not answering NotApplicable; audit more cases than this if some will be NotApplicable.");
        }
        else
        {
            output.WriteLine($"No number of relevant cases up to {plan.SearchedUpTo.ToString("N0", CultureInfo.InvariantCulture)} is enough {goal}{(plan.Band is not null ? " (a share on or very near a band edge never is)" : string.Empty)}.");
        }

        output.WriteLine("This is the project's own statistics (rules.md R11), not HM Inspectorate of Probation's method.");
    }

    private static void WriteJson(TextWriter output, SampleSizePlan plan, Framework framework)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("framework", framework.Id);
            writer.WriteNumber("share", plan.SharePercent);
            writer.WriteNumber("confidence", plan.Confidence);
            if (plan.Band is { } band)
            {
                writer.WriteString("band", band.Rating.ToString());
                writer.WriteNumber("bandFromPercent", band.FromPercent);
                writer.WriteNumber("bandToPercent", band.ToPercent);
            }
            else
            {
                writer.WriteNull("band");
            }

            if (plan.HalfWidthPercent is { } h)
            {
                writer.WriteNumber("halfWidth", h);
            }
            else
            {
                writer.WriteNull("halfWidth");
            }

            if (plan.Relevant is { } n)
            {
                writer.WriteNumber("relevant", n);
            }
            else
            {
                writer.WriteNull("relevant");
            }

            UncertaintyJson.WriteInterval(writer, plan.Interval);

            writer.WriteNumber("searchedUpTo", plan.SearchedUpTo);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
