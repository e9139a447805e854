using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Probation.Standards.Frameworks;

// The framework file's shape, read with System.Text.Json source generation (no reflection, so the
// net10.0 build stays trimming- and AOT-safe). FrameworkReader validates these and builds the
// immutable Framework; nothing else sees them.
#pragma warning disable CA1812, SA1402 // instantiated by the source-generated serializer

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class FrameworkDto
{
    public string? Id { get; set; }

    public string? VersionId { get; set; }

    public string? Name { get; set; }

    public string? Family { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public SourceDto? Source { get; set; }

    public List<StandardDto>? Standards { get; set; }

    public List<BandDto>? Bands { get; set; }

    public List<PointsDto>? Points { get; set; }

    public List<OverallTableDto>? OverallBands { get; set; }

    public ResetDto? Reset { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class SourceDto
{
    public string? Document { get; set; }

    public string? Locator { get; set; }

    public string? Status { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StandardDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Domain { get; set; }

    public string? RatedBy { get; set; }

    public bool? CountsTowardsScore { get; set; }

    public SourceDto? Source { get; set; }

    public List<KeyQuestionDto>? KeyQuestions { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class KeyQuestionDto
{
    public string? Id { get; set; }

    public string? Lens { get; set; }

    public string? Text { get; set; }

    public SourceDto? Source { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class BandDto
{
    public string? Rating { get; set; }

    public string? Descriptor { get; set; }

    public int? FromPercent { get; set; }

    public int? ToPercent { get; set; }

    public SourceDto? Source { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class PointsDto
{
    public string? Rating { get; set; }

    public int? Points { get; set; }

    public SourceDto? Source { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class OverallTableDto
{
    public int? MaxScore { get; set; }

    public SourceDto? Source { get; set; }

    public List<OverallBandDto>? Bands { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class OverallBandDto
{
    public string? Rating { get; set; }

    public int? FromScore { get; set; }

    public int? ToScore { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ResetDto
{
    public string? EffectiveFrom { get; set; }

    public int? AdjustedWithinDays { get; set; }

    public List<string>? Exemptions { get; set; }

    public List<string>? NotApplicableWhenAdjusted { get; set; }

    public SourceDto? Source { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(FrameworkDto))]
internal sealed partial class FrameworkJsonContext : JsonSerializerContext
{
}
