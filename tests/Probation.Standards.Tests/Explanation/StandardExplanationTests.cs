using Probation.Standards.Explanation;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Explanation;

// Inside Probation.Standards, a bare Findings is the reader's namespace; the alias names the Testing package's builder.
using Findings = Probation.Standards.Testing.Findings;
using FindingsBuilder = Probation.Standards.Testing.FindingsBuilder;

/// <summary>
/// What <c>explain</c> says about one case standard (R4, R5; docs/rules.md, "What explain adds"): the band it is in,
/// the fewest No answers turned Yes (and new sufficient cases) that lift it one band, which key question drives it
/// then, and the fewest Yes answers turned No that drop it. Every expected number is worked by hand in the comments
/// from the R4 edges of probation-pdu-2023 (50, 65, 80), never read back from the library.
/// </summary>
public class StandardExplanationTests
{
    private static StandardExplanation ExplainStandard(FindingsBuilder findings, string standardId, BandingBasis basis = BandingBasis.ExactRatio)
    {
        var explanation = Explainer.Explain(findings.Rate(new RatingOptions(basis)));
        explanation.TryGetStandard(standardId, out var standard).ShouldBeTrue();
        return standard!;
    }

    [Test]
    public void One_No_turned_Yes_lifts_31_of_48_to_Good_and_the_driver_moves_to_the_next_lowest()
    {
        // P2.1: 31/48 = 64.58% (RI), 63/96 = 65.625% (Good), 45/48 = 93.75% (Outstanding); the lowest drives: RI.
        var standard = ExplainStandard(
            Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 31, relevant: 48).KeyQuestion("P2.1.2", yes: 63, relevant: 96).KeyQuestion("P2.1.3", yes: 45, relevant: 48),
            "P2.1");

        standard.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        standard.Driver!.Id.ShouldBe("P2.1.1");
        var lift = standard.Lift!;
        lift.Target.Rating.ShouldBe(Rating.Good);

        // Good needs yes * 100 >= 65 * 48 = 3120: 32 Yes, one more. 63/96 and 45/48 already reach 65%.
        lift.NoAnswersTurnedYes.ShouldBe(1);
        lift.KeyQuestions.Select(k => k.KeyQuestion.Id).ShouldBe(new[] { "P2.1.1" });
        lift.KeyQuestions[0].NoAnswersTurnedYes.ShouldBe(1);
        lift.KeyQuestions[0].PercentagePointsShort.ShouldBeNull();

        // New sufficient cases: (31 + m) * 100 >= 65 * (48 + m), 35m >= 20, m = 1.
        lift.NewSufficientCases.ShouldBe(1);
        lift.KeyQuestions[0].NewSufficientCases.ShouldBe(1);

        // After one No turned Yes: 32/48 = 66.67% is above 63/96 = 65.625%, which then drives.
        lift.DrivenByAfterNoTurnedYes.ShouldBe("P2.1.2");

        // After one new Yes case in every key question with a result: 32/49 = 65.31% < 64/97 = 65.98% < 46/49.
        lift.DrivenByAfterNewCases.ShouldBe("P2.1.1");

        // Dropping below 50%: at most ceil(50 * 48 / 100) - 1 = 23 Yes of 48 (31 - 23 = 8), 47 of 96 (63 - 47 = 16),
        // 23 of 48 (45 - 23 = 22): the fewest is 8.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(8);
        standard.CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();
    }

    [Test]
    public void Two_key_questions_below_the_next_edge_add_their_answers_and_take_the_larger_number_of_new_cases()
    {
        // P2.2: 30/50 = 60% and 12/20 = 60% tie for lowest (the first drives, R5), 19/20 = 95%.
        var standard = ExplainStandard(
            Findings.For("Wessex North").KeyQuestion("P2.2.1", yes: 30, relevant: 50).KeyQuestion("P2.2.2", yes: 12, relevant: 20).KeyQuestion("P2.2.3", yes: 19, relevant: 20),
            "P2.2");

        standard.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        standard.Driver!.Id.ShouldBe("P2.2.1");
        var lift = standard.Lift!;
        lift.Target.Rating.ShouldBe(Rating.Good);

        // Good: 65 * 50 = 3250, 33 Yes (3 more); 65 * 20 = 1300, 13 Yes (1 more). Together 4.
        lift.KeyQuestions.Select(k => (k.KeyQuestion.Id, k.NoAnswersTurnedYes)).ShouldBe(new (string, long?)[] { ("P2.2.1", 3), ("P2.2.2", 1) });
        lift.NoAnswersTurnedYes.ShouldBe(4);

        // New cases: (30 + m) * 100 >= 65 * (50 + m): 35m >= 250, m = 8;
        // (12 + m) * 100 >= 65 * (20 + m): 35m >= 100, m = 3. The same cases go to every key question: 8.
        lift.KeyQuestions.Select(k => k.NewSufficientCases).ShouldBe(new long?[] { 8, 3 });
        lift.NewSufficientCases.ShouldBe(8);

        // After turning: 33/50 = 66%, 13/20 = 65%, 19/20: P2.2.2 drives. After 8 new cases: 38/58 = 65.5%, 20/28 = 71.4%: P2.2.1.
        lift.DrivenByAfterNoTurnedYes.ShouldBe("P2.2.2");
        lift.DrivenByAfterNewCases.ShouldBe("P2.2.1");

        // Dropping: at most 24 of 50 (6 turned), 9 of 20 (3 turned), 9 of 20 (10 turned): 3.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(3);
        standard.CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
    }

    [Test]
    public void On_the_rounded_basis_31_of_48_is_Good_and_the_edges_are_the_rounding_edges()
    {
        // Rounded (R4 option): Good from 64.5% (129/200), Outstanding from 79.5% (159/200). 31/48 = 64.58% is Good.
        var standard = ExplainStandard(
            Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 31, relevant: 48).KeyQuestion("P2.1.2", yes: 63, relevant: 96).KeyQuestion("P2.1.3", yes: 45, relevant: 48),
            "P2.1",
            BandingBasis.RoundedPercentage);

        standard.Band!.Rating.ShouldBe(Rating.Good);
        var lift = standard.Lift!;
        lift.Target.Rating.ShouldBe(Rating.Outstanding);

        // Outstanding: yes * 200 >= 159 * 48 = 7632, 39 Yes (8 more); yes * 200 >= 159 * 96 = 15264, 77 Yes (14 more).
        lift.KeyQuestions.Select(k => k.NoAnswersTurnedYes).ShouldBe(new long?[] { 8, 14 });
        lift.NoAnswersTurnedYes.ShouldBe(22);

        // New cases: (31 + m) * 200 >= 159 * (48 + m): 41m >= 1432, m = 35; (63 + m) * 200 >= 159 * (96 + m): 41m >= 2664, m = 65.
        lift.KeyQuestions.Select(k => k.NewSufficientCases).ShouldBe(new long?[] { 35, 65 });
        lift.NewSufficientCases.ShouldBe(65);

        // Dropping below 64.5%: at most ceil(129 * 48 / 200) - 1 = 30 Yes of 48, one answer.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(1);
        standard.CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();
    }

    [Test]
    public void A_standard_on_an_edge_drops_with_one_Yes_turned_No_and_needs_no_new_answer_in_a_question_that_reaches()
    {
        // P2.3: 13/20 = 65% exactly (Good, on the edge), 14/20 = 70%, 16/20 = 80% (Outstanding).
        var standard = ExplainStandard(
            Findings.For("Wessex North").KeyQuestion("P2.3.1", yes: 13, relevant: 20).KeyQuestion("P2.3.2", yes: 14, relevant: 20).KeyQuestion("P2.3.3", yes: 16, relevant: 20),
            "P2.3");

        standard.Band!.Rating.ShouldBe(Rating.Good);

        // 12/20 = 60% is below 65%: one Yes turned No drops it.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(1);

        // Outstanding: 16 of 20 each; 3 and 2 more; P2.3.3 is there already.
        var lift = standard.Lift!;
        lift.Target.Rating.ShouldBe(Rating.Outstanding);
        lift.KeyQuestions.Select(k => (k.KeyQuestion.Id, k.NoAnswersTurnedYes)).ShouldBe(new (string, long?)[] { ("P2.3.1", 3), ("P2.3.2", 2) });
        lift.NoAnswersTurnedYes.ShouldBe(5);

        // New cases: (13 + m) * 100 >= 80 * (20 + m): 20m >= 300, m = 15; (14 + m): 20m >= 200, m = 10.
        lift.NewSufficientCases.ShouldBe(15);

        // After turning, all three are 16/20: a tie, the first in framework order drives (R5).
        lift.DrivenByAfterNoTurnedYes.ShouldBe("P2.3.1");

        // After 15 new Yes cases: 28/35 = 80%, 29/35, 31/35: P2.3.1.
        lift.DrivenByAfterNewCases.ShouldBe("P2.3.1");
    }

    [Test]
    public void An_Outstanding_standard_has_no_lift_and_an_Inadequate_one_no_drop()
    {
        var explanation = Explainer.Explain(
            Findings.For("Wessex North")
                .Standard("P2.1", yes: 9, relevant: 10)
                .KeyQuestion("P2.2.1", yes: 2, relevant: 10).KeyQuestion("P2.2.2", yes: 9, relevant: 10).KeyQuestion("P2.2.3", yes: 9, relevant: 10)
                .Rate());

        explanation.TryGetStandard("P2.1", out var top).ShouldBeTrue();
        top!.Band!.Rating.ShouldBe(Rating.Outstanding);
        top.Lift.ShouldBeNull();

        // 9/10 drops below 80% at 7 Yes: two turned No, in whichever key question.
        top.YesAnswersTurnedNoToDrop.ShouldBe(2);
        top.CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();

        explanation.TryGetStandard("P2.2", out var bottom).ShouldBeTrue();
        bottom!.Band!.Rating.ShouldBe(Rating.Inadequate);
        bottom.YesAnswersTurnedNoToDrop.ShouldBeNull();

        // Requires improvement from 50%: 2/10 needs 3 more Yes; new Yes cases: (2 + m) * 100 >= 50 * (10 + m): 50m >= 300, m = 6.
        bottom.Lift!.Target.Rating.ShouldBe(Rating.RequiresImprovement);
        bottom.Lift.NoAnswersTurnedYes.ShouldBe(3);
        bottom.Lift.NewSufficientCases.ShouldBe(6);
        bottom.CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
    }

    [Test]
    public void Three_or_more_answers_either_way_is_not_one_or_two()
    {
        // 29/40 = 72.5% in each key question (Good): Outstanding needs 32 of 40, 3 more each; below 65% is at most 25 of 40.
        var standard = ExplainStandard(Findings.For("Wessex North").Standard("P2.4", yes: 29, relevant: 40), "P2.4");
        standard.Band!.Rating.ShouldBe(Rating.Good);

        // Each of the three key questions needs 3 more Yes: 9 in all; dropping one key question to 25/40 takes 4.
        standard.Lift!.NoAnswersTurnedYes.ShouldBe(9);
        standard.YesAnswersTurnedNoToDrop.ShouldBe(4);
        standard.CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
    }

    [TestCase(2, true)]
    [TestCase(3, false)]
    public void One_or_two_answers_counts_the_drop_as_well_as_the_lift(int yesAboveEdge, bool couldChange)
    {
        // Good, 64 + yesAboveEdge of 100 in each key question: the lift to 80 of 100 is at least 13 answers in each,
        // never one or two, so only the drop can make it one or two answers.
        var yes = 65 + yesAboveEdge - 1;
        var standard = ExplainStandard(Findings.For("Wessex North").Standard("P2.4", yes: yes, relevant: 100), "P2.4");
        standard.Band!.Rating.ShouldBe(Rating.Good);

        // yes/100 stays at or above 65% down to 65 Yes: yes - 64 turned No drop it.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(yes - 64);
        standard.CouldChangeWithOneOrTwoAnswers.ShouldBe(couldChange);
    }

    [Test]
    public void A_key_question_without_a_result_is_left_out_of_the_lift_the_drop_and_the_new_cases()
    {
        // P2.1.2 has no relevant case (skipped, R5); 5/10 = 50% (RI) drives; 9/10.
        var standard = ExplainStandard(
            Findings.For("Wessex North").KeyQuestion("P2.1.1", yes: 5, relevant: 10).KeyQuestion("P2.1.2", yes: 0, relevant: 0).KeyQuestion("P2.1.3", yes: 9, relevant: 10),
            "P2.1");

        standard.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        var lift = standard.Lift!;

        // Good: 6.5, so 7 of 10: 2 more. New cases: (5 + m) * 100 >= 65 * (10 + m): 35m >= 150, m = 5.
        lift.KeyQuestions.Select(k => k.KeyQuestion.Id).ShouldBe(new[] { "P2.1.1" });
        lift.NoAnswersTurnedYes.ShouldBe(2);
        lift.NewSufficientCases.ShouldBe(5);

        // After turning: 7/10 and 9/10; the question with no result never drives. After 5 new cases: 10/15 = 66.7%, 14/15.
        lift.DrivenByAfterNoTurnedYes.ShouldBe("P2.1.1");
        lift.DrivenByAfterNewCases.ShouldBe("P2.1.1");

        // Dropping below 50%: 5/10 to 4/10 is one answer.
        standard.YesAnswersTurnedNoToDrop.ShouldBe(1);
    }

    [Test]
    public void A_published_percentage_is_lifted_in_percentage_points_and_has_no_drop_in_answers()
    {
        // Nottinghamshire's planning as published: 50%, 72%, 48%; 48% is Inadequate and drives (R5).
        var standard = ExplainStandard(
            Findings.For("Nottinghamshire").KeyQuestion("P2.2.1", 50m).KeyQuestion("P2.2.2", 72m).KeyQuestion("P2.2.3", 48m),
            "P2.2");

        standard.Band!.Rating.ShouldBe(Rating.Inadequate);
        var lift = standard.Lift!;
        lift.Target.Rating.ShouldBe(Rating.RequiresImprovement);
        lift.KeyQuestions.Count.ShouldBe(1);
        lift.KeyQuestions[0].KeyQuestion.Id.ShouldBe("P2.2.3");
        lift.KeyQuestions[0].PercentagePointsShort.ShouldBe(2m);
        lift.KeyQuestions[0].NoAnswersTurnedYes.ShouldBeNull();
        lift.KeyQuestions[0].NewSufficientCases.ShouldBeNull();
        lift.NoAnswersTurnedYes.ShouldBeNull();
        lift.NewSufficientCases.ShouldBeNull();
        lift.DrivenByAfterNoTurnedYes.ShouldBeNull();
        lift.DrivenByAfterNewCases.ShouldBeNull();
        standard.YesAnswersTurnedNoToDrop.ShouldBeNull();
    }

    [Test]
    public void A_published_Good_standard_has_no_drop_in_answers()
    {
        var standard = ExplainStandard(Findings.For("Nottinghamshire").KeyQuestion("P2.2.1", 70m).KeyQuestion("P2.2.2", 72m).KeyQuestion("P2.2.3", 90m), "P2.2");
        standard.Band!.Rating.ShouldBe(Rating.Good);
        standard.YesAnswersTurnedNoToDrop.ShouldBeNull();

        // Outstanding: 80 - 70 = 10 and 80 - 72 = 8 percentage points short.
        standard.Lift!.KeyQuestions.Select(k => k.PercentagePointsShort).ShouldBe(new decimal?[] { 10m, 8m });
    }

    [Test]
    public void A_not_rated_or_overridden_standard_is_explained_by_its_computed_rating_only()
    {
        var explanation = Explainer.Explain(
            Findings.For("Wessex North")
                .KeyQuestion("P2.1.1", yes: 0, relevant: 0).KeyQuestion("P2.1.2", yes: 0, relevant: 0).KeyQuestion("P2.1.3", yes: 0, relevant: 0)
                .Standard("P2.2", yes: 5, relevant: 10)
                .Override("P2.2", Rating.Good, "inspectors' discretion")
                .Rate());

        explanation.TryGetStandard("P2.1", out var notRated).ShouldBeTrue();
        notRated!.Band.ShouldBeNull();
        notRated.Lift.ShouldBeNull();
        notRated.YesAnswersTurnedNoToDrop.ShouldBeNull();
        notRated.CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();

        // Overridden to Good, computed RI (5/10 = 50%): the explanation is of the computed band.
        explanation.TryGetStandard("P2.2", out var overridden).ShouldBeTrue();
        overridden!.Band!.Rating.ShouldBe(Rating.RequiresImprovement);
        overridden.Lift!.Target.Rating.ShouldBe(Rating.Good);
        overridden.YesAnswersTurnedNoToDrop.ShouldBe(1);
    }

    [Test]
    public void Only_case_standards_are_explained_in_framework_order()
    {
        var explanation = Explainer.Explain(Findings.For("Wessex North").Rate());
        explanation.Standards.Select(s => s.Standard.Id).ShouldBe(new[] { "P2.1", "P2.2", "P2.3", "P2.4" });
        explanation.TryGetStandard("P1.1", out var judged).ShouldBeFalse();
        judged.ShouldBeNull();
        explanation.TryGetStandard("P9.9", out _).ShouldBeFalse();
    }
}
