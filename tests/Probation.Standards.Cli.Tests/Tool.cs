using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Probation.Standards.Cli.Tests;

/// <summary>Runs the real probation-standards tool as a separate process.</summary>
internal static class Tool
{
    public static string Seeds => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(args, stdin: (byte[]?)null);

    /// <summary>Runs the tool with <paramref name="stdin"/> (UTF-8) written to its standard input.</summary>
    public static (int ExitCode, string Output, string Error) Run(string[] args, string? stdin, TimeSpan? timeout = null) =>
        Run(args, stdin is null ? null : Encoding.UTF8.GetBytes(stdin), timeout);

    /// <summary>
    /// Runs the tool; <paramref name="stdin"/>, when given, is written to its standard input, which is then closed.
    /// A run longer than <paramref name="timeout"/> (default: none) is killed and fails the test.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(string[] args, byte[]? stdin, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestContext.CurrentContext.WorkDirectory,
        };
        info.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "probation-standards.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                using var input = process.StandardInput.BaseStream;
                input.Write(stdin);
            }
            catch (IOException)
            {
                // The tool exited without reading all of it (a usage error): what it printed is the result.
            }
        }

        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"probation-standards {string.Join(' ', args)} did not finish within {timeout}: killed");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
