using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Probation.Standards.Extensions.Tests;

/// <summary>Runs a program to completion with a time limit, as a person at a shell would.</summary>
internal static class Processes
{
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, TimeSpan limit, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test runs inside `dotnet test`: leave its MSBuild settings behind, so the child SDK finds its own.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            // For the tool's app host: the dotnet running these tests (…/shared/Microsoft.NETCore.App/<version>/ is three below it).
            info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var timer = new CancellationTokenSource(limit))
        {
            try
            {
                // Waits for the exit and for the end of both output streams.
                process.WaitForExitAsync(timer.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`{fileName} {string.Join(' ', args)}` took longer than {limit.TotalSeconds:0} s and was stopped. Output so far:{Environment.NewLine}{Text(output)}");
            }
            catch (OperationCanceledException)
            {
                // It exited, but something it started still holds the output pipe: keep what was read.
            }
        }

        return (process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
