using System;
using System.IO;
using System.Linq;
using Probation.Standards.Findings;
using Probation.Standards.Verification;

namespace Probation.Standards.Cli;

/// <summary>
/// <c>verify PATH...</c>: one <c>PASS name</c> or <c>FAIL name: what</c> line for every document found, then
/// <c>N passed, M failed</c>. A document that cannot be found, read or rated, for any reason, is a FAIL line and
/// never the end of the run.
/// </summary>
internal static class VerifyCommand
{
    public static int Verify(string[] paths, Settings settings, TextWriter output, TextWriter error)
    {
        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var frameworkProblem))
        {
            error.WriteLine($"error: {frameworkProblem}");
        }

        var documents = DocumentSearch.Find(paths);
        if (documents.Count == 0)
        {
            error.WriteLine($"error: no *.json documents found in {string.Join(", ", paths.Select(InputFile.DisplayName))}");
        }

        var passed = 0;
        var failed = 0;
        foreach (var found in documents)
        {
            var name = InputFile.DisplayName(found.Path);
            var failure = found.Problem
                ?? (frameworks is null ? "not rated: a framework file could not be loaded" : Check(found.Path, name, frameworks, settings));
            if (failure is null)
            {
                output.WriteLine($"PASS {name}");
                passed++;
            }
            else
            {
                output.WriteLine($"FAIL {name}: {Text.OneLine(failure)}");
                failed++;
            }
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 && documents.Count > 0 ? Program.Success : Program.VerifyFailed;
    }

    /// <summary>Whether an <c>expected</c> block gives no field to check: <c>{}</c>, or standards with nothing in them.</summary>
    // What is wrong with one document, or null when it passes.
    private static string? Check(string path, string name, FrameworkSet frameworks, Settings settings)
    {
        try
        {
            if (!Commands.TryRate(path, frameworks.Catalog, settings.Options, keepCases: false, out var document, out var result, out var problems))
            {
                var prefix = name + ": ";
                return string.Join("; ", problems.Select(p => p.StartsWith(prefix, StringComparison.Ordinal) ? p.Substring(prefix.Length) : p));
            }

            var verification = Verifier.Verify(document!.Expected, result!);
            return verification.Passed ? null : string.Join("; ", verification.Differences);
        }
#pragma warning disable CA1031 // verify's contract: any failure of one document is its FAIL line, never the end of the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"internal error: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
