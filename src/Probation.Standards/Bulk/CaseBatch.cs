using System;
using Probation.Standards.Cases;
using Probation.Standards.Reset;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Bulk;

/// <summary>
/// Many cases' answers held column by column for the bulk path (R3, R9): for each key question a
/// <em>Yes</em> bit-plane and a <em>relevant</em> bit-plane (bit <c>i</c> of word <c>i / 64</c> belongs to case
/// <c>i</c>), an <em>adjusted</em> bit-plane marking cases with the adjusted set of standards, and the
/// case counts, kept as cases are added. Filling it allocates nothing per case (planes grow by doubling).
/// Not thread-safe while being filled; tally it with <see cref="BulkTally"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why bit-planes and not packed 2-bit answers: both read the same 2 bits per answer (12 key questions:
/// 3 bytes a case, 30 MB for ten million), but with planes a key question's tally is exactly two
/// population counts over two contiguous runs of words (Yes = popcount(yes plane), relevant =
/// popcount(relevant plane)), while packed answers need a mask, a shift and an OR per word before
/// counting. Measured (benchmarks/results, ten million cases, one core, same run): planes counted with
/// scalar popcnt 3.40 ms, packed 2-bit answers counted with popcnt 6.70 ms, planes with the AVX2 kernel
/// of <see cref="BulkTally"/> 2.20 ms, against 2.08 ms for a plain vectorised sum of the same bytes.
/// </para>
/// <para>
/// Invariants: a Yes bit is only ever set together with its relevant bit; bits past <see cref="Count"/>
/// are zero. Answers are <see cref="Answer.NotApplicable"/> (neither bit), <see cref="Answer.No"/>
/// (relevant only) or <see cref="Answer.Yes"/> (both).
/// </para>
/// </remarks>
public sealed class CaseBatch
{
    private const int BitsPerWord = 64;
    private readonly Framework framework;
    private readonly int questions;
    private ulong[][] yes;
    private ulong[][] relevant;
    private ulong[] adjusted;
    private int count;
    private ulong answeredMask;
    private CaseCounts counts;

    /// <summary>Creates an empty batch for a framework.</summary>
    /// <param name="framework">The framework whose key questions the answers follow.</param>
    /// <param name="capacity">How many cases to make room for up front (the batch grows as needed).</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is negative.</exception>
    public CaseBatch(Framework framework, int capacity = 0)
    {
        this.framework = framework ?? throw new ArgumentNullException(nameof(framework));
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must not be negative");
        }

        this.questions = framework.KeyQuestions.Count;
        var words = WordsFor(capacity);
        this.yes = new ulong[this.questions][];
        this.relevant = new ulong[this.questions][];
        for (var q = 0; q < this.questions; q++)
        {
            this.yes[q] = new ulong[words];
            this.relevant[q] = new ulong[words];
        }

        this.adjusted = new ulong[words];
    }

    /// <summary>The framework whose key questions the answers follow.</summary>
    public Framework Framework => this.framework;

    /// <summary>
    /// Whether some case in the batch answers a key question (NotApplicable included), as a findings
    /// document's case answers do: a case added from a span of answers answers every key question.
    /// </summary>
    /// <param name="keyQuestionIndex">The key question's index in the framework.</param>
    /// <returns>Whether the key question is given in the batch.</returns>
    internal bool IsAnswered(int keyQuestionIndex) => (this.answeredMask & (1UL << keyQuestionIndex)) != 0;

    /// <summary>How many cases the batch holds.</summary>
    public int Count => this.count;

    /// <summary>How many cases the batch can hold before its planes grow.</summary>
    public int Capacity => checked(this.adjusted.Length * BitsPerWord);

    /// <summary>The case counts (R9) of the cases added so far.</summary>
    public CaseCounts Cases => this.counts;

    /// <summary>How many 64-bit words of each plane hold cases: <c>ceil(Count / 64)</c>.</summary>
    public int WordCount => WordsFor(this.count);

    /// <summary>
    /// Adds one case from its answers, in framework order, with its Reset class (R9) and the details the
    /// case counts need. Allocates nothing unless the planes must grow.
    /// </summary>
    /// <param name="answers">One answer per key question of the framework, in framework order.</param>
    /// <param name="caseClass">The case's Reset class (see <see cref="ResetClassifier"/>).</param>
    /// <param name="sentence">The case's sentence, if known.</param>
    /// <param name="suspended">Whether the case carries a suspension date.</param>
    /// <returns>The new case's index.</returns>
    /// <exception cref="ArgumentException">When the number of answers differs from the framework's key questions, or an answer or class is not a defined value.</exception>
    public int Add(ReadOnlySpan<Answer> answers, CaseClass caseClass = CaseClass.Core, SentenceType? sentence = null, bool suspended = false) =>
        this.Add(answers, caseClass, sentence, suspended, ulong.MaxValue);

    // answered: bit q set when the case answered key question q (NotApplicable included); a span states every answer.
    private int Add(ReadOnlySpan<Answer> answers, CaseClass caseClass, SentenceType? sentence, bool suspended, ulong answered)
    {
        if (answers.Length != this.questions)
        {
            throw new ArgumentException($"a case of {this.framework.Id} has {this.questions} answers, not {answers.Length}", nameof(answers));
        }

        if (unchecked((uint)caseClass) > (uint)CaseClass.Adjusted)
        {
            throw new ArgumentOutOfRangeException(nameof(caseClass), caseClass, "not a Reset class");
        }

        if (sentence is { } s && unchecked((uint)s) > (uint)SentenceType.PostSentenceSupervision)
        {
            throw new ArgumentOutOfRangeException(nameof(sentence), sentence, "not a sentence type");
        }

        // R9: Core means not suspended; the two Reset classes mean suspended; an exempt case may be either.
        if (caseClass != CaseClass.Exempt && suspended != (caseClass is CaseClass.SuspendedAfterThreshold or CaseClass.Adjusted))
        {
            throw new ArgumentException($"a {caseClass} case {(suspended ? "cannot carry" : "needs")} a suspension date (R9)", nameof(suspended));
        }

        for (var q = 0; q < answers.Length; q++)
        {
            if (unchecked((uint)answers[q]) > (uint)Answer.Yes)
            {
                throw new ArgumentException($"answer {(int)answers[q]} to key question {q} is not Yes, No or NotApplicable", nameof(answers));
            }
        }

        var index = this.count;
        if (index == this.Capacity)
        {
            this.Grow();
        }

        var word = index >> 6;
        var bit = 1UL << (index & 63);
        for (var q = 0; q < answers.Length; q++)
        {
            var answer = answers[q];
            if (answer != Answer.NotApplicable)
            {
                this.relevant[q][word] |= bit;
                if (answer == Answer.Yes)
                {
                    this.yes[q][word] |= bit;
                }
            }
        }

        if (caseClass == CaseClass.Adjusted)
        {
            this.adjusted[word] |= bit;
        }

        this.counts += CaseCounts.Of(caseClass, sentence, suspended);
        this.answeredMask |= answered;
        this.count = index + 1;
        return index;
    }

    /// <summary>
    /// Adds an inspected case, classifying it by the framework's Reset rules as the per-case path does
    /// (R9). Allocates nothing per case beyond what the case object already holds.
    /// </summary>
    /// <param name="inspectedCase">The case; its answers must follow this batch's framework.</param>
    /// <returns>The new case's index.</returns>
    public int Add(InspectedCase inspectedCase)
    {
        if (inspectedCase is null)
        {
            throw new ArgumentNullException(nameof(inspectedCase));
        }

        if (!inspectedCase.Framework.Equals(this.framework))
        {
            throw new ArgumentException($"case {inspectedCase.Id} follows {inspectedCase.Framework}; this batch holds {this.framework}", nameof(inspectedCase));
        }

        var @class = inspectedCase.Classify().Class;
        var answers = inspectedCase.Answers.AsImmutableArray();
        return this.Add(answers.AsSpan(), @class, inspectedCase.Sentence, inspectedCase.Suspended is not null, inspectedCase.AnsweredMask);
    }

    /// <summary>Changes one answer of a case already in the batch (e.g. after an audit round).</summary>
    /// <param name="caseIndex">The case, from 0 to <see cref="Count"/> - 1.</param>
    /// <param name="keyQuestionIndex">The key question's index in the framework.</param>
    /// <param name="answer">The new answer.</param>
    /// <exception cref="ArgumentOutOfRangeException">When an index is out of range or the answer is not a defined value.</exception>
    public void SetAnswer(int caseIndex, int keyQuestionIndex, Answer answer)
    {
        this.CheckIndexes(caseIndex, keyQuestionIndex);
        if (unchecked((uint)answer) > (uint)Answer.Yes)
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer, "not Yes, No or NotApplicable");
        }

        this.answeredMask |= 1UL << keyQuestionIndex;
        var word = caseIndex >> 6;
        var bit = 1UL << (caseIndex & 63);
        ref var yesWord = ref this.yes[keyQuestionIndex][word];
        ref var relevantWord = ref this.relevant[keyQuestionIndex][word];
        yesWord = answer == Answer.Yes ? yesWord | bit : yesWord & ~bit;
        relevantWord = answer != Answer.NotApplicable ? relevantWord | bit : relevantWord & ~bit;
    }

    /// <summary>Reads one answer of a case in the batch.</summary>
    /// <param name="caseIndex">The case, from 0 to <see cref="Count"/> - 1.</param>
    /// <param name="keyQuestionIndex">The key question's index in the framework.</param>
    /// <returns>The answer.</returns>
    public Answer GetAnswer(int caseIndex, int keyQuestionIndex)
    {
        this.CheckIndexes(caseIndex, keyQuestionIndex);
        var word = caseIndex >> 6;
        var bit = 1UL << (caseIndex & 63);
        if ((this.relevant[keyQuestionIndex][word] & bit) == 0)
        {
            return Answer.NotApplicable;
        }

        return (this.yes[keyQuestionIndex][word] & bit) != 0 ? Answer.Yes : Answer.No;
    }

    /// <summary>The Yes bit-plane of a key question: <see cref="WordCount"/> words, bit <c>i % 64</c> of word <c>i / 64</c> set when case <c>i</c> answered Yes.</summary>
    /// <param name="keyQuestionIndex">The key question's index in the framework.</param>
    /// <returns>The plane's words in use.</returns>
    public ReadOnlySpan<ulong> YesPlane(int keyQuestionIndex) =>
        new(this.yes[CheckQuestion(keyQuestionIndex, this.questions)], 0, this.WordCount);

    /// <summary>The relevant bit-plane of a key question: bit set when the case did not answer NotApplicable.</summary>
    /// <param name="keyQuestionIndex">The key question's index in the framework.</param>
    /// <returns>The plane's words in use.</returns>
    public ReadOnlySpan<ulong> RelevantPlane(int keyQuestionIndex) =>
        new(this.relevant[CheckQuestion(keyQuestionIndex, this.questions)], 0, this.WordCount);

    /// <summary>The adjusted bit-plane: bit set when the case has the adjusted set of standards (R9).</summary>
    /// <returns>The plane's words in use.</returns>
    public ReadOnlySpan<ulong> AdjustedPlane() => new(this.adjusted, 0, this.WordCount);

    /// <summary>Empties the batch, keeping its capacity.</summary>
    public void Clear()
    {
        var words = this.WordCount;
        for (var q = 0; q < this.questions; q++)
        {
            Array.Clear(this.yes[q], 0, words);
            Array.Clear(this.relevant[q], 0, words);
        }

        Array.Clear(this.adjusted, 0, words);
        this.count = 0;
        this.counts = default;
        this.answeredMask = 0;
    }

    /// <summary>
    /// Makes room for <paramref name="cases"/> more cases, all NotApplicable and Core until their bits are set, for a
    /// reader that fills the planes column by column (the Parquet package); the caller adds their counts with
    /// <see cref="AddCounts"/> and sets the adjusted bit of each adjusted case. Returns the first new case's index.
    /// </summary>
    internal int Reserve(int cases)
    {
        var first = this.count;
        var needed = checked(first + cases);
        while (needed > this.Capacity)
        {
            this.Grow();
        }

        this.count = needed;
        return first;
    }

    /// <summary>Adds the case counts of cases made by <see cref="Reserve"/>, and the key questions they answer.</summary>
    internal void AddCounts(CaseCounts cases, ulong answered)
    {
        this.counts += cases;
        this.answeredMask |= answered;
    }

    internal ulong[] YesWords(int keyQuestionIndex) => this.yes[keyQuestionIndex];

    internal ulong[] RelevantWords(int keyQuestionIndex) => this.relevant[keyQuestionIndex];

    internal ulong[] AdjustedWords() => this.adjusted;

    private static int WordsFor(int cases) => (int)(((long)cases + BitsPerWord - 1) / BitsPerWord);

    private static int CheckQuestion(int keyQuestionIndex, int questions) =>
        unchecked((uint)keyQuestionIndex) < (uint)questions
            ? keyQuestionIndex
            : throw new ArgumentOutOfRangeException(nameof(keyQuestionIndex), keyQuestionIndex, $"the framework has {questions} key questions");

    private void CheckIndexes(int caseIndex, int keyQuestionIndex)
    {
        if (unchecked((uint)caseIndex) >= (uint)this.count)
        {
            throw new ArgumentOutOfRangeException(nameof(caseIndex), caseIndex, $"the batch holds {this.count} cases");
        }

        CheckQuestion(keyQuestionIndex, this.questions);
    }

    private void Grow()
    {
        var words = Math.Max(4, checked(this.adjusted.Length * 2));
        if ((long)words * BitsPerWord > int.MaxValue)
        {
            words = int.MaxValue / BitsPerWord;
            if (words <= this.adjusted.Length)
            {
                throw new InvalidOperationException($"a batch holds at most {this.Capacity} cases; tally several batches and merge the tallies");
            }
        }

        for (var q = 0; q < this.questions; q++)
        {
            Array.Resize(ref this.yes[q], words);
            Array.Resize(ref this.relevant[q], words);
        }

        Array.Resize(ref this.adjusted, words);
    }
}
