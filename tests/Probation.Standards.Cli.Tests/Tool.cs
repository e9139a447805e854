using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Probation.Standards.Cli.Tests;

/// <summary>Runs the real probation-standards tool as a separate process.</summary>
internal static class Tool
{
    public static string Seeds => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run(args, stdin: null);

    /// <summary>
    /// Runs the tool with <paramref name="stdin"/> written to its standard input (null: the input is inherited). A run
    /// longer than <paramref name="timeout"/> (default: none) is killed and fails the test.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(string[] args, string? stdin, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = TestContext.CurrentContext.WorkDirectory,
        };
        if (stdin is not null)
        {
            info.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

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
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // the tool exited without reading all of its input; its exit code and output say why
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
