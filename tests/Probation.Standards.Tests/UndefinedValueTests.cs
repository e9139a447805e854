using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// An enum value the library does not define, such as <c>(Answer)7</c>, is refused at every door that takes one,
/// never counted as Yes, No or NotApplicable (R3, R10).
/// </summary>
public class UndefinedValueTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static IEnumerable<KeyValuePair<string, Answer>> AllYesBut(string id, Answer answer) =>
        Docs.KeyQuestionIds.Select(q => new KeyValuePair<string, Answer>(q, q == id ? answer : Answer.Yes));

    [TestCase((byte)3)]
    [TestCase((byte)7)]
    [TestCase((byte)255)]
    public void InspectedCase_Create_refuses_an_undefined_answer(byte value)
    {
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", AllYesBut("P2.2.2", (Answer)value)))
            .Message.ShouldContain("P2.2.2");
    }

    [Test]
    public void InspectedCase_Create_refuses_an_undefined_sentence_or_exemption()
    {
        var answers = AllYesBut("P2.1.1", Answer.Yes);
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, sentence: (SentenceType)4));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, sentence: (SentenceType)(-1)));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, exemption: (Exemption)5));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, exemption: (Exemption)(-1)));
    }

    [Test]
    public void InspectedCase_Create_refuses_the_other_broken_rules()
    {
        var answers = AllYesBut("P2.1.1", Answer.Yes).ToArray();
        var start = new DateTime(2024, 9, 2);
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, " ", answers));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers.Append(new KeyValuePair<string, Answer>("P2.9.9", Answer.Yes))));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers.Append(new KeyValuePair<string, Answer>("P2.1.1", Answer.No))));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, start: null, suspended: start));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Framework, "A", answers, start: start, suspended: start.AddDays(-1)));
        InspectedCase.Create(Framework, "A", answers, start: start, suspended: start).Classify().DaysToSuspension.ShouldBe(0);
    }

    [Test]
    public void TallyBuilder_Add_can_only_be_given_cases_whose_answers_were_checked()
    {
        // The builder takes InspectedCase, whose only public factory refuses (Answer)7 above; a refused case adds nothing.
        var builder = new TallyBuilder(Framework);
        Should.Throw<ArgumentException>(() => builder.Add(InspectedCase.Create(Framework, "A", AllYesBut("P2.1.1", (Answer)7))));
        builder.Count.ShouldBe(0);
        builder.ToTallySet().ShouldBe(TallySet.Empty(Framework));
        Should.Throw<ArgumentNullException>(() => builder.Add(null!));
    }

    [TestCase((byte)3)]
    [TestCase((byte)7)]
    public void CaseBatch_Add_refuses_an_undefined_answer_and_keeps_nothing(byte value)
    {
        var batch = new CaseBatch(Framework);
        var answers = new Answer[12];
        answers[5] = (Answer)value;
        Should.Throw<ArgumentException>(() => batch.Add(answers));
        batch.Count.ShouldBe(0);
        batch.Cases.ShouldBe(CaseCounts.Zero);
        BulkTally.Tally(batch).KeyQuestions.ShouldAllBe(t => t == KeyQuestionTally.Zero);
    }

    [Test]
    public void CaseBatch_refuses_undefined_classes_sentences_and_answers_everywhere()
    {
        var batch = new CaseBatch(Framework);
        var answers = new Answer[12];
        Should.Throw<ArgumentException>(() => batch.Add(new Answer[11]));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(answers, (CaseClass)9));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(answers, CaseClass.Core, (SentenceType)4));
        Should.Throw<ArgumentException>(() => batch.Add(answers, CaseClass.Adjusted, suspended: false));
        Should.Throw<ArgumentException>(() => batch.Add(answers, CaseClass.Core, suspended: true));
        batch.Count.ShouldBe(0);

        batch.Add(answers).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(0, 0, (Answer)7));
        batch.GetAnswer(0, 0).ShouldBe(Answer.NotApplicable);
        Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(1, 0, Answer.Yes));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(0, 12, Answer.Yes));
    }

    // The library builds with CheckForOverflowUnderflow, so `(uint)value` of a negative value throws OverflowException
    // before the range check can throw the documented ArgumentOutOfRangeException.
    [Test]
    public void CaseBatch_Add_refuses_negative_enum_values_with_an_argument_exception()
    {
        var batch = new CaseBatch(Framework);
        var answers = new Answer[12];
        Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(answers, (CaseClass)(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.Add(answers, CaseClass.Core, (SentenceType)(-1)));
        batch.Count.ShouldBe(0);
    }

    [Test]
    public void CaseBatch_refuses_negative_indexes_with_an_argument_exception()
    {
        var batch = new CaseBatch(Framework);
        batch.Add(new Answer[12]);
        Should.Throw<ArgumentOutOfRangeException>(() => batch.SetAnswer(-1, 0, Answer.Yes));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.GetAnswer(0, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => batch.YesPlane(-1).Length);
    }

    [Test]
    public void ResetRules_IsExempt_of_a_negative_value_is_false() =>
        Framework.Reset.IsExempt((Exemption)(-1)).ShouldBeFalse();

    [Test]
    public void KeyQuestionTally_Of_refuses_an_undefined_answer() =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyQuestionTally.Of((Answer)7));

    [Test]
    public void Ratings_outside_the_enum_are_refused_in_judgements_and_overrides()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new JudgementRating("P1.1", (Rating)5));
        Should.Throw<ArgumentOutOfRangeException>(() => new RatingOverride("P2.1", (Rating)5, "a reason"));
        Should.Throw<ArgumentOutOfRangeException>(() => new RatingOverride("P2.1", Rating.NotRated, "a reason"));
    }
}
