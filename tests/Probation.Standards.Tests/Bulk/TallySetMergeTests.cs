using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Bulk;

/// <summary>Tallies merge (design.md): associative, commutative, with the empty tally set as identity, and a split case set merges to the whole.</summary>
public class TallySetMergeTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Merge_is_associative(CaseSet a, CaseSet b, CaseSet c)
    {
        var (x, y, z) = (TallySet.Of(Default, a.Cases), TallySet.Of(Default, b.Cases), TallySet.Of(Default, c.Cases));
        x.Merge(y).Merge(z).ShouldBe(x.Merge(y.Merge(z)));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Merge_is_commutative(CaseSet a, CaseSet b)
    {
        var (x, y) = (TallySet.Of(Default, a.Cases), TallySet.Of(Default, b.Cases));
        x.Merge(y).ShouldBe(y.Merge(x));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Empty_is_the_identity(CaseSet a)
    {
        var x = TallySet.Of(Default, a.Cases);
        x.Merge(TallySet.Empty(Default)).ShouldBe(x);
        TallySet.Empty(Default).Merge(x).ShouldBe(x);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Tallies_of_a_split_merge_into_the_tally_of_the_whole(CaseSet a, NonNegativeInt cut)
    {
        var at = a.Cases.Length == 0 ? 0 : cut.Get % (a.Cases.Length + 1);
        var whole = TallySet.Of(Default, a.Cases);
        var left = BulkTallyTests.Fill(Default, a.Cases.Take(at));
        var right = BulkTallyTests.Fill(Default, a.Cases.Skip(at));
        Probation.Standards.Bulk.BulkTally.Tally(left).Merge(Probation.Standards.Bulk.BulkTally.Tally(right)).ShouldBe(whole);
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 100)]
    public void Case_order_never_matters(CaseSet a, int seed)
    {
        var random = new Random(seed);
        var shuffled = a.Cases.OrderBy(_ => random.Next()).ToArray();
        TallySet.Of(Default, shuffled).ShouldBe(TallySet.Of(Default, a.Cases));
    }
}
