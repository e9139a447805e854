using System.Collections.Immutable;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Tests;

/// <summary>
/// The Reset rules as values, and the classifier's edges (R9): which exemptions count, the threshold day itself,
/// the time of day ignored, and the arguments it refuses. Dates are worked by hand; the default framework's
/// threshold is 56 days (eight weeks) and all five exemptions keep a case off Reset.
/// </summary>
public class ResetRulesTests
{
    private static readonly ResetRules Default = FrameworkCatalog.DefaultFramework.Reset;
    private static readonly SourceReference Source = new("a test", "here", SourceReference.Confirmed);

    private static ResetRules Rules(int days = 56, DateTime? from = null, Exemption[]? exemptions = null, string[]? notApplicable = null, SourceReference? source = null) =>
        new(from ?? new DateTime(2024, 6, 7), days, ImmutableArray.Create(exemptions ?? new[] { Exemption.Mappa, Exemption.ChildProtection }), ImmutableArray.Create(notApplicable ?? System.Array.Empty<string>()), source ?? Source);

    [Test]
    public void Rules_are_equal_when_every_part_is()
    {
        var rules = Rules();
        var copy = Rules();
        rules.Equals(copy).ShouldBeTrue();
        rules.Equals((object)copy).ShouldBeTrue();
        rules.GetHashCode().ShouldBe(copy.GetHashCode());
        rules.Equals(null).ShouldBeFalse();
        rules.Equals((object?)null).ShouldBeFalse();
        rules.Equals("rules").ShouldBeFalse();

        var variants = new[]
        {
            Rules(days: 57), Rules(from: new DateTime(2024, 6, 8)), Rules(exemptions: new[] { Exemption.Mappa }),
            Rules(notApplicable: new[] { "P2.3.1" }), Rules(source: new SourceReference("another", "here", SourceReference.Confirmed)),
        };
        foreach (var variant in variants)
        {
            rules.Equals(variant).ShouldBeFalse();
            variant.Equals(rules).ShouldBeFalse();
        }
    }

    [Test]
    public void The_start_of_Reset_is_a_date_without_its_time()
    {
        Rules(from: new DateTime(2024, 6, 7, 15, 30, 0)).EffectiveFrom.ShouldBe(new DateTime(2024, 6, 7));
        Rules(from: new DateTime(2024, 6, 7, 15, 30, 0)).ShouldBe(Rules(from: new DateTime(2024, 6, 7)));
    }

    [Test]
    public void Only_the_listed_exemptions_count_and_an_undefined_one_never_does()
    {
        var rules = Rules(exemptions: new[] { Exemption.Mappa, Exemption.IntensiveSupervisionCourt });
        rules.IsExempt(Exemption.Mappa).ShouldBeTrue();
        rules.IsExempt(Exemption.IntensiveSupervisionCourt).ShouldBeTrue();
        rules.IsExempt(Exemption.NationalSecurityDivision).ShouldBeFalse();
        rules.IsExempt(Exemption.VeryHighRiskOfSeriousHarm).ShouldBeFalse();
        rules.IsExempt(Exemption.ChildProtection).ShouldBeFalse();
        rules.IsExempt((Exemption)5).ShouldBeFalse();
        rules.IsExempt((Exemption)(-1)).ShouldBeFalse();
        rules.IsExempt((Exemption)int.MinValue).ShouldBeFalse();

        Rules(exemptions: System.Array.Empty<Exemption>()).IsExempt(Exemption.Mappa).ShouldBeFalse();
        foreach (var exemption in Enum.GetValues<Exemption>())
        {
            Default.IsExempt(exemption).ShouldBeTrue();
        }
    }

    [Test]
    public void A_new_threshold_keeps_everything_else()
    {
        var rules = Rules(notApplicable: new[] { "P2.3.1" });
        var other = new SourceReference("a user", "configured", "configured");
        var changed = rules.WithThreshold(70, other);
        changed.AdjustedWithinDays.ShouldBe(70);
        changed.Source.ShouldBe(other);
        changed.EffectiveFrom.ShouldBe(rules.EffectiveFrom);
        changed.Exemptions.ShouldBe(rules.Exemptions);
        changed.NotApplicableWhenAdjusted.ShouldBe(rules.NotApplicableWhenAdjusted);
    }

    [Test]
    public void The_threshold_day_is_adjusted_and_the_next_is_not()
    {
        // 2024-07-01 + 56 days = 2024-08-26.
        var start = new DateTime(2024, 7, 1);
        ResetClassifier.Classify(start, new DateTime(2024, 8, 26), null, Default, out var days).ShouldBe(CaseClass.Adjusted);
        days.ShouldBe(56);
        ResetClassifier.Classify(start, new DateTime(2024, 8, 27), null, Default, out days).ShouldBe(CaseClass.SuspendedAfterThreshold);
        days.ShouldBe(57);
        ResetClassifier.Classify(start, start, null, Default, out days).ShouldBe(CaseClass.Adjusted);
        days.ShouldBe(0);
        ResetClassifier.Classify(start, null, null, Default, out days).ShouldBe(CaseClass.Core);
        days.ShouldBeNull();
        ResetClassifier.Classify((DateTime?)null, null, null, Default, out days).ShouldBe(CaseClass.Core);
        days.ShouldBeNull();

        // Under a 57-day threshold the 57th day is adjusted too.
        ResetClassifier.Classify(start, new DateTime(2024, 8, 27), null, Rules(days: 57), out _).ShouldBe(CaseClass.Adjusted);
    }

    [Test]
    public void Exempt_cases_are_exempt_whether_suspended_or_not()
    {
        var start = new DateTime(2024, 7, 1);
        var rules = Rules(exemptions: new[] { Exemption.ChildProtection });
        ResetClassifier.Classify(start, new DateTime(2024, 7, 2), Exemption.ChildProtection, rules, out var days).ShouldBe(CaseClass.Exempt);
        days.ShouldBe(1);
        ResetClassifier.Classify(start, null, Exemption.ChildProtection, rules, out _).ShouldBe(CaseClass.Exempt);

        // An exemption the rules do not list changes nothing.
        ResetClassifier.Classify(start, new DateTime(2024, 7, 2), Exemption.Mappa, rules, out _).ShouldBe(CaseClass.Adjusted);
        ResetClassifier.Classify(start, null, Exemption.Mappa, rules, out _).ShouldBe(CaseClass.Core);
    }

    [Test]
    public void The_time_of_day_is_ignored()
    {
        // Suspended six hours before the start's time, on the same day: zero days, not a suspension before the start.
        ResetClassifier.Classify(new DateTime(2024, 7, 1, 12, 0, 0), new DateTime(2024, 7, 1, 6, 0, 0), null, Default, out var days).ShouldBe(CaseClass.Adjusted);
        days.ShouldBe(0);

        // 2024-07-01 23:00 to 2024-08-27 01:00 is 56 days and 2 hours of clock time, but 57 calendar days.
        ResetClassifier.Classify(new DateTime(2024, 7, 1, 23, 0, 0), new DateTime(2024, 8, 27, 1, 0, 0), null, Default, out days).ShouldBe(CaseClass.SuspendedAfterThreshold);
        days.ShouldBe(57);
    }

    [Test]
    public void The_classifier_refuses_what_R9_cannot_classify()
    {
        var start = new DateTime(2024, 7, 1);
        Should.Throw<ArgumentNullException>(() => ResetClassifier.Classify(start, null, null, null!, out _)).ParamName.ShouldBe("rules");
        Should.Throw<ArgumentOutOfRangeException>(() => ResetClassifier.Classify(start, null, (Exemption)5, Default, out _)).ParamName.ShouldBe("exemption");
        Should.Throw<ArgumentException>(() => ResetClassifier.Classify(null, start, null, Default, out _)).ParamName.ShouldBe("start");
        Should.Throw<ArgumentException>(() => ResetClassifier.Classify(start, start.AddDays(-1), null, Default, out _)).ParamName.ShouldBe("suspended");
    }

#if !LIBRARY_NETSTANDARD
    [Test]
    public void Dates_without_times_classify_as_the_same_days()
    {
        ResetClassifier.Classify(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 28), null, Default, out var days).ShouldBe(CaseClass.Adjusted);
        days.ShouldBe(56); // 2024 is a leap year: 28 days left in February, then 28 in March.
        ResetClassifier.Classify(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 29), null, Default, out days).ShouldBe(CaseClass.SuspendedAfterThreshold);
        days.ShouldBe(57);
        ResetClassifier.Classify((DateOnly?)null, null, null, Default, out days).ShouldBe(CaseClass.Core);
        days.ShouldBeNull();
    }
#endif

    [Test]
    public void A_classification_is_a_value_and_knows_whether_it_is_Reset()
    {
        var c = new CaseClassification("C1", CaseClass.Adjusted, 10);
        c.Equals(new CaseClassification("C1", CaseClass.Adjusted, 10)).ShouldBeTrue();
        c.Equals((object)new CaseClassification("C1", CaseClass.Adjusted, 10)).ShouldBeTrue();
        c.GetHashCode().ShouldBe(new CaseClassification("C1", CaseClass.Adjusted, 10).GetHashCode());
        c.Equals(null).ShouldBeFalse();
        c.Equals((object?)null).ShouldBeFalse();
        c.Equals(new CaseClassification("C2", CaseClass.Adjusted, 10)).ShouldBeFalse();
        c.Equals(new CaseClassification("C1", CaseClass.SuspendedAfterThreshold, 10)).ShouldBeFalse();
        c.Equals(new CaseClassification("C1", CaseClass.Adjusted, 11)).ShouldBeFalse();
        c.Equals(new CaseClassification("C1", CaseClass.Adjusted, null)).ShouldBeFalse();
        c.ToString().ShouldBe("C1: Adjusted");
        c.CaseId.ShouldBe("C1");
        c.Class.ShouldBe(CaseClass.Adjusted);
        c.DaysToSuspension.ShouldBe(10);

        new CaseClassification("C", CaseClass.Adjusted, 1).IsReset.ShouldBeTrue();
        new CaseClassification("C", CaseClass.SuspendedAfterThreshold, 90).IsReset.ShouldBeTrue();
        new CaseClassification("C", CaseClass.Core, null).IsReset.ShouldBeFalse();
        new CaseClassification("C", CaseClass.Exempt, 1).IsReset.ShouldBeFalse();

        Should.Throw<ArgumentNullException>(() => new CaseClassification(null!, CaseClass.Core, null)).ParamName.ShouldBe("caseId");
        Should.Throw<ArgumentOutOfRangeException>(() => new CaseClassification("C", (CaseClass)9, null)).ParamName.ShouldBe("class");
    }
}
