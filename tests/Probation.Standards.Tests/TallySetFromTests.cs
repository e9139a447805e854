using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Tallies counted elsewhere (a SQL GROUP BY, a Spark aggregate) enter the waist through TallySet.From, which is
/// strict: every key question given once or declared absent, and no count that cannot be true.
/// </summary>
public class TallySetFromTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static readonly JudgementRating[] Good =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.Good),
    };

    private static KeyValuePair<string, KeyQuestionTally> Row(string id, long yes, long relevant) => new(id, new KeyQuestionTally(yes, relevant));

    private static IEnumerable<KeyValuePair<string, KeyQuestionTally>> Rows(long yes, long relevant, params string[] except) =>
        Docs.KeyQuestionIds.Except(except).Select(id => Row(id, yes, relevant));

    [Test]
    public void Counts_from_a_group_by_equal_the_tallies_of_the_same_cases()
    {
        // Two cases answering every key question, one Yes, one No: every question is 1/2.
        var cases = new[] { TestCases.Letters("C1", "YYYYYYYYYYYY"), TestCases.Letters("C2", "NNNNNNNNNNNN") };
        var counts = new CaseCounts(inspected: 2, core: 2, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0);

        var fromCounts = TallySet.From(Framework, Rows(1, 2), counts);
        fromCounts.ShouldBe(TallyBuilder.Tally(Framework, cases));
        fromCounts.KeyQuestions.ShouldAllBe(t => t == new KeyQuestionTally(1, 2));
        fromCounts.Cases.ShouldBe(counts);
    }

    [Test]
    public void Counts_from_a_group_by_rate_by_the_rules()
    {
        // P2.2.2 at 31/48 (64.6%, prints 65%) drives Planning to Requires improvement (R4, R5); the rest 40/50 = 80%, Outstanding.
        var tallies = TallySet.From(Framework, Rows(40, 50, "P2.2.2").Append(Row("P2.2.2", 31, 48)));
        var result = Rater.Rate(RatingInput.Create("Counted PDU", tallies, Good));

        result.GetStandard("P2.1").Rating.ShouldBe(Rating.Outstanding);
        result.GetStandard("P2.2").Rating.ShouldBe(Rating.RequiresImprovement);
        result.GetStandard("P2.2").DrivenBy.ShouldBe("P2.2.2");
        result.Score.ShouldBe((3 * 2) + 3 + 1 + 3 + 3);
        result.MaxScore.ShouldBe(21);
        result.Overall.ShouldBe(Rating.Outstanding);
        result.Cases.ShouldBeNull();
        result.Warnings.Select(w => (w.Code, w.StandardId)).ShouldBe(new[] { (WarningCode.BoundarySensitive, (string?)"P2.2") });
    }

    [Test]
    public void A_key_question_neither_given_nor_declared_absent_is_refused()
    {
        var error = Should.Throw<ArgumentException>(() => TallySet.From(Framework, new[] { Row("P2.1.1", 3, 4) }));
        error.Message.ShouldContain("P2.1.2");

        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(3, 4, "P2.4.3")))
            .Message.ShouldContain("P2.4.3");
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Array.Empty<KeyValuePair<string, KeyQuestionTally>>()));
    }

    [Test]
    public void A_key_question_declared_absent_has_no_result_and_is_skipped_with_a_warning()
    {
        var absent = Docs.KeyQuestionIds.Skip(1).ToArray();
        var tallies = TallySet.From(Framework, new[] { Row("P2.1.1", 3, 4) }, absent: absent);

        tallies.GetTally("P2.1.1").ShouldBe(new KeyQuestionTally(3, 4));
        tallies.IsGiven("P2.1.1").ShouldBeTrue();
        absent.ShouldAllBe(id => !tallies.IsGiven(id) && tallies.GetTally(id) == KeyQuestionTally.Zero);

        // R5: P2.1 rests on P2.1.1 alone (75%, Good); the other case standards are not rated, so no overall (R8).
        var result = Rater.Rate(RatingInput.Create("Counted PDU", tallies, Good));
        result.GetStandard("P2.1").Rating.ShouldBe(Rating.Good);
        result.GetStandard("P2.1").DrivenBy.ShouldBe("P2.1.1");
        new[] { "P2.2", "P2.3", "P2.4" }.ShouldAllBe(id => result.GetStandard(id).Rating == Rating.NotRated);
        result.Warnings.Where(w => w.Code == WarningCode.KeyQuestionSkipped).Select(w => w.KeyQuestionId).ShouldBe(absent);
        result.Score.ShouldBe(6 + 2);
        result.MaxScore.ShouldBe(12);
        result.Overall.ShouldBe(Rating.NotRated);
    }

    [Test]
    public void Key_questions_declared_absent_can_come_from_published_percentages_instead()
    {
        var p24 = new[] { "P2.4.1", "P2.4.2", "P2.4.3" };
        var tallies = TallySet.From(Framework, Rows(40, 50, p24), absent: p24);
        var published = new[] { PublishedPercentage.Create("P2.4.1", 90m), PublishedPercentage.Create("P2.4.2", 64.5m), PublishedPercentage.Create("P2.4.3", 65m) };
        var result = Rater.Rate(RatingInput.Create("Counted PDU", tallies, Good, published));

        // R3: a published percentage is the exact share; 64.5% is under the 65% edge, so P2.4 is Requires improvement (R4, R5).
        result.Outcome("P2.4.2").Tally.ShouldBe(new KeyQuestionTally(645, 1000));
        result.Outcome("P2.4.2").IsPublished.ShouldBeTrue();
        result.GetStandard("P2.4").Rating.ShouldBe(Rating.RequiresImprovement);
        result.GetStandard("P2.4").DrivenBy.ShouldBe("P2.4.2");
        result.Score.ShouldBe(6 + (3 * 3) + 1);
        result.Overall.ShouldBe(Rating.Outstanding);

        // A key question given as counts cannot also be published.
        Should.Throw<ArgumentException>(() => RatingInput.Create("Counted PDU", TallySet.From(Framework, Rows(40, 50)), Good, published));
    }

    [Test]
    public void A_key_question_both_given_and_declared_absent_is_refused() =>
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(3, 4), absent: new[] { "P2.3.1" }))
            .Message.ShouldContain("P2.3.1");

    [TestCase("P2.9.9", Description = "unknown id")]
    [TestCase("P2.1", Description = "a standard, not a key question")]
    [TestCase("p2.1.1", Description = "ids are compared exactly")]
    public void Unknown_ids_are_refused(string id)
    {
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(1, 1).Append(Row(id, 0, 0))));
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(1, 1), absent: new[] { id }));
    }

    [Test]
    public void A_key_question_given_twice_is_refused() =>
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(1, 1).Append(Row("P2.1.1", 0, 0))))
            .Message.ShouldContain("P2.1.1");

    [Test]
    public void More_relevant_cases_than_were_inspected_is_refused()
    {
        var three = new CaseCounts(inspected: 3, core: 3, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0);
        TallySet.From(Framework, Rows(3, 3), three).Cases.ShouldBe(three);
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, Rows(3, 3, "P2.3.2").Append(Row("P2.3.2", 2, 4)), three))
            .Message.ShouldContain("P2.3.2");
    }

    [TestCase(5, 4, Description = "more Yes than relevant")]
    [TestCase(-1, 4, Description = "negative Yes")]
    [TestCase(0, -1, Description = "negative relevant")]
    public void A_tally_that_cannot_be_true_cannot_be_made(long yes, long relevant) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new KeyQuestionTally(yes, relevant));

    [Test]
    public void Case_counts_that_cannot_be_true_cannot_be_made()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(inspected: 3, core: 1, exempt: 0, suspendedAfterThreshold: 0, adjusted: 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(inspected: 1, core: 1, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0, communityOrders: 1, licences: 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(inspected: 1, core: 1, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0, suspendedButExempt: 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseCounts(inspected: -1, core: -1, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0));
    }
}
