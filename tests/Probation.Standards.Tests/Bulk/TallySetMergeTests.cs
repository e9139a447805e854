using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Bulk;

/// <summary>Tallies merge: associative, commutative, with the empty tally set as identity, and a split case set merges to the whole.</summary>
public class TallySetMergeTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    private static TallySet Tally(CaseSet set) => TallyBuilder.Tally(Default, set.Cases);

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Merge_is_associative(CaseSet a, CaseSet b, CaseSet c)
    {
        var (x, y, z) = (Tally(a), Tally(b), Tally(c));
        var merged = x.Merge(y).Merge(z);
        merged.ShouldBe(x.Merge(y.Merge(z)));
        merged.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(a.Cases.Concat(b.Cases).Concat(c.Cases)));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Merge_is_commutative(CaseSet a, CaseSet b)
    {
        var (x, y) = (Tally(a), Tally(b));
        x.Merge(y).ShouldBe(y.Merge(x));
        x.Merge(y).Cases.ShouldBe(Rules.Counts(a.Cases.Concat(b.Cases)));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Merge_of_bulk_tallies_is_associative_and_commutative(CaseSet a, CaseSet b, CaseSet c)
    {
        if (a.Cases.Length == 0 || b.Cases.Length == 0 || c.Cases.Length == 0)
        {
            return; // empty batches: see BulkTallyTests.An_empty_batch_tallies_to_the_empty_tally_set
        }

        var (x, y, z) = (Bulk(a), Bulk(b), Bulk(c));
        x.Merge(y).Merge(z).ShouldBe(x.Merge(y.Merge(z)));
        x.Merge(y).ShouldBe(y.Merge(x));
        x.Merge(y).Merge(z).ShouldBe(TallyBuilder.Tally(Default, a.Cases.Concat(b.Cases).Concat(c.Cases)));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Empty_is_the_identity(CaseSet a)
    {
        var x = Tally(a);
        x.Merge(TallySet.Empty(Default)).ShouldBe(x);
        TallySet.Empty(Default).Merge(x).ShouldBe(x);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Tallies_of_a_split_merge_into_the_tally_of_the_whole(CaseSet a, NonNegativeInt cut)
    {
        if (a.Cases.Length < 2)
        {
            return;
        }

        var at = 1 + (cut.Get % (a.Cases.Length - 1));
        var whole = TallyBuilder.Tally(Default, a.Cases);
        Bulk(a.Cases.Take(at)).Merge(Bulk(a.Cases.Skip(at))).ShouldBe(whole);
        TallyBuilder.Tally(Default, a.Cases.Take(at)).Merge(TallyBuilder.Tally(Default, a.Cases.Skip(at))).ShouldBe(whole);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Case_order_never_matters(CaseSet a, int seed)
    {
        var shuffled = a.Cases.ToArray();
        new Random(seed).Shuffle(shuffled);
        TallyBuilder.Tally(Default, shuffled).ShouldBe(Tally(a));
        if (a.Cases.Length > 0)
        {
            Bulk(shuffled).ShouldBe(Bulk(a.Cases));
        }
    }

    private static TallySet Bulk(CaseSet set) => Bulk(set.Cases);

    private static TallySet Bulk(IEnumerable<InspectedCase> cases) => BulkTally.Tally(BulkTallyTests.Fill(Default, cases));
}
