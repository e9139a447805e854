using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R3, R9: tallies and case counts built case by case, and how tally sets merge.</summary>
public class TallySetTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static InspectedCase Case(string id, string answers, DateTime? start = null, DateTime? suspended = null, Exemption? exemption = null, SentenceType? sentence = null)
    {
        // answers: one letter per key question in framework order, Y, N or - (NotApplicable).
        var array = answers.Select(c => c switch { 'Y' => Answer.Yes, 'N' => Answer.No, _ => Answer.NotApplicable }).ToImmutableArray();
        return new InspectedCase(id, sentence, start, suspended, exemption, array);
    }

    [Test]
    public void R3_Empty_has_a_zero_tally_for_every_key_question_and_no_cases()
    {
        var empty = TallySet.Empty(Framework);
        empty.KeyQuestions.Count.ShouldBe(12);
        empty.KeyQuestions.ShouldAllBe(t => t == KeyQuestionTally.Zero);
        empty.Cases.Inspected.ShouldBe(0);
    }

    [Test]
    public void R3_Of_tallies_each_key_question_over_the_cases()
    {
        var tallies = TallySet.Of(Framework, new[]
        {
            Case("A", "YYYNNN------"),
            Case("B", "YN-YN-YN-YN-"),
        });

        tallies.KeyQuestions.ShouldBe(new[]
        {
            new KeyQuestionTally(2, 2), new KeyQuestionTally(1, 2), new KeyQuestionTally(1, 1),
            new KeyQuestionTally(1, 2), new KeyQuestionTally(0, 2), new KeyQuestionTally(0, 1),
            new KeyQuestionTally(1, 1), new KeyQuestionTally(0, 1), KeyQuestionTally.Zero,
            new KeyQuestionTally(1, 1), new KeyQuestionTally(0, 1), KeyQuestionTally.Zero,
        });
        tallies.Cases.Inspected.ShouldBe(2);
    }

    [Test]
    public void R9_TallyBuilder_returns_each_cases_class_and_counts_it()
    {
        var builder = new TallyBuilder(Framework);
        var start = new DateTime(2024, 7, 22);
        builder.Add(Case("A", "YYYYYYYYYYYY", start, start.AddDays(56), sentence: SentenceType.Licence)).ShouldBe(CaseClass.Adjusted);
        builder.Add(Case("B", "NNNNNNNNNNNN", start, start.AddDays(57))).ShouldBe(CaseClass.SuspendedAfterThreshold);
        builder.Add(Case("C", "NNNNNNNNNNNN", start, exemption: Exemption.NationalSecurityDivision)).ShouldBe(CaseClass.Exempt);
        var counts = builder.ToTallySet().Cases;
        counts.ShouldBe(new CaseCounts(Inspected: 3, Core: 0, Exempt: 1, SuspendedAfterThreshold: 1, Adjusted: 1, SuspendedButExempt: 0, CommunityOrders: 0, SuspendedSentenceOrders: 0, Licences: 1, PostSentenceSupervision: 0));
        counts.Reset.ShouldBe(2);
        builder.ToTallySet().KeyQuestions.ShouldAllBe(t => t == new KeyQuestionTally(1, 3));
    }

    [Test]
    public void R3_a_case_with_the_wrong_number_of_answers_is_refused_not_dropped()
    {
        var builder = new TallyBuilder(Framework);
        Should.Throw<ArgumentException>(() => builder.Add(Case("A", "YYY")));
    }

    [Test]
    public void R1_tallies_of_different_frameworks_do_not_merge()
    {
        var json = FrameworkJson.DefaultCopy();
        json["id"] = "other";
        var other = FrameworkJson.Read(json);
        Should.Throw<ArgumentException>(() => TallySet.Empty(Framework).Merge(TallySet.Empty(other)));
    }

    [Test]
    public void R9_case_counts_add_field_by_field()
    {
        var a = CaseCounts.Of(CaseClass.Adjusted, SentenceType.Licence, suspended: true);
        var b = CaseCounts.Of(CaseClass.Exempt, SentenceType.CommunityOrder, suspended: true);
        (a + b).ShouldBe(new CaseCounts(2, 0, 1, 0, 1, 1, 1, 0, 1, 0));
    }
}
