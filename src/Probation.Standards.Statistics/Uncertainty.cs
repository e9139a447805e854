using System;
using System.Collections.Immutable;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Statistics;

/// <summary>
/// How sure a rating is (R11; the project's own addition, not HM Inspectorate of Probation's method): a
/// Clopper-Pearson interval per key question, Jeffreys posterior band probabilities per key question and per case
/// standard (the product formula for the minimum of independent shares), and the overall rating's probabilities by
/// convolution of the standards' points. Floating point throughout; it reads a <see cref="RatingResult"/> and never
/// changes it.
/// </summary>
public static class Uncertainty
{
    /// <summary>Assesses a rating.</summary>
    /// <param name="result">The rating.</param>
    /// <param name="options">Confidence and assumed counts; <see cref="UncertaintyOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The statistics.</returns>
    public static RatingUncertainty Assess(RatingResult result, UncertaintyOptions? options = null)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        options ??= UncertaintyOptions.Default;
        var framework = result.Framework;
        var ratings = BandRatings(framework);
        var edges = Edges(framework, result.Basis);
        var standards = ImmutableArray.CreateBuilder<StandardUncertainty>();
        foreach (var standard in result.Standards)
        {
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                standards.Add(AssessStandard(standard, ratings, edges, options));
            }
        }

        var built = standards.ToImmutable();
        var score = ScoreDistribution(result, built);
        BandProbabilities? overall = null;
        if (score.Length > 0 && framework.TryGetOverallBands(result.MaxScore, out var table))
        {
            var overallRatings = ImmutableArray.CreateBuilder<Rating>();
            foreach (var band in table.Bands)
            {
                overallRatings.Add(band.Rating);
            }

            var p = new double[table.Bands.Count];
            for (var s = 0; s < score.Length; s++)
            {
                var rating = table.GetRating(s);
                for (var i = 0; i < p.Length; i++)
                {
                    if (table.Bands[i].Rating == rating)
                    {
                        p[i] += score[s];
                    }
                }
            }

            overall = new BandProbabilities(overallRatings.ToImmutable(), Clamp(p).ToImmutableArray());
        }

        return new RatingUncertainty(result, options, built, overall, score.ToImmutableArray());
    }

    // The lower edge of each band above the lowest, as a fraction: exact basis from/100; rounded basis (2·from − 1)/200,
    // the share from which the rounded percentage reaches the edge (R4).
    internal static double[] Edges(Framework framework, BandingBasis basis)
    {
        var bands = framework.Bands;
        var edges = new double[bands.Count - 1];
        for (var j = 1; j < bands.Count; j++)
        {
            var from = bands[j].FromPercent;
            edges[j - 1] = basis == BandingBasis.RoundedPercentage && from > 0 ? ((2.0 * from) - 1) / 200 : from / 100.0;
        }

        return edges;
    }

    private static EquatableArray<Rating> BandRatings(Framework framework)
    {
        var ratings = ImmutableArray.CreateBuilder<Rating>();
        foreach (var band in framework.Bands)
        {
            ratings.Add(band.Rating);
        }

        return ratings.ToImmutable();
    }

    private static StandardUncertainty AssessStandard(StandardResult standard, EquatableArray<Rating> ratings, double[] edges, UncertaintyOptions options)
    {
        // survival[j] = P(min share >= edge j) = product over key questions of P(p_i >= edge j) (independent shares).
        var survival = new double[edges.Length];
        for (var j = 0; j < survival.Length; j++)
        {
            survival[j] = 1;
        }

        var questions = ImmutableArray.CreateBuilder<KeyQuestionUncertainty>();
        var anyResult = false;
        foreach (var question in standard.KeyQuestions)
        {
            if (!question.HasResult)
            {
                questions.Add(new KeyQuestionUncertainty(question, null, null, false, null, null));
                continue;
            }

            anyResult = true;
            double? yes = null, relevant = null;
            var assumed = false;
            if (!question.IsPublished)
            {
                yes = question.Tally.Yes;
                relevant = question.Tally.Relevant;
            }
            else if (options.AssumedRelevant is { } n)
            {
                yes = (double)question.PublishedPercent!.Value * n / 100;
                relevant = n;
                assumed = true;
            }

            if (yes is { } k && relevant is { } total)
            {
                var interval = ShareStatistics.ClopperPearson(k, total, options.Confidence);
                var cdf = new double[edges.Length];
                for (var j = 0; j < edges.Length; j++)
                {
                    cdf[j] = ShareStatistics.Posterior(k, total, edges[j]);
                    survival[j] *= 1 - cdf[j];
                }

                questions.Add(new KeyQuestionUncertainty(question, k, total, assumed, interval, FromCdf(ratings, cdf)));
            }
            else
            {
                // A published percentage without counts is taken as exact (R3): it reaches an edge or it does not.
                var index = IndexOf(ratings, question.Band);
                for (var j = 0; j < edges.Length; j++)
                {
                    survival[j] *= index >= j + 1 ? 1 : 0;
                }

                questions.Add(new KeyQuestionUncertainty(question, null, null, false, null, null));
            }
        }

        BandProbabilities? bands = null;
        if (standard.Override is not null)
        {
            bands = BandProbabilities.Certain(ratings, standard.Rating);
        }
        else if (anyResult && standard.ComputedRating is not null and not Rating.NotRated)
        {
            var cdf = new double[edges.Length];
            for (var j = 0; j < edges.Length; j++)
            {
                cdf[j] = 1 - survival[j];
            }

            bands = FromCdf(ratings, cdf);
        }

        return new StandardUncertainty(standard, questions.ToImmutable(), bands);
    }

    // P(band j) = F(edge j+1) - F(edge j), F(edge 0) = 0, F(top) = 1.
    private static BandProbabilities FromCdf(EquatableArray<Rating> ratings, double[] cdf)
    {
        var p = new double[ratings.Count];
        var below = 0.0;
        for (var j = 0; j < p.Length; j++)
        {
            var upTo = j < cdf.Length ? cdf[j] : 1;
            p[j] = upTo - below;
            below = upTo;
        }

        return new BandProbabilities(ratings, Clamp(p).ToImmutableArray());
    }

    private static double[] Clamp(double[] p)
    {
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = p[i] < 0 ? 0 : p[i] > 1 ? 1 : p[i];
        }

        return p;
    }

    private static int IndexOf(EquatableArray<Rating> ratings, Rating rating)
    {
        for (var i = 0; i < ratings.Count; i++)
        {
            if (ratings[i] == rating)
            {
                return i;
            }
        }

        return -1;
    }

    // P(score = s): judgements and overridden standards certain, case standards independent (R11). Empty when the
    // overall is not rated.
    private static double[] ScoreDistribution(RatingResult result, ImmutableArray<StandardUncertainty> standards)
    {
        if (result.Overall == Rating.NotRated)
        {
            return Array.Empty<double>();
        }

        // The score reaches at most MaxScore: MaxPointsPerStandard for each rated standard that counts (R8).
        var framework = result.Framework;
        var top = framework.MaxPointsPerStandard;
        var distribution = new double[result.MaxScore + 1];
        distribution[0] = 1;
        var reach = 0;
        foreach (var standard in result.Standards)
        {
            BandProbabilities? bands = null;
            if (standard.RatedBy == RatedBy.CaseSample)
            {
                foreach (var s in standards)
                {
                    if (s.Standard.Id == standard.Id)
                    {
                        bands = s.BandProbability;
                    }
                }
            }

            // R8: a standard that does not count towards the score (youth resettlement) adds no points, as in the rater.
            if (standard.Rating == Rating.NotRated || !standard.CountsTowardsScore)
            {
                continue;
            }

            var next = new double[distribution.Length];
            if (bands is null)
            {
                for (var s = 0; s <= reach; s++)
                {
                    next[s + standard.Points] += distribution[s];
                }
            }
            else
            {
                for (var i = 0; i < bands.Ratings.Count; i++)
                {
                    var gain = framework.GetPoints(bands.Ratings[i]);
                    var p = bands.Probabilities[i];
                    if (p == 0)
                    {
                        continue;
                    }

                    for (var s = 0; s <= reach; s++)
                    {
                        next[s + gain] += distribution[s] * p;
                    }
                }
            }

            distribution = next;
            reach += top;
        }

        return distribution;
    }
}
