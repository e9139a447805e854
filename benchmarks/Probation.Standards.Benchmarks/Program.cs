using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point, plus two small commands for the tool-path measurement:
/// <c>generate N file</c> writes a findings document of N generated cases;
/// <c>rate file [--keep-cases]</c> rates it with FindingsReader.Read (cases not kept, or kept with
/// <c>--keep-cases</c>; <c>--in-memory</c> is the old name of that flag) and Rater.Rate, and prints the result,
/// elapsed time and the bytes the managed heap allocated, for <c>/usr/bin/time -v</c> to add the process's peak RSS.
/// </summary>
public static class Program
{
    private static double Time(Func<object> run)
    {
        // Besides the elapsed time, the process's CPU time: on a shared machine it leaves out the time spent waiting
        // for a core (it includes the runtime's other threads, such as the GC's).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        run();
        var ms = stopwatch.Elapsed.TotalMilliseconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.Write($"[{(GC.GetAllocatedBytesForCurrentThread() - before) / 1e6:0.0} MB, CPU {cpu.TotalMilliseconds:0.0} ms] ");
        return ms;
    }

    // The whole-number argument at `index`; `fallback` when it is not given (a required one has none).
    private static int IntArg(string[] args, int index, int? fallback = null) =>
        args.Length > index || fallback is null ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback.Value;

    // Rounds of the contenders one after another in this process, each timed by wall clock and process CPU a case.
    private static void Interleaved(int rounds, long n, (string Name, Func<object> Run)[] contenders)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in contenders)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                run();
                stopwatch.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.Write($"{name} {stopwatch.Elapsed.TotalNanoseconds / n,6:0} ns/case (CPU {cpu.TotalNanoseconds / n,6:0})   ");
            }

            Console.WriteLine();
        }
    }

    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "generate")
        {
            using var file = File.Create(args[2]);
            Data.WriteFindings(file, IntArg(args, 1));
            Console.WriteLine($"wrote {file.Length:N0} bytes to {args[2]}");
            return 0;
        }

        if (args.Length == 3 && args[0] == "generate-csv")
        {
            using var file = File.Create(args[2]);
            Data.WriteCaseSheet(file, IntArg(args, 1));
            Console.WriteLine($"wrote {file.Length:N0} bytes to {args[2]}");
            return 0;
        }

        if (args.Length == 3 && args[0] == "generate-parquet")
        {
            using var file = File.Create(args[2]);
            CaseTableData.WriteParquet(file, IntArg(args, 1));
            Console.WriteLine($"wrote {file.Length:N0} bytes to {args[2]}");
            return 0;
        }

        if (args.Length >= 2 && args[0] == "tally-parquet")
        {
            // tally-parquet FILE [TIMES [THREADS]]: reads and tallies the table TIMES times (default once), timing each,
            // the reader allowed THREADS threads (default 1).
            var times = IntArg(args, 2, 1);
            var threads = IntArg(args, 3, 1);
            var sheetOptions = Data.SheetOptions.WithParallelism(threads);
            for (var t = 0; t < times; t++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var table = Parquet.CaseTableReader.ReadFile(args[1], sheetOptions);
                stopwatch.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"{table}: {table.Cases}; elapsed {stopwatch.Elapsed.TotalSeconds:0.000} s (CPU {cpu.TotalSeconds:0.000} s), {stopwatch.Elapsed.TotalNanoseconds / table.Rows:0.0} ns/case; GC total allocated {GC.GetTotalAllocatedBytes() / 1e6:0} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "rate")
        {
            var keepCases = args.Contains("--keep-cases") || args.Contains("--in-memory");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            using var stream = File.OpenRead(args[1]);
            var result = Rater.Rate(FindingsReader.Read(stream, Path.GetFileName(args[1]), new FindingsReaderOptions { KeepCases = keepCases }).Input);
            stopwatch.Stop();
            Console.WriteLine($"{(keepCases ? "KeepCases=true" : "KeepCases=false")}: {result.Unit}: {string.Join(", ", result.Standards.Select(s => $"{s.Id} {s.Rating}"))}; score {result.Score}/{result.MaxScore} {result.Overall}");
            Console.WriteLine($"cases {result.Cases?.Inspected:N0}, reset {result.Cases?.Reset:N0}, adjusted {result.Cases?.Adjusted:N0}, warnings {result.Warnings.Count:N0}");
            Console.WriteLine($"elapsed {stopwatch.Elapsed.TotalSeconds:0.00} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s), {new FileInfo(args[1]).Length / 1e6 / stopwatch.Elapsed.TotalSeconds:0.0} MB/s; GC total allocated {GC.GetTotalAllocatedBytes() / 1e6:0} MB");
            return 0;
        }

        if (args.Length >= 2 && args[0] == "ingest-probe")
        {
            // A quick side-by-side in one process (not BenchmarkDotNet): token floor, streaming tally, keep-cases reader.
            var bytes = File.ReadAllBytes(args[1]);
            var rounds = IntArg(args, 2, 3);
            var bench = new IngestBenchmarks();
            typeof(IngestBenchmarks).GetField("json", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.SetValue(bench, bytes);
            // An optional fourth argument (floor, stream or keep) runs only that one, for a profiler.
            var only = args.Length > 3 ? args[3] : null;
            for (var round = 0; round < rounds; round++)
            {
                if (only is null)
                {
                    Console.WriteLine($"floor {Time(() => bench.TokenOnlyFloor()),8:0.0} ms  stream {Time(() => bench.StreamingTally()),8:0.0} ms  keep {Time(() => bench.KeepCasesReader()),8:0.0} ms");
                }
                else
                {
                    Console.WriteLine($"{only} {Time(() => only == "floor" ? bench.TokenOnlyFloor() : only == "stream" ? bench.StreamingTally() : bench.KeepCasesReader()),8:0.0} ms");
                }
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "percase-probe")
        {
            // percase-probe N [ROUNDS]: PerCaseBenchmarks' two methods side by side in one process, interleaved.
            var bench = new PerCaseBenchmarks { N = IntArg(args, 1) };
            var rounds = IntArg(args, 2, 5);
            bench.Setup();
            for (var round = 0; round < rounds; round++)
            {
                var walk = Time(() => bench.BareWalk());
                var builder = Time(() => bench.TallyBuilderAdd());
                Console.WriteLine($"walk {walk,8:0.00} ms  builder {builder,8:0.00} ms  builder / walk {builder / walk:0.00}x");
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "data-probe")
        {
            // data-probe N [ROUNDS]: DataIngestBenchmarks' JSON and Parquet contenders on the same cached files,
            // alternated in one process (not BenchmarkDotNet), each timed by wall clock and process CPU a case.
            var bench = new DataIngestBenchmarks { N = IntArg(args, 1) };
            var rounds = IntArg(args, 2, 5);
            bench.SetupJson();
            bench.SetupParquet();
            Interleaved(rounds, bench.N, new (string Name, Func<object> Run)[] { ("JSON", bench.JsonStreamingTally), ("Parquet", bench.ParquetBulkTally) });

            return 0;
        }

        if (args.Length == 2 && args[0] == "setup-probe")
        {
            // setup-probe N: DataIngestBenchmarks' six setups one after another, as BenchmarkDotNet runs them (each
            // on a fresh instance, DuckDB loaded and disposed for each of its three contenders), timed, for
            // /usr/bin/time -v to add the peak memory.
            var n = IntArg(args, 1);
            var stopwatch = Stopwatch.StartNew();
            var setups = new (string Name, Action<DataIngestBenchmarks> Setup)[]
            {
                ("JsonStreamingTally", b => b.SetupJson()),
                ("ParquetBulkTally", b => b.SetupParquet()),
                ("ParquetBulkTallyTwoThreads", b => b.SetupParquetTwoThreads()),
                ("DuckDbPushDownTally", b => b.SetupPushDown()),
                ("DuckDbTallyQueryOnly", b => b.SetupTallyQuery()),
                ("DuckDbRowsIntoCaseBatch", b => b.SetupRowsMoved()),
            };
            foreach (var (name, setup) in setups)
            {
                var bench = new DataIngestBenchmarks { N = n };
                var step = Stopwatch.StartNew();
                setup(bench);
                Console.WriteLine($"setup of {name}: {step.Elapsed.TotalSeconds:0.0} s; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB");
                bench.Cleanup();
            }

            Console.WriteLine($"all setups: {stopwatch.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        if (args.Length >= 2 && args[0] == "duckdb-probe")
        {
            // duckdb-probe N [ROUNDS]: issue 9's DuckDB contenders side by side in one process (not BenchmarkDotNet):
            // the tally query alone, CaseTable.TallyAsync as users call it, and the rows moved into a CaseBatch,
            // each timed by wall clock and process CPU, rounds interleaved so the machine's load falls on all alike.
            var bench = new DataIngestBenchmarks { N = IntArg(args, 1) };
            var rounds = IntArg(args, 2, 3);
            bench.SetupDuckDb();
            try
            {
                var contenders = new (string Name, Func<object> Run)[]
                {
                    ("query alone", bench.DuckDbTallyQueryOnly),
                    ("TallyAsync", bench.DuckDbPushDownTally),
                    ("rows moved", bench.DuckDbRowsIntoCaseBatch),
                };
                Interleaved(rounds, bench.N, contenders);
            }
            finally
            {
                bench.Cleanup();
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
