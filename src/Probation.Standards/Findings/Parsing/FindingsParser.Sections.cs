using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text.Json;
using Probation.Standards.Internal;
using Probation.Standards.Scoring;

namespace Probation.Standards.Findings.Parsing;

/// <summary>The top-level sections keyed by id: organisational, keyQuestions, overrides.</summary>
internal sealed partial class FindingsParser
{
    private const string RatingList = "Outstanding, Good, RequiresImprovement, Inadequate, NotRated";
    private const string FinalRatingList = "Outstanding, Good, RequiresImprovement, Inadequate";

    private void ReadOrganisational(ref Utf8JsonReader reader, Place at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        this.header.OrganisationalGiven = true;
        if (!this.ExpectObject(ref reader, at, "organisational must be an object mapping standard ids to ratings"))
        {
            this.header.BadFields.Add("organisational");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var id, out var place))
        {
            if (reader.TokenType == JsonTokenType.String && RatingText.TryParseRating(reader.GetString(), out var rating))
            {
                this.header.Organisational.Add(new RawEntry<Rating>(id, rating, place));
                continue;
            }

            this.Report(place, ProblemCode.InvalidRating, $"rating {this.Quote(ref reader)} is not one of {RatingList}");
            this.header.BadFields.Add("organisational:" + id);
            SkipValue(ref reader);
        }
    }

    private void ReadKeyQuestions(ref Utf8JsonReader reader, Place at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (!this.ExpectObject(ref reader, at, "keyQuestions must be an object mapping key-question ids to results"))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var id, out var place))
        {
            RawResult? result = reader.TokenType switch
            {
                JsonTokenType.Number => this.ReadPercentage(ref reader, place),
                JsonTokenType.StartObject => this.ReadCounts(ref reader, place),
                _ => null,
            };
            if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.EndObject))
            {
                this.Report(place, ProblemCode.WrongType, $"{this.Quote(ref reader)} is not a number: give a published percentage from 0 to 100, or {{\"yes\": n, \"relevant\": m}}");
                SkipValue(ref reader);
            }

            // A bad result still counts as given, so no second problem says the key question is missing.
            this.header.KeyQuestions.Add(new RawEntry<RawResult>(id, result ?? default, place));
            if (result is null)
            {
                this.header.BadFields.Add("keyQuestions:" + id);
            }
        }
    }

    // R3: a published percentage is taken as exact. The number's text is read digit by digit (never through
    // a binary or decimal type that could round): p = digits / 10^scale, kept as it is.
    private RawResult? ReadPercentage(ref Utf8JsonReader reader, Place place)
    {
        var text = this.NumberText(ref reader, place);
        if (text is null)
        {
            return null;
        }

        if (!ExactNumber.TryParse(text, out var number))
        {
            this.Report(place, ProblemCode.WrongType, $"percentage {text} cannot be read as a number");
            return null;
        }

        if ((number.IsNegative && !number.Digits.IsZero) || number.CompareTo(100) > 0)
        {
            this.Report(place, ProblemCode.PercentageOutOfRange, $"percentage {text} is outside 0-100");
            return null;
        }

        // Within the literal's length and exponent limits every digit counts: the value is kept exactly.
        return new RawResult(number.ToPercentageTally(), number);
    }

    private RawResult? ReadCounts(ref Utf8JsonReader reader, Place at)
    {
        long? yes = null;
        long? relevant = null;
        var bad = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var name, out var place))
        {
            switch (name)
            {
                case "yes":
                    yes = this.Count(ref reader, place);
                    bad |= yes is null;
                    break;
                case "relevant":
                    relevant = this.Count(ref reader, place);
                    bad |= relevant is null;
                    break;
                default:
                    this.Report(place, ProblemCode.UnknownField, $"unknown field {Quoting.Quote(name)} (counts have yes and relevant)");
                    SkipValue(ref reader);
                    bad = true;
                    break;
            }
        }

        if (!seen.Contains("yes"))
        {
            this.Report(new Place(JsonPathText.Property(at.Path, "yes"), at.Line, at.Column), ProblemCode.MissingField, "yes is required with relevant");
            bad = true;
        }

        if (!seen.Contains("relevant"))
        {
            this.Report(new Place(JsonPathText.Property(at.Path, "relevant"), at.Line, at.Column), ProblemCode.MissingField, "relevant is required with yes");
            bad = true;
        }

        if (bad || yes is null || relevant is null)
        {
            return null;
        }

        if (yes > relevant)
        {
            this.Report(at, ProblemCode.YesAboveRelevant, $"yes {yes} is more than relevant {relevant}");
            return null;
        }

        return new RawResult(new KeyQuestionTally(yes.Value, relevant.Value), null);
    }

    private void ReadOverrides(ref Utf8JsonReader reader, Place at)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (!this.ExpectObject(ref reader, at, "overrides must be an object mapping standard ids to {\"rating\", \"reason\"}"))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at.Path, seen, out var id, out var entry))
        {
            if (!this.ExpectObject(ref reader, entry, "an override must be an object with rating and reason"))
            {
                continue;
            }

            Rating? rating = null;
            string? reason = null;
            var bad = false;
            var fields = new HashSet<string>(StringComparer.Ordinal);
            while (this.NextField(ref reader, entry.Path, fields, out var name, out var place))
            {
                switch (name)
                {
                    case "rating":
                        if (reader.TokenType == JsonTokenType.String && RatingText.TryParseRating(reader.GetString(), out var parsed) && parsed != Rating.NotRated)
                        {
                            rating = parsed;
                        }
                        else
                        {
                            this.Report(place, ProblemCode.InvalidRating, $"rating {this.Quote(ref reader)} is not one of {FinalRatingList}");
                            SkipValue(ref reader);
                            bad = true;
                        }

                        break;
                    case "reason":
                        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && text.Trim().Length > 0)
                        {
                            reason = text.Trim();
                        }
                        else
                        {
                            this.Report(place, ProblemCode.OverrideWithoutReason, $"an override of {Quoting.Quote(id)} needs a reason that is not empty (R7)");
                            SkipValue(ref reader);
                            bad = true;
                        }

                        break;
                    default:
                        this.Report(place, ProblemCode.UnknownField, $"unknown field {Quoting.Quote(name)} (an override has rating and reason)");
                        SkipValue(ref reader);
                        bad = true;
                        break;
                }
            }

            if (!fields.Contains("rating"))
            {
                this.Report(new Place(JsonPathText.Property(entry.Path, "rating"), entry.Line, entry.Column), ProblemCode.MissingField, $"an override of {Quoting.Quote(id)} needs a rating");
                bad = true;
            }

            if (!fields.Contains("reason"))
            {
                this.Report(new Place(JsonPathText.Property(entry.Path, "reason"), entry.Line, entry.Column), ProblemCode.OverrideWithoutReason, $"an override of {Quoting.Quote(id)} needs a reason (R7)");
                bad = true;
            }

            if (!bad && rating is not null && reason is not null)
            {
                this.header.Overrides.Add(new RawEntry<(Rating, string)>(id, (rating.Value, reason), entry));
            }
        }
    }
}
