using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// TallyBuilder counts frameworks of 8 to 16 key questions in byte lanes that it adds to its totals every 255 cases
/// and when asked for the tallies: these tests count the same cases with a plain loop, on both sides of every
/// spill, for frameworks in and out of that range, with adjusted cases (counted one answer at a time) mixed in.
/// </summary>
[TestFixture]
public class TallyBuilderLaneTests
{
    private static readonly int[] KeyQuestionCounts = { 1, 4, 7, 8, 9, 12, 15, 16, 17, 21 };
    private static readonly int[] CaseCounts = { 1, 254, 255, 256, 509, 510, 511, 1000 };

    public static IEnumerable<TestCaseData> Sizes() =>
        from k in KeyQuestionCounts
        from n in CaseCounts
        select new TestCaseData(k, n).SetName($"{k} key questions, {n} cases");

    [TestCaseSource(nameof(Sizes))]
    public void Every_answer_is_counted_whatever_the_number_of_key_questions_and_cases(int keyQuestions, int cases)
    {
        var framework = FrameworkOf(keyQuestions);
        framework.KeyQuestions.Count.ShouldBe(keyQuestions);
        var random = new Random((keyQuestions * 7919) + cases);
        var answers = Enumerable.Range(0, cases).Select(_ => RandomAnswers(random, keyQuestions)).ToList();

        var builder = new TallyBuilder(framework);
        var half = cases / 2;
        for (var c = 0; c < cases; c++)
        {
            if (c == half)
            {
                // Asking for the tallies part way must neither lose nor double the answers not yet spilled.
                ShouldCount(builder.ToTallySet(), answers.Take(half).ToList(), keyQuestions);
            }

            builder.Add(TestCases.Make("C" + c, answers[c], framework: framework));
        }

        ShouldCount(builder.ToTallySet(), answers, keyQuestions);
        ShouldCount(builder.ToTallySet(), answers, keyQuestions);
        builder.Count.ShouldBe(cases);
    }

    [Test]
    public void All_yes_past_many_spills_counts_every_case()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var builder = new TallyBuilder(framework);
        var all = Enumerable.Repeat(Answer.Yes, framework.KeyQuestions.Count).ToArray();
        const int cases = (255 * 4) + 3;
        for (var c = 0; c < cases; c++)
        {
            builder.Add(TestCases.Make("C" + c, all));
        }

        var tallies = builder.ToTallySet();
        foreach (var question in framework.KeyQuestions)
        {
            tallies.GetTally(question.Id).ShouldBe(new KeyQuestionTally(cases, cases), question.Id);
        }
    }

    [Test]
    public void Adjusted_cases_between_core_cases_are_counted_apart_from_the_lanes()
    {
        var framework = FrameworkVariants.WithAdjustedExclusions;
        var excluded = framework.Reset.NotApplicableWhenAdjusted.Select(id => framework.GetKeyQuestion(id).Index).ToHashSet();
        excluded.Count.ShouldBeGreaterThan(0);
        var start = new DateTime(2024, 9, 2);
        var random = new Random(20261206);
        var builder = new TallyBuilder(framework);
        var yes = new long[framework.KeyQuestions.Count];
        var relevant = new long[framework.KeyQuestions.Count];
        for (var c = 0; c < 700; c++)
        {
            var answers = RandomAnswers(random, framework.KeyQuestions.Count);
            var adjusted = c % 3 == 0;
            builder.Add(TestCases.Make("C" + c, answers, start: start, suspended: adjusted ? start.AddDays(30) : null, framework: framework))
                .ShouldBe(adjusted ? CaseClass.Adjusted : CaseClass.Core);
            for (var q = 0; q < answers.Length; q++)
            {
                if (answers[q] == Answer.NotApplicable || (adjusted && excluded.Contains(q)))
                {
                    continue;
                }

                relevant[q]++;
                yes[q] += answers[q] == Answer.Yes ? 1 : 0;
            }
        }

        var tallies = builder.ToTallySet();
        for (var q = 0; q < yes.Length; q++)
        {
            tallies.GetTally(framework.KeyQuestions[q].Id).ShouldBe(new KeyQuestionTally(yes[q], relevant[q]), framework.KeyQuestions[q].Id);
        }
    }

    private static Answer[] RandomAnswers(Random random, int keyQuestions) =>
        Enumerable.Range(0, keyQuestions).Select(_ => (Answer)random.Next(3)).ToArray();

    private static void ShouldCount(TallySet tallies, IReadOnlyList<Answer[]> answers, int keyQuestions)
    {
        for (var q = 0; q < keyQuestions; q++)
        {
            long yes = 0;
            long relevant = 0;
            foreach (var caseAnswers in answers)
            {
                if (caseAnswers[q] == Answer.Yes)
                {
                    yes++;
                    relevant++;
                }
                else if (caseAnswers[q] == Answer.No)
                {
                    relevant++;
                }
            }

            var id = tallies.Framework.KeyQuestions[q].Id;
            tallies.GetTally(id).ShouldBe(new KeyQuestionTally(yes, relevant), $"{id} after {answers.Count} cases");
        }
    }

    // The default framework with its first case standard given the key questions left over once each other case
    // standard keeps one (or, for fewer key questions than case standards, the first standards one each).
    private static Framework FrameworkOf(int keyQuestions)
    {
        var json = FrameworkJson.DefaultCopy();
        var standards = json["standards"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["keyQuestions"] is JsonArray { Count: > 0 }).ToList();
        var template = standards[0]["keyQuestions"]![0]!.AsObject();
        var rest = Math.Min(standards.Count - 1, keyQuestions - 1);
        var counts = new int[standards.Count];
        counts[0] = keyQuestions - rest;
        for (var s = 1; s <= rest; s++)
        {
            counts[s] = 1;
        }

        for (var s = 0; s < standards.Count; s++)
        {
            if (counts[s] == 0)
            {
                json["standards"]!.AsArray().Remove(standards[s]);
                continue;
            }

            var list = new JsonArray();
            for (var k = 1; k <= counts[s]; k++)
            {
                var question = template.DeepClone().AsObject();
                question["id"] = $"{standards[s]["id"]!.GetValue<string>()}.{k}";
                list.Add(question);
            }

            standards[s]["keyQuestions"] = list;
        }

        json["id"] = $"lanes-{keyQuestions}";
        return FrameworkJson.Read(json);
    }
}
