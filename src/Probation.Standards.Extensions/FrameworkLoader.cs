using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Extensions;

/// <summary>
/// Builds the catalog the options describe: the embedded frameworks, then <see cref="ProbationStandardsOptions.FrameworkFiles"/>,
/// then the Reset threshold applied to every framework. Used by the validator (collecting every problem) and by the
/// catalog singleton (after validation has passed).
/// </summary>
internal static class FrameworkLoader
{
    /// <summary>Builds the catalog, adding a problem for every framework file that cannot be loaded and skipping it.</summary>
    /// <param name="options">The options.</param>
    /// <param name="problems">Where problems are added, each naming the setting.</param>
    /// <returns>The catalog of what could be loaded.</returns>
    public static FrameworkCatalog Load(ProbationStandardsOptions options, ICollection<string> problems)
    {
        var catalog = FrameworkCatalog.Default;
        var loadedFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = options.FrameworkFiles ?? Array.Empty<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var setting = $"FrameworkFiles[{i}]";
            var path = files[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add($"{setting}: the path is empty");
                continue;
            }

            Framework framework;
            try
            {
                var fullPath = Path.GetFullPath(path);
                if (!File.Exists(fullPath))
                {
                    problems.Add($"{setting}: framework file '{path}' does not exist (looked for {fullPath})");
                    continue;
                }

                using var stream = File.OpenRead(fullPath);
                framework = FrameworkCatalog.ReadFramework(stream, path);
            }
            catch (InvalidInputException ex)
            {
                problems.Add($"{setting}: invalid framework file: {ex.Message}");
                continue;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
            {
                problems.Add($"{setting}: framework file '{path}' cannot be read: {ex.Message}");
                continue;
            }

            if (loadedFrom.TryGetValue(framework.Id, out var earlier))
            {
                problems.Add($"{setting}: framework file '{path}' defines '{framework.Id}', which FrameworkFiles[{earlier}] already defines");
                continue;
            }

            loadedFrom[framework.Id] = i;
            catalog = catalog.With(framework);
        }

        // Replacing every framework in order keeps the catalog's order, and so which framework wins a tie in InForceOn.
        if (options.ResetAdjustedWithinDays is { } days && days >= 0)
        {
            catalog = catalog.WithResetThreshold(days);
        }

        return catalog;
    }

    /// <summary>Builds the catalog of options that have passed validation.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidOperationException">When a framework file changed since validation and no longer loads.</exception>
    public static FrameworkCatalog Load(ProbationStandardsOptions options)
    {
        var problems = new List<string>();
        var catalog = Load(options, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{ProbationStandardsOptions.SectionName}: {string.Join("; ", problems)}");
        }

        return catalog;
    }
}
