using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Probation.Standards.Reset;
using Probation.Standards.Internal;

namespace Probation.Standards.Frameworks;

/// <summary>
/// Reads and validates a framework file (R1): unique ids, a band table that covers 0-100 with no
/// gap or overlap, overall tables that cover 0..max, points for every rating, a source on every
/// standard, key question and threshold.
/// </summary>
internal static class FrameworkReader
{
    public static Framework Read(Stream stream, string file)
    {
        // Framework files are small: read whole, so the bytes can be exported again as given.
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var valid = Findings.Parsing.Utf8Check.ValidPrefix(bytes, out var badByte);
        if (valid < bytes.Length)
        {
            throw InvalidInputException.Of(NotUtf8(file, bytes, valid, badByte));
        }

        FrameworkDto? dto;
        try
        {
            // A byte-order mark is allowed (editors add it) and skipped; the JSON reader itself does not skip it.
            var text = bytes.AsSpan();
            if (text.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF)
            {
                text = text.Slice(3);
            }

            dto = JsonSerializer.Deserialize(text, FrameworkJsonContext.Default.FrameworkDto);
        }
        catch (JsonException ex)
        {
            throw InvalidInputException.Of(new InputProblem(
                ProblemCode.InvalidFramework,
                file,
                ex.Path ?? JsonPathText.Root,
                SyntaxProblem(ex),
                (ex.LineNumber ?? 0) + 1,
                (ex.BytePositionInLine ?? 0) + 1));
        }

        if (dto is null)
        {
            throw InvalidInputException.Of(new InputProblem(ProblemCode.InvalidFramework, file, JsonPathText.Root, "a framework must be a JSON object, not null"));
        }

        return new Builder(file, bytes).Build(dto);
    }

    // The first byte that is not UTF-8, by line and column (columns count bytes, as the JSON reader's do).
    private static InputProblem NotUtf8(string file, byte[] bytes, int at, bool badByte)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < at; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = at - lineStart + 1;
        var shown = badByte ? $"byte 0x{bytes[at]:X2}" : "a character cut short at the end";
        return new InputProblem(ProblemCode.NotUtf8, file, JsonPathText.Root, $"the framework file is not UTF-8: {shown} at line {line}, column {column} (save it as UTF-8)", line, column);
    }

    private static string SyntaxProblem(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    private sealed class Builder
    {
        private readonly string file;
        private readonly byte[] json;

        public Builder(string file, byte[] json)
        {
            this.file = file;
            this.json = json;
        }

        public Framework Build(FrameworkDto dto)
        {
            const string root = JsonPathText.Root;
            var id = this.Required(dto.Id, JsonPathText.Property(root, "id"));
            var versionId = this.Required(dto.VersionId, JsonPathText.Property(root, "versionId"));
            var name = this.Required(dto.Name, JsonPathText.Property(root, "name"));
            var family = dto.Family is null ? FrameworkCatalog.DefaultFamily : this.Required(dto.Family, JsonPathText.Property(root, "family"));
            var from = this.Date(dto.EffectiveFrom, JsonPathText.Property(root, "effectiveFrom"));
            DateTime? to = dto.EffectiveTo is null ? null : this.Date(dto.EffectiveTo, JsonPathText.Property(root, "effectiveTo"));
            if (to < from)
            {
                this.Fail(JsonPathText.Property(root, "effectiveTo"), "effectiveTo is before effectiveFrom");
            }

            var source = this.Source(dto.Source, JsonPathText.Property(root, "source"));
            var standards = this.Standards(dto.Standards, JsonPathText.Property(root, "standards"));
            var bands = this.Bands(dto.Bands, JsonPathText.Property(root, "bands"));
            var points = this.Points(dto.Points, JsonPathText.Property(root, "points"));
            var overall = this.OverallTables(dto.OverallBands, JsonPathText.Property(root, "overallBands"));
            var framework = new Framework(id, versionId, name, family, from, to, source, standards, bands, points, overall, this.Reset(dto.Reset, standards), this.json);
            return framework;
        }

        private EquatableArray<StandardDefinition> Standards(List<StandardDto>? list, string path)
        {
            if (list is null || list.Count == 0)
            {
                this.Fail(path, "a framework needs at least one standard");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<StandardDefinition>();
            var questionIndex = 0;
            var counting = 0;
            for (var i = 0; i < list!.Count; i++)
            {
                var at = JsonPathText.Index(path, i);
                var dto = list[i] ?? throw this.Error(at, "a standard must be an object");
                var id = this.Required(dto.Id, JsonPathText.Property(at, "id"));
                if (!ids.Add(id))
                {
                    this.Fail(JsonPathText.Property(at, "id"), $"duplicate id '{id}'");
                }

                var ratedByPath = JsonPathText.Property(at, "ratedBy");
                if (!Names.TryParseEnum<RatedBy>(this.Required(dto.RatedBy, ratedByPath), out var ratedBy))
                {
                    this.Fail(ratedByPath, $"ratedBy '{dto.RatedBy}' is not judgement or caseSample");
                }

                var questions = ImmutableArray.CreateBuilder<KeyQuestionDefinition>();
                var questionsPath = JsonPathText.Property(at, "keyQuestions");
                if (ratedBy == RatedBy.Judgement && dto.KeyQuestions is { Count: > 0 })
                {
                    this.Fail(questionsPath, "a judgement-rated standard has no key questions");
                }

                if (ratedBy == RatedBy.CaseSample && (dto.KeyQuestions is null || dto.KeyQuestions.Count == 0))
                {
                    this.Fail(questionsPath, "a case-rated standard needs at least one key question");
                }

                for (var q = 0; q < (dto.KeyQuestions?.Count ?? 0); q++)
                {
                    var qat = JsonPathText.Index(questionsPath, q);
                    var qdto = dto.KeyQuestions![q] ?? throw this.Error(qat, "a key question must be an object");
                    var qid = this.Required(qdto.Id, JsonPathText.Property(qat, "id"));
                    if (!ids.Add(qid))
                    {
                        this.Fail(JsonPathText.Property(qat, "id"), $"duplicate id '{qid}'");
                    }

                    // Wording and lens are display data: absent when no source gives them, never invented; present means not empty.
                    questions.Add(new KeyQuestionDefinition(
                        qid,
                        this.Optional(qdto.Text, JsonPathText.Property(qat, "text")),
                        this.Optional(qdto.Lens, JsonPathText.Property(qat, "lens")),
                        questionIndex++,
                        this.Source(qdto.Source, JsonPathText.Property(qat, "source")),
                        id));
                }

                result.Add(new StandardDefinition(
                    id,
                    this.Required(dto.Name, JsonPathText.Property(at, "name")),
                    this.Required(dto.Domain, JsonPathText.Property(at, "domain")),
                    ratedBy,
                    questions.ToImmutable(),
                    this.Source(dto.Source, JsonPathText.Property(at, "source")),
                    dto.CountsTowardsScore ?? true));
                counting += dto.CountsTowardsScore == false ? 0 : 1;
            }

            // R8: the score adds the counting standards; a framework none of whose standards counts has no score.
            if (counting == 0)
            {
                this.Fail(path, "at least one standard must count towards the score (countsTowardsScore)");
            }

            if (questionIndex > 64)
            {
                this.Fail(path, $"a framework has at most 64 key questions, not {questionIndex}");
            }

            return result.ToImmutable();
        }

        // R4: the bands must partition 0..100 exactly, rising in merit.
        private EquatableArray<RatingBand> Bands(List<BandDto>? list, string path)
        {
            if (list is null || list.Count == 0)
            {
                this.Fail(path, "a framework needs a band table");
            }

            var result = ImmutableArray.CreateBuilder<RatingBand>();
            var expectedFrom = 0;
            var previous = global::Probation.Standards.Rating.NotRated;
            for (var i = 0; i < list!.Count; i++)
            {
                var at = JsonPathText.Index(path, i);
                var dto = list[i] ?? throw this.Error(at, "a band must be an object");
                var rating = this.Rating(dto.Rating, JsonPathText.Property(at, "rating"));
                if (rating <= previous)
                {
                    this.Fail(JsonPathText.Property(at, "rating"), "bands must be listed lowest first, each rating once");
                }

                var from = dto.FromPercent ?? throw this.Error(JsonPathText.Property(at, "fromPercent"), "fromPercent is required");
                var to = dto.ToPercent ?? throw this.Error(JsonPathText.Property(at, "toPercent"), "toPercent is required");
                if (from != expectedFrom)
                {
                    this.Fail(
                        JsonPathText.Property(at, "fromPercent"),
                        from > expectedFrom ? $"gap: no band covers {expectedFrom} up to {from}" : $"overlap: {from} is already covered by the band below");
                }

                if (to <= from || to > 100)
                {
                    this.Fail(JsonPathText.Property(at, "toPercent"), $"toPercent {to} must be above fromPercent {from} and at most 100");
                }

                result.Add(new RatingBand(
                    rating,
                    this.Required(dto.Descriptor, JsonPathText.Property(at, "descriptor")),
                    from,
                    to,
                    this.Source(dto.Source, JsonPathText.Property(at, "source"))));
                expectedFrom = to;
                previous = rating;
            }

            if (expectedFrom != 100)
            {
                this.Fail(path, $"gap: no band covers {expectedFrom} up to 100");
            }

            return result.ToImmutable();
        }

        private EquatableArray<RatingPoints> Points(List<PointsDto>? list, string path)
        {
            var seen = new HashSet<global::Probation.Standards.Rating>();
            var result = ImmutableArray.CreateBuilder<RatingPoints>();
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                var at = JsonPathText.Index(path, i);
                var dto = list![i] ?? throw this.Error(at, "points must be an object");
                var rating = this.Rating(dto.Rating, JsonPathText.Property(at, "rating"));
                if (!seen.Add(rating))
                {
                    this.Fail(JsonPathText.Property(at, "rating"), $"points for {rating} are given twice");
                }

                var points = dto.Points ?? throw this.Error(JsonPathText.Property(at, "points"), "points is required");
                if (points < 0)
                {
                    this.Fail(JsonPathText.Property(at, "points"), $"points {points} is negative");
                }

                result.Add(new RatingPoints(rating, points, this.Source(dto.Source, JsonPathText.Property(at, "source"))));
            }

            foreach (var rating in new[] { global::Probation.Standards.Rating.Inadequate, global::Probation.Standards.Rating.RequiresImprovement, global::Probation.Standards.Rating.Good, global::Probation.Standards.Rating.Outstanding })
            {
                if (!seen.Contains(rating))
                {
                    this.Fail(path, $"no points are given for {rating}");
                }
            }

            return result.ToImmutable();
        }

        // R8: each overall table covers 0..maxScore with no gap or overlap.
        private EquatableArray<OverallBandTable> OverallTables(List<OverallTableDto>? list, string path)
        {
            if (list is null || list.Count == 0)
            {
                this.Fail(path, "a framework needs at least one overall-rating table");
            }

            var seen = new HashSet<int>();
            var result = ImmutableArray.CreateBuilder<OverallBandTable>();
            for (var i = 0; i < list!.Count; i++)
            {
                var at = JsonPathText.Index(path, i);
                var dto = list[i] ?? throw this.Error(at, "an overall table must be an object");
                var max = dto.MaxScore ?? throw this.Error(JsonPathText.Property(at, "maxScore"), "maxScore is required");
                if (max <= 0 || !seen.Add(max))
                {
                    this.Fail(JsonPathText.Property(at, "maxScore"), $"maxScore {max} must be positive and appear once");
                }

                var bandsPath = JsonPathText.Property(at, "bands");
                var bands = ImmutableArray.CreateBuilder<OverallBand>();
                var expectedFrom = 0;
                var previous = global::Probation.Standards.Rating.NotRated;
                for (var b = 0; b < (dto.Bands?.Count ?? 0); b++)
                {
                    var bat = JsonPathText.Index(bandsPath, b);
                    var band = dto.Bands![b] ?? throw this.Error(bat, "a band must be an object");
                    var rating = this.Rating(band.Rating, JsonPathText.Property(bat, "rating"));
                    if (rating <= previous)
                    {
                        this.Fail(JsonPathText.Property(bat, "rating"), "bands must be listed lowest first, each rating once");
                    }

                    var from = band.FromScore ?? throw this.Error(JsonPathText.Property(bat, "fromScore"), "fromScore is required");
                    var to = band.ToScore ?? throw this.Error(JsonPathText.Property(bat, "toScore"), "toScore is required");
                    if (from != expectedFrom)
                    {
                        this.Fail(
                            JsonPathText.Property(bat, "fromScore"),
                            from > expectedFrom ? $"gap: no band covers score {expectedFrom}" : $"overlap: score {from} is already covered");
                    }

                    if (to < from || to > max)
                    {
                        this.Fail(JsonPathText.Property(bat, "toScore"), $"toScore {to} must be from fromScore {from} to maxScore {max}");
                    }

                    bands.Add(new OverallBand(rating, from, to));
                    expectedFrom = to + 1;
                    previous = rating;
                }

                if (expectedFrom != max + 1)
                {
                    this.Fail(bandsPath, $"gap: no band covers score {expectedFrom} to {max}");
                }

                result.Add(new OverallBandTable(max, bands.ToImmutable(), this.Source(dto.Source, JsonPathText.Property(at, "source"))));
            }

            return result.ToImmutable();
        }

        private ResetRules Reset(ResetDto? dto, EquatableArray<StandardDefinition> standards)
        {
            var path = JsonPathText.Property(JsonPathText.Root, "reset");
            if (dto is null)
            {
                throw this.Error(path, "a framework needs its Probation Reset rules (reset)");
            }

            var from = this.Date(dto.EffectiveFrom, JsonPathText.Property(path, "effectiveFrom"));
            var days = dto.AdjustedWithinDays ?? throw this.Error(JsonPathText.Property(path, "adjustedWithinDays"), "adjustedWithinDays is required");
            if (days < 0)
            {
                this.Fail(JsonPathText.Property(path, "adjustedWithinDays"), $"adjustedWithinDays {days} is negative");
            }

            var exemptions = ImmutableArray.CreateBuilder<Exemption>();
            for (var i = 0; i < (dto.Exemptions?.Count ?? 0); i++)
            {
                var at = JsonPathText.Index(JsonPathText.Property(path, "exemptions"), i);
                if (!Names.TryParseEnum<Exemption>(dto.Exemptions![i], out var exemption))
                {
                    this.Fail(at, $"unknown exemption '{dto.Exemptions[i]}'");
                }

                exemptions.Add(exemption);
            }

            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var standard in standards)
            {
                foreach (var question in standard.KeyQuestions)
                {
                    known.Add(question.Id);
                }
            }

            var notApplicable = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < (dto.NotApplicableWhenAdjusted?.Count ?? 0); i++)
            {
                var at = JsonPathText.Index(JsonPathText.Property(path, "notApplicableWhenAdjusted"), i);
                var id = dto.NotApplicableWhenAdjusted![i];
                if (id is null || !known.Contains(id))
                {
                    this.Fail(at, $"unknown key question '{id}'");
                }

                notApplicable.Add(id!);
            }

            return new ResetRules(from, days, exemptions.ToImmutable(), notApplicable.ToImmutable(), this.Source(dto.Source, JsonPathText.Property(path, "source")));
        }

        private SourceReference Source(SourceDto? dto, string path)
        {
            if (dto is null)
            {
                throw this.Error(path, "every standard, key question, threshold and table needs a source");
            }

            return new SourceReference(
                this.Required(dto.Document, JsonPathText.Property(path, "document")),
                this.Required(dto.Locator, JsonPathText.Property(path, "locator")),
                this.Required(dto.Status, JsonPathText.Property(path, "status")));
        }

        private global::Probation.Standards.Rating Rating(string? text, string path)
        {
            if (!RatingText.TryParseRating(this.Required(text, path), out var rating) || rating == global::Probation.Standards.Rating.NotRated)
            {
                this.Fail(path, $"'{text}' is not one of Inadequate, RequiresImprovement, Good, Outstanding");
            }

            return rating;
        }

        private DateTime Date(string? text, string path)
        {
            if (!DateText.TryParse(this.Required(text, path), out var date))
            {
                this.Fail(path, $"'{text}' is not an ISO date (yyyy-mm-dd)");
            }

            return date;
        }

        private string Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                this.Fail(path, "is required and must not be empty");
            }

            return value!;
        }

        private string? Optional(string? value, string path)
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                this.Fail(path, "must not be empty when given; leave it out when it is not known");
            }

            return value;
        }

        private InvalidInputException Error(string path, string problem) =>
            InvalidInputException.Of(new InputProblem(ProblemCode.InvalidFramework, this.file, path, problem));

        private void Fail(string path, string problem) => throw this.Error(path, problem);
    }
}
