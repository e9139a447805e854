using System.Linq;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// The job every benchmark uses: 2 warm-ups and 5 measured iterations in one launch, to keep a full run
/// feasible on a shared 2-core machine (ratios within one run are what the README reports).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        // In process: no generated project to build per run, which on the loaded shared machine timed out (issue 14).
        this.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).WithId("2w5i"));
        this.AddDiagnoser(MemoryDiagnoser.Default);
        this.AddColumn(new PerCaseColumn("ns/case", false), new PerCaseColumn("B/case", true));
        this.AddColumn(new ThroughputColumn());
        this.SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>Mean time or bytes allocated, divided by the number of cases (the N parameter).</summary>
public sealed class PerCaseColumn(string name, bool allocated) : IColumn
{
    public string Id => nameof(PerCaseColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => allocated ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => allocated ? "Bytes allocated per operation divided by the number of cases" : "Mean time divided by the number of cases, in nanoseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => this.GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null || benchmarkCase.Parameters["N"] is not int n || n == 0)
        {
            return "-";
        }

        if (allocated)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "-" : ((double)bytes.Value / n).ToString("0.####", CultureInfo.InvariantCulture);
        }

        var mean = report.ResultStatistics?.Mean;
        return mean is null ? "-" : (mean.Value / n).ToString("0.####", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>MB/s of findings JSON, for the ingest benchmarks (size of the generated document over the mean time).</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 2;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes (10^6 bytes) of findings JSON read per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => this.GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is null || benchmarkCase.Parameters["N"] is not int n)
        {
            return "-";
        }

        var bytes = Data.FindingsSize(n);
        return (bytes / 1e6 / (mean.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(b => b.Descriptor.Type == typeof(IngestBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
