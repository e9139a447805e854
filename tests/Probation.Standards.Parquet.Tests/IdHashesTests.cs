using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Parquet.Reading;
using Probation.Standards.Sheets;

namespace Probation.Standards.Parquet.Tests;

/// <summary>
/// The fast path's duplicate-id check: the repeated hashes are exactly those written more than once, and rows whose
/// hashes collide (a hash made to collide on purpose) are told apart by their bytes: no false duplicate, every real one.
/// </summary>
public class IdHashesTests
{
    private static CaseSheetOptions Options(bool keep = false) => TableSupport.Options(keep: keep);

    private static HashSet<ulong> Repeated(ulong[] hashes, int sizedFor, int chunk, int threads = 1)
    {
        var set = new IdHashes(sizedFor, new Rented());
        for (var from = 0; from < hashes.Length; from += chunk)
        {
            var part = hashes.AsSpan(from, Math.Min(chunk, hashes.Length - from));
            var entries = Enumerable.Range(0, part.Length).ToArray();
            set.Append(entries, part).ShouldBeTrue();
        }

        set.Count.ShouldBe(hashes.Length);
        return set.Repeated(threads);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Repeated_hashes_are_those_written_twice_or_more() =>
        Prop.ForAll(
            Gen.Choose(1, 1_000_000).ToArbitrary(),
            seed =>
            {
                // Hashes drawn from a small or a large range (so some repeat, or almost none), in chunks.
                var draw = new Random(seed);
                var n = draw.Next(0, 30_000);
                var range = draw.Next(2) == 0 ? (ulong)draw.Next(1, 50_000) : ulong.MaxValue;
                var hashes = new ulong[n];
                for (var i = 0; i < n; i++)
                {
                    var h = (ulong)draw.NextInt64() ^ ((ulong)draw.Next() << 40);
                    hashes[i] = range == ulong.MaxValue ? h : h % range;
                }

                var repeated = Repeated(hashes, n, draw.Next(1, 5000), threads: draw.Next(1, 3));
                var expected = hashes.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
                hashes.Where(h => IdHashes.IsRepeated(h, repeated)).ToHashSet().ShouldBe(expected, ignoreOrder: true);
                repeated.Count.ShouldBe(expected.Count);
            });

    [Test]
    public void Hashes_differing_only_in_the_top_bit_count_as_repeated_and_a_null_id_or_overflow_is_refused()
    {
        // Bit 63 is set on every stored hash: a hash and itself with bit 63 set are the same (a possible match, never a miss).
        var repeated = Repeated(new[] { 5UL, 5UL | (1UL << 63), 7UL }, 3, 3);
        IdHashes.IsRepeated(5, repeated).ShouldBeTrue();
        IdHashes.IsRepeated(7, repeated).ShouldBeFalse();

        var set = new IdHashes(2, new Rented());
        set.Append(new[] { 0, -1 }, new ulong[] { 1, 2 }).ShouldBeFalse();
        new IdHashes(1, new Rented()).Append(new[] { 0, 1 }, new ulong[] { 1, 2 }).ShouldBeFalse();
    }

    [Test]
    public void The_hash_tells_apart_ids_that_differ_in_one_byte_or_in_length()
    {
        var ids = new List<string> { string.Empty };
        foreach (var length in new[] { 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100 })
        {
            var id = new string('C', length);
            ids.Add(id);
            for (var at = 0; at < length; at++)
            {
                ids.Add(id.Substring(0, at) + "D" + id.Substring(at + 1));
            }
        }

        ids.Select(id => IdHashes.Hash(System.Text.Encoding.UTF8.GetBytes(id))).Distinct().Count().ShouldBe(ids.Distinct().Count());
    }

    private static (CaseTable? Table, IReadOnlyList<string>? Problems, TableReader Reader) Read(byte[] parquet, IdHasher? hash, bool fast = true, bool keep = false)
    {
        var reader = new TableReader("cases.parquet", Options(keep)) { FastPath = fast, IdHash = hash };
        try
        {
            return (reader.ReadAsync(new MemoryStream(parquet), System.Threading.CancellationToken.None).GetAwaiter().GetResult(), null, reader);
        }
        catch (InvalidInputException ex)
        {
            return (null, ex.MessageLines(), reader);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Every_hash_colliding_still_reads_distinct_ids_on_the_fast_path(bool dictionary)
    {
        var cases = TableSupport.RandomCases(41, 300);
        var parquet = TableSupport.Parquet(cases, new TableStyle(Dictionary: dictionary, RowGroupSize: 70));
        var (table, problems, reader) = Read(parquet, _ => 42, keep: true);
        problems.ShouldBeNull();
        (reader.Fallback, reader.FastRowGroups, reader.IdsCompared).ShouldBe((null, 5, 300));
        var (slow, _, _) = Read(parquet, null, fast: false, keep: true);
        table!.Input.ShouldBe(slow!.Input);
        table.Classifications.ShouldBe(slow.Classifications);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_real_duplicate_among_colliding_hashes_is_found_and_named_as_parquet_nets_path_does(bool dictionary)
    {
        var cases = TableSupport.RandomCases(42, 300);
        cases[250].Id = cases[3].Id; // in another row group
        var parquet = TableSupport.Parquet(cases, new TableStyle(Dictionary: dictionary, RowGroupSize: 70));
        var (_, slowProblems, _) = Read(parquet, null, fast: false);
        slowProblems!.ShouldContain(line => line.Contains("duplicate case id", StringComparison.Ordinal));
        foreach (IdHasher? hash in new IdHasher?[] { null, _ => 42, id => (ulong)id.Length })
        {
            var (table, problems, reader) = Read(parquet, hash);
            table.ShouldBeNull();
            problems.ShouldBe(slowProblems);
            reader.Fallback.ShouldNotBeNull();
        }
    }

    [Test]
    public void Only_the_rows_whose_hashes_repeat_are_compared()
    {
        // Two distinct ids made to share a hash: both compared, no duplicate, the fast path keeps the table.
        var cases = TableSupport.RandomCases(43, 200);
        var (a, b) = (cases[10].Id, cases[150].Id);
        var parquet = TableSupport.Parquet(cases, new TableStyle(RowGroupSize: 64));
        var (table, problems, reader) = Read(parquet, id =>
        {
            var text = System.Text.Encoding.UTF8.GetString(id);
            return text == a || text == b ? 7 : IdHashes.Hash(id);
        });
        problems.ShouldBeNull();
        (reader.Fallback, reader.FastRowGroups, reader.IdsCompared).ShouldBe((null, 4, 2));
        table!.Rows.ShouldBe(200);
    }
}
