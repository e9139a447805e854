using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Bulk;

/// <summary>
/// FindingsReaderOptions.KeepCases only decides whether the cases are kept: a document read with
/// <c>KeepCases = true</c> and with <c>KeepCases = false</c> gives the same RatingInput, the same rating and the same
/// warnings, or is rejected with the same problems (FindingsDocument's contract). Replaces the FindingsStream tests.
/// </summary>
public class FindingsReaderKeepCasesTests
{
    private static readonly FindingsReaderOptions Keep = new() { KeepCases = true };

    private static readonly FindingsReaderOptions Tally = new() { KeepCases = false };

    public static IEnumerable<TestCaseData> SeedFiles() =>
        ConformanceVectorTests.Vectors().Select(v => new TestCaseData(v.Arguments[0]).SetName("KeepCases_changes_nothing_but_the_cases(seeds/" + v.TestName + ")"));

    [TestCaseSource(nameof(SeedFiles))]
    public void KeepCases_changes_nothing_but_the_cases(string path) => AssertSameOutcome(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>The tool's conformance corpus (248 bad, 109 valid, verify-fail and pending documents), read from the source tree.</summary>
    public static IEnumerable<TestCaseData> CorpusFiles()
    {
        var corpus = Path.Combine(RepositoryRoot(), "tests", "Probation.Standards.Cli.Tests", "Corpus");
        return Directory.EnumerateFiles(corpus, "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetName("KeepCases_changes_nothing_in_the_corpus(" + Path.GetRelativePath(corpus, p).Replace('\\', '/') + ")"));
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public void KeepCases_changes_nothing_in_the_corpus(string path) => AssertSameOutcome(File.ReadAllBytes(path), Path.GetFileName(path));

    [Test]
    public void The_corpus_is_found()
    {
        var files = CorpusFiles().Select(c => (string)c.Arguments[0]!).ToList();
        files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}bad{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(200);
        files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}valid{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(100);
    }

    [Test]
    public void Nottinghamshire_cases_give_the_published_rating_either_way()
    {
        var bytes = Seeds.Bytes("nottinghamshire-pdu-2025-cases.json");
        var kept = FindingsReader.Read(bytes, "notts.json", Keep);
        var tallied = FindingsReader.Read(bytes, "notts.json", Tally);

        kept.CasesKept.ShouldBeTrue();
        kept.Cases.Count.ShouldBe(60);
        tallied.CasesKept.ShouldBeFalse();
        tallied.Cases.ShouldBeEmpty();
        tallied.HasCases.ShouldBeTrue();
        tallied.Input.ShouldBe(kept.Input);
        tallied.Input.Tallies.ShouldBe(TallyBuilder.Tally(kept.Framework, kept.Cases));

        // The published outcome (seeds/README.md): 1+1+1+0+0+0+0 = 3 of 21, Inadequate; 60 inspected, 12 Reset, 7 adjusted.
        foreach (var result in new[] { Rater.Rate(kept.Input), Rater.Rate(tallied.Input) })
        {
            result.Score.ShouldBe(3);
            result.MaxScore.ShouldBe(21);
            result.Overall.ShouldBe(Rating.Inadequate);
            result.Cases!.Value.Inspected.ShouldBe(60);
            result.Cases!.Value.Reset.ShouldBe(12);
            result.Cases!.Value.Adjusted.ShouldBe(7);
        }

        Rater.Rate(tallied.Input).ShouldBe(Rater.Rate(kept.Input));
    }

    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 150)]
    public void A_random_document_reads_the_same_with_and_without_its_cases(CaseSet set, bool headerAfterCases, bool giveFramework, byte aggregates, bool @override)
    {
        var shape = new DocumentShape(headerAfterCases, giveFramework, set.Cases.Length == 0 ? 12 : aggregates % 5, @override);
        var bytes = FindingsDocuments.Write(set.Cases, shape);
        AssertSameOutcome(bytes, "random.json");

        var kept = FindingsReader.Read(bytes, "random.json", Keep);
        kept.Cases.Select(c => c.Id).ShouldBe(set.Cases.Select(c => c.Id));
        kept.Cases.Select(c => (c.Start, c.Suspended, c.Exemption, c.Sentence)).ShouldBe(set.Cases.Select(c => (c.Start, c.Suspended, c.Exemption, c.Sentence)));
        kept.Input.Tallies.Cases.ShouldBe(set.Cases.Length == 0 ? null : Rules.Counts(set.Cases));

        // And through a stream that cannot seek, read a few bytes at a time, and asynchronously.
        var seed = bytes.Length;
        FindingsReader.Read(new SlowStream(bytes, seed), "random.json", Tally).Input.ShouldBe(kept.Input);
        FindingsReader.ReadAsync(new SlowStream(bytes, seed + 1), "random.json", Tally).GetAwaiter().GetResult().Input.ShouldBe(kept.Input);
        FindingsReader.ReadAsync(new SlowStream(bytes, seed + 2), "random.json", Keep).GetAwaiter().GetResult().ShouldBe(kept);
    }

    [Test]
    public void A_document_padded_with_whitespace_to_over_16_MB_reads_the_same_either_way()
    {
        var (compact, cases) = PaddingDocument();
        var padded = Pad(compact, 560);
        padded.Length.ShouldBeGreaterThan(16 * 1024 * 1024);
        AssertPaddedDocument(padded, compact, cases);
    }

    [Test]
    public void A_document_with_a_single_run_of_over_16_MB_of_whitespace_reads_the_same_either_way()
    {
        var (compact, cases) = PaddingDocument();
        var text = Encoding.UTF8.GetString(compact);
        var at = text.IndexOf("},{", StringComparison.Ordinal) + 2;
        var run = new StringBuilder(17 * 1024 * 1024);
        while (run.Length < 17 * 1024 * 1024)
        {
            run.Append(" \t\r\n        ");
        }

        var padded = Encoding.UTF8.GetBytes(text[..at] + run + text[at..]);
        padded.Length.ShouldBeGreaterThan(16 * 1024 * 1024);
        AssertPaddedDocument(padded, compact, cases);
    }

    private static void AssertPaddedDocument(byte[] padded, byte[] compact, InspectedCase[] cases)
    {
        var kept = FindingsReader.Read(padded, "padded.json", Keep);
        var tallied = FindingsReader.Read(new MemoryStream(padded), "padded.json", Tally);
        tallied.Input.ShouldBe(kept.Input);
        tallied.Input.ShouldBe(FindingsReader.Read(compact, "compact.json").Input);
        kept.Cases.Count.ShouldBe(cases.Length);
        tallied.Cases.ShouldBeEmpty();

        // 2,000 cases: i % 5 in 0..2 all Yes, 3 all No, 4 all NotApplicable -> 1,200 / 1,600 = 75%, Good (R4).
        // Judgements Good, Requires improvement, Outstanding: 2 + 1 + 3 + 4 x 2 = 14 of 21, Good (R8).
        var rating = Rater.Rate(tallied.Input);
        rating.ShouldBe(Rater.Rate(kept.Input));
        rating.Standards.Skip(3).ShouldAllBe(s => s.Rating == Rating.Good);
        rating.Outcome("P2.3.2").Tally.ShouldBe(new KeyQuestionTally(1200, 1600));
        rating.Score.ShouldBe(14);
        rating.Overall.ShouldBe(Rating.Good);
        rating.Cases.ShouldBe(new CaseCounts(inspected: 2000, core: 1920, exempt: 40, suspendedAfterThreshold: 0, adjusted: 40, suspendedButExempt: 40, licences: 2000));

        // R9 warnings, in case order: every i % 50 == 0 suspended before Reset began, every i % 50 == 25 exempt yet suspended.
        var expected = Enumerable.Range(0, 2000).Where(i => i % 25 == 0)
            .Select(i => (i % 50 == 0 ? WarningCode.SuspendedBeforeReset : WarningCode.SuspendedButExempt, (string?)$"C{i}"))
            .ToArray();
        tallied.Input.Warnings.Select(w => (w.Code, w.CaseId)).ShouldBe(expected);
        kept.Input.Warnings.ShouldBe(tallied.Input.Warnings);
        rating.Warnings.ShouldBe(tallied.Input.Warnings);
    }

    private static (byte[] Bytes, InspectedCase[] Cases) PaddingDocument()
    {
        var start = new DateTime(2024, 5, 1);
        var yes = Enumerable.Repeat(Answer.Yes, 12).ToArray();
        var no = Enumerable.Repeat(Answer.No, 12).ToArray();
        var notApplicable = new Answer[12];
        var cases = Enumerable.Range(0, 2000).Select(i => TestCases.Make(
            $"C{i}",
            (i % 5) switch { 3 => no, 4 => notApplicable, _ => yes },
            SentenceType.Licence,
            start,
            i % 50 == 0 ? new DateTime(2024, 5, 20) : i % 50 == 25 ? new DateTime(2024, 8, 1) : null,
            i % 50 == 25 ? Exemption.Mappa : null)).ToArray();
        return (FindingsDocuments.Write(cases, new DocumentShape(false, true, 0, false)), cases);
    }

    /// <summary>Inserts 1 to <paramref name="most"/> whitespace characters (space, tab, CR, LF) before the document, after every comma and colon, and after it.</summary>
    private static byte[] Pad(byte[] compact, int most)
    {
        // The generated documents hold no comma or colon inside a string except in dates, which have neither.
        var random = new Random(16);
        var whitespace = new[] { (byte)' ', (byte)'\t', (byte)'\r', (byte)'\n' };
        var output = new MemoryStream(compact.Length * 40);
        void Run()
        {
            var n = random.Next(1, most + 1);
            for (var i = 0; i < n; i++)
            {
                output.WriteByte(whitespace[random.Next(whitespace.Length)]);
            }
        }

        Run();
        var inString = false;
        foreach (var b in compact)
        {
            output.WriteByte(b);
            inString ^= b == (byte)'"';
            if (!inString && (b == (byte)',' || b == (byte)':'))
            {
                Run();
            }
        }

        Run();
        return output.ToArray();
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
        ("a case error then a syntax error", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\"")) + "}"),
        ("a case error then an unknown top-level field", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), extra: "\"bogus\": 1")),
        ("a duplicate id then an unknown key question", Doc(cases: Case("A") + "," + Case("A") + "," + Case("B", "\"P2.9.9\": \"Yes\""))),
        ("an unknown framework and a bad case", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), framework: "\"nope\"", headerLast: true)),
        ("a bad case and a missing unit", Doc(cases: Case("A", "\"P2.9.9\": \"Yes\""), unit: null)),
        ("cases before the header with an unknown key question", Doc(cases: Case("A") + "," + Case("B", "\"P2.9.9\": \"Yes\""), headerLast: true)),
        ("many bad cases", Doc(cases: string.Join(",", Enumerable.Range(0, 80).Select(i => Case("X" + i, AllAnswers() + ", \"P2.9.9\": \"Yes\""))))),
    };

    public static IEnumerable<TestCaseData> BadDocumentCases() =>
        BadDocuments.Select(d => new TestCaseData(d.Json).SetName("KeepCases_rejects_with_the_same_problems: " + d.Name));

    [TestCaseSource(nameof(BadDocumentCases))]
    public void KeepCases_rejects_with_the_same_problems(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var kept = Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, "bad.json", Keep));
        var tallied = Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, "bad.json", Tally));
        tallied.Problems.ShouldBe(kept.Problems);
        tallied.OmittedCount.ShouldBe(kept.OmittedCount);
        tallied.Message.ShouldBe(kept.Message);
        kept.Problems.Count.ShouldBeGreaterThan(0);
        Should.Throw<InvalidInputException>(() => FindingsReader.Read(new SlowStream(bytes, seed: 5), "bad.json", Tally)).Problems.ShouldBe(kept.Problems);
    }

    [Test]
    public void Many_bad_cases_are_listed_up_to_the_limit_either_way()
    {
        var bytes = Encoding.UTF8.GetBytes(BadDocuments.Single(d => d.Name == "many bad cases").Json);
        // 80 cases each answering every key question and an unknown one: 80 problems, 50 listed.
        var error = Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, "bad.json", Tally));
        error.Problems.Count.ShouldBe(InvalidInputException.MaxListedProblems);
        error.Problems.Select(p => p.Path).ShouldBe(Enumerable.Range(0, 50).Select(i => $"$.cases[{i}].answers['P2.9.9']"));
        error.OmittedCount.ShouldBe(80 - InvalidInputException.MaxListedProblems);
        error.Problems[0].Path.ShouldBe("$.cases[0].answers['P2.9.9']");
        error.Problems[0].Code.ShouldBe(ProblemCode.UnknownKeyQuestion);
    }

    private static void AssertSameOutcome(byte[] bytes, string name)
    {
        FindingsDocument kept;
        try
        {
            kept = FindingsReader.Read(bytes, name, Keep);
        }
        catch (InvalidInputException ex)
        {
            var other = Should.Throw<InvalidInputException>(() => FindingsReader.Read(bytes, name, Tally));
            other.Problems.ShouldBe(ex.Problems);
            other.OmittedCount.ShouldBe(ex.OmittedCount);
            return;
        }

        var tallied = FindingsReader.Read(bytes, name, Tally);
        tallied.Input.ShouldBe(kept.Input);
        tallied.Input.Warnings.ShouldBe(kept.Input.Warnings);
        tallied.Framework.ShouldBe(kept.Framework);
        tallied.FieldworkStarted.ShouldBe(kept.FieldworkStarted);
        tallied.Expected.ShouldBe(kept.Expected);
        tallied.HasCases.ShouldBe(kept.HasCases);
        tallied.CasesKept.ShouldBeFalse();
        tallied.Cases.ShouldBeEmpty();
        kept.CasesKept.ShouldBeTrue();
        kept.HasCases.ShouldBe(kept.Cases.Count > 0);

        var rating = Rater.Rate(tallied.Input);
        rating.ShouldBe(Rater.Rate(kept.Input));
        rating.Warnings.ShouldBe(Rater.Rate(kept.Input).Warnings);
        Rater.Rate(tallied.Input, new RatingOptions(BandingBasis.RoundedPercentage)).ShouldBe(Rater.Rate(kept.Input, new RatingOptions(BandingBasis.RoundedPercentage)));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Probation.Standards.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Probation.Standards.sln above " + AppContext.BaseDirectory);
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
}
