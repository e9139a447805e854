using System.Collections.Immutable;
using System.Globalization;

namespace Probation.Standards.Statistics.Tests;

/// <summary>
/// The statistics' contract (R11): every refused argument by name, value and reason, the edges just inside each limit,
/// the value types' equality part by part and their text, and the score distribution over the standards that count.
/// </summary>
public class StatisticsContractTests
{
    private static readonly EquatableArray<Rating> Four = ImmutableArray.Create(Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding);

    private static BandProbabilities Bands(params double[] p) => new(Four, p.ToImmutableArray());

    // A result of any framework: every case key question at the given counts, every judgement the given rating,
    // and any key questions given as published percentages instead.
    private static RatingResult Rate(Framework framework, (long Yes, long Relevant) counts, Rating judgement, params (string Id, decimal Percent)[] published)
    {
        var given = published.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var rows = framework.KeyQuestions.Where(q => !given.Contains(q.Id)).Select(q => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(counts.Yes, counts.Relevant)));
        var judgements = framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, judgement));
        return Rater.Rate(RatingInput.Create(
            "Test unit",
            TallySet.From(framework, rows, absent: given),
            judgements,
            published.Select(p => PublishedPercentage.Create(p.Id, p.Percent))));
    }

    [Test]
    public void A_share_interval_prints_its_percentages_and_confidence_and_gives_its_half_width()
    {
        var interval = new ShareInterval(0.95, 0.125, 0.375);
        interval.LowPercent.ShouldBe(12.5);
        interval.HighPercent.ShouldBe(37.5);
        interval.HalfWidth.ShouldBe(0.125);
        interval.ToString().ShouldBe("12.5-37.5% (0.95)");
    }

    [Test]
    public void Share_intervals_are_equal_only_when_every_part_is()
    {
        var interval = new ShareInterval(0.95, 0.1, 0.2);
        interval.Equals(new ShareInterval(0.95, 0.1, 0.2)).ShouldBeTrue();
        interval.Equals((object)new ShareInterval(0.95, 0.1, 0.2)).ShouldBeTrue();
        interval.GetHashCode().ShouldBe(new ShareInterval(0.95, 0.1, 0.2).GetHashCode());
        interval.Equals(new ShareInterval(0.9, 0.1, 0.2)).ShouldBeFalse();
        interval.Equals(new ShareInterval(0.95, 0.11, 0.2)).ShouldBeFalse();
        interval.Equals(new ShareInterval(0.95, 0.1, 0.21)).ShouldBeFalse();
        interval.Equals(null).ShouldBeFalse();
        interval.Equals("0.1-0.2").ShouldBeFalse();
    }

    [Test]
    public void Band_probabilities_read_by_rating_with_at_least_summing_from_the_rating_up()
    {
        var bands = Bands(0.1, 0.2, 0.3, 0.4);
        bands.GetProbability(Rating.Good).ShouldBe(0.3);
        bands.TryGetProbability(Rating.Outstanding, out var top).ShouldBeTrue();
        top.ShouldBe(0.4);
        bands.TryGetProbability(Rating.NotRated, out var none).ShouldBeFalse();
        none.ShouldBe(0);
        bands.GetProbability(Rating.NotRated).ShouldBe(0);
        bands.ProbabilityAtLeast(Rating.Outstanding).ShouldBe(0.4, 1e-15);
        bands.ProbabilityAtLeast(Rating.Good).ShouldBe(0.7, 1e-15);
        bands.ProbabilityAtLeast(Rating.RequiresImprovement).ShouldBe(0.9, 1e-15);
        bands.ProbabilityAtLeast(Rating.Inadequate).ShouldBe(1.0, 1e-15);
        bands.ProbabilityAtLeast(Rating.NotRated).ShouldBe(0);
    }

    [Test]
    public void At_least_is_capped_at_one_when_rounding_takes_the_sum_over()
    {
        Bands(0.5, 0.5, 0.5, 0.5).ProbabilityAtLeast(Rating.Inadequate).ShouldBe(1);
        Bands(0.5, 0.5, 0.5, 0.5).ProbabilityAtLeast(Rating.Good).ShouldBe(1);
        Bands(0.5, 0.5, 0.5, 0.25).ProbabilityAtLeast(Rating.Outstanding).ShouldBe(0.25);
    }

    [Test]
    public void A_certain_band_has_all_the_probability()
    {
        BandProbabilities.Certain(Four, Rating.Good).Probabilities.ShouldBe(new[] { 0.0, 0.0, 1.0, 0.0 });
        BandProbabilities.Certain(Four, Rating.Inadequate).Probabilities.ShouldBe(new[] { 1.0, 0.0, 0.0, 0.0 });
    }

    [Test]
    public void Band_probabilities_print_each_band_and_are_equal_part_by_part()
    {
        Bands(0.1, 0.2, 0.3, 0.4).ToString().ShouldBe("Inadequate 10.0%, RequiresImprovement 20.0%, Good 30.0%, Outstanding 40.0%");
        Bands(0.1, 0.2, 0.3, 0.4).Equals(Bands(0.1, 0.2, 0.3, 0.4)).ShouldBeTrue();
        Bands(0.1, 0.2, 0.3, 0.4).Equals((object)Bands(0.1, 0.2, 0.3, 0.4)).ShouldBeTrue();
        Bands(0.1, 0.2, 0.3, 0.4).Equals(Bands(0.1, 0.2, 0.3, 0.5)).ShouldBeFalse();
        Bands(0.1, 0.2, 0.3, 0.4).Equals(new BandProbabilities(ImmutableArray.Create(Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.NotRated), ImmutableArray.Create(0.1, 0.2, 0.3, 0.4))).ShouldBeFalse();
        Bands(0.1, 0.2, 0.3, 0.4).Equals(null).ShouldBeFalse();
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.5)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_confidence_outside_0_to_1_is_refused_everywhere(double confidence)
    {
        void Refused(Action call)
        {
            var ex = Should.Throw<ArgumentOutOfRangeException>(call);
            ex.ParamName.ShouldBe("confidence");
            ex.ActualValue.ShouldBe(confidence);
            ex.Message.ShouldStartWith("a confidence is strictly between 0 and 1, e.g. 0.95");
        }

        Refused(() => ShareStatistics.ClopperPearson(1, 2, confidence));
        Refused(() => _ = new UncertaintyOptions(confidence));
        Refused(() => SampleSize.ForBand(Documents.Framework, 70, confidence));
        Refused(() => SampleSize.ForHalfWidth(70, 5, confidence));
    }

    [TestCase(1.0, 0.0)]
    [TestCase(0.0, 0.0)]
    [TestCase(0.0, -1.0)]
    [TestCase(-1.0, 5.0)]
    [TestCase(6.0, 5.0)]
    [TestCase(double.NaN, 5.0)]
    [TestCase(1.0, double.NaN)]
    [TestCase(1.0, double.PositiveInfinity)]
    public void Counts_outside_0_to_relevant_are_refused_everywhere(double yes, double relevant)
    {
        void Refused(Action call)
        {
            var ex = Should.Throw<ArgumentOutOfRangeException>(call);
            ex.ParamName.ShouldBe("yes");
            ex.Message.ShouldStartWith(string.Create(CultureInfo.CurrentCulture, $"a share needs 0 <= yes <= relevant and relevant > 0 (yes {yes}, relevant {relevant})"));
        }

        Refused(() => ShareStatistics.ClopperPearson(yes, relevant));
        Refused(() => ShareStatistics.ProbabilityBetween(yes, relevant, 0.2, 0.8));
        Refused(() => ShareStatistics.ProbabilityAtLeast(yes, relevant, 0.5));
    }

    [TestCase(0.0, 1.0)]
    [TestCase(5.0, 5.0)]
    [TestCase(0.0, 1e-300)]
    public void Counts_at_the_edges_are_accepted(double yes, double relevant)
    {
        var interval = ShareStatistics.ClopperPearson(yes, relevant);
        interval.Low.ShouldBeInRange(0, 1);
        interval.High.ShouldBeInRange(interval.Low, 1);
        ShareStatistics.ProbabilityBetween(yes, relevant, 0, 1).ShouldBe(1, 1e-9);
    }

    [Test]
    public void A_range_has_the_Jeffreys_probability_between_its_ends()
    {
        ShareStatistics.ProbabilityBetween(19, 60, 0.2, 0.4).ShouldBe(Reference.BetaCdf(19.5, 41.5, 0.4) - Reference.BetaCdf(19.5, 41.5, 0.2), 1e-9);
        ShareStatistics.ProbabilityBetween(19, 60, 0.2, 0.2000001).ShouldBeGreaterThan(0);
    }

    [Test]
    public void The_probability_at_least_an_edge_is_the_Jeffreys_tail()
    {
        // Jeffreys posterior Beta(19.5, 41.5): P(share >= 0.5) = 1 - F(0.5), against the tests' own integration.
        ShareStatistics.ProbabilityAtLeast(19, 60, 0.5).ShouldBe(1 - Reference.BetaCdf(19.5, 41.5, 0.5), 1e-9);
        ShareStatistics.ProbabilityAtLeast(19, 60, 0.2).ShouldBe(1 - Reference.BetaCdf(19.5, 41.5, 0.2), 1e-9);
        ShareStatistics.ProbabilityAtLeast(19, 60, 0).ShouldBe(1);
        ShareStatistics.ProbabilityAtLeast(19, 60, 1).ShouldBe(0);

        // Thresholds outside 0 to 1 are the ends: every share is at least -0.5, none at least 1.5.
        ShareStatistics.ProbabilityAtLeast(19, 60, -0.5).ShouldBe(1);
        ShareStatistics.ProbabilityAtLeast(19, 60, 1.5).ShouldBe(0);
        ShareStatistics.ProbabilityBetween(19, 60, -1, 2).ShouldBe(1);
    }

    [TestCase(0.5, 0.5)]
    [TestCase(0.8, 0.2)]
    [TestCase(0.2000001, 0.2)]
    public void An_empty_or_reversed_range_has_no_probability(double from, double to) =>
        ShareStatistics.ProbabilityBetween(19, 60, from, to).ShouldBe(0);

    [TestCase(-0.01)]
    [TestCase(100.01)]
    [TestCase(double.NaN)]
    public void A_share_outside_0_to_100_percent_is_refused_by_both_plans(double share)
    {
        foreach (var call in new Action[] { () => SampleSize.ForBand(Documents.Framework, share), () => SampleSize.ForHalfWidth(share, 5) })
        {
            var ex = Should.Throw<ArgumentOutOfRangeException>(call);
            ex.ParamName.ShouldBe("sharePercent");
            ex.ActualValue.ShouldBe(share);
            ex.Message.ShouldStartWith("a share is 0 to 100 percent");
        }
    }

    [TestCase(0.0, "Inadequate")]
    [TestCase(100.0, "Outstanding")]
    public void Shares_of_0_and_100_percent_are_planned(double share, string band)
    {
        var plan = SampleSize.ForBand(Documents.Framework, share);
        plan.Band!.Rating.ToString().ShouldBe(band);
        plan.Relevant.ShouldNotBeNull();
        SampleSize.ForHalfWidth(share, 5).Relevant.ShouldNotBeNull();
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    public void A_search_of_no_cases_is_refused(long limit)
    {
        foreach (var call in new Action[] { () => SampleSize.ForBand(Documents.Framework, 70, searchLimit: limit), () => SampleSize.ForHalfWidth(70, 5, searchLimit: limit) })
        {
            var ex = Should.Throw<ArgumentOutOfRangeException>(call);
            ex.ParamName.ShouldBe("searchLimit");
            ex.ActualValue.ShouldBe(limit);
            ex.Message.ShouldStartWith("search at least one case");
        }
    }

    [Test]
    public void A_search_of_one_case_is_accepted_and_finds_one_when_one_is_enough()
    {
        // One case gives a Clopper-Pearson half-width under 100 points, so a 100-point half-width needs one case.
        var plan = SampleSize.ForHalfWidth(50, 100, searchLimit: 1);
        plan.Relevant.ShouldBe(1);
        plan.SearchedUpTo.ShouldBe(1);
        SampleSize.ForBand(Documents.Framework, 70, searchLimit: 1).Relevant.ShouldBeNull();
    }

    [TestCase(0.0)]
    [TestCase(-5.0)]
    [TestCase(100.5)]
    [TestCase(double.NaN)]
    public void A_half_width_outside_0_to_100_points_is_refused(double halfWidth)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => SampleSize.ForHalfWidth(70, halfWidth));
        ex.ParamName.ShouldBe("halfWidthPercent");
        ex.ActualValue.ShouldBe(halfWidth);
        ex.Message.ShouldStartWith("a half-width is above 0 and at most 100 percentage points");
    }

    [Test]
    public void A_band_plan_needs_a_framework() =>
        Should.Throw<ArgumentNullException>(() => SampleSize.ForBand(null!, 70)).ParamName.ShouldBe("framework");

    [TestCase(65.0, Rating.Good)]
    [TestCase(64.99, Rating.RequiresImprovement)]
    [TestCase(80.0, Rating.Outstanding)]
    [TestCase(50.0, Rating.RequiresImprovement)]
    public void A_share_on_a_band_edge_is_planned_for_the_band_it_reaches(double share, Rating band) =>
        SampleSize.ForBand(Documents.Framework, share, searchLimit: 10).Band!.Rating.ShouldBe(band);

    [Test]
    public void A_band_plan_gives_the_interval_at_the_cases_it_found_inside_the_band()
    {
        // 72% in Good (65 to 80): the interval at the n found lies inside the band, centred near 72%.
        var plan = SampleSize.ForBand(Documents.Framework, 72);
        var interval = plan.Interval!;
        interval.Low.ShouldBeGreaterThanOrEqualTo(0.65);
        interval.High.ShouldBeLessThan(0.80);
        ((interval.Low + interval.High) / 2).ShouldBe(0.72, 0.01);
    }

    [Test]
    public void A_half_width_plan_gives_the_interval_at_the_cases_it_found()
    {
        var plan = SampleSize.ForHalfWidth(72, 5);
        var interval = plan.Interval!;
        interval.HalfWidth.ShouldBeLessThanOrEqualTo(0.05);
        ((interval.Low + interval.High) / 2).ShouldBe(0.72, 0.01);
        plan.HalfWidthPercent.ShouldBe(5);
        plan.Band.ShouldBeNull();
    }

    [Test]
    public void Sample_size_plans_are_equal_only_when_every_part_is()
    {
        var band = Documents.Framework.Bands[2];
        var interval = new ShareInterval(0.95, 0.66, 0.79);
        SampleSizePlan Plan(double share = 72, double confidence = 0.95, RatingBand? b = null, double? half = null, long? n = 100, ShareInterval? i = null, long limit = 1000) =>
            new(share, confidence, b ?? band, half, n, i ?? interval, limit);

        var plan = Plan();
        plan.Equals(Plan()).ShouldBeTrue();
        plan.Equals((object)Plan()).ShouldBeTrue();
        plan.GetHashCode().ShouldBe(Plan().GetHashCode());
        plan.Equals(Plan(share: 73)).ShouldBeFalse();
        plan.Equals(Plan(confidence: 0.9)).ShouldBeFalse();
        plan.Equals(Plan(b: Documents.Framework.Bands[1])).ShouldBeFalse();
        plan.Equals(Plan(half: 5)).ShouldBeFalse();
        plan.Equals(Plan(n: 101)).ShouldBeFalse();
        plan.Equals(Plan(i: new ShareInterval(0.95, 0.66, 0.78))).ShouldBeFalse();
        plan.Equals(Plan(limit: 999)).ShouldBeFalse();
        plan.Equals(null).ShouldBeFalse();
    }

    [TestCase(0.0)]
    [TestCase(-3.0)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NaN)]
    public void An_assumed_number_of_relevant_cases_must_be_above_0_and_finite(double n)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => _ = new UncertaintyOptions(assumedRelevant: n));
        ex.ParamName.ShouldBe("assumedRelevant");
        ex.ActualValue.ShouldBe(n);
        ex.Message.ShouldStartWith("the number of relevant cases to assume is above 0");
    }

    [Test]
    public void Uncertainty_options_accept_a_small_assumption_and_are_equal_part_by_part()
    {
        new UncertaintyOptions(assumedRelevant: 0.5).AssumedRelevant.ShouldBe(0.5);
        new UncertaintyOptions(0.9, 40).Equals(new UncertaintyOptions(0.9, 40)).ShouldBeTrue();
        new UncertaintyOptions(0.9, 40).Equals((object)new UncertaintyOptions(0.9, 40)).ShouldBeTrue();
        new UncertaintyOptions(0.9, 40).GetHashCode().ShouldBe(new UncertaintyOptions(0.9, 40).GetHashCode());
        new UncertaintyOptions(0.9, 40).Equals(new UncertaintyOptions(0.95, 40)).ShouldBeFalse();
        new UncertaintyOptions(0.9, 40).Equals(new UncertaintyOptions(0.9, 41)).ShouldBeFalse();
        new UncertaintyOptions(0.9, 40).Equals(new UncertaintyOptions(0.9)).ShouldBeFalse();
        new UncertaintyOptions(0.9, 40).Equals(null).ShouldBeFalse();
    }

    [Test]
    public void Assessments_of_equal_results_are_equal_and_of_different_ones_are_not()
    {
        var result = Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray());
        var same = Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray());
        var other = Documents.FromTallies(Enumerable.Repeat((31L, 40L), 12).ToArray());
        var a = Uncertainty.Assess(result);
        var b = Uncertainty.Assess(same);
        a.Equals(b).ShouldBeTrue();
        a.Equals((object)b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.Equals(Uncertainty.Assess(other)).ShouldBeFalse();
        a.Equals(Uncertainty.Assess(result, new UncertaintyOptions(0.9))).ShouldBeFalse();
        a.Standards[0].KeyQuestions[0].Equals(Uncertainty.Assess(result, new UncertaintyOptions(0.9)).Standards[0].KeyQuestions[0]).ShouldBeFalse();
        a.Equals(null).ShouldBeFalse();

        a.Standards[0].Equals(b.Standards[0]).ShouldBeTrue();
        a.Standards[0].Equals((object)b.Standards[0]).ShouldBeTrue();
        a.Standards[0].GetHashCode().ShouldBe(b.Standards[0].GetHashCode());
        a.Standards[0].Equals(a.Standards[1]).ShouldBeFalse();
        a.Standards[0].Equals(null).ShouldBeFalse();

        var question = a.Standards[0].KeyQuestions[0];
        question.Equals(b.Standards[0].KeyQuestions[0]).ShouldBeTrue();
        question.Equals((object)b.Standards[0].KeyQuestions[0]).ShouldBeTrue();
        question.GetHashCode().ShouldBe(b.Standards[0].KeyQuestions[0].GetHashCode());
        question.Equals(a.Standards[0].KeyQuestions[1]).ShouldBeFalse();
        question.Equals(null).ShouldBeFalse();
    }

    [Test]
    public void Key_question_assessments_differ_in_each_part()
    {
        var result = Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray());
        var kq = result.Standards.First(s => s.Id == "P2.1").KeyQuestions[0];
        var interval = new ShareInterval(0.95, 0.6, 0.85);
        var bands = Bands(0.1, 0.2, 0.3, 0.4);
        KeyQuestionUncertainty Make(double? yes = 30, double? relevant = 40, bool assumed = false, ShareInterval? i = null, BandProbabilities? b = null) =>
            new(kq, yes, relevant, assumed, i ?? interval, b ?? bands);

        Make().Equals(Make()).ShouldBeTrue();
        Make().Equals(new KeyQuestionUncertainty(result.Standards.First(s => s.Id == "P2.1").KeyQuestions[1], 30, 40, false, interval, bands)).ShouldBeFalse();
        Make().Equals(Make(yes: 31)).ShouldBeFalse();
        Make().Equals(Make(relevant: 41)).ShouldBeFalse();
        Make().Equals(Make(assumed: true)).ShouldBeFalse();
        Make().Equals(Make(i: new ShareInterval(0.95, 0.6, 0.86))).ShouldBeFalse();
        Make().Equals(Make(b: Bands(0.1, 0.2, 0.3, 0.41))).ShouldBeFalse();

        var standard = result.Standards.First(s => s.Id == "P2.1");
        var questions = ImmutableArray.Create(Make());
        new StandardUncertainty(standard, questions, bands).Equals(new StandardUncertainty(standard, questions, bands)).ShouldBeTrue();
        new StandardUncertainty(standard, questions, bands).Equals(new StandardUncertainty(standard, ImmutableArray.Create(Make(yes: 29)), bands)).ShouldBeFalse();
        new StandardUncertainty(standard, questions, bands).Equals(new StandardUncertainty(standard, questions, Bands(0.4, 0.3, 0.2, 0.1))).ShouldBeFalse();
        new StandardUncertainty(standard, questions, bands).Equals(new StandardUncertainty(result.Standards.First(s => s.Id == "P2.2"), questions, bands)).ShouldBeFalse();
    }

    [Test]
    public void Rating_assessments_differ_in_each_part()
    {
        var result = Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray());
        var assessed = Uncertainty.Assess(result);
        RatingUncertainty Make(RatingResult? r = null, UncertaintyOptions? o = null, EquatableArray<StandardUncertainty>? s = null, BandProbabilities? overall = null, EquatableArray<double>? score = null) =>
            new(r ?? result, o ?? assessed.Options, s ?? assessed.Standards, overall ?? assessed.OverallProbability, score ?? assessed.ScoreProbability);

        Make().Equals(assessed).ShouldBeTrue();
        Make(r: Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray(), Rating.Good)).Equals(assessed).ShouldBeFalse();
        Make(o: new UncertaintyOptions(0.9)).Equals(assessed).ShouldBeFalse();
        Make(s: assessed.Standards.AsImmutableArray().RemoveAt(0)).Equals(assessed).ShouldBeFalse();
        Make(overall: Bands(0.25, 0.25, 0.25, 0.25)).Equals(assessed).ShouldBeFalse();
        Make(score: ImmutableArray.Create(1.0)).Equals(assessed).ShouldBeFalse();
    }

    [Test]
    public void An_assessment_finds_its_standards_and_key_questions_by_id()
    {
        var assessed = Uncertainty.Assess(Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray()));
        assessed.TryGetStandard("P2.3", out var standard).ShouldBeTrue();
        standard!.Standard.Id.ShouldBe("P2.3");
        assessed.TryGetStandard("P1.1", out var judged).ShouldBeFalse();
        judged.ShouldBeNull();
        assessed.TryGetKeyQuestion("P2.4.2", out var question).ShouldBeTrue();
        question!.KeyQuestion.Id.ShouldBe("P2.4.2");
        assessed.TryGetKeyQuestion("P2.9.9", out var missing).ShouldBeFalse();
        missing.ShouldBeNull();
        assessed.CountsAssumed.ShouldBeFalse();
    }

    [Test]
    public void Counts_are_assumed_only_for_published_percentages_given_an_assumption()
    {
        var result = Rate(Documents.Framework, (30, 40), Rating.Good, ("P2.2.2", 75m));
        var assessed = Uncertainty.Assess(result, new UncertaintyOptions(assumedRelevant: 40));
        assessed.CountsAssumed.ShouldBeTrue();
        assessed.TryGetKeyQuestion("P2.2.2", out var published).ShouldBeTrue();
        published!.CountsAssumed.ShouldBeTrue();
        published.Yes.ShouldBe(30);
        published.Relevant.ShouldBe(40);
        assessed.TryGetKeyQuestion("P2.2.1", out var counted).ShouldBeTrue();
        counted!.CountsAssumed.ShouldBeFalse();

        var exact = Uncertainty.Assess(result);
        exact.CountsAssumed.ShouldBeFalse();
        exact.TryGetKeyQuestion("P2.2.2", out var asGiven).ShouldBeTrue();
        asGiven!.CountsAssumed.ShouldBeFalse();
        asGiven.Interval.ShouldBeNull();
        asGiven.BandProbability.ShouldBeNull();
    }

    [Test]
    public void A_published_percentage_without_counts_is_taken_as_exact_in_its_standards_band()
    {
        // P2.1.1 published at 70% (Good, exactly); the other two at 1,000 of 1,000 (Outstanding, almost surely):
        // the standard is Good with probability near 1, and a published 45% would make it Inadequate.
        var good = Uncertainty.Assess(Rate(Documents.Framework, (1000, 1000), Rating.Good, ("P2.1.1", 70m)));
        good.TryGetStandard("P2.1", out var p21).ShouldBeTrue();
        p21!.BandProbability!.GetProbability(Rating.Good).ShouldBe(1, 1e-9);
        p21.ProbabilityOfRating.ShouldNotBeNull();
        p21.ProbabilityOfRating!.Value.ShouldBe(1, 1e-9);

        var requires = Uncertainty.Assess(Rate(Documents.Framework, (1000, 1000), Rating.Good, ("P2.1.1", 55m)));
        requires.TryGetStandard("P2.1", out var ri).ShouldBeTrue();
        ri!.BandProbability!.GetProbability(Rating.RequiresImprovement).ShouldBe(1, 1e-9);

        var outstanding = Uncertainty.Assess(Rate(Documents.Framework, (1000, 1000), Rating.Good, ("P2.1.1", 90m)));
        outstanding.TryGetStandard("P2.1", out var top).ShouldBeTrue();
        top!.BandProbability!.GetProbability(Rating.Outstanding).ShouldBe(1, 1e-6);

        var inadequate = Uncertainty.Assess(Rate(Documents.Framework, (1000, 1000), Rating.Good, ("P2.1.1", 45m)));
        inadequate.TryGetStandard("P2.1", out var bottom).ShouldBeTrue();
        bottom!.BandProbability!.GetProbability(Rating.Inadequate).ShouldBe(1, 1e-9);
    }

    [Test]
    public void A_key_question_with_no_result_is_listed_without_statistics_and_an_unrated_standard_has_no_bands()
    {
        var tallies = Enumerable.Repeat((30L, 40L), 12).ToArray();
        tallies[0] = (0, 0);
        tallies[9] = tallies[10] = tallies[11] = (0, 0);
        var assessed = Uncertainty.Assess(Documents.FromTallies(tallies));
        assessed.TryGetStandard("P2.1", out var p21).ShouldBeTrue();
        p21!.KeyQuestions.Count.ShouldBe(3);
        var empty = p21.KeyQuestions[0];
        empty.KeyQuestion.Id.ShouldBe("P2.1.1");
        empty.CountsAssumed.ShouldBeFalse();
        empty.Interval.ShouldBeNull();
        empty.Yes.ShouldBeNull();
        p21.BandProbability.ShouldNotBeNull();

        assessed.TryGetStandard("P2.4", out var p24).ShouldBeTrue();
        p24!.KeyQuestions.Count.ShouldBe(3);
        p24.KeyQuestions.ShouldAllBe(k => k.Interval == null && !k.CountsAssumed);
        p24.BandProbability.ShouldBeNull();
        p24.ProbabilityOfRating.ShouldBeNull();

        // The overall is not rated (no table for 18 points): no score distribution and no overall probabilities.
        assessed.OverallProbability.ShouldBeNull();
        assessed.ScoreProbability.Count.ShouldBe(0);
    }

    [Test]
    public void The_score_distribution_has_one_entry_per_score_and_sums_to_one()
    {
        var assessed = Uncertainty.Assess(Documents.FromTallies(Enumerable.Repeat((30L, 40L), 12).ToArray()));
        assessed.ScoreProbability.Count.ShouldBe(22);
        assessed.ScoreProbability.Sum().ShouldBe(1, 1e-9);
        assessed.ScoreProbability.ShouldAllBe(p => p >= 0 && p <= 1);
        assessed.OverallProbability!.Probabilities.Sum().ShouldBe(1, 1e-9);
    }

    [Test]
    public void Scores_near_certain_put_the_mass_on_the_rated_score()
    {
        // Every case key question 1,000 of 1,000 (Outstanding almost surely), judgements Good: 4 x 3 + 3 x 2 = 18.
        var result = Documents.FromTallies(Enumerable.Repeat((1000L, 1000L), 12).ToArray(), Rating.Good);
        result.Score.ShouldBe(18);
        var assessed = Uncertainty.Assess(result);
        assessed.ScoreProbability[18].ShouldBe(1, 1e-6);
        assessed.OverallProbability!.GetProbability(Rating.Outstanding).ShouldBe(1, 1e-6);
    }

    [Test]
    public void The_top_score_keeps_its_mass_when_every_standard_is_at_its_most()
    {
        // Judgements Outstanding and every case key question 1,000 of 1,000: 21 of 21, the top of the distribution.
        var result = Documents.FromTallies(Enumerable.Repeat((1000L, 1000L), 12).ToArray(), Rating.Outstanding);
        result.Score.ShouldBe(21);
        var assessed = Uncertainty.Assess(result);
        assessed.ScoreProbability.Count.ShouldBe(22);
        assessed.ScoreProbability[21].ShouldBe(1, 1e-6);
        assessed.ScoreProbability.Sum().ShouldBe(1, 1e-9);
    }

    [Test]
    public void A_standard_that_does_not_count_adds_no_points_to_the_score_distribution()
    {
        // youth-2021: 4.1 (resettlement) is judged but does not count towards the score out of 36. Every judgement
        // Good, every case key question 1,000 of 1,000: 7 case standards x 3 + 5 counted judgements x 2 = 31, Outstanding;
        // counting 4.1's 2 points too would put the mass on 33.
        var youth = FrameworkCatalog.Default.GetFramework("youth-2021");
        var result = Rate(youth, (1000, 1000), Rating.Good);
        result.Score.ShouldBe(31);
        result.MaxScore.ShouldBe(36);
        var assessed = Uncertainty.Assess(result);
        assessed.ScoreProbability.Count.ShouldBe(37);
        assessed.ScoreProbability[31].ShouldBe(1, 1e-6);
        assessed.ScoreProbability.Sum().ShouldBe(1, 1e-9);
        assessed.OverallProbability!.GetProbability(Rating.Outstanding).ShouldBe(1, 1e-6);
    }

    [Test]
    public void Band_edges_are_the_shares_each_basis_reaches_a_band_from()
    {
        Uncertainty.Edges(Documents.Framework, BandingBasis.ExactRatio).ShouldBe(new[] { 0.50, 0.65, 0.80 });
        Uncertainty.Edges(Documents.Framework, BandingBasis.RoundedPercentage).ShouldBe(new[] { 0.495, 0.645, 0.795 }, 1e-15);
    }

    [Test]
    public void On_the_rounded_basis_a_share_just_below_an_edge_is_likely_in_the_band_above()
    {
        // 31/48 = 64.6%: on the rounded basis Good from 64.5%; its Good-or-better probability is higher there.
        var tallies = Enumerable.Repeat((1000L, 1000L), 12).ToArray();
        tallies[0] = (31, 48);
        var exact = Uncertainty.Assess(Documents.FromTallies(tallies));
        var rounded = Uncertainty.Assess(Documents.FromTallies(tallies, basis: BandingBasis.RoundedPercentage));
        exact.TryGetKeyQuestion("P2.1.1", out var e).ShouldBeTrue();
        rounded.TryGetKeyQuestion("P2.1.1", out var r).ShouldBeTrue();
        // P(share >= 0.645) against P(share >= 0.65) under Beta(31.5, 17.5).
        r!.BandProbability!.ProbabilityAtLeast(Rating.Good).ShouldBe(1 - Reference.BetaCdf(31.5, 17.5, 0.645), 1e-8);
        e!.BandProbability!.ProbabilityAtLeast(Rating.Good).ShouldBe(1 - Reference.BetaCdf(31.5, 17.5, 0.65), 1e-8);
        r.BandProbability.ProbabilityAtLeast(Rating.Good).ShouldBeGreaterThan(e.BandProbability.ProbabilityAtLeast(Rating.Good));
    }
}
