using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Case-sheet ingest (issue 8): the same generated cases as a CSV case sheet and as a findings document, each
/// from a <see cref="MemoryStream"/> to a rating with cases not kept (the JSON streaming reader, KeepCases=false,
/// is the baseline). MB/s of each one's own input, and cases/s, in the custom columns.
/// </summary>
[Config(typeof(SheetBenchConfig))]
[MemoryDiagnoser]
public class SheetIngestBenchmarks
{
    private byte[] json = null!;
    private byte[] csv = null!;

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        this.json = Data.Findings(this.N);
        this.csv = Data.CaseSheet(this.N);
    }

    /// <summary>The JSON streaming reader, cases not kept, then Rater.Rate.</summary>
    [Benchmark(Baseline = true)]
    public RatingResult JsonStreamingRate() => Rater.Rate(FindingsReader.Read(new MemoryStream(this.json, false), "bench.json").Input);

    /// <summary>The CSV case sheet of the same cases (Sylvan.Data.Csv), cases not kept, then Rater.Rate.</summary>
    [Benchmark]
    public RatingResult CsvSheetRate() => Rater.Rate(CaseSheetReader.Read(new MemoryStream(this.csv, false), "bench.csv", SheetKind.Csv, Data.SheetOptions).Input);

    /// <summary>The CSV sheet grouped by its team column while it streams (R12).</summary>
    [Benchmark]
    public int CsvSheetByTeam() => CaseSheetReader.Read(new MemoryStream(this.csv, false), "bench.csv", SheetKind.Csv, Data.SheetOptions.WithGroupBy("team")).Groups!.Groups.Count;
}

/// <summary>The ingest job, with MB/s of each benchmark's own input and cases per second.</summary>
public sealed class SheetBenchConfig : ManualConfig
{
    public SheetBenchConfig()
    {
        this.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("2w5i"));
        this.AddColumn(new PerCaseColumn("ns/case", false), new PerCaseColumn("B/case", true));
        this.AddColumn(new InputThroughputColumn(), new CasesPerSecondColumn());
        this.SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>MB/s of the benchmark's own input: the JSON document, or the CSV sheet of the same cases.</summary>
public sealed class InputThroughputColumn : IColumn
{
    public string Id => nameof(InputThroughputColumn);

    public string ColumnName => "input MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 2;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes (10^6 bytes) of the benchmark's own input (JSON or CSV) read per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => this.GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is null || benchmarkCase.Parameters["N"] is not int n)
        {
            return "-";
        }

        var bytes = benchmarkCase.Descriptor.WorkloadMethod.Name.StartsWith("Csv", System.StringComparison.Ordinal) ? Data.CaseSheetSize(n) : Data.FindingsSize(n);
        return (bytes / 1e6 / (mean.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Cases per second: N over the mean time.</summary>
public sealed class CasesPerSecondColumn : IColumn
{
    public string Id => nameof(CasesPerSecondColumn);

    public string ColumnName => "cases/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 3;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Cases read and rated per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => this.GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is null || benchmarkCase.Parameters["N"] is not int n ? "-" : (n / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
