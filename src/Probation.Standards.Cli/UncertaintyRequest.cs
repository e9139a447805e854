using System.Collections.Generic;
using System.Globalization;
using Probation.Standards.Statistics;

namespace Probation.Standards.Cli;

/// <summary><c>rate --uncertainty [--confidence C] [--assume-relevant N]</c>, as given, and its checks.</summary>
internal sealed class UncertaintyRequest
{
    public UncertaintyRequest(bool wanted, string? confidence, string? assumeRelevant)
    {
        this.Wanted = wanted;
        this.Confidence = confidence;
        this.AssumeRelevant = assumeRelevant;
    }

    public bool Wanted { get; }

    public string? Confidence { get; }

    public string? AssumeRelevant { get; }

    /// <summary>The options, or <see langword="null"/> without <c>--uncertainty</c>; every problem with the options at once.</summary>
    public bool TryGetOptions(out UncertaintyOptions? options, out List<string> problems)
    {
        options = null;
        problems = new List<string>();
        if (!this.Wanted)
        {
            if (this.Confidence is not null)
            {
                problems.Add("--confidence needs --uncertainty");
            }

            if (this.AssumeRelevant is not null)
            {
                problems.Add("--assume-relevant needs --uncertainty");
            }

            return problems.Count == 0;
        }

        var confidence = ShareStatistics.DefaultConfidence;
        if (this.Confidence is not null && !(TryParse(this.Confidence, out confidence) && confidence > 0 && confidence < 1))
        {
            problems.Add($"--confidence '{Text.OneLine(this.Confidence)}' is not a number strictly between 0 and 1 (e.g. 0.95)");
        }

        double? assumed = null;
        if (this.AssumeRelevant is not null)
        {
            if (long.TryParse(this.AssumeRelevant, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                assumed = n;
            }
            else
            {
                problems.Add($"--assume-relevant '{Text.OneLine(this.AssumeRelevant)}' is not a whole number of relevant cases above 0 (e.g. 60)");
            }
        }

        if (problems.Count > 0)
        {
            return false;
        }

        options = new UncertaintyOptions(confidence, assumed);
        return true;
    }

    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);
}
