using NUnit.Framework;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Shouldly;

namespace Probation.Standards.Testing.Tests;

/// <summary>The Testing package's helpers, each checked against values worked by hand from the rules.</summary>
public class TestingTests
{
    private static readonly Framework Framework = FrameworkCatalog.DefaultFramework;

    // R4: 31/48 = 64.58%, below 65: Requires improvement; 32/48 = 66.67%: Good; 24/48 = 50%: RI; 23/48 = 47.9%: Inadequate.
    [TestCase(31, 48, Rating.RequiresImprovement)]
    [TestCase(32, 48, Rating.Good)]
    [TestCase(24, 48, Rating.RequiresImprovement)]
    [TestCase(23, 48, Rating.Inadequate)]
    [TestCase(48, 60, Rating.Outstanding)]
    public void BandOf_is_one_statement(long yes, long relevant, Rating band) => Framework.BandOf(yes, relevant).ShouldBe(band);

    [Test]
    public void BandOf_on_the_rounded_basis_rounds_half_up_first()
    {
        // 31/48 is printed 65%: Good on the rounded basis (R4).
        Framework.BandOf(31, 48, BandingBasis.RoundedPercentage).ShouldBe(Rating.Good);
        Should.Throw<ArgumentException>(() => Framework.BandOf(0, 0));
    }

    [Test]
    public void RateStandard_rates_one_standard_by_its_lowest_key_question()
    {
        var assessment = Framework.RateStandard("P2.1", (40, 48), (31, 48), (45, 48));
        assessment.Rating.ShouldBe(Rating.RequiresImprovement);
        assessment.DrivenBy.ShouldBe("P2.1.2");
        Should.Throw<ArgumentException>(() => Framework.RateStandard("P2.1", (40, 48)));
        Should.Throw<ArgumentException>(() => Framework.RateStandard("P1.1"));
    }

    [Test]
    public void The_defaults_rate_18_of_21_Outstanding_with_no_warning()
    {
        // Three judgements Good (2 points each) and four case standards at 10/10 Outstanding (3 each): 18/21, Outstanding (16-21).
        Findings.For("Defaults").Rate().ShouldScore(18, 21).ShouldBeRatedOverall(Rating.Outstanding).ShouldHaveNoWarnings();
    }

    [Test]
    public void A_test_states_only_what_its_rule_needs()
    {
        var result = Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 31, relevant: 48).Judgements(Rating.Inadequate).Rate();
        result.ShouldRate("P2.1", Rating.RequiresImprovement);
        result.ShouldBeDrivenBy("P2.1", "P2.1.1");
        result.ShouldRate("P1.2", Rating.Inadequate);
        // 0 + 0 + 0 for the judgements, 1 for P2.1, 3 x 3 for the rest: 10/21, Requires improvement (6-10).
        result.ShouldScore(10, 21).ShouldBeRatedOverall(Rating.RequiresImprovement);
    }

    [Test]
    public void Published_percentages_judgements_and_overrides_are_built_too()
    {
        var result = Findings.For("Mixed")
            .KeyQuestion("P2.2.3", 64.99m)
            .Judgement("P1.1", Rating.Outstanding)
            .Standard("P2.3", 20, 48)
            .Override("P2.3", Rating.RequiresImprovement, "inspectors' discretion")
            .Rate();
        result.ShouldRate("P2.2", Rating.RequiresImprovement).DrivenBy.ShouldBe("P2.2.3");
        result.ShouldRate("P1.1", Rating.Outstanding);
        result.ShouldRate("P2.3", Rating.RequiresImprovement).ComputedRating.ShouldBe(Rating.Inadequate);
    }

    [Test]
    public void A_key_question_is_set_once_and_must_exist()
    {
        Should.Throw<ArgumentException>(() => Findings.For("Twice").KeyQuestion("P2.1.1", 1, 2).KeyQuestion("P2.1.1", 50m));
        Should.Throw<ArgumentException>(() => Findings.For("Unknown").KeyQuestion("P2.9.9", 1, 2));
        Should.Throw<ArgumentException>(() => Findings.For("Not judged").Judgement("P2.1", Rating.Good));
    }

    [Test]
    public void A_failed_assertion_says_why_the_rating_came_out_as_it_did()
    {
        var result = Findings.For("Why").KeyQuestion("P2.1.1", yes: 31, relevant: 48).Rate();
        var failure = Should.Throw<ShouldAssertException>(() => result.ShouldRate("P2.1", Rating.Good));
        failure.Message.ShouldBe("P2.1 should be rated Good but was Requires improvement: driven by P2.1.1 at 31/48 (64.58%), Requires improvement");
        Should.Throw<ShouldAssertException>(() => result.ShouldBeDrivenBy("P2.1", "P2.1.2")).Message.ShouldContain("was driven by P2.1.1");
        Should.Throw<ShouldAssertException>(() => result.ShouldScore(3, 21)).Message.ShouldStartWith("the score should be 3/21 but was 16/21");
        Should.Throw<ShouldAssertException>(() => result.ShouldRate("P9", Rating.Good)).Message.ShouldContain("has no standard P9");
    }

    [TestCaseSource(typeof(ConformanceVectors), nameof(ConformanceVectors.In), new object[] { "seeds" })]
    public void Seed_vectors_pass(ConformanceVector vector) => vector.ShouldPass();

    [Test]
    public void The_seed_folder_holds_the_vectors_it_should()
    {
        ConformanceVectors.In("seeds").Select(c => ((ConformanceVector)c.Arguments[0]!).Name)
            .ShouldContain("nottinghamshire-pdu-2025.json");
    }

    [TestCase("expected-checks-nothing.json", "the expected block checks nothing")]
    [TestCase("no-expected-block.json", "no expected block")]
    [TestCase("wrong-score.json", "score")]
    [TestCase("not-a-document.json", "cannot be read")]
    public void A_vector_that_proves_nothing_or_rates_otherwise_fails(string name, string why)
    {
        var vector = ConformanceVectors.In("Vectors/bad").Select(c => (ConformanceVector)c.Arguments[0]!).Single(v => v.Name == name);
        Should.Throw<ShouldAssertException>(() => vector.ShouldPass()).Message.ShouldContain(why);
    }

    [Test]
    public void A_missing_or_empty_folder_is_one_failing_case()
    {
        var cases = ConformanceVectors.In("no-such-folder").ToList();
        var only = (ConformanceVector)cases.ShouldHaveSingleItem().Arguments[0]!;
        Should.Throw<ShouldAssertException>(() => only.ShouldPass()).Message.ShouldContain("does not exist");
        var empty = Directory.CreateTempSubdirectory("ps-vectors").FullName;
        try
        {
            var none = (ConformanceVector)ConformanceVectors.In(empty).ShouldHaveSingleItem().Arguments[0]!;
            Should.Throw<ShouldAssertException>(() => none.ShouldPass()).Message.ShouldContain("no *.json");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
