using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions;

/// <summary>
/// Reads <see cref="ProbationStandardsOptions"/> from a configuration section by hand rather than with the reflection
/// binder: no trimming or AOT warnings, and a value that does not parse (or a misspelt key) becomes a validation
/// problem named with the others at start-up, instead of an exception of its own or a silently ignored setting.
/// </summary>
internal static class ConfigurationBinding
{
    private static readonly string[] Settings = { "BandingBasis", "DefaultFrameworkId", "FrameworkFiles", "ResetAdjustedWithinDays" };

    /// <summary>Applies the settings the section gives to <paramref name="options"/>; a value that does not parse is left out and reported.</summary>
    /// <param name="section">The section.</param>
    /// <param name="options">The options to set, or <see langword="null"/> to only check.</param>
    /// <param name="problems">Where problems are added, each naming the configuration path.</param>
    public static void Bind(IConfiguration section, ProbationStandardsOptions? options, ICollection<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var key = child.Key;
            if (Is(key, "BandingBasis"))
            {
                if (string.IsNullOrWhiteSpace(child.Value))
                {
                    continue;
                }

                if (TryParseBasis(child.Value!.Trim(), out var basis))
                {
                    options?.BandingBasis = basis;
                }
                else
                {
                    problems.Add($"{child.Path}: '{child.Value}' is not a banding basis (ExactRatio or RoundedPercentage)");
                }
            }
            else if (Is(key, "DefaultFrameworkId"))
            {
                if (child.Value is not null)
                {
                    options?.DefaultFrameworkId = child.Value.Trim();
                }
            }
            else if (Is(key, "FrameworkFiles"))
            {
                var any = false;
                foreach (var file in child.GetChildren())
                {
                    any = true;
                    options?.FrameworkFiles.Add(file.Value ?? string.Empty);
                }

                if (!any && !string.IsNullOrWhiteSpace(child.Value))
                {
                    // A single path given as a string rather than a list.
                    options?.FrameworkFiles.Add(child.Value!);
                }
            }
            else if (Is(key, "ResetAdjustedWithinDays"))
            {
                if (string.IsNullOrWhiteSpace(child.Value))
                {
                    continue;
                }

                if (int.TryParse(child.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var days))
                {
                    options?.ResetAdjustedWithinDays = days;
                }
                else
                {
                    problems.Add($"{child.Path}: '{child.Value}' is not a whole number of days");
                }
            }
            else
            {
                problems.Add($"{child.Path}: unknown setting (the settings are {string.Join(", ", Settings)})");
            }
        }
    }

    private static bool Is(string key, string setting) => string.Equals(key, setting, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseBasis(string text, out BandingBasis basis)
    {
        // Names only: Enum.TryParse would also take any number.
        foreach (var candidate in new[] { BandingBasis.ExactRatio, BandingBasis.RoundedPercentage })
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                basis = candidate;
                return true;
            }
        }

        basis = default;
        return false;
    }
}

/// <summary>Sets <see cref="ProbationStandardsOptions"/> from a configuration section.</summary>
internal sealed class ConfigureFromSection : IConfigureOptions<ProbationStandardsOptions>
{
    private readonly IConfiguration section;

    public ConfigureFromSection(IConfiguration section) => this.section = section;

    public void Configure(ProbationStandardsOptions options) => ConfigurationBinding.Bind(this.section, options, new List<string>());
}

/// <summary>Names the settings of a configuration section that could not be bound: bad values and unknown keys.</summary>
internal sealed class ValidateSection : IValidateOptions<ProbationStandardsOptions>
{
    private readonly IConfiguration section;

    public ValidateSection(IConfiguration section) => this.section = section;

    public ValidateOptionsResult Validate(string? name, ProbationStandardsOptions options)
    {
        var problems = new List<string>();
        ConfigurationBinding.Bind(this.section, null, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
