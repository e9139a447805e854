using System;
using System.Collections.Immutable;
using System.Numerics;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Explanation;

/// <summary>What one key question needs to reach the next band's lower edge.</summary>
/// <param name="KeyQuestionId">The key question.</param>
/// <param name="Tally">Its current counts.</param>
/// <param name="NoAnswersTurnedYes">How many of its No answers would have to be Yes instead; <see langword="null"/> when counts are unknown (a published percentage).</param>
/// <param name="NewSufficientCases">How many further relevant cases answering Yes it would need; <see langword="null"/> when unknown or impossible (a 100% edge).</param>
public sealed record KeyQuestionLift(string KeyQuestionId, KeyQuestionTally Tally, long? NoAnswersTurnedYes, long? NewSufficientCases);

/// <summary>
/// The smallest change that lifts a case standard one band: every key question below the next band's edge
/// must reach it (R5), so No-to-Yes changes add up across key questions, while each new sufficient case
/// answers Yes to all of them at once.
/// </summary>
/// <param name="Target">The band the standard would reach.</param>
/// <param name="TargetFromPercent">That band's lower edge.</param>
/// <param name="NoAnswersTurnedYes">Total No answers that would have to be Yes; <see langword="null"/> when a key question's counts are unknown.</param>
/// <param name="NewSufficientCases">New cases, each sufficient on every key question, needed; <see langword="null"/> when unknown or impossible.</param>
/// <param name="KeyQuestions">What each key question below the edge needs.</param>
/// <param name="DrivenByAfterNoTurnedYes">The key question that would then drive the standard, after the No-to-Yes changes.</param>
/// <param name="DrivenByAfterNewCases">The key question that would then drive the standard, after the new cases.</param>
public sealed record BandLift(
    Rating Target,
    int TargetFromPercent,
    long? NoAnswersTurnedYes,
    long? NewSufficientCases,
    EquatableArray<KeyQuestionLift> KeyQuestions,
    string? DrivenByAfterNoTurnedYes,
    string? DrivenByAfterNewCases);

/// <summary>Why a case standard is rated as it is, and what would lift it.</summary>
/// <param name="Standard">The standard's result.</param>
/// <param name="Driver">The driving key question's outcome, when rated.</param>
/// <param name="Band">The band the driving key question sits in, when rated.</param>
/// <param name="Lift">What would lift the computed rating one band; <see langword="null"/> when it is already in the top band or not rated.</param>
public sealed record StandardExplanation(StandardResult Standard, KeyQuestionOutcome? Driver, RatingBand? Band, BandLift? Lift);

/// <summary>
/// Explains ratings: for each case standard the key question that drove it, its counts and exact
/// percentage, the band edges around it, and the smallest number of further Yes answers that would
/// lift it one band (R4, R5). A consumer of results only: it never looks at cases.
/// </summary>
public static class Explainer
{
    /// <summary>Explains every case standard of a result.</summary>
    /// <param name="framework">The framework the result was rated against.</param>
    /// <param name="result">The result.</param>
    /// <returns>One explanation per case standard, in framework order.</returns>
    public static EquatableArray<StandardExplanation> Explain(Framework framework, RatingResult result)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var explanations = ImmutableArray.CreateBuilder<StandardExplanation>();
        foreach (var standard in result.Standards)
        {
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                explanations.Add(Explain(framework, standard, result.Basis));
            }
        }

        return explanations.ToImmutable();
    }

    /// <summary>Explains one case standard.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="standard">The standard's result.</param>
    /// <param name="basis">The banding basis the result used.</param>
    /// <returns>The explanation.</returns>
    public static StandardExplanation Explain(Framework framework, StandardResult standard, BandingBasis basis)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (standard is null)
        {
            throw new ArgumentNullException(nameof(standard));
        }

        KeyQuestionOutcome? driver = null;
        foreach (var outcome in standard.KeyQuestions)
        {
            if (outcome.Id == standard.DrivenBy)
            {
                driver = outcome;
            }
        }

        if (driver is null || standard.ComputedRating is null or Rating.NotRated)
        {
            return new StandardExplanation(standard, null, null, null);
        }

        var band = framework.BandOf(standard.ComputedRating.Value);
        BandLift? lift = null;
        var bands = framework.Bands;
        for (var i = 0; i < bands.Count - 1; i++)
        {
            if (bands[i].Rating == band.Rating)
            {
                lift = Lift(standard, bands[i + 1], basis);
            }
        }

        return new StandardExplanation(standard, driver, band, lift);
    }

    private static BandLift Lift(StandardResult standard, RatingBand target, BandingBasis basis)
    {
        var lifts = ImmutableArray.CreateBuilder<KeyQuestionLift>();
        long? turned = 0;
        long? newCases = 0;
        var afterTurned = new KeyQuestionTally[standard.KeyQuestions.Count];
        for (var i = 0; i < standard.KeyQuestions.Count; i++)
        {
            var outcome = standard.KeyQuestions[i];
            afterTurned[i] = outcome.Tally;
            if (!outcome.HasResult || Banding.Reaches(outcome.Tally, target.FromPercent, basis))
            {
                continue;
            }

            long? k = null;
            long? m = null;
            if (outcome.PublishedPercent is null)
            {
                k = NoTurnedYes(outcome.Tally, target.FromPercent, basis);
                m = NewSufficientCases(outcome.Tally, target.FromPercent, basis);
                afterTurned[i] = new KeyQuestionTally(outcome.Tally.Yes + k.Value, outcome.Tally.Relevant);
            }

            lifts.Add(new KeyQuestionLift(outcome.Id, outcome.Tally, k, m));
            turned = turned is null || k is null ? null : checked(turned + k);
            newCases = newCases is null || m is null ? null : Math.Max(newCases.Value, m.Value);
        }

        string? driverAfterTurned = turned is null ? null : Lowest(standard, afterTurned);
        string? driverAfterNew = null;
        if (newCases is not null)
        {
            var afterNew = new KeyQuestionTally[standard.KeyQuestions.Count];
            for (var i = 0; i < afterNew.Length; i++)
            {
                var tally = standard.KeyQuestions[i].Tally;
                afterNew[i] = tally.HasResult ? tally + new KeyQuestionTally(newCases.Value, newCases.Value) : tally;
            }

            driverAfterNew = Lowest(standard, afterNew);
        }

        return new BandLift(target.Rating, target.FromPercent, turned, newCases, lifts.ToImmutable(), driverAfterTurned, driverAfterNew);
    }

    // Smallest k with (yes + k) / relevant at or above the edge; never more than the No answers there are.
    private static long NoTurnedYes(KeyQuestionTally tally, int fromPercent, BandingBasis basis)
    {
        var edge = Banding.Edge.Of(fromPercent, basis);
        var needed = ((BigInteger)edge.Numerator * tally.Relevant) - ((BigInteger)edge.Denominator * tally.Yes);
        var k = CeilingDivide(needed, edge.Denominator);
        return (long)BigInteger.Min(k, tally.No);
    }

    // Smallest m with (yes + m) / (relevant + m) at or above the edge; null when the edge is 100%.
    private static long? NewSufficientCases(KeyQuestionTally tally, int fromPercent, BandingBasis basis)
    {
        var edge = Banding.Edge.Of(fromPercent, basis);
        var room = edge.Denominator - edge.Numerator;
        if (room <= 0)
        {
            return null;
        }

        var needed = ((BigInteger)edge.Numerator * tally.Relevant) - ((BigInteger)edge.Denominator * tally.Yes);
        return (long)CeilingDivide(needed, room);
    }

    private static BigInteger CeilingDivide(BigInteger numerator, long denominator) =>
        numerator <= 0 ? BigInteger.Zero : (numerator + denominator - 1) / denominator;

    private static string? Lowest(StandardResult standard, KeyQuestionTally[] tallies)
    {
        string? lowest = null;
        KeyQuestionTally lowestTally = default;
        for (var i = 0; i < tallies.Length; i++)
        {
            if (!tallies[i].HasResult)
            {
                continue;
            }

            if (lowest is null || tallies[i].CompareRatio(lowestTally) < 0)
            {
                lowest = standard.KeyQuestions[i].Id;
                lowestTally = tallies[i];
            }
        }

        return lowest;
    }
}
