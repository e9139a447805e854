using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Bulk;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Bulk;

public class BulkTallyTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    /// <summary>The default framework with P2.1.3 and P2.4.2 declared not to apply to adjusted cases (R9), to exercise that path.</summary>
    internal static Framework WithAdjustedExclusions { get; } = LoadWithExclusions();

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 200)]
    public void Bulk_tally_equals_the_per_case_builder(CaseSet set)
    {
        var expected = TallySet.Of(Default, set.Cases);
        var batch = Fill(Default, set.Cases);
        BulkTally.Tally(batch).ShouldBe(expected);
        BulkTally.Tally(batch, 2).ShouldBe(expected);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Bulk_tally_split_over_threads_equals_the_per_case_builder(CaseSet set, PositiveInt threads)
    {
        var expected = TallySet.Of(Default, set.Cases);
        var batch = Fill(Default, set.Cases);

        // Force the parallel split even for small batches: one word a thread at least.
        BulkTally.Tally(batch, 1 + (threads.Get % 5), minWordsPerThread: 1).ShouldBe(expected);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Bulk_tally_honours_key_questions_not_applying_to_adjusted_cases(CaseSet set)
    {
        var cases = set.Cases.Select(c => c with { }).ToArray();
        var expected = TallySet.Of(WithAdjustedExclusions, cases);
        var batch = Fill(WithAdjustedExclusions, cases);
        BulkTally.Tally(batch).ShouldBe(expected);
        BulkTally.Tally(batch, 3, minWordsPerThread: 1).ShouldBe(expected);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Adding_from_spans_with_a_class_equals_adding_case_objects(CaseSet set)
    {
        var fromObjects = Fill(Default, set.Cases);
        var fromSpans = new CaseBatch(Default);
        foreach (var c in set.Cases)
        {
            var @class = ResetClassifier.Classify(c.Start, c.Suspended, c.Exemption, Default.Reset, out _);
            fromSpans.Add(c.Answers.AsImmutableArray().AsSpan(), @class, c.Sentence, c.Suspended is not null);
        }

        BulkTally.Tally(fromSpans).ShouldBe(BulkTally.Tally(fromObjects));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void SetAnswer_then_tally_equals_the_builder_over_the_changed_cases(CaseSet set, int seed)
    {
        var batch = Fill(Default, set.Cases);
        var random = new Random(seed);
        var cases = set.Cases.ToArray();
        for (var k = 0; k < Math.Min(50, cases.Length); k++)
        {
            var i = random.Next(cases.Length);
            var q = random.Next(Default.KeyQuestions.Count);
            var answer = (Answer)random.Next(3);
            batch.SetAnswer(i, q, answer);
            cases[i] = cases[i] with { Answers = cases[i].Answers.AsImmutableArray().SetItem(q, answer) };
            batch.GetAnswer(i, q).ShouldBe(answer);
        }

        BulkTally.Tally(batch).ShouldBe(TallySet.Of(Default, cases));
    }

    [TestCase(0, Description = "empty batch: the identity")]
    [TestCase(1, Description = "one case in a partly used word")]
    [TestCase(63, Description = "one short of a word")]
    [TestCase(64, Description = "exactly one word")]
    [TestCase(65, Description = "one into a second word")]
    [TestCase(4 * 64 * 31 + 7, Description = "past one AVX2 accumulation block of 31 vectors, with a scalar tail")]
    [TestCase(200_001, Description = "large enough for several AVX2 blocks and a parallel split")]
    public void Sizes_around_word_and_vector_edges(int n)
    {
        var random = new Random(n);
        var cases = Enumerable.Range(0, n)
            .Select(i => new InspectedCase("C" + i, null, null, null, null, ImmutableArray.CreateRange(Enumerable.Range(0, 12).Select(_ => (Answer)random.Next(3)))))
            .ToArray();
        var batch = Fill(Default, cases);
        var expected = TallySet.Of(Default, cases);
        BulkTally.Tally(batch).ShouldBe(expected);
        BulkTally.Tally(batch, 2, minWordsPerThread: 1).ShouldBe(expected);
    }

    [Test]
    public void PopCount_equals_a_naive_count_at_every_length_up_to_300_words()
    {
        var random = new Random(7);
        var words = new ulong[300];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
        }

        words[17] = ulong.MaxValue; // a full word in the byte accumulator
        for (var length = 0; length <= words.Length; length++)
        {
            var naive = words.Take(length).Sum(w => (long)System.Numerics.BitOperations.PopCount(w));
            BulkTally.PopCount(words.AsSpan(0, length)).ShouldBe(naive, $"length {length}");
        }

        var full = Enumerable.Repeat(ulong.MaxValue, 1000).ToArray();
        BulkTally.PopCount(full).ShouldBe(64_000);
    }

    [Test]
    public void Clear_empties_the_batch_and_it_refills_to_the_same_tallies()
    {
        var cases = Enumerable.Range(0, 130).Select(i => new InspectedCase("C" + i, null, null, null, null, ImmutableArray.Create(Enumerable.Repeat(Answer.Yes, 12).ToArray()))).ToArray();
        var batch = Fill(Default, cases);
        batch.Clear();
        batch.Count.ShouldBe(0);
        BulkTally.Tally(batch).ShouldBe(TallySet.Empty(Default));
        foreach (var c in cases.Take(70))
        {
            batch.Add(c);
        }

        BulkTally.Tally(batch).ShouldBe(TallySet.Of(Default, cases.Take(70)));
    }

    [Test]
    public void Add_rejects_a_wrong_number_of_answers_or_undefined_values()
    {
        var batch = new CaseBatch(Default);
        Should.Throw<ArgumentException>(() => batch.Add(new Answer[11]));
        var bad = new Answer[12];
        bad[3] = (Answer)3;
        Should.Throw<ArgumentException>(() => batch.Add(bad));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(new Answer[12], (CaseClass)9));
        batch.Count.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(0, 0, Answer.Yes));
    }

    [Test]
    public void Filling_a_batch_with_room_allocates_nothing_per_case()
    {
        var batch = new CaseBatch(Default, 100_000);
        var answers = new Answer[12];
        answers[0] = Answer.Yes;
        batch.Add(answers); // JIT and first-call costs outside the measurement
        BulkTally.Tally(batch);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 100_000; i++)
        {
            answers[i % 12] = (Answer)(i % 3);
            batch.Add(answers, CaseClass.Core, SentenceType.Licence);
        }

        var filled = GC.GetAllocatedBytesForCurrentThread() - before;
        filled.ShouldBe(0);

        before = GC.GetAllocatedBytesForCurrentThread();
        BulkTally.Tally(batch);
        var tallied = GC.GetAllocatedBytesForCurrentThread() - before;
        tallied.ShouldBeLessThan(2_000, "the tally allocates its result and a few small arrays, nothing per case");
    }

    internal static CaseBatch Fill(Framework framework, IEnumerable<InspectedCase> cases)
    {
        var batch = new CaseBatch(framework);
        foreach (var c in cases)
        {
            batch.Add(c);
        }

        return batch;
    }

    private static Framework LoadWithExclusions()
    {
        var assembly = typeof(Framework).Assembly;
        using var stream = assembly.GetManifestResourceStream("Probation.Standards.Frameworks.probation-pdu-2023.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd().Replace("\"notApplicableWhenAdjusted\": []", "\"notApplicableWhenAdjusted\": [\"P2.1.3\", \"P2.4.2\"]", StringComparison.Ordinal);
        json.ShouldContain("\"P2.1.3\", \"P2.4.2\"]");
        using var modified = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return FrameworkCatalog.ReadFramework(modified, "probation-pdu-2023-with-exclusions.json");
    }
}
