using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Edges the mutation run showed untested: an answer set twice stays answered, counts added twice stay given,
/// counts past 64 bits overflow instead of wrapping, a framework file read from a path, and a version id that is
/// nothing but a Reset suffix.
/// </summary>
public class EdgeKillTests
{
    private static Framework Default => FrameworkCatalog.DefaultFramework;

    [Test]
    public void An_answer_changed_twice_leaves_its_key_question_answered()
    {
        var batch = new CaseBatch(Default);
        batch.Add(Enumerable.Repeat(Answer.No, Default.KeyQuestions.Count).ToArray());
        batch.SetAnswer(0, 0, Answer.Yes);
        batch.SetAnswer(0, 0, Answer.No);
        batch.IsAnswered(0).ShouldBeTrue();
        var tallies = BulkTally.Tally(batch);
        tallies.IsGiven("P2.1.1").ShouldBeTrue();
        tallies.GetTally("P2.1.1").ShouldBe(new KeyQuestionTally(0, 1));
    }

    [Test]
    public void Counts_added_twice_for_the_same_key_questions_leave_them_given()
    {
        var batch = new CaseBatch(Default);
        batch.Reserve(2).ShouldBe(0);
        batch.AddCounts(CaseCounts.Of(CaseClass.Core, null, false), 1UL);
        batch.AddCounts(CaseCounts.Of(CaseClass.Core, null, false), 1UL);
        batch.IsAnswered(0).ShouldBeTrue();
        batch.IsAnswered(1).ShouldBeFalse();
        batch.Cases.Inspected.ShouldBe(2);
    }

    [Test]
    public void Reserving_past_the_largest_int_overflows_instead_of_wrapping()
    {
        var batch = new CaseBatch(Default);
        batch.Reserve(1);
        Should.Throw<OverflowException>(() => batch.Reserve(int.MaxValue));
        batch.Count.ShouldBe(1);
    }

    [Test]
    public void Case_counts_past_64_bits_overflow_instead_of_wrapping()
    {
        // The classes would wrap to a negative sum, and two sets of counts to negative counts.
        Should.Throw<OverflowException>(() => _ = new CaseCounts(long.MaxValue, long.MaxValue, 1, 0, 0));
        Should.Throw<OverflowException>(() => _ = new CaseCounts(long.MaxValue, long.MaxValue, 0, 0, 0, communityOrders: long.MaxValue, licences: 1));
        var most = new CaseCounts(long.MaxValue, long.MaxValue, 0, 0, 0);
        Should.Throw<OverflowException>(() => _ = most + new CaseCounts(1, 1, 0, 0, 0));
    }

    [Test]
    public void An_overall_plan_of_exactly_the_largest_64_bit_count_is_given_as_a_number()
    {
        // Judgements Good (6) and P2.2-P2.4 at 10 of 10 (9) make 15, Good; Outstanding from 16 needs one point.
        // Only P2.1 can rise: from Inadequate to RI with 2^62 + (2^62 - 1) = 2^63 - 1 Yes answers (see ExplanationLimitTests).
        var tallies = Default.KeyQuestions.Select(q => new KeyValuePair<string, KeyQuestionTally>(q.Id, q.Id switch
        {
            "P2.1.1" => new KeyQuestionTally(0, long.MaxValue),
            "P2.1.2" => new KeyQuestionTally(0, long.MaxValue - 1),
            _ => new KeyQuestionTally(10, 10),
        }));
        var judgements = Default.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, Rating.Good));
        var result = Rater.Rate(RatingInput.Create("Wessex North", TallySet.From(Default, tallies), judgements));
        result.Score.ShouldBe(15);
        var overall = Probation.Standards.Explanation.Explainer.Explain(result).Overall;
        overall.PointsToNext.ShouldBe(1);
        overall.FewestAnswers.ShouldBe(long.MaxValue);
        overall.Plan.Single().NoAnswersTurnedYes.ShouldBe(long.MaxValue);
    }

    [Test]
    public void A_framework_file_is_read_from_its_path_into_the_catalog()
    {
        var path = Path.Combine(Path.GetTempPath(), $"framework-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, FrameworkJson.Renamed("probation-pdu-2023-local", "2023-10-01").ToJsonString());
        try
        {
            var catalog = FrameworkCatalog.Default.WithFile(path);
            catalog.GetFramework("probation-pdu-2023-local").KeyQuestions.Count.ShouldBe(12);
            catalog.GetFramework("probation-pdu-2023").ShouldBe(FrameworkCatalog.DefaultFramework);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = Should.Throw<InvalidInputException>(() => FrameworkCatalog.Default.WithFile(path));
        missing.Problems.Single().File.ShouldBe(path);
    }

    [Test]
    public void A_version_id_that_is_only_a_Reset_suffix_is_replaced_whole()
    {
        var json = FrameworkJson.DefaultCopy();
        json["versionId"] = "+reset-40d";
        FrameworkJson.Read(json).WithResetThreshold(30).VersionId.ShouldBe("+reset-30d");
        FrameworkJson.Read(FrameworkJson.DefaultCopy()).WithResetThreshold(30).VersionId.ShouldBe("2023.2+reset-30d");
    }

    [Test]
    public void Tallies_added_past_64_bits_overflow_instead_of_wrapping()
    {
        var most = new KeyQuestionTally(long.MaxValue, long.MaxValue);
        Should.Throw<OverflowException>(() => _ = most + new KeyQuestionTally(1, 1));
        Should.Throw<OverflowException>(() => _ = new KeyQuestionTally(0, long.MaxValue) + new KeyQuestionTally(0, 1));
    }
}
