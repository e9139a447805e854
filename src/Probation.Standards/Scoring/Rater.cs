using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>
/// Rates tallies: key-question bands (R4), case standards by their lowest key question (R5), judgements
/// as given (R6), overrides (R7), points, score and overall rating (R8). It reads only a
/// <see cref="RatingInput"/>, never cases, so every producer of tallies rates the same. Pure and thread-safe.
/// </summary>
public static class Rater
{
    /// <summary>Rates an input.</summary>
    /// <param name="input">The input (validated when it was built).</param>
    /// <param name="options">Options; <see cref="RatingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The rating.</returns>
    public static RatingResult Rate(RatingInput input, RatingOptions? options = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        options ??= RatingOptions.Default;
        var framework = input.Framework;
        var published = new PublishedPercentage?[framework.KeyQuestions.Count];
        foreach (var result in input.Published)
        {
            published[framework.GetKeyQuestion(result.KeyQuestionId).Index] = result;
        }

        var warnings = ImmutableArray.CreateBuilder<RatingWarning>();
        warnings.AddRange(input.Warnings);
        var standards = ImmutableArray.CreateBuilder<StandardResult>(framework.Standards.Count);
        var judgement = 0;
        foreach (var standard in framework.Standards)
        {
            if (standard.RatedBy == RatedBy.Judgement)
            {
                // R6: judgements are inputs, never computed; RatingInput holds one per judged standard in framework order.
                var rating = input.Judgements[judgement++].Rating;
                standards.Add(new StandardResult(standard, rating, null, framework.GetPoints(rating), null, ImmutableArray<KeyQuestionResult>.Empty, null));
            }
            else
            {
                standards.Add(RateCaseStandard(framework, standard, input, published, options.Basis, warnings));
            }
        }

        // R8: points, score over the rated standards that count, overall from the table for that maximum.
        // A standard that does not count (youth resettlement) is rated and reported, but adds neither points nor maximum.
        var score = 0;
        var rated = 0;
        var notRated = new List<string>();
        foreach (var standard in standards)
        {
            if (!standard.CountsTowardsScore)
            {
                continue;
            }

            if (standard.Rating == Rating.NotRated)
            {
                notRated.Add(standard.Id);
                continue;
            }

            rated++;
            score = checked(score + standard.Points);
        }

        var maxScore = checked(rated * framework.MaxPointsPerStandard);
        var overall = framework.TryGetOverallBands(maxScore, out var table) ? table.GetRating(score) : Rating.NotRated;
        if (overall == Rating.NotRated)
        {
            var why = notRated.Count > 0
                ? $"{string.Join(", ", notRated)} {(notRated.Count == 1 ? "is" : "are")} not rated, and {framework.Id} has no overall table for a maximum of {maxScore}"
                : $"{framework.Id} has no overall table for a maximum of {maxScore}";
            warnings.Add(new RatingWarning(WarningCode.OverallNotRated, $"overall not rated: {why}", notRated.Count > 0 ? notRated[0] : null));
        }

        return new RatingResult(input.Unit, framework, options.Basis, standards.MoveToImmutable(), score, maxScore, overall, input.Tallies.Cases, warnings.ToImmutable());
    }

    private static StandardResult RateCaseStandard(
        Framework framework,
        StandardDefinition standard,
        RatingInput input,
        PublishedPercentage?[] published,
        BandingBasis basis,
        ImmutableArray<RatingWarning>.Builder warnings)
    {
        var results = ImmutableArray.CreateBuilder<KeyQuestionResult>(standard.KeyQuestions.Count);
        KeyQuestionResult? driver = null;
        foreach (var question in standard.KeyQuestions)
        {
            var given = published[question.Index];
            var tally = given?.Tally ?? input.Tallies.KeyQuestions[question.Index];
            if (!tally.HasResult)
            {
                // R5: a key question with no result is skipped, with a warning.
                warnings.Add(new RatingWarning(WarningCode.KeyQuestionSkipped, $"{question.Id} has no relevant case and was skipped in rating {standard.Id}", standard.Id, question.Id));
                results.Add(new KeyQuestionResult(question.Id, tally, given, Rating.NotRated));
                continue;
            }

            var result = new KeyQuestionResult(question.Id, tally, given, Banding.BandOf(framework, tally, basis)!.Rating);
            results.Add(result);

            // R5: the lowest exact share drives (a published percentage on its exact value); on a tie the first in framework order keeps it.
            if (driver is null || result.CompareShare(driver) < 0)
            {
                driver = result;
            }
        }

        var computed = Rating.NotRated;
        if (driver is null)
        {
            warnings.Add(new RatingWarning(WarningCode.StandardNotRated, $"{standard.Id} is not rated: none of its key questions has a relevant case", standard.Id));
        }
        else
        {
            computed = driver.Band;
            var other = basis == BandingBasis.ExactRatio ? BandingBasis.RoundedPercentage : BandingBasis.ExactRatio;
            var otherRating = Banding.BandOf(framework, driver.Tally, other)!.Rating;
            if (otherRating != computed)
            {
                warnings.Add(new RatingWarning(
                    WarningCode.BoundarySensitive,
                    $"{standard.Id} is boundary-sensitive: {driver.Id} at {driver.Tally} ({Banding.PercentText(driver.Tally)}%, printed {Banding.RoundedPercent(driver.Tally)}%) is {computed.ToDisplayText()} on the {Describe(basis)} but {otherRating.ToDisplayText()} on the {Describe(other)}",
                    standard.Id,
                    driver.Id));
            }
        }

        // R7: an override replaces the final rating; the computed one is kept beside it.
        RatingOverride? @override = null;
        foreach (var candidate in input.Overrides)
        {
            if (candidate.StandardId == standard.Id)
            {
                @override = candidate;
            }
        }

        var final = @override?.Rating ?? computed;
        return new StandardResult(standard, final, computed, framework.GetPoints(final), driver?.Id, results.MoveToImmutable(), @override);
    }

    private static string Describe(BandingBasis basis) =>
        basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage";
}
