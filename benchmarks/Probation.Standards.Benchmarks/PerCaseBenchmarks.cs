using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Cases;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// The per-case API against the bare walk over the same <see cref="InspectedCase"/> objects (issue 14): the
/// baseline visits every case and adds up its answers (the least any per-case consumer does: touch each object
/// and its answers); <c>TallyBuilderAdd</c> is <see cref="TallyBuilder.Add(InspectedCase)"/> for each case, then
/// <see cref="TallyBuilder.ToTallySet"/>. Cases from <see cref="Data.Cases"/>: 12 answers each, no dates (all core cases).
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class PerCaseBenchmarks
{
    private List<InspectedCase> cases = null!;

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => this.cases = Data.Cases(this.N, Data.Answers(this.N));

    /// <summary>Every case's answers summed: the walk over the objects.</summary>
    [Benchmark(Baseline = true)]
    public long BareWalk()
    {
        long sum = 0;
        foreach (var inspectedCase in this.cases)
        {
            foreach (var answer in inspectedCase.Answers.AsImmutableArray().AsSpan())
            {
                sum += (int)answer;
            }
        }

        return sum;
    }

    /// <summary>TallyBuilder.Add for every case, then the tally set.</summary>
    [Benchmark]
    public TallySet TallyBuilderAdd()
    {
        var builder = new TallyBuilder(Data.Framework);
        foreach (var inspectedCase in this.cases)
        {
            builder.Add(inspectedCase);
        }

        return builder.ToTallySet();
    }
}
