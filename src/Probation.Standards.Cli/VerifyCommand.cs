using System;
using System.Collections.Generic;
using System.IO;
using Probation.Standards.Verification;

namespace Probation.Standards.Cli;

/// <summary><c>verify PATH...</c>: one <c>PASS name</c> or <c>FAIL name: what</c> line for every document, then <c>N passed, M failed</c>.</summary>
internal static class VerifyCommand
{
    public static int Verify(string[] paths, Settings settings, TextWriter output, TextWriter error)
    {
        if (!FrameworkSet.TryLoad(settings.FrameworkFiles, out var frameworks, out var frameworkProblem))
        {
            error.WriteLine($"error: {frameworkProblem}");
        }

        var passed = 0;
        var failed = 0;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.json", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            error.WriteLine($"error: no *.json documents found in {string.Join(", ", paths)}");
        }

        foreach (var file in files)
        {
            var name = InputFile.DisplayName(file);
            string? problem = frameworkProblem;
            Findings.FindingsDocument? document = null;
            Scoring.RatingResult? result = null;
            if (frameworks is null || !Commands.TryRate(file, frameworks.Catalog, settings.Options, out document, out result, out problem))
            {
                var prefix = name + ": ";
                output.WriteLine($"FAIL {name}: {(problem!.StartsWith(prefix, StringComparison.Ordinal) ? problem.Substring(prefix.Length) : problem)}");
                failed++;
                continue;
            }

            var verification = Verifier.Verify(document!.Expected, result!);
            if (verification.Passed)
            {
                output.WriteLine($"PASS {name}");
                passed++;
            }
            else
            {
                output.WriteLine($"FAIL {name}: {string.Join("; ", verification.Differences)}");
                failed++;
            }
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 && files.Count > 0 ? Program.Success : Program.VerifyFailed;
    }
}
