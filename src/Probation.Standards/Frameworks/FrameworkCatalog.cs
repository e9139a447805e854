using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;

namespace Probation.Standards.Frameworks;

/// <summary>
/// The frameworks a findings document can name (R1): those embedded in this package and any a user
/// loads. Immutable: <see cref="With"/> returns a new catalog.
/// </summary>
public sealed class FrameworkCatalog
{
    /// <summary>The id of the default framework, <c>probation-pdu-2023</c> (R1).</summary>
    public const string DefaultFrameworkId = "probation-pdu-2023";

    private static readonly Lazy<FrameworkCatalog> Embedded = new(LoadEmbedded);

    private readonly ImmutableArray<Framework> frameworks;

    private FrameworkCatalog(ImmutableArray<Framework> frameworks) => this.frameworks = frameworks;

    /// <summary>The frameworks embedded in this package, validated on first use.</summary>
    public static FrameworkCatalog Default => Embedded.Value;

    /// <summary>The default framework, <c>probation-pdu-2023</c>.</summary>
    public static Framework DefaultFramework => Default.Find(DefaultFrameworkId)!;

    /// <summary>The frameworks, in the order added.</summary>
    public IReadOnlyList<Framework> Frameworks => this.frameworks;

    /// <summary>
    /// Reads and validates a framework from JSON (R1): unique ids, bands covering 0-100 with no gap or overlap,
    /// overall tables covering 0..max, a source on every standard, key question and threshold.
    /// </summary>
    /// <param name="json">The framework JSON.</param>
    /// <param name="name">The file or stream name, for error messages.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="InvalidInputException">When the framework breaks a rule.</exception>
    public static Framework ReadFramework(Stream json, string name) =>
        FrameworkReader.Read(json ?? throw new ArgumentNullException(nameof(json)), name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>A catalog holding these frameworks and <paramref name="framework"/>, which replaces one of the same id.</summary>
    /// <param name="framework">The framework to add.</param>
    /// <returns>A new catalog.</returns>
    public FrameworkCatalog With(Framework framework)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var builder = ImmutableArray.CreateBuilder<Framework>();
        foreach (var existing in this.frameworks)
        {
            if (existing.Id != framework.Id)
            {
                builder.Add(existing);
            }
        }

        builder.Add(framework);
        return new FrameworkCatalog(builder.ToImmutable());
    }

    /// <summary>Finds a framework by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The framework, or <see langword="null"/>.</returns>
    public Framework? Find(string id)
    {
        foreach (var framework in this.frameworks)
        {
            if (string.Equals(framework.Id, id, StringComparison.Ordinal))
            {
                return framework;
            }
        }

        return null;
    }

    /// <summary>The framework in force on a fieldwork start date (R1); the latest-starting one when several are.</summary>
    /// <param name="fieldworkStarted">The fieldwork start date.</param>
    /// <returns>The framework, or <see langword="null"/> when none is in force.</returns>
    public Framework? InForceOn(DateTime fieldworkStarted)
    {
        Framework? found = null;
        foreach (var framework in this.frameworks)
        {
            if (framework.IsInForceOn(fieldworkStarted) && (found is null || framework.EffectiveFrom > found.EffectiveFrom))
            {
                found = framework;
            }
        }

        return found;
    }

    private static FrameworkCatalog LoadEmbedded()
    {
        var assembly = typeof(FrameworkCatalog).Assembly;
        var builder = ImmutableArray.CreateBuilder<Framework>();
        const string prefix = "Probation.Standards.Frameworks.";
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var resource in names)
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            builder.Add(FrameworkReader.Read(stream, "embedded:" + resource.Substring(prefix.Length)));
        }

        return new FrameworkCatalog(builder.ToImmutable());
    }
}
