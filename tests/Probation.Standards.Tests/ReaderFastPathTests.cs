using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The reader's allocation-free tally path (issue 14) keeps every rule: ids read as bytes and ids read as
/// escaped strings are the same ids, a key question answered twice is found whichever spelling repeats it, a
/// case held back until the framework is known is still placed at its own line, and cases are not kept as objects.
/// </summary>
public class ReaderFastPathTests
{
    private static string CaseText(string idJson, string answersJson) =>
        $"{{\"id\":{idJson},\"sentence\":\"Licence\",\"start\":\"2024-09-02\",\"suspended\":null,\"exemption\":null,\"answers\":{{{answersJson}}}}}";

    private static string Document(params string[] cases)
    {
        var doc = Docs.Aggregate();
        doc["keyQuestions"]!.AsObject().Remove("P2.1.1");
        doc["cases"] = new JsonArray();
        var text = doc.ToJsonString();
        return text.Replace("\"cases\":[]", "\"cases\":[" + string.Join(",", cases) + "]", StringComparison.Ordinal);
    }

    [TestCase("\"C1\"", "\"C1\"")]
    [TestCase("\"C1\"", "\"\\u0043\\u0031\"")]
    [TestCase("\"\\u0043\\u0031\"", "\"C1\"")]
    [TestCase("\"caf\u00e9\"", "\"caf\\u00e9\"")]
    public void The_same_id_spelt_plainly_or_escaped_is_a_duplicate(string first, string second)
    {
        var text = Document(CaseText(first, "\"P2.1.1\":\"Yes\""), CaseText(second, "\"P2.1.1\":\"No\""));
        var error = Docs.Rejects(text);
        error.Problems.Count.ShouldBe(1);
        error.Problems[0].Code.ShouldBe(ProblemCode.DuplicateCaseId);
        error.Problems[0].Path.ShouldBe("$.cases[1].id");
    }

    [TestCase("\"P2.1.1\":\"Yes\",\"P2.1.1\":\"No\"", 1)]
    [TestCase("\"P2.1.1\":\"Yes\",\"P2\\u002e1.1\":\"No\"", 1)]
    [TestCase("\"P2\\u002e1.1\":\"Yes\",\"P2.1.1\":\"No\"", 1)]
    [TestCase("\"P2.1.2\":\"Yes\",\"P2\\u002e1.2\":\"No\",\"P2.1.1\":\"No\",\"P2.1.1\":\"Yes\"", 2)]
    public void A_key_question_answered_twice_is_found_whatever_the_spelling(string answers, int repeats)
    {
        // The first case teaches the reader's id cache the plain spellings; the second repeats an id.
        var text = Document(CaseText("\"A\"", "\"P2.1.1\":\"Yes\",\"P2.1.2\":\"Yes\""), CaseText("\"B\"", answers));
        var error = Docs.Rejects(text);
        var duplicates = error.Problems.Where(p => p.Code == ProblemCode.DuplicateField).ToList();
        duplicates.Count.ShouldBe(repeats);
        duplicates.ShouldAllBe(d => d.Message.EndsWith("is answered twice", StringComparison.Ordinal) && d.Path.StartsWith("$.cases[1].answers", StringComparison.Ordinal));
    }

    [Test]
    public void Distinct_ids_and_answers_read_through_the_fast_path_tally_as_counted()
    {
        var text = Document(CaseText("\"A\"", "\"P2.1.1\":\"Yes\""), CaseText("\"\\u0041x\"", "\"P2\\u002e1.1\":\"No\""), CaseText("\"B\"", "\"P2.1.1\":\"N/A\""));
        var document = FindingsReader.Read(Encoding.UTF8.GetBytes(text), "fast.json");
        var tally = document.Input.Tallies.KeyQuestions[0];
        (tally.Yes, tally.Relevant).ShouldBe((1L, 2L));
        document.Input.Tallies.Cases!.Value.Inspected.ShouldBe(3);
    }

    [Test]
    public void A_case_before_the_framework_is_bound_later_and_placed_at_its_own_line()
    {
        // The framework comes after the cases, so the cases wait for it; the bad one is reported at its line.
        var good = CaseText("\"A\"", "\"P2.1.1\":\"Yes\"");
        var bad = CaseText("\"B\"", "\"P9.9.9\":\"Yes\"");
        var text = "{\n\"unit\":\"Test PDU\",\n\"cases\":[\n" + good + ",\n  " + bad + "\n],\n"
            + Document().Substring(1).Replace("\"unit\":\"Test PDU\",", string.Empty, StringComparison.Ordinal).Replace(",\"cases\":[]", string.Empty, StringComparison.Ordinal);
        text.IndexOf("\"framework\"", StringComparison.Ordinal).ShouldBeGreaterThan(text.IndexOf(bad, StringComparison.Ordinal));
        var error = Docs.Rejects(text);
        var problem = error.Problems.Single(p => p.Code == ProblemCode.UnknownKeyQuestion);
        problem.Line.ShouldBe(5);   // "{", "unit", "cases":[, the good case, then the bad one
        problem.Column.ShouldBe(3); // after two spaces
    }

    [TestCase("Mappa", "\\u004dappa")]
    [TestCase("ChildProtection", "Child\\u0050rotection")]
    [TestCase("IntensiveSupervisionCourt", "intensive supervision court")]
    public void An_exemption_spelt_with_escapes_or_folded_reads_as_its_canonical_spelling(string canonical, string other)
    {
        // The fast path takes the canonical spelling as bytes; any other goes the slow way, which must agree.
        string Exempt(string exemption) => CaseText("\"A\"", "\"P2.1.1\":\"Yes\"").Replace("\"suspended\":null,\"exemption\":null", $"\"suspended\":\"2024-10-01\",\"exemption\":\"{exemption}\"", StringComparison.Ordinal);
        var plain = FindingsReader.Read(Encoding.UTF8.GetBytes(Document(Exempt(canonical))), "plain.json", new FindingsReaderOptions { KeepCases = true });
        var spelt = FindingsReader.Read(Encoding.UTF8.GetBytes(Document(Exempt(other))), "spelt.json", new FindingsReaderOptions { KeepCases = true });
        plain.Cases[0].Exemption.ShouldBe(Enum.Parse<Exemption>(canonical));
        spelt.Cases.ShouldBe(plain.Cases);
        spelt.Input.ShouldBe(plain.Input);
    }

    [Test]
    public void Reading_without_keeping_cases_allocates_little_per_case_beyond_the_id_set()
    {
        const int n = 20_000;
        var cases = Enumerable.Range(0, n).Select(i => CaseText($"\"C{i:D8}\"", i % 2 == 0 ? "\"P2.1.1\":\"Yes\"" : "\"P2.1.1\":\"No\"")).ToArray();
        var bytes = Encoding.UTF8.GetBytes(Document(cases));
        FindingsReader.Read(bytes, "warm.json"); // JIT and first-call costs outside the measurement
        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = FindingsReader.Read(bytes, "many.json");
        var perCase = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        document.Input.Tallies.KeyQuestions[0].ShouldBe(new Scoring.KeyQuestionTally(n / 2, n));

        // The id set holds each id (a letter and 8 digits) whole in an 8-byte entry, in one table sized from the
        // document's length after 256 cases to be two thirds full: some 12 bytes a case, plus the reader's fixed
        // costs spread over the cases. A case object, its answers, its id string and its list were about 900 bytes
        // before issue 14; ids in blocks and a table grown by doubling were 50-70 bytes after it.
        perCase.ShouldBeLessThan(20, $"{perCase:0.0} bytes a case");
    }
}
