using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Bulk;

/// <summary>A random set of cases of the default framework (N/A answers, Reset classes and sizes not a multiple of 64 included).</summary>
public sealed record CaseSet(InspectedCase[] Cases)
{
    public override string ToString() => $"{this.Cases.Length} cases";
}

/// <summary>Bounded generators for the bulk and streaming properties (conventions.md #7).</summary>
public static class BulkArbitraries
{
    private static readonly DateTime Epoch = new(2024, 6, 1);

    public static Gen<Answer> AnswerGen { get; } =
        Gen.Frequency((3, Gen.Constant(Answer.Yes)), (2, Gen.Constant(Answer.No)), (1, Gen.Constant(Answer.NotApplicable)));

    public static Gen<InspectedCase> CaseGen(int questions, Gen<string> ids) =>
        from id in ids
        from sentence in Gen.Elements<SentenceType?>(null, SentenceType.CommunityOrder, SentenceType.SuspendedSentenceOrder, SentenceType.Licence, SentenceType.PostSentenceSupervision)
        from startDay in Gen.Choose(0, 300)
        from suspendedAfter in Gen.Frequency((3, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 120).Select(d => (int?)d)))
        from exemption in Gen.Frequency((4, Gen.Constant<Exemption?>(null)), (1, Gen.Elements<Exemption?>(Exemption.Mappa, Exemption.ChildProtection, Exemption.IntensiveSupervisionCourt)))
        from answers in AnswerGen.ArrayOf(questions)
        let start = Epoch.AddDays(startDay)
        select new InspectedCase(
            id,
            sentence,
            start,
            suspendedAfter is null ? null : start.AddDays(suspendedAfter.Value),
            exemption,
            ImmutableArray.Create(answers));

    /// <summary>Case sets of 0 to about 1,100 cases: sizes straddle several 64-case words.</summary>
    public static Arbitrary<CaseSet> CaseSets() =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size) * 11))
            .SelectMany(n => CaseGen(FrameworkCatalog.DefaultFramework.KeyQuestions.Count, Gen.Constant(string.Empty)).ArrayOf(n))
            .Select(cases => new CaseSet(cases.Select((c, i) => c with { Id = "C" + i }).ToArray()))
            .ToArbitrary();
}
