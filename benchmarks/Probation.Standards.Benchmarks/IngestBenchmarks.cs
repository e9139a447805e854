using System.IO;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Findings JSON (generated: 12 answers, sentence, dates, a fifth of cases suspended) to tallies and a
/// rating. The streaming path against the in-memory reader; MB/s and bytes allocated per case in the
/// custom columns.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private byte[] json = null!;

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => this.json = Data.Findings(this.N);

    /// <summary>The in-memory path: FindingsReader.Read holds every case, then Rater.Rate.</summary>
    [Benchmark(Baseline = true)]
    public RatingResult InMemoryReaderRate() => Rater.Rate(FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", new FindingsReaderOptions { KeepCases = true }).Input);

    /// <summary>The streaming path to tallies: FindingsStream.Tally.</summary>
    [Benchmark]
    public TallySet StreamingTally() => FindingsReader.Read(new MemoryStream(this.json, false), "bench.json").Input.Tallies;

    /// <summary>The streaming path to the explained rating: FindingsStream.Rate.</summary>
    [Benchmark]
    public RatingResult StreamingRate() => Rater.Rate(FindingsReader.Read(new MemoryStream(this.json, false), "bench.json").Input);
}
