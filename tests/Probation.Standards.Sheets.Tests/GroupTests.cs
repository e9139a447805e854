using System.Text;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Groups;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets.Tests;

/// <summary>Groups (R12): tallies per group in one pass, checked against counts made here case by case; roll-ups and merges.</summary>
public class GroupTests
{
    private static (List<TestCase> Cases, FindingsDocument Document) Document(int seed, int count)
    {
        var cases = SheetSupport.RandomCases(seed, count);
        return (cases, FindingsReader.Read(Encoding.UTF8.GetBytes(SheetSupport.Json("G", cases)), "g.json", new FindingsReaderOptions { KeepCases = true }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Each_groups_tallies_are_its_own_cases_counts(int seed)
    {
        var (cases, document) = Document(seed, 300);
        var grouped = GroupedTallyBuilder.Tally(document.Framework, new[] { "team" }, document.Cases);

        // The reference: group the test's own cases by their team string, count Yes and Yes+No per key question.
        var expectedKeys = cases.Select(c => c.Tags.TryGetValue("team", out var t) ? t : null).Distinct()
            .OrderBy(t => t is null ? 1 : 0).ThenBy(t => t, StringComparer.Ordinal).ToArray();
        grouped.Groups.Select(g => g.Key.Values[0]).ShouldBe(expectedKeys);
        foreach (var group in grouped.Groups)
        {
            var mine = cases.Where(c => (c.Tags.TryGetValue("team", out var t) ? t : null) == group.Key.Values[0]).ToList();
            group.Tallies.Cases!.Value.Inspected.ShouldBe(mine.Count);
            foreach (var question in SheetSupport.KeyQuestions)
            {
                var yes = mine.Count(c => c.Answers.TryGetValue(question, out var a) && a == "Yes");
                var no = mine.Count(c => c.Answers.TryGetValue(question, out var a) && a == "No");
                group.Tallies.GetTally(question).ShouldBe(new KeyQuestionTally(yes, yes + no), $"{group.Key} {question}");
            }
        }

        grouped.All.ShouldBe(document.Input.Tallies);
    }

    [Test]
    public void Groups_by_team_and_office_roll_up_to_teams_as_grouping_by_team_does()
    {
        var (_, document) = Document(4, 400);
        var fine = GroupedTallyBuilder.Tally(document.Framework, new[] { "team", "office" }, document.Cases);
        var coarse = GroupedTallyBuilder.Tally(document.Framework, new[] { "team" }, document.Cases);
        fine.Groups.Count.ShouldBeGreaterThan(coarse.Groups.Count);
        fine.RollUp(new[] { "team" }).Groups.Select(g => (g.Key, g.Tallies)).ShouldBe(coarse.Groups.Select(g => (g.Key, g.Tallies)));
        fine.All.ShouldBe(coarse.All);
        Should.Throw<ArgumentException>(() => coarse.RollUp(new[] { "office" }));
    }

    [Test]
    public void Two_shards_merge_into_the_grouping_of_all_their_cases()
    {
        var (_, document) = Document(6, 250);
        var by = new[] { "team" };
        var left = GroupedTallyBuilder.Tally(document.Framework, by, document.Cases.Take(100));
        var right = GroupedTallyBuilder.Tally(document.Framework, by, document.Cases.Skip(100));
        var all = GroupedTallyBuilder.Tally(document.Framework, by, document.Cases);
        left.Merge(right).Groups.Select(g => (g.Key, g.Tallies)).ShouldBe(all.Groups.Select(g => (g.Key, g.Tallies)));
    }

    [Test]
    public void A_group_rates_its_case_standards_only_and_the_whole_is_rated_as_usual()
    {
        var (_, document) = Document(7, 200);
        var grouped = GroupedTallyBuilder.Tally(document.Framework, new[] { "team" }, document.Cases);
        var rated = GroupRater.Rate(document.Input, grouped);
        rated.All.ShouldBe(Rater.Rate(document.Input));
        rated.Groups.Count.ShouldBe(grouped.Groups.Count);
        foreach (var group in rated.Groups)
        {
            group.Result.Standards.Where(s => s.Id.StartsWith("P1.", StringComparison.Ordinal)).ShouldAllBe(s => s.Rating == Rating.NotRated);
            group.Result.Overall.ShouldBe(Rating.NotRated);
            group.Result.Warnings.Count(w => w.Code == WarningCode.OnlyCaseStandardsRated).ShouldBe(1);
            group.Result.MaxScore.ShouldBe(12);
        }
    }

    [Test]
    public void A_document_of_published_percentages_cannot_be_grouped()
    {
        var document = FindingsReader.ReadFile(Path.Combine(SheetSupport.Seeds, "nottinghamshire-pdu-2025.json"));
        var grouped = GroupedTallyBuilder.Tally(document.Framework, new[] { "team" }, Array.Empty<InspectedCase>());
        GroupRater.TryGetUnsplittable(document.Input, grouped, out var id).ShouldBeTrue();
        id.ShouldBe("P2.1.1");
        Should.Throw<ArgumentException>(() => GroupRater.Rate(document.Input, grouped));
    }

    [Test]
    public void A_sheet_groups_while_it_streams_as_the_builder_groups_the_kept_cases()
    {
        var cases = SheetSupport.RandomCases(8, 300);
        var table = SheetSupport.Table(cases);
        table[0] = table[0].Select(h => h == "team" ? "Team" : h).ToArray(); // headers match case-insensitively, --by too
        var csv = Encoding.UTF8.GetBytes(SheetSupport.Csv(table));
        var streamed = CaseSheetReader.Read(new MemoryStream(csv), "s.csv", SheetKind.Csv, new CaseSheetOptions { GroupBy = new[] { "team" } });
        var kept = CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(SheetSupport.Table(cases)))), "s.csv", SheetKind.Csv, new CaseSheetOptions { KeepCases = true });
        streamed.CasesKept.ShouldBeFalse();
        streamed.Groups.ShouldBe(GroupedTallyBuilder.Tally(kept.Framework, new[] { "team" }, kept.Cases));
    }

    [Test]
    public void Keys_order_by_value_ordinally_with_the_missing_value_last()
    {
        var names = new[] { "team" };
        var keys = new[] { "b", null, "B", "a" }.Select(v => GroupKey.Create(names, new[] { v })).ToList();
        keys.Sort();
        keys.Select(k => k.Values[0]).ShouldBe(new[] { "B", "a", "b", null });
        keys[3].ToString().ShouldBe("team (none)");
    }

    [Test]
    public void A_sheet_with_an_all_blank_key_question_column_groups_and_that_key_question_has_no_result()
    {
        var cases = SheetSupport.RandomCases(9, 60);
        foreach (var c in cases)
        {
            c.Answers.Remove("P2.3.3");
        }

        var csv = Encoding.UTF8.GetBytes(SheetSupport.Csv(SheetSupport.Table(cases)));
        var sheet = CaseSheetReader.Read(new MemoryStream(csv), "b.csv", SheetKind.Csv, new CaseSheetOptions { GroupBy = new[] { "team" } });
        sheet.Input.Tallies.GetTally("P2.3.3").ShouldBe(new KeyQuestionTally(0, 0));
        GroupRater.TryGetUnsplittable(sheet.Input, sheet.Groups!, out _).ShouldBeFalse();
        var rated = GroupRater.Rate(sheet.Input, sheet.Groups!);
        rated.All.GetStandard("P2.3").KeyQuestions.Single(q => q.Id == "P2.3.3").HasResult.ShouldBeFalse();
    }
}
