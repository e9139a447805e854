using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Internal;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// Reads a findings document (<c>docs/findings-format.md</c>) with <see cref="Utf8JsonReader"/> from a
/// stream in chunks, so a document of any number of cases is read in memory that does not grow with it.
/// This file is the pump and the top-level state machine; the case fast path, the sections, the
/// <c>expected</c> block and the scalar rules are in the other parts of the class. Every rule that needs no
/// framework is checked here, each problem recorded with its path, line and column, and reading goes on
/// to find the rest; only malformed JSON and bad bytes end it. Rules that need the framework are the binder's.
/// </summary>
internal sealed partial class FindingsParser
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly string file;
    private readonly ProblemSink problems;
    private readonly IFindingsHandler handler;
    private readonly RawHeader header = new();
    private readonly HashSet<string> topLevelSeen = new(StringComparer.Ordinal);
    private readonly IdCache keyQuestionIds = new();
    private readonly PositionTracker tracker = new();
    private Context context = Context.BeforeRoot;
    private string? pathName;
    private long pathIndex = -1;
    private long caseIndex;
    private RawCase? spare;
    private Func<long, (long Line, long Column)>? locateCase;
    private (long Line, long Column)? refusedStringAt;

    // The pump: buffer[start, end) holds unread bytes; buffer[0] is at absolute offset `origin`; bytes up to
    // `validEnd` are checked UTF-8; `badByteAt` is the absolute offset of the first byte that is not.
    private byte[] buffer;
    private int start;
    private int end;
    private int validEnd;
    private long origin;
    private bool final;
    private bool started;
    private long badByteAt = -1;
    private JsonReaderState state = new(ReaderOptions);

    private FindingsParser(Stream stream, string file, ProblemSink problems, IFindingsHandler handler, bool scanCases)
    {
        this.scanCases = scanCases;
        this.length = stream.CanSeek ? stream.Length - stream.Position : -1;

        this.file = file;
        this.problems = problems;
        this.handler = handler;
        this.buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    private enum Context
    {
        BeforeRoot,
        InRoot,
        InCases,
        AfterRoot,
        Done,
    }

    /// <summary>Whether reading stopped early at malformed JSON or bad bytes, so the document-level rules are not checked.</summary>
    public bool Stopped { get; private set; }

    public static RawHeader Parse(Stream stream, string file, ProblemSink problems, IFindingsHandler handler, bool scanCases, out bool stopped)
    {
        var parser = new FindingsParser(stream, file, problems, handler, scanCases);
        try
        {
            while (!parser.Process())
            {
                parser.MakeRoom();
                while (parser.end < parser.buffer.Length)
                {
                    var read = stream.Read(parser.buffer, parser.end, parser.buffer.Length - parser.end);
                    if (read == 0)
                    {
                        parser.final = true;
                        break;
                    }

                    parser.end += read;
                }
            }

            stopped = parser.Stopped;
            return parser.header;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(parser.buffer);
        }
    }

    public static async Task<(RawHeader Header, bool Stopped)> ParseAsync(Stream stream, string file, ProblemSink problems, IFindingsHandler handler, bool scanCases, CancellationToken cancellationToken)
    {
        var parser = new FindingsParser(stream, file, problems, handler, scanCases);
        try
        {
            while (!parser.Process())
            {
                parser.MakeRoom();
                while (parser.end < parser.buffer.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
#if NET6_0_OR_GREATER
                    var read = await stream.ReadAsync(parser.buffer.AsMemory(parser.end, parser.buffer.Length - parser.end), cancellationToken).ConfigureAwait(false);
#else
                    var read = await stream.ReadAsync(parser.buffer, parser.end, parser.buffer.Length - parser.end, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        parser.final = true;
                        break;
                    }

                    parser.end += read;
                }
            }

            return (parser.header, parser.Stopped);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(parser.buffer);
        }
    }

    // Runs the state machine over what the buffer holds; true when the document is done (or reading stopped).
    private bool Process()
    {
        if (!this.started && !this.Begin())
        {
            return this.context == Context.Done;
        }

        var limit = this.CheckEncoding();
        if (this.context == Context.BeforeRoot && this.final && IsBlank(this.buffer, this.start, limit) && this.badByteAt < 0)
        {
            this.Stop(new InputProblem(ProblemCode.Empty, this.file, JsonPathText.Root, "the document is empty"));
            return true;
        }

        // One reader per buffer fill: steps run until one needs more data (a failed step leaves the reader
        // where it was), then the unread tail is kept and the buffer refilled.
        this.readerFinal = this.final || this.badByteAt >= 0;
        this.readerEnd = limit;
        var reader = new Utf8JsonReader(this.buffer.AsSpan(this.start, limit - this.start), this.readerFinal, this.state);
        try
        {
            while (this.context != Context.Done && this.Step(ref reader))
            {
            }
        }
        catch (JsonException ex) when (this.badByteAt >= 0)
        {
            _ = ex;
            this.StopAtBadByte();
            return true;
        }
        catch (JsonException ex)
        {
            var (line, byteColumn) = this.SyntaxPosition(ex);
            var column = this.CharacterColumn(this.start + (int)reader.BytesConsumed, line, byteColumn);
            this.Stop(new InputProblem(ProblemCode.Syntax, this.file, this.CurrentPath, CleanReaderMessage(ex.Message), line, column));
            return true;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses an escape such as \ud800 with no partner.
            var at = this.refusedStringAt ?? this.Locate(ref reader);
            this.Stop(new InputProblem(ProblemCode.NotUtf8, this.file, this.CurrentPath, "a string has an escaped unpaired surrogate (such as \\ud800), which is not text", at.Line, at.Column));
            return true;
        }

        this.start += (int)reader.BytesConsumed;
        this.state = reader.CurrentState;
        if (this.badByteAt >= 0 && !this.Stopped)
        {
            // Bad bytes after the document count too: the file is not UTF-8.
            this.StopAtBadByte();
            return true;
        }

        if (this.context == Context.Done)
        {
            return true;
        }

        if (this.final)
        {
            // The reader reports incomplete data at the end of input as an exception, so this is a safety net.
            this.Stop(new InputProblem(ProblemCode.Syntax, this.file, this.CurrentPath, "the document ends before it is complete"));
            return true;
        }

        return false;
    }

    // The first bytes: a UTF-8 byte order mark is skipped; a UTF-16 or UTF-32 file is named and not read.
    private bool Begin()
    {
        if (this.end < 4 && !this.final)
        {
            return false;
        }

        this.started = true;
        var head = this.buffer.AsSpan(0, this.end);
        if (Utf8Check.WideEncoding(head) is { } encoding)
        {
            this.Stop(new InputProblem(ProblemCode.WrongEncoding, this.file, JsonPathText.Root, $"the file is {encoding}, not UTF-8: save it as UTF-8"));
            return false;
        }

        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            this.start = 3;
            this.validEnd = 3;
            this.tracker.SkipBom(3);
        }

        return true;
    }

    // Checks the newly read bytes; returns how far the reader may read (short of a bad byte, or of a
    // character the buffer cuts in two).
    private int CheckEncoding()
    {
        if (this.badByteAt >= 0)
        {
            return (int)(this.badByteAt - this.origin);
        }

        var valid = Utf8Check.ValidPrefix(this.buffer.AsSpan(this.validEnd, this.end - this.validEnd), out var invalid);
        this.validEnd += valid;
        if (invalid || (this.final && this.validEnd < this.end))
        {
            this.badByteAt = this.origin + this.validEnd;
        }

        return this.validEnd;
    }

    private void StopAtBadByte()
    {
        var at = this.tracker.Locate(this.buffer.AsSpan(0, this.end), this.origin, this.badByteAt);
        var index = (int)(this.badByteAt - this.origin);
        var shown = index < this.end ? $"byte 0x{this.buffer[index]:X2}" : "a character cut short at the end";
        this.Stop(new InputProblem(
            ProblemCode.NotUtf8,
            this.file,
            this.CurrentPath,
            $"the file is not UTF-8: {shown} at line {at.Line}, column {at.Column} (save it as UTF-8)",
            at.Line,
            at.Column));
    }

    // Keeps the unread bytes at the front, grows the buffer when one unit fills it, and counts the consumed bytes' lines.
    private void MakeRoom()
    {
        this.PlaceResume(advance: true);
        this.tracker.AdvanceTo(this.buffer.AsSpan(0, this.end), this.origin, this.origin + this.start);
        if (this.start > 0)
        {
            Buffer.BlockCopy(this.buffer, this.start, this.buffer, 0, this.end - this.start);
            this.origin += this.start;
            this.end -= this.start;
            this.validEnd -= this.start;
            this.start = 0;
        }

        if (this.end == this.buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(this.buffer.Length * 2);
            Buffer.BlockCopy(this.buffer, 0, larger, 0, this.end);
            ArrayPool<byte>.Shared.Return(this.buffer);
            this.buffer = larger;
        }
    }

    private void Stop(InputProblem problem)
    {
        this.problems.Add(problem);
        this.Stopped = true;
        this.context = Context.Done;
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
                    var at = this.Locate(ref reader);
                    this.Stop(new InputProblem(ProblemCode.WrongType, this.file, JsonPathText.Root, $"a findings document must be a JSON object, not {Describe(reader.TokenType)}", at.Line, at.Column));
                    return false;
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
                    var at = this.Locate(ref reader);
                    this.Stop(new InputProblem(ProblemCode.Syntax, this.file, JsonPathText.Root, "unexpected data after the end of the document", at.Line, at.Column));
                    return false;
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
        var place = this.PlaceOf(ref reader, this.CurrentPath); // a problem points at the value
        if (!this.topLevelSeen.Add(name))
        {
            this.Report(place, ProblemCode.DuplicateField, $"{Quoting.Quote(name)} is given twice");
            this.header.BadFields.Add(name);
            if (!entersCases)
            {
                reader.Skip();
                return true;
            }
        }

        switch (name)
        {
            case "framework":
                this.header.Framework = this.OptionalString(ref reader, place);
                this.header.FrameworkPlace = place;
                if (this.header.Framework is not null)
                {
                    this.handler.FrameworkNamed(this.header);
                }

                break;
            case "unit":
                this.header.Unit = this.RequiredString(ref reader, place);
                break;
            case "fieldworkStarted":
                this.header.FieldworkStarted = this.OptionalDate(ref reader, place);
                this.header.FieldworkPlace = place;
                break;
            case "organisational":
                this.ReadOrganisational(ref reader, place);
                break;
            case "keyQuestions":
                this.ReadKeyQuestions(ref reader, place);
                break;
            case "overrides":
                this.ReadOverrides(ref reader, place);
                break;
            case "expected":
                this.header.Expected = this.ReadExpected(ref reader, place);
                break;
            case "cases":
                if (reader.TokenType == JsonTokenType.Null)
                {
                    break;
                }

                if (!entersCases)
                {
                    this.WrongType(ref reader, place, "cases must be an array of case objects");
                    break;
                }

                this.header.CasesGiven = true;
                this.casesStart = this.Absolute(ref reader);
                this.context = Context.InCases;
                break;
            default:
                this.Report(place, ProblemCode.UnknownField, $"unknown field {Quoting.Quote(name)} (a findings document has framework, unit, fieldworkStarted, organisational, keyQuestions, cases, overrides, expected)");
                reader.Skip();
                break;
        }

        return true;
    }

    // Reads one case optimistically, straight from the buffer: if the buffer ends inside it, nothing is
    // kept (its problems included) and the step is retried after a refill.
    private bool StepInCases(ref Utf8JsonReader reader)
    {
        if (this.afterCaseObject && this.scanCases)
        {
            this.ScanAhead(ref reader);
        }

        this.pathName = "cases";
        this.pathIndex = this.caseIndex;
        var attempt = reader;
        var mark = this.problems.Mark();
        RawCase? retry = null;
        try
        {
            Advance(ref attempt);
            if (attempt.TokenType == JsonTokenType.EndArray)
            {
                reader = attempt;
                this.context = Context.InRoot;
                this.afterCaseObject = false;
                return true;
            }

            var rawCase = this.NextCase(this.Absolute(ref attempt));
            retry = rawCase;
            if (attempt.TokenType != JsonTokenType.StartObject)
            {
                this.WrongTypeInCase(ref attempt, rawCase.Place(), "a case must be an object");
                rawCase.Broken = true;
            }
            else
            {
                this.ReadCase(ref attempt, rawCase);
            }

            reader = attempt;
            this.afterCaseObject = reader.TokenType == JsonTokenType.EndObject;
            this.CaseDone(rawCase, this.Absolute(ref reader));
            return true;
        }
        catch (IncompleteDataException)
        {
            this.spare = retry ?? this.spare;
            this.problems.Rewind(mark);
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string in the case with an escaped unpaired surrogate: placed at the string, not where the case began.
            this.refusedStringAt = this.Locate(ref attempt);
            throw;
        }
    }

    // The case about to be read, starting at absolute offset `at`: the spare one when there is one. Its line and
    // column are found only if a problem needs them (or the case is kept).
    private RawCase NextCase(long at)
    {
        var rawCase = this.spare ?? new RawCase(this.caseIndex);
        this.spare = null;
        rawCase.Reset(this.caseIndex, at, this.locateCase ??= this.LocateCase);
        return rawCase;
    }

    // A case read whole (by the reader or the scanner), its closing brace at absolute offset `closedAt`: counted and
    // handed over; the next case reuses it unless the handler keeps it.
    private void CaseDone(RawCase rawCase, long closedAt)
    {
        this.caseIndex++;
        this.EstimateCases(closedAt);
        if (this.handler.Case(rawCase))
        {
            rawCase.Fix(); // kept for later: placed while its bytes are still here
        }
        else
        {
            this.spare = rawCase;
        }
    }

    private static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw IncompleteDataException.Instance;
        }
    }

    private void Report(Place place, ProblemCode code, string message) => this.problems.Add(place.Problem(this.file, code, message));

    private void Report(ref Utf8JsonReader reader, string path, ProblemCode code, string message)
    {
        if (this.problems.Full)
        {
            this.problems.Add(new InputProblem(code, this.file, path, string.Empty));
            return;
        }

        this.Report(this.PlaceOf(ref reader, path), code, message);
    }

    // Where the parser is, for syntax errors: $, a top-level field, or a case. Built only when needed.
    private string CurrentPath =>
        this.pathName is null ? JsonPathText.Root
        : this.pathIndex >= 0 ? JsonPathText.Index(JsonPathText.Property(JsonPathText.Root, this.pathName), this.pathIndex)
        : JsonPathText.Property(JsonPathText.Root, this.pathName);

#pragma warning disable CA1032, CA1064 // a private signal, never seen outside the parser
    private sealed class IncompleteDataException : Exception
#pragma warning restore CA1032, CA1064
    {
        public static readonly IncompleteDataException Instance = new();
    }
}
