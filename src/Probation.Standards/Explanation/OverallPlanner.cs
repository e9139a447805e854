using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Explanation;

/// <summary>
/// The cheapest path to the next overall band (R8): over the case standards that can be lifted (computed, not
/// overridden, rated), the combination of band lifts with the fewest No answers turned Yes whose points reach the
/// next band's lowest score. Judgements and overridden standards stay as they are. Exact: a dynamic programme over
/// the standards and the points gained (capped at the points needed), which considers every combination of lifts;
/// integer arithmetic only. Standards whose key questions are published percentages are costed in percentage points
/// instead, in a second search used only when the counted standards alone cannot reach the next band.
/// </summary>
internal static class OverallPlanner
{
    public static void Plan(RatingResult result, int pointsNeeded, out long? fewestAnswers, out decimal? fewestPercentagePoints, out EquatableArray<OverallPlanStep> plan)
    {
        fewestAnswers = null;
        fewestPercentagePoints = null;
        plan = EquatableArray<OverallPlanStep>.Empty;
        var counted = new List<Candidate>();
        var published = new List<Candidate>();
        foreach (var standard in result.Standards)
        {
            if (standard.RatedBy != RatedBy.CaseSample || standard.Override is not null || standard.ComputedRating is null or Rating.NotRated)
            {
                continue;
            }

            var isPublished = false;
            foreach (var question in standard.KeyQuestions)
            {
                isPublished |= question.HasResult && question.IsPublished;
            }

            (isPublished ? published : counted).Add(new Candidate(result, standard, isPublished));
        }

        if (Search(counted, pointsNeeded, out var steps, out var cost))
        {
            fewestAnswers = cost <= long.MaxValue ? (long)cost : null;
            plan = steps;
        }
        else if (Search(published, pointsNeeded, out steps, out cost))
        {
            fewestPercentagePoints = (decimal)cost / Candidate.PointScale;
            plan = steps;
        }
    }

    // best[g]: the cheapest way, over the standards seen so far, to gain g points (g = pointsNeeded means "at least").
    // Ties keep the plan that lifts fewer standards, then the one found first (standards in framework order, lower targets first).
    private static bool Search(List<Candidate> candidates, int pointsNeeded, out EquatableArray<OverallPlanStep> steps, out BigInteger cost)
    {
        steps = EquatableArray<OverallPlanStep>.Empty;
        cost = BigInteger.Zero;
        if (candidates.Count == 0 || pointsNeeded <= 0)
        {
            return false;
        }

        var best = new State?[pointsNeeded + 1];
        best[0] = new State(BigInteger.Zero, 0, null, null);
        foreach (var candidate in candidates)
        {
            var next = (State?[])best.Clone();
            for (var g = 0; g <= pointsNeeded; g++)
            {
                // Plain null tests rather than `is not { } x` patterns: the same logic, and it keeps every mutant of this
                // search compilable, so mutation testing (build/mutation.sh) can test it.
                var from = best[g];
                if (from is null)
                {
                    continue;
                }

                foreach (var option in candidate.Options)
                {
                    var reached = Math.Min(pointsNeeded, g + option.Gain);
                    var state = new State(from.Cost + option.Cost, from.Lifted + 1, from, option);
                    var current = next[reached];
                    if (current is null || state.Cost < current.Cost || (state.Cost == current.Cost && state.Lifted < current.Lifted))
                    {
                        next[reached] = state;
                    }
                }
            }

            best = next;
        }

        var found = best[pointsNeeded];
        if (found is null)
        {
            return false;
        }

        cost = found.Cost;
        var chosen = new List<OverallPlanStep>();
        for (var s = found; s?.Option is { } option; s = s.Previous)
        {
            chosen.Add(option.Step);
        }

        chosen.Reverse();
        steps = chosen.ToImmutableArray();
        return true;
    }

    private sealed class State
    {
        public State(BigInteger cost, int lifted, State? previous, Option? option)
        {
            this.Cost = cost;
            this.Lifted = lifted;
            this.Previous = previous;
            this.Option = option;
        }

        public BigInteger Cost { get; }

        public int Lifted { get; }

        public State? Previous { get; }

        public Option? Option { get; }
    }

    private sealed class Option
    {
        public Option(int gain, BigInteger cost, OverallPlanStep step)
        {
            this.Gain = gain;
            this.Cost = cost;
            this.Step = step;
        }

        public int Gain { get; }

        public BigInteger Cost { get; }

        public OverallPlanStep Step { get; }
    }

    private sealed class Candidate
    {
        // Percentage points are costed in units of 10^-18 points, so the search stays in integers.
        public const long PointScale = 1_000_000_000_000_000_000;

        public Candidate(RatingResult result, StandardResult standard, bool published)
        {
            var framework = result.Framework;
            var from = standard.ComputedRating!.Value;
            var options = new List<Option>();
            var above = false;
            foreach (var band in framework.Bands)
            {
                if (band.Rating == from)
                {
                    above = true;
                    continue;
                }

                var gain = framework.GetPoints(band.Rating) - standard.Points;
                if (!above || gain <= 0)
                {
                    continue;
                }

                var questions = ImmutableArray.CreateBuilder<KeyQuestionLift>();
                BigInteger cost = 0;
                foreach (var question in standard.KeyQuestions)
                {
                    if (!question.HasResult || Banding.Reaches(question.Tally, band.FromPercent, result.Basis))
                    {
                        continue;
                    }

                    if (published)
                    {
                        var exact = question.IsPublished ? question.PublishedPercent!.Value : Banding.DisplayPercent(question.Tally, 18);
                        var shortBy = Math.Max(0m, band.FromPercent - exact);
                        cost += new BigInteger(decimal.Truncate(shortBy * 1_000_000_000m)) * 1_000_000_000;
                        questions.Add(new KeyQuestionLift(question, null, null, shortBy));
                    }
                    else
                    {
                        var turned = Explainer.NoTurnedYes(question.Tally, band.FromPercent, result.Basis);
                        cost += turned;
                        questions.Add(new KeyQuestionLift(question, turned <= long.MaxValue ? (long)turned : null, null, null));
                    }
                }

                long? answers = !published && cost <= long.MaxValue ? (long)cost : null;
                decimal? points = published ? (decimal)cost / PointScale : null;
                options.Add(new Option(gain, cost, new OverallPlanStep(standard, band, gain, answers, points, questions.ToImmutable())));
            }

            this.Options = options;
        }

        public List<Option> Options { get; }
    }
}
