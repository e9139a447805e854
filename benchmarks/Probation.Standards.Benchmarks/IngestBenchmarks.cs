using System.IO;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Findings JSON (generated: 12 answers, sentence, dates, a fifth of cases suspended) to tallies and a
/// rating through the one reader, <see cref="FindingsReader.Read(Stream, string, FindingsReaderOptions?)"/>:
/// cases tallied as they are read and dropped (<c>KeepCases = false</c>, the default) against cases kept
/// (<c>KeepCases = true</c>, the baseline). MB/s and bytes allocated per case in the custom columns.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private static readonly FindingsReaderOptions KeepCases = new() { KeepCases = true };
    private static readonly FindingsReaderOptions NoKeep = new() { KeepCases = false };
    private byte[] json = null!;

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => this.json = Data.Findings(this.N);

    /// <summary>FindingsReader.Read keeping every case (KeepCases = true), then Rater.Rate.</summary>
    [Benchmark(Baseline = true)]
    public RatingResult ReadKeepCasesRate() => Rater.Rate(FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", KeepCases).Input);

    /// <summary>FindingsReader.Read without keeping cases (KeepCases = false), to the tallies only.</summary>
    [Benchmark]
    public TallySet ReadNoKeepTally() => FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", NoKeep).Input.Tallies;

    /// <summary>FindingsReader.Read without keeping cases (KeepCases = false), then Rater.Rate: the tool's path.</summary>
    [Benchmark]
    public RatingResult ReadNoKeepRate() => Rater.Rate(FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", NoKeep).Input);
}
