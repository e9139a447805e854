using System;
using System.Collections.Generic;
using System.Text.Json;
using Probation.Standards.Internal;
using Probation.Standards.Verification;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// The <c>expected</c> block, read by the same rules as the rest of the document: duplicate and unknown
/// fields are problems at every depth, and every value has its type checked.
/// </summary>
internal sealed partial class FindingsParser
{
    private const string ExpectedFields = "standards, score, maxScore, overall, casesInspected, resetCases, adjustedCases";
    private const string ExpectedStandardFields = "rating, computedRating, drivenBy, points";

    private RawExpected? ReadExpected(ref Utf8JsonReader reader, Place at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (!this.ExpectObject(ref reader, at, "expected must be an object"))
        {
            return null;
        }

        var expected = new RawExpected();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var name, out var place))
        {
            switch (name)
            {
                case "standards":
                    this.ReadExpectedStandards(ref reader, place, expected);
                    break;
                case "score":
                    expected.Score = this.ExpectedInt(ref reader, place);
                    break;
                case "maxScore":
                    expected.MaxScore = this.ExpectedInt(ref reader, place);
                    break;
                case "overall":
                    expected.Overall = this.ExpectedRating(ref reader, place);
                    break;
                case "casesInspected":
                    expected.CasesInspected = this.ExpectedCount(ref reader, place);
                    break;
                case "resetCases":
                    expected.ResetCases = this.ExpectedCount(ref reader, place);
                    break;
                case "adjustedCases":
                    expected.AdjustedCases = this.ExpectedCount(ref reader, place);
                    break;
                default:
                    this.Report(place, ProblemCode.UnknownField, $"unknown field {Quoting.Quote(name)} in expected (it has {ExpectedFields})");
                    SkipValue(ref reader);
                    break;
            }
        }

        return expected;
    }

    private void ReadExpectedStandards(ref Utf8JsonReader reader, Place at, RawExpected expected)
    {
        if (!this.ExpectObject(ref reader, at, "expected.standards must be an object mapping standard ids to ratings"))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var id, out var place))
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (this.ExpectedRating(ref reader, place) is { } rating)
                {
                    expected.Standards.Add(new RawEntry<ExpectedStandard>(id, new ExpectedStandard(id, rating), place));
                }

                continue;
            }

            if (!this.ExpectObject(ref reader, place, "an expected standard is a rating or an object with " + ExpectedStandardFields))
            {
                continue;
            }

            Rating? final = null;
            Rating? computed = null;
            var drivenByGiven = false;
            string? drivenBy = null;
            int? points = null;
            var fields = new HashSet<string>(StringComparer.Ordinal);
            while (this.NextField(ref reader, place.Path, fields, out var name, out var fieldPlace))
            {
                switch (name)
                {
                    case "rating":
                        final = this.ExpectedRating(ref reader, fieldPlace);
                        break;
                    case "computedRating":
                        computed = this.ExpectedRating(ref reader, fieldPlace);
                        break;
                    case "drivenBy":
                        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Null)
                        {
                            drivenByGiven = true;
                            drivenBy = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        }
                        else
                        {
                            this.Report(fieldPlace, ProblemCode.InvalidExpected, $"drivenBy must be a key-question id or null, not {Describe(reader.TokenType)}");
                            SkipValue(ref reader);
                        }

                        break;
                    case "points":
                        points = this.ExpectedInt(ref reader, fieldPlace);
                        break;
                    default:
                        this.Report(fieldPlace, ProblemCode.UnknownField, $"unknown field {Quoting.Quote(name)} in an expected standard (it has {ExpectedStandardFields})");
                        SkipValue(ref reader);
                        break;
                }
            }

            expected.Standards.Add(new RawEntry<ExpectedStandard>(id, new ExpectedStandard(id, final, computed, drivenByGiven, drivenBy, points), place));
        }
    }

    private Rating? ExpectedRating(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType == JsonTokenType.String && RatingText.TryParseRating(reader.GetString(), out var rating))
        {
            return rating;
        }

        this.Report(place, ProblemCode.InvalidExpected, $"rating {this.Quote(ref reader)} is not one of {RatingList}");
        SkipValue(ref reader);
        return null;
    }

    private int? ExpectedInt(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= 0)
        {
            return value;
        }

        this.Report(place, ProblemCode.InvalidExpected, $"{this.Quote(ref reader)} is not a whole number from 0");
        SkipValue(ref reader);
        return null;
    }

    private long? ExpectedCount(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value >= 0)
        {
            return value;
        }

        this.Report(place, ProblemCode.InvalidExpected, $"{this.Quote(ref reader)} is not a count (a whole number from 0)");
        SkipValue(ref reader);
        return null;
    }
}
