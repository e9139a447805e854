using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R3, R9: tallies and case counts built case by case, and how tally sets merge.</summary>
public class TallySetTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static readonly DateTime Start = new(2024, 7, 22);

    [Test]
    public void R3_Empty_has_a_zero_tally_for_every_key_question_nothing_given_and_no_cases()
    {
        var empty = TallySet.Empty(Framework);
        empty.KeyQuestions.Count.ShouldBe(12);
        empty.KeyQuestions.ShouldAllBe(t => t == KeyQuestionTally.Zero);
        empty.Cases.ShouldBe(CaseCounts.Zero);
        Docs.KeyQuestionIds.ShouldAllBe(id => !empty.IsGiven(id));
    }

    [Test]
    public void R3_Tally_counts_each_key_question_over_the_cases()
    {
        var tallies = TallyBuilder.Tally(Framework, new[]
        {
            TestCases.Letters("A", "YYYNNN------"),
            TestCases.Letters("B", "YN-YN-YN-YN-"),
        });

        // Per key question: A's answer, B's answer -> yes / relevant.
        tallies.KeyQuestions.ShouldBe(new[]
        {
            new KeyQuestionTally(2, 2), new KeyQuestionTally(1, 2), new KeyQuestionTally(1, 1),
            new KeyQuestionTally(1, 2), new KeyQuestionTally(0, 2), new KeyQuestionTally(0, 1),
            new KeyQuestionTally(1, 1), new KeyQuestionTally(0, 1), KeyQuestionTally.Zero,
            new KeyQuestionTally(1, 1), new KeyQuestionTally(0, 1), KeyQuestionTally.Zero,
        });
        tallies.GetTally("P2.1.2").ShouldBe(new KeyQuestionTally(1, 2));
        tallies.Cases.ShouldBe(new CaseCounts(inspected: 2, core: 2, exempt: 0, suspendedAfterThreshold: 0, adjusted: 0));
    }

    [Test]
    public void R3_a_key_question_is_given_when_a_case_answers_it_even_NotApplicable()
    {
        var a = InspectedCase.Create(Framework, "A", new[] { new KeyValuePair<string, Answer>("P2.1.1", Answer.Yes), new KeyValuePair<string, Answer>("P2.2.3", Answer.NotApplicable) });
        var tallies = TallyBuilder.Tally(Framework, new[] { a });

        tallies.IsGiven("P2.1.1").ShouldBeTrue();
        tallies.IsGiven("P2.2.3").ShouldBeTrue();
        tallies.GetTally("P2.2.3").ShouldBe(KeyQuestionTally.Zero);
        Docs.KeyQuestionIds.Except(new[] { "P2.1.1", "P2.2.3" }).ShouldAllBe(id => !tallies.IsGiven(id));
        a.GetAnswer("P2.1.2").ShouldBe(Answer.NotApplicable);
    }

    [Test]
    public void R9_TallyBuilder_returns_each_cases_class_and_counts_it()
    {
        var builder = new TallyBuilder(Framework);
        builder.Add(TestCases.Letters("A", "YYYYYYYYYYYY", Start, Start.AddDays(56), sentence: SentenceType.Licence)).ShouldBe(CaseClass.Adjusted);
        builder.Add(TestCases.Letters("B", "NNNNNNNNNNNN", Start, Start.AddDays(57))).ShouldBe(CaseClass.SuspendedAfterThreshold);
        builder.Add(TestCases.Letters("C", "NNNNNNNNNNNN", Start, exemption: Exemption.NationalSecurityDivision)).ShouldBe(CaseClass.Exempt);
        builder.Add(TestCases.Letters("D", "------------", sentence: SentenceType.CommunityOrder)).ShouldBe(CaseClass.Core);
        builder.Count.ShouldBe(4);

        var counts = builder.ToTallySet().Cases!.Value;
        counts.ShouldBe(new CaseCounts(inspected: 4, core: 1, exempt: 1, suspendedAfterThreshold: 1, adjusted: 1, suspendedButExempt: 0, communityOrders: 1, suspendedSentenceOrders: 0, licences: 1, postSentenceSupervision: 0));
        counts.Reset.ShouldBe(2);
        builder.ToTallySet().KeyQuestions.ShouldAllBe(t => t == new KeyQuestionTally(1, 3));
        builder.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void R9_an_exempt_case_with_a_suspension_date_is_not_Reset_and_is_warned_about()
    {
        var builder = new TallyBuilder(Framework);
        builder.Add(TestCases.Letters("X", "YYYYYYYYYYYY", Start, Start.AddDays(10), Exemption.Mappa)).ShouldBe(CaseClass.Exempt);

        var counts = builder.ToTallySet().Cases!.Value;
        counts.Exempt.ShouldBe(1);
        counts.SuspendedButExempt.ShouldBe(1);
        counts.Reset.ShouldBe(0);
        counts.Adjusted.ShouldBe(0);
        builder.Warnings.Select(w => (w.Code, w.CaseId)).ShouldBe(new[] { (WarningCode.SuspendedButExempt, (string?)"X") });
    }

    [Test]
    public void R9_a_suspension_before_Reset_began_counts_as_given_with_a_warning()
    {
        // Suspended 2024-06-06, the day before Reset: 30 days after the start, so adjusted all the same.
        var start = new DateTime(2024, 5, 7);
        var builder = new TallyBuilder(Framework);
        builder.Add(TestCases.Letters("P", "YYYYYYYYYYYY", start, Rules.ResetStarted.AddDays(-1))).ShouldBe(CaseClass.Adjusted);
        builder.Add(TestCases.Letters("Q", "YYYYYYYYYYYY", start, Rules.ResetStarted)).ShouldBe(CaseClass.Adjusted);

        builder.Warnings.Select(w => (w.Code, w.CaseId)).ShouldBe(new[] { (WarningCode.SuspendedBeforeReset, (string?)"P") });
        builder.ToTallySet().Cases!.Value.Adjusted.ShouldBe(2);
    }

    [Test]
    public void R9_key_questions_declared_not_to_apply_to_adjusted_cases_leave_their_answers_out()
    {
        var framework = FrameworkVariants.WithAdjustedExclusions;
        var builder = new TallyBuilder(framework);
        builder.Add(TestCases.Letters("A", "YYYYYYYYYYYY", Start, Start.AddDays(20)).For(framework)).ShouldBe(CaseClass.Adjusted);
        builder.Add(TestCases.Letters("B", "YNYYYYYYYYNY", Start, Start.AddDays(80)).For(framework)).ShouldBe(CaseClass.SuspendedAfterThreshold);
        var tallies = builder.ToTallySet();

        // P2.1.3 and P2.4.2 count only B, the case judged on the core standards.
        tallies.GetTally("P2.1.3").ShouldBe(new KeyQuestionTally(1, 1));
        tallies.GetTally("P2.4.2").ShouldBe(new KeyQuestionTally(0, 1));
        tallies.GetTally("P2.1.2").ShouldBe(new KeyQuestionTally(1, 2));
        tallies.GetTally("P2.4.3").ShouldBe(new KeyQuestionTally(2, 2));
        builder.Warnings.Where(w => w.Code == WarningCode.AnswerNotApplicableWhenAdjusted).Select(w => (w.CaseId, w.KeyQuestionId))
            .ShouldBe(new[] { ((string?)"A", (string?)"P2.1.3"), ("A", "P2.4.2") });
    }

    [Test]
    public void R1_a_case_of_another_framework_is_refused_by_the_builder()
    {
        var other = FrameworkJson.Read(FrameworkJson.Renamed("other", "2023-10-01"));
        var builder = new TallyBuilder(Framework);
        Should.Throw<ArgumentException>(() => builder.Add(TestCases.Letters("A", "YYYYYYYYYYYY").For(other)));
        builder.Count.ShouldBe(0);
    }

    [Test]
    public void R1_tallies_of_different_frameworks_do_not_merge()
    {
        var other = FrameworkJson.Read(FrameworkJson.Renamed("other", "2023-10-01"));
        Should.Throw<ArgumentException>(() => TallySet.Empty(Framework).Merge(TallySet.Empty(other)));
    }

    [Test]
    public void R9_case_counts_add_field_by_field()
    {
        var a = CaseCounts.Of(CaseClass.Adjusted, SentenceType.Licence, suspended: true);
        var b = CaseCounts.Of(CaseClass.Exempt, SentenceType.CommunityOrder, suspended: true);
        (a + b).ShouldBe(new CaseCounts(inspected: 2, core: 0, exempt: 1, suspendedAfterThreshold: 0, adjusted: 1, suspendedButExempt: 1, communityOrders: 1, suspendedSentenceOrders: 0, licences: 1, postSentenceSupervision: 0));
    }

    [Test]
    public void Merging_adds_tallies_and_counts_and_unknown_counts_stay_unknown()
    {
        var cases = TallyBuilder.Tally(Framework, new[] { TestCases.Letters("A", "YYYYYYYYYYYY"), TestCases.Letters("B", "NNNNNNNNNNNN") });
        var counted = TallySet.From(Framework, Docs.KeyQuestionIds.Select(id => new KeyValuePair<string, KeyQuestionTally>(id, new KeyQuestionTally(3, 5))));

        var merged = cases.Merge(counted);
        merged.KeyQuestions.ShouldAllBe(t => t == new KeyQuestionTally(4, 7));
        merged.Cases.ShouldBeNull();
        cases.Merge(cases).Cases!.Value.Inspected.ShouldBe(4);
    }
}
