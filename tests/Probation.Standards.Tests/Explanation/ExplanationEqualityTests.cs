using System.Collections.Immutable;
using Probation.Standards.Explanation;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Explanation;

using Findings = Probation.Standards.Testing.Findings;

/// <summary>
/// The explanation types are values: two are equal when every part is, and differ when any one part does. Each
/// test builds a value, a copy of it made separately, and one variant per part that changes that part alone.
/// </summary>
public class ExplanationEqualityTests
{
    private static readonly Framework Framework = FrameworkCatalog.DefaultFramework;

    // Two ratings that differ only in P2.1.1 (31/48 and 20/48), so their results differ.
    private static readonly RatingResult First = Rate(31);
    private static readonly RatingResult Second = Rate(20);

    private static KeyQuestionResult Kq(RatingResult result, int index = 0) => result.Standards.First(s => s.Id == "P2.1").KeyQuestions[index];

    private static StandardResult Standard(RatingResult result, string id = "P2.1") => result.Standards.First(s => s.Id == id);

    private static RatingBand Band(Rating rating) => Framework.Bands.First(b => b.Rating == rating);

    private static RatingResult Rate(int yes) =>
        Findings.For("Equality").Judgements(Rating.Good).KeyQuestion("P2.1.1", yes: yes, relevant: 48).Rate();

    private static EquatableArray<T> Array<T>(params T[] items) => ImmutableArray.Create(items);

    [Test]
    public void KeyQuestionLift_compares_every_part()
    {
        KeyQuestionLift Make(KeyQuestionResult? kq = null, long? no = 1, long? cases = 2, decimal? points = null) => new(kq ?? Kq(First), no, cases, points);
        ShouldBeAValue(
            Make(), Make(),
            Make(kq: Kq(Second)), Make(no: 3), Make(no: null), Make(cases: 4), Make(cases: null), Make(points: 1.5m));
    }

    [Test]
    public void BandLift_compares_every_part()
    {
        var lifts = Array(new KeyQuestionLift(Kq(First), 1, 1, null));
        BandLift Make(Rating target = Rating.Good, long? no = 1, long? cases = 1, EquatableArray<KeyQuestionLift>? kqs = null, string? afterNo = "P2.1.2", string? afterCases = "P2.1.1") =>
            new(Band(target), no, cases, kqs ?? lifts, afterNo, afterCases);
        ShouldBeAValue(
            Make(), Make(),
            Make(target: Rating.Outstanding), Make(no: 2), Make(no: null), Make(cases: 2), Make(cases: null),
            Make(kqs: Array(new KeyQuestionLift(Kq(First), 2, 1, null))), Make(kqs: Array<KeyQuestionLift>()),
            Make(afterNo: "P2.1.3"), Make(afterNo: null), Make(afterCases: "P2.1.3"), Make(afterCases: null));
    }

    [Test]
    public void OverallPlanStep_compares_every_part()
    {
        var lifts = Array(new KeyQuestionLift(Kq(First), 1, 1, null));
        OverallPlanStep Make(StandardResult? standard = null, Rating target = Rating.Good, int points = 1, long? no = 1, decimal? pp = null, EquatableArray<KeyQuestionLift>? kqs = null) =>
            new(standard ?? Standard(First), Band(target), points, no, pp, kqs ?? lifts);
        ShouldBeAValue(
            Make(), Make(),
            Make(standard: Standard(Second)), Make(standard: Standard(First, "P2.2")), Make(target: Rating.Outstanding), Make(points: 2),
            Make(no: 2), Make(no: null), Make(pp: 0.5m), Make(kqs: Array<KeyQuestionLift>()));
    }

    [Test]
    public void StandardExplanation_compares_every_part()
    {
        var lift = new BandLift(Band(Rating.Good), 1, 1, Array(new KeyQuestionLift(Kq(First), 1, 1, null)), null, null);
        var otherLift = new BandLift(Band(Rating.Good), 2, 1, Array(new KeyQuestionLift(Kq(First), 2, 1, null)), null, null);
        StandardExplanation Make(StandardResult? standard = null, Rating? band = Rating.RequiresImprovement, BandLift? bandLift = null, bool noLift = false, long? drop = 8) =>
            new(standard ?? Standard(First), band is { } b ? Band(b) : null, noLift ? null : bandLift ?? lift, drop);
        ShouldBeAValue(
            Make(), Make(),
            Make(standard: Standard(Second)), Make(band: Rating.Good), Make(band: null), Make(bandLift: otherLift), Make(noLift: true),
            Make(drop: 7), Make(drop: null));
    }

    [Test]
    public void StandardExplanation_could_change_with_one_or_two_answers_at_two_and_not_at_three()
    {
        BandLift Lift(long? no) => new(Band(Rating.Good), no, null, Array<KeyQuestionLift>(), null, null);
        StandardExplanation Make(long? no, long? drop) => new(Standard(First), Band(Rating.RequiresImprovement), no is null ? null : Lift(no), drop);

        Make(2, null).CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();
        Make(3, null).CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
        Make(null, 2).CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();
        Make(null, 3).CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
        Make(3, 3).CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
        Make(3, 1).CouldChangeWithOneOrTwoAnswers.ShouldBeTrue();
        Make(null, null).CouldChangeWithOneOrTwoAnswers.ShouldBeFalse();
        Make(2, null).Driver.ShouldBe(Standard(First).Driver);
    }

    [Test]
    public void OverallExplanation_compares_every_part()
    {
        var table = Framework.OverallBands[0];
        var plan = Array(new OverallPlanStep(Standard(First), Band(Rating.Good), 1, 1, null, Array<KeyQuestionLift>()));
        OverallExplanation Make(bool noTable = false, int band = 0, int next = 1, bool noNext = false, int? points = 2, long? fewest = 3, decimal? pp = null, EquatableArray<OverallPlanStep>? steps = null) =>
            new(noTable ? null : table, table.Bands[band], noNext ? null : table.Bands[next], points, fewest, pp, steps ?? plan);
        ShouldBeAValue(
            Make(), Make(),
            Make(noTable: true), Make(band: 1), Make(next: 2), Make(noNext: true), Make(points: 1), Make(points: null),
            Make(fewest: 4), Make(fewest: null), Make(pp: 2.5m), Make(steps: Array<OverallPlanStep>()));
    }

    [Test]
    public void RatingExplanation_compares_every_part_and_finds_its_standards()
    {
        var first = Explainer.Explain(First);
        ShouldBeAValue(
            first, Explainer.Explain(Rate(31)),
            Explainer.Explain(Second),
            new RatingExplanation(First, Array<StandardExplanation>(), first.Overall),
            new RatingExplanation(First, first.Standards, Explainer.Explain(Second).Overall));

        first.TryGetStandard("P2.1", out var found).ShouldBeTrue();
        found!.Standard.Id.ShouldBe("P2.1");
        first.TryGetStandard("P2.4", out var last).ShouldBeTrue();
        last!.Standard.Id.ShouldBe("P2.4");
        first.TryGetStandard("P1.1", out var judged).ShouldBeFalse();
        judged.ShouldBeNull();
    }

    private static void ShouldBeAValue<T>(T value, T copy, params T[] variants)
        where T : class, IEquatable<T>
    {
        value.ShouldNotBeSameAs(copy);
        value.Equals(copy).ShouldBeTrue();
        copy.Equals(value).ShouldBeTrue();
        value.Equals((object)copy).ShouldBeTrue();
        value.GetHashCode().ShouldBe(copy.GetHashCode());
        value.Equals(null).ShouldBeFalse();
        value.Equals((object?)null).ShouldBeFalse();
        value.Equals(new object()).ShouldBeFalse();
        for (var i = 0; i < variants.Length; i++)
        {
            value.Equals(variants[i]).ShouldBeFalse($"variant {i} should differ");
            variants[i].Equals(value).ShouldBeFalse($"variant {i} should differ (reversed)");
            value.Equals((object)variants[i]).ShouldBeFalse($"variant {i} should differ (as object)");
        }
    }
}
