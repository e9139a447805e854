using Probation.Standards.Explanation;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Explanation;

// Inside Probation.Standards, a bare Findings is the reader's namespace; the alias names the Testing package's builder.
using Findings = Probation.Standards.Testing.Findings;
using FindingsBuilder = Probation.Standards.Testing.FindingsBuilder;

/// <summary>
/// Where the score sits in the overall table (R8) and the cheapest path to the next overall band (docs/rules.md,
/// "What explain adds"): every combination of case-standard lifts, costed in No answers turned Yes (R4 integer
/// edges); fewest answers, then fewest standards lifted, then the first in framework order with lower targets
/// first; judgements and overrides stay as they are. Every cost below is worked by hand in the comments.
/// </summary>
public class OverallExplanationTests
{
    // Costs of each lift in these tests (probation-pdu-2023 edges 50, 65, 80):
    //   P2.1 31/48, 40/48, 45/48: Requires improvement; to Good 1 (32 of 48); to Outstanding 8 (39 of 48; 40/48 = 83% reaches).
    //   P2.2 30/50, 12/20, 19/20: Requires improvement; to Good 3 + 1 = 4; to Outstanding 10 + 4 = 14.
    //   P2.3 9/20, 10/10, 10/10: Inadequate; to RI 1 (10 of 20); to Good 4 (13); to Outstanding 7 (16).
    //   P2.4 0/6, 10/10, 10/10: Inadequate; to RI 3 (3 of 6); to Good 4 (3.9, so 4); to Outstanding 5 (4.8, so 5).
    private static FindingsBuilder P21(FindingsBuilder f) => f.KeyQuestion("P2.1.1", yes: 31, relevant: 48).KeyQuestion("P2.1.2", yes: 40, relevant: 48).KeyQuestion("P2.1.3", yes: 45, relevant: 48);

    private static FindingsBuilder P22(FindingsBuilder f) => f.KeyQuestion("P2.2.1", yes: 30, relevant: 50).KeyQuestion("P2.2.2", yes: 12, relevant: 20).KeyQuestion("P2.2.3", yes: 19, relevant: 20);

    private static FindingsBuilder P23(FindingsBuilder f) => f.KeyQuestion("P2.3.1", yes: 9, relevant: 20).KeyQuestion("P2.3.2", yes: 10, relevant: 10).KeyQuestion("P2.3.3", yes: 10, relevant: 10);

    // Each named standard's key questions given as published percentages 45%, 90% and 90%: Inadequate, and costed in
    // percentage points (RI 5, Good 20, Outstanding 35).
    private static void At45And90And90(FindingsBuilder findings, params string[] standards)
    {
        foreach (var standard in standards)
        {
            findings.KeyQuestion(standard + ".1", 45m).KeyQuestion(standard + ".2", 90m).KeyQuestion(standard + ".3", 90m);
        }
    }

    private static FindingsBuilder P24(FindingsBuilder f) => f.KeyQuestion("P2.4.1", yes: 0, relevant: 6).KeyQuestion("P2.4.2", yes: 10, relevant: 10).KeyQuestion("P2.4.3", yes: 10, relevant: 10);

    // Four points to Good from P2.2-P2.4 costed in percentage points: RI + RI + Good = 5 + 5 + 20, no answers counted.
    private static void ShouldPlanTwoLiftsToRequiresImprovementAndOneToGoodIn30PercentagePoints(OverallExplanation overall)
    {
        overall.PointsToNext.ShouldBe(4);
        overall.FewestAnswers.ShouldBeNull();
        overall.FewestPercentagePoints.ShouldBe(30m);
        Steps(overall).ShouldBe(new[] { "P2.2->RequiresImprovement:1pt:-", "P2.3->RequiresImprovement:1pt:-", "P2.4->Good:2pt:-" });
        overall.Plan.Select(s => s.PercentagePoints).ShouldBe(new decimal?[] { 5m, 5m, 20m });
    }

    private static OverallExplanation ExplainOverall(FindingsBuilder findings) => Explainer.Explain(findings.Rate()).Overall;

    private static string[] Steps(OverallExplanation overall) =>
        overall.Plan.Select(s => $"{s.Standard.Id}->{s.Target.Rating}:{s.PointsGained}pt:{s.NoAnswersTurnedYes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}").ToArray();

    [Test]
    public void The_cheapest_path_is_the_cheapest_combination_not_the_cheapest_first_step()
    {
        // Judgements Good (6) + P2.1 RI (1) + P2.2 RI (1) + P2.3 and P2.4 Inadequate = 8/21, Requires improvement (6-10).
        // Good from 11: 3 points. P2.1 to Good (1) and P2.3 to Good (4) make 3 points for 5 answers; the three
        // one-point lifts P2.1, P2.3, P2.2 cost 1 + 1 + 4 = 6; P2.3 to Outstanding alone 7; nothing costs less than 5.
        // Here P2.4 is 0/10 in its first key question (RI 5, Good 7, Outstanding 8 answers), so it is no cheaper.
        var overall = ExplainOverall(P23(P22(P21(Findings.For("Wessex North")))).KeyQuestion("P2.4.1", yes: 0, relevant: 10));

        overall.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        overall.Band.FromScore.ShouldBe(6);
        overall.Band.ToScore.ShouldBe(10);
        overall.Next!.Rating.ShouldBe(Rating.Good);
        overall.PointsToNext.ShouldBe(3);
        overall.FewestAnswers.ShouldBe(5);
        overall.FewestPercentagePoints.ShouldBeNull();
        Steps(overall).ShouldBe(new[] { "P2.1->Good:1pt:1", "P2.3->Good:2pt:4" });

        // The step names what each key question needs: only P2.3.1 is below 65% in P2.3.
        overall.Plan[1].KeyQuestions.Select(k => (k.KeyQuestion.Id, k.NoAnswersTurnedYes)).ShouldBe(new (string, long?)[] { ("P2.3.1", 4) });
        overall.Plan[1].PercentagePoints.ShouldBeNull();
    }

    [Test]
    public void Among_equally_cheap_paths_the_one_lifting_fewer_standards_wins_even_when_found_later()
    {
        // Judgements Good, Good, Inadequate (4) + P2.1 RI (1) + P2.2 Outstanding (3) + P2.3, P2.4 Inadequate = 8: 3 points to Good.
        // Nothing costs under five answers (the third point after P2.1 Good and P2.3 RI costs 3 more), and five buy
        // it five ways: P2.1 Good + P2.3 Good (1 + 4), P2.1 Good + P2.4 Good (1 + 4), P2.3 RI + P2.4 Good (1 + 4),
        // P2.1 Good + P2.3 RI + P2.4 RI (1 + 1 + 3), or P2.4 to Outstanding alone (5): one standard, so that one.
        var overall = ExplainOverall(
            P24(P23(P21(Findings.For("Wessex North"))))
                .Standard("P2.2", yes: 10, relevant: 10)
                .Judgement("P1.3", Rating.Inadequate));

        overall.PointsToNext.ShouldBe(3);
        overall.FewestAnswers.ShouldBe(5);
        Steps(overall).ShouldBe(new[] { "P2.4->Outstanding:3pt:5" });

        // 0/6 to 5/6 = 83% reaches 80%; 4/6 = 67% would not.
        overall.Plan[0].KeyQuestions.Select(k => (k.KeyQuestion.Id, k.NoAnswersTurnedYes)).ShouldBe(new (string, long?)[] { ("P2.4.1", 5) });
    }

    [Test]
    public void Among_equally_cheap_single_lifts_the_first_standard_in_framework_order_wins()
    {
        // Judgements Good (6) + P2.1 RI (1) + P2.2 Outstanding (3) + P2.3, P2.4 Inadequate = 10, the top of Requires
        // improvement: one point to Good. P2.1 to Good and P2.3 to RI each cost one answer; P2.1 comes first.
        var overall = ExplainOverall(P24(P23(P21(Findings.For("Wessex North")))).Standard("P2.2", yes: 10, relevant: 10));

        overall.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        overall.PointsToNext.ShouldBe(1);
        overall.FewestAnswers.ShouldBe(1);
        Steps(overall).ShouldBe(new[] { "P2.1->Good:1pt:1" });
    }

    [Test]
    public void An_overridden_standard_stays_as_it_is()
    {
        // As above, but P2.1 is overridden (to its computed RI): the one-answer lift left is P2.3 to RI.
        var overall = ExplainOverall(
            P24(P23(P21(Findings.For("Wessex North")))).Standard("P2.2", yes: 10, relevant: 10).Override("P2.1", Rating.RequiresImprovement, "inspectors' discretion"));

        overall.FewestAnswers.ShouldBe(1);
        Steps(overall).ShouldBe(new[] { "P2.3->RequiresImprovement:1pt:1" });
    }

    [Test]
    public void Not_rated_standards_are_not_lifted()
    {
        // P2.1 has no relevant case (NotRated): 6 + 0 + 3 + 0 + 0 over six rated standards is 9/18, and
        // probation-pdu-2023 has no overall table for 18: no band, no path.
        var overall = ExplainOverall(
            P24(P23(Findings.For("Wessex North")))
                .KeyQuestion("P2.1.1", yes: 0, relevant: 0).KeyQuestion("P2.1.2", yes: 0, relevant: 0).KeyQuestion("P2.1.3", yes: 0, relevant: 0)
                .Standard("P2.2", yes: 10, relevant: 10));

        overall.Table.ShouldBeNull();
        overall.Band.ShouldBeNull();
        overall.Next.ShouldBeNull();
        overall.PointsToNext.ShouldBeNull();
        overall.FewestAnswers.ShouldBeNull();
        overall.Plan.Count.ShouldBe(0);
    }

    [Test]
    public void The_top_band_has_no_next_band_and_no_path()
    {
        // Everything Outstanding: 21/21.
        var overall = ExplainOverall(Findings.For("Wessex North").Judgements(Rating.Outstanding));
        overall.Table!.MaxScore.ShouldBe(21);
        overall.Band!.Rating.ShouldBe(Rating.Outstanding);
        overall.Band.FromScore.ShouldBe(16);
        overall.Band.ToScore.ShouldBe(21);
        overall.Next.ShouldBeNull();
        overall.PointsToNext.ShouldBeNull();
        overall.FewestAnswers.ShouldBeNull();
        overall.Plan.Count.ShouldBe(0);
    }

    [TestCase(Rating.Good, Rating.Good, Rating.RequiresImprovement, 5, Rating.Inadequate, 1)]
    [TestCase(Rating.Good, Rating.Good, Rating.Good, 6, Rating.RequiresImprovement, 5)]
    public void A_score_on_a_band_edge_sits_in_the_band_the_table_gives(Rating p11, Rating p12, Rating p13, int score, Rating band, int toNext)
    {
        // Every case standard Inadequate (2/10 in each key question): the score is the judgements' points,
        // 2 + 2 + 1 = 5 (top of Inadequate, 0-5) or 2 + 2 + 2 = 6 (bottom of Requires improvement, 6-10).
        var findings = Findings.For("Wessex North").Judgement("P1.1", p11).Judgement("P1.2", p12).Judgement("P1.3", p13);
        foreach (var standard in new[] { "P2.1", "P2.2", "P2.3", "P2.4" })
        {
            findings.Standard(standard, yes: 2, relevant: 10);
        }

        var result = findings.Rate();
        result.Score.ShouldBe(score);
        var overall = Explainer.Explain(result).Overall;
        overall.Band!.Rating.ShouldBe(band);
        overall.PointsToNext.ShouldBe(toNext);

        // From 2/10 in each of its three key questions a standard costs 3 answers a question to RI (5 of 10): 9 for
        // 1 point; to Good (7 of 10) 15 for 2; to Outstanding (8 of 10) 18 for 3. One point: 9. Five points:
        // Outstanding + Good = 33; Outstanding + RI + RI = 36, Good + Good + RI = 39, Outstanding + Outstanding = 36.
        overall.FewestAnswers.ShouldBe(toNext == 1 ? 9 : 33);
    }

    [Test]
    public void Eleven_is_the_bottom_of_Good_with_five_points_to_Outstanding()
    {
        // Judgements Good (6) + P2.1 Good (2, 7/10 each) + P2.2 Good (2) + P2.3 RI (1, 5/10 each) + P2.4 Inadequate (0) = 11.
        var overall = ExplainOverall(
            Findings.For("Wessex North").Standard("P2.1", yes: 7, relevant: 10).Standard("P2.2", yes: 7, relevant: 10).Standard("P2.3", yes: 5, relevant: 10).Standard("P2.4", yes: 0, relevant: 10));
        overall.Band!.Rating.ShouldBe(Rating.Good);
        overall.Band.FromScore.ShouldBe(11);
        overall.Next!.Rating.ShouldBe(Rating.Outstanding);
        overall.PointsToNext.ShouldBe(5);
    }

    [Test]
    public void When_every_case_standard_is_a_published_percentage_the_path_is_in_percentage_points()
    {
        // Judgements Good (6) + P2.1 60/70/90% RI (1) + P2.2-P2.4 45/90/90% Inadequate = 7: 4 points to Good.
        // Each first point costs 5 percentage points (65 - 60, or 50 - 45), each further point 15 or more, so four
        // one-point lifts (20) are the cheapest; no answers can be counted.
        var findings = Findings.For("Nottinghamshire").KeyQuestion("P2.1.1", 60m).KeyQuestion("P2.1.2", 70m).KeyQuestion("P2.1.3", 90m);
        At45And90And90(findings, "P2.2", "P2.3", "P2.4");

        var overall = ExplainOverall(findings);
        overall.PointsToNext.ShouldBe(4);
        overall.FewestAnswers.ShouldBeNull();
        overall.FewestPercentagePoints.ShouldBe(20m);
        Steps(overall).ShouldBe(new[] { "P2.1->Good:1pt:-", "P2.2->RequiresImprovement:1pt:-", "P2.3->RequiresImprovement:1pt:-", "P2.4->RequiresImprovement:1pt:-" });
        overall.Plan.Select(s => s.PercentagePoints).ShouldBe(new decimal?[] { 5m, 5m, 5m, 5m });
        overall.Plan[0].KeyQuestions.Select(k => (k.KeyQuestion.Id, k.PercentagePointsShort)).ShouldBe(new (string, decimal?)[] { ("P2.1.1", 5m) });
    }

    [Test]
    public void Published_standards_are_used_only_when_the_counted_ones_cannot_reach_the_next_band()
    {
        // Judgements Good (6) + P2.1 counted RI (1) + P2.2-P2.4 published 45/90/90% Inadequate = 7: 4 points to Good.
        // P2.1 can gain at most 2 (to Outstanding), so the counted search fails and the published one runs:
        // per standard RI costs 5, Good 20, Outstanding 35 percentage points. Four points from three standards:
        // RI + RI + Good = 30 (any order), Good + Good or RI + Outstanding = 40. Of the three at 30 the first in
        // framework order with lower targets first is P2.2 RI, P2.3 RI, P2.4 Good.
        var findings = P21(Findings.For("Wessex North"));
        At45And90And90(findings, "P2.2", "P2.3", "P2.4");

        var overall = ExplainOverall(findings);
        ShouldPlanTwoLiftsToRequiresImprovementAndOneToGoodIn30PercentagePoints(overall);
    }

    [Test]
    public void A_standard_with_one_counted_key_question_among_published_ones_is_planned_in_percentage_points()
    {
        // As above, but P2.2.3 is counted (12/20 = 60%, already at or above RI's 50% edge) beside two published
        // percentages: one published key question makes the whole standard a published one, so the counted search
        // still fails (P2.1 alone gains at most 2) and P2.2 is costed in percentage points: RI 5 (45 to 50), Good
        // 20 + 5 = 25, against 5 / 20 / 35 for P2.3 and P2.4. Four points at least cost: RI + RI + Good = 30.
        var findings = P21(Findings.For("Wessex North"))
            .KeyQuestion("P2.2.1", 45m).KeyQuestion("P2.2.2", 90m).KeyQuestion("P2.2.3", yes: 12, relevant: 20);
        At45And90And90(findings, "P2.3", "P2.4");

        var overall = ExplainOverall(findings);
        ShouldPlanTwoLiftsToRequiresImprovementAndOneToGoodIn30PercentagePoints(overall);
        overall.Plan[0].KeyQuestions.Select(k => (k.KeyQuestion.Id, k.PercentagePointsShort)).ShouldBe(new (string, decimal?)[] { ("P2.2.1", 5m) });
    }

    [Test]
    public void Counted_standards_that_can_reach_are_planned_in_answers_and_the_published_ones_are_left_alone()
    {
        // Judgements Good (6) + P2.1 counted RI (1) + P2.2 counted RI (1) + P2.3, P2.4 published 45/90/90% = 8: 3 points.
        // Counted: P2.1 to Outstanding (8, 2 points) + P2.2 to Good (4, 1 point) = 12, or P2.1 Good + P2.2 Outstanding
        // = 1 + 14 = 15, or P2.1 Outstanding + P2.2 Outstanding = 22: 12, never the published 5 + 5 + 5 = 15 pp.
        var findings = P22(P21(Findings.For("Wessex North")));
        At45And90And90(findings, "P2.3", "P2.4");

        var overall = ExplainOverall(findings);
        overall.FewestAnswers.ShouldBe(12);
        overall.FewestPercentagePoints.ShouldBeNull();
        Steps(overall).ShouldBe(new[] { "P2.1->Outstanding:2pt:8", "P2.2->Good:1pt:4" });
    }
}
