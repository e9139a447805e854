using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Probation.Standards.Extensions.Tests;

/// <summary>
/// Proof as shipped: packs the four packages into a temporary folder, exactly as README says
/// (<c>dotnet pack -c Release -o DIR</c> from the repository root), then uses them as another team would: a separate
/// console project that references Probation.Standards.Extensions by version from that folder (never the projects),
/// and the tool installed with <c>dotnet tool install --tool-path ... --add-source ...</c>.
/// </summary>
/// <remarks>
/// Each run packs a version of its own (<c>VersionPrefix-packtest.TIMESTAMP.rRANDOM</c>), so a package left in the NuGet
/// cache by an earlier run can never stand in for the one just built; the cache folders of that version are removed
/// afterwards. Takes a minute or two: the pack builds the library and the extensions for two target frameworks.
/// </remarks>
[NonParallelizable]
public class PackageTests
{
    private static readonly string[] PackageIds = { "Probation.Standards", "Probation.Standards.Extensions", "Probation.Standards.Parquet", "Probation.Standards.Sheets", "Probation.Standards.Statistics", "Probation.Standards.Testing", "Probation.Standards.Data", "Probation.Standards.Tool" };

    /// <summary>The project folder under src/ of each package, whose PACKAGE.md is the package's readme.</summary>
    private static readonly Dictionary<string, string> ProjectFolders = new()
    {
        ["Probation.Standards"] = "Probation.Standards",
        ["Probation.Standards.Extensions"] = "Probation.Standards.Extensions",
        ["Probation.Standards.Testing"] = "Probation.Standards.Testing",
        ["Probation.Standards.Statistics"] = "Probation.Standards.Statistics",
        ["Probation.Standards.Sheets"] = "Probation.Standards.Sheets",
        ["Probation.Standards.Data"] = "Probation.Standards.Data",
        ["Probation.Standards.Parquet"] = "Probation.Standards.Parquet",
        ["Probation.Standards.Tool"] = "Probation.Standards.Cli",
    };

    /// <summary>The documents every package carries under docs/, as in the repository's docs/.</summary>
    private static readonly string[] PackedDocs = { "docs/rules.md", "docs/findings-format.md" };
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(1);

    private string root = null!;
    private string temp = null!;
    private string packages = null!;
    private string version = null!;
    private string seed = null!;
    private string? consumerDll;

    [OneTimeSetUp]
    public void Pack()
    {
        this.root = RepositoryRoot();
        this.temp = Files.NewTempFolder("ps-packages");
        this.packages = Path.Combine(this.temp, "packages");
        this.seed = Files.Seed("nottinghamshire-pdu-2025.json");
        var prefix = XDocument.Load(Path.Combine(this.root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        this.version = $"{prefix}-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}.r{Guid.NewGuid().ToString("N")[..8]}";

        // Own bin/obj under the temp folder (--artifacts-path), so the repository's build outputs are left alone;
        // no build servers, so nothing outlives the test.
        var (exit, output) = Dotnet(this.root, BuildLimit, "pack", "-c", "Release", "-o", this.packages, "--artifacts-path", Path.Combine(this.temp, "artifacts"), $"-p:Version={this.version}", "--disable-build-servers");
        exit.ShouldBe(0, output);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (this.temp is not null && Directory.Exists(this.temp))
        {
            Directory.Delete(this.temp, recursive: true);
        }

        // Only this run's version of only our packages: nothing else in the cache is touched.
        if (this.version is not null)
        {
            var (_, locals) = Dotnet(Path.GetTempPath(), RunLimit, "nuget", "locals", "global-packages", "--list");
            var cache = Regex.Match(locals, @"global-packages:\s*(\S.*?)\s*$", RegexOptions.Multiline).Groups[1].Value;
            foreach (var id in PackageIds)
            {
                var folder = Path.Combine(cache, id.ToLowerInvariant(), this.version.ToLowerInvariant());
                if (cache.Length > 0 && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                    var idFolder = Path.GetDirectoryName(folder)!;
                    if (!Directory.EnumerateFileSystemEntries(idFolder).Any())
                    {
                        Directory.Delete(idFolder);
                    }
                }
            }
        }
    }

    [Test]
    public void Pack_yields_eight_packages_each_with_symbols_its_PACKAGE_md_readme_license_repository_and_docs()
    {
        foreach (var id in PackageIds)
        {
            var nupkg = Path.Combine(this.packages, $"{id}.{this.version}.nupkg");
            File.Exists(nupkg).ShouldBeTrue($"{id}: no {Path.GetFileName(nupkg)}");
            File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).ShouldBeTrue($"{id}: no symbols package");

            using var zip = ZipFile.OpenRead(nupkg);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            // The readme is the project's own PACKAGE.md, not the repository's README.
            entries.ShouldContain("PACKAGE.md", $"{id}: no PACKAGE.md");
            entries.ShouldNotContain("README.md", $"{id}: the repository README is not a package's readme");
            var readme = Text(zip, "PACKAGE.md");
            readme.ShouldBe(File.ReadAllText(Path.Combine(this.root, "src", ProjectFolders[id], "PACKAGE.md")), $"{id}: PACKAGE.md is src/{ProjectFolders[id]}/PACKAGE.md");
            readme.ShouldNotBe(File.ReadAllText(Path.Combine(this.root, "README.md")));
            readme.ShouldStartWith($"# {id}", Case.Sensitive, $"{id}: the readme is about this package");

            // Links in a readme shown on a package feed must not be relative to the repository.
            Regex.Matches(readme, @"\]\((?!https?://|#)([^)]*)\)").Select(m => m.Groups[1].Value).ShouldBeEmpty($"{id}: PACKAGE.md has relative links");
            foreach (var doc in PackedDocs)
            {
                entries.ShouldContain(doc, $"{id}: no {doc}");
                Text(zip, doc).ShouldBe(File.ReadAllText(Path.Combine(this.root, doc)), $"{id}: {doc} is the repository's");
            }

            using (var stream = zip.GetEntry($"{id}.nuspec")!.Open())
            {
                var nuspec = XDocument.Load(stream);
                XElement Element(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name);
                Element("license").Value.ShouldBe("MIT");
                Element("license").Attribute("type")!.Value.ShouldBe("expression");
                Element("readme").Value.ShouldBe("PACKAGE.md");
                Element("repository").Attribute("type")!.Value.ShouldBe("git");
                Element("repository").Attribute("commit")!.Value.ShouldMatch("^[0-9a-f]{40}$", $"{id}: the repository commit comes from git (Source Link)");
            }

            // Every assembly ships with its XML docs beside it.
            var assemblies = entries.Where(e => (e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("tools/", StringComparison.Ordinal)) && e.EndsWith(".dll", StringComparison.Ordinal) && e.Contains("Probation.Standards", StringComparison.Ordinal)).ToList();
            assemblies.ShouldNotBeEmpty();
            foreach (var assembly in assemblies)
            {
                entries.ShouldContain(Path.ChangeExtension(assembly, ".xml"), $"{id}: {assembly} has no XML docs");
            }
        }

        // The statistics package brings MathNet.Numerics; the pure core depends on nothing of the kind.
        using (var statistics = ZipFile.OpenRead(Path.Combine(this.packages, $"Probation.Standards.Statistics.{this.version}.nupkg")))
        using (var stream = statistics.GetEntry("Probation.Standards.Statistics.nuspec")!.Open())
        {
            var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
            dependencies.ShouldContain("MathNet.Numerics");
            dependencies.ShouldContain("Probation.Standards");
        }

        // The database package speaks to System.Data.Common only: it brings no database provider.
        using (var data = ZipFile.OpenRead(Path.Combine(this.packages, $"Probation.Standards.Data.{this.version}.nupkg")))
        using (var stream = data.GetEntry("Probation.Standards.Data.nuspec")!.Open())
        {
            var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().ToList();
            dependencies.ShouldBe(new[] { "Probation.Standards" });
        }

        using var library = ZipFile.OpenRead(Path.Combine(this.packages, $"Probation.Standards.{this.version}.nupkg"));
        library.Entries.Select(e => e.FullName).ShouldBeSubsetOf(new[]
        {
            "_rels/.rels", "[Content_Types].xml", "Probation.Standards.nuspec", "PACKAGE.md", "docs/rules.md", "docs/findings-format.md",
            "lib/net10.0/Probation.Standards.dll", "lib/net10.0/Probation.Standards.xml",
            "lib/netstandard2.0/Probation.Standards.dll", "lib/netstandard2.0/Probation.Standards.xml",
        }.Concat(library.Entries.Select(e => e.FullName).Where(n => n.StartsWith("package/services/metadata/", StringComparison.Ordinal))));
    }

    [Test]
    public void A_consumer_project_rates_the_seed_through_DI_and_through_the_plain_API()
    {
        var (exit, output) = this.RunConsumer(this.seed);

        exit.ShouldBe(0, output);
        output.ShouldContain("DI: 3/21 Inadequate (probation-pdu-2023 2023.2, ExactRatio)");
        output.ShouldContain("plain API: 3/21 Inadequate");
    }

    [Test]
    public void A_consumer_with_invalid_options_fails_at_start_up_naming_every_invalid_setting()
    {
        var (exit, output) = this.RunConsumer(
            this.seed,
            "--ProbationStandards:DefaultFrameworkId=probation-pdu-1999",
            "--ProbationStandards:ResetAdjustedWithinDays=-1",
            "--ProbationStandards:BandingBasis=Nearest");

        exit.ShouldBe(3, output);
        output.ShouldContain("invalid options:");
        output.ShouldContain("DefaultFrameworkId: unknown framework 'probation-pdu-1999' (known: probation-2018, probation-2018-nps, probation-pdu-2021, probation-pdu-2023, youth-2018, youth-2021)");
        output.ShouldContain("ResetAdjustedWithinDays: -1 is negative");
        output.ShouldContain("ProbationStandards:BandingBasis: 'Nearest' is not a banding basis (ExactRatio or RoundedPercentage)");
        output.ShouldNotContain("DI:", Case.Sensitive, "nothing is rated with invalid options");
    }

    [Test]
    public void A_consumer_NUnit_project_writes_a_rule_in_one_statement_and_a_vector_folder_in_three_lines()
    {
        var folder = Path.Combine(this.temp, "auditor-tests");
        Directory.CreateDirectory(Path.Combine(folder, "vectors"));
        var vectors = Directory.GetFiles(Path.GetDirectoryName(this.seed)!, "*.json");
        foreach (var vector in vectors)
        {
            File.Copy(vector, Path.Combine(folder, "vectors", Path.GetFileName(vector)));
        }

        this.WriteNuGetConfig(folder);
        string Version(string id) => XDocument.Load(Path.Combine(this.root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;
        File.WriteAllText(Path.Combine(folder, "AuditorTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Probation.Standards.Testing" Version="{this.version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{Version("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="NUnit3TestAdapter" Version="{Version("NUnit3TestAdapter")}" />
              </ItemGroup>
              <ItemGroup>
                <None Include="vectors/**/*.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "RuleTests.cs"), """
            using NUnit.Framework;
            using Probation.Standards;
            using Probation.Standards.Frameworks;
            using Probation.Standards.Testing;
            using Shouldly;

            public class RuleTests
            {
                [Test]
                public void Thirty_one_of_48_is_requires_improvement() => FrameworkCatalog.DefaultFramework.BandOf(31, 48).ShouldBe(Rating.RequiresImprovement);

                [TestCaseSource(typeof(ConformanceVectors), nameof(ConformanceVectors.In), new object[] { "vectors" })]
                public void Vector(ConformanceVector vector) => vector.ShouldPass();
            }
            """);

        var (exit, output) = Dotnet(folder, BuildLimit, "test", "--disable-build-servers");

        exit.ShouldBe(0, output);
        // dotnet test's summary: "Passed!  - Failed:     0, Passed:     3, ...": the rule and one case per vector.
        Regex.IsMatch(output, $@"Failed:\s+0, Passed:\s+{vectors.Length + 1},").ShouldBeTrue(output);
    }

    [Test]
    public void The_tool_installs_from_the_folder_and_rates_the_seed()
    {
        var tools = Path.Combine(this.temp, "tools");
        var (installed, installOutput) = Dotnet(this.temp, BuildLimit, "tool", "install", "--tool-path", tools, "--add-source", this.packages, "Probation.Standards.Tool", "--version", this.version);
        installed.ShouldBe(0, installOutput);

        var (exit, output) = Processes.Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "probation-standards.exe" : "probation-standards"), this.temp, RunLimit, "rate", this.seed);

        exit.ShouldBe(0, output);
        output.ShouldContain("Score 3/21");
        output.ShouldContain("Overall rating: Inadequate");
    }

    private static string Text(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, TimeSpan limit, params string[] args) =>
        Processes.Run("dotnet", workingDirectory, limit, args);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Probation.Standards.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Probation.Standards.sln above {TestContext.CurrentContext.TestDirectory}");
    }

    private (int ExitCode, string Output) RunConsumer(params string[] args)
    {
        this.consumerDll ??= this.BuildConsumer();
        return Dotnet(Path.GetDirectoryName(this.consumerDll)!, RunLimit, new[] { this.consumerDll }.Concat(args).ToArray());
    }

    /// <summary>The packages folder first, and the machine's usual NuGet source(s) inherited from the user's NuGet.Config.</summary>
    private void WriteNuGetConfig(string folder) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="probation-standards-packed" value="{this.packages}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>Writes and builds the consumer: outside the repository, so none of its build files apply.</summary>
    private string BuildConsumer()
    {
        var folder = Path.Combine(this.temp, "consumer");
        Directory.CreateDirectory(folder);

        this.WriteNuGetConfig(folder);

        var hosting = XDocument.Load(Path.Combine(this.root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Microsoft.Extensions.Hosting").Attribute("Version")!.Value;
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Probation.Standards.Extensions" Version="{this.version}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="{hosting}" />
              </ItemGroup>
              <ItemGroup>
                <None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            {
              "ProbationStandards": {
                "BandingBasis": "ExactRatio",
                "DefaultFrameworkId": "probation-pdu-2023",
                "FrameworkFiles": []
              }
            }
            """);

        // What README's quick starts show: the options-bound service from a host, and the plain API.
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;
            using Microsoft.Extensions.Options;
            using Probation.Standards.Extensions;
            using Probation.Standards.Findings;
            using Probation.Standards.Scoring;

            var seed = args[0];
            var builder = Host.CreateApplicationBuilder(args[1..]);
            builder.Logging.ClearProviders();
            builder.Services.AddProbationStandards(builder.Configuration);
            using var host = builder.Build();
            try
            {
                await host.StartAsync();
            }
            catch (OptionsValidationException ex)
            {
                Console.Error.WriteLine($"invalid options: {ex.Message}");
                return 3;
            }

            var rater = host.Services.GetRequiredService<IProbationRater>();
            using (var stream = File.OpenRead(seed))
            {
                var result = rater.Rate(stream, Path.GetFileName(seed));
                Console.WriteLine($"DI: {result.Score}/{result.MaxScore} {result.Overall} ({result.FrameworkId} {result.FrameworkVersionId}, {result.Basis})");
            }

            using (var stream = File.OpenRead(seed))
            {
                var result = Rater.Rate(FindingsReader.Read(stream, Path.GetFileName(seed)).Input);
                Console.WriteLine($"plain API: {result.Score}/{result.MaxScore} {result.Overall}");
            }

            await host.StopAsync();
            return 0;
            """);

        var (exit, output) = Dotnet(folder, BuildLimit, "build", "-c", "Release", "--disable-build-servers");
        exit.ShouldBe(0, output);
        return Path.Combine(folder, "bin", "Release", "net10.0", "Consumer.dll");
    }
}
