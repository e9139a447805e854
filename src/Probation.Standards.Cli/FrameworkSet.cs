using System;
using System.Collections.Generic;
using System.IO;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Cli;

/// <summary>
/// The frameworks a command works with: the embedded ones and those loaded with <c>--framework-file</c>, in
/// order. A file whose framework has the id of one already known replaces it (it shadows an embedded
/// framework of that id), so an exported framework, edited or not, loads back without renaming it.
/// </summary>
internal sealed class FrameworkSet
{
    private readonly Dictionary<string, (string File, byte[] Json)> loaded;

    private FrameworkSet(FrameworkCatalog catalog, Dictionary<string, (string File, byte[] Json)> loaded)
    {
        this.Catalog = catalog;
        this.loaded = loaded;
    }

    /// <summary>The catalog documents are read against.</summary>
    public FrameworkCatalog Catalog { get; }

    /// <summary>Reads every framework file; the first that cannot be read or is invalid is the problem, on one line.</summary>
    public static bool TryLoad(IReadOnlyList<string> files, out FrameworkSet? set, out string? problem)
    {
        set = null;
        problem = null;
        var catalog = FrameworkCatalog.Default;
        var loaded = new Dictionary<string, (string File, byte[] Json)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = InputFile.DisplayName(file);
            if (!InputFile.TryOpen(file, "a framework file", out var stream, out problem))
            {
                return false;
            }

            try
            {
                byte[] json;
                using (stream)
                {
                    using var buffer = new MemoryStream();
                    stream!.CopyTo(buffer);
                    json = buffer.ToArray();
                }

                var framework = FrameworkCatalog.ReadFramework(new MemoryStream(json, writable: false), name);
                catalog = catalog.With(framework);
                loaded[framework.Id] = (name, json);
            }
            catch (InvalidInputException ex)
            {
                problem = Text.OneLine(ex.Message);
                return false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"{name}: {InputFile.Describe(ex, file)}";
                return false;
            }
        }

        set = new FrameworkSet(catalog, loaded);
        return true;
    }

    /// <summary>The framework file <paramref name="framework"/> was loaded from, or <see langword="null"/> when it is embedded.</summary>
    public string? FileOf(Framework framework) => this.loaded.TryGetValue(framework.Id, out var file) ? file.File : null;

    /// <summary>Whether a framework file replaced an embedded framework of the same id.</summary>
    public bool ShadowsEmbedded(Framework framework) =>
        this.loaded.ContainsKey(framework.Id) && FrameworkCatalog.Default.TryGetFramework(framework.Id, out _);

    /// <summary>The JSON a framework was read from: the file's bytes, or exactly the embedded resource's.</summary>
    public byte[] SourceJson(Framework framework)
    {
        if (this.loaded.TryGetValue(framework.Id, out var file))
        {
            return file.Json;
        }

        return this.Catalog.GetJson(framework.Id).ToArray();
    }

    /// <summary>Finds a framework by id; when none has it, the problem names the id and the known ones.</summary>
    public Framework? Find(string id, out string? problem)
    {
        this.Catalog.TryGetFramework(id, out var framework);
        problem = framework is null
            ? $"no framework '{Text.OneLine(id)}' (known: {string.Join(", ", KnownIds(this.Catalog))})"
            : null;
        return framework;
    }

    private static IEnumerable<string> KnownIds(FrameworkCatalog catalog)
    {
        foreach (var framework in catalog.Frameworks)
        {
            yield return Text.OneLine(framework.Id);
        }
    }
}
