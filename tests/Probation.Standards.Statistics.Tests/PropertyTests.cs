using FsCheck;
using FsCheck.Fluent;

namespace Probation.Standards.Statistics.Tests;

/// <summary>FsCheck properties of R11: probabilities are probabilities, more Yes never hurts, intervals behave.</summary>
public sealed class PropertyTests
{
    private const double Tolerance = 1e-10;

    private static readonly Rating[] Bands = { Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding };

    private static Gen<(long Yes, long Relevant)> Tally =>
        Gen.Choose(1, 400).SelectMany(n => Gen.Choose(0, n).Select(k => ((long)k, (long)n)));

    private static Gen<(long Yes, long Relevant)[]> Tallies => Tally.ArrayOf(12);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Probabilities_lie_in_0_1_and_sum_to_1() =>
        Prop.ForAll(Tallies.ToArbitrary(), tallies =>
        {
            var stats = Uncertainty.Assess(Documents.FromTallies(tallies));
            var all = stats.Standards.Select(s => s.BandProbability!)
                .Concat(stats.Standards.SelectMany(s => s.KeyQuestions).Select(q => q.BandProbability!))
                .Append(stats.OverallProbability!)
                .ToList();
            return all.All(b => b.Probabilities.All(p => p >= 0 && p <= 1) && Math.Abs(b.Probabilities.Sum() - 1) < 1e-9)
                && Math.Abs(stats.ScoreProbability.Sum() - 1) < 1e-9;
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property More_yes_never_lowers_the_chance_of_a_band_or_better() =>
        Prop.ForAll(Tallies.ToArbitrary(), Gen.Choose(0, 11).ToArbitrary(), (tallies, index) =>
        {
            if (tallies[index].Yes == tallies[index].Relevant)
            {
                return true;
            }

            var before = Uncertainty.Assess(Documents.FromTallies(tallies));
            var more = (Yes: tallies[index].Yes + 1, tallies[index].Relevant);
            var lifted = tallies.ToArray();
            lifted[index] = more;
            var after = Uncertainty.Assess(Documents.FromTallies(lifted));
            var standards = before.Standards.Zip(after.Standards, (b, a) => (b.BandProbability!, a.BandProbability!));
            var questions = before.Standards.SelectMany(s => s.KeyQuestions).Zip(after.Standards.SelectMany(s => s.KeyQuestions), (b, a) => (b.BandProbability!, a.BandProbability!));
            var pairs = standards.Concat(questions).Append((before.OverallProbability!, after.OverallProbability!));
            return pairs.All(p => Bands.All(band => p.Item2.ProbabilityAtLeast(band) >= p.Item1.ProbabilityAtLeast(band) - Tolerance));
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Intervals_contain_the_estimate_and_narrow_as_n_grows() =>
        Prop.ForAll(Tally.ToArbitrary(), Gen.Choose(2, 5).ToArbitrary(), Gen.Elements(0.8, 0.9, 0.95, 0.99).ToArbitrary(), (tally, factor, confidence) =>
        {
            var interval = ShareStatistics.ClopperPearson(tally.Yes, tally.Relevant, confidence);
            var share = (double)tally.Yes / tally.Relevant;
            var larger = ShareStatistics.ClopperPearson(tally.Yes * factor, tally.Relevant * factor, confidence);
            return interval.Low <= share && share <= interval.High
                && larger.Low <= share && share <= larger.High
                && larger.High - larger.Low <= interval.High - interval.Low + Tolerance;
        });

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property A_higher_confidence_gives_a_wider_interval() =>
        Prop.ForAll(Tally.ToArbitrary(), tally =>
        {
            var narrow = ShareStatistics.ClopperPearson(tally.Yes, tally.Relevant, 0.9);
            var wide = ShareStatistics.ClopperPearson(tally.Yes, tally.Relevant, 0.99);
            return wide.Low <= narrow.Low + Tolerance && wide.High >= narrow.High - Tolerance;
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Statistics_never_change_the_rating() =>
        Prop.ForAll(Tallies.ToArbitrary(), tallies =>
        {
            var result = Documents.FromTallies(tallies);
            var stats = Uncertainty.Assess(result, new UncertaintyOptions(0.9, 60));
            return ReferenceEquals(stats.Result, result) && stats.Result.Equals(Documents.FromTallies(tallies));
        });
}
