using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions.Tests;

/// <summary>
/// README's C# is code a reader copies: every <c>```csharp</c> block of README.md is compiled, in process with
/// Roslyn, as the Program.cs of its own console app, and must compile without errors or warnings against the library
/// as built.
/// </summary>
/// <remarks>
/// Each block is compiled as a <c>dotnet new console</c> project on .NET 10 would compile it: top-level statements,
/// the SDK's implicit global usings, nullable enabled, the default language version, the SDK's NoWarn. Its references are what such a
/// project has after <c>dotnet add package Probation.Standards.Extensions</c> and
/// <c>dotnet add package Microsoft.Extensions.Hosting</c>: the Microsoft.NETCore.App framework, the two library
/// assemblies built with these tests, and Microsoft.Extensions.Hosting with the Microsoft.Extensions assemblies it
/// references (taken from the ASP.NET Core shared framework these tests run on). Nothing else: not ASP.NET Core, not
/// the test packages. Diagnostics are reported at their README.md line. The blocks are compiled, not run.
/// </remarks>
public class ReadmeSnippetTests
{
    /// <summary>The global usings of a Microsoft.NET.Sdk project with ImplicitUsings enabled (the console template's default).</summary>
    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    /// <summary>What the SDK always passes as NoWarn: assembly-version unification (8.0 references bound to 10.0).</summary>
    private static readonly string[] SdkNoWarn = { "CS1701", "CS1702" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static string ReadmePath => Path.Combine(Path.GetDirectoryName(typeof(ReadmeSnippetTests).Assembly.Location)!, "README.md");

    public static IEnumerable<TestCaseData> CSharpBlocks() =>
        ReadBlocks().Where(b => b.IsCSharp).Select(b => new TestCaseData(b).SetName($"README.md line {b.Line}: the C# block compiles"));

    [Test]
    public void README_has_the_CSharp_blocks_the_snippet_test_compiles()
    {
        // A change to the fences (or a README not copied) must not leave the compile test with nothing to do.
        var blocks = ReadBlocks().Where(b => b.IsCSharp).ToList();
        blocks.Count.ShouldBeGreaterThanOrEqualTo(2);
        blocks.ShouldContain(b => b.Code.Contains("Rater.Rate(", StringComparison.Ordinal), "the library snippet");
        blocks.ShouldContain(b => b.Code.Contains("AddProbationStandards(", StringComparison.Ordinal), "the dependency injection snippet");
    }

    [TestCaseSource(nameof(CSharpBlocks))]
    public void Block_compiles_against_the_built_library(Block block)
    {
        var usings = CSharpSyntaxTree.ParseText(
            string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")),
            new CSharpParseOptions(LanguageVersion.Default),
            path: "GlobalUsings.g.cs");

        // #line maps every diagnostic to README.md's own line numbers.
        var program = CSharpSyntaxTree.ParseText(
            $"#line {block.Line + 1} \"README.md\"\n{block.Code}",
            new CSharpParseOptions(LanguageVersion.Default),
            path: "Program.cs");

        var compilation = CSharpCompilation.Create(
            $"ReadmeSnippet{block.Line}",
            new[] { usings, program },
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));

        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        var problems = emitted.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();

        problems.ShouldBeEmpty($"the C# block at README.md line {block.Line} does not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}--- the block ---{Environment.NewLine}{block.Code}");
        emitted.Success.ShouldBeTrue();
    }

    [Test]
    public void Blocks_that_need_Microsoft_Extensions_Hosting_say_so_in_their_section()
    {
        // The package is not a dependency of Probation.Standards.Extensions: a reader has to add it themselves.
        var readme = File.ReadAllLines(ReadmePath);
        foreach (var block in ReadBlocks().Where(b => b.IsCSharp && b.Code.Contains("using Microsoft.Extensions.Hosting;", StringComparison.Ordinal)))
        {
            var sectionStart = Array.FindLastIndex(readme, block.Line - 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            var section = string.Join("\n", readme.Skip(sectionStart).Take(block.Line - sectionStart));
            section.ShouldContain("dotnet add package Microsoft.Extensions.Hosting", Case.Sensitive, $"the block at README.md line {block.Line} uses Microsoft.Extensions.Hosting");
        }
    }

    [Test]
    public void The_appsettings_example_is_valid_options_naming_no_missing_file()
    {
        var readme = File.ReadAllLines(ReadmePath);
        var caption = Array.FindIndex(readme, l => l.Trim() == "`appsettings.json`:");
        caption.ShouldBeGreaterThanOrEqualTo(0, "README has an appsettings.json example");
        var example = ReadBlocks().First(b => b.Line > caption + 1 && b.Language == "json");

        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(example.Code))).Build();
        using var provider = new ServiceCollection().AddProbationStandards(configuration).BuildServiceProvider();

        // Resolving validates every option, files included (relative paths from the current directory).
        var rater = provider.GetRequiredService<IProbationRater>();
        rater.RatingOptions.Basis.ShouldBe(Enum.Parse<BandingBasis>(configuration["ProbationStandards:BandingBasis"]!));
        configuration.GetSection("ProbationStandards:FrameworkFiles").GetChildren().Select(f => f.Value).ShouldBeEmpty("a framework file named in the example is one a reader does not have");
    }

    /// <summary>The fenced blocks of README.md, with the line of their opening fence.</summary>
    private static List<Block> ReadBlocks()
    {
        var lines = File.ReadAllLines(ReadmePath);
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Regex.Match(lines[i], @"^\s*```\s*([A-Za-z0-9#+-]*)\s*$");
            if (!open.Success)
            {
                continue;
            }

            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            blocks.Add(new Block(start + 1, open.Groups[1].Value.ToLowerInvariant(), string.Join("\n", code)));
        }

        return blocks;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var netCoreApp = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var files = Directory.EnumerateFiles(netCoreApp, "*.dll").Where(IsAssembly).ToList();

        // Microsoft.Extensions.Hosting and, transitively, every Microsoft.Extensions assembly it references.
        var extensionsFolder = Path.GetDirectoryName(typeof(Microsoft.Extensions.Hosting.Host).Assembly.Location)!;
        var pending = new Queue<string>(new[] { "Microsoft.Extensions.Hosting" });
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            var path = Path.Combine(extensionsFolder, name + ".dll");
            if (!seen.Add(name) || !File.Exists(path))
            {
                continue;
            }

            files.Add(path);
            foreach (var reference in AssemblyReferences(path).Where(r => r.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)))
            {
                pending.Enqueue(reference);
            }
        }

        files.Add(typeof(Rater).Assembly.Location);
        files.Add(typeof(IProbationRater).Assembly.Location);

        // The Testing package and what it brings: NUnit and Shouldly.
        files.Add(typeof(Probation.Standards.Testing.ConformanceVectors).Assembly.Location);
        files.Add(typeof(NUnit.Framework.TestAttribute).Assembly.Location);
        files.Add(typeof(Shouldly.ShouldAssertException).Assembly.Location);
        return files.Distinct().Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static bool IsAssembly(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
    }

    private static IEnumerable<string> AssemblyReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>One fenced block: the README.md line of its opening fence, its language and its text.</summary>
    public sealed record Block(int Line, string Language, string Code)
    {
        public bool IsCSharp => this.Language is "csharp" or "cs" or "c#";

        public override string ToString() => $"README.md line {this.Line}";
    }
}
