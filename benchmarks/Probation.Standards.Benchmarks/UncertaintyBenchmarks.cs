using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Statistics;

namespace Probation.Standards.Benchmarks;

/// <summary>The job of <see cref="BenchConfig"/> without its per-case columns (these benchmarks have no N).</summary>
public sealed class SingleResultConfig : ManualConfig
{
    public SingleResultConfig()
    {
        this.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("3w10i"));
        this.AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// The statistics of a whole result (R11: twelve intervals, twelve key-question and four standard band
/// distributions, the overall by convolution) against rating alone, on Nottinghamshire's case-level tallies
/// (issue 10's target: under 100x the rating). Rating alone is <c>Rater.Rate</c> from tallies already counted.
/// </summary>
[Config(typeof(SingleResultConfig))]
public class UncertaintyBenchmarks
{
    // Nottinghamshire's case-level seed, key questions in framework order (P2.1.1 ... P2.4.3).
    private static readonly (long Yes, long Relevant)[] Tallies =
    {
        (33, 60), (36, 60), (19, 60), (30, 60), (43, 60), (29, 60), (31, 60), (27, 60), (21, 60), (38, 60), (29, 56), (22, 56),
    };

    private RatingInput input = null!;
    private RatingResult result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var rows = framework.Standards.Where(s => s.RatedBy == RatedBy.CaseSample).SelectMany(s => s.KeyQuestions)
            .Select((q, i) => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(Tallies[i].Yes, Tallies[i].Relevant)));
        var judgements = framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, Rating.RequiresImprovement));
        this.input = RatingInput.Create("Nottinghamshire PDU", TallySet.From(framework, rows), judgements);
        this.result = Rater.Rate(this.input);
    }

    [Benchmark(Baseline = true)]
    public RatingResult RateAlone() => Rater.Rate(this.input);

    [Benchmark]
    public RatingUncertainty RateWithUncertainty() => Uncertainty.Assess(Rater.Rate(this.input));

    [Benchmark]
    public RatingUncertainty UncertaintyOfARatedResult() => Uncertainty.Assess(this.result);

    [Benchmark]
    public RatingExplanation RateAndExplainWithCheapestPath() => Explainer.Explain(Rater.Rate(this.input));

    [Benchmark]
    public SampleSizePlan SampleSizeFor70PercentGood() => SampleSize.ForBand(this.result.Framework, 70, 0.95);
}
