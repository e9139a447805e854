using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Bulk;

/// <summary>
/// Every population-count path the bulk path can take (Vector512, Vector256/AVX2, scalar popcnt, SWAR; the
/// netstandard2.0 build has SWAR only) gives the same tallies, each chosen explicitly and checked against
/// answers counted one by one, on random batches of odd sizes around word, vector and block edges.
/// </summary>
public class PopCountPathTests
{
    private static readonly int[] OddSizes = { 1, 7, 63, 65, 127, 129, 511, 513, 1_023, 4_097, 31 * 512 + 3, 62 * 512 + 65, 100_003 };

    // Named, since the enum is internal and test methods are public.
    private static IEnumerable<string> Paths() => PopCountKernels.Available.Select(p => p.ToString());

    [Test]
    public void The_build_offers_the_paths_its_target_and_the_cpu_have()
    {
#if LIBRARY_NETSTANDARD
        PopCountKernels.Available.ShouldBe(new[] { PopCountPath.Swar });
#else
        var expected = new List<PopCountPath>();
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512BW.IsSupported)
        {
            expected.Add(PopCountPath.Vector512);
        }

        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            expected.Add(PopCountPath.Vector256);
        }

        expected.Add(PopCountPath.Scalar);
        expected.Add(PopCountPath.Swar);
        PopCountKernels.Available.ShouldBe(expected);
#endif
        PopCountKernels.Best.ShouldBe(PopCountKernels.Available[0]);
    }

    [TestCaseSource(nameof(Paths))]
    public void Each_path_tallies_random_batches_as_answers_counted_one_by_one(string name)
    {
        var path = Enum.Parse<PopCountPath>(name);
        var random = new Random(1409);
        foreach (var n in OddSizes)
        {
            foreach (var framework in new[] { FrameworkCatalog.DefaultFramework, FrameworkVariants.WithAdjustedExclusions })
            {
                var excluded = framework == FrameworkCatalog.DefaultFramework ? Array.Empty<int>() : FrameworkVariants.ExcludedWhenAdjusted;
                var (batch, expected) = RandomBatch(random, framework, n, excluded);
                var tallied = BulkTally.Tally(batch, 1, 1, path);
                tallied.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(expected, $"{path}, {n} cases, {framework.VersionId}");
                BulkTally.Tally(batch, 3, 1, path).ShouldBe(tallied, $"{path} split over three threads, {n} cases");
                BulkTally.Tally(batch).ShouldBe(tallied, $"Auto against {path}, {n} cases");
            }
        }
    }

    [TestCaseSource(nameof(Paths))]
    public void Each_path_counts_bits_with_and_without_a_mask_at_every_length_up_to_300_words(string name)
    {
        var path = Enum.Parse<PopCountPath>(name);
        var random = new Random(14);
        var words = new ulong[300];
        var mask = new ulong[300];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 11) ^ (uint)random.Next();
            mask[i] = ((ulong)(uint)random.Next() << 32) | (uint)random.Next();
        }

        words[17] = ulong.MaxValue;
        mask[17] = 0;
        for (var length = 0; length <= words.Length; length++)
        {
            long plain = 0;
            long masked = 0;
            for (var i = 0; i < length; i++)
            {
                for (var bit = 0; bit < 64; bit++)
                {
                    var set = (words[i] >> bit) & 1;
                    plain += (long)set;
                    masked += (long)(set & ~(mask[i] >> bit) & 1);
                }
            }

            PopCountKernels.Count(words.AsSpan(0, length), default, path).ShouldBe(plain, $"{path}, length {length}");
            PopCountKernels.Count(words.AsSpan(0, length), mask.AsSpan(0, length), path).ShouldBe(masked, $"{path} masked, length {length}");
        }

        // Every byte at its largest count in every vector of several accumulation blocks.
        var full = Enumerable.Repeat(ulong.MaxValue, 8 * 62 * 3 + 5).ToArray();
        PopCountKernels.Count(full, default, path).ShouldBe(64L * full.Length);
        PopCountKernels.Count(full, new ulong[full.Length], path).ShouldBe(64L * full.Length);
        PopCountKernels.Count(full, full, path).ShouldBe(0);
    }

    [Test]
    public void A_path_the_build_or_cpu_lacks_is_refused_not_silently_replaced()
    {
        foreach (var path in Enum.GetValues(typeof(PopCountPath)).Cast<PopCountPath>().Where(p => p != PopCountPath.Auto && !PopCountKernels.Available.Contains(p)))
        {
            Should.Throw<ArgumentOutOfRangeException>(() => PopCountKernels.Count(new ulong[3], default, path));
        }

        Should.Throw<ArgumentException>(() => PopCountKernels.Count(new ulong[3], new ulong[2], PopCountPath.Swar));
    }

    // Random answers (a third each), a fifth of cases adjusted; the expected tallies counted case by case.
    private static (CaseBatch Batch, (long Yes, long Relevant)[] Expected) RandomBatch(Random random, Framework framework, int n, int[] excluded)
    {
        var batch = new CaseBatch(framework);
        var expected = new (long Yes, long Relevant)[12];
        var answers = new Answer[12];
        for (var i = 0; i < n; i++)
        {
            var adjusted = random.Next(5) == 0;
            for (var q = 0; q < 12; q++)
            {
                answers[q] = (Answer)random.Next(3);
                if (adjusted && excluded.Contains(q))
                {
                    continue;
                }

                if (answers[q] == Answer.Yes)
                {
                    expected[q].Yes++;
                }

                if (answers[q] != Answer.NotApplicable)
                {
                    expected[q].Relevant++;
                }
            }

            batch.Add(answers, adjusted ? CaseClass.Adjusted : CaseClass.Core, suspended: adjusted);
        }

        return (batch, expected);
    }
}
