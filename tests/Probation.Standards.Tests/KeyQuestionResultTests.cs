using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R3: a key question's result is yes / relevant, NotApplicable counts in neither, published percentages are exact.</summary>
public class KeyQuestionResultTests
{
    [Test]
    public void R3_NotApplicable_is_excluded_from_numerator_and_denominator()
    {
        // Yes, No, NotApplicable: 1 Yes of 2 relevant = 50%, Requires improvement (not 1/3 = 33%, Inadequate).
        var result = Docs.Rate(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.1.1=Yes"),
            Docs.Case("B", "P2.1.1=No"),
            Docs.Case("C", "P2.1.1=NotApplicable")));

        var outcome = result.Outcome("P2.1.1");
        outcome.Tally.ShouldBe(new KeyQuestionTally(1, 2));
        outcome.Percent.ShouldBe(50.00m);
        outcome.RoundedPercent.ShouldBe(50);
        outcome.Band.ShouldBe(Rating.RequiresImprovement);
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.RequiresImprovement);
        result.Cases!.Value.Inspected.ShouldBe(3);
    }

    [Test]
    public void R3_a_key_question_absent_from_a_case_is_NotApplicable_for_that_case()
    {
        // B does not answer P2.1.1: P2.1.1 is 1/1 (not 1/2); P2.1.2 is 1/2.
        var result = Docs.Rate(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.1.1=Yes P2.1.2=No"),
            Docs.Case("B", "P2.1.2=Yes")));

        result.Outcome("P2.1.1").Tally.ShouldBe(new KeyQuestionTally(1, 1));
        result.Outcome("P2.1.2").Tally.ShouldBe(new KeyQuestionTally(1, 2));
    }

    [Test]
    public void R3_a_case_without_answers_counts_as_inspected_but_in_no_tally()
    {
        var withEmpty = Docs.Aggregate().WithCases(Docs.Case("A", "P2.1.1=Yes"), Docs.Case("B", string.Empty));
        var result = Docs.Rate(withEmpty);
        result.Outcome("P2.1.1").Tally.ShouldBe(new KeyQuestionTally(1, 1));
        result.Cases!.Value.Inspected.ShouldBe(2);
    }

    [TestCase("NotApplicable")]
    [TestCase("N/A")]
    [TestCase("n/a")]
    [TestCase("Not applicable")]
    [TestCase("notapplicable")]
    public void R3_every_spelling_of_NotApplicable_is_excluded(string spelling)
    {
        var b = Docs.Case("B", string.Empty);
        b["answers"]!["P2.1.1"] = spelling;
        var result = Docs.Rate(Docs.Aggregate().WithCases(Docs.Case("A", "P2.1.1=Yes"), b));
        result.Outcome("P2.1.1").Tally.ShouldBe(new KeyQuestionTally(1, 1));
    }

    [Test]
    public void R3_answers_are_matched_case_insensitively()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.1.1=yes"),
            Docs.Case("B", "P2.1.1=NO"),
            Docs.Case("C", "P2.1.1=YES")));
        result.Outcome("P2.1.1").Tally.ShouldBe(new KeyQuestionTally(2, 3));
    }

    [Test]
    public void R3_a_published_percentage_is_taken_as_exact()
    {
        // 64.5 is exactly 129/200: below 65, so Requires improvement on the exact basis.
        var doc = Docs.Aggregate();
        doc["keyQuestions"]!["P2.1.1"] = 64.5m;
        var result = Docs.Rate(doc);

        var outcome = result.Outcome("P2.1.1");
        outcome.PublishedPercent.ShouldBe(64.5m);
        outcome.Tally.CompareRatio(new KeyQuestionTally(129, 200)).ShouldBe(0);
        outcome.Percent.ShouldBe(64.50m);
        outcome.Band.ShouldBe(Rating.RequiresImprovement);
        result.StandardOf("P2.1").Rating.ShouldBe(Rating.RequiresImprovement);
        result.StandardOf("P2.1").DrivenBy.ShouldBe("P2.1.1");
    }

    [TestCase("0", 0, 1, Rating.Inadequate, Description = "0% is a result (Inadequate), not 'no result'")]
    [TestCase("49.999", 49999, 100000, Rating.Inadequate)]
    [TestCase("50", 1, 2, Rating.RequiresImprovement)]
    [TestCase("64.99", 6499, 10000, Rating.RequiresImprovement)]
    [TestCase("65", 13, 20, Rating.Good)]
    [TestCase("65.0", 13, 20, Rating.Good, Description = "a trailing zero changes nothing")]
    [TestCase("6.5e1", 13, 20, Rating.Good, Description = "exponent notation is still a number")]
    [TestCase("79.99", 7999, 10000, Rating.Good)]
    [TestCase("80", 4, 5, Rating.Outstanding)]
    [TestCase("100", 1, 1, Rating.Outstanding)]
    public void R3_published_percentages_band_on_their_exact_value(string percent, long yes, long relevant, Rating band)
    {
        var text = Docs.Aggregate().ToJsonString().Replace(
            "\"P2.1.1\":{\"yes\":90,\"relevant\":100}", "\"P2.1.1\":" + percent, StringComparison.Ordinal);
        text.ShouldContain("\"P2.1.1\":" + percent);
        var result = Rater.Rate(FindingsReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "p.json").Input);

        var outcome = result.Outcome("P2.1.1");
        outcome.HasResult.ShouldBeTrue();
        outcome.Tally.CompareRatio(new KeyQuestionTally(yes, relevant)).ShouldBe(0);
        outcome.Band.ShouldBe(band);
    }

    [Test]
    public void R3_a_percentage_with_more_digits_than_a_decimal_holds_is_never_rounded_up_into_the_next_band()
    {
        // 64.99999999999999999999999999999 (29 nines) is below 65: taken as exact it is Requires improvement.
        // R10: the library never rounds before comparing. It may reject the value (as it rejects 13 decimal
        // places), but it must not read it as 65 and band it Good.
        var text = Docs.Aggregate().ToJsonString().Replace(
            "\"P2.1.1\":{\"yes\":90,\"relevant\":100}", "\"P2.1.1\":64.99999999999999999999999999999", StringComparison.Ordinal);
        Probation.Standards.Findings.FindingsDocument document;
        try
        {
            document = FindingsReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "p.json");
        }
        catch (InvalidInputException rejected)
        {
            rejected.Problems[0].Path.ShouldBe("$.keyQuestions['P2.1.1']");
            return;
        }

        var outcome = Rater.Rate(document.Input).Outcome("P2.1.1");
        outcome.Band.ShouldBe(Rating.RequiresImprovement, $"read as {outcome.PublishedPercent} = {outcome.Tally}");
    }

    [Test]
    public void R3_a_key_question_with_no_relevant_case_has_no_result()
    {
        var result = Docs.Rate(Docs.Aggregate().WithCounts("P2.1.2", 0, 0));
        var outcome = result.Outcome("P2.1.2");
        outcome.HasResult.ShouldBeFalse();
        outcome.Percent.ShouldBeNull();
        outcome.RoundedPercent.ShouldBeNull();
        outcome.Band.ShouldBe(Rating.NotRated);
    }

    [Test]
    public void R3_tally_of_one_answer()
    {
        KeyQuestionTally.Of(Answer.Yes).ShouldBe(new KeyQuestionTally(1, 1));
        KeyQuestionTally.Of(Answer.No).ShouldBe(new KeyQuestionTally(0, 1));
        KeyQuestionTally.Of(Answer.NotApplicable).ShouldBe(KeyQuestionTally.Zero);
        KeyQuestionTally.Zero.HasResult.ShouldBeFalse();
        (new KeyQuestionTally(3, 5) + new KeyQuestionTally(1, 2)).ShouldBe(new KeyQuestionTally(4, 7));
        new KeyQuestionTally(3, 5).No.ShouldBe(2);
    }

    [TestCase(-1, 5)]
    [TestCase(1, -1)]
    [TestCase(6, 5)]
    public void R3_a_tally_needs_0_le_yes_le_relevant(long yes, long relevant)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new KeyQuestionTally(yes, relevant));
    }

    [TestCase(1, 2, 2, 4, 0)]
    [TestCase(31, 48, 65, 100, -1)]
    [TestCase(2, 3, 67, 100, -1)]
    [TestCase(201, 300, 2, 3, 1)]
    public void R3_CompareRatio_compares_exact_ratios(long y1, long r1, long y2, long r2, int sign)
    {
        Math.Sign(new KeyQuestionTally(y1, r1).CompareRatio(new KeyQuestionTally(y2, r2))).ShouldBe(sign);
    }
}
