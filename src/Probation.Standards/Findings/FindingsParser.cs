using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Probation.Standards.Internal;
using Probation.Standards.Scoring;

namespace Probation.Standards.Findings;

/// <summary>A case as read, before it is bound to a framework: answers still keyed by id.</summary>
internal sealed class RawCase
{
    public RawCase(long index) => this.Index = index;

    public long Index { get; }

    public string Path => JsonPathText.Index("$.cases", this.Index);

    public string? Id { get; set; }

    public SentenceType? Sentence { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? Suspended { get; set; }

    public Exemption? Exemption { get; set; }

    public List<KeyValuePair<string, Answer>> Answers { get; } = new(12);
}

/// <summary>Everything in a findings document except its cases, as read.</summary>
internal sealed class RawHeader
{
    public string? Framework { get; set; }

    public string? Unit { get; set; }

    public DateTime? FieldworkStarted { get; set; }

    public List<KeyValuePair<string, Rating>>? Organisational { get; set; }

    public List<KeyQuestionInput> KeyQuestions { get; } = new();

    public List<RatingOverride> Overrides { get; } = new();

    public ExpectedResult? Expected { get; set; }

    public bool CasesGiven { get; set; }
}

/// <summary>Receives a findings document piece by piece as the parser reads it.</summary>
internal interface IFindingsHandler
{
    /// <summary>Called after the <c>framework</c>, <c>unit</c> or <c>fieldworkStarted</c> field is read, so cases can be bound early.</summary>
    void HeaderChanged(RawHeader header);

    /// <summary>Called for each case in document order.</summary>
    void Case(RawCase rawCase, RawHeader header);
}

/// <summary>
/// Reads a findings document (findings-format.md) with <see cref="Utf8JsonReader"/> from a stream in
/// chunks, so a document of any number of cases is read in memory that does not grow with it. Every rule
/// that needs no framework is checked here, with the JSON path of the offending value; syntax errors also
/// carry line and column. Rules that need the framework are the binder's.
/// </summary>
internal sealed class FindingsParser
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly string file;
    private readonly IFindingsHandler handler;
    private readonly RawHeader header = new();
    private readonly HashSet<string> topLevelSeen = new(StringComparer.Ordinal);
    private readonly IdCache keyQuestionIds = new();
    private Context context = Context.BeforeRoot;
    private string? pathName;
    private long pathIndex = -1;
    private long caseIndex;

    private FindingsParser(string file, IFindingsHandler handler)
    {
        this.file = file;
        this.handler = handler;
    }

    private enum Context
    {
        BeforeRoot,
        InRoot,
        InCases,
        AfterRoot,
        Done,
    }

    public static RawHeader Parse(Stream stream, string file, IFindingsHandler handler)
    {
        var parser = new FindingsParser(file, handler);
        parser.Run(stream);
        return parser.header;
    }

    private static string CleanReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message.Substring(0, cut) : message;
        return text.Trim().TrimEnd('.');
    }

    private void Run(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            var start = 0;
            var end = 0;
            var final = false;
            var state = new JsonReaderState(ReaderOptions);
            var first = true;
            while (this.context != Context.Done)
            {
                if (final && this.context == Context.BeforeRoot && IsBlank(buffer, start, end))
                {
                    throw this.Error(JsonPathText.Root, "the document is empty");
                }

                // One reader per buffer fill: steps run until one needs more data (a failed step leaves
                // the reader where it was), then the unread tail is kept and the buffer refilled.
                var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
                try
                {
                    while (this.context != Context.Done && this.Step(ref reader))
                    {
                    }
                }
                catch (JsonException ex)
                {
                    throw new InvalidInputException(this.file, this.CurrentPath, CleanReaderMessage(ex.Message), (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, ex);
                }

                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                if (this.context == Context.Done)
                {
                    break;
                }

                if (final)
                {
                    // The reader reports incomplete data at the end of input as an exception, so this is unreachable in practice.
                    throw new InvalidInputException(this.file, this.CurrentPath, "the document ends before it is complete");
                }

                // Refill: keep the unread bytes, grow when one unit fills the buffer, read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                // Fill the buffer (not just one read), so an unfinished unit is rescanned once per fill.
                while (end < buffer.Length)
                {
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                    {
                        final = true;
                        break;
                    }

                    end += read;
                }

                // A UTF-8 byte-order mark is allowed before the document; it is not JSON.
                if (first && (end >= 3 || final))
                {
                    first = false;
                    if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Processes one unit (the root's start, one top-level field with its whole value, or one case),
    // or returns false, having changed nothing, when the buffer does not yet hold all of it.
    private bool Step(ref Utf8JsonReader reader)
    {
        switch (this.context)
        {
            case Context.BeforeRoot:
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw this.Error(JsonPathText.Root, $"a findings document must be a JSON object, not {Describe(reader.TokenType)}");
                }

                this.context = Context.InRoot;
                return true;

            case Context.InRoot:
                return this.StepInRoot(ref reader);

            case Context.InCases:
                return this.StepInCases(ref reader);

            case Context.AfterRoot:
                if (reader.Read())
                {
                    throw this.Error(JsonPathText.Root, "unexpected data after the end of the document");
                }

                if (!reader.IsFinalBlock)
                {
                    return false;
                }

                this.context = Context.Done;
                return true;

            default:
                return true;
        }
    }

    private static bool IsBlank(byte[] buffer, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private bool StepInRoot(ref Utf8JsonReader reader)
    {
        this.pathName = null;
        this.pathIndex = -1;
        var peek = reader;
        if (!peek.Read())
        {
            return false;
        }

        if (peek.TokenType == JsonTokenType.EndObject)
        {
            reader.Read();
            this.context = Context.AfterRoot;
            return true;
        }

        // peek is on a property name: make sure its whole value is buffered (cases are entered, not skipped).
        var name = peek.GetString()!;
        this.pathName = name;
        if (!peek.Read())
        {
            return false;
        }

        var entersCases = name == "cases" && peek.TokenType == JsonTokenType.StartArray;
        if (!entersCases && !peek.TrySkip())
        {
            return false;
        }

        reader.Read();
        reader.Read();
        if (!this.topLevelSeen.Add(name))
        {
            throw this.Error(this.CurrentPath, $"'{name}' is given twice");
        }

        switch (name)
        {
            case "framework":
                this.header.Framework = this.OptionalString(ref reader, this.CurrentPath);
                this.handler.HeaderChanged(this.header);
                break;
            case "unit":
                this.header.Unit = this.RequiredString(ref reader, this.CurrentPath);
                this.handler.HeaderChanged(this.header);
                break;
            case "fieldworkStarted":
                this.header.FieldworkStarted = this.OptionalDate(ref reader, this.CurrentPath);
                this.handler.HeaderChanged(this.header);
                break;
            case "organisational":
                this.header.Organisational = this.ReadOrganisational(ref reader);
                break;
            case "keyQuestions":
                this.ReadKeyQuestions(ref reader);
                break;
            case "overrides":
                this.ReadOverrides(ref reader);
                break;
            case "expected":
                this.header.Expected = this.ReadExpected(ref reader);
                break;
            case "cases":
                if (reader.TokenType == JsonTokenType.Null)
                {
                    break;
                }

                if (!entersCases)
                {
                    throw this.Error(this.CurrentPath, $"cases must be an array, not {Describe(reader.TokenType)}");
                }

                this.header.CasesGiven = true;
                this.context = Context.InCases;
                break;
            default:
                throw this.Error(this.CurrentPath, $"unknown field '{name}' (a findings document has framework, unit, fieldworkStarted, organisational, keyQuestions, cases, overrides, expected)");
        }

        return true;
    }

    // Reads one case optimistically, straight from the buffer: if the buffer ends inside it, nothing is
    // kept and the step is retried after a refill. (Checking completeness first with TrySkip would
    // tokenize every case twice.)
    private bool StepInCases(ref Utf8JsonReader reader)
    {
        this.pathName = "cases";
        this.pathIndex = this.caseIndex;
        var attempt = reader;
        try
        {
            Advance(ref attempt);
            if (attempt.TokenType == JsonTokenType.EndArray)
            {
                reader = attempt;
                this.context = Context.InRoot;
                return true;
            }

            if (attempt.TokenType != JsonTokenType.StartObject)
            {
                throw this.Error(this.CurrentPath, $"a case must be an object, not {Describe(attempt.TokenType)}");
            }

            var rawCase = this.ReadCase(ref attempt);
            reader = attempt;
            this.caseIndex++;
            this.handler.Case(rawCase, this.header);
            return true;
        }
        catch (IncompleteDataException)
        {
            return false;
        }
    }

    private static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw IncompleteDataException.Instance;
        }
    }

    // The case fields, in the order of their bits in ReadCase's seen-mask.
    private static readonly string[] CaseFields = { "id", "sentence", "start", "suspended", "exemption", "answers" };

    // Cases are the bulk of a large document, so this path builds no JSON path and no string it does
    // not keep: field names are matched as UTF-8, paths are made only for an error message, repeated
    // key-question ids reuse one string, and canonical answers, sentences and dates are read from bytes.
    private RawCase ReadCase(ref Utf8JsonReader reader)
    {
        var rawCase = new RawCase(this.caseIndex);
        var seen = 0;
        for (Advance(ref reader); reader.TokenType == JsonTokenType.PropertyName; Advance(ref reader))
        {
            var field = CaseField(ref reader);
            if (field < 0)
            {
                var unknown = reader.GetString()!;
                throw this.Error(JsonPathText.Property(rawCase.Path, unknown), $"unknown field '{unknown}' in a case (a case has id, sentence, start, suspended, exemption, answers)");
            }

            if ((seen & (1 << field)) != 0)
            {
                throw this.Error(JsonPathText.Property(rawCase.Path, CaseFields[field]), $"'{CaseFields[field]}' is given twice");
            }

            seen |= 1 << field;
            Advance(ref reader);
            switch (field)
            {
                case 0:
                    rawCase.Id = reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id && id.Trim().Length > 0
                        ? id
                        : this.RequiredString(ref reader, JsonPathText.Property(rawCase.Path, "id"));
                    break;
                case 1:
                    rawCase.Sentence = reader.TokenType == JsonTokenType.String && FastSentence(ref reader) is { } sentence
                        ? sentence
                        : this.OptionalEnum<SentenceType>(ref reader, JsonPathText.Property(rawCase.Path, "sentence"), "sentence", "CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision");
                    break;
                case 2:
                    rawCase.Start = reader.TokenType == JsonTokenType.String && FastDate(ref reader) is { } start
                        ? start
                        : this.OptionalDate(ref reader, JsonPathText.Property(rawCase.Path, "start"));
                    break;
                case 3:
                    rawCase.Suspended = reader.TokenType == JsonTokenType.String && FastDate(ref reader) is { } suspended
                        ? suspended
                        : this.OptionalDate(ref reader, JsonPathText.Property(rawCase.Path, "suspended"));
                    break;
                case 4:
                    rawCase.Exemption = this.OptionalEnum<Exemption>(ref reader, JsonPathText.Property(rawCase.Path, "exemption"), "exemption", "Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt");
                    break;
                default:
                    this.ReadAnswers(ref reader, rawCase);
                    break;
            }
        }

        var at = rawCase.Path;
        if (rawCase.Id is null)
        {
            throw this.Error(JsonPathText.Property(at, "id"), "a case needs an id");
        }

        if (rawCase.Suspended is not null && rawCase.Start is null)
        {
            throw this.Error(JsonPathText.Property(at, "start"), $"case {rawCase.Id} is suspended but has no start date");
        }

        if (rawCase.Suspended < rawCase.Start)
        {
            throw this.Error(
                JsonPathText.Property(at, "suspended"),
                $"suspended {DateText.Format(rawCase.Suspended!.Value)} is before start {DateText.Format(rawCase.Start!.Value)}");
        }

        return rawCase;
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
                : -1;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 => name.SequenceEqual("id"u8) ? 0 : -1,
            5 => name.SequenceEqual("start"u8) ? 2 : -1,
            7 => name.SequenceEqual("answers"u8) ? 5 : -1,
            8 => name.SequenceEqual("sentence"u8) ? 1 : -1,
            9 when name[0] == (byte)'s' => name.SequenceEqual("suspended"u8) ? 3 : -1,
            9 => name.SequenceEqual("exemption"u8) ? 4 : -1,
            _ => -1,
        };
    }

    private static SentenceType? FastSentence(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("CommunityOrder"u8) ? SentenceType.CommunityOrder
        : reader.ValueTextEquals("Licence"u8) ? SentenceType.Licence
        : reader.ValueTextEquals("SuspendedSentenceOrder"u8) ? SentenceType.SuspendedSentenceOrder
        : reader.ValueTextEquals("PostSentenceSupervision"u8) ? SentenceType.PostSentenceSupervision
        : null;

    // yyyy-mm-dd straight from the bytes; anything else (escapes, bad dates) goes the slow way for its message.
    private static DateTime? FastDate(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return null;
        }

        var s = reader.ValueSpan;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return null;
        }

        var year = Digits(s, 0, 4);
        var month = Digits(s, 5, 2);
        var day = Digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateTime(year, month, day);
    }

    private static int Digits(ReadOnlySpan<byte> s, int from, int count)
    {
        var value = 0;
        for (var i = from; i < from + count; i++)
        {
            var d = s[i] - (byte)'0';
            if (d < 0 || d > 9)
            {
                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    private static Answer? FastAnswer(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return null;
        }

        var value = reader.ValueSpan;
        return value.Length switch
        {
            3 when value[0] == (byte)'Y' => value.SequenceEqual("Yes"u8) ? Answer.Yes : null,
            2 => value.SequenceEqual("No"u8) ? Answer.No : null,
            3 => value.SequenceEqual("N/A"u8) ? Answer.NotApplicable : null,
            13 => value.SequenceEqual("NotApplicable"u8) ? Answer.NotApplicable : null,
            _ => null,
        };
    }

    private void ReadAnswers(ref Utf8JsonReader reader, RawCase rawCase)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw this.Error(JsonPathText.Property(rawCase.Path, "answers"), $"answers must be an object mapping key-question ids to Yes, No or NotApplicable, not {Describe(reader.TokenType)}");
        }

        var answers = rawCase.Answers;
        for (Advance(ref reader); reader.TokenType == JsonTokenType.PropertyName; Advance(ref reader))
        {
            var id = this.keyQuestionIds.Get(ref reader, answers.Count);
            foreach (var earlier in answers)
            {
                if (ReferenceEquals(earlier.Key, id) || earlier.Key == id)
                {
                    throw this.Error(AnswerPath(rawCase, id), $"{id} is answered twice");
                }
            }

            Advance(ref reader);
            Answer answer;
            if (reader.TokenType == JsonTokenType.String && FastAnswer(ref reader) is { } fast)
            {
                answer = fast;
            }
            else if (!RatingText.TryParseAnswer(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out answer))
            {
                throw this.Error(AnswerPath(rawCase, id), $"answer {Quote(ref reader)} is not Yes, No or NotApplicable");
            }

            answers.Add(new KeyValuePair<string, Answer>(id, answer));
        }
    }

    private static string AnswerPath(RawCase rawCase, string id) =>
        JsonPathText.Property(JsonPathText.Property(rawCase.Path, "answers"), id);

    // Moves to the next field of an object: false at its end; otherwise the field's name and path,
    // with the reader on its value. A name given twice is an error (System.Text.Json would keep the last).
    private bool NextField(ref Utf8JsonReader reader, string parent, HashSet<string> seen, out string name, out string path)
    {
        name = string.Empty;
        path = parent;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        name = reader.GetString()!;
        path = JsonPathText.Property(parent, name);
        if (!seen.Add(name))
        {
            throw this.Error(path, $"'{name}' is given twice");
        }

        reader.Read();
        return true;
    }

    private List<KeyValuePair<string, Rating>>? ReadOrganisational(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        this.ExpectObject(ref reader, this.CurrentPath, "organisational must be an object mapping standard ids to ratings");
        var result = new List<KeyValuePair<string, Rating>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, this.CurrentPath, seen, out var id, out var at))
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (!RatingText.TryParseRating(text, out var rating))
            {
                throw this.Error(at, $"rating {Quote(ref reader)} is not one of Outstanding, Good, RequiresImprovement, Inadequate, NotRated");
            }

            result.Add(new KeyValuePair<string, Rating>(id, rating));
        }

        return result;
    }

    private void ReadKeyQuestions(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        this.ExpectObject(ref reader, this.CurrentPath, "keyQuestions must be an object mapping key-question ids to results");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, this.CurrentPath, seen, out var id, out var at))
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    this.header.KeyQuestions.Add(this.ReadPercentage(ref reader, id, at));
                    break;
                case JsonTokenType.StartObject:
                    this.header.KeyQuestions.Add(new KeyQuestionInput(id, this.ReadCounts(ref reader, at), null));
                    break;
                default:
                    throw this.Error(at, $"{Quote(ref reader)} is not a number: give a published percentage from 0 to 100, or {{\"yes\": n, \"relevant\": m}}");
            }
        }
    }

    // R3: a published percentage is taken as exact. The number's text is read digit by digit (never
    // through a binary or decimal type that could round): p = digits / 10^scale, so the tally is
    // digits out of 100 * 10^scale.
    private KeyQuestionInput ReadPercentage(ref Utf8JsonReader reader, string id, string at)
    {
        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
        if (!ExactNumber.TryParse(text, out var number))
        {
            throw this.Error(at, $"percentage {text} cannot be read exactly");
        }

        if (number.IsNegative && !number.Digits.IsZero || number.CompareTo(100) > 0)
        {
            throw this.Error(at, $"percentage {text} is outside 0-100");
        }

        if (number.Scale > ExactNumber.MaxDecimalPlaces)
        {
            throw this.Error(at, $"percentage {text} has more than {ExactNumber.MaxDecimalPlaces} decimal places; give the counts instead");
        }

        var factor = (long)System.Numerics.BigInteger.Pow(10, number.Scale);
        var yes = (long)number.Digits;
        return new KeyQuestionInput(id, new KeyQuestionTally(yes, 100 * factor), (decimal)yes / factor);
    }

    private KeyQuestionTally ReadCounts(ref Utf8JsonReader reader, string at)
    {
        long? yes = null;
        long? relevant = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, at, seen, out var name, out var fieldPath))
        {
            switch (name)
            {
                case "yes":
                    yes = this.Count(ref reader, fieldPath);
                    break;
                case "relevant":
                    relevant = this.Count(ref reader, fieldPath);
                    break;
                default:
                    throw this.Error(fieldPath, $"unknown field '{name}' (counts have yes and relevant)");
            }
        }

        if (yes is null)
        {
            throw this.Error(JsonPathText.Property(at, "yes"), "yes is required with relevant");
        }

        if (relevant is null)
        {
            throw this.Error(JsonPathText.Property(at, "relevant"), "relevant is required with yes");
        }

        if (yes > relevant)
        {
            throw this.Error(at, $"yes {yes} is more than relevant {relevant}");
        }

        return new KeyQuestionTally(yes.Value, relevant.Value);
    }

    // A count is a whole number of cases: 60, or 60.0 or 6e1 (the same number), never 60.5; at most 2^63 - 1.
    private long Count(ref Utf8JsonReader reader, string at)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw this.Error(at, $"{Quote(ref reader)} is not a number");
        }

        if (!reader.TryGetInt64(out var value))
        {
            var text = Quote(ref reader);
            if (!ExactNumber.TryParse(text, out var number) || number.Scale != 0)
            {
                throw this.Error(at, $"{text} is not a whole number");
            }

            if (number.IsNegative && !number.Digits.IsZero)
            {
                throw this.Error(at, $"count {text} is negative");
            }

            if (number.Digits > long.MaxValue)
            {
                throw this.Error(at, $"count {text} is too large (at most {long.MaxValue})");
            }

            value = (long)number.Digits;
        }

        if (value < 0)
        {
            throw this.Error(at, $"count {value} is negative");
        }

        return value;
    }

    private void ReadOverrides(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        this.ExpectObject(ref reader, this.CurrentPath, "overrides must be an object mapping standard ids to {\"rating\", \"reason\"}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (this.NextField(ref reader, this.CurrentPath, seen, out var id, out var at))
        {
            this.ExpectObject(ref reader, at, "an override must be an object with rating and reason");
            Rating? rating = null;
            string? reason = null;
            var fields = new HashSet<string>(StringComparer.Ordinal);
            while (this.NextField(ref reader, at, fields, out var name, out var fieldPath))
            {
                switch (name)
                {
                    case "rating":
                        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (!RatingText.TryParseRating(text, out var parsed) || parsed == Rating.NotRated)
                        {
                            throw this.Error(fieldPath, $"rating {Quote(ref reader)} is not one of Outstanding, Good, RequiresImprovement, Inadequate");
                        }

                        rating = parsed;
                        break;
                    case "reason":
                        reason = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (string.IsNullOrWhiteSpace(reason))
                        {
                            throw this.Error(fieldPath, $"an override of {id} needs a reason (R7)");
                        }

                        break;
                    default:
                        throw this.Error(fieldPath, $"unknown field '{name}' (an override has rating and reason)");
                }
            }

            if (rating is null)
            {
                throw this.Error(JsonPathText.Property(at, "rating"), $"an override of {id} needs a rating");
            }

            if (reason is null)
            {
                throw this.Error(JsonPathText.Property(at, "reason"), $"an override of {id} needs a reason (R7)");
            }

            this.header.Overrides.Add(new RatingOverride(id, rating.Value, reason.Trim()));
        }
    }

    private ExpectedResult? ReadExpected(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        this.ExpectObject(ref reader, this.CurrentPath, "expected must be an object");
        ExpectedDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(ref reader, FindingsJsonContext.Default.ExpectedDto);
        }
        catch (JsonException ex)
        {
            var inner = ex.Path is { Length: > 1 } p ? this.CurrentPath + p.Substring(1) : this.CurrentPath;
            throw new InvalidInputException(this.file, inner, "the value has the wrong type for this field", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, ex);
        }

        var standards = System.Collections.Immutable.ImmutableArray.CreateBuilder<ExpectedStandard>();
        foreach (var pair in dto!.Standards ?? new Dictionary<string, JsonElement>())
        {
            var at = JsonPathText.Property(JsonPathText.Property(this.CurrentPath, "standards"), pair.Key);
            standards.Add(pair.Value.ValueKind switch
            {
                JsonValueKind.String => new ExpectedStandard(pair.Key, this.ExpectedRating(pair.Value.GetString(), at), null, null, null),
                JsonValueKind.Object => this.ExpectedStandardObject(pair.Key, pair.Value, at),
                _ => throw this.Error(at, "an expected standard is a rating or an object with rating, computedRating, drivenBy, points"),
            });
        }

        return new ExpectedResult(
            standards.ToImmutable(),
            dto.Score,
            dto.MaxScore,
            dto.Overall is null ? null : this.ExpectedRating(dto.Overall, JsonPathText.Property(this.CurrentPath, "overall")),
            dto.CasesInspected,
            dto.ResetCases,
            dto.AdjustedCases);
    }

    private ExpectedStandard ExpectedStandardObject(string id, JsonElement element, string at)
    {
        Rating? rating = null;
        Rating? computed = null;
        string? drivenBy = null;
        int? points = null;
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPathText.Property(at, property.Name);
            switch (property.Name)
            {
                case "rating":
                    rating = this.ExpectedRating(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, fieldPath);
                    break;
                case "computedRating":
                    computed = this.ExpectedRating(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, fieldPath);
                    break;
                case "drivenBy":
                    drivenBy = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw this.Error(fieldPath, "drivenBy must be a key-question id"),
                    };
                    break;
                case "points":
                    points = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var p)
                        ? p
                        : throw this.Error(fieldPath, "points must be a whole number");
                    break;
                default:
                    break; // verify checks what is given and ignores the rest
            }
        }

        return new ExpectedStandard(id, rating, computed, drivenBy, points);
    }

    private Rating ExpectedRating(string? text, string at)
    {
        if (!RatingText.TryParseRating(text, out var rating))
        {
            throw this.Error(at, $"rating '{text}' is not one of Outstanding, Good, RequiresImprovement, Inadequate, NotRated");
        }

        return rating;
    }

    private string RequiredString(ref Utf8JsonReader reader, string at)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw this.Error(at, $"must be a string, not {Describe(reader.TokenType)}");
        }

        var value = reader.GetString()!;
        if (value.Trim().Length == 0)
        {
            throw this.Error(at, "must not be empty");
        }

        return value;
    }

    private string? OptionalString(ref Utf8JsonReader reader, string at) =>
        reader.TokenType == JsonTokenType.Null ? null : this.RequiredString(ref reader, at);

    private DateTime? OptionalDate(ref Utf8JsonReader reader, string at)
    {
        var text = this.OptionalString(ref reader, at);
        if (text is null)
        {
            return null;
        }

        if (!DateText.TryParse(text, out var date))
        {
            throw this.Error(at, $"'{text}' is not an ISO date (yyyy-mm-dd)");
        }

        return date;
    }

    private TEnum? OptionalEnum<TEnum>(ref Utf8JsonReader reader, string at, string what, string allowed)
        where TEnum : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!Names.TryParseEnum<TEnum>(text, out var value))
        {
            throw this.Error(at, $"{what} {Quote(ref reader)} is not one of {allowed}");
        }

        return value;
    }

    private void ExpectObject(ref Utf8JsonReader reader, string at, string problem)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw this.Error(at, $"{problem}, not {Describe(reader.TokenType)}");
        }
    }

    private static string Quote(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "'" + reader.GetString() + "'",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        _ => Describe(reader.TokenType),
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // Where the parser is, for syntax errors: $, a top-level field, or a case. Built only when needed.
    private string CurrentPath =>
        this.pathName is null ? JsonPathText.Root
        : this.pathIndex >= 0 ? JsonPathText.Index(JsonPathText.Property(JsonPathText.Root, this.pathName), this.pathIndex)
        : JsonPathText.Property(JsonPathText.Root, this.pathName);

    private InvalidInputException Error(string at, string problem) => new(this.file, at, problem);

#pragma warning disable CA1032, CA1064 // a private signal, never seen outside the parser
    private sealed class IncompleteDataException : Exception
#pragma warning restore CA1032, CA1064
    {
        public static readonly IncompleteDataException Instance = new();
    }

    /// <summary>
    /// One string per distinct key-question id, matched as UTF-8: a document repeats the same dozen ids in
    /// every case, usually in the same order, so the slot of the answer's position is tried first.
    /// </summary>
    private sealed class IdCache
    {
        private const int MaxEntries = 64;
        private readonly List<byte[]> utf8 = new();
        private readonly List<string> text = new();

        public string Get(ref Utf8JsonReader reader, int position)
        {
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                var name = reader.ValueSpan;
                if (position < this.utf8.Count && name.SequenceEqual(this.utf8[position]))
                {
                    return this.text[position];
                }

                for (var i = 0; i < this.utf8.Count; i++)
                {
                    if (name.SequenceEqual(this.utf8[i]))
                    {
                        return this.text[i];
                    }
                }
            }

            var id = reader.GetString()!;
            if (this.text.Count < MaxEntries && !reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                this.utf8.Add(reader.ValueSpan.ToArray());
                this.text.Add(id);
            }

            return id;
        }
    }
}
