using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>A set of inspected cases of the default framework (12 answers each), 0 to 200 cases.</summary>
public sealed class CaseSet
{
    public CaseSet(ImmutableArray<InspectedCase> cases) => this.Cases = cases;

    public ImmutableArray<InspectedCase> Cases { get; }

    public CaseSet With(InspectedCase extra) => new(this.Cases.Add(extra));

    public override string ToString() => $"{this.Cases.Length} cases: " + string.Join(" | ", this.Cases.Select(TestCases.Describe));
}

/// <summary>The index of one of the 12 key questions of the default framework.</summary>
public sealed record KeyQuestionIndex(int Value)
{
    public string Id => FrameworkCatalog.DefaultFramework.KeyQuestions[this.Value].Id;

    public override string ToString() => this.Id;
}

/// <summary>A key-question result with at least one relevant case: 0 &lt;= yes &lt;= relevant, relevant 1 to 200.</summary>
public sealed record Ratio(long Yes, long Relevant)
{
    public override string ToString() => $"{this.Yes}/{this.Relevant}";
}

/// <summary>A whole percentage from 0 to 100, a band edge.</summary>
public sealed record Percent(int Value)
{
    public override string ToString() => this.Value + "%";
}

/// <summary>Bounded generators for the rating properties.</summary>
public static class Arbitraries
{
    public const int MaxCases = 200;

    private static readonly DateTime Monday = new(2024, 7, 22);

    /// <summary>
    /// Answers with weights chosen per case set (Yes 1-9 in 10 against No, NotApplicable 0-3), so that sets
    /// rate in every band rather than clustering around 50%.
    /// </summary>
    public static Gen<Gen<Answer>> AnswerMixGen =>
        from yes in Gen.Choose(1, 9)
        from notApplicable in Gen.Choose(0, 3)
        select Gen.Frequency(
            (yes, Gen.Constant(Answer.Yes)),
            (10 - yes, Gen.Constant(Answer.No)),
            (notApplicable, Gen.Constant(Answer.NotApplicable)));

    /// <summary>A case with random answers, sentence, start, suspension (some within 56 days) and exemption, all after Reset began.</summary>
    public static Gen<InspectedCase> CaseGen(string id, Gen<Answer> answer) =>
        from answers in Gen.ArrayOf(answer, FrameworkCatalog.DefaultFramework.KeyQuestions.Count)
        from sentence in Gen.Elements<SentenceType?>(null, SentenceType.CommunityOrder, SentenceType.SuspendedSentenceOrder, SentenceType.Licence, SentenceType.PostSentenceSupervision)
        from startOffset in Gen.Choose(0, 120)
        from suspendAfter in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 120).Select(d => (int?)d)))
        from exemption in Gen.Frequency((4, Gen.Constant<Exemption?>(null)), (1, Gen.Elements(Enum.GetValues<Exemption>()).Select(e => (Exemption?)e)))
        let start = Monday.AddDays(startOffset)
        select TestCases.Make(id, answers, sentence, start, suspendAfter is null ? null : start.AddDays(suspendAfter.Value), exemption);

    /// <summary>0 to 200 cases: sometimes none, often a handful (where no-result and tie cases live), often many.</summary>
    public static Gen<CaseSet> CaseSetGen =>
        from n in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 10)), (6, Gen.Choose(0, MaxCases)))
        from mix in AnswerMixGen
        from cases in Gen.ArrayOf(CaseGen("C", mix), n)
        select new CaseSet(cases.Select((c, i) => c.WithId($"C{i:D3}")).ToImmutableArray());

    public static Arbitrary<CaseSet> CaseSets() => Arb.From(CaseSetGen, ShrinkCaseSet);

    public static Arbitrary<KeyQuestionIndex> KeyQuestionIndexes() =>
        Arb.From(Gen.Choose(0, FrameworkCatalog.DefaultFramework.KeyQuestions.Count - 1).Select(i => new KeyQuestionIndex(i)));

    public static Arbitrary<Ratio> Ratios() => Arb.From(
        from relevant in Gen.Choose(1, 200)
        from yes in Gen.Choose(0, relevant)
        select new Ratio(yes, relevant));

    public static Arbitrary<Percent> Percents() => Arb.From(Gen.Choose(0, 100).Select(p => new Percent(p)));

    private static IEnumerable<CaseSet> ShrinkCaseSet(CaseSet set)
    {
        var cases = set.Cases;
        if (cases.Length == 0)
        {
            yield break;
        }

        yield return new CaseSet(ImmutableArray<InspectedCase>.Empty);
        if (cases.Length > 1)
        {
            yield return new CaseSet(cases.Take(cases.Length / 2).ToImmutableArray());
            yield return new CaseSet(cases.Skip(cases.Length / 2).ToImmutableArray());
        }

        if (cases.Length <= 16)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                yield return new CaseSet(cases.RemoveAt(i));
            }
        }
    }
}
