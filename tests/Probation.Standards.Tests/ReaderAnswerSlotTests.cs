using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The reader keeps a case's answers by the slot of its id cache while every id is cached, and moves them to a
/// list of id strings at the first one that is not (an escaped name, a new spelling); the binder looks each slot's
/// key question up once. Both ways give the same tallies and the same problems, word for word.
/// </summary>
public class ReaderAnswerSlotTests
{
    private static readonly string[] Questions = { "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1" };

    private static string CaseText(string id, IEnumerable<string> answers) =>
        $"{{\"id\":\"{id}\",\"sentence\":\"Licence\",\"start\":\"2024-09-02\",\"suspended\":null,\"exemption\":null,\"answers\":{{{string.Join(",", answers)}}}}}";

    private static string Document(IEnumerable<string> cases)
    {
        var doc = Docs.Aggregate();
        foreach (var question in Questions)
        {
            doc["keyQuestions"]!.AsObject().Remove(question);
        }

        doc["cases"] = new JsonArray();
        return doc.ToJsonString().Replace("\"cases\":[]", "\"cases\":[" + string.Join(",", cases) + "]", StringComparison.Ordinal);
    }

    private static string Answer(int caseIndex, int question) => ((caseIndex + question) % 3) switch { 0 => "Yes", 1 => "No", _ => "NotApplicable" };

    // Each case answers the four questions; in the second document they come in an order that changes from case to
    // case, some names escaped (\u002e for the dot), so the cache's guess misses and some cases move to the list.
    private static (string Plain, string Shuffled) Documents(int cases)
    {
        var random = new Random(1414);
        var plain = new List<string>();
        var shuffled = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            plain.Add(CaseText($"C{i:D8}", Questions.Select((q, k) => $"\"{q}\":\"{Answer(i, k)}\"")));
            var order = Enumerable.Range(0, Questions.Length).OrderBy(_ => random.Next()).ToArray();
            shuffled.Add(CaseText($"C{i:D8}", order.Select(k =>
                $"\"{(random.Next(5) == 0 ? Questions[k].Replace(".", "\\u002e", StringComparison.Ordinal) : Questions[k])}\":\"{Answer(i, k)}\"")));
        }

        return (Document(plain), Document(shuffled));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Answers_in_a_changing_order_and_spelling_tally_as_in_a_fixed_order(bool keepCases)
    {
        var (plain, shuffled) = Documents(600);
        var options = new FindingsReaderOptions { KeepCases = keepCases };
        var expected = FindingsReader.Read(Encoding.UTF8.GetBytes(plain), "plain.json", options);
        var actual = FindingsReader.Read(Encoding.UTF8.GetBytes(shuffled), "shuffled.json", options);
        actual.Input.Tallies.KeyQuestions.ShouldBe(expected.Input.Tallies.KeyQuestions);
        actual.Input.Tallies.Cases.ShouldBe(expected.Input.Tallies.Cases);
        if (keepCases)
        {
            actual.Cases.Select(c => c.Answers).ShouldBe(expected.Cases.Select(c => c.Answers));
        }
    }

    [TestCase("\"P2.1.1\":\"Yes\",\"P9.9.9\":\"No\",\"P2.1.2\":\"Yes\"")]
    [TestCase("\"P2.1.1\":\"Yes\",\"P9\\u002e9.9\":\"No\",\"P2.1.2\":\"Yes\"")]
    [TestCase("\"P2\\u002e1.1\":\"Yes\",\"P9.9.9\":\"No\",\"P2.1.2\":\"Yes\"")]
    public void An_unknown_key_question_after_cached_ones_is_reported_once_at_its_case_whatever_the_spelling(string answers)
    {
        // Earlier cases have settled the slots of the known ids; the unknown one is found in the fourth case.
        var cases = Enumerable.Range(0, 3).Select(i => CaseText($"K{i}", Questions.Select(q => $"\"{q}\":\"Yes\""))).ToList();
        cases.Add(CaseText("K3", new[] { answers }));
        cases.Add(CaseText("K4", new[] { "\"P9.9.9\":\"Yes\"" }));
        var error = Docs.Rejects(Document(cases));
        error.Problems.Select(p => (p.Code, p.Path, p.Message)).ShouldBe(new[]
        {
            (ProblemCode.UnknownKeyQuestion, "$.cases[3].answers['P9.9.9']", "unknown key question 'P9.9.9' in probation-pdu-2023"),
            (ProblemCode.UnknownKeyQuestion, "$.cases[4].answers['P9.9.9']", "unknown key question 'P9.9.9' in probation-pdu-2023"),
        });
    }

    [Test]
    public void A_duplicate_id_far_past_the_point_where_the_id_set_is_sized_is_still_found()
    {
        // The set is sized from the document's length after 256 cases; ids of every form are added before and after.
        var ids = Enumerable.Range(0, 1_000).Select(i => (i % 3) switch { 0 => $"C{i:D8}", 1 => $"id-of-case-{i}", _ => $"{i}" }).ToList();
        ids.Add("id-of-case-4");
        ids.Add("C00000300");
        var error = Docs.Rejects(Document(ids.Select(id => CaseText(id, new[] { "\"P2.1.1\":\"Yes\"" }))));
        error.Problems.Select(p => (p.Code, p.Path)).ShouldBe(new[]
        {
            (ProblemCode.KeyQuestionNotGiven, "$.keyQuestions"),
            (ProblemCode.KeyQuestionNotGiven, "$.keyQuestions"),
            (ProblemCode.KeyQuestionNotGiven, "$.keyQuestions"),
            (ProblemCode.DuplicateCaseId, "$.cases[1000].id"),
            (ProblemCode.DuplicateCaseId, "$.cases[1001].id"),
        }, ignoreOrder: true);
    }
}
