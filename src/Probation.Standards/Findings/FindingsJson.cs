using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Probation.Standards.Findings;

#pragma warning disable CA1812, SA1402 // instantiated by the source-generated serializer

/// <summary>The <c>expected</c> block as written; unknown fields are ignored (verify checks only what is given).</summary>
internal sealed class ExpectedDto
{
    public Dictionary<string, JsonElement>? Standards { get; set; }

    public int? Score { get; set; }

    public int? MaxScore { get; set; }

    public string? Overall { get; set; }

    public long? CasesInspected { get; set; }

    public long? ResetCases { get; set; }

    public long? AdjustedCases { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 64)]
[JsonSerializable(typeof(ExpectedDto))]
internal sealed partial class FindingsJsonContext : JsonSerializerContext
{
}
