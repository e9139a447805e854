using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests.Support;

/// <summary>Variants of the default framework that the rules allow a framework file to declare.</summary>
internal static class FrameworkVariants
{
    /// <summary>The default framework with P2.1.3 and P2.4.2 declared not to apply to adjusted cases (R9), indexes 2 and 10.</summary>
    public static Framework WithAdjustedExclusions { get; } = LoadWithExclusions();

    public static readonly int[] ExcludedWhenAdjusted = { 2, 10 };

    private static Framework LoadWithExclusions()
    {
        var json = FrameworkJson.DefaultCopy();
        var reset = json["reset"]!.AsObject();
        reset["notApplicableWhenAdjusted"] = new System.Text.Json.Nodes.JsonArray("P2.1.3", "P2.4.2");
        json["versionId"] = "with-exclusions";
        var framework = FrameworkJson.Read(json, "probation-pdu-2023-with-exclusions.json");
        framework.Reset.NotApplicableWhenAdjusted.ShouldBe(new[] { "P2.1.3", "P2.4.2" });
        return framework;
    }
}
