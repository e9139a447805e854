using System.Diagnostics;

namespace Probation.Standards.Cli.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs) run as a process with its own
/// <c>--dump-dom</c>, <c>--screenshot</c> and <c>--print-to-pdf</c>. A test that needs it is ignored, saying so,
/// only when no Chromium binary is found (set <c>CHROMIUM</c> to name one).
/// </summary>
internal static class Browser
{
    private static readonly Lazy<string?> Binary = new(Find);

    public static string Require() =>
        Binary.Value ?? throw new IgnoreException("no chromium binary found (install Debian's chromium package, or set CHROMIUM): the browser checks were not run");

    /// <summary>The DOM Chromium builds from the page, serialised.</summary>
    public static string DumpDom(string htmlFile, int width = 1280) =>
        Run(htmlFile, $"--window-size={width},2000", "--dump-dom");

    /// <summary>A screenshot of the page's first <paramref name="height"/> pixels at <paramref name="width"/> pixels wide.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width, int height) =>
        Run(htmlFile, $"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={pngFile}");

    /// <summary>The page printed to PDF with the page's own print style (A4).</summary>
    public static void PrintToPdf(string htmlFile, string pdfFile) =>
        Run(htmlFile, "--no-pdf-header-footer", $"--print-to-pdf={pdfFile}");

    private static string Run(string htmlFile, params string[] args)
    {
        var binary = Require();
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var info = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The page is our own output and its content security policy forbids scripts; the sandbox cannot start as root in a container.
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions", $"--user-data-dir={profile.FullName}" })
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            info.ArgumentList.Add(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium {string.Join(' ', args)} did not finish within 2 minutes");
            }

            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"chromium {string.Join(' ', args)}: {error.Result}");
            return output.Result;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a helper process may still hold a file; the temp folder is cleaned later
            }
        }
    }

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(named) && File.Exists(named))
        {
            return named;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
