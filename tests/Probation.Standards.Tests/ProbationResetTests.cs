using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R9: Probation Reset classifies cases by the days from start to suspension, and exemptions.</summary>
public class ProbationResetTests
{
    private static ResetRules Rules => FrameworkCatalog.DefaultFramework.Reset;

    private static DateTime D(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void R9_default_reset_rules()
    {
        Rules.EffectiveFrom.ShouldBe(new DateTime(2024, 6, 7));
        Rules.AdjustedWithinDays.ShouldBe(56);
        Rules.Exemptions.ShouldBe(new[]
        {
            Exemption.Mappa, Exemption.NationalSecurityDivision, Exemption.VeryHighRiskOfSeriousHarm,
            Exemption.ChildProtection, Exemption.IntensiveSupervisionCourt,
        }, ignoreOrder: true);
        Rules.NotApplicableWhenAdjusted.Count.ShouldBe(0);
    }

    // 2024-07-22 + 56 days: 9 days to 31 July, 31 in August (40), 16 in September = 2024-09-16.
    [TestCase("2024-07-22", "2024-09-16", CaseClass.Adjusted, 56, Description = "exactly 8 weeks: adjusted")]
    [TestCase("2024-07-22", "2024-09-17", CaseClass.SuspendedAfterThreshold, 57, Description = "8 weeks and a day: core, proportionately")]
    [TestCase("2024-07-22", "2024-07-22", CaseClass.Adjusted, 0, Description = "suspended on the start date")]
    [TestCase("2024-07-22", "2025-01-20", CaseClass.SuspendedAfterThreshold, 182)]
    // Leap year: 2024-02-01 + 28 = 29 February, + 56 = 28 March.
    [TestCase("2024-02-01", "2024-03-28", CaseClass.Adjusted, 56, Description = "across 29 February")]
    [TestCase("2024-02-01", "2024-03-29", CaseClass.SuspendedAfterThreshold, 57, Description = "across 29 February")]
    public void R9_days_from_start_to_suspension_decide_the_class(string start, string suspended, CaseClass expected, int days)
    {
        ResetClassifier.Classify(D(start), D(suspended), null, Rules, out var daysToSuspension).ShouldBe(expected);
        daysToSuspension.ShouldBe(days);
    }

    [Test]
    public void R9_a_case_not_suspended_is_core()
    {
        ResetClassifier.Classify(D("2024-07-22"), null, null, Rules, out var days).ShouldBe(CaseClass.Core);
        days.ShouldBeNull();
        ResetClassifier.Classify((DateTime?)null, null, null, Rules, out _).ShouldBe(CaseClass.Core);
    }

    [TestCase(Exemption.Mappa)]
    [TestCase(Exemption.NationalSecurityDivision)]
    [TestCase(Exemption.VeryHighRiskOfSeriousHarm)]
    [TestCase(Exemption.ChildProtection)]
    [TestCase(Exemption.IntensiveSupervisionCourt)]
    public void R9_an_exempt_case_is_on_core_standards_suspended_or_not(Exemption exemption)
    {
        ResetClassifier.Classify(D("2024-07-22"), null, exemption, Rules, out _).ShouldBe(CaseClass.Exempt);
        ResetClassifier.Classify(D("2024-07-22"), D("2024-08-01"), exemption, Rules, out _).ShouldBe(CaseClass.Exempt);
    }

    [Test]
    public void R9_a_suspension_before_the_start_is_an_argument_error_for_the_classifier()
    {
        Should.Throw<ArgumentException>(() => ResetClassifier.Classify(D("2024-07-22"), D("2024-07-21"), null, Rules, out _));
    }

    [Test]
    public void R9_a_suspension_before_the_start_is_rejected_by_the_reader()
    {
        var error = Docs.Rejects(Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.1.1=Yes"),
            Docs.Case("B", "P2.1.1=Yes", start: "2024-07-22", suspended: "2024-07-21")));
        error.Problems[0].Path.ShouldBe("$.cases[1].suspended");
        error.Problems[0].Message.ShouldContain("2024-07-21");
        error.Problems[0].Message.ShouldContain("2024-07-22");
    }

    private static JsonObject ResetDocument() => Docs.Aggregate().WithCases(
        Docs.Case("A", Docs.All("Yes"), start: "2024-07-22", suspended: "2024-09-16", sentence: "Licence"),
        Docs.Case("B", Docs.All("No"), start: "2024-07-22", suspended: "2024-09-17", sentence: "Licence"),
        Docs.Case("C", Docs.All("No"), start: "2024-09-02", exemption: "Mappa", sentence: "CommunityOrder"),
        Docs.Case("D", Docs.All("No"), start: "2024-09-02", sentence: "SuspendedSentenceOrder"),
        Docs.Case("E", Docs.All("No"), start: "2024-09-02", suspended: "2024-09-12", exemption: "ChildProtection", sentence: "PostSentenceSupervision"));

    [Test]
    public void R9_results_count_inspected_reset_and_adjusted_cases()
    {
        // A adjusted (56 days), B after the threshold (57), C exempt, D core, E suspended but exempt.
        var counts = Docs.Rate(ResetDocument()).Cases!.Value;
        counts.Inspected.ShouldBe(5);
        counts.Reset.ShouldBe(2);
        counts.Adjusted.ShouldBe(1);
        counts.SuspendedAfterThreshold.ShouldBe(1);
        counts.Exempt.ShouldBe(2);
        counts.Core.ShouldBe(1);
        counts.SuspendedButExempt.ShouldBe(1);
        counts.Licences.ShouldBe(2);
        counts.CommunityOrders.ShouldBe(1);
        counts.SuspendedSentenceOrders.ShouldBe(1);
        counts.PostSentenceSupervision.ShouldBe(1);
    }

    [Test]
    public void R9_every_case_is_classified_in_document_order()
    {
        Docs.Read(ResetDocument(), keepCases: true).Cases.Select(c => c.Classify()).ShouldBe(new[]
        {
            new CaseClassification("A", CaseClass.Adjusted, 56),
            new CaseClassification("B", CaseClass.SuspendedAfterThreshold, 57),
            new CaseClassification("C", CaseClass.Exempt, null),
            new CaseClassification("D", CaseClass.Core, null),
            new CaseClassification("E", CaseClass.Exempt, 10),
        });
    }

    [Test]
    public void R9_every_case_still_counts_in_the_key_question_results()
    {
        // The adjusted case A answers Yes to everything, the other four No: every key question is 1/5.
        var result = Docs.Rate(ResetDocument());
        result.Standards.SelectMany(s => s.KeyQuestions).ShouldAllBe(k => k.Tally == new KeyQuestionTally(1, 5));
        result.Standards.Where(s => s.ComputedRating != null).ShouldAllBe(s => s.Rating == Rating.Inadequate);
    }

    [Test]
    public void R9_a_suspended_case_marked_exempt_is_a_warning_not_an_error()
    {
        var result = Docs.Rate(ResetDocument());
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe(WarningCode.SuspendedButExempt);
        warning.CaseId.ShouldBe("E");
    }

    [Test]
    public void R9_the_Nottinghamshire_reconstruction_counts_60_12_7()
    {
        using var stream = File.OpenRead(Seeds.PathOf("nottinghamshire-pdu-2025-cases.json"));
        var counts = Rater.Rate(FindingsReader.Read(stream, "nottinghamshire-pdu-2025-cases.json").Input).Cases!.Value;
        counts.Inspected.ShouldBe(60);
        counts.Reset.ShouldBe(12);
        counts.Adjusted.ShouldBe(7);
        counts.CommunityOrders.ShouldBe(42);
        counts.Licences.ShouldBe(18);
    }

    [Test]
    public void R9_a_framework_can_declare_key_questions_that_do_not_apply_to_adjusted_cases()
    {
        // P2.2.1 does not apply to adjusted cases: A's Yes is not counted, so P2.2.1 is 0/1 from D alone.
        var json = FrameworkJson.DefaultCopy();
        json["id"] = "adjusted-test";
        json["reset"]!["notApplicableWhenAdjusted"] = new JsonArray("P2.2.1");
        var catalog = FrameworkCatalog.Default.With(FrameworkJson.Read(json));
        var doc = Docs.Aggregate().WithCases(
            Docs.Case("A", "P2.2.1=Yes P2.2.2=Yes", start: "2024-07-22", suspended: "2024-08-01"),
            Docs.Case("D", "P2.2.1=No P2.2.2=No"));
        doc["framework"] = "adjusted-test";

        var result = Docs.Rate(doc, catalog: catalog);
        result.Outcome("P2.2.1").Tally.ShouldBe(new KeyQuestionTally(0, 1));
        result.Outcome("P2.2.2").Tally.ShouldBe(new KeyQuestionTally(1, 2));
        result.Warnings.ShouldContain(w => w.Code == WarningCode.AnswerNotApplicableWhenAdjusted && w.CaseId == "A" && w.KeyQuestionId == "P2.2.1");
    }

    [Test]
    public void R9_a_suspended_case_needs_a_start_date()
    {
        var error = Docs.Rejects(Docs.Aggregate().WithCases(Docs.Case("A", "P2.1.1=Yes", start: null, suspended: "2024-09-01")));
        error.Problems[0].Path.ShouldBe("$.cases[0].start");
    }
}
