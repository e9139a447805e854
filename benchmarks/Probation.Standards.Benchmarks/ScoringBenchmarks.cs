using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Bulk;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>A case in the naive object model: a class per case with its answers in a dictionary keyed by id.</summary>
public sealed class NaiveCase
{
    public NaiveCase(string id, Dictionary<string, Answer> answers)
    {
        this.Id = id;
        this.Answers = answers;
    }

    public string Id { get; }

    public Dictionary<string, Answer> Answers { get; }
}

/// <summary>
/// Scoring N cases' answers to the 12 key questions into ratings, every contender counting the same
/// answers (Data.Answers). Each method ends in a rating (or, for the floor, a sum) so none is optimised away.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly string[] QuestionIds = Data.Framework.KeyQuestions.Select(q => q.Id).ToArray();
    private List<NaiveCase> naive = null!;
    private List<InspectedCase> cases = null!;
    private CaseBatch batch = null!;
    private ulong[][] packed = null!;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup(Target = nameof(NaiveObjectModel))]
    public void SetupNaive()
    {
        var answers = Data.Answers(this.N);
        this.naive = new List<NaiveCase>(this.N);
        for (var i = 0; i < this.N; i++)
        {
            var dictionary = new Dictionary<string, Answer>(QuestionIds.Length, StringComparer.Ordinal);
            for (var q = 0; q < QuestionIds.Length; q++)
            {
                dictionary[QuestionIds[q]] = answers[((long)i * QuestionIds.Length) + q];
            }

            this.naive.Add(new NaiveCase("C" + i, dictionary));
        }
    }

    [GlobalSetup(Target = nameof(PerCaseApi))]
    public void SetupPerCase() => this.cases = Data.Cases(this.N, Data.Answers(this.N));

    [GlobalSetup(Targets = new[] { nameof(BulkOneCore), nameof(BulkTwoCores), nameof(MemoryFloorOneCore), nameof(MemoryFloorTwoCores), nameof(BulkScalarPopCount) })]
    public void SetupBulk()
    {
        var answers = Data.Answers(this.N);
        this.batch = new CaseBatch(Data.Framework, this.N);
        for (var i = 0; i < this.N; i++)
        {
            this.batch.Add(answers.AsSpan(i * 12, 12));
        }
    }

    // The alternative layout: 2-bit answers (NotApplicable 00, No 01, Yes 10), 32 a word, question-major.
    [GlobalSetup(Target = nameof(PackedTwoBitOneCore))]
    public void SetupPacked()
    {
        var answers = Data.Answers(this.N);
        var words = (this.N + 31) / 32;
        this.packed = new ulong[12][];
        for (var q = 0; q < 12; q++)
        {
            var plane = new ulong[words];
            for (var i = 0; i < this.N; i++)
            {
                plane[i >> 5] |= (ulong)answers[((long)i * 12) + q] << ((i & 31) * 2);
            }

            this.packed[q] = plane;
        }
    }

    /// <summary>A class per case, a dictionary of answers, LINQ counts, then the R4/R5 lowest-key-question rule.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveObjectModel()
    {
        var score = 0;
        foreach (var standard in new[] { "P2.1", "P2.2", "P2.3", "P2.4" })
        {
            var lowest = double.MaxValue;
            foreach (var id in QuestionIds.Where(id => id.StartsWith(standard + ".", StringComparison.Ordinal)))
            {
                var relevant = this.naive.Count(c => c.Answers[id] != Answer.NotApplicable);
                var yes = this.naive.Count(c => c.Answers[id] == Answer.Yes);
                if (relevant > 0)
                {
                    lowest = Math.Min(lowest, (double)yes / relevant);
                }
            }

            score += lowest >= 0.8 ? 3 : lowest >= 0.65 ? 2 : lowest >= 0.5 ? 1 : 0;
        }

        return score;
    }

    /// <summary>The library's ordinary per-case API: case objects into a TallyBuilder, then the explained rating.</summary>
    [Benchmark]
    public RatingResult PerCaseApi()
    {
        var builder = new TallyBuilder(Data.Framework);
        foreach (var inspectedCase in this.cases)
        {
            builder.Add(inspectedCase);
        }

        return Rater.Rate(RatingInput.Create("bench", builder.ToTallySet(), Data.Organisational));
    }

    /// <summary>The bulk path on one core: population counts of the bit-planes, then the explained rating.</summary>
    [Benchmark]
    public RatingResult BulkOneCore() =>
        Rater.Rate(RatingInput.Create("bench", BulkTally.Tally(this.batch, 1), Data.Organisational));

    /// <summary>The bulk path on two cores: per-thread partial counts merged.</summary>
    [Benchmark]
    public RatingResult BulkTwoCores() =>
        Rater.Rate(RatingInput.Create("bench", BulkTally.Tally(this.batch, 2), Data.Organisational));

    /// <summary>The same planes counted with scalar BitOperations.PopCount (popcnt) instead of the library's AVX2 kernel: the kernel choice, measured.</summary>
    [Benchmark]
    public long BulkScalarPopCount()
    {
        long total = 0;
        for (var q = 0; q < 12; q++)
        {
            foreach (var w in this.batch.YesPlane(q))
            {
                total += BitOperations.PopCount(w);
            }

            foreach (var w in this.batch.RelevantPlane(q))
            {
                total += BitOperations.PopCount(w);
            }
        }

        return total;
    }

    /// <summary>The rejected layout, packed 2-bit answers, tallied with popcnt: the layout choice, measured.</summary>
    [Benchmark]
    public long PackedTwoBitOneCore()
    {
        const ulong High = 0xAAAAAAAAAAAAAAAAUL;
        const ulong Low = 0x5555555555555555UL;
        long yes = 0;
        long relevant = 0;
        foreach (var plane in this.packed)
        {
            foreach (var w in plane)
            {
                yes += BitOperations.PopCount(w & High);
                relevant += BitOperations.PopCount((w | (w >> 1)) & Low);
            }
        }

        return yes + relevant;
    }

    /// <summary>The memory floor, one core: a plain vectorised sum over exactly the words the bulk path reads.</summary>
    [Benchmark]
    public ulong MemoryFloorOneCore() => this.SumPlanes(0, this.batch.WordCount);

    /// <summary>The memory floor, two cores: the same sum split in two halves.</summary>
    [Benchmark]
    public ulong MemoryFloorTwoCores()
    {
        var words = this.batch.WordCount;
        var half = words / 2;
        var sums = new ulong[2];
        Parallel.For(0, 2, t => sums[t] = t == 0 ? this.SumPlanes(0, half) : this.SumPlanes(half, words));
        return sums[0] + sums[1];
    }

    private ulong SumPlanes(int from, int to)
    {
        var total = Vector256<ulong>.Zero;
        ulong tail = 0;
        for (var q = 0; q < 12; q++)
        {
            Sum(this.batch.YesPlane(q)[from..to], ref total, ref tail);
            Sum(this.batch.RelevantPlane(q)[from..to], ref total, ref tail);
        }

        return Vector256.Sum(total) + tail;
    }

    private static void Sum(ReadOnlySpan<ulong> words, ref Vector256<ulong> total, ref ulong tail)
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

        total += a + b;
        for (var w = vectors.Length * 4; w < words.Length; w++)
        {
            tail += words[w];
        }
    }
}
