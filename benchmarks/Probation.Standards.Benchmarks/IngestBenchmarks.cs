using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Findings JSON (generated: 12 answers, sentence, dates, a fifth of cases suspended) through the one reader,
/// <see cref="FindingsReader.Read(Stream, string, FindingsReaderOptions?)"/>, beside two floors on the same bytes
/// (issue 14): the token-only <see cref="Utf8JsonReader"/> pass (every token read, nothing decoded: the floor for
/// any JSON reader, the baseline) and <see cref="JsonDocument.Parse(System.ReadOnlyMemory{byte}, JsonDocumentOptions)"/>.
/// The reader runs from a <see cref="MemoryStream"/> in chunks, as from a file in the page cache.
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

    /// <summary>Utf8JsonReader.Read() over every token of the document, nothing decoded.</summary>
    [Benchmark(Baseline = true)]
    public long TokenOnlyFloor()
    {
        var reader = new Utf8JsonReader(this.json, new JsonReaderOptions { MaxDepth = 64 });
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>JsonDocument.Parse of the whole document (then disposed).</summary>
    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(this.json);
        return document.RootElement.GetProperty("cases").GetArrayLength();
    }

    /// <summary>FindingsReader.Read without keeping cases (KeepCases = false, the default): validate, bind, tally.</summary>
    [Benchmark]
    public TallySet StreamingTally() => FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", NoKeep).Input.Tallies;

    /// <summary>FindingsReader.Read keeping every case (KeepCases = true).</summary>
    [Benchmark]
    public int KeepCasesReader() => FindingsReader.Read(new MemoryStream(this.json, false), "bench.json", KeepCases).Cases.Count;
}
