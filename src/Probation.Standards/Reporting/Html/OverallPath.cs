using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Reporting.Html;

/// <summary>One standard lifted on the cheapest path to the next overall band.</summary>
internal sealed class OverallPathStep
{
    public OverallPathStep(StandardResult standard, RatingBand target, BigInteger answers, int points)
    {
        this.Standard = standard;
        this.Target = target;
        this.Answers = answers;
        this.Points = points;
    }

    public StandardResult Standard { get; }

    public RatingBand Target { get; }

    /// <summary>No answers turned Yes on the standard's key questions.</summary>
    public BigInteger Answers { get; }

    /// <summary>The points the lift adds (R8).</summary>
    public int Points { get; }
}

/// <summary>
/// The fewest No answers turned Yes that lift the overall rating one band (R4, R5, R8): each case standard
/// may be lifted to any higher band (every key question with a result reaching that band's edge), and the
/// cheapest set of lifts whose points reach the next overall band is chosen, exactly, in whole numbers.
/// Judgements, overridden standards and published percentages cannot be moved by answers and are left out.
/// </summary>
internal static class OverallPath
{
    /// <summary>The cheapest path, or <see langword="null"/> when the overall rating is in its top band, not rated, or no set of answers reaches the next band.</summary>
    public static ImmutableArray<OverallPathStep>? Cheapest(RatingExplanation explanation)
    {
        if (explanation.Overall.PointsToNext is not { } needed || needed <= 0)
        {
            return null;
        }

        var result = explanation.Result;
        var framework = result.Framework;

        // best[p]: the cheapest choice of lifts over the standards seen so far adding p points (p capped at needed).
        var best = new Choice?[needed + 1];
        best[0] = new Choice(BigInteger.Zero, ImmutableArray<OverallPathStep>.Empty);
        foreach (var standard in result.Standards)
        {
            var options = Options(framework, standard, result.Basis);
            if (options.Count == 0)
            {
                continue;
            }

            var next = (Choice?[])best.Clone();
            for (var p = 0; p <= needed; p++)
            {
                if (best[p] is not { } from)
                {
                    continue;
                }

                foreach (var option in options)
                {
                    var to = System.Math.Min(needed, p + option.Points);
                    var cost = from.Cost + option.Answers;
                    if (next[to] is not { } current || cost < current.Cost)
                    {
                        next[to] = new Choice(cost, from.Steps.Add(option));
                    }
                }
            }

            best = next;
        }

        return best[needed]?.Steps;
    }

    private static List<OverallPathStep> Options(Framework framework, StandardResult standard, BandingBasis basis)
    {
        var options = new List<OverallPathStep>();
        if (standard.RatedBy != RatedBy.CaseSample || standard.Override is not null || standard.ComputedRating is not { } computed || computed == Rating.NotRated)
        {
            return options;
        }

        foreach (var question in standard.KeyQuestions)
        {
            if (question.IsPublished)
            {
                return options; // its counts are unknown: no number of answers can be given
            }
        }

        var current = framework.GetPoints(standard.Rating);
        foreach (var band in framework.Bands)
        {
            var points = framework.GetPoints(band.Rating) - current;
            if (points <= 0)
            {
                continue;
            }

            var answers = BigInteger.Zero;
            var reachable = true;
            foreach (var question in standard.KeyQuestions)
            {
                if (!question.HasResult)
                {
                    continue;
                }

                var edge = Banding.Edge.Of(band.FromPercent, basis);
                var short_ = ((BigInteger)edge.Numerator * question.Tally.Relevant) - ((BigInteger)edge.Denominator * question.Tally.Yes);
                var k = short_ <= 0 ? BigInteger.Zero : (short_ + edge.Denominator - 1) / edge.Denominator;
                if (k > question.Tally.No)
                {
                    reachable = false;
                    break;
                }

                answers += k;
            }

            if (reachable)
            {
                options.Add(new OverallPathStep(standard, band, answers, points));
            }
        }

        return options;
    }

    private sealed class Choice
    {
        public Choice(BigInteger cost, ImmutableArray<OverallPathStep> steps)
        {
            this.Cost = cost;
            this.Steps = steps;
        }

        public BigInteger Cost { get; }

        public ImmutableArray<OverallPathStep> Steps { get; }
    }
}
