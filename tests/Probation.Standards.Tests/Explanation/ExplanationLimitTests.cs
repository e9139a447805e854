using Probation.Standards.Explanation;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Explanation;

// Inside Probation.Standards, a bare Findings is the reader's namespace; the alias names the Testing package's builder.
using Findings = Probation.Standards.Testing.Findings;

/// <summary>
/// Counts at the 64-bit edge: a lift whose answers add up to exactly <see cref="long.MaxValue"/> is still a number of
/// answers; one more and no number is given (the counts are exact, in BigInteger, whatever their size).
/// </summary>
public class ExplanationLimitTests
{
    private const long Max = long.MaxValue;

    [Test]
    public void A_lift_of_exactly_the_largest_64_bit_count_is_given_as_a_number()
    {
        // 0 of 2^63 - 1 needs 2^62 Yes answers to reach 50% (ceil((2^63 - 1) / 2)); 0 of 2^63 - 2 needs 2^62 - 1:
        // 2^63 - 1 in all. New sufficient cases: m with m / (r + m) >= 1/2 is m = r, so the larger is 2^63 - 1.
        var lift = LiftOfP21(Max, Max - 1);
        lift.Target.Rating.ShouldBe(Rating.RequiresImprovement);
        lift.KeyQuestions.Select(k => k.NoAnswersTurnedYes).ShouldBe(new long?[] { 1L << 62, (1L << 62) - 1 });
        lift.NoAnswersTurnedYes.ShouldBe(Max);
        lift.KeyQuestions.Select(k => k.NewSufficientCases).ShouldBe(new long?[] { Max, Max - 1 });
        lift.NewSufficientCases.ShouldBe(Max);
    }

    [Test]
    public void A_lift_one_answer_past_the_largest_64_bit_count_has_no_number()
    {
        // 2^62 + 2^62 = 2^63: beyond a long, so the total is not given; each key question's own count still is, and the
        // driver after the lift still is: both end at 2^62 / (2^63 - 1), a tie the first in order keeps (R5).
        var lift = LiftOfP21(Max, Max);
        lift.KeyQuestions.Select(k => k.NoAnswersTurnedYes).ShouldBe(new long?[] { 1L << 62, 1L << 62 });
        lift.NoAnswersTurnedYes.ShouldBeNull();
        lift.NewSufficientCases.ShouldBe(Max);
        lift.DrivenByAfterNoTurnedYes.ShouldBe("P2.1.1");
    }

    [Test]
    public void After_the_largest_lift_the_key_question_left_exactly_on_the_edge_drives()
    {
        // After the lift P2.1.1 is 2^62 / (2^63 - 1), just above 1/2 (2 * 2^62 > 2^63 - 1), and P2.1.2 is
        // (2^62 - 1) / (2^63 - 2), exactly 1/2: P2.1.2 is the lower and drives; P2.1.3 is 1/1.
        LiftOfP21(Max, Max - 1).DrivenByAfterNoTurnedYes.ShouldBe("P2.1.2");
    }

    private static BandLift LiftOfP21(long relevant1, long relevant2)
    {
        var result = Findings.For("Wessex North")
            .KeyQuestion("P2.1.1", yes: 0, relevant: relevant1)
            .KeyQuestion("P2.1.2", yes: 0, relevant: relevant2)
            .KeyQuestion("P2.1.3", yes: 1, relevant: 1)
            .Rate();
        var standard = Explainer.Explain(result).Standards.Single(s => s.Standard.Id == "P2.1");
        standard.Band!.Rating.ShouldBe(Rating.Inadequate);
        return standard.Lift!;
    }
}
