using FsCheck.NUnit;
using Probation.Standards.Explanation;
using Probation.Standards.Scoring;
using Property = FsCheck.NUnit.PropertyAttribute;

namespace Probation.Standards.Tests.Explanation;

using Findings = Probation.Standards.Testing.Findings;

/// <summary>
/// The explanation checked against a search, on random small tallies: for every case standard, the band, the key
/// questions below the next edge, the fewest No answers turned Yes and new sufficient cases each needs (found by
/// trying 0, 1, 2, ... in turn), the driver after each kind of lift, and the fewest Yes answers turned No that drop
/// it; for the overall rating, the points to the next band and the fewest answers over every combination of lifts.
/// The oracle knows only R4, R5 and R8 of probation-pdu-2023: edges 50, 65 and 80, points 0 to 3, overall bands
/// 0-5, 6-10, 11-15 and 16-21, the judgements Good (2 points each).
/// </summary>
public class ExplanationProperties
{
    private static readonly int[] From = { 0, 50, 65, 80 };
    private static readonly Rating[] Bands = { Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding };
    private static readonly int[] OverallFrom = { 0, 6, 11, 16 };
    private static readonly string[] CaseStandards = { "P2.1", "P2.2", "P2.3", "P2.4" };

    [Property(MaxTest = 300)]
    public void Explanations_agree_with_a_search_on_the_exact_ratio(int seed) => Agrees(seed, rounded: false);

    [Property(MaxTest = 300)]
    public void Explanations_agree_with_a_search_on_the_rounded_percentage(int seed) => Agrees(seed, rounded: true);

    private static void Agrees(int seed, bool rounded)
    {
        var random = new Random(seed);
        var tallies = new Dictionary<string, (long Yes, long Relevant)>();
        var findings = Findings.For("Searched");
        foreach (var standard in CaseStandards)
        {
            // Mostly near the band edges: relevant 1..40, Yes anywhere; now and then no result at all.
            for (var q = 1; q <= 3; q++)
            {
                var id = $"{standard}.{q}";
                var relevant = random.Next(10) == 0 ? 0 : random.Next(1, 41);
                var yes = relevant == 0 ? 0 : random.Next(relevant + 1);
                tallies[id] = (yes, relevant);
                findings.KeyQuestion(id, yes: yes, relevant: relevant);
            }
        }

        var result = findings.Rate(new RatingOptions(rounded ? BandingBasis.RoundedPercentage : BandingBasis.ExactRatio));
        var explanation = Explainer.Explain(result);
        explanation.Standards.Select(s => s.Standard.Id).ShouldBe(CaseStandards);

        var bands = new Dictionary<string, int>();
        foreach (var standardId in CaseStandards)
        {
            var questions = Enumerable.Range(1, 3).Select(q => ($"{standardId}.{q}", tallies[$"{standardId}.{q}"])).Where(t => t.Item2.Relevant > 0).ToList();
            explanation.TryGetStandard(standardId, out var standard).ShouldBeTrue();
            if (questions.Count == 0)
            {
                standard!.Band.ShouldBeNull(standardId);
                standard.Lift.ShouldBeNull(standardId);
                standard.YesAnswersTurnedNoToDrop.ShouldBeNull(standardId);
                continue;
            }

            var band = questions.Min(t => BandOf(t.Item2.Yes, t.Item2.Relevant, rounded));
            bands[standardId] = band;
            var context = $"{standardId} {string.Join(" ", questions.Select(t => $"{t.Item1}={t.Item2.Yes}/{t.Item2.Relevant}"))} rounded={rounded}";
            standard!.Band!.Rating.ShouldBe(Bands[band], context);
            if (!rounded)
            {
                standard.Driver!.Id.ShouldBe(Lowest(questions), context);
            }

            CheckLift(standard, questions, band, rounded, context);
            long? drop = band == 0 ? null : questions.Min(t => FewestTurnedNo(t.Item2.Yes, t.Item2.Relevant, From[band], rounded));
            standard.YesAnswersTurnedNoToDrop.ShouldBe(drop, context);
        }

        CheckOverall(explanation.Overall, result, tallies, bands, rounded);
    }

    private static void CheckLift(StandardExplanation standard, List<(string Id, (long Yes, long Relevant) Tally)> questions, int band, bool rounded, string context)
    {
        if (band == 3)
        {
            standard.Lift.ShouldBeNull(context);
            return;
        }

        var target = From[band + 1];
        var lift = standard.Lift.ShouldNotBeNull(context);
        lift.Target.Rating.ShouldBe(Bands[band + 1], context);
        var below = questions.Where(t => !Reaches(t.Tally.Yes, t.Tally.Relevant, target, rounded)).ToList();
        lift.KeyQuestions.Select(k => k.KeyQuestion.Id).ShouldBe(below.Select(t => t.Id), context);
        var turned = below.Select(t => FewestTurnedYes(t.Tally.Yes, t.Tally.Relevant, target, rounded)).ToList();
        var added = below.Select(t => FewestNewCases(t.Tally.Yes, t.Tally.Relevant, target, rounded)).ToList();
        lift.KeyQuestions.Select(k => k.NoAnswersTurnedYes).ShouldBe(turned.Select(k => (long?)k), context);
        lift.KeyQuestions.Select(k => k.NewSufficientCases).ShouldBe(added.Select(m => (long?)m), context);
        lift.KeyQuestions.ShouldAllBe(k => k.PercentagePointsShort == null, context);
        lift.NoAnswersTurnedYes.ShouldBe(turned.Sum(), context);
        lift.NewSufficientCases.ShouldBe(added.Max(), context);

        var afterTurned = questions.Select(t =>
        {
            var i = below.FindIndex(b => b.Id == t.Id);
            return (t.Id, (i < 0 ? t.Tally.Yes : t.Tally.Yes + turned[i], t.Tally.Relevant));
        }).ToList();
        lift.DrivenByAfterNoTurnedYes.ShouldBe(Lowest(afterTurned), context);
        var m = added.Max();
        lift.DrivenByAfterNewCases.ShouldBe(Lowest(questions.Select(t => (t.Id, (t.Tally.Yes + m, t.Tally.Relevant + m))).ToList()), context);
    }

    private static void CheckOverall(OverallExplanation overall, RatingResult result, Dictionary<string, (long Yes, long Relevant)> tallies, Dictionary<string, int> bands, bool rounded)
    {
        if (bands.Count < CaseStandards.Length || result.Overall == Rating.NotRated)
        {
            return;
        }

        var score = 6 + bands.Values.Sum();
        result.Score.ShouldBe(score);
        var at = OverallFrom.Count(f => f <= score) - 1;
        overall.Band!.Rating.ShouldBe(Bands[at]);
        if (at == 3)
        {
            overall.Next.ShouldBeNull();
            overall.PointsToNext.ShouldBeNull();
            overall.FewestAnswers.ShouldBeNull();
            return;
        }

        var needed = OverallFrom[at + 1] - score;
        overall.PointsToNext.ShouldBe(needed);
        overall.Next!.Rating.ShouldBe(Bands[at + 1]);

        // Every combination of target bands, one per case standard, at or above where each is now.
        long? fewest = null;
        var fewestLifted = 0;
        var targets = new int[CaseStandards.Length];
        void Search(int s)
        {
            if (s == CaseStandards.Length)
            {
                var gained = 0;
                var lifted = 0;
                long cost = 0;
                for (var i = 0; i < CaseStandards.Length; i++)
                {
                    var now = bands[CaseStandards[i]];
                    gained += targets[i] - now;
                    if (targets[i] > now)
                    {
                        lifted++;
                        cost += Enumerable.Range(1, 3).Select(q => tallies[$"{CaseStandards[i]}.{q}"]).Where(t => t.Relevant > 0)
                            .Sum(t => FewestTurnedYes(t.Yes, t.Relevant, From[targets[i]], rounded));
                    }
                }

                if (gained >= needed && (fewest is null || cost < fewest || (cost == fewest && lifted < fewestLifted)))
                {
                    fewest = cost;
                    fewestLifted = lifted;
                }

                return;
            }

            for (var t = bands[CaseStandards[s]]; t <= 3; t++)
            {
                targets[s] = t;
                Search(s + 1);
            }
        }

        Search(0);
        overall.FewestAnswers.ShouldBe(fewest, $"score {score}, bands {string.Join(",", bands.Values)}");
        overall.FewestPercentagePoints.ShouldBeNull();
        if (fewest is not null)
        {
            overall.Plan.Sum(p => p.NoAnswersTurnedYes ?? 0).ShouldBe(fewest.Value);
            overall.Plan.Count.ShouldBe(fewestLifted, "of the cheapest plans, one that lifts the fewest standards");
            overall.Plan.Sum(p => p.PointsGained).ShouldBeGreaterThanOrEqualTo(needed);
            foreach (var step in overall.Plan)
            {
                step.PointsGained.ShouldBe(Array.IndexOf(Bands, step.Target.Rating) - bands[step.Standard.Id]);
            }
        }
        else
        {
            overall.Plan.ShouldBeEmpty();
        }
    }

    // R4 as written: the exact ratio at or above the edge, or the percentage rounded half up at or above it.
    private static bool Reaches(long yes, long relevant, int from, bool rounded) =>
        rounded ? from == 0 || (200 * yes) + relevant >= 2L * from * relevant : 100 * yes >= (long)from * relevant;

    private static int BandOf(long yes, long relevant, bool rounded) => From.Count(f => Reaches(yes, relevant, f, rounded)) - 1;

    private static long FewestTurnedYes(long yes, long relevant, int from, bool rounded)
    {
        var k = 0L;
        while (!Reaches(yes + k, relevant, from, rounded))
        {
            k++;
        }

        return k;
    }

    private static long FewestNewCases(long yes, long relevant, int from, bool rounded)
    {
        var m = 0L;
        while (!Reaches(yes + m, relevant + m, from, rounded))
        {
            m++;
        }

        return m;
    }

    private static long FewestTurnedNo(long yes, long relevant, int from, bool rounded)
    {
        var t = 0L;
        while (Reaches(yes - t, relevant, from, rounded))
        {
            t++;
        }

        return t;
    }

    // R5: the lowest exact ratio drives; on a tie the first in framework order.
    private static string Lowest(List<(string Id, (long Yes, long Relevant) Tally)> questions)
    {
        var lowest = questions[0];
        foreach (var q in questions.Skip(1))
        {
            if (q.Tally.Yes * lowest.Tally.Relevant < lowest.Tally.Yes * q.Tally.Relevant)
            {
                lowest = q;
            }
        }

        return lowest.Id;
    }
}
