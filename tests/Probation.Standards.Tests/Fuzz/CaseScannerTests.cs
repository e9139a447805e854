using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Findings;
using Probation.Standards.Findings.Parsing;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Fuzz;

/// <summary>A document written for the scanner test, with how it was made; printed when a property fails.</summary>
internal sealed record ScannerDocument(string Made, int Cases, bool KeepCases, int StreamSeed, byte[] Bytes)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(this.Bytes);
        return $"{this.Made} (KeepCases {this.KeepCases}, stream seed {this.StreamSeed}, {this.Bytes.Length} bytes): "
            + (text.Length > 600 ? text[..600] + "..." : text);
    }
}

/// <summary>
/// The case scanner (issue 14) against the token reader it stands in for. The scanner takes the plain cases after
/// the first straight from the bytes, and hands everything else back to the reader; so every document, good or bad,
/// must come out the same with it on and off: the same rating input and the same kept cases, or the same problems,
/// in the same order, with the same paths, lines, columns and words. Documents are written the ways producers
/// write them (fields in any order, left out or null, every spelling, tags, escapes, blanks and line breaks of
/// every kind), then some are mutated as the fuzz test mutates them, and read whole and a few bytes at a time.
/// </summary>
[TestFixture]
[CancelAfter(180_000)]
public class CaseScannerTests
{
    private const string File = "scanned.json";

    private static readonly string[] Fields = { "id", "sentence", "start", "suspended", "exemption", "answers", "tags" };

    // A good choice, or in a document that is not clean now and then a bad one.
    private static Gen<T> Pick<T>(bool clean, Gen<T> good, Gen<T> bad, int goodWeight = 12) =>
        clean ? good : Gen.Frequency((goodWeight, good), (1, bad));

    private static Gen<string> CaseText(int index, bool clean) =>
        from order in Gen.Frequency((4, Gen.Constant(new[] { 0, 1, 2, 3, 4, 5, 6 })), (1, Gen.Shuffle(new[] { 0, 1, 2, 3, 4, 5, 6 })))
        from leftOut in Pick(clean, Gen.Elements(1 << 6, 1 << 6, 0, (1 << 1) | (1 << 3) | (1 << 4)), Gen.Choose(0, 127), 6)
        from id in Pick(
            clean,
            Gen.Frequency((12, Gen.Constant($"\"C{index}\"")), (1, Gen.Constant($"\"\\u0043{index}\"")), (1, Gen.Constant($"\"caf\u00e9 {index}\""))),
            Gen.Elements($"\"C{Math.Max(0, index - 1)}\"", "\"\"", "\" x\"", "12", "null"))
        from sentence in Pick(
            clean,
            Gen.Elements("\"CommunityOrder\"", "\"Licence\"", "\"SuspendedSentenceOrder\"", "\"PostSentenceSupervision\"", "null", "\"licence\"", "\"Lic\\u0065nce\""),
            Gen.Elements("\"Custody\"", "7"))
        from startDay in Gen.Choose(0, 400)
        from suspended in Pick(clean, Gen.Frequency((5, Gen.Constant(int.MinValue)), (3, Gen.Choose(0, 120))), Gen.Choose(-3, -1), 8)
        from dateStyle in Pick(clean, Gen.Constant(0), Gen.Choose(1, 3))
        from exemption in Pick(
            clean,
            Gen.Frequency(
                (8, Gen.Constant("null")),
                (2, Gen.Elements("\"Mappa\"", "\"NationalSecurityDivision\"", "\"VeryHighRiskOfSeriousHarm\"", "\"ChildProtection\"", "\"IntensiveSupervisionCourt\"", "\"mappa\""))),
            Gen.Elements("\"Other\"", "true"))
        from answerOrder in Gen.Frequency((5, Gen.Constant(Enumerable.Range(0, Docs.KeyQuestionIds.Length).ToArray())), (1, Gen.Shuffle(Enumerable.Range(0, Docs.KeyQuestionIds.Length))))
        from answered in Pick(clean, Gen.Constant(Docs.KeyQuestionIds.Length), Gen.Choose(0, Docs.KeyQuestionIds.Length), 8)
        from answers in Pick(
            clean,
            Gen.Frequency((40, Gen.Elements("\"Yes\"", "\"No\"", "\"NotApplicable\"")), (1, Gen.Elements("\"N/A\"", "\"yes\"", "\"Y\\u0065s\""))),
            Gen.Elements("null", "\"Maybe\"", "\"No \"", "\"P2.1.1\":\"Yes\"", "\"P9.9\":\"Yes\"", "\"P2\\u002e1.1\":\"No\""),
            40)
            .ArrayOf(Docs.KeyQuestionIds.Length)
        from tags in Gen.Elements("{\"team\":\"A\"}", "{\"team\":\"B\",\"round\":\"1\"}", "null")
        select Case(order, leftOut, id, sentence, startDay, suspended, dateStyle, exemption, answerOrder, answered, answers, tags);

    private static string Case(int[] order, int leftOut, string id, string sentence, int startDay, int suspended, int dateStyle, string exemption, int[] answerOrder, int answered, string[] answers, string tags)
    {
        var start = new DateTime(2024, 1, 1).AddDays(startDay);
        string Date(DateTime d) => dateStyle switch
        {
            1 => $"\"{d:yyyy-M-d}\"",
            2 => $"\"{d:yyyy-MM-dd}T00:00\"",
            3 => "\"2024-02-30\"",
            _ => $"\"{d:yyyy-MM-dd}\"",
        };

        var entries = new List<string>();
        for (var k = 0; k < answered; k++)
        {
            var q = answerOrder[k];
            var value = answers[q];
            entries.Add(value.Contains(':', StringComparison.Ordinal) ? value : $"\"{Docs.KeyQuestionIds[q]}\":{value}");
        }

        var values = new[]
        {
            id, sentence, Date(start), suspended == int.MinValue ? "null" : Date(start.AddDays(suspended)), exemption,
            "{" + string.Join(",", entries) + "}", tags,
        };
        var fields = order.Where(f => (leftOut & (1 << f)) == 0).Select(f => $"\"{Fields[f]}\":{values[f]}");
        return "{" + string.Join(",", fields) + "}";
    }

    // JSON's blanks put between tokens, outside strings: none, spaces, line feeds with indents, or CR LF and tabs.
    private static byte[] Blanked(byte[] compact, int style, int seed)
    {
        if (style == 0)
        {
            return compact;
        }

        var random = new Random(seed);
        var output = new List<byte>(compact.Length * 2);
        var inString = false;
        var escaped = false;
        foreach (var b in compact)
        {
            output.Add(b);
            if (inString)
            {
                escaped = !escaped && b == (byte)'\\';
                inString = escaped || b != (byte)'"';
                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                continue;
            }

            if (b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' && random.Next(3) > 0)
            {
                var blank = style switch
                {
                    1 => " ",
                    2 => "\n" + new string(' ', random.Next(0, 9)),
                    _ => random.Next(2) == 0 ? "\r\n\t" : "\t ",
                };
                output.AddRange(Encoding.ASCII.GetBytes(blank));
            }
        }

        return output.ToArray();
    }

    private static Gen<ScannerDocument> DocumentGen =>
        from count in Gen.Frequency((1, Gen.Choose(1, 4)), (3, Gen.Choose(5, 60)), (1, Gen.Choose(200, 700)))
        from clean in Gen.Elements(true, false)
        from cases in Gen.CollectToArray(Enumerable.Range(0, count), i => CaseText(i, clean))
        from headerFirst in Gen.Elements(true, false)
        from style in Gen.Choose(0, 3)
        from blankSeed in Gen.Choose(0, int.MaxValue)
        from mutations in Gen.Frequency((3, Gen.Constant(Array.Empty<Mutation>())), (1, Gen.ListOf(FindingsFuzzTests.MutationGen, 1).Select(m => m.ToArray())))
        from keep in Gen.Elements(false, true)
        from streamSeed in Gen.Choose(0, int.MaxValue)
        let header = "\"framework\":\"probation-pdu-2023\",\"unit\":\"Scanner PDU\",\"organisational\":{\"P1.1\":\"Good\",\"P1.2\":\"Good\",\"P1.3\":\"Inadequate\"}"
        let casesText = "\"cases\":[" + string.Join(",", cases) + "]"
        let text = "{" + (headerFirst ? header + "," + casesText : casesText + "," + header) + "}"
        let compact = mutations.Length == 0 ? Encoding.UTF8.GetBytes(text) : JsonMutator.Apply(Encoding.UTF8.GetBytes(text), mutations)
        select new ScannerDocument($"{count} cases, clean {clean}, header first {headerFirst}, blanks {style}, [{string.Join(", ", mutations.AsEnumerable())}]", count, keep, streamSeed, Blanked(compact, style, blankSeed));

    [FsCheck.NUnit.Property(MaxTest = 500, Replay = "20261206,1215", QuietOnSuccess = true)]
    public Property Documents_read_the_same_with_the_scanner_on_and_off() =>
        Prop.ForAll(Arb.From(DocumentGen), (Action<ScannerDocument>)(document =>
        {
            var described = document.ToString();
            var off = Outcome(document, scan: false, slow: false);
            Outcome(document, scan: true, slow: false).ShouldBe(off, described);
            Outcome(document, scan: true, slow: true).ShouldBe(off, described);
        }));

    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "20261206,1217", QuietOnSuccess = true)]
    public Property Fuzz_mutants_read_the_same_with_the_scanner_on_and_off() =>
        Prop.ForAll(Arb.From(FindingsFuzzTests.MutantGen), (Action<Mutant>)(mutant =>
        {
            var document = new ScannerDocument(mutant.ToString(), 0, mutant.KeepCases, mutant.Bytes.Length, mutant.Bytes);
            Outcome(document, scan: true, slow: false).ShouldBe(Outcome(document, scan: false, slow: false), mutant.ToString());
        }));

    [Test]
    public void The_generated_documents_are_scanned_and_both_good_and_bad()
    {
        // The properties above prove nothing if the scanner never takes a case, or if every document is refused.
        var sample = Gen.Sample(DocumentGen, 200, new Rnd(20261206UL, 1215UL), 50);
        var good = 0;
        var casesInGood = 0L;
        var scannedInGood = 0L;
        foreach (var document in sample)
        {
            var before = FindingsParser.ScannedOnThisThread;
            if (Outcome(document, scan: true, slow: false).Lines.Length == 0)
            {
                good++;
                casesInGood += document.Cases;
                scannedInGood += FindingsParser.ScannedOnThisThread - before;
            }
        }

        good.ShouldBeGreaterThan(40);
        good.ShouldBeLessThan(160);
        scannedInGood.ShouldBeGreaterThan(casesInGood / 2, "the scanner takes most cases of good documents (some are written to need the reader)");
    }

    [Test]
    public void A_syntax_error_after_scanned_cases_is_placed_as_the_reader_places_it()
    {
        var cases = Enumerable.Range(0, 40).Select(i => Docs.Case("C" + i, Docs.All("Yes")).ToJsonString()).ToList();
        foreach (var (broken, errorAt) in new[] { ("}{", 1), ("}\n  {", 4), ("},\r\n\t\t,{", 6) })
        {
            var text = "{\"framework\":\"probation-pdu-2023\",\"unit\":\"U\",\"cases\":[\n" + string.Join(",\n", cases.Take(30)) + ",\n"
                + string.Join(",", cases.Skip(30)).Replace("},{", broken, StringComparison.Ordinal) + "]}";
            var at = text.IndexOf(broken, StringComparison.Ordinal) + errorAt;
            var line = text[..at].Count(c => c == '\n') + 1;
            var column = at - text.LastIndexOf('\n', at - 1);
            var document = new ScannerDocument(broken, 40, false, 1, Encoding.UTF8.GetBytes(text));
            var before = FindingsParser.ScannedOnThisThread;
            var scanned = Outcome(document, scan: true, slow: false);
            (FindingsParser.ScannedOnThisThread - before).ShouldBeGreaterThan(25);
            scanned.ShouldBe(Outcome(document, scan: false, slow: false));
            scanned.Lines.ShouldContain($" {line}:{column} ", Shouldly.Case.Sensitive, scanned.Lines);
        }
    }

    /// <summary>The rating input and kept cases (compared by value), or the problems in full.</summary>
    private static (RatingInput? Input, EquatableArray<InspectedCase> Cases, bool HasCases, string Lines) Outcome(ScannerDocument document, bool scan, bool slow)
    {
        var options = new FindingsReaderOptions { KeepCases = document.KeepCases, ScanCases = scan };
        try
        {
            Stream stream = slow ? new SlowStream(document.Bytes, document.StreamSeed) : new MemoryStream(document.Bytes);
            using (stream)
            {
                var read = FindingsReader.Read(stream, File, options);
                return (read.Input, read.Cases, read.HasCases, string.Empty);
            }
        }
        catch (InvalidInputException e)
        {
            return (null, default, false, string.Join("\n", e.Problems.Select(p => $"{p.Code} {p.Path} {p.Line}:{p.Column} {p.Message}")) + "\n" + e.Message);
        }
    }
}
