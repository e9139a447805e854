using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Bulk;

public class FindingsStreamTests
{
    private static readonly string Seeds = Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");

    public static IEnumerable<TestCaseData> SeedFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds"), "*.json", SearchOption.AllDirectories)
            .Select(f => new TestCaseData(Path.GetRelativePath(Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds"), f)).SetName("Streaming equals reading: " + Path.GetFileName(f)));

    [TestCaseSource(nameof(SeedFiles))]
    public void Streaming_a_seed_rates_as_reading_it_whole(string relative)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Seeds, relative));
        AssertSameOutcome(bytes, relative);
    }

    [Test]
    public void Nottinghamshire_cases_stream_to_the_published_rating()
    {
        using var stream = File.OpenRead(Path.Combine(Seeds, "nottinghamshire-pdu-2025-cases.json"));
        var result = FindingsStream.Rate(stream, "nottinghamshire-pdu-2025-cases.json");
        result.Cases!.Value.Inspected.ShouldBe(60);
        result.Cases!.Value.Reset.ShouldBe(12);
        result.Cases!.Value.Adjusted.ShouldBe(7);
        result.Classifications.Count.ShouldBe(0);
        using var again = File.OpenRead(Path.Combine(Seeds, "nottinghamshire-pdu-2025-cases.json"));
        result.ShouldBe(Expected(FindingsReader.Read(again, "nottinghamshire-pdu-2025-cases.json")));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 150)]
    public void Streaming_a_random_document_rates_as_reading_it_whole(CaseSet set, bool headerAfterCases, bool giveFramework, byte aggregates, bool @override)
    {
        var shape = new DocumentShape(headerAfterCases, giveFramework, set.Cases.Length == 0 ? 12 : aggregates % 5, @override);
        var bytes = FindingsDocuments.Write(set.Cases, shape);
        AssertSameOutcome(bytes, "random.json");

        // And through a stream that cannot seek, read a few bytes at a time.
        var expected = Expected(FindingsReader.Read(bytes, "random.json"));
        FindingsStream.Rate(new TrickleStream(bytes), "random.json").ShouldBe(expected);
    }

    [Test]
    public void Tally_gives_the_tallies_of_the_cases()
    {
        // A document needs at least one case to give its key questions from cases (an empty sample, about one in
        // 550, would be a document giving them nowhere, which is rightly refused).
        var cases = Gen.Sample(BulkArbitraries.CaseSets().Generator, 50, 20).First(set => set.Cases.Length > 0).Cases;
        var bytes = FindingsDocuments.Write(cases, new DocumentShape(false, true, 0, false));
        FindingsStream.Tally(new MemoryStream(bytes), "t.json").ShouldBe(TallySet.Of(FrameworkCatalog.DefaultFramework, cases));
    }

    [Test]
    public void A_framework_after_the_cases_that_differs_from_the_fieldwork_framework_rereads_a_seekable_stream()
    {
        // fieldworkStarted before the cases picks the default framework; a different framework named after them wins, as in FindingsReader.
        var other = BulkTallyTests.WithAdjustedExclusions;
        var renamed = RenamedFramework("probation-pdu-2023-variant");
        var catalog = FrameworkCatalog.Default.With(renamed);
        var json = """
            {"unit": "U", "fieldworkStarted": "2025-03-10", "organisational": {"P1.1": "Good", "P1.2": "Good", "P1.3": "Good"},
             "cases": [{"id": "A", "answers": {"P2.1.1": "Yes", "P2.1.2": "Yes", "P2.1.3": "No", "P2.2.1": "Yes", "P2.2.2": "Yes", "P2.2.3": "Yes",
                        "P2.3.1": "Yes", "P2.3.2": "Yes", "P2.3.3": "Yes", "P2.4.1": "Yes", "P2.4.2": "Yes", "P2.4.3": "Yes"}}],
             "framework": "probation-pdu-2023-variant"}
            """;
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Expected(FindingsReader.Read(bytes, "late.json", catalog));
        expected.FrameworkId.ShouldBe("probation-pdu-2023-variant");
        FindingsStream.Rate(new MemoryStream(bytes), "late.json", catalog).ShouldBe(expected);
        var error = Should.Throw<InvalidInputException>(() => FindingsStream.Rate(new TrickleStream(bytes), "late.json", catalog));
        error.JsonPath.ShouldBe("$.framework");
        other.ShouldNotBeNull();
    }

    private static readonly (string Name, string Json)[] BadDocuments =
    {
        ("unknown key question in a case", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""))),
        ("a standard id where a key question belongs", Doc(cases: Case("A", "\"P2.1\": \"Yes\""))),
        ("duplicate case ids", Doc(cases: Case("A") + "," + Case("B") + "," + Case("A"))),
        ("key question in both places", Doc(cases: Case("A"), keyQuestions: "{\"P2.1.1\": 50}")),
        ("key question in neither", Doc(cases: Case("A", AllAnswers().Replace(", \"P2.4.3\": \"Yes\"", string.Empty, StringComparison.Ordinal)))),
        ("unknown framework", Doc(cases: Case("A"), framework: "\"nope\"")),
        ("unknown framework after the cases", Doc(cases: Case("A"), framework: "\"nope\"", headerLast: true)),
        ("no framework in force on fieldworkStarted", Doc(cases: Case("A"), framework: null, fieldwork: "\"2001-01-01\"")),
        ("neither framework nor fieldworkStarted", Doc(cases: Case("A"), framework: null, fieldwork: null)),
        ("missing unit", Doc(cases: Case("A"), unit: null)),
        ("missing organisational standard", Doc(cases: Case("A"), organisational: "{\"P1.1\": \"Good\", \"P1.2\": \"Good\"}")),
        ("override of a judgement", Doc(cases: Case("A"), overrides: "{\"P1.1\": {\"rating\": \"Good\", \"reason\": \"x\"}}")),
        ("suspended before start", Doc(cases: Case("A", start: "2025-01-10", suspended: "2025-01-01"))),
        ("a case error then a syntax error: the syntax error wins", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\"")) + "}"),
        ("a case error then an unknown top-level field: the field wins", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), extra: "\"bogus\": 1")),
        ("a duplicate id then an unknown key question: the first in document order wins", Doc(cases: Case("A") + "," + Case("A") + "," + Case("B", "\"P2.9.9\": \"Yes\""))),
        ("an unknown framework and a bad case: the framework wins", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), framework: "\"nope\"", headerLast: true)),
        ("a bad case and a missing unit: the case wins", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), unit: null)),
        ("cases before the header with an unknown key question", Doc(cases: Case("A") + "," + Case("B", "\"P2.9.9\": \"Yes\""), headerLast: true)),
    };

    public static IEnumerable<TestCaseData> BadDocumentCases() =>
        BadDocuments.Select(d => new TestCaseData(d.Json).SetName("Streaming rejects as the reader does: " + d.Name));

    [TestCaseSource(nameof(BadDocumentCases))]
    public void Streaming_rejects_bad_input_with_the_readers_message(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, "bad.json"));
        var actual = Should.Throw<InvalidInputException>(() => FindingsStream.Rate(new MemoryStream(bytes), "bad.json"));
        actual.Message.ShouldBe(expected.Message);
        actual.JsonPath.ShouldBe(expected.JsonPath);
        var trickled = Should.Throw<InvalidInputException>(() => FindingsStream.Rate(new TrickleStream(bytes), "bad.json"));
        trickled.Message.ShouldBe(expected.Message);
    }

    internal static RatingResult Expected(FindingsDocument document) =>
        Rater.Rate(document) with { Classifications = System.Collections.Immutable.ImmutableArray<CaseClassification>.Empty };

    private static void AssertSameOutcome(byte[] bytes, string name)
    {
        RatingResult expected;
        try
        {
            expected = Expected(FindingsReader.Read(bytes, name));
        }
        catch (InvalidInputException ex)
        {
            Should.Throw<InvalidInputException>(() => FindingsStream.Rate(new MemoryStream(bytes), name)).Message.ShouldBe(ex.Message);
            return;
        }

        FindingsStream.Rate(new MemoryStream(bytes), name).ShouldBe(expected);
        FindingsStream.ReadRatingInput(new MemoryStream(bytes), name)
            .ShouldBe(RatingInput.From(FindingsReader.Read(bytes, name)) with { Classifications = System.Collections.Immutable.ImmutableArray<CaseClassification>.Empty });
    }

    private static string AllAnswers() =>
        string.Join(", ", FrameworkCatalog.DefaultFramework.KeyQuestions.Select(q => $"\"{q.Id}\": \"Yes\""));

    private static string Case(string id, string? answers = null, string? start = null, string? suspended = null) =>
        $"{{\"id\": \"{id}\"{(start is null ? string.Empty : $", \"start\": \"{start}\"")}{(suspended is null ? string.Empty : $", \"suspended\": \"{suspended}\"")}, \"answers\": {{{answers ?? AllAnswers()}}}}}";

    private static string Doc(
        string cases,
        string? framework = "\"probation-pdu-2023\"",
        string? fieldwork = "\"2025-03-10\"",
        string? unit = "\"U\"",
        string organisational = "{\"P1.1\": \"Good\", \"P1.2\": \"Good\", \"P1.3\": \"Good\"}",
        string? keyQuestions = null,
        string? overrides = null,
        string? extra = null,
        bool headerLast = false)
    {
        var header = new List<string>();
        if (framework is not null)
        {
            header.Add($"\"framework\": {framework}");
        }

        if (fieldwork is not null)
        {
            header.Add($"\"fieldworkStarted\": {fieldwork}");
        }

        var body = new List<string>();
        if (unit is not null)
        {
            body.Add($"\"unit\": {unit}");
        }

        body.Add($"\"organisational\": {organisational}");
        if (keyQuestions is not null)
        {
            body.Add($"\"keyQuestions\": {keyQuestions}");
        }

        body.Add($"\"cases\": [{cases}]");
        if (overrides is not null)
        {
            body.Add($"\"overrides\": {overrides}");
        }

        if (extra is not null)
        {
            body.Add(extra);
        }

        var fields = headerLast ? body.Concat(header) : header.Concat(body);
        return "{" + string.Join(", ", fields) + "}";
    }

    private static Framework RenamedFramework(string id)
    {
        using var stream = typeof(Framework).Assembly.GetManifestResourceStream("Probation.Standards.Frameworks.probation-pdu-2023.json")!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd().Replace("\"id\": \"probation-pdu-2023\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        json.ShouldContain(id);
        return FrameworkCatalog.ReadFramework(new MemoryStream(Encoding.UTF8.GetBytes(json)), id + ".json");
    }

    /// <summary>A stream that cannot seek and returns at most 7 bytes a read, to cross every buffer boundary.</summary>
    private sealed class TrickleStream : Stream
    {
        private readonly byte[] bytes;
        private int position;

        public TrickleStream(byte[] bytes) => this.bytes = bytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), this.bytes.Length - this.position);
            Array.Copy(this.bytes, this.position, buffer, offset, n);
            this.position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
