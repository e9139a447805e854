using System.Text.Json.Nodes;

namespace Probation.Standards.Extensions.Tests;

/// <summary>The seeds and framework files the tests read, and temporary files they write.</summary>
internal static class Files
{
    public static string Seed(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds", name);

    public static string EmbeddedFrameworkJson =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "frameworks", "probation-pdu-2023.json"));

    /// <summary>A fresh folder under the system temp folder, removed by the caller.</summary>
    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes a copy of the embedded framework with another id and version, changed by <paramref name="change"/>.</summary>
    public static string WriteFramework(string folder, string fileName, string id, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(EmbeddedFrameworkJson)!.AsObject();
        json["id"] = id;
        json["versionId"] = "test.1";
        change?.Invoke(json);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
