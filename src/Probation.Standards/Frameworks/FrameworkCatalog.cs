using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;

namespace Probation.Standards.Frameworks;

/// <summary>
/// The frameworks a findings document can name (R1): those embedded in this package and any a user
/// loads. Immutable: <see cref="With"/> returns a new catalog.
/// </summary>
public sealed class FrameworkCatalog
{
    /// <summary>The id of the default framework, <c>probation-pdu-2023</c> (R1).</summary>
    public const string DefaultFrameworkId = "probation-pdu-2023";

    /// <summary>
    /// The family of the default framework, <c>probation-pdu</c>: the PDU frameworks of the unified Probation Service
    /// (2021 and 2023). A document that names no framework gets the framework of this family in force on its date
    /// (R1); a framework file without a <c>family</c> belongs to it.
    /// </summary>
    public const string DefaultFamily = "probation-pdu";

    private const string ResourcePrefix = "Probation.Standards.Frameworks.";
    private static readonly Lazy<FrameworkCatalog> Embedded = new(LoadEmbedded);

    private readonly ImmutableArray<Framework> frameworks;

    private FrameworkCatalog(ImmutableArray<Framework> frameworks) => this.frameworks = frameworks;

    /// <summary>The frameworks embedded in this package, validated on first use.</summary>
    public static FrameworkCatalog Default => Embedded.Value;

    /// <summary>The default framework, <c>probation-pdu-2023</c>.</summary>
    public static Framework DefaultFramework => Default.GetFramework(DefaultFrameworkId);

    /// <summary>The frameworks, in the order added.</summary>
    public IReadOnlyList<Framework> Frameworks => this.frameworks;

    /// <summary>
    /// Reads and validates a framework from JSON (R1): unique ids, bands covering 0-100 with no gap or overlap,
    /// overall tables covering 0..max, a source on every standard, key question and threshold.
    /// </summary>
    /// <param name="json">The framework JSON.</param>
    /// <param name="name">The file or stream name, for error messages.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="InvalidInputException">When the framework breaks a rule (<see cref="ProblemCode.InvalidFramework"/>).</exception>
    public static Framework ReadFramework(Stream json, string name) =>
        FrameworkReader.Read(json ?? throw new ArgumentNullException(nameof(json)), name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>Reads a framework file and returns this catalog with it added (<see cref="With"/>).</summary>
    /// <param name="path">The framework file.</param>
    /// <returns>The new catalog.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read or breaks a rule.</exception>
    public FrameworkCatalog WithFile(string path)
    {
        var stream = Internal.InputFiles.Open(path, "a framework file", useAsync: false);
        using (stream)
        {
            return this.With(ReadFramework(stream, path));
        }
    }

    /// <summary>
    /// This catalog with a framework added; a framework with the same id as one already here replaces it,
    /// so an exported and corrected embedded framework loads back under its own id.
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The new catalog.</returns>
    public FrameworkCatalog With(Framework framework)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var builder = ImmutableArray.CreateBuilder<Framework>();
        builder.AddRange(this.frameworks.Where(existing => existing.Id != framework.Id));
        builder.Add(framework);
        return new FrameworkCatalog(builder.ToImmutable());
    }

    /// <summary>This catalog with every framework's Reset adjusted-set threshold changed (R9); each version id says so.</summary>
    /// <param name="adjustedWithinDays">The threshold in days, 0 or more.</param>
    /// <returns>The new catalog, in the same order.</returns>
    public FrameworkCatalog WithResetThreshold(int adjustedWithinDays) =>
        new(ImmutableArray.CreateRange(this.frameworks.Select(f => f.WithResetThreshold(adjustedWithinDays))));

    /// <summary>Finds a framework by id (compared exactly).</summary>
    /// <param name="id">The id.</param>
    /// <param name="framework">The framework, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetFramework(string id, [NotNullWhen(true)] out Framework? framework)
    {
        framework = this.frameworks.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));
        return framework is not null;
    }

    /// <summary>Gets a framework by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="KeyNotFoundException">No such framework; the message lists the known ones.</exception>
    public Framework GetFramework(string id) =>
        this.TryGetFramework(id, out var framework) ? framework : throw new KeyNotFoundException($"no framework '{id}' (known: {this.KnownIds})");

    /// <summary>
    /// Finds the framework in force on a fieldwork start date among the frameworks of the default family,
    /// <see cref="DefaultFamily"/> (R1): of those in force, the latest to begin. The CRC/NPS and youth justice
    /// frameworks are in other families and are never picked by date: a document names them.
    /// </summary>
    /// <param name="fieldworkStarted">The date.</param>
    /// <param name="framework">The framework, when one is in force.</param>
    /// <returns>Whether one is.</returns>
    public bool TryGetFrameworkInForce(DateTime fieldworkStarted, [NotNullWhen(true)] out Framework? framework) =>
        this.TryGetFrameworkInForce(fieldworkStarted, DefaultFamily, out framework);

    /// <summary>Finds the framework of a family in force on a fieldwork start date: of those in force, the latest to begin (R1).</summary>
    /// <param name="fieldworkStarted">The date.</param>
    /// <param name="family">The family, e.g. <c>youth</c> (compared exactly).</param>
    /// <param name="framework">The framework, when one is in force.</param>
    /// <returns>Whether one is.</returns>
    public bool TryGetFrameworkInForce(DateTime fieldworkStarted, string family, [NotNullWhen(true)] out Framework? framework)
    {
        if (family is null)
        {
            throw new ArgumentNullException(nameof(family));
        }

        framework = null;
        foreach (var candidate in this.frameworks)
        {
            if (string.Equals(candidate.Family, family, StringComparison.Ordinal) && candidate.IsInForceOn(fieldworkStarted)
                && (framework is null || candidate.EffectiveFrom > framework.EffectiveFrom))
            {
                framework = candidate;
            }
        }

        return framework is not null;
    }

#if NET6_0_OR_GREATER
    /// <summary>Finds the framework of the default family in force on a fieldwork start date (R1).</summary>
    /// <param name="fieldworkStarted">The date.</param>
    /// <param name="framework">The framework, when one is in force.</param>
    /// <returns>Whether one is.</returns>
    public bool TryGetFrameworkInForce(DateOnly fieldworkStarted, [NotNullWhen(true)] out Framework? framework) =>
        this.TryGetFrameworkInForce(fieldworkStarted.ToDateTime(TimeOnly.MinValue), out framework);

    /// <summary>Finds the framework of a family in force on a fieldwork start date (R1).</summary>
    /// <param name="fieldworkStarted">The date.</param>
    /// <param name="family">The family, e.g. <c>youth</c>.</param>
    /// <param name="framework">The framework, when one is in force.</param>
    /// <returns>Whether one is.</returns>
    public bool TryGetFrameworkInForce(DateOnly fieldworkStarted, string family, [NotNullWhen(true)] out Framework? framework) =>
        this.TryGetFrameworkInForce(fieldworkStarted.ToDateTime(TimeOnly.MinValue), family, out framework);
#endif

    /// <summary>The framework's JSON, to edit and load back with <see cref="ReadFramework"/>: the bytes it was read from.</summary>
    /// <param name="id">The framework id.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="KeyNotFoundException">No such framework.</exception>
    /// <exception cref="InvalidOperationException">The framework was built in memory (e.g. by <see cref="Framework.WithResetThreshold"/>) and has no source JSON.</exception>
    public ReadOnlyMemory<byte> GetJson(string id)
    {
        var framework = this.GetFramework(id);
        return framework.SourceJson ?? throw new InvalidOperationException($"{framework} was changed in memory and has no source JSON to export");
    }

    internal string KnownIds => string.Join(", ", this.frameworks.Select(f => f.Id));

    // The frameworks of other families in force on a date, for the message when none of the default family is (R1).
    internal string InForceElsewhere(DateTime date) =>
        string.Join(", ", this.frameworks.Where(f => f.Family != DefaultFamily && f.IsInForceOn(date)).Select(f => f.Id));

    private static FrameworkCatalog LoadEmbedded()
    {
        var assembly = typeof(FrameworkCatalog).Assembly;
        var builder = ImmutableArray.CreateBuilder<Framework>();
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var resource in names)
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            builder.Add(FrameworkReader.Read(stream, "embedded:" + resource.Substring(ResourcePrefix.Length)));
        }

        // In id order (ordinal), whatever the resource names sort to.
        builder.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
        return new FrameworkCatalog(builder.ToImmutable());
    }
}
