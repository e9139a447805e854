using FsCheck;
using FsCheck.Fluent;

namespace Probation.Standards.Statistics.Tests;

/// <summary>
/// The cheapest path to the next overall band (Explainer, in the core) against a brute force written here: every
/// combination of target bands for the four case standards, each costed by counting No answers turned Yes one at a
/// time until every key question reaches the target's edge.
/// </summary>
public sealed class OverallPlanTests
{
    private static readonly int[] Edges = { 0, 50, 65, 80 };

    [Test]
    public void Nottinghamshire_needs_18_answers_worked_by_hand()
    {
        // 3/21 needs 3 more points. Requires improvement costs: P2.1 11 (19 -> 30 of 60), P2.2 1 (29 -> 30),
        // P2.3 12 (27 -> 30 and 21 -> 30), P2.4 6 (22 -> 28 of 56); P2.2 to Good costs 19 for 2 points. Cheapest
        // 3 points: P2.2, P2.4 and P2.1 to Requires improvement, 1 + 6 + 11 = 18.
        var explanation = Explainer.Explain(Documents.RateSeed("nottinghamshire-pdu-2025-cases.json"));
        explanation.Overall.PointsToNext.ShouldBe(3);
        explanation.Overall.FewestAnswers.ShouldBe(18);
        explanation.Overall.Plan.Select(s => (s.Standard.Id, s.Target.Rating, s.NoAnswersTurnedYes))
            .ShouldBe(new[] { ("P2.1", Rating.RequiresImprovement, (long?)11), ("P2.2", Rating.RequiresImprovement, 1), ("P2.4", Rating.RequiresImprovement, 6) });
    }

    [Test]
    public void Published_percentages_give_percentage_points_instead()
    {
        // The published seed has no counts: the path is in percentage points (P2.2.3 48% -> 50%: 2 points, and so on).
        var explanation = Explainer.Explain(Documents.RateSeed("nottinghamshire-pdu-2025.json"));
        explanation.Overall.FewestAnswers.ShouldBeNull();
        explanation.Overall.FewestPercentagePoints.ShouldNotBeNull();
        explanation.Overall.Plan.Count.ShouldBeGreaterThan(0);
        explanation.Overall.Plan.Sum(s => s.PercentagePoints!.Value).ShouldBe(explanation.Overall.FewestPercentagePoints!.Value);
    }

    [Test]
    public void Overridden_standards_and_judgements_stay_fixed()
    {
        var tallies = Enumerable.Repeat((29L, 60L), 12).ToArray();
        var result = Documents.FromTallies(tallies, Rating.Inadequate, new[] { new RatingOverride("P2.1", Rating.Inadequate, "held") });
        var plan = Explainer.Explain(result).Overall;
        plan.Plan.ShouldNotContain(s => s.Standard.Id == "P2.1");
        plan.FewestAnswers.ShouldBe(BruteForce(result));
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Fewest_answers_equal_a_brute_force_search() =>
        Prop.ForAll(TallyGen.ToArbitrary(), Gen.Elements(Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding).ToArbitrary(), (tallies, judgement) =>
        {
            var result = Documents.FromTallies(tallies, judgement);
            var explanation = Explainer.Explain(result).Overall;
            var expected = BruteForce(result);
            var planCost = explanation.Plan.Sum(s => s.NoAnswersTurnedYes ?? 0);
            return explanation.FewestAnswers == expected && (expected is null || planCost == expected);
        });

    private static Gen<(long Yes, long Relevant)[]> TallyGen =>
        Gen.Choose(1, 80).SelectMany(n => Gen.Choose(0, n).Select(k => ((long)k, (long)n))).ArrayOf(12);

    // Every combination of targets at or above each standard's current band, costed by counting.
    private static long? BruteForce(RatingResult result)
    {
        var table = result.Framework.GetOverallBands(result.MaxScore);
        var band = table.GetBand(result.Score);
        var next = table.Bands.SkipWhile(b => !b.Equals(band)).Skip(1).FirstOrDefault();
        if (next is null || result.Overall == Rating.NotRated)
        {
            return null;
        }

        var standards = result.Standards.Where(s => s.RatedBy == RatedBy.CaseSample).ToArray();
        long? best = null;
        var total = (int)Math.Pow(4, standards.Length);
        for (var c = 0; c < total; c++)
        {
            var rest = c;
            var score = result.Score;
            long cost = 0;
            var possible = true;
            foreach (var standard in standards)
            {
                var target = rest % 4;
                rest /= 4;
                var current = (int)standard.Rating - 1;
                if (target == current)
                {
                    continue;
                }

                if (target < current || standard.Override is not null)
                {
                    possible = false;
                    break;
                }

                score += target - current;
                foreach (var question in standard.KeyQuestions.Where(q => q.HasResult))
                {
                    var yes = question.Tally.Yes;
                    while (yes * 100 < Edges[target] * question.Tally.Relevant)
                    {
                        yes++;
                        cost++;
                    }
                }
            }

            if (possible && score >= next.FromScore && (best is null || cost < best))
            {
                best = cost;
            }
        }

        return best;
    }
}
