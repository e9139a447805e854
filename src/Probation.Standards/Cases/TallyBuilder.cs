using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cases;

/// <summary>
/// The per-case producer of tallies: adds cases one at a time without keeping them, classifies each under
/// Probation Reset (R9) and notes the warnings cases raise. Not thread-safe: give each thread its own
/// builder and <see cref="TallySet.Merge"/> the results.
/// </summary>
public sealed class TallyBuilder
{
    private readonly Framework framework;
    private readonly long[] yes;
    private readonly long[] relevant;
    private readonly bool[] notApplicableWhenAdjusted;
    private readonly bool anyNotApplicableWhenAdjusted;
    private readonly ImmutableArray<RatingWarning>.Builder warnings = ImmutableArray.CreateBuilder<RatingWarning>();
    private readonly long[] classes = new long[4];
    private readonly long[] sentences = new long[4];
    private ulong answered;
    private long inspected;
    private long suspendedButExempt;

    // Yes and relevant answers not yet added to the arrays, one byte lane per key question (lanes 0-7 in the low
    // words, 8-15 in the high ones), for frameworks of 8 to 16 key questions: a case adds four words instead of two
    // counters per answer, and the lanes are spilled into the arrays before any of them can pass 255.
    private ulong yesLow;
    private ulong yesHigh;
    private ulong relevantLow;
    private ulong relevantHigh;
    private int inLanes;

    /// <summary>Creates an empty builder for a framework.</summary>
    /// <param name="framework">The framework.</param>
    public TallyBuilder(Framework framework)
    {
        this.framework = framework ?? throw new ArgumentNullException(nameof(framework));
        var n = framework.KeyQuestions.Count;
        this.yes = new long[n];
        this.relevant = new long[n];
        this.notApplicableWhenAdjusted = new bool[n];
        foreach (var id in framework.Reset.NotApplicableWhenAdjusted)
        {
            if (framework.TryGetKeyQuestion(id, out var question))
            {
                this.notApplicableWhenAdjusted[question.Index] = true;
                this.anyNotApplicableWhenAdjusted = true;
            }
        }
    }

    /// <summary>The cases added so far.</summary>
    public long Count => this.inspected;

    /// <summary>The warnings the cases added so far raised (R9), in the order added.</summary>
    public EquatableArray<RatingWarning> Warnings => this.warnings.ToImmutable();

    /// <summary>Tallies a set of cases (R3, R9).</summary>
    /// <param name="framework">The framework the cases follow.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The tally set.</returns>
    public static TallySet Tally(Framework framework, IEnumerable<InspectedCase> cases)
    {
        var builder = new TallyBuilder(framework);
        foreach (var inspectedCase in cases ?? throw new ArgumentNullException(nameof(cases)))
        {
            builder.Add(inspectedCase);
        }

        return builder.ToTallySet();
    }

    /// <summary>Adds one case and returns its Reset class (R3, R9).</summary>
    /// <param name="inspectedCase">A case of this builder's framework.</param>
    /// <returns>The case's Reset class; <see cref="InspectedCase.Classify"/> gives the days too.</returns>
    /// <exception cref="ArgumentException">The case follows another framework.</exception>
    public CaseClass Add(InspectedCase inspectedCase)
    {
        if (inspectedCase is null)
        {
            throw new ArgumentNullException(nameof(inspectedCase));
        }

        if (!ReferenceEquals(inspectedCase.Framework, this.framework))
        {
            this.CheckFramework(inspectedCase);
        }

        // A case neither suspended nor exempt is core (R9) and raises no warning: it reads no dates.
        if (inspectedCase.Suspended is null && inspectedCase.Exemption is null)
        {
            this.AddAnswers(inspectedCase.Answers.Span);
            this.CountCase(inspectedCase.AnsweredMask, CaseClass.Core, inspectedCase.Sentence);
            return CaseClass.Core;
        }

        return this.Add(inspectedCase.Answers.Span, inspectedCase.AnsweredMask, inspectedCase.Sentence, inspectedCase.Start, inspectedCase.Suspended, inspectedCase.Exemption, inspectedCase);
    }

    /// <summary>
    /// Adds one case from its parts, already checked (a reader's bound case): answers aligned with the framework's
    /// key questions; <paramref name="id"/> is asked for the id only when a warning names the case.
    /// </summary>
    internal CaseClass Add(ReadOnlySpan<Answer> answers, ulong answeredMask, SentenceType? sentence, DateTime? start, DateTime? suspended, Exemption? exemption, ICaseId id)
    {
        CaseClass @class;
        if (suspended is { } s)
        {
            @class = ResetClassifier.ClassOf((int)(s - start!.Value).TotalDays, exemption, this.framework.Reset);
        }
        else
        {
            @class = exemption is null ? CaseClass.Core : ResetClassifier.ClassOf(null, exemption, this.framework.Reset);
        }

        if (@class == CaseClass.Adjusted && this.anyNotApplicableWhenAdjusted)
        {
            this.AddAdjusted(id, answers);
        }
        else
        {
            this.AddAnswers(answers);
        }

        this.CountCase(answeredMask, @class, sentence);
        if (suspended is { } date)
        {
            this.SuspensionWarnings(id, exemption, date, @class);
        }

        return @class;
    }

    // The answers of a case whose every answer counts: in byte lanes for 8 to 16 key questions, else one by one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddAnswers(ReadOnlySpan<Answer> answers)
    {
        if (answers.Length is >= LaneMin and <= LaneMax)
        {
            this.AddToLanes(answers);
            return;
        }

        // Answer is NotApplicable 0, No 1, Yes 2: relevant is (a + 1) >> 1, Yes is a >> 1; no branch per answer.
        var yes = this.yes.AsSpan(0, answers.Length);
        var relevant = this.relevant.AsSpan(0, answers.Length);
        for (var i = 0; i < answers.Length; i++)
        {
            var a = (int)answers[i];
            relevant[i] += (a + 1) >> 1;
            yes[i] += a >> 1;
        }
    }

    // A case's mark on the counts: the key questions it answered, its class and its sentence.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountCase(ulong answeredMask, CaseClass @class, SentenceType? sentence)
    {
        this.answered |= answeredMask;
        this.inspected++;
        this.classes[(int)@class]++;
        if (sentence is { } sentenceType)
        {
            this.sentences[(int)sentenceType]++;
        }
    }

    // The framework check's slow half: an equal framework that is another object passes; any other throws.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckFramework(InspectedCase inspectedCase)
    {
        if (!inspectedCase.Framework.Equals(this.framework))
        {
            throw new ArgumentException($"case {inspectedCase.Id} follows {inspectedCase.Framework}; this builder tallies {this.framework}", nameof(inspectedCase));
        }
    }

    /// <summary>The tallies of the cases added so far.</summary>
    /// <returns>An immutable tally set.</returns>
    public TallySet ToTallySet()
    {
        this.SpillLanes();
        var n = this.yes.Length;
        var tallies = new KeyQuestionTally[n];
        var given = new bool[n];
        for (var i = 0; i < n; i++)
        {
            tallies[i] = new KeyQuestionTally(this.yes[i], this.relevant[i]);
            given[i] = (this.answered & (1UL << i)) != 0;
        }

        var counts = CaseCounts.FromTotals(this.inspected, this.classes, this.suspendedButExempt, this.sentences);
        return new TallySet(this.framework, ImmutableArray.Create(tallies), ImmutableArray.Create(given), counts);
    }

    private void SuspensionWarnings(ICaseId id, Exemption? exemption, DateTime suspended, CaseClass @class)
    {
        if (@class == CaseClass.Exempt)
        {
            this.suspendedButExempt++;
        }

        SuspensionWarnings(this.framework, id, exemption, suspended, @class, this.warnings);
    }

    /// <summary>
    /// The warnings a suspended case raises (R9), for every producer of tallies (the Parquet reader too). The id's
    /// text is asked for only when a warning names the case: a reader's case makes it on demand.
    /// </summary>
    internal static void SuspensionWarnings<TId>(Framework framework, TId id, Exemption? exemption, DateTime suspended, CaseClass @class, ICollection<RatingWarning> warnings)
        where TId : ICaseId
    {
        var reset = framework.Reset;
        string? caseId = null;
        if (@class == CaseClass.Exempt)
        {
            caseId = id.CaseId;
            // R9: an exempt case is never subject to Reset, even with a suspension date.
            warnings.Add(new RatingWarning(
                WarningCode.SuspendedButExempt,
                $"case {Internal.Quoting.Quote(caseId)} is exempt ({exemption}) but has contact suspended from {Internal.DateText.Format(suspended)}; it is judged against core standards and not counted as Reset",
                caseId: caseId));
        }

        if (suspended < reset.EffectiveFrom)
        {
            caseId ??= id.CaseId;
            warnings.Add(new RatingWarning(
                WarningCode.SuspendedBeforeReset,
                $"case {Internal.Quoting.Quote(caseId)} has contact suspended on {Internal.DateText.Format(suspended)}, before Probation Reset began on {Internal.DateText.Format(reset.EffectiveFrom)}; counted as given",
                caseId: caseId));
        }
    }

    /// <summary>The warning for an answer an adjusted case gives to a key question that does not apply to it (R9).</summary>
    internal static RatingWarning NotApplicableWhenAdjusted(Framework framework, string caseId, int keyQuestionIndex) => new(
        WarningCode.AnswerNotApplicableWhenAdjusted,
        $"case {Internal.Quoting.Quote(caseId)} has the adjusted standards, under which {framework.KeyQuestions[keyQuestionIndex].Id} does not apply; its answer is not counted",
        keyQuestionId: framework.KeyQuestions[keyQuestionIndex].Id,
        caseId: caseId);

    private const int LaneMin = 8;
    private const int LaneMax = 16;
    private const ulong LowBits = 0x0101_0101_0101_0101UL;

    // Answer is NotApplicable 0, No 1, Yes 2, one byte each: in a word of eight answers, Yes is (w >> 1) and relevant
    // is ((w + 1) >> 1) in every lane at once (no lane exceeds 3, so nothing carries into the next), masked to bit 0.
    private void AddToLanes(ReadOnlySpan<Answer> answers)
    {
        var bytes = MemoryMarshal.AsBytes(answers);
        var low = BinaryPrimitives.ReadUInt64LittleEndian(bytes);

        // The last eight answers, shifted so that answer 8 lands in lane 0; the answers 0-7 read twice fall off.
        // Unchecked: no lane passes 255 before the spill and no byte passes 3, so nothing overflows; checked, each add
        // would branch on its carry.
        var high = bytes.Length == LaneMin ? 0UL : BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(bytes.Length - 8)) >> unchecked(8 * (LaneMax - bytes.Length));
        unchecked
        {
            this.yesLow += (low >> 1) & LowBits;
            this.yesHigh += (high >> 1) & LowBits;
            this.relevantLow += ((low + LowBits) >> 1) & LowBits;
            this.relevantHigh += ((high + LowBits) >> 1) & LowBits;
        }

        if (++this.inLanes == byte.MaxValue)
        {
            this.SpillLanes();
        }
    }

    private void SpillLanes()
    {
        if (this.inLanes == 0)
        {
            return;
        }

        // Only the first sixteen key questions have lanes; AddToLanes runs only for frameworks of at most sixteen.
        var n = Math.Min(this.yes.Length, LaneMax);
        for (var i = 0; i < n; i++)
        {
            var shift = 8 * (i & 7);
            this.yes[i] += (long)(((i < 8 ? this.yesLow : this.yesHigh) >> shift) & 0xFF);
            this.relevant[i] += (long)(((i < 8 ? this.relevantLow : this.relevantHigh) >> shift) & 0xFF);
        }

        this.yesLow = this.yesHigh = this.relevantLow = this.relevantHigh = 0;
        this.inLanes = 0;
    }

    // R9: the adjusted set may make a key question not apply, as the framework's data declares.
    private void AddAdjusted(ICaseId id, ReadOnlySpan<Answer> answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            if (answer == Answer.NotApplicable)
            {
                continue;
            }

            if (this.notApplicableWhenAdjusted[i])
            {
                this.warnings.Add(NotApplicableWhenAdjusted(this.framework, id.CaseId, i));
                continue;
            }

            this.relevant[i]++;
            if (answer == Answer.Yes)
            {
                this.yes[i]++;
            }
        }
    }
}
