using System;
using System.Collections.Generic;
using System.Text.Json;
using Probation.Standards.Internal;
using Probation.Standards.Reset;

namespace Probation.Standards.Findings.Parsing;

/// <summary>The case fast path: cases are the bulk of a large document.</summary>
internal sealed partial class FindingsParser
{
    // The case fields, in the order of their bits in ReadCase's seen-mask.
    private static readonly string[] CaseFields = { "id", "sentence", "start", "suspended", "exemption", "answers", "tags" };

    // After this many cases, a document of known length tells the handler about how many cases it has.
    private const int EstimateAfter = 256;

    // The fewest bytes a case is taken to have for that estimate, so a few small first cases cannot make it huge.
    private const int MinBytesPerCase = 64;

    private long length;        // the document's length in bytes when the stream knows it, else -1
    private long casesStart;    // the absolute offset of the cases array

    private const string SentenceList = "CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision";
    private const string ExemptionList = "Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt";

    // This path builds no JSON path and no string it does not keep: field names are matched as UTF-8,
    // paths are made only for a problem, repeated key-question ids reuse one string, and canonical
    // answers, sentences and dates are read from bytes. A problem marks the case broken and reading goes on.
    private void ReadCase(ref Utf8JsonReader reader, RawCase rawCase)
    {
        var seen = 0;
        for (Advance(ref reader); reader.TokenType == JsonTokenType.PropertyName; Advance(ref reader))
        {
            var field = CaseField(ref reader);
            if (field < 0)
            {
                var unknown = reader.GetString()!;
                this.Report(ref reader, JsonPathText.Property(rawCase.Path, unknown), ProblemCode.UnknownField, $"unknown field {Quoting.Quote(unknown)} in a case (a case has id, sentence, start, suspended, exemption, answers, tags)");
                rawCase.Broken = true;
                Advance(ref reader);
                SkipValue(ref reader);
                continue;
            }

            if ((seen & (1 << field)) != 0)
            {
                this.Report(ref reader, JsonPathText.Property(rawCase.Path, CaseFields[field]), ProblemCode.DuplicateField, $"{Quoting.Quote(CaseFields[field])} is given twice");
                rawCase.Broken = true;
                Advance(ref reader);
                SkipValue(ref reader);
                continue;
            }

            seen |= 1 << field;
            Advance(ref reader);
            switch (field)
            {
                case 0:
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && PlainId(reader.ValueSpan))
                    {
                        rawCase.SetIdUtf8(reader.ValueSpan); // no string until one is needed
                        this.handler.IdRead(reader.ValueSpan);
                    }
                    else if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id && id.Trim().Length > 0)
                    {
                        rawCase.Id = id;
                    }
                    else
                    {
                        var place = this.PlaceOf(ref reader, JsonPathText.Property(rawCase.Path, "id"));
                        rawCase.Id = this.RequiredString(ref reader, place);
                        if (rawCase.Id is null)
                        {
                            rawCase.Broken = true;
                            rawCase.Id = string.Empty;
                            SkipValue(ref reader);
                        }
                    }

                    break;
                case 1:
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        rawCase.Sentence = null;
                    }
                    else if (reader.TokenType == JsonTokenType.String && FastSentence(ref reader) is { } sentence)
                    {
                        rawCase.Sentence = sentence;
                    }
                    else if (!this.OptionalEnum(ref reader, JsonPathText.Property(rawCase.Path, "sentence"), ProblemCode.InvalidSentence, "sentence", SentenceList, out SentenceType? parsed))
                    {
                        rawCase.Broken = true;
                        SkipValue(ref reader);
                    }
                    else
                    {
                        rawCase.Sentence = parsed;
                    }

                    break;
                case 2:
                case 3:
                    DateTime? date;
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        date = null; // no path or place is made unless a problem needs one
                    }
                    else if (reader.TokenType == JsonTokenType.String && FastDate(ref reader) is { } fast)
                    {
                        date = fast;
                    }
                    else if (!this.OptionalDate(ref reader, this.PlaceOf(ref reader, JsonPathText.Property(rawCase.Path, CaseFields[field])), out date))
                    {
                        rawCase.Broken = true;
                        SkipValue(ref reader);
                    }

                    if (field == 2)
                    {
                        rawCase.Start = date;
                    }
                    else
                    {
                        rawCase.Suspended = date;
                    }

                    break;
                case 4:
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        rawCase.Exemption = null;
                    }
                    else if (reader.TokenType == JsonTokenType.String && FastExemption(ref reader) is { } fastExemption)
                    {
                        rawCase.Exemption = fastExemption;
                    }
                    else if (!this.OptionalEnum(ref reader, JsonPathText.Property(rawCase.Path, "exemption"), ProblemCode.InvalidExemption, "exemption", ExemptionList, out Exemption? exemption))
                    {
                        rawCase.Broken = true;
                        SkipValue(ref reader);
                    }
                    else
                    {
                        rawCase.Exemption = exemption;
                    }

                    break;
                case 5:
                    this.ReadAnswers(ref reader, rawCase);
                    break;
                default:
                    this.ReadTags(ref reader, rawCase);
                    break;
            }
        }

        if ((seen & 1) == 0)
        {
            this.problems.Add(rawCase.Place("id").Problem(this.file, ProblemCode.MissingField, "a case needs an id"));
            rawCase.Broken = true;
            rawCase.Id = string.Empty;
        }

        if (rawCase.Suspended is not null && rawCase.Start is null && !rawCase.Broken)
        {
            this.problems.Add(rawCase.Place("start").Problem(this.file, ProblemCode.SuspendedWithoutStart, $"case {Quoting.Quote(rawCase.Id!)} is suspended but has no start date (R9)"));
            rawCase.Broken = true;
        }

        if (rawCase.Suspended < rawCase.Start)
        {
            this.problems.Add(rawCase.Place("suspended").Problem(
                this.file,
                ProblemCode.SuspendedBeforeStart,
                $"suspended {DateText.Format(rawCase.Suspended!.Value)} is before start {DateText.Format(rawCase.Start!.Value)} (R9)"));
            rawCase.Broken = true;
        }
    }

    // Once, after the first cases: they give their size, and the rest of the document is taken to be cases of that size.
    // `at`: the absolute offset of the last case's closing brace.
    private void EstimateCases(long at)
    {
        if (this.caseIndex == EstimateAfter && this.length > 0)
        {
            var perCase = Math.Max(MinBytesPerCase, (at - this.casesStart) / EstimateAfter);
            this.handler.CasesExpected(EstimateAfter + ((this.length - at) / perCase));
        }
    }

    // An id that is certainly not blank after trimming: it starts with a visible ASCII character.
    private static bool PlainId(ReadOnlySpan<byte> id) => id.Length > 0 && id[0] > 0x20 && id[0] < 0x7F;

    // Skips the rest of a bad value. Inside a case the buffer may end mid-value: skipping needs the whole
    // value, or the case is retried after a refill (a top-level field's value is always whole).
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            throw IncompleteDataException.Instance;
        }
    }

    // Field names told apart by length (and a first letter), then confirmed byte for byte.
    private static int CaseField(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("id"u8) ? 0
                : reader.ValueTextEquals("sentence"u8) ? 1
                : reader.ValueTextEquals("start"u8) ? 2
                : reader.ValueTextEquals("suspended"u8) ? 3
                : reader.ValueTextEquals("exemption"u8) ? 4
                : reader.ValueTextEquals("answers"u8) ? 5
                : reader.ValueTextEquals("tags"u8) ? 6
                : -1;
        }

        return FieldOf(reader.ValueSpan);
    }

    // A case field's bit in the seen-mask from its unescaped name, or -1 for a name that is not a case field.
    private static int FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? 0 : -1,
        4 => name.SequenceEqual("tags"u8) ? 6 : -1,
        5 => name.SequenceEqual("start"u8) ? 2 : -1,
        7 => name.SequenceEqual("answers"u8) ? 5 : -1,
        8 => name.SequenceEqual("sentence"u8) ? 1 : -1,
        9 when name[0] == (byte)'s' => name.SequenceEqual("suspended"u8) ? 3 : -1,
        9 => name.SequenceEqual("exemption"u8) ? 4 : -1,
        _ => -1,
    };

    // The canonical spellings, told apart by length (each has its own), then confirmed; null for the slow way.
    private static SentenceType? FastSentence(ref Utf8JsonReader reader) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? null : SentenceOf(reader.ValueSpan);

    private static SentenceType? SentenceOf(ReadOnlySpan<byte> value) => value.Length switch
    {
        14 => value.SequenceEqual("CommunityOrder"u8) ? SentenceType.CommunityOrder : null,
        7 => value.SequenceEqual("Licence"u8) ? SentenceType.Licence : null,
        22 => value.SequenceEqual("SuspendedSentenceOrder"u8) ? SentenceType.SuspendedSentenceOrder : null,
        23 => value.SequenceEqual("PostSentenceSupervision"u8) ? SentenceType.PostSentenceSupervision : null,
        _ => null,
    };

    // The canonical spellings only; any other (a different case, spaces, escapes) goes the slow way, which folds it.
    private static Exemption? FastExemption(ref Utf8JsonReader reader) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? null : ExemptionOf(reader.ValueSpan);

    // The canonical spellings of an unescaped exemption, or null.
    private static Exemption? ExemptionOf(ReadOnlySpan<byte> value) => value.Length switch
    {
        5 => value.SequenceEqual("Mappa"u8) ? Exemption.Mappa : null,
        24 => value.SequenceEqual("NationalSecurityDivision"u8) ? Exemption.NationalSecurityDivision : null,
        25 when value[0] == (byte)'V' => value.SequenceEqual("VeryHighRiskOfSeriousHarm"u8) ? Exemption.VeryHighRiskOfSeriousHarm : null,
        25 => value.SequenceEqual("IntensiveSupervisionCourt"u8) ? Exemption.IntensiveSupervisionCourt : null,
        15 => value.SequenceEqual("ChildProtection"u8) ? Exemption.ChildProtection : null,
        _ => null,
    };

    // yyyy-mm-dd straight from the bytes; anything else (escapes, bad dates) goes the slow way for its message.
    private static DateTime? FastDate(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return null;
        }

        return DateText.TryParse(reader.ValueSpan, out var date) ? date : null;
    }

    // The canonical spellings, told apart by length and a byte, then confirmed; -1 for anything else (the slow way).
    private static int FastAnswer(ref Utf8JsonReader reader) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? -1 : AnswerOf(reader.ValueSpan);

    private static int AnswerOf(ReadOnlySpan<byte> value) => value.Length switch
    {
        2 => value[0] == (byte)'N' && value[1] == (byte)'o' ? (int)Answer.No : -1,
        3 when value[0] == (byte)'Y' => value[1] == (byte)'e' && value[2] == (byte)'s' ? (int)Answer.Yes : -1,
        3 => value.SequenceEqual("N/A"u8) ? (int)Answer.NotApplicable : -1,
        13 => value.SequenceEqual("NotApplicable"u8) ? (int)Answer.NotApplicable : -1,
        _ => -1,
    };

    private void ReadAnswers(ref Utf8JsonReader reader, RawCase rawCase)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            this.WrongTypeInCase(ref reader, new Place(JsonPathText.Property(rawCase.Path, "answers"), rawCase.Line, rawCase.Column), "answers must be an object mapping key-question ids to Yes, No or NotApplicable");
            rawCase.Broken = true;
            return;
        }

        rawCase.HasAnswers = true;
        rawCase.SlotIds = this.keyQuestionIds.Ids;

        // While every id is cached the answers are kept by slot (no list); the first id not cached moves them to
        // the case's list, which then takes the rest.
        List<KeyValuePair<string, Answer>>? answers = null;
        var count = 0;
        var cachedSeen = 0UL; // the cache's slots answered so far: a repeat of a cached id is found by its bit
        var anyUncached = false;
        for (Advance(ref reader); reader.TokenType == JsonTokenType.PropertyName; Advance(ref reader))
        {
            var id = this.keyQuestionIds.Get(ref reader, count, out var slot);
            bool duplicate;
            if (slot >= 0 && !anyUncached)
            {
                duplicate = (cachedSeen & (1UL << slot)) != 0;
                cachedSeen |= 1UL << slot;
            }
            else
            {
                // An id not cached may equal any earlier one: compared as strings, as is every id after it.
                anyUncached = true;
                answers ??= rawCase.Answers;
                duplicate = false;
                foreach (var earlier in answers)
                {
                    if (earlier.Key == id)
                    {
                        duplicate = true;
                        break;
                    }
                }
            }

            if (duplicate)
            {
                this.Report(ref reader, AnswerPath(rawCase, id), ProblemCode.DuplicateField, $"{Quoting.Quote(id)} is answered twice");
                rawCase.Broken = true;
                Advance(ref reader);
                SkipValue(ref reader);
                continue;
            }

            Advance(ref reader);
            Answer value;
            int fast;
            if (reader.TokenType == JsonTokenType.String && (fast = FastAnswer(ref reader)) >= 0)
            {
                value = (Answer)fast;
            }
            else if (reader.TokenType == JsonTokenType.String && RatingText.TryParseAnswer(reader.GetString(), out var answer))
            {
                value = answer;
            }
            else
            {
                this.Report(ref reader, AnswerPath(rawCase, id), ProblemCode.InvalidAnswer, $"answer {this.Quote(ref reader)} is not Yes, No or NotApplicable");
                rawCase.Broken = true;
                value = Answer.NotApplicable; // still given: no second problem says it is missing
                SkipValue(ref reader);
            }

            if (answers is null)
            {
                rawCase.AddBySlot(slot, value);
            }
            else
            {
                answers.Add(new KeyValuePair<string, Answer>(id, value));
            }

            count++;
        }
    }

    // R12: tags name the groups a case belongs to (team, PDU, audit round); an object of string values.
    private void ReadTags(ref Utf8JsonReader reader, RawCase rawCase)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        var path = JsonPathText.Property(rawCase.Path, "tags");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            this.WrongTypeInCase(ref reader, new Place(path, rawCase.Line, rawCase.Column), "tags must be an object of string values");
            rawCase.Broken = true;
            return;
        }

        var tags = rawCase.Tags ??= new List<KeyValuePair<string, string>>(4);
        for (Advance(ref reader); reader.TokenType == JsonTokenType.PropertyName; Advance(ref reader))
        {
            var name = reader.GetString()!;
            var duplicate = false;
            foreach (var earlier in tags)
            {
                duplicate |= earlier.Key == name;
            }

            Advance(ref reader);
            if (duplicate)
            {
                this.Report(ref reader, JsonPathText.Property(path, name), ProblemCode.DuplicateField, $"tag {Quoting.Quote(name)} is given twice");
                rawCase.Broken = true;
                SkipValue(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                tags.Add(new KeyValuePair<string, string>(name, reader.GetString()!));
            }
            else
            {
                this.Report(ref reader, JsonPathText.Property(path, name), ProblemCode.WrongType, $"tag {Quoting.Quote(name)} must be a string, not {Describe(reader.TokenType)}");
                rawCase.Broken = true;
                SkipValue(ref reader);
            }
        }
    }

    private static string AnswerPath(RawCase rawCase, string id) =>
        JsonPathText.Property(JsonPathText.Property(rawCase.Path, "answers"), id);

    private void WrongTypeInCase(ref Utf8JsonReader reader, Place place, string what)
    {
        this.Report(ref reader, place.Path, ProblemCode.WrongType, $"{what}, not {Describe(reader.TokenType)}");
        SkipValue(ref reader);
    }
}
