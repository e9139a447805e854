using FsCheck;
using FsCheck.Fluent;
using Parquet;
using Probation.Standards.Parquet.Reading;
using Probation.Standards.Sheets;

namespace Probation.Standards.Parquet.Tests;

/// <summary>
/// The fast path (column chunks decoded by the library) reads every table exactly as Parquet.Net's path does: the
/// same tallies, counts, planes, classifications, warnings and groups, or the same problems word for word; it rates
/// only the layouts it knows and only valid tables, and gives every other table to Parquet.Net's path.
/// </summary>
public class FastPathTests
{
    /// <summary>What one read gave: the table or the problems, and whether the fast path rated it.</summary>
    private sealed record Outcome(CaseTable? Table, IReadOnlyList<string>? Problems, int FastRowGroups, string? Fallback, int OnTwoThreads = 0);

    private static CaseSheetOptions Options(bool group = false, bool keep = false, int threads = 1) => TableSupport.Options(group, keep, threads);

    // With two threads allowed, every row group is large enough to share (the threshold lowered to one row).
    private static Outcome Read(byte[] parquet, CaseSheetOptions options, bool fast)
    {
        var reader = new TableReader("cases.parquet", options) { FastPath = fast, MinRowsForTwoThreads = 1 };
        try
        {
            var table = reader.ReadAsync(new MemoryStream(parquet), System.Threading.CancellationToken.None).GetAwaiter().GetResult();
            return new Outcome(table, null, reader.FastRowGroups, reader.Fallback, reader.RowGroupsOnTwoThreads);
        }
        catch (InvalidInputException ex)
        {
            return new Outcome(null, ex.MessageLines(), reader.FastRowGroups, reader.Fallback, reader.RowGroupsOnTwoThreads);
        }
    }

    // The fast path with two threads against the same with one: the same table or problems, the same fallback.
    private static Outcome ShouldReadTheSameOnTwoThreads(byte[] parquet, CaseSheetOptions options, Outcome one)
    {
        var two = Read(parquet, Options(options.GroupBy is not null, options.KeepCases, threads: 2), fast: true);
        ShouldBeSame(two, one);
        (two.FastRowGroups, two.Fallback).ShouldBe((one.FastRowGroups, one.Fallback));
        one.OnTwoThreads.ShouldBe(0);
        return two;
    }

    private static (Outcome Fast, Outcome Slow) Both(byte[] parquet, CaseSheetOptions options)
    {
        var fast = Read(parquet, options, fast: true);
        var slow = Read(parquet, options, fast: false);
        slow.FastRowGroups.ShouldBe(0);
        slow.Fallback.ShouldBeNull();
        ShouldBeSame(fast, slow);
        return (fast, slow);
    }

    private static void ShouldBeSame(Outcome fast, Outcome slow)
    {
        if (slow.Problems is not null)
        {
            fast.Problems.ShouldBe(slow.Problems);
            return;
        }

        fast.Problems.ShouldBeNull();
        var (a, b) = (fast.Table!, slow.Table!);
        a.Input.ShouldBe(b.Input);
        a.Cases.ShouldBe(b.Cases);
        a.Rows.ShouldBe(b.Rows);
        a.BlankAnswers.ShouldBe(b.BlankAnswers);
        a.RowGroups.ShouldBe(b.RowGroups);
        a.Groups.ShouldBe(b.Groups, $"fast path: {fast.FastRowGroups} row groups, fallback {fast.Fallback}\n" + Describe(a.Groups) + "\n  against\n" + Describe(b.Groups));
        a.Classified.ShouldBe(b.Classified);
        a.Classifications.ShouldBe(b.Classifications);
        a.Warnings.Select(w => (w.Code, w.CaseId, w.Message)).ShouldBe(b.Warnings.Select(w => (w.Code, w.CaseId, w.Message)));
        a.Batch.Count.ShouldBe(b.Batch.Count);
        a.Batch.AdjustedPlane().ToArray().ShouldBe(b.Batch.AdjustedPlane().ToArray());
        for (var q = 0; q < a.Framework.KeyQuestions.Count; q++)
        {
            a.Batch.YesPlane(q).ToArray().ShouldBe(b.Batch.YesPlane(q).ToArray());
            a.Batch.RelevantPlane(q).ToArray().ShouldBe(b.Batch.RelevantPlane(q).ToArray());
        }
    }

    private static string Describe(Probation.Standards.Groups.GroupedTallies? groups) =>
        groups is null ? "none" : string.Join("\n", groups.Groups.Select(g =>
            $"{g.Key}: {string.Join(" ", g.Tallies.KeyQuestions.Select(t => $"{t.Yes}/{t.Relevant}"))} {g.Tallies} warnings [{string.Join("; ", g.Warnings.Select(w => w.Message))}]"));

    // A mistake planted in a random table, or none (0).
    private static bool Plant(List<TestCase> cases, Random random, int mistake)
    {
        if (cases.Count < 3 || mistake == 0)
        {
            return false;
        }

        var i = random.Next(1, cases.Count);
        switch (mistake)
        {
            case 1: cases[i].Answers["P2.2.2"] = "Yess"; break;
            case 2: cases[i].Sentence = "Prison"; break;
            case 3: cases[i].Exemption = "MAPA"; break;
            case 4: cases[i].Id = cases[random.Next(0, i)].Id; break;
            case 5: cases[i].Id = random.Next(2) == 0 ? " \t" : string.Empty; break;
            case 6: (cases[i].Start, cases[i].Suspended) = (new DateTime(2024, 8, 1), new DateTime(2024, 7, 31)); break;
            case 7: (cases[i].Start, cases[i].Suspended) = (null, new DateTime(2024, 7, 1)); break;
            default: return false;
        }

        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property The_fast_path_reads_any_table_as_parquet_nets_path() =>
        Prop.ForAll(
            Gen.Choose(1, 1_000_000).ToArbitrary(),
            seed =>
            {
                // The seed draws the table: size, row groups, encoding, codec, dates, options and a planted mistake.
                var draw = new Random(seed ^ 0xFA57);
                var count = draw.Next(8) == 0 ? draw.Next(0, 3) : draw.Next(1, 700);
                var rowGroup = draw.Next(3) == 0 ? draw.Next(1, 40) : draw.Next(40, 5000);
                var compression = draw.Next(5) switch { 0 => CompressionMethod.None, 1 => CompressionMethod.Gzip, _ => CompressionMethod.Snappy };
                var dates = draw.Next(6) switch { 0 => DateStorage.Timestamp, 1 or 2 => DateStorage.Text, _ => DateStorage.Date };
                var style = new TableStyle(DatabaseNames: draw.Next(2) == 0, Dates: dates, RowGroupSize: rowGroup, Dictionary: draw.Next(3) > 0, Compression: compression);
                var cases = count == 0 ? new List<TestCase>() : TableSupport.RandomCases(seed, count);
                foreach (var c in cases.Where(_ => draw.Next(40) == 0))
                {
                    c.Id = draw.Next(2) == 0 ? " ÿ-" + c.Id + "\u00A0" : "Ünïcode " + c.Id; // valid ids beyond ASCII, spaces kept
                }

                var planted = Plant(cases, draw, draw.Next(3) == 0 ? draw.Next(1, 8) : 0);
                var options = Options(group: draw.Next(3) == 0, keep: draw.Next(2) == 0);
                var parquet = TableSupport.Parquet(cases, style);
                var (fast, slow) = Both(parquet, options);
                var two = ShouldReadTheSameOnTwoThreads(parquet, options, fast);
                var understood = compression != CompressionMethod.Gzip && dates != DateStorage.Timestamp && !planted;
                if (understood && count > 0)
                {
                    fast.Fallback.ShouldBeNull();
                    fast.FastRowGroups.ShouldBe((count + rowGroup - 1) / rowGroup);
                    two.OnTwoThreads.ShouldBe(fast.FastRowGroups, "every row group shared between the threads");
                }
                else if (count > 0)
                {
                    fast.FastRowGroups.ShouldBe(0);
                    fast.Fallback.ShouldNotBeNull();
                }

                (slow.Problems is null).ShouldBe(!planted);
            });

    [TestCase(CompressionMethod.None, true)]
    [TestCase(CompressionMethod.Snappy, true)]
    [TestCase(CompressionMethod.Gzip, false)]
    [TestCase(CompressionMethod.Zstd, false)]
    [TestCase(CompressionMethod.LZ4, false)]
    public void Codecs_other_than_snappy_and_none_fall_back_and_rate_the_same(CompressionMethod codec, bool fast)
    {
        var cases = TableSupport.RandomCases(31, 250);
        var (outcome, _) = Both(TableSupport.Parquet(cases, new TableStyle(RowGroupSize: 100, Compression: codec)), Options());
        outcome.FastRowGroups.ShouldBe(fast ? 3 : 0);
        (outcome.Fallback is null).ShouldBe(fast);
    }

    [TestCase(DateStorage.Date, true, true)]
    [TestCase(DateStorage.Date, false, true)]
    [TestCase(DateStorage.Text, true, true)]
    [TestCase(DateStorage.Text, false, true)]
    [TestCase(DateStorage.Timestamp, true, false)]
    public void Dictionary_and_plain_text_and_date_columns_are_read_fast_and_timestamps_fall_back(DateStorage dates, bool dictionary, bool fast)
    {
        var cases = TableSupport.RandomCases(32, 300);
        var (outcome, _) = Both(TableSupport.Parquet(cases, new TableStyle(Dates: dates, Dictionary: dictionary, RowGroupSize: 128)), Options(group: true, keep: true));
        outcome.FastRowGroups.ShouldBe(fast ? 3 : 0);
        (outcome.Fallback is null).ShouldBe(fast);
    }

    [TestCase(1, "answer 'Yess' is not Yes, No or NotApplicable")]
    [TestCase(2, "sentence 'Prison' is not one of")]
    [TestCase(3, "exemption 'MAPA' is not one of")]
    [TestCase(4, "duplicate case id")]
    [TestCase(5, "the case id is empty")]
    [TestCase(6, "is before the start date")]
    [TestCase(7, "a suspension date needs a start date (R9)")]
    public void A_table_with_a_problem_falls_back_and_names_it_as_parquet_nets_path_does(int mistake, string problem)
    {
        var cases = TableSupport.RandomCases(33, 200);
        Plant(cases, new Random(mistake), mistake).ShouldBeTrue();
        foreach (var dictionary in new[] { true, false })
        {
            var (outcome, _) = Both(TableSupport.Parquet(cases, new TableStyle(Dictionary: dictionary, RowGroupSize: 64)), Options());
            outcome.FastRowGroups.ShouldBe(0);
            outcome.Fallback.ShouldNotBeNull();
            outcome.Problems!.ShouldContain(line => line.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Test]
    public void Parallelism_below_one_is_refused()
    {
        var parquet = TableSupport.Parquet(TableSupport.RandomCases(37, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => CaseTableReader.Read(new MemoryStream(parquet), "cases.parquet", Options(threads: 0)))
            .ParamName.ShouldBe("options");
    }

    [Test]
    public void Two_threads_share_only_row_groups_large_enough()
    {
        var parquet = TableSupport.Parquet(TableSupport.RandomCases(38, 300), new TableStyle(RowGroupSize: 100));
        var options = Options(threads: 2);
        var small = new TableReader("cases.parquet", options) { MinRowsForTwoThreads = 101 };
        var large = new TableReader("cases.parquet", options) { MinRowsForTwoThreads = 100 };
        var one = small.ReadAsync(new MemoryStream(parquet), System.Threading.CancellationToken.None).GetAwaiter().GetResult();
        var two = large.ReadAsync(new MemoryStream(parquet), System.Threading.CancellationToken.None).GetAwaiter().GetResult();
        (small.RowGroupsOnTwoThreads, large.RowGroupsOnTwoThreads).ShouldBe((0, 3));
        two.Input.ShouldBe(one.Input);
    }

    [Test]
    public void A_null_id_falls_back_and_is_named_empty()
    {
        var cases = TableSupport.RandomCases(34, 50);
        cases[7].Id = null!;
        var (withNull, _) = Both(TableSupport.Parquet(cases), Options());
        withNull.Fallback.ShouldNotBeNull();
        withNull.Problems.ShouldBe(new[] { "cases.parquet: row 8, column 'id': the case id is empty" });
    }

    [Test]
    public void The_switch_reads_through_parquet_nets_path_alone()
    {
        var parquet = TableSupport.Parquet(TableSupport.RandomCases(35, 120), new TableStyle(RowGroupSize: 50));
        var slow = Read(parquet, Options(), fast: false);
        (slow.FastRowGroups, slow.Fallback).ShouldBe((0, null));
        var fast = Read(parquet, Options(), fast: true);
        (fast.FastRowGroups, fast.Fallback).ShouldBe((3, null));
    }

    [Test]
    public void A_corrupted_page_header_is_an_invalid_input_exception_from_either_path()
    {
        var parquet = TableSupport.Parquet(TableSupport.RandomCases(36, 200), new TableStyle(RowGroupSize: 200));

        // The first column chunk (the ids) starts after the magic "PAR1": its page header is overwritten.
        for (var i = 4; i < 24; i++)
        {
            parquet[i] = 0xFF;
        }

        var (fast, slow) = Both(parquet, Options());
        fast.Fallback.ShouldNotBeNull();
        slow.Problems.ShouldNotBeNull();
        slow.Problems!.ShouldContain(line => line.Contains("the Parquet data cannot be read", StringComparison.Ordinal));
        Should.Throw<InvalidInputException>(() => CaseTableReader.Read(new MemoryStream(parquet), "cases.parquet", Options()));
    }

    // A fixed replay (docs/fuzzing.md): the property compares the tables read, not whether a damaged table is refused,
    // which Parquet.Net decides differently from read to read for some pages.
    [FsCheck.NUnit.Property(MaxTest = 200, Replay = "20261206,2023", QuietOnSuccess = true)]
    public Property Bytes_flipped_inside_the_column_chunks_give_the_same_outcome_or_an_invalid_input_exception() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), (Action<int>)FlipBytes);

    /// <summary>Seeds the property above once failed on, kept.</summary>
    [TestCase(741065)]
    public void Bytes_flipped_by_a_seed_that_once_failed_give_the_same_outcome(int seed) => FlipBytes(seed);

    private static void FlipBytes(int seed)
    {
        var draw = new Random(seed);
        var style = new TableStyle(
            Dates: draw.Next(3) == 0 ? DateStorage.Text : DateStorage.Date,
            RowGroupSize: 90,
            Dictionary: draw.Next(2) == 0,
            Compression: draw.Next(2) == 0 ? CompressionMethod.None : CompressionMethod.Snappy);
        var parquet = TableSupport.Parquet(TableSupport.RandomCases(seed, 180), style);
        var footer = BitConverter.ToInt32(parquet, parquet.Length - 8);
        var dataEnd = parquet.Length - 8 - footer;
        for (var k = draw.Next(1, 4); k > 0; k--)
        {
            parquet[draw.Next(4, dataEnd)] ^= (byte)(1 << draw.Next(8));
        }

        // Neither path may throw anything but an InvalidInputException (Read lets any other through), and the tables
        // they read must be the same, on one thread or two. Only tables: Parquet.Net reads some damaged pages
        // differently from one read to the next (docs/fuzzing.md; seed 480819 of this replay is refused by one read
        // and not by the next, in either path, since the fast path gives a damaged table to Parquet.Net).
        var options = Options(group: draw.Next(3) == 0, keep: draw.Next(2) == 0);
        var fast = Read(parquet, options, fast: true);
        var slow = Read(parquet, options, fast: false);
        var two = Read(parquet, Options(options.GroupBy is not null, options.KeepCases, threads: 2), fast: true);
        if (fast.Problems is null && slow.Problems is null)
        {
            ShouldBeSame(fast, slow);
        }

        if (fast.Problems is null && two.Problems is null)
        {
            ShouldBeSame(two, fast);
        }
    }
}
