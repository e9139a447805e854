using System;
using System.Collections.Generic;
using Probation.Standards.Internal;
using Probation.Standards.Reset;
using Probation.Standards.Verification;

namespace Probation.Standards.Findings.Parsing;

/// <summary>Where a value was read: its JSON path, line and column.</summary>
internal readonly struct Place
{
    public Place(string path, long line, long column)
    {
        this.Path = path;
        this.Line = line;
        this.Column = column;
    }

    public string Path { get; }

    public long Line { get; }

    public long Column { get; }

    public InputProblem Problem(string file, ProblemCode code, string message) =>
        this.Line > 0 ? new InputProblem(code, file, this.Path, message, this.Line, this.Column) : new InputProblem(code, file, this.Path, message);
}

/// <summary>
/// A case as read, before it is bound to a framework: answers still keyed by id. The parser reuses one
/// instance for case after case unless the handler keeps it, and holds a plain id as its UTF-8 bytes: the
/// string is made only when asked for (a kept case, a warning, a problem).
/// </summary>
internal sealed class RawCase : Cases.ICaseId
{
    private byte[] idBytes = new byte[32];
    private int idLength;
    private string? id;
    private long offset;
    private Func<long, (long Line, long Column)>? locator;
    private (long Line, long Column) location;
    private bool located;
    private readonly List<KeyValuePair<string, Answer>> answers = new(12);
    private int[] slots = new int[16];
    private Answer[] slotValues = new Answer[16];
    private int slotCount;
    private bool bySlot = true;

    public RawCase(long index) => this.Index = index;

    /// <summary>The parser's key-question ids, by the slot <see cref="AddBySlot"/> gives (set once; it only grows).</summary>
    public IReadOnlyList<string>? SlotIds { get; set; }

    /// <summary>
    /// Whether the answers are held as the parser's id slots (<see cref="Slots"/>, <see cref="SlotValues"/>), as they
    /// are while every id was one the parser had cached; otherwise they are in <see cref="Answers"/>.
    /// </summary>
    public bool BySlot => this.bySlot;

    /// <summary>The id slot of each answer, in document order, while <see cref="BySlot"/>.</summary>
    public ReadOnlySpan<int> Slots => new(this.slots, 0, this.slotCount);

    /// <summary>The value of each answer, beside <see cref="Slots"/>.</summary>
    public ReadOnlySpan<Answer> SlotValues => new(this.slotValues, 0, this.slotCount);

    public long Index { get; private set; }

    public string Path => JsonPathText.Index("$.cases", this.Index);

    /// <summary>The line of the case's first byte, found only when asked for (a problem, or a case the handler keeps).</summary>
    public long Line => this.Located().Line;

    /// <summary>The column of the case's first byte.</summary>
    public long Column => this.Located().Column;

    /// <summary>The id; <see langword="null"/> until read, empty when missing or bad.</summary>
    public string? Id
    {
        get => this.id ??= this.idLength > 0 ? System.Text.Encoding.UTF8.GetString(this.idBytes, 0, this.idLength) : null;
        set
        {
            this.id = value;
            this.idLength = 0;
        }
    }

    /// <summary>Whether the case has an id that is not empty.</summary>
    public bool HasId => this.idLength > 0 || this.id is { Length: > 0 };

    /// <summary>The id's UTF-8 bytes when it was read as bytes; empty otherwise (then see <see cref="Id"/>).</summary>
    public ReadOnlySpan<byte> IdUtf8 => new(this.idBytes, 0, this.idLength);

    string Cases.ICaseId.CaseId => this.Id!;

    public SentenceType? Sentence { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? Suspended { get; set; }

    public Exemption? Exemption { get; set; }

    /// <summary>Whether the case has an <c>answers</c> object (an empty one included).</summary>
    public bool HasAnswers { get; set; }

    /// <summary>Whether the parser found a problem in the case; a bad case is not bound.</summary>
    public bool Broken { get; set; }

    /// <summary>The answers keyed by id, in document order; held by slot until asked for.</summary>
    public List<KeyValuePair<string, Answer>> Answers
    {
        get
        {
            if (this.bySlot)
            {
                for (var i = 0; i < this.slotCount; i++)
                {
                    this.answers.Add(new KeyValuePair<string, Answer>(this.SlotIds![this.slots[i]], this.slotValues[i]));
                }

                this.slotCount = 0;
                this.bySlot = false;
            }

            return this.answers;
        }
    }

    /// <summary>Adds an answer by the parser's id slot; only while <see cref="BySlot"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void AddBySlot(int slot, Answer value)
    {
        if (this.slotCount == this.slots.Length)
        {
            this.GrowSlots();
        }

        this.slots[this.slotCount] = slot;
        this.slotValues[this.slotCount] = value;
        this.slotCount++;
    }

    private void GrowSlots()
    {
        Array.Resize(ref this.slots, this.slots.Length * 2);
        Array.Resize(ref this.slotValues, this.slotValues.Length * 2);
    }

    /// <summary>The case's tags in document order, or <see langword="null"/> without any.</summary>
    public List<KeyValuePair<string, string>>? Tags { get; set; }

    /// <summary>Sets the id from its UTF-8 bytes (valid, unescaped), without making a string.</summary>
    public void SetIdUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > this.idBytes.Length)
        {
            this.idBytes = new byte[Math.Max(bytes.Length, this.idBytes.Length * 2)];
        }

        bytes.CopyTo(this.idBytes);
        this.idLength = bytes.Length;
        this.id = null;
    }

    /// <summary>
    /// Makes the instance a new, empty case at <paramref name="index"/>, starting at absolute byte
    /// <paramref name="offset"/>; <paramref name="locator"/> turns the offset into a line and column while the
    /// parser's buffer still holds it (see <see cref="Fix"/>).
    /// </summary>
    public void Reset(long index, long offset, Func<long, (long Line, long Column)> locator)
    {
        this.Index = index;
        this.offset = offset;
        this.locator = locator;
        this.located = false;
        this.id = null;
        this.idLength = 0;
        this.Sentence = null;
        this.Start = null;
        this.Suspended = null;
        this.Exemption = null;
        this.HasAnswers = false;
        this.Broken = false;
        this.answers.Clear();
        this.slotCount = 0;
        this.bySlot = true;
        this.Tags = null;
    }

    /// <summary>Finds the line and column now, while the parser's buffer still holds the case: for a case kept for later.</summary>
    public void Fix() => this.Located();

    private (long Line, long Column) Located()
    {
        if (!this.located)
        {
            this.location = this.locator is null ? (0, 0) : this.locator(this.offset);
            this.located = true;
        }

        return this.location;
    }

    public Place Place(string? field = null) => new(field is null ? this.Path : JsonPathText.Property(this.Path, field), this.Line, this.Column);
}

/// <summary>A top-level entry keyed by id (an organisational rating, a key-question result, an override), with where it was.</summary>
internal readonly struct RawEntry<T>
{
    public RawEntry(string id, T value, Place place)
    {
        this.Id = id;
        this.Value = value;
        this.Place = place;
    }

    public string Id { get; }

    public T Value { get; }

    public Place Place { get; }
}

/// <summary>A key-question result as given in <c>keyQuestions</c>: a published percentage or exact counts.</summary>
internal readonly struct RawResult
{
    public RawResult(Scoring.KeyQuestionTally tally, Internal.ExactNumber? percent)
    {
        this.Tally = tally;
        this.Percent = percent;
    }

    public Scoring.KeyQuestionTally Tally { get; }

    /// <summary>The published percentage, exactly as written, when the result was given as one.</summary>
    public Internal.ExactNumber? Percent { get; }
}

/// <summary>Everything in a findings document except its cases, as read.</summary>
internal sealed class RawHeader
{
    public string? Framework { get; set; }

    public Place FrameworkPlace { get; set; }

    public string? Unit { get; set; }

    public DateTime? FieldworkStarted { get; set; }

    public Place FieldworkPlace { get; set; }

    public bool OrganisationalGiven { get; set; }

    public List<RawEntry<Rating>> Organisational { get; } = new();

    public List<RawEntry<RawResult>> KeyQuestions { get; } = new();

    public List<RawEntry<(Rating Rating, string Reason)>> Overrides { get; } = new();

    public RawExpected? Expected { get; set; }

    public bool CasesGiven { get; set; }

    /// <summary>Fields that were present but bad: no second "missing" problem is reported for them.</summary>
    public HashSet<string> BadFields { get; } = new(StringComparer.Ordinal);
}

/// <summary>The <c>expected</c> block as read; standard and key-question ids are checked by the binder.</summary>
internal sealed class RawExpected
{
    public List<RawEntry<ExpectedStandard>> Standards { get; } = new();

    public int? Score { get; set; }

    public int? MaxScore { get; set; }

    public Rating? Overall { get; set; }

    public long? CasesInspected { get; set; }

    public long? ResetCases { get; set; }

    public long? AdjustedCases { get; set; }
}

/// <summary>Receives a findings document piece by piece as the parser reads it.</summary>
internal interface IFindingsHandler
{
    /// <summary>Called after the <c>framework</c> field is read, so cases can be bound as they come.</summary>
    void FrameworkNamed(RawHeader header);

    /// <summary>Called for each case in document order; returns whether the handler keeps <paramref name="rawCase"/> (else the parser reuses it).</summary>
    bool Case(RawCase rawCase);

    /// <summary>Called with a case's id as soon as it is read, before the rest of the case: the id set can start loading its place.</summary>
    void IdRead(ReadOnlySpan<byte> id);

    /// <summary>Called once, early in the cases of a document whose length is known, with about how many cases it has.</summary>
    void CasesExpected(long count);
}
