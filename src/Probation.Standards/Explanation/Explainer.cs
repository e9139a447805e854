using System;
using System.Collections.Immutable;
using System.Numerics;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Explanation;

/// <summary>
/// Explains a rating from its result alone: for each case standard the driving key question, its band's
/// edges and the fewest answers that lift it a band (R4, R5); for the overall rating, the points the next
/// band needs (R8). Exact integer arithmetic throughout, whatever the counts.
/// </summary>
public static class Explainer
{
    /// <summary>Explains every case standard and the overall rating of a result.</summary>
    /// <param name="result">The rating.</param>
    /// <returns>The explanation.</returns>
    public static RatingExplanation Explain(RatingResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var standards = ImmutableArray.CreateBuilder<StandardExplanation>();
        foreach (var standard in result.Standards)
        {
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                standards.Add(Explain(result.Framework, standard, result.Basis));
            }
        }

        return new RatingExplanation(result, standards.ToImmutable(), ExplainOverall(result));
    }

    private static StandardExplanation Explain(Framework framework, StandardResult standard, BandingBasis basis)
    {
        var driver = standard.Driver;
        if (driver is null || standard.ComputedRating is null or Rating.NotRated)
        {
            return new StandardExplanation(standard, null, null);
        }

        var band = framework.GetBand(standard.ComputedRating.Value);
        BandLift? lift = null;
        var bands = framework.Bands;
        for (var i = 0; i < bands.Count - 1; i++)
        {
            if (bands[i].Rating == band.Rating)
            {
                lift = Lift(standard, bands[i + 1], basis);
            }
        }

        return new StandardExplanation(standard, band, lift, ToLong(YesTurnedNoToDrop(standard, band, basis)));
    }

    // The fewest Yes answers turned No that take some key question below the current band's lower edge (R5: the
    // minimum then drops a band); null in the bottom band or when a key question with a result has no counts.
    private static BigInteger? YesTurnedNoToDrop(StandardResult standard, RatingBand band, BandingBasis basis)
    {
        if (band.FromPercent <= 0)
        {
            return null;
        }

        var edge = Banding.Edge.Of(band.FromPercent, basis);
        BigInteger? fewest = null;
        foreach (var question in standard.KeyQuestions)
        {
            if (!question.HasResult)
            {
                continue;
            }

            if (question.IsPublished)
            {
                return null;
            }

            // The most Yes answers still below the edge: yes' * den < num * relevant, so yes' = ceil(num * relevant / den) - 1.
            var tally = question.Tally;
            var most = CeilingDivide((BigInteger)edge.Numerator * tally.Relevant, edge.Denominator) - 1;
            var turned = BigInteger.Max(BigInteger.Zero, tally.Yes - most);
            fewest = fewest is null ? turned : BigInteger.Min(fewest.Value, turned);
        }

        return fewest;
    }

    // R8: where the score sits in the overall table, and how many points the next band needs.
    private static OverallExplanation ExplainOverall(RatingResult result)
    {
        if (!result.Framework.TryGetOverallBands(result.MaxScore, out var table))
        {
            return new OverallExplanation(null, null, null, null);
        }

        var bands = table.Bands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (result.Score >= bands[i].FromScore && result.Score <= bands[i].ToScore)
            {
                var next = i + 1 < bands.Count ? bands[i + 1] : null;
                if (next is null || result.Overall == Rating.NotRated)
                {
                    return new OverallExplanation(table, bands[i], next, next is null ? null : next.FromScore - result.Score);
                }

                var needed = next.FromScore - result.Score;
                OverallPlanner.Plan(result, needed, out var fewest, out var points, out var plan);
                return new OverallExplanation(table, bands[i], next, needed, fewest, points, plan);
            }
        }

        return new OverallExplanation(table, null, null, null);
    }

    private static BandLift Lift(StandardResult standard, RatingBand target, BandingBasis basis)
    {
        var lifts = ImmutableArray.CreateBuilder<KeyQuestionLift>();
        BigInteger? turned = 0;
        BigInteger? newCases = 0;
        var afterTurned = new BigTally[standard.KeyQuestions.Count];
        for (var i = 0; i < standard.KeyQuestions.Count; i++)
        {
            var question = standard.KeyQuestions[i];
            afterTurned[i] = new BigTally(question.Tally.Yes, question.Tally.Relevant);
            if (!question.HasResult || Banding.Reaches(question.Tally, target.FromPercent, basis))
            {
                continue;
            }

            BigInteger? k = null;
            BigInteger? m = null;
            decimal? short_ = null;
            if (question.IsPublished)
            {
                short_ = target.FromPercent - question.PublishedPercent!.Value;
            }
            else
            {
                k = NoTurnedYes(question.Tally, target.FromPercent, basis);
                m = NewSufficientCases(question.Tally, target.FromPercent, basis);
                afterTurned[i] = new BigTally(question.Tally.Yes + k.Value, question.Tally.Relevant);
            }

            lifts.Add(new KeyQuestionLift(question, ToLong(k), ToLong(m), short_));
            turned = turned is null || k is null ? null : turned + k;
            newCases = newCases is null || m is null ? null : BigInteger.Max(newCases.Value, m.Value);
        }

        var driverAfterTurned = turned is null ? null : Lowest(standard, afterTurned);
        string? driverAfterNew = null;
        if (newCases is { } added)
        {
            var afterNew = new BigTally[standard.KeyQuestions.Count];
            for (var i = 0; i < afterNew.Length; i++)
            {
                var tally = standard.KeyQuestions[i].Tally;
                afterNew[i] = tally.HasResult ? new BigTally(tally.Yes + added, tally.Relevant + added) : new BigTally(tally.Yes, tally.Relevant);
            }

            driverAfterNew = Lowest(standard, afterNew);
        }

        return new BandLift(target, ToLong(turned), ToLong(newCases), lifts.ToImmutable(), driverAfterTurned, driverAfterNew);
    }

    // Counts beyond 64 bits cannot be given as a number of cases: no number is given.
    private static long? ToLong(BigInteger? value) => value is { } v && v <= long.MaxValue ? (long)v : null;

    // Smallest k with (yes + k) / relevant at or above the edge; never more than the No answers there are.
    internal static BigInteger NoTurnedYes(KeyQuestionTally tally, int fromPercent, BandingBasis basis)
    {
        var edge = Banding.Edge.Of(fromPercent, basis);
        var needed = ((BigInteger)edge.Numerator * tally.Relevant) - ((BigInteger)edge.Denominator * tally.Yes);
        return BigInteger.Min(CeilingDivide(needed, edge.Denominator), tally.No);
    }

    // Smallest m with (yes + m) / (relevant + m) at or above the edge; null when the edge is 100%.
    private static BigInteger? NewSufficientCases(KeyQuestionTally tally, int fromPercent, BandingBasis basis)
    {
        var edge = Banding.Edge.Of(fromPercent, basis);
        var room = edge.Denominator - edge.Numerator;
        if (room <= 0)
        {
            return null;
        }

        var needed = ((BigInteger)edge.Numerator * tally.Relevant) - ((BigInteger)edge.Denominator * tally.Yes);
        return CeilingDivide(needed, room);
    }

    private static BigInteger CeilingDivide(BigInteger numerator, long denominator) =>
        numerator <= 0 ? BigInteger.Zero : (numerator + denominator - 1) / denominator;

    // R5: the lowest exact ratio, first in order on a tie.
    private static string? Lowest(StandardResult standard, BigTally[] tallies)
    {
        string? lowest = null;
        BigTally lowestTally = default;
        for (var i = 0; i < tallies.Length; i++)
        {
            if (tallies[i].Relevant.IsZero)
            {
                continue;
            }

            if (lowest is null || (tallies[i].Yes * lowestTally.Relevant) < (lowestTally.Yes * tallies[i].Relevant))
            {
                lowest = standard.KeyQuestions[i].Id;
                lowestTally = tallies[i];
            }
        }

        return lowest;
    }

    private readonly struct BigTally
    {
        public BigTally(BigInteger yes, BigInteger relevant)
        {
            this.Yes = yes;
            this.Relevant = relevant;
        }

        public BigInteger Yes { get; }

        public BigInteger Relevant { get; }
    }
}
