using System;
using System.Collections.Generic;
using System.Linq;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Testing;

/// <summary>One-line forms of the rules, for tests that check one rule at a time.</summary>
public static class Rules
{
    /// <summary>The band of <paramref name="yes"/> of <paramref name="relevant"/> cases (R4): <c>framework.BandOf(31, 48)</c> is Requires improvement.</summary>
    /// <param name="framework">The framework whose band table applies.</param>
    /// <param name="yes">Cases answering Yes.</param>
    /// <param name="relevant">Cases to which the key question applied; more than zero.</param>
    /// <param name="basis">The exact ratio (the default) or the rounded whole-number percentage.</param>
    /// <returns>The band's rating.</returns>
    /// <exception cref="ArgumentException">No relevant case, so no band (R5 skips such a key question).</exception>
    public static Rating BandOf(this Framework framework, long yes, long relevant, BandingBasis basis = BandingBasis.ExactRatio)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var band = Banding.BandOf(framework, new KeyQuestionTally(yes, relevant), basis)
            ?? throw new ArgumentException($"{yes} of {relevant}: a key question with no relevant case has no band (R5 skips it)", nameof(relevant));
        return band.Rating;
    }

    /// <summary>
    /// Rates one case standard alone from its key questions' counts, in framework order (R4, R5): the other
    /// standards are filled so that they raise no warning, and only this standard's result is returned.
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <param name="standardId">A case-rated standard.</param>
    /// <param name="keyQuestions">One (yes, relevant) pair per key question of the standard, in framework order.</param>
    /// <returns>The standard's result: rating, driver and each key question's band.</returns>
    public static StandardResult RateStandard(this Framework framework, string standardId, params (long Yes, long Relevant)[] keyQuestions)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var standard = framework.GetStandard(standardId);
        if (standard.RatedBy != RatedBy.CaseSample)
        {
            throw new ArgumentException($"{standardId} is judged, not rated from key questions", nameof(standardId));
        }

        if (keyQuestions is null || keyQuestions.Length != standard.KeyQuestions.Count)
        {
            throw new ArgumentException($"{standardId} has {standard.KeyQuestions.Count} key questions ({string.Join(", ", standard.KeyQuestions.Select(q => q.Id))}); give counts for each", nameof(keyQuestions));
        }

        var builder = Findings.For($"{standardId} alone", framework);
        for (var i = 0; i < keyQuestions.Length; i++)
        {
            builder.KeyQuestion(standard.KeyQuestions[i].Id, keyQuestions[i].Yes, keyQuestions[i].Relevant);
        }

        return builder.Rate().GetStandard(standardId);
    }

    /// <summary>The points a rating earns (R8).</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="rating">A rating.</param>
    /// <returns>Its points.</returns>
    public static int PointsOf(this Framework framework, Rating rating) =>
        (framework ?? throw new ArgumentNullException(nameof(framework))).GetPoints(rating);

    /// <summary>The overall rating of a score out of a maximum (R8).</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="score">The score.</param>
    /// <param name="maxScore">The maximum, e.g. 21.</param>
    /// <returns>The overall rating.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no overall table for that maximum.</exception>
    public static Rating OverallOf(this Framework framework, int score, int maxScore)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        return framework.TryGetOverallBands(maxScore, out var table)
            ? table.GetRating(score)
            : throw new KeyNotFoundException($"{framework.Id} has no overall table for a maximum of {maxScore}");
    }
}
