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
/// file (the JSON of ten million cases is about 3.1 GB, read from the page cache), written once per size and kept
/// between processes and runs in <see cref="DataFiles"/>. Three more contenders share the class (DuckDB, in
/// <c>DataIngestBenchmarks.DuckDb.cs</c>). BenchmarkDotNet runs each contender in its own process, so each has its
/// own setup: the files (made only when missing), then its one operation checked against the tallies counted
/// straight from the generator (<see cref="ExpectedTallies"/>), so every contender counts the same cases.
/// </summary>
[Config(typeof(DataIngestConfig))]
[MemoryDiagnoser]
public partial class DataIngestBenchmarks
{
    /// <summary>Bumped when the generated data changes, so that files cached by an older generator are not used.</summary>
    private const string DataVersion = "v1";

    private string json = null!;
    private string parquet = null!;
    private TallySet? expected;

    /// <summary>1M and 10M cases; <c>PROBATION_BENCH_DATA_N</c> (e.g. <c>1000000</c>) runs one size only.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static System.Collections.Generic.IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("PROBATION_BENCH_DATA_N") is { Length: > 0 } one
            ? new[] { int.Parse(one, System.Globalization.CultureInfo.InvariantCulture) }
            : new[] { 1_000_000, 10_000_000 };

    /// <summary>
    /// Where the generated files are kept between runs: <c>PROBATION_BENCH_DATA_DIR</c>, else
    /// <c>probation-standards-ingest</c> in the temp folder (delete it to have them written again).
    /// </summary>
    public static string DataFiles =>
        Environment.GetEnvironmentVariable("PROBATION_BENCH_DATA_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "probation-standards-ingest");

    /// <summary>Setup of (d): the files, then one JSON read checked.</summary>
    [GlobalSetup(Target = nameof(JsonStreamingTally))]
    public void SetupJson()
    {
        this.Files();
        this.Check("JSON", this.JsonStreamingTally());
    }

    /// <summary>Setup of (c): the files, then one Parquet read checked.</summary>
    [GlobalSetup(Target = nameof(ParquetBulkTally))]
    public void SetupParquet()
    {
        this.Files();
        this.Check("Parquet", this.ParquetBulkTally());
    }

    /// <summary>Setup of (c) on two threads: the files, then one such read checked.</summary>
    [GlobalSetup(Target = nameof(ParquetBulkTallyTwoThreads))]
    public void SetupParquetTwoThreads()
    {
        this.Files();
        this.Check("Parquet, two threads", this.ParquetBulkTallyTwoThreads());
    }

    [GlobalCleanup]
    public void Cleanup() => this.CleanupDuckDb();

    // The JSON and Parquet files of N cases, written only when not there yet (each to a temporary name first, so a
    // run stopped while writing leaves no partial file behind under the real name).
    private void Files()
    {
        Directory.CreateDirectory(DataFiles);
        this.json = Path.Combine(DataFiles, $"cases-{this.N}-{DataVersion}.json");
        this.parquet = Path.Combine(DataFiles, $"cases-{this.N}-{DataVersion}.parquet");
        Write(this.json, file => Data.WriteFindings(file, this.N));
        Write(this.parquet, file => CaseTableData.WriteParquet(file, this.N));
        Console.WriteLine($"// {this.N} cases: JSON {new FileInfo(this.json).Length:N0} bytes, Parquet {new FileInfo(this.parquet).Length:N0} bytes, in {DataFiles}");
    }

    private static void Write(string path, Action<Stream> write)
    {
        if (File.Exists(path))
        {
            return;
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            write(file);
        }

        File.Move(temporary, path, overwrite: true);
        Console.WriteLine($"// wrote {path} in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    // A contender's tallies against those counted straight from the generator: key questions and case counts (the
    // tally query gives no sentence counts), and the whole TallySet when full is asked.
    private void Check(string name, TallySet tallies, bool full = true)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var expected = this.expected ??= ExpectedTallies(this.N);
        if (full ? !tallies.Equals(expected)
            : !tallies.KeyQuestions.Equals(expected.KeyQuestions)
                || tallies.Cases?.Inspected != expected.Cases?.Inspected
                || tallies.Cases?.Adjusted != expected.Cases?.Adjusted
                || tallies.Cases?.Exempt != expected.Cases?.Exempt)
        {
            throw new InvalidOperationException($"the {name} tallies differ from the generated cases'");
        }

        Console.WriteLine($"// {name}: tallies checked ({stopwatch.Elapsed.TotalSeconds:0.0} s with the expected ones)");
    }

    /// <summary>
    /// The tallies of the <paramref name="n"/> generated cases counted without reading any file: each case's answers,
    /// sentence and dates as <see cref="Data.WriteFindings"/> and <see cref="CaseTableData"/> write them, classified
    /// by the core's Reset rule and added to a <see cref="Bulk.CaseBatch"/>.
    /// </summary>
    public static TallySet ExpectedTallies(int n)
    {
        var framework = Data.Framework;
        var questions = framework.KeyQuestions.Count;
        var all = Data.Answers(n, questions);
        var batch = new Bulk.CaseBatch(framework, n);
        var sentences = new[] { Reset.SentenceType.CommunityOrder, Reset.SentenceType.SuspendedSentenceOrder, Reset.SentenceType.Licence, Reset.SentenceType.PostSentenceSupervision };
        var start = new DateOnly(2024, 7, 1);
        for (var i = 0; i < n; i++)
        {
            var caseStart = start.AddDays(i % 200);
            DateOnly? suspended = i % 5 == 0 ? caseStart.AddDays(20 + (i % 80)) : null;
            var caseClass = Reset.ResetClassifier.Classify(caseStart, suspended, null, framework.Reset, out _);
            batch.Add(all.AsSpan(i * questions, questions), caseClass, sentences[i % 4], suspended is not null);
        }

        return Bulk.BulkTally.Tally(batch);
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

    /// <summary>(c) The same, the reader allowed two threads (<c>CaseSheetOptions.Parallelism = 2</c>: a row group's columns decoded on two).</summary>
    [Benchmark]
    public TallySet ParquetBulkTallyTwoThreads() => CaseTableReader.ReadFile(this.parquet, TwoThreads).Input.Tallies;

    private static readonly Sheets.CaseSheetOptions TwoThreads = Data.SheetOptions.WithParallelism(2);
}

/// <summary>
/// A short job for ingest of millions of cases: one launch, three warm-ups, three measured single invocations. (Until
/// issue 9's speed work, one warm-up: the Parquet reader's methods are called a few times a read, not once a case, so
/// the JIT had not yet finished optimising them after one; the setup's check and three warm-ups are five reads.)
/// </summary>
public sealed class DataIngestConfig : ManualConfig
{
    public DataIngestConfig()
    {
        this.AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("3w3i"));
        this.AddColumn(new PerCaseColumn("ns/case", false), new PerCaseColumn("B/case", true));
        this.SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);

        // The generated benchmark project is built while the shared machine is busy: the default 2 minutes can pass.
        this.WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
