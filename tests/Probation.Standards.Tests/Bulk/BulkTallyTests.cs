using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Bulk;

/// <summary>
/// The bulk path (CaseBatch, BulkTally) gives the tallies R3 and R9 say, the same TallySet as the per-case
/// TallyBuilder, whatever the batch size, the word and vector edges, and the parallel split.
/// </summary>
public class BulkTallyTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 200)]
    public void Bulk_tally_equals_the_rules_and_the_per_case_builder(CaseSet set)
    {
        if (set.Cases.Length == 0)
        {
            return; // An empty batch: see An_empty_batch_tallies_to_the_empty_tally_set.
        }

        var batch = Fill(Default, set.Cases);
        var tallied = BulkTally.Tally(batch);
        tallied.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(set.Cases));
        tallied.Cases.ShouldBe(Rules.Counts(set.Cases));
        batch.Cases.ShouldBe(Rules.Counts(set.Cases));
        tallied.ShouldBe(TallyBuilder.Tally(Default, set.Cases));
        BulkTally.Tally(batch, 2).ShouldBe(tallied);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Bulk_tally_split_over_threads_equals_the_single_thread_tally(CaseSet set, PositiveInt threads)
    {
        var batch = Fill(Default, set.Cases);
        var single = BulkTally.Tally(batch);

        // Force the parallel split even for small batches through the internal test seam: one word a thread at least.
        BulkTally.Tally(batch, 1 + (threads.Get % 5), minWordsPerThread: 1).ShouldBe(single);
        single.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(set.Cases));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Bulk_tally_honours_key_questions_not_applying_to_adjusted_cases(CaseSet set)
    {
        if (set.Cases.Length == 0)
        {
            return;
        }

        var framework = FrameworkVariants.WithAdjustedExclusions;
        var cases = set.Cases.Select(c => c.For(framework)).ToArray();
        var batch = Fill(framework, cases);
        var tallied = BulkTally.Tally(batch);
        tallied.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(cases, notApplicableWhenAdjusted: FrameworkVariants.ExcludedWhenAdjusted));
        tallied.ShouldBe(TallyBuilder.Tally(framework, cases));
        BulkTally.Tally(batch, 3, minWordsPerThread: 1).ShouldBe(tallied);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void A_changed_Reset_threshold_classifies_by_the_new_number_of_days(CaseSet set, NonNegativeInt days)
    {
        var threshold = days.Get % 121;
        var framework = Default.WithResetThreshold(threshold);
        framework.Reset.AdjustedWithinDays.ShouldBe(threshold);
        var cases = set.Cases.Select(c => c.For(framework)).ToArray();

        var perCase = TallyBuilder.Tally(framework, cases);
        perCase.Cases.ShouldBe(Rules.Counts(cases, threshold));
        cases.Select(c => c.Classify().Class).ShouldBe(cases.Select(c => Rules.ClassOf(c.Start, c.Suspended, c.Exemption, threshold)));
        var bulk = Fill(framework, cases);
        bulk.Cases.ShouldBe(Rules.Counts(cases, threshold));
        if (cases.Length > 0)
        {
            BulkTally.Tally(bulk).ShouldBe(perCase);
        }
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Adding_from_spans_with_a_class_equals_adding_case_objects(CaseSet set)
    {
        var fromObjects = Fill(Default, set.Cases);
        var fromSpans = new CaseBatch(Default);
        foreach (var c in set.Cases)
        {
            var @class = Rules.ClassOf(c.Start, c.Suspended, c.Exemption);
            fromSpans.Add(c.Answers.ToArray(), @class, c.Sentence, c.Suspended is not null).ShouldBe(fromSpans.Count - 1);
        }

        fromSpans.Count.ShouldBe(set.Cases.Length);
        fromSpans.Cases.ShouldBe(fromObjects.Cases);
        BulkTally.Tally(fromSpans).ShouldBe(BulkTally.Tally(fromObjects));
        for (var q = 0; q < 12; q++)
        {
            fromSpans.YesPlane(q).ToArray().ShouldBe(fromObjects.YesPlane(q).ToArray());
            fromSpans.RelevantPlane(q).ToArray().ShouldBe(fromObjects.RelevantPlane(q).ToArray());
        }
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void SetAnswer_then_tally_equals_the_rules_over_the_changed_cases(CaseSet set, int seed)
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
            cases[i] = cases[i].WithAnswer(q, answer);
            batch.GetAnswer(i, q).ShouldBe(answer);
        }

        BulkTally.Tally(batch).KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(cases));
        for (var i = 0; i < cases.Length; i++)
        {
            for (var q = 0; q < 12; q++)
            {
                batch.GetAnswer(i, q).ShouldBe(cases[i].Answers[q]);
            }
        }
    }

    [TestCase(1, Description = "one case in a partly used word")]
    [TestCase(63, Description = "one short of a word")]
    [TestCase(64, Description = "exactly one word")]
    [TestCase(65, Description = "one into a second word")]
    [TestCase(4 * 64 * 31 + 7, Description = "past one AVX2 accumulation block of 31 vectors, with a scalar tail")]
    [TestCase(200_001, Description = "large enough for several AVX2 blocks and a parallel split")]
    public void Sizes_around_word_and_vector_edges(int n)
    {
        // Case i answers key question q: Yes when (i + q) % 3 == 0, No when 1, NotApplicable when 2.
        var batch = new CaseBatch(Default);
        var answers = new Answer[12];
        for (var i = 0; i < n; i++)
        {
            for (var q = 0; q < 12; q++)
            {
                answers[q] = ((i + q) % 3) switch { 0 => Answer.Yes, 1 => Answer.No, _ => Answer.NotApplicable };
            }

            batch.Add(answers);
        }

        batch.Count.ShouldBe(n);
        batch.WordCount.ShouldBe((n + 63) / 64);
        var expected = new KeyQuestionTally[12];
        for (var q = 0; q < 12; q++)
        {
            // Over i in [0, n): (i + q) % 3 == r exactly when i % 3 == (r - q) mod 3.
            var yes = CountResidue(n, (3 - (q % 3)) % 3);
            var no = CountResidue(n, (4 - (q % 3)) % 3);
            expected[q] = new KeyQuestionTally(yes, yes + no);
        }

        var tallied = BulkTally.Tally(batch);
        tallied.KeyQuestions.ShouldBe(expected);
        tallied.Cases.ShouldBe(new CaseCounts(inspected: n, core: n, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0));
        BulkTally.Tally(batch, 2, minWordsPerThread: 1).ShouldBe(tallied);
        BulkTally.Tally(batch, 4).ShouldBe(tallied);
    }

    // How many i in [0, n) have i % 3 == residue.
    private static long CountResidue(long n, int residue) => n <= residue ? 0 : ((n - 1 - residue) / 3) + 1;

    [Test]
    public void A_batch_of_over_two_million_cases_splits_over_threads_through_the_public_api()
    {
        // 2,100,000 cases = 32,813 words: two threads of at least 8,192 words each (up to four). Case i answers Yes to every
        // key question when i % 4 == 0, No when 1 or 2, NotApplicable when 3: 525,000 Yes of 1,575,000 relevant.
        const int n = 2_100_000;
        var batch = new CaseBatch(Default, n);
        var yes = Enumerable.Repeat(Answer.Yes, 12).ToArray();
        var no = Enumerable.Repeat(Answer.No, 12).ToArray();
        var notApplicable = new Answer[12];
        for (var i = 0; i < n; i++)
        {
            batch.Add((i % 4) switch { 0 => yes, 3 => notApplicable, _ => no });
        }

        var single = BulkTally.Tally(batch);
        single.KeyQuestions.ShouldAllBe(t => t == new KeyQuestionTally(525_000, 1_575_000));
        BulkTally.Tally(batch, 2).ShouldBe(single);
        BulkTally.Tally(batch, 8).ShouldBe(single);
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
            long naive = 0;
            foreach (var w in words.Take(length))
            {
                for (var bit = 0; bit < 64; bit++)
                {
                    naive += (long)((w >> bit) & 1);
                }
            }

            BulkTally.PopCount(words.AsSpan(0, length)).ShouldBe(naive, $"length {length}");
        }

        var full = Enumerable.Repeat(ulong.MaxValue, 1000).ToArray();
        BulkTally.PopCount(full).ShouldBe(64_000);
        BulkTally.PopCount(ReadOnlySpan<ulong>.Empty).ShouldBe(0);
    }

    [Test]
    public void Planes_hold_one_bit_per_case_and_nothing_past_the_count()
    {
        var batch = new CaseBatch(Default);
        batch.Add(Answers(Answer.Yes));
        batch.Add(Answers(Answer.No));
        batch.Add(Answers(Answer.NotApplicable));
        batch.Add(Answers(Answer.Yes), CaseClass.Adjusted, SentenceType.Licence, suspended: true);

        batch.WordCount.ShouldBe(1);
        batch.YesPlane(4).ToArray().ShouldBe(new[] { 0b1001UL });
        batch.RelevantPlane(4).ToArray().ShouldBe(new[] { 0b1011UL });
        batch.AdjustedPlane().ToArray().ShouldBe(new[] { 0b1000UL });
        batch.Cases.ShouldBe(new CaseCounts(inspected: 4, core: 3, exempt: 0, suspendedAfterThreshold: 0, adjusted: 1, licences: 1));
    }

    [Test]
    public void Clear_empties_the_batch_and_it_refills_to_the_same_tallies()
    {
        var cases = Enumerable.Range(0, 130).Select(i => TestCases.Letters("C" + i, i % 2 == 0 ? "YYYYYYYYYYYY" : "NNNNNN------")).ToArray();
        var batch = Fill(Default, cases);
        batch.Clear();
        batch.Count.ShouldBe(0);
        batch.WordCount.ShouldBe(0);
        batch.Cases.ShouldBe(CaseCounts.Zero);
        BulkTally.Tally(batch).KeyQuestions.ShouldAllBe(t => t == KeyQuestionTally.Zero);
        foreach (var c in cases.Take(70))
        {
            batch.Add(c);
        }

        // 35 all-Yes cases, 35 answering No to the first six key questions only.
        var tallied = BulkTally.Tally(batch);
        tallied.KeyQuestions.Take(6).ShouldAllBe(t => t == new KeyQuestionTally(35, 70));
        tallied.KeyQuestions.Skip(6).ShouldAllBe(t => t == new KeyQuestionTally(35, 35));
        tallied.ShouldBe(TallyBuilder.Tally(Default, cases.Take(70)));
    }

    [Test]
    public void A_case_of_another_framework_is_refused()
    {
        var other = FrameworkJson.Read(FrameworkJson.Renamed("other", "2023-10-01"));
        var batch = new CaseBatch(Default);
        Should.Throw<ArgumentException>(() => batch.Add(TestCases.Letters("A", "YYYYYYYYYYYY").For(other)));
        batch.Count.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseBatch(Default, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => BulkTally.Tally(batch, 0));
    }

    [Test]
    public void An_empty_batch_tallies_to_the_empty_tally_set()
    {
        var batch = new CaseBatch(Default);
        BulkTally.Tally(batch).ShouldBe(TallySet.Empty(Default));
        BulkTally.Tally(batch).ShouldBe(TallyBuilder.Tally(Default, Array.Empty<InspectedCase>()));
    }

    [Test]
    public void A_batch_of_cases_answering_some_key_questions_tallies_as_the_builder_does()
    {
        var cases = new[]
        {
            InspectedCase.Create(Default, "A", Docs.KeyQuestionIds.Take(9).Select(id => new KeyValuePair<string, Answer>(id, Answer.Yes))),
            InspectedCase.Create(Default, "B", Docs.KeyQuestionIds.Take(9).Select(id => new KeyValuePair<string, Answer>(id, Answer.No))),
        };
        var bulk = BulkTally.Tally(Fill(Default, cases));
        bulk.IsGiven("P2.4.1").ShouldBeFalse();
        bulk.ShouldBe(TallyBuilder.Tally(Default, cases));

        // The per-case tallies take P2.4's key questions from published percentages; the bulk ones should too.
        var judgements = new[] { new JudgementRating("P1.1", Rating.Good), new JudgementRating("P1.2", Rating.Good), new JudgementRating("P1.3", Rating.Good) };
        var published = Docs.KeyQuestionIds.Skip(9).Select(id => PublishedPercentage.Create(id, 70m)).ToArray();
        Should.NotThrow(() => RatingInput.Create("Bulk PDU", bulk, judgements, published));
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

    private static Answer[] Answers(Answer answer) => Enumerable.Repeat(answer, 12).ToArray();
}
