using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;
using Shouldly;

namespace Probation.Standards.Testing;

/// <summary>
/// A folder of findings documents with <c>expected</c> blocks as NUnit test cases, one per document:
/// <code>
/// [TestCaseSource(typeof(ConformanceVectors), nameof(ConformanceVectors.In), new object[] { "vectors" })]
/// public void Vector(ConformanceVector vector) => vector.ShouldPass();
/// </code>
/// A missing or empty folder is one failing case, never zero cases that pass unseen.
/// </summary>
public static class ConformanceVectors
{
    /// <summary>The documents (<c>*.json</c>, searched recursively, in ordinal order of their paths) under a folder.</summary>
    /// <param name="folder">The folder; a relative path is taken from the test assembly's folder, then from the working folder.</param>
    /// <returns>One test case per document, named by its path under the folder.</returns>
    public static IEnumerable<TestCaseData> In(string folder)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        var root = Resolve(folder);
        var files = root is null
            ? Array.Empty<string>()
            : Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            var missing = new ConformanceVector(folder, folder, root is null ? "the folder does not exist" : "the folder holds no *.json document");
            yield return new TestCaseData(missing).SetName($"{folder} (no vectors)");
            yield break;
        }

        foreach (var file in files)
        {
            var name = Path.GetRelativePath(root!, file).Replace('\\', '/');
            yield return new TestCaseData(new ConformanceVector(file, name, null)).SetName(name);
        }
    }

    private static string? Resolve(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : null;
        }

        foreach (var baseFolder in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var candidate = Path.GetFullPath(Path.Combine(baseFolder, folder));
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>One conformance vector: a findings document and what it should rate as.</summary>
public sealed class ConformanceVector
{
    private readonly string? problem;

    internal ConformanceVector(string path, string name, string? problem)
    {
        this.Path = path;
        this.Name = name;
        this.problem = problem;
    }

    /// <summary>The document's full path.</summary>
    public string Path { get; }

    /// <summary>The document's path under its folder, as the test is named.</summary>
    public string Name { get; }

    /// <summary>
    /// Reads and rates the document and asserts its <c>expected</c> block: fails when the document cannot be read,
    /// has no <c>expected</c> block or one that checks nothing, or rates otherwise, listing every difference.
    /// </summary>
    /// <param name="catalog">The frameworks; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">Rating options; the exact ratio by default.</param>
    /// <returns>The rating, for further checks.</returns>
    public RatingResult ShouldPass(FrameworkCatalog? catalog = null, RatingOptions? options = null)
    {
        if (this.problem is not null)
        {
            throw new ShouldAssertException($"{this.Name}: {this.problem}");
        }

        FindingsDocument document;
        try
        {
            document = FindingsReader.ReadFile(this.Path, new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default });
        }
        catch (InvalidInputException error)
        {
            throw new ShouldAssertException($"{this.Name} cannot be read:{Environment.NewLine}{string.Join(Environment.NewLine, error.Problems.Select(p => p.ToString()))}");
        }

        if (document.Expected is not { ChecksSomething: true } expected)
        {
            throw new ShouldAssertException($"{this.Name}: {(document.Expected is null ? "no expected block" : "the expected block checks nothing")}, so the vector proves nothing");
        }

        var result = Rater.Rate(document.Input, options);
        var verification = Verifier.Verify(expected, result);
        if (!verification.Passed)
        {
            throw new ShouldAssertException($"{this.Name} does not rate as expected:{Environment.NewLine}{string.Join(Environment.NewLine, verification.Differences)}");
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => this.Name;
}
