using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Tests.Bulk;

/// <summary>
/// What a <see cref="CaseBatch"/> promises a caller: its capacity grows by doubling from four words, its word
/// count is ceil(Count / 64), answers read back as written and changing one leaves its neighbours alone, and every
/// argument it cannot hold is refused with the parameter named and the reason given.
/// </summary>
public class CaseBatchContractTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    private static Answer[] All(Answer answer) => Enumerable.Repeat(answer, Default.KeyQuestions.Count).ToArray();

    [Test]
    public void Capacity_is_whole_words_and_grows_by_doubling_from_four()
    {
        new CaseBatch(Default).Capacity.ShouldBe(0);
        new CaseBatch(Default, 1).Capacity.ShouldBe(64);
        new CaseBatch(Default, 64).Capacity.ShouldBe(64);
        new CaseBatch(Default, 100).Capacity.ShouldBe(128);

        var batch = new CaseBatch(Default);
        batch.Add(All(Answer.Yes));
        batch.Capacity.ShouldBe(4 * 64);
        for (var i = 1; i < 256; i++)
        {
            batch.Add(All(Answer.No));
        }

        batch.Capacity.ShouldBe(256);
        batch.Add(All(Answer.No)).ShouldBe(256);
        batch.Capacity.ShouldBe(512);

        var roomy = new CaseBatch(Default, 640);
        roomy.Add(All(Answer.Yes));
        roomy.Capacity.ShouldBe(640);
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(63, 1)]
    [TestCase(64, 1)]
    [TestCase(65, 2)]
    [TestCase(128, 2)]
    [TestCase(129, 3)]
    public void Word_count_is_the_count_over_64_rounded_up(int cases, int words)
    {
        var batch = new CaseBatch(Default);
        for (var i = 0; i < cases; i++)
        {
            batch.Add(All(Answer.Yes));
        }

        batch.Count.ShouldBe(cases);
        batch.WordCount.ShouldBe(words);
        batch.YesPlane(0).Length.ShouldBe(words);
        batch.RelevantPlane(11).Length.ShouldBe(words);
        batch.AdjustedPlane().Length.ShouldBe(words);
    }

    [Test]
    public void Answers_read_back_as_written_and_a_change_touches_one_case_and_one_key_question()
    {
        var batch = new CaseBatch(Default);
        var answers = new[] { Answer.Yes, Answer.No, Answer.NotApplicable };
        for (var i = 0; i < 130; i++)
        {
            batch.Add(Enumerable.Range(0, 12).Select(q => answers[(i + q) % 3]).ToArray());
        }

        foreach (var (caseIndex, question) in new[] { (0, 0), (63, 5), (64, 11), (129, 7) })
        {
            foreach (var answer in new[] { Answer.Yes, Answer.No, Answer.NotApplicable, Answer.Yes, Answer.NotApplicable, Answer.No })
            {
                batch.SetAnswer(caseIndex, question, answer);
                batch.GetAnswer(caseIndex, question).ShouldBe(answer);
            }

            batch.SetAnswer(caseIndex, question, answers[(caseIndex + question) % 3]);
        }

        for (var i = 0; i < 130; i++)
        {
            for (var q = 0; q < 12; q++)
            {
                batch.GetAnswer(i, q).ShouldBe(answers[(i + q) % 3], $"case {i}, key question {q}");
            }
        }
    }

    [Test]
    public void Case_counts_follow_each_case_added()
    {
        var batch = new CaseBatch(Default);
        batch.Add(All(Answer.Yes), CaseClass.Adjusted, SentenceType.Licence, suspended: true);
        batch.Add(All(Answer.Yes), CaseClass.SuspendedAfterThreshold, null, suspended: true);
        batch.Add(All(Answer.Yes), CaseClass.Exempt, SentenceType.CommunityOrder, suspended: true);
        batch.Add(All(Answer.Yes), CaseClass.Exempt, null, suspended: false);
        batch.Add(All(Answer.Yes));
        var cases = batch.Cases;
        cases.Inspected.ShouldBe(5);
        cases.Adjusted.ShouldBe(1);
        cases.SuspendedAfterThreshold.ShouldBe(1);
        cases.Exempt.ShouldBe(2);
        cases.SuspendedButExempt.ShouldBe(1);
        cases.Licences.ShouldBe(1);
        cases.CommunityOrders.ShouldBe(1);
        cases.Core.ShouldBe(1);
        batch.AdjustedPlane()[0].ShouldBe(1UL);

        batch.Clear();
        batch.Count.ShouldBe(0);
        batch.Cases.Inspected.ShouldBe(0);
        batch.WordCount.ShouldBe(0);
        batch.Add(All(Answer.No));
        batch.AdjustedPlane()[0].ShouldBe(0UL);
        batch.YesPlane(3)[0].ShouldBe(0UL);
        batch.RelevantPlane(3)[0].ShouldBe(1UL);
    }

    [Test]
    public void Arguments_it_cannot_hold_are_refused_by_name()
    {
        Should.Throw<ArgumentNullException>(() => new CaseBatch(null!)).ParamName.ShouldBe("framework");
        var negative = Should.Throw<ArgumentOutOfRangeException>(() => new CaseBatch(Default, -1));
        negative.ParamName.ShouldBe("capacity");
        negative.Message.ShouldStartWith("capacity must not be negative");

        var batch = new CaseBatch(Default);
        var count = Should.Throw<ArgumentException>(() => batch.Add(new Answer[11]));
        count.ParamName.ShouldBe("answers");
        count.Message.ShouldStartWith("a case of probation-pdu-2023 has 12 answers, not 11");

        var badAnswer = All(Answer.Yes);
        badAnswer[4] = (Answer)3;
        Should.Throw<ArgumentException>(() => batch.Add(badAnswer)).Message.ShouldStartWith("answer 3 to key question 4 is not Yes, No or NotApplicable");

        var badClass = Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(All(Answer.Yes), (CaseClass)4));
        badClass.ParamName.ShouldBe("caseClass");
        badClass.Message.ShouldStartWith("not a Reset class");
        var badSentence = Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(All(Answer.Yes), CaseClass.Core, (SentenceType)4));
        badSentence.ParamName.ShouldBe("sentence");
        badSentence.Message.ShouldStartWith("not a sentence type");

        var coreSuspended = Should.Throw<ArgumentException>(() => batch.Add(All(Answer.Yes), CaseClass.Core, null, suspended: true));
        coreSuspended.ParamName.ShouldBe("suspended");
        coreSuspended.Message.ShouldStartWith("a Core case cannot carry a suspension date (R9)");
        Should.Throw<ArgumentException>(() => batch.Add(All(Answer.Yes), CaseClass.Adjusted, null, suspended: false))
            .Message.ShouldStartWith("a Adjusted case needs a suspension date (R9)");
        Should.Throw<ArgumentException>(() => batch.Add(All(Answer.Yes), CaseClass.SuspendedAfterThreshold, null, suspended: false))
            .Message.ShouldStartWith("a SuspendedAfterThreshold case needs a suspension date (R9)");
        batch.Count.ShouldBe(0, "nothing refused is added");

        Should.Throw<ArgumentNullException>(() => batch.Add((Cases.InspectedCase)null!)).ParamName.ShouldBe("inspectedCase");

        batch.Add(All(Answer.Yes));
        foreach (var caseIndex in new[] { -1, 1, int.MaxValue })
        {
            var e = Should.Throw<ArgumentOutOfRangeException>(() => batch.GetAnswer(caseIndex, 0));
            e.ParamName.ShouldBe("caseIndex");
            e.Message.ShouldStartWith("the batch holds 1 cases");
            Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(caseIndex, 0, Answer.No)).ParamName.ShouldBe("caseIndex");
        }

        foreach (var question in new[] { -1, 12 })
        {
            var e = Should.Throw<ArgumentOutOfRangeException>(() => batch.GetAnswer(0, question));
            e.ParamName.ShouldBe("keyQuestionIndex");
            e.Message.ShouldStartWith("the framework has 12 key questions");
            Should.Throw<ArgumentOutOfRangeException>(() => batch.YesPlane(question).Length).ParamName.ShouldBe("keyQuestionIndex");
            Should.Throw<ArgumentOutOfRangeException>(() => batch.RelevantPlane(question).Length).ParamName.ShouldBe("keyQuestionIndex");
        }

        var setBad = Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(0, 0, (Answer)3));
        setBad.ParamName.ShouldBe("answer");
        setBad.Message.ShouldStartWith("not Yes, No or NotApplicable");
        batch.GetAnswer(0, 0).ShouldBe(Answer.Yes);
    }

    [Test]
    public void Answered_key_questions_are_those_some_case_answers()
    {
        var batch = new CaseBatch(Default);
        Enumerable.Range(0, 12).ShouldAllBe(q => !batch.IsAnswered(q));
        batch.Add(All(Answer.NotApplicable));
        Enumerable.Range(0, 12).ShouldAllBe(q => batch.IsAnswered(q));

        var set = new CaseBatch(Default, 10);
        set.Reserve(3).ShouldBe(0);
        set.Count.ShouldBe(3);
        set.IsAnswered(2).ShouldBeFalse();
        set.SetAnswer(1, 2, Answer.No);
        set.IsAnswered(2).ShouldBeTrue();
        set.IsAnswered(3).ShouldBeFalse();
        set.AddCounts(CaseCounts.Of(CaseClass.Core, null, false), 1UL << 5);
        set.IsAnswered(5).ShouldBeTrue();
        set.Cases.Inspected.ShouldBe(1);
        set.Reserve(100).ShouldBe(3);
        set.Capacity.ShouldBeGreaterThanOrEqualTo(103);
    }
}
