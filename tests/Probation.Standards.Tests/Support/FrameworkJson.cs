using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests.Support;

/// <summary>The embedded framework JSON as an editable copy, for building small variants in tests (R1).</summary>
internal static class FrameworkJson
{
    private const string Resource = "Probation.Standards.Frameworks.probation-pdu-2023.json";

    public static JsonObject DefaultCopy()
    {
        using var stream = typeof(FrameworkCatalog).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} not found");
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static Framework Read(JsonNode framework, string name = "test-framework.json")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(framework.ToJsonString()));
        return FrameworkCatalog.ReadFramework(stream, name);
    }

    public static InvalidInputException Rejects(JsonNode framework) =>
        Should.Throw<InvalidInputException>(() => Read(framework));

    /// <summary>A copy of the default framework under another id, effective from <paramref name="from"/>, still in force.</summary>
    public static JsonObject Renamed(string id, string from)
    {
        var json = DefaultCopy();
        json["id"] = id;
        json["effectiveFrom"] = from;
        json.Remove("effectiveTo");
        return json;
    }
}
