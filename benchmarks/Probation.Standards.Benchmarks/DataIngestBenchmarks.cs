using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Probation.Standards.Findings;
using Probation.Standards.Parquet;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Issue 9's ingest comparison, per case, in one run: the same generated cases tallied (c) from a Parquet case table
/// read column by column into <see cref="Bulk.CaseBatch"/> bit-planes and counted by <see cref="Bulk.BulkTally"/>,
/// and (d) from the findings JSON document through the streaming reader (cases not kept), the baseline. Both read a
/// file written once in setup (the JSON of ten million cases is about 3 GB). Two more contenders are meant to join
/// this class: (a) the tally query run inside DuckDB and (b) rows read from DuckDB into a CaseBatch, loading the
/// same rows (<see cref="CaseTableData.Block"/>).
/// </summary>
[Config(typeof(DataIngestConfig))]
[MemoryDiagnoser]
public partial class DataIngestBenchmarks
{
    private string folder = null!;
    private string json = null!;
    private string parquet = null!;

    /// <summary>1M and 10M cases; <c>PROBATION_BENCH_DATA_N</c> (e.g. <c>1000000</c>) runs one size only.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static System.Collections.Generic.IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("PROBATION_BENCH_DATA_N") is { Length: > 0 } one
            ? new[] { int.Parse(one, System.Globalization.CultureInfo.InvariantCulture) }
            : new[] { 1_000_000, 10_000_000 };

    [GlobalSetup]
    public void Setup()
    {
        this.folder = Path.Combine(Path.GetTempPath(), "probation-standards-ingest-" + Environment.ProcessId);
        Directory.CreateDirectory(this.folder);
        this.json = Path.Combine(this.folder, $"cases-{this.N}.json");
        this.parquet = Path.Combine(this.folder, $"cases-{this.N}.parquet");
        using (var file = File.Create(this.json))
        {
            Data.WriteFindings(file, this.N);
        }

        using (var file = File.Create(this.parquet))
        {
            CaseTableData.WriteParquet(file, this.N);
        }

        // Both contenders must count the same cases.
        if (!this.JsonStreamingTally().Equals(this.ParquetBulkTally()))
        {
            throw new InvalidOperationException("the JSON and the Parquet tallies differ");
        }

        this.SetupDuckDb();
        Console.WriteLine($"// {this.N} cases: JSON {new FileInfo(this.json).Length:N0} bytes, Parquet {new FileInfo(this.parquet).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        this.CleanupDuckDb();
        Directory.Delete(this.folder, recursive: true);
    }

    /// <summary>(d) The findings document through FindingsReader.Read, cases tallied as read and dropped (KeepCases = false).</summary>
    [Benchmark(Baseline = true)]
    public TallySet JsonStreamingTally()
    {
        using var stream = new FileStream(this.json, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return FindingsReader.Read(stream, "cases.json").Input.Tallies;
    }

    /// <summary>(c) The Parquet case table through CaseTableReader: column by column into CaseBatch planes, then BulkTally.</summary>
    [Benchmark]
    public TallySet ParquetBulkTally() => CaseTableReader.ReadFile(this.parquet, Data.SheetOptions).Input.Tallies;
}

/// <summary>A short job for ingest of millions of cases: one launch, one warm-up, three measured single invocations.</summary>
public sealed class DataIngestConfig : ManualConfig
{
    public DataIngestConfig()
    {
        this.AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("1w3i"));
        this.AddColumn(new PerCaseColumn("ns/case", false), new PerCaseColumn("B/case", true));
        this.SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);

        // The generated benchmark project is built while the shared machine is busy: the default 2 minutes can pass.
        this.WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
