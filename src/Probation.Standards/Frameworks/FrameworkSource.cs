using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Probation.Standards.Frameworks;

/// <summary>
/// The JSON the embedded frameworks are read from, exactly as embedded: to export a framework, edit it and
/// load it back with <see cref="FrameworkCatalog.ReadFramework"/> (R1).
/// </summary>
public static class FrameworkSource
{
    private const string Prefix = "Probation.Standards.Frameworks.";

    // Framework id -> manifest resource name, found once by reading each resource's top-level "id".
    private static readonly Lazy<Dictionary<string, string>> ResourceById = new(FindResources);

    /// <summary>Opens the embedded JSON of a framework: the bytes <see cref="FrameworkCatalog.Default"/> read it from.</summary>
    /// <param name="frameworkId">The framework id, e.g. <c>probation-pdu-2023</c>.</param>
    /// <returns>A read-only stream the caller disposes, or <see langword="null"/> when no embedded framework has the id.</returns>
    public static Stream? OpenEmbedded(string frameworkId)
    {
        if (frameworkId is null)
        {
            throw new ArgumentNullException(nameof(frameworkId));
        }

        return ResourceById.Value.TryGetValue(frameworkId, out var resource)
            ? typeof(FrameworkSource).Assembly.GetManifestResourceStream(resource)
            : null;
    }

    private static Dictionary<string, string> FindResources()
    {
        var assembly = typeof(FrameworkSource).Assembly;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var resource in names)
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (TopLevelId(buffer.ToArray()) is { } id && !found.ContainsKey(id))
            {
                found.Add(id, resource); // the same first-wins order as FrameworkCatalog's sorted load
            }
        }

        return found;
    }

    private static string? TopLevelId(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var isId = reader.ValueTextEquals("id");
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }

        return null;
    }
}
