using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Probation.Standards.Bulk;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary><see cref="BenchConfig"/>, with one baseline per category (one thread, two threads).</summary>
public sealed class ByThreadsConfig : ManualConfig
{
    public ByThreadsConfig()
    {
        this.Add(new BenchConfig());
        this.AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
    }
}

/// <summary>
/// The bulk path against its floor in the same run (issue 14): <c>BulkTally.Tally</c> over a batch of N cases
/// (12 key questions: 24 bit-planes) beside the planes' bare sum, a plain vectorised add of exactly the words the
/// tally reads, widest accelerated vectors, the least work any reader of those bytes can do. One and two threads,
/// each with its own baseline; at 1M the 3 MB of planes sit in the 32 MB L3, at 10M (30 MB) they do not.
/// </summary>
[Config(typeof(ByThreadsConfig))]
[MemoryDiagnoser]
public class BulkBenchmarks
{
    private CaseBatch batch = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => this.batch = BulkData.Batch(this.N);

    /// <summary>The planes' bare sum on the calling thread: the floor.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1 thread")]
    public ulong PlanesSumOneThread() => BulkData.SumPlanes(this.batch, 0, this.batch.WordCount);

    /// <summary>BulkTally.Tally(batch, 1).</summary>
    [Benchmark]
    [BenchmarkCategory("1 thread")]
    public TallySet BulkTallyOneThread() => BulkTally.Tally(this.batch, 1);

    /// <summary>The planes' bare sum split in two contiguous halves over Parallel.For, as the bulk path splits.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("2 threads")]
    public ulong PlanesSumTwoThreads() => BulkData.SumPlanesTwoThreads(this.batch);

    /// <summary>BulkTally.Tally(batch, 2).</summary>
    [Benchmark]
    [BenchmarkCategory("2 threads")]
    public TallySet BulkTallyTwoThreads() => BulkTally.Tally(this.batch, 2);
}

/// <summary>
/// Where two threads start to pay: <c>BulkTally.Tally</c> on one thread against the same tally forced onto two
/// threads (the internal split seam, one word a thread at least) at sizes around the split threshold.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class BulkSplitBenchmarks
{
    private CaseBatch batch = null!;

    [Params(32_768, 65_536, 131_072, 262_144, 524_288, 1_048_576)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => this.batch = BulkData.Batch(this.N);

    /// <summary>One thread.</summary>
    [Benchmark(Baseline = true)]
    public TallySet OneThread() => BulkTally.Tally(this.batch, 1, int.MaxValue);

    /// <summary>Two threads whatever the size.</summary>
    [Benchmark]
    public TallySet TwoThreadsForced() => BulkTally.Tally(this.batch, 2, 1);
}

/// <summary>The batch the bulk benchmarks count, and the floor's sum.</summary>
public static class BulkData
{
    public static CaseBatch Batch(int n)
    {
        var answers = Data.Answers(n);
        var batch = new CaseBatch(Data.Framework, n);
        for (var i = 0; i < n; i++)
        {
            batch.Add(answers.AsSpan(i * 12, 12));
        }

        return batch;
    }

    public static ulong SumPlanesTwoThreads(CaseBatch batch)
    {
        var words = batch.WordCount;
        var half = (words + 1) / 2;
        var sums = new ulong[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => sums[t] = t == 0 ? SumPlanes(batch, 0, half) : SumPlanes(batch, half, words));
        return sums[0] + sums[1];
    }

    public static ulong SumPlanes(CaseBatch batch, int from, int to)
    {
        ulong total = 0;
        var questions = batch.Framework.KeyQuestions.Count;
        for (var q = 0; q < questions; q++)
        {
            total += Sum(batch.YesPlane(q)[from..to]);
            total += Sum(batch.RelevantPlane(q)[from..to]);
        }

        return total;
    }

    private static ulong Sum(ReadOnlySpan<ulong> words)
    {
        ulong tail = 0;
        int done;
        if (Vector512.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<ulong, Vector512<ulong>>(words);
            var a = Vector512<ulong>.Zero;
            var b = Vector512<ulong>.Zero;
            var i = 0;
            for (; i + 1 < vectors.Length; i += 2)
            {
                a += vectors[i];
                b += vectors[i + 1];
            }

            if (i < vectors.Length)
            {
                a += vectors[i];
            }

            tail = Vector512.Sum(a + b);
            done = vectors.Length * 8;
        }
        else
        {
            var vectors = MemoryMarshal.Cast<ulong, Vector256<ulong>>(words);
            var a = Vector256<ulong>.Zero;
            var b = Vector256<ulong>.Zero;
            var i = 0;
            for (; i + 1 < vectors.Length; i += 2)
            {
                a += vectors[i];
                b += vectors[i + 1];
            }

            if (i < vectors.Length)
            {
                a += vectors[i];
            }

            tail = Vector256.Sum(a + b);
            done = vectors.Length * 4;
        }

        for (var w = done; w < words.Length; w++)
        {
            tail += words[w];
        }

        return tail;
    }
}
