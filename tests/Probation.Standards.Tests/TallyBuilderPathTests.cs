using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Bulk;
using Probation.Standards.Tests.Support;
using FsCheck;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;

namespace Probation.Standards.Tests;

/// <summary>
/// <see cref="TallyBuilder.Add(InspectedCase)"/> takes a short path for a case neither suspended nor exempt (core,
/// no warning) and the classifying path for the rest: mixed in any order, the cases must come out as the general
/// path that a reader's bound case takes gives them, class by class, tally by tally and warning by warning.
/// </summary>
[TestFixture]
public class TallyBuilderPathTests
{
    [Property(Arbitrary = new[] { typeof(BulkArbitraries) }, MaxTest = 200)]
    public void Adding_case_objects_equals_adding_their_parts(Bulk.CaseSet set)
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var fromObjects = new TallyBuilder(framework);
        var fromParts = new TallyBuilder(framework);
        foreach (var c in set.Cases)
        {
            var @class = fromObjects.Add(c);
            @class.ShouldBe(c.Classify().Class, c.Id);
            fromParts.Add(c.Answers.AsImmutableArray().AsSpan(), c.AnsweredMask, c.Sentence, c.Start, c.Suspended, c.Exemption, c).ShouldBe(@class, c.Id);
        }

        fromObjects.Count.ShouldBe(set.Cases.Length);
        fromObjects.ToTallySet().ShouldBe(fromParts.ToTallySet());
        fromObjects.ToTallySet().Cases.ShouldBe(Rules.Counts(set.Cases));
        fromObjects.Warnings.ShouldBe(fromParts.Warnings);
    }

    [Test]
    public void A_core_case_of_an_equal_framework_read_again_takes_the_short_path_and_counts()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var again = FrameworkJson.Read(FrameworkJson.DefaultCopy());
        ReferenceEquals(again, framework).ShouldBeFalse();
        var answers = Enumerable.Repeat(Answer.Yes, framework.KeyQuestions.Count).ToArray();
        var builder = new TallyBuilder(framework);
        builder.Add(TestCases.Make("A", answers, sentence: SentenceType.Licence, framework: again)).ShouldBe(CaseClass.Core);
        builder.Add(TestCases.Make("B", answers, exemption: Exemption.Mappa)).ShouldBe(CaseClass.Exempt);
        var tallies = builder.ToTallySet();
        tallies.GetTally(framework.KeyQuestions[0].Id).ShouldBe(new KeyQuestionTally(2, 2));
        tallies.Cases.ShouldBe(Rules.Counts(new[] { TestCases.Make("A", answers, sentence: SentenceType.Licence), TestCases.Make("B", answers, exemption: Exemption.Mappa) }));
        builder.Warnings.ShouldBeEmpty();
    }
}
