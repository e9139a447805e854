using System.Collections.Immutable;
using System.Text;
using Probation.Standards.Bulk;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The rating core's refusals and its R9 warnings, each named and worded: a caller who passes the wrong thing learns
/// which argument and why, and an auditor reads the same words for the same case every time.
/// </summary>
public class CoreGuardTests
{
    private static Framework Default => FrameworkCatalog.DefaultFramework;

    private static Framework Other => FrameworkCatalog.Default.GetFramework("probation-2018");

    [Test]
    public void Null_arguments_are_refused_by_name()
    {
        Should.Throw<ArgumentNullException>(() => Rater.Rate(null!)).ParamName.ShouldBe("input");
        Should.Throw<ArgumentNullException>(() => Explainer.Explain(null!)).ParamName.ShouldBe("result");
        Should.Throw<ArgumentNullException>(() => Banding.BandOf(null!, new KeyQuestionTally(1, 2), BandingBasis.ExactRatio)).ParamName.ShouldBe("framework");
        Should.Throw<ArgumentNullException>(() => TallySet.Empty(null!)).ParamName.ShouldBe("framework");
        Should.Throw<ArgumentNullException>(() => TallySet.From(null!, Array.Empty<KeyValuePair<string, KeyQuestionTally>>())).ParamName.ShouldBe("framework");
        Should.Throw<ArgumentNullException>(() => TallySet.From(Default, null!)).ParamName.ShouldBe("tallies");
        Should.Throw<ArgumentNullException>(() => TallySet.Empty(Default).Merge(null!)).ParamName.ShouldBe("other");
        Should.Throw<ArgumentNullException>(() => BulkTally.Tally(null!)).ParamName.ShouldBe("batch");
        Should.Throw<ArgumentNullException>(() => new TallyBuilder(null!)).ParamName.ShouldBe("framework");
        Should.Throw<ArgumentNullException>(() => new TallyBuilder(Default).Add(null!)).ParamName.ShouldBe("inspectedCase");
        Should.Throw<ArgumentNullException>(() => TallyBuilder.Tally(Default, null!)).ParamName.ShouldBe("cases");
        Should.Throw<ArgumentNullException>(() => new CaseBatch(Default).Add((InspectedCase)null!)).ParamName.ShouldBe("inspectedCase");
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(int.MinValue)]
    public void BulkTally_refuses_fewer_than_one_thread(int parallelism)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => BulkTally.Tally(new CaseBatch(Default), parallelism));
        ex.ParamName.ShouldBe("parallelism");
        ex.ActualValue.ShouldBe(parallelism);
        ex.Message.ShouldStartWith("parallelism must be at least 1");
    }

    [Test]
    public void BulkTally_on_one_thread_is_accepted()
    {
        var batch = new CaseBatch(Default);
        batch.Add(Enumerable.Repeat(Answer.Yes, Default.KeyQuestions.Count).ToArray());
        BulkTally.Tally(batch, 1).GetTally("P2.1.1").ShouldBe(new KeyQuestionTally(1, 1));
    }

    [Test]
    public void A_mask_of_another_length_is_refused_and_an_unknown_path_is_named()
    {
        var words = new ulong[] { 0b1011, 0b1 };
        var mask = Should.Throw<ArgumentException>(() => PopCountKernels.Count(words, new ulong[] { 1 }, PopCountPath.Swar));
        mask.ParamName.ShouldBe("mask");
        mask.Message.ShouldStartWith("the mask must be empty or as long as the words");

        var path = Should.Throw<ArgumentOutOfRangeException>(() => PopCountKernels.Count(words, default, (PopCountPath)99));
        path.ParamName.ShouldBe("path");
        path.ActualValue.ShouldBe((PopCountPath)99);
        path.Message.ShouldStartWith("not available on this build or CPU");

        // Empty mask: every bit; a mask as long as the words: the bits not in it.
        PopCountKernels.Count(words, default, PopCountPath.Swar).ShouldBe(4);
        PopCountKernels.Count(words, new ulong[] { 0b0011, 0 }, PopCountPath.Swar).ShouldBe(2);
    }

    [Test]
    public void Points_of_a_value_outside_the_rating_enum_are_refused()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => Default.GetPoints((Rating)99));
        ex.ParamName.ShouldBe("rating");
        ex.ActualValue.ShouldBe((Rating)99);
        ex.Message.ShouldStartWith("not a rating");
    }

    [Test]
    public void A_case_of_another_framework_is_refused_by_a_batch_and_a_builder_naming_both()
    {
        var other = InspectedCase.Create(Other, "C-7", Other.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, Answer.Yes)));

        var batch = Should.Throw<ArgumentException>(() => new CaseBatch(Default).Add(other));
        batch.ParamName.ShouldBe("inspectedCase");
        batch.Message.ShouldStartWith("case C-7 follows probation-2018 (2018.1); this batch holds probation-pdu-2023 (2023.2)");

        var builder = Should.Throw<ArgumentException>(() => new TallyBuilder(Default).Add(other));
        builder.ParamName.ShouldBe("inspectedCase");
        builder.Message.ShouldStartWith("case C-7 follows probation-2018 (2018.1); this builder tallies probation-pdu-2023 (2023.2)");
    }

    [Test]
    public void A_framework_equal_to_the_builders_but_read_again_is_accepted()
    {
        var again = FrameworkJson.Read(FrameworkJson.DefaultCopy());
        ReferenceEquals(again, Default).ShouldBeFalse();
        again.ShouldBe(Default);
        var answers = again.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, Answer.No));
        var builder = new TallyBuilder(Default);
        builder.Add(InspectedCase.Create(again, "C-1", answers)).ShouldBe(CaseClass.Core);
        builder.ToTallySet().GetTally("P2.4.3").ShouldBe(new KeyQuestionTally(0, 1));
    }

    [Test]
    public void Tallies_of_another_framework_do_not_merge_and_an_unknown_key_question_is_named()
    {
        var merge = Should.Throw<ArgumentException>(() => TallySet.Empty(Default).Merge(TallySet.Empty(Other)));
        merge.ParamName.ShouldBe("other");
        merge.Message.ShouldStartWith("cannot merge tallies of probation-2018 (2018.1) into tallies of probation-pdu-2023 (2023.2)");

        var unknown = Should.Throw<ArgumentException>(() => TallySet.From(Default, new[] { new KeyValuePair<string, KeyQuestionTally>("P9.9.9", new KeyQuestionTally(1, 1)) }));
        unknown.ParamName.ShouldBe("tallies");
        unknown.Message.ShouldStartWith("unknown key question 'P9.9.9' in probation-pdu-2023");
    }

    [Test]
    public void TallySet_From_names_a_question_given_twice_one_both_given_and_absent_and_one_missing()
    {
        var all = Default.KeyQuestions.Select(q => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(1, 2))).ToList();

        var twice = Should.Throw<ArgumentException>(() => TallySet.From(Default, all.Append(all[0])));
        twice.ParamName.ShouldBe("tallies");
        twice.Message.ShouldStartWith("P2.1.1 is given twice");

        var both = Should.Throw<ArgumentException>(() => TallySet.From(Default, all, absent: new[] { "P2.3.2" }));
        both.ParamName.ShouldBe("absent");
        both.Message.ShouldStartWith("P2.3.2 is both given and named absent");

        var missing = Should.Throw<ArgumentException>(() => TallySet.From(Default, all.Where(p => p.Key != "P2.2.3")));
        missing.ParamName.ShouldBe("tallies");
        missing.Message.ShouldStartWith("P2.2.3 is not given; name it in absent if it has no result on purpose");

        var absent = TallySet.From(Default, all.Where(p => p.Key != "P2.2.3"), absent: new[] { "P2.2.3" });
        absent.IsGiven("P2.2.3").ShouldBeFalse();
        absent.IsGiven("P2.2.2").ShouldBeTrue();
        absent.GetTally("P2.2.3").ShouldBe(KeyQuestionTally.Zero);
    }

    [Test]
    public void R9_an_exempt_suspended_case_is_named_with_its_exemption_and_date()
    {
        var builder = new TallyBuilder(Default);
        builder.Add(Case("X", new DateTime(2024, 7, 1), new DateTime(2024, 8, 1), Exemption.Mappa)).ShouldBe(CaseClass.Exempt);
        var warning = builder.Warnings.Single();
        warning.Code.ShouldBe(WarningCode.SuspendedButExempt);
        warning.Message.ShouldBe("case 'X' is exempt (Mappa) but has contact suspended from 2024-08-01; it is judged against core standards and not counted as Reset");
        warning.CaseId.ShouldBe("X");
        builder.ToTallySet().Cases!.Value.SuspendedButExempt.ShouldBe(1);
    }

    [Test]
    public void R9_a_suspension_the_day_before_Reset_began_is_counted_as_given_with_a_warning()
    {
        var builder = new TallyBuilder(Default);
        builder.Add(Case("P", new DateTime(2024, 5, 1), new DateTime(2024, 6, 6), null)).ShouldBe(CaseClass.Adjusted);
        var warning = builder.Warnings.Single();
        warning.Code.ShouldBe(WarningCode.SuspendedBeforeReset);
        warning.Message.ShouldBe("case 'P' has contact suspended on 2024-06-06, before Probation Reset began on 2024-06-07; counted as given");
        warning.CaseId.ShouldBe("P");
    }

    [Test]
    public void R9_a_suspension_on_the_day_Reset_began_raises_no_warning()
    {
        var builder = new TallyBuilder(Default);
        builder.Add(Case("Q", new DateTime(2024, 5, 1), new DateTime(2024, 6, 7), null)).ShouldBe(CaseClass.Adjusted);
        builder.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void R9_an_exempt_case_suspended_on_the_day_Reset_began_raises_only_the_exempt_warning()
    {
        // An exempt case always reaches the suspension warnings; the day Reset began is not before it.
        var builder = new TallyBuilder(Default);
        builder.Add(Case("R", new DateTime(2024, 5, 1), new DateTime(2024, 6, 7), Exemption.Mappa)).ShouldBe(CaseClass.Exempt);
        builder.Warnings.Select(w => w.Code).ShouldBe(new[] { WarningCode.SuspendedButExempt });
    }

    [Test]
    public void R9_an_exempt_case_suspended_before_Reset_began_raises_both_warnings_in_order()
    {
        var builder = new TallyBuilder(Default);
        builder.Add(Case("Z", new DateTime(2024, 1, 1), new DateTime(2024, 2, 29), Exemption.ChildProtection)).ShouldBe(CaseClass.Exempt);
        builder.Warnings.Select(w => w.Code).ShouldBe(new[] { WarningCode.SuspendedButExempt, WarningCode.SuspendedBeforeReset });
        builder.Warnings[0].Message.ShouldBe("case 'Z' is exempt (ChildProtection) but has contact suspended from 2024-02-29; it is judged against core standards and not counted as Reset");
    }

    [Test]
    public void R9_the_not_applicable_when_adjusted_warning_names_the_case_and_the_key_question()
    {
        var warning = TallyBuilder.NotApplicableWhenAdjusted(Default, "A", 3);
        warning.Code.ShouldBe(WarningCode.AnswerNotApplicableWhenAdjusted);
        warning.Message.ShouldBe("case 'A' has the adjusted standards, under which P2.2.1 does not apply; its answer is not counted");
        warning.KeyQuestionId.ShouldBe("P2.2.1");
        warning.CaseId.ShouldBe("A");
        warning.StandardId.ShouldBeNull();
    }

    [Test]
    public void A_case_made_without_tags_has_empty_tags_not_a_default_array()
    {
        var answers = Enumerable.Repeat(Answer.Yes, Default.KeyQuestions.Count).ToImmutableArray();
        var made = new InspectedCase(Default, "T", null, null, null, null, answers, (1UL << answers.Length) - 1);
        made.Tags.AsImmutableArray().IsDefault.ShouldBeFalse();
        made.Tags.ShouldBeEmpty();
    }

    [Test]
    public void A_framework_file_of_a_byte_order_mark_and_null_is_read_past_the_mark()
    {
        var ex = Should.Throw<InvalidInputException>(() => FrameworkCatalog.ReadFramework(new MemoryStream(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'n', (byte)'u', (byte)'l', (byte)'l' }), "odd.json"));
        ex.Problems.Single().Message.ShouldBe("a framework must be a JSON object, not null");
        ex.Problems.Single().File.ShouldBe("odd.json");
    }

    [TestCase(0xE2, 0xBB, 0xBF)]
    [TestCase(0xEF, 0xBC, 0xBF)]
    [TestCase(0xEF, 0xBB, 0xBE)]
    public void Three_bytes_that_are_not_the_byte_order_mark_are_not_skipped(int first, int second, int third)
    {
        var bytes = new[] { (byte)first, (byte)second, (byte)third, (byte)'n', (byte)'u', (byte)'l', (byte)'l' };
        var ex = Should.Throw<InvalidInputException>(() => FrameworkCatalog.ReadFramework(new MemoryStream(bytes), "odd.json"));
        ex.Problems.ShouldNotBeEmpty();
        ex.Problems.ShouldAllBe(p => p.File == "odd.json" && p.Code == ProblemCode.InvalidFramework);
        ex.Problems.ShouldNotContain(p => p.Message.Contains("not null"));
        ex.Problems[0].Line.ShouldBe(1);
        ex.Problems[0].Column.ShouldBe(1);
    }

    private static InspectedCase Case(string id, DateTime start, DateTime suspended, Exemption? exemption) =>
        InspectedCase.Create(
            Default,
            id,
            Default.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, Answer.Yes)),
            start: start,
            suspended: suspended,
            exemption: exemption);
}
