using System.IO;
using System.Text;

namespace Probation.Standards.Data.Tests.Support;

/// <summary>Frameworks with other Reset rules than the default's, written as framework JSON.</summary>
public static class TestFrameworks
{
    /// <summary>
    /// The default framework's data with an adjusted set under which P2.1.1 and P2.3.2 do not apply, only the
    /// Mappa and ChildProtection exemptions, and a 30-day threshold.
    /// </summary>
    public static Framework Variant { get; } = Read(json => json
        .Replace("\"notApplicableWhenAdjusted\": []", "\"notApplicableWhenAdjusted\": [\"P2.1.1\", \"P2.3.2\"]")
        .Replace("\"adjustedWithinDays\": 56", "\"adjustedWithinDays\": 30")
        .Replace("      \"NationalSecurityDivision\",\n      \"VeryHighRiskOfSeriousHarm\",\n", string.Empty)
        .Replace(",\n      \"IntensiveSupervisionCourt\"", string.Empty));

    private static Framework Read(Func<string, string> change)
    {
        var assembly = typeof(Framework).Assembly;
        using var stream = assembly.GetManifestResourceStream("Probation.Standards.Frameworks.probation-pdu-2023.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd().Replace("\r\n", "\n");
        var changed = change(json);
        changed.ShouldNotBe(json);
        return FrameworkCatalog.ReadFramework(new MemoryStream(Encoding.UTF8.GetBytes(changed)), "variant.json");
    }
}
