using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Bulk;

/// <summary>
/// Tallies a <see cref="CaseBatch"/> (R3, R9) into the same <see cref="TallySet"/> the per-case
/// <see cref="Cases.TallyBuilder"/> gives for the same cases: each key question's Yes and relevant counts are
/// population counts of its bit-planes. Allocates nothing per case; with a parallelism above one, the
/// words are split into contiguous ranges, each counted on its own thread into its own partial counts,
/// and the partial counts are merged (tallies add, so the split never changes the result).
/// </summary>
public static class BulkTally
{
    // Each thread counts at least this many words (131,072 cases), so two threads start at 262,144 cases: measured
    // on a quiet machine with the carry-save kernel (BulkSplitBenchmarks, benchmarks/README.md), two threads forced
    // lost at 131,072 cases (1.24x slower) and won from 262,144 (1.13x faster; 1.42x at 524,288 and 1,048,576).
    private const int MinWordsPerThread = 2 * 1024;

    /// <summary>Tallies a batch.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="parallelism">How many threads to count on (1 counts on the calling thread).</param>
    /// <returns>The tally set, equal to <see cref="Cases.TallyBuilder"/>'s over the same cases.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="parallelism"/> is below one.</exception>
    public static TallySet Tally(CaseBatch batch, int parallelism = 1) => Tally(batch, parallelism, MinWordsPerThread);

    // minWordsPerThread is a parameter so tests can force the parallel split on small batches, path so they can
    // run each kernel explicitly.
    internal static TallySet Tally(CaseBatch batch, int parallelism, int minWordsPerThread, PopCountPath path = PopCountPath.Auto)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "parallelism must be at least 1");
        }

        var framework = batch.Framework;
        var questions = framework.KeyQuestions.Count;

        // R9: key questions the framework's data declares not to apply to adjusted cases.
        var excludeAdjusted = new bool[questions];
        var anyExcluded = false;
        foreach (var id in framework.Reset.NotApplicableWhenAdjusted)
        {
            if (framework.TryGetKeyQuestion(id, out var question))
            {
                excludeAdjusted[question.Index] = true;
                anyExcluded = true;
            }
        }

        var words = batch.WordCount;
        var threads = (int)Math.Min(parallelism, Math.Max(1, words / minWordsPerThread));

        // counts[t * 2 * questions + 2q] = Yes, [... + 2q + 1] = relevant, for thread t.
        var counts = new long[threads * 2 * questions];
        if (threads == 1)
        {
            CountRange(batch, excludeAdjusted, anyExcluded, 0, words, counts, 0, path);
        }
        else
        {
            var per = (words + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var from = Math.Min(words, t * per);
                var to = Math.Min(words, from + per);
                CountRange(batch, excludeAdjusted, anyExcluded, from, to, counts, t * 2 * questions, path);
            });
        }

        var tallies = new KeyQuestionTally[questions];
        for (var q = 0; q < questions; q++)
        {
            long yes = 0;
            long relevant = 0;
            for (var t = 0; t < threads; t++)
            {
                yes = checked(yes + counts[(t * 2 * questions) + (2 * q)]);
                relevant = checked(relevant + counts[(t * 2 * questions) + (2 * q) + 1]);
            }

            tallies[q] = new KeyQuestionTally(yes, relevant);
        }

        var given = new bool[questions];
        for (var q = 0; q < questions; q++)
        {
            given[q] = batch.IsAnswered(q);
        }
        return new TallySet(framework, ImmutableArray.Create(tallies), ImmutableArray.Create(given), batch.Cases);
    }

    /// <summary>Counts the set bits of a run of words: the kernel of the bulk path.</summary>
    /// <param name="words">The words.</param>
    /// <returns>How many bits are set.</returns>
    public static long PopCount(ReadOnlySpan<ulong> words) => PopCountKernels.Count(words, default, PopCountPath.Auto);

    private static void CountRange(CaseBatch batch, bool[] excludeAdjusted, bool anyExcluded, int from, int to, long[] counts, int offset, PopCountPath path)
    {
        var length = to - from;
        var adjusted = anyExcluded ? new ReadOnlySpan<ulong>(batch.AdjustedWords(), from, length) : default;
        for (var q = 0; q < excludeAdjusted.Length; q++)
        {
            // R9: an adjusted case's answer to a key question that does not apply to it is not counted.
            var mask = excludeAdjusted[q] ? adjusted : default;
            counts[offset + (2 * q)] = PopCountKernels.Count(new ReadOnlySpan<ulong>(batch.YesWords(q), from, length), mask, path);
            counts[offset + (2 * q) + 1] = PopCountKernels.Count(new ReadOnlySpan<ulong>(batch.RelevantWords(q), from, length), mask, path);
        }
    }
}
