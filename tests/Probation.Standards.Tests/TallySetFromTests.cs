using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>Tallies counted elsewhere (a SQL GROUP BY, a Spark aggregate) enter the waist through TallySet.From.</summary>
public class TallySetFromTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    [Test]
    public void Counts_from_a_group_by_rate_like_the_same_cases()
    {
        // Two cases answering every key question: one Yes, one No, so every question is 1/2 = 50%.
        var cases = new[] { "C1", "C2" }.Select((id, i) => Findings.InspectedCase.Create(
            Framework, id, Framework.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, i == 0 ? Answer.Yes : Answer.No))));
        var fromCases = TallySet.Of(Framework, cases);
        var rows = Framework.KeyQuestions.Select(q => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(1, 2)));
        var counts = new CaseCounts(Inspected: 2, Core: 2, Exempt: 0, SuspendedAfterThreshold: 0, Adjusted: 0, SuspendedButExempt: 0, CommunityOrders: 0, SuspendedSentenceOrders: 0, Licences: 0, PostSentenceSupervision: 0);

        TallySet.From(Framework, rows, counts).ShouldBe(fromCases);
    }

    [Test]
    public void A_key_question_not_given_has_no_relevant_case()
    {
        var tallies = TallySet.From(Framework, new[] { new KeyValuePair<string, KeyQuestionTally>("P2.1.1", new KeyQuestionTally(3, 4)) });
        tallies.KeyQuestions[0].ShouldBe(new KeyQuestionTally(3, 4));
        tallies.KeyQuestions.Skip(1).ShouldAllBe(t => !t.HasResult);
    }

    [TestCase("P2.9.9", Description = "unknown id")]
    [TestCase("P2.1", Description = "a standard, not a key question")]
    public void Unknown_ids_are_refused(string id) =>
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, new[] { new KeyValuePair<string, KeyQuestionTally>(id, KeyQuestionTally.Zero) }));

    [Test]
    public void A_key_question_given_twice_is_refused() =>
        Should.Throw<ArgumentException>(() => TallySet.From(Framework, new[]
        {
            new KeyValuePair<string, KeyQuestionTally>("P2.1.1", KeyQuestionTally.Zero),
            new KeyValuePair<string, KeyQuestionTally>("P2.1.1", KeyQuestionTally.Zero),
        }));
}
