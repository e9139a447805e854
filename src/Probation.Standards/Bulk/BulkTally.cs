using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

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
    // Below this many words per extra thread, starting a thread costs more than it saves.
    private const int MinWordsPerThread = 16 * 1024;

    /// <summary>Tallies a batch.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="parallelism">How many threads to count on (1 counts on the calling thread).</param>
    /// <returns>The tally set, equal to <see cref="Cases.TallyBuilder"/>'s over the same cases.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="parallelism"/> is below one.</exception>
    public static TallySet Tally(CaseBatch batch, int parallelism = 1) => Tally(batch, parallelism, MinWordsPerThread);

    // minWordsPerThread is a parameter so tests can force the parallel split on small batches.
    internal static TallySet Tally(CaseBatch batch, int parallelism, int minWordsPerThread)
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
            CountRange(batch, excludeAdjusted, anyExcluded, 0, words, counts, 0);
        }
        else
        {
            var per = (words + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var from = Math.Min(words, t * per);
                var to = Math.Min(words, from + per);
                CountRange(batch, excludeAdjusted, anyExcluded, from, to, counts, t * 2 * questions);
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

    /// <summary>Counts the set bits of a run of words: the memory-bound kernel of the bulk path.</summary>
    /// <param name="words">The words.</param>
    /// <returns>How many bits are set.</returns>
    public static long PopCount(ReadOnlySpan<ulong> words)
    {
#if NET8_0_OR_GREATER
        if (Avx2.IsSupported && words.Length >= 64)
        {
            return PopCountAvx2(words);
        }

        long total = 0;
        foreach (var word in words)
        {
            total += BitOperations.PopCount(word);
        }

        return total;
#else
        long total = 0;
        foreach (var word in words)
        {
            total += PopCountScalar(word);
        }

        return total;
#endif
    }

    private static void CountRange(CaseBatch batch, bool[] excludeAdjusted, bool anyExcluded, int from, int to, long[] counts, int offset)
    {
        var length = to - from;
        var adjusted = anyExcluded ? new ReadOnlySpan<ulong>(batch.AdjustedWords(), from, length) : default;
        for (var q = 0; q < excludeAdjusted.Length; q++)
        {
            var yes = new ReadOnlySpan<ulong>(batch.YesWords(q), from, length);
            var relevant = new ReadOnlySpan<ulong>(batch.RelevantWords(q), from, length);
            if (excludeAdjusted[q])
            {
                counts[offset + (2 * q)] = PopCountAndNot(yes, adjusted);
                counts[offset + (2 * q) + 1] = PopCountAndNot(relevant, adjusted);
            }
            else
            {
                counts[offset + (2 * q)] = PopCount(yes);
                counts[offset + (2 * q) + 1] = PopCount(relevant);
            }
        }
    }

    // R9: an adjusted case's answer to a key question that does not apply to it is not counted.
    private static long PopCountAndNot(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask)
    {
        long total = 0;
        for (var i = 0; i < words.Length; i++)
        {
#if NET8_0_OR_GREATER
            total += BitOperations.PopCount(words[i] & ~mask[i]);
#else
            total += PopCountScalar(words[i] & ~mask[i]);
#endif
        }

        return total;
    }

#if NET8_0_OR_GREATER
    // Mula, Kurz and Lemire's nibble-lookup population count over 32-byte vectors: each byte's count is
    // the sum of two 4-bit table look-ups (vpshufb); byte counts are summed for up to 31 vectors (at most
    // 8 a byte each, so below 256), then widened to four 64-bit sums with vpsadbw.
    private static long PopCountAvx2(ReadOnlySpan<ulong> words)
    {
        var lookup = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var low = Vector256.Create((byte)0x0F);
        var vectors = MemoryMarshal.Cast<ulong, Vector256<byte>>(words);
        var totals = Vector256<ulong>.Zero;
        ref var first = ref MemoryMarshal.GetReference(vectors);
        var i = 0;
        while (i < vectors.Length)
        {
            var end = Math.Min(vectors.Length, i + 31);
            var bytes = Vector256<byte>.Zero;
            for (; i < end; i++)
            {
                var v = Unsafe.Add(ref first, i);
                var lo = Avx2.Shuffle(lookup, v & low);
                var hi = Avx2.Shuffle(lookup, Avx2.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & low);
                bytes += lo + hi;
            }

            totals += Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
        }

        long total = (long)(totals.GetElement(0) + totals.GetElement(1) + totals.GetElement(2) + totals.GetElement(3));
        for (var w = vectors.Length * 4; w < words.Length; w++)
        {
            total += BitOperations.PopCount(words[w]);
        }

        return total;
    }
#else
    // netstandard2.0 has no BitOperations: the classic SWAR population count.
    private static int PopCountScalar(ulong value)
    {
        unchecked
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }
    }
#endif
}
