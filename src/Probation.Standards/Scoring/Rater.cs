using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>
/// Rates findings: key-question bands (R4), case standards by their lowest key question (R5),
/// judgements as given (R6), overrides (R7), points, score and overall rating (R8).
/// Pure and thread-safe.
/// </summary>
public static class Rater
{
    /// <summary>Rates a validated findings document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Options; <see cref="RatingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The rating.</returns>
    public static RatingResult Rate(FindingsDocument document, RatingOptions? options = null) =>
        Rate(RatingInput.From(document), options);

    /// <summary>Rates tallied input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="options">Options; <see cref="RatingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The rating.</returns>
    public static RatingResult Rate(RatingInput input, RatingOptions? options = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        options ??= RatingOptions.Default;
        Validate(input);
        var framework = input.Framework;
        var warnings = ImmutableArray.CreateBuilder<RatingWarning>();
        warnings.AddRange(input.Warnings);
        var standards = ImmutableArray.CreateBuilder<StandardResult>(framework.Standards.Count);
        foreach (var standard in framework.Standards)
        {
            standards.Add(standard.RatedBy == RatedBy.Judgement
                ? RateJudgement(framework, standard, input)
                : RateCaseStandard(framework, standard, input, options.Basis, warnings));
        }

        // R8: points, score over rated standards, overall from the table for that maximum.
        var score = 0;
        var rated = 0;
        var notRated = new List<string>();
        foreach (var standard in standards)
        {
            if (standard.Rating == Rating.NotRated)
            {
                notRated.Add(standard.Id);
                continue;
            }

            rated++;
            score = checked(score + standard.Points);
        }

        var maxScore = checked(rated * framework.MaxPointsPerStandard);
        var table = framework.OverallBandsFor(maxScore);
        var overall = table?.RatingFor(score) ?? Rating.NotRated;
        if (overall == Rating.NotRated)
        {
            var why = notRated.Count > 0
                ? $"{string.Join(", ", notRated)} {(notRated.Count == 1 ? "is" : "are")} not rated, and {framework.Id} has no overall table for a maximum of {maxScore}"
                : $"{framework.Id} has no overall table for a maximum of {maxScore}";
            warnings.Add(new RatingWarning(WarningCode.OverallNotRated, $"overall not rated: {why}", StandardId: notRated.FirstOrDefault()));
        }

        return new RatingResult(
            input.Unit,
            framework.Id,
            framework.VersionId,
            options.Basis,
            standards.MoveToImmutable(),
            score,
            maxScore,
            overall,
            input.Cases,
            input.Classifications,
            warnings.ToImmutable());
    }

    // Input built through the API gets the checks the findings reader makes (R6, R7, R10), so no
    // path can rate what a document would have been refused for.
    private static void Validate(RatingInput input)
    {
        var framework = input.Framework ?? throw new ArgumentException("input has no framework", nameof(input));
        if (input.KeyQuestions.Count != framework.KeyQuestions.Count)
        {
            throw new ArgumentException($"input has {input.KeyQuestions.Count} key-question inputs; {framework.Id} has {framework.KeyQuestions.Count}", nameof(input));
        }

        for (var i = 0; i < framework.KeyQuestions.Count; i++)
        {
            if (input.KeyQuestions[i]?.KeyQuestionId != framework.KeyQuestions[i].Id)
            {
                throw new ArgumentException($"key-question input {i} is {input.KeyQuestions[i]?.KeyQuestionId ?? "missing"}; {framework.Id} has {framework.KeyQuestions[i].Id} there", nameof(input));
            }
        }

        var judged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var judgement in input.Organisational)
        {
            if (judgement is null || !framework.TryGetStandard(judgement.StandardId, out var standard) || standard.RatedBy != RatedBy.Judgement)
            {
                throw new ArgumentException($"'{judgement?.StandardId}' is not a judgement-rated standard of {framework.Id}", nameof(input));
            }

            if (!judged.Add(judgement.StandardId))
            {
                throw new ArgumentException($"{judgement.StandardId} is given more than one rating", nameof(input));
            }
        }

        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var @override in input.Overrides)
        {
            if (@override is null || !framework.TryGetStandard(@override.StandardId, out var standard) || standard.RatedBy != RatedBy.CaseSample)
            {
                throw new ArgumentException($"'{@override?.StandardId}' is not a case standard of {framework.Id}; only case standards can be overridden (R7)", nameof(input));
            }

            if (string.IsNullOrWhiteSpace(@override.Reason))
            {
                throw new ArgumentException($"the override of {@override.StandardId} needs a reason (R7)", nameof(input));
            }

            if (@override.Rating == Rating.NotRated || !Enum.IsDefined(typeof(Rating), @override.Rating))
            {
                throw new ArgumentException($"the override of {@override.StandardId} must be one of the four ratings, not {@override.Rating}", nameof(input));
            }

            if (!overridden.Add(@override.StandardId))
            {
                throw new ArgumentException($"{@override.StandardId} is overridden more than once", nameof(input));
            }
        }
    }

    // R6: judgements are inputs, never computed.
    private static StandardResult RateJudgement(Framework framework, StandardDefinition standard, RatingInput input)
    {
        var rating = input.Organisational.FirstOrDefault(o => o.StandardId == standard.Id)?.Rating
            ?? throw new ArgumentException($"no rating is given for {standard.Id} (R10: a missing judgement is never guessed)", nameof(input));
        return new StandardResult(standard.Id, standard.Name, RatedBy.Judgement, rating, null, framework.PointsFor(rating), null, ImmutableArray<KeyQuestionOutcome>.Empty, null);
    }

    private static StandardResult RateCaseStandard(
        Framework framework,
        StandardDefinition standard,
        RatingInput input,
        BandingBasis basis,
        ImmutableArray<RatingWarning>.Builder warnings)
    {
        var outcomes = ImmutableArray.CreateBuilder<KeyQuestionOutcome>(standard.KeyQuestions.Count);
        KeyQuestionInput? driver = null;
        foreach (var question in standard.KeyQuestions)
        {
            var given = input.KeyQuestions[question.Index];
            var tally = given.Tally;
            if (!tally.HasResult)
            {
                // R5: a key question with no result is skipped, with a warning.
                warnings.Add(new RatingWarning(
                    WarningCode.KeyQuestionSkipped,
                    $"{question.Id} has no relevant case and was skipped in rating {standard.Id}",
                    standard.Id,
                    question.Id));
                outcomes.Add(new KeyQuestionOutcome(question.Id, tally, given.PublishedPercent, null, null, Rating.NotRated));
                continue;
            }

            var band = Banding.BandOf(framework, tally, basis)!;
            outcomes.Add(new KeyQuestionOutcome(question.Id, tally, given.PublishedPercent, Banding.DisplayPercent(tally), Banding.RoundedPercent(tally), band.Rating));

            // R5: the lowest exact ratio drives; on a tie the first in framework order keeps it.
            if (driver is null || tally.CompareRatio(driver.Tally) < 0)
            {
                driver = given;
            }
        }

        var computed = Rating.NotRated;
        if (driver is null)
        {
            warnings.Add(new RatingWarning(WarningCode.StandardNotRated, $"{standard.Id} is not rated: none of its key questions has a relevant case", standard.Id));
        }
        else
        {
            computed = Banding.BandOf(framework, driver.Tally, basis)!.Rating;
            var other = basis == BandingBasis.ExactRatio ? BandingBasis.RoundedPercentage : BandingBasis.ExactRatio;
            var otherRating = Banding.BandOf(framework, driver.Tally, other)!.Rating;
            if (otherRating != computed)
            {
                warnings.Add(new RatingWarning(
                    WarningCode.BoundarySensitive,
                    $"{standard.Id} is boundary-sensitive: {driver.KeyQuestionId} at {driver.Tally} ({Banding.PercentText(driver.Tally)}%, printed {Banding.RoundedPercent(driver.Tally)}%) is {computed.ToDisplayText()} on the {Describe(basis)} but {otherRating.ToDisplayText()} on the {Describe(other)}",
                    standard.Id,
                    driver.KeyQuestionId));
            }
        }

        // R7: an override replaces the final rating; the computed one is kept beside it.
        var @override = input.Overrides.FirstOrDefault(o => o.StandardId == standard.Id);
        var final = @override?.Rating ?? computed;
        return new StandardResult(standard.Id, standard.Name, RatedBy.CaseSample, final, computed, framework.PointsFor(final), driver?.KeyQuestionId, outcomes.MoveToImmutable(), @override);
    }

    private static string Describe(BandingBasis basis) =>
        basis == BandingBasis.ExactRatio ? "exact ratio" : "rounded percentage";
}
