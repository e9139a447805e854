using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Bulk;

/// <summary>A random set of cases of the default framework (N/A answers, Reset classes and sizes not a multiple of 64 included).</summary>
public sealed class CaseSet
{
    public CaseSet(InspectedCase[] cases) => this.Cases = cases;

    public InspectedCase[] Cases { get; }

    public override string ToString() => $"{this.Cases.Length} cases";
}

/// <summary>Bounded generators for the bulk and reader properties.</summary>
public static class BulkArbitraries
{
    /// <summary>A week before Reset began (2024-06-07): some suspensions predate it.</summary>
    private static readonly DateTime Epoch = new(2024, 6, 1);

    public static Gen<Answer> AnswerGen { get; } =
        Gen.Frequency((3, Gen.Constant(Answer.Yes)), (2, Gen.Constant(Answer.No)), (1, Gen.Constant(Answer.NotApplicable)));

    public static Gen<InspectedCase> CaseGen(string id) =>
        from sentence in Gen.Elements<SentenceType?>(null, SentenceType.CommunityOrder, SentenceType.SuspendedSentenceOrder, SentenceType.Licence, SentenceType.PostSentenceSupervision)
        from startDay in Gen.Choose(0, 300)
        from suspendedAfter in Gen.Frequency((3, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 120).Select(d => (int?)d)))
        from exemption in Gen.Frequency((4, Gen.Constant<Exemption?>(null)), (1, Gen.Elements<Exemption?>(Exemption.Mappa, Exemption.ChildProtection, Exemption.IntensiveSupervisionCourt)))
        from answers in AnswerGen.ArrayOf(FrameworkCatalog.DefaultFramework.KeyQuestions.Count)
        let start = Epoch.AddDays(startDay)
        select TestCases.Make(id, answers, sentence, start, suspendedAfter is null ? null : start.AddDays(suspendedAfter.Value), exemption);

    /// <summary>Case sets of 0 to about 1,100 cases: sizes straddle several 64-case words.</summary>
    public static Arbitrary<CaseSet> CaseSets() =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size) * 11))
            .SelectMany(n => CaseGen("C").ArrayOf(n))
            .Select(cases => new CaseSet(cases.Select((c, i) => c.WithId("C" + i)).ToArray()))
            .ToArbitrary();
}
