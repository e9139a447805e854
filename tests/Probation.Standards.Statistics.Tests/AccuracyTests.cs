namespace Probation.Standards.Statistics.Tests;

/// <summary>
/// R11's numbers against independent values: closed forms and a published table for Clopper-Pearson, and
/// <see cref="Reference"/> (Simpson's rule and binomial sums, no MathNet) for everything else.
/// </summary>
public sealed class AccuracyTests
{
    // Closed forms: k = 0 gives high = 1 - (α/2)^(1/n); k = n gives low = (α/2)^(1/n); k = 1 gives low = 1 - (1 - α/2)^(1/n).
    [TestCase(10)]
    [TestCase(60)]
    [TestCase(250)]
    public void Clopper_Pearson_ends_match_their_closed_forms(int n)
    {
        var none = ShareStatistics.ClopperPearson(0, n);
        none.Low.ShouldBe(0);
        none.High.ShouldBe(1 - Math.Pow(0.025, 1.0 / n), 1e-10);

        var all = ShareStatistics.ClopperPearson(n, n);
        all.Low.ShouldBe(Math.Pow(0.025, 1.0 / n), 1e-10);
        all.High.ShouldBe(1);

        ShareStatistics.ClopperPearson(1, n).Low.ShouldBe(1 - Math.Pow(0.975, 1.0 / n), 1e-10);
    }

    // Published exact (Clopper-Pearson) 95% limits: 5/10 gives 0.1871 to 0.8129 (e.g. the tables in Collett,
    // Modelling Binary Data, and any exact-binomial calculator); 0/10 gives 0 to 0.3085.
    [TestCase(5, 10, 0.1871, 0.8129)]
    [TestCase(0, 10, 0.0, 0.3085)]
    [TestCase(2, 20, 0.0123, 0.3170)]
    public void Clopper_Pearson_matches_a_published_table(int k, int n, double low, double high)
    {
        var interval = ShareStatistics.ClopperPearson(k, n);
        interval.Low.ShouldBe(low, 5e-5);
        interval.High.ShouldBe(high, 5e-5);
    }

    [TestCase(19, 60, 0.95)]
    [TestCase(29, 60, 0.95)]
    [TestCase(43, 60, 0.90)]
    [TestCase(22, 56, 0.99)]
    [TestCase(1, 3, 0.95)]
    [TestCase(299, 300, 0.8)]
    public void Clopper_Pearson_matches_the_binomial_sums(int k, int n, double confidence)
    {
        var expected = Reference.ClopperPearson(k, n, confidence);
        var interval = ShareStatistics.ClopperPearson(k, n, confidence);
        interval.Low.ShouldBe(expected.Low, 1e-11);
        interval.High.ShouldBe(expected.High, 1e-11);
        interval.LowPercent.ShouldBe(expected.Low * 100, 1e-7);
    }

    [TestCase(0.0, 60.0, 0.0, 0.5)]
    [TestCase(29.0, 60.0, 0.5, 0.65)]
    [TestCase(29.0, 60.0, 0.0, 0.5)]
    [TestCase(60.0, 60.0, 0.8, 1.0)]
    [TestCase(19.2, 60.0, 0.0, 0.5)]
    [TestCase(7.0, 9.0, 0.65, 0.8)]
    public void Jeffreys_band_probability_matches_integration(double k, double n, double from, double to) =>
        ShareStatistics.ProbabilityBetween(k, n, from, to).ShouldBe(Reference.Jeffreys(k, n, from, to), 1e-11);

    [Test]
    public void Nottinghamshire_planning_worked_through()
    {
        // P2.2 Planning: 30/60, 43/60, 29/60. P(min >= t) = product of P(p_i >= t) (R11), by integration.
        var result = Documents.RateSeed("nottinghamshire-pdu-2025-cases.json");
        var stats = Uncertainty.Assess(result);
        stats.TryGetStandard("P2.2", out var planning).ShouldBeTrue();
        double Survive(double t) => new[] { (30.0, 60.0), (43.0, 60.0), (29.0, 60.0) }.Aggregate(1.0, (p, q) => p * (1 - Reference.BetaCdf(q.Item1 + 0.5, q.Item2 - q.Item1 + 0.5, t)));
        var bands = planning!.BandProbability!;
        bands.GetProbability(Rating.Inadequate).ShouldBe(1 - Survive(0.5), 1e-11);
        bands.GetProbability(Rating.RequiresImprovement).ShouldBe(Survive(0.5) - Survive(0.65), 1e-11);
        bands.GetProbability(Rating.Good).ShouldBe(Survive(0.65) - Survive(0.8), 1e-11);
        bands.GetProbability(Rating.Outstanding).ShouldBe(Survive(0.8), 1e-11);

        // The rounded figures the README quotes.
        Math.Round(bands.GetProbability(Rating.Inadequate), 3).ShouldBe(Math.Round(1 - Survive(0.5), 3));
    }

    [Test]
    public void Overall_probabilities_match_brute_force_over_every_band_combination()
    {
        var result = Documents.RateSeed("nottinghamshire-pdu-2025-cases.json");
        var stats = Uncertainty.Assess(result);
        var seedTallies = result.Standards.Where(s => s.RatedBy == RatedBy.CaseSample)
            .Select(s => s.KeyQuestions.Select(q => ((double)q.Tally.Yes, (double)q.Tally.Relevant)).ToArray()).ToArray();
        var distributions = seedTallies.Select(BandsByIntegration).ToArray();
        var expected = new double[4];
        foreach (var combination in Combinations(4, 4))
        {
            var p = 1.0;
            var score = 3; // three judgements, Requires improvement, 1 point each
            for (var s = 0; s < 4; s++)
            {
                p *= distributions[s][combination[s]];
                score += combination[s]; // points 0/1/2/3 = band index
            }

            expected[score <= 5 ? 0 : score <= 10 ? 1 : score <= 15 ? 2 : 3] += p;
        }

        var overall = stats.OverallProbability!;
        overall.GetProbability(Rating.Inadequate).ShouldBe(expected[0], 1e-10);
        overall.GetProbability(Rating.RequiresImprovement).ShouldBe(expected[1], 1e-10);
        overall.GetProbability(Rating.Good).ShouldBe(expected[2], 1e-10);
        overall.GetProbability(Rating.Outstanding).ShouldBe(expected[3], 1e-10);
    }

    [Test]
    public void Assumed_counts_of_published_percentages_follow_k_equals_percentage_times_n()
    {
        // The published seed: P2.1.3 was published as 32%; with N = 60 assumed, k = 19.2.
        var result = Documents.RateSeed("nottinghamshire-pdu-2025.json");
        var stats = Uncertainty.Assess(result, new UncertaintyOptions(0.95, 60));
        stats.TryGetKeyQuestion("P2.1.3", out var question).ShouldBeTrue();
        question!.CountsAssumed.ShouldBeTrue();
        question.Yes!.Value.ShouldBe(19.2, 1e-12);
        question.Relevant.ShouldBe(60);
        question.BandProbability!.GetProbability(Rating.Inadequate).ShouldBe(Reference.Jeffreys(19.2, 60, 0, 0.5), 1e-11);

        // Without N, a published percentage has no interval and is held at its value: the standard is certain.
        var exact = Uncertainty.Assess(result);
        exact.TryGetKeyQuestion("P2.1.3", out var held).ShouldBeTrue();
        held!.Interval.ShouldBeNull();
        exact.TryGetStandard("P2.1", out var assessment).ShouldBeTrue();
        assessment!.BandProbability!.GetProbability(Rating.Inadequate).ShouldBe(1);
    }

    [Test]
    public void An_overridden_standard_is_certain_at_its_final_rating()
    {
        var tallies = Enumerable.Repeat((30L, 60L), 12).ToArray();
        var result = Documents.FromTallies(tallies, overrides: new[] { new RatingOverride("P2.3", Rating.Good, "inspectors' discretion") });
        Uncertainty.Assess(result).TryGetStandard("P2.3", out var overridden).ShouldBeTrue();
        overridden!.BandProbability!.GetProbability(Rating.Good).ShouldBe(1);
        overridden.ProbabilityOfRating.ShouldBe(1);
    }

    [Test]
    public void A_standard_without_a_result_has_no_probabilities_and_no_overall()
    {
        var tallies = Enumerable.Repeat((30L, 60L), 12).ToArray();
        tallies[9] = tallies[10] = tallies[11] = (0, 0);
        var stats = Uncertainty.Assess(Documents.FromTallies(tallies));
        stats.TryGetStandard("P2.4", out var reviewing).ShouldBeTrue();
        reviewing!.BandProbability.ShouldBeNull();
        stats.OverallProbability.ShouldBeNull();
    }

    private static double[] BandsByIntegration((double Yes, double Relevant)[] questions)
    {
        double Survive(double t) => questions.Aggregate(1.0, (p, q) => p * (1 - Reference.BetaCdf(q.Yes + 0.5, q.Relevant - q.Yes + 0.5, t)));
        return new[] { 1 - Survive(0.5), Survive(0.5) - Survive(0.65), Survive(0.65) - Survive(0.8), Survive(0.8) };
    }

    private static IEnumerable<int[]> Combinations(int positions, int values)
    {
        var total = (int)Math.Pow(values, positions);
        for (var c = 0; c < total; c++)
        {
            var digits = new int[positions];
            var rest = c;
            for (var i = 0; i < positions; i++)
            {
                digits[i] = rest % values;
                rest /= values;
            }

            yield return digits;
        }
    }
}
