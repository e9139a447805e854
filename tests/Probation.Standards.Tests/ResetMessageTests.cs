using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests;

/// <summary>R9's refusals word for word: case counts and classifications name the argument and the reason.</summary>
public class ResetMessageTests
{
    private static ResetRules Rules => FrameworkCatalog.DefaultFramework.Reset;

    private static void Refused<TException>(Action call, string parameter, string message)
        where TException : ArgumentException
    {
        var ex = Should.Throw<TException>(call);
        ex.ParamName.ShouldBe(parameter);
        ex.Message.ShouldStartWith(message);
    }

    [Test]
    public void Counts_of_one_refuse_a_class_or_sentence_outside_the_enums()
    {
        Refused<ArgumentOutOfRangeException>(() => CaseCounts.Of((CaseClass)9, null, false), "class", "not a Reset class");
        Refused<ArgumentOutOfRangeException>(() => CaseCounts.Of(CaseClass.Core, (SentenceType)9, false), "sentence", "not a sentence type");
    }

    [Test]
    public void A_negative_count_is_refused_even_when_the_classes_still_sum_to_the_inspected()
    {
        // 0 inspected = -1 core + 1 exempt: the sum agrees, but no count may be negative.
        Refused<ArgumentOutOfRangeException>(() => _ = new CaseCounts(0, -1, 1, 0, 0), "inspected", "case counts cannot be negative");
    }

    [Test]
    public void Sentences_summing_past_the_inspected_are_refused_whichever_sentence_it_is()
    {
        // 2 inspected; 1 community order and 2 post-sentence supervision make 3.
        Refused<ArgumentOutOfRangeException>(() => _ = new CaseCounts(2, 2, 0, 0, 0, communityOrders: 1, postSentenceSupervision: 2), "inspected", "the sentences sum to 3 cases, more than the 2 inspected");
        new CaseCounts(3, 3, 0, 0, 0, communityOrders: 1, postSentenceSupervision: 2).PostSentenceSupervision.ShouldBe(2);
    }

    [Test]
    public void A_classification_refuses_a_class_outside_the_enum() =>
        Refused<ArgumentOutOfRangeException>(() => _ = new CaseClassification("C1", (CaseClass)9, null), "class", "not a Reset class");

    [Test]
    public void The_classifier_names_what_is_wrong_with_the_dates_or_the_exemption()
    {
        var start = new DateTime(2024, 7, 1);
        Refused<ArgumentOutOfRangeException>(() => ResetClassifier.Classify(start, null, (Exemption)99, Rules, out _), "exemption", "not an exemption");
        Refused<ArgumentException>(() => ResetClassifier.Classify(null, start, null, Rules, out _), "start", "a suspended case needs a start date (R9)");
        Refused<ArgumentException>(() => ResetClassifier.Classify(start, start.AddDays(-1), null, Rules, out _), "suspended", "the suspension date is before the start date (R9)");
    }
}
