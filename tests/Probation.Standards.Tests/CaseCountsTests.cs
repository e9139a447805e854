using Probation.Standards.Reset;

namespace Probation.Standards.Tests;

/// <summary>
/// Case counts (R9) as values: what the constructor refuses (negative counts, classes that do not sum to the cases
/// inspected, more sentences than cases, more suspended exempt cases than exempt ones) and the edges it accepts,
/// one case of each class and sentence, addition, equality field by field and the printed summary.
/// </summary>
public class CaseCountsTests
{
    [Test]
    public void Counts_that_cannot_be_are_refused_with_the_reason()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(1, 2, -1, 0, 0)).Message.ShouldStartWith("case counts cannot be negative");
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(0, 0, 0, 0, 0, postSentenceSupervision: -1)).Message.ShouldStartWith("case counts cannot be negative");
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(0, 0, 0, 0, 0, suspendedButExempt: -1)).Message.ShouldStartWith("case counts cannot be negative");
        var sum = Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(5, 1, 1, 1, 1));
        sum.ParamName.ShouldBe("inspected");
        sum.Message.ShouldStartWith("the Reset classes sum to 4 cases, not the 5 inspected");
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(3, 1, 1, 1, 1)).Message.ShouldStartWith("the Reset classes sum to 4 cases, not the 3 inspected");
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(2, 2, 0, 0, 0, communityOrders: 1, licences: 1, suspendedSentenceOrders: 1))
            .Message.ShouldStartWith("the sentences sum to 3 cases, more than the 2 inspected");
        var exempt = Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(2, 0, 2, 0, 0, suspendedButExempt: 3));
        exempt.ParamName.ShouldBe("suspendedButExempt");
        exempt.Message.ShouldStartWith("3 exempt cases are suspended, but only 2 are exempt");
        Should.Throw<OverflowException>(() => new CaseCounts(long.MaxValue, long.MaxValue, 1, 0, 0));
    }

    [Test]
    public void The_edges_are_accepted()
    {
        var full = new CaseCounts(4, 1, 1, 1, 1, suspendedButExempt: 1, communityOrders: 1, suspendedSentenceOrders: 1, licences: 1, postSentenceSupervision: 1);
        full.Reset.ShouldBe(2);
        full.SuspendedButExempt.ShouldBe(1);
        full.PostSentenceSupervision.ShouldBe(1);
        full.SuspendedSentenceOrders.ShouldBe(1);
        new CaseCounts(0, 0, 0, 0, 0).ShouldBe(CaseCounts.Zero);
    }

    [Test]
    public void One_case_counts_in_its_class_and_sentence_only()
    {
        var expected = new Dictionary<(CaseClass, SentenceType?, bool), CaseCounts>
        {
            [(CaseClass.Core, null, false)] = new(1, 1, 0, 0, 0),
            [(CaseClass.Exempt, SentenceType.CommunityOrder, false)] = new(1, 0, 1, 0, 0, communityOrders: 1),
            [(CaseClass.Exempt, SentenceType.SuspendedSentenceOrder, true)] = new(1, 0, 1, 0, 0, suspendedButExempt: 1, suspendedSentenceOrders: 1),
            [(CaseClass.SuspendedAfterThreshold, SentenceType.Licence, true)] = new(1, 0, 0, 1, 0, licences: 1),
            [(CaseClass.Adjusted, SentenceType.PostSentenceSupervision, true)] = new(1, 0, 0, 0, 1, postSentenceSupervision: 1),
            [(CaseClass.Core, SentenceType.Licence, true)] = new(1, 1, 0, 0, 0, licences: 1),
        };
        foreach (var ((caseClass, sentence, suspended), counts) in expected)
        {
            CaseCounts.Of(caseClass, sentence, suspended).ShouldBe(counts, $"{caseClass} {sentence} {suspended}");
        }

        Should.Throw<ArgumentOutOfRangeException>(() => CaseCounts.Of((CaseClass)4, null, false)).ParamName.ShouldBe("class");
        Should.Throw<ArgumentOutOfRangeException>(() => CaseCounts.Of(CaseClass.Core, (SentenceType)4, false)).ParamName.ShouldBe("sentence");
    }

    [Test]
    public void Counts_add_field_by_field_and_compare_field_by_field()
    {
        var a = new CaseCounts(4, 1, 1, 1, 1, 1, 1, 0, 1, 0);
        var b = new CaseCounts(3, 0, 1, 2, 0, 0, 0, 2, 0, 1);
        var sum = a + b;
        sum.ShouldBe(new CaseCounts(7, 1, 2, 3, 1, 1, 1, 2, 1, 1));
        a.Add(b).ShouldBe(sum);
        (a + CaseCounts.Zero).ShouldBe(a);
        Should.Throw<OverflowException>(() => new CaseCounts(long.MaxValue, long.MaxValue, 0, 0, 0) + new CaseCounts(1, 1, 0, 0, 0));

        var fields = new[]
        {
            new CaseCounts(4, 2, 1, 1, 0, 1, 1, 0, 1, 0), new CaseCounts(4, 1, 2, 1, 0, 1, 1, 0, 1, 0), new CaseCounts(4, 1, 1, 2, 0, 1, 1, 0, 1, 0),
            new CaseCounts(4, 1, 1, 1, 1, 0, 1, 0, 1, 0), new CaseCounts(4, 1, 1, 1, 1, 1, 0, 0, 1, 0), new CaseCounts(4, 1, 1, 1, 1, 1, 1, 1, 1, 0),
            new CaseCounts(4, 1, 1, 1, 1, 1, 1, 0, 0, 0), new CaseCounts(4, 1, 1, 1, 1, 1, 1, 0, 1, 1), new CaseCounts(5, 2, 1, 1, 1, 1, 1, 0, 1, 0),
        };
        foreach (var other in fields)
        {
            a.Equals(other).ShouldBeFalse(other.ToString());
            (a == other).ShouldBeFalse();
            (a != other).ShouldBeTrue();
        }

        var copy = new CaseCounts(4, 1, 1, 1, 1, 1, 1, 0, 1, 0);
        (a == copy).ShouldBeTrue();
        (a != copy).ShouldBeFalse();
        a.Equals((object)copy).ShouldBeTrue();
        a.Equals("4 inspected").ShouldBeFalse();
        a.GetHashCode().ShouldBe(copy.GetHashCode());
        a.ToString().ShouldBe("4 inspected, 2 subject to Reset, 1 adjusted");
    }

    [Test]
    public void Totals_from_running_counts_land_in_their_fields()
    {
        var counts = CaseCounts.FromTotals(10, new long[] { 4, 3, 2, 1 }, 2, new long[] { 1, 2, 3, 4 });
        counts.ShouldBe(new CaseCounts(10, core: 4, exempt: 3, suspendedAfterThreshold: 2, adjusted: 1, suspendedButExempt: 2, communityOrders: 1, suspendedSentenceOrders: 2, licences: 3, postSentenceSupervision: 4));
    }
}
