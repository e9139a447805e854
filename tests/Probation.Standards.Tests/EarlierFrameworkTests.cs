using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// R1, R2, R8: the frameworks before 2023 (CRC/NPS 2018, PDU 2021, youth 2018 and 2021) load and validate,
/// the date picks only within the default family, and a standard that does not count (youth resettlement) is
/// rated but left out of the score. Expected ids, maxima and dates are written out here from docs/rules.md R1,
/// not read from the framework data.
/// </summary>
public class EarlierFrameworkTests
{
    private static readonly string[] Youth2021Judgements = { "1.1", "1.2", "1.3", "1.4", "3.4", "4.1" };

    private static readonly string[] Youth2021CaseStandards = { "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3" };

    public static IEnumerable<TestCaseData> Frameworks()
    {
        // id, family, from, to (null: open), standards in order, judgement-rated ones, maximum score
        yield return new TestCaseData("probation-2018", "probation-crc", "2018-04-01", "2021-06-25",
            "1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 4.1 4.2", "1.1 1.2 1.3 1.4", 30).SetName("probation-2018");
        yield return new TestCaseData("probation-2018-nps", "probation-nps", "2018-04-01", "2021-06-25",
            "1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 3.1 3.2", "1.1 1.2 1.3 1.4", 30).SetName("probation-2018-nps");
        yield return new TestCaseData("probation-pdu-2021", "probation-pdu", "2021-06-26", "2023-09-30",
            "1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 2.5", "1.1 1.2 1.3 1.4", 27).SetName("probation-pdu-2021");
        yield return new TestCaseData("probation-pdu-2023", "probation-pdu", "2023-10-01", null,
            "P1.1 P1.2 P1.3 P2.1 P2.2 P2.3 P2.4", "P1.1 P1.2 P1.3", 21).SetName("probation-pdu-2023");
        yield return new TestCaseData("youth-2018", "youth", "2018-06-01", "2021-05-31",
            "1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 3.1 3.2 3.3 3.4", "1.1 1.2 1.3 1.4 3.4", 36).SetName("youth-2018");
        yield return new TestCaseData("youth-2021", "youth", "2021-06-01", "2025-03-31",
            "1.1 1.2 1.3 1.4 2.1 2.2 2.3 2.4 3.1 3.2 3.3 3.4 4.1", "1.1 1.2 1.3 1.4 3.4 4.1", 36).SetName("youth-2021");
    }

    [Test]
    public void R1_the_catalog_embeds_the_frameworks_since_2018_in_id_order()
    {
        FrameworkCatalog.Default.Frameworks.Select(f => f.Id).ShouldBe(new[]
        {
            "probation-2018", "probation-2018-nps", "probation-pdu-2021", "probation-pdu-2023", "youth-2018", "youth-2021",
        });
    }

    [TestCaseSource(nameof(Frameworks))]
    public void R1_R2_R8_each_framework_has_its_dates_standards_and_an_overall_table_for_its_maximum(
        string id, string family, string from, string? to, string standards, string judgements, int maximum)
    {
        var framework = FrameworkCatalog.Default.GetFramework(id);
        framework.Family.ShouldBe(family);
        framework.EffectiveFrom.ShouldBe(DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        framework.EffectiveTo.ShouldBe(to is null ? null : DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        framework.Standards.Select(s => s.Id).ShouldBe(standards.Split(' '));
        framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => s.Id).ShouldBe(judgements.Split(' '));

        // Every case standard has key questions with ids, numbered under it, so a document can give their results.
        foreach (var standard in framework.Standards.Where(s => s.RatedBy == RatedBy.CaseSample))
        {
            standard.KeyQuestions.Count.ShouldBeGreaterThan(0, standard.Id);
            standard.KeyQuestions.ShouldAllBe(q => q.Id.StartsWith(standard.Id + ".", StringComparison.Ordinal) && q.StandardId == standard.Id);
        }

        // Points 0-3 and the table for the maximum of the counting standards, covering 0..maximum.
        framework.Points.Select(p => (p.Rating, p.Points)).ShouldBe(new[]
        {
            (Rating.Inadequate, 0), (Rating.RequiresImprovement, 1), (Rating.Good, 2), (Rating.Outstanding, 3),
        });
        (framework.Standards.Count(s => s.CountsTowardsScore) * 3).ShouldBe(maximum);
        var table = framework.GetOverallBands(maximum);
        table.Bands[0].FromScore.ShouldBe(0);
        table.Bands[^1].ToScore.ShouldBe(maximum);
    }

    [TestCaseSource(nameof(Frameworks))]
    public void R1_every_value_of_each_framework_has_a_source_with_a_known_status(
        string id, string family, string from, string? to, string standards, string judgements, int maximum)
    {
        var framework = FrameworkCatalog.Default.GetFramework(id);
        var sources = framework.Standards.Select(s => s.Source)
            .Concat(framework.KeyQuestions.Select(q => q.Source))
            .Concat(framework.Bands.Select(b => b.Source))
            .Concat(framework.Points.Select(p => p.Source))
            .Concat(framework.OverallBands.Select(t => t.Source))
            .Append(framework.Source)
            .Append(framework.Reset.Source)
            .ToList();
        var statuses = new[] { "confirmed", "confirmed (partial)", "unverified", "inferred", "project's own" };
        sources.ShouldAllBe(s => s.Document.Length > 0 && s.Locator.Length > 0 && statuses.Contains(s.Status));
    }

    [TestCaseSource(nameof(Frameworks))]
    public void R1_each_embedded_framework_exports_and_reads_back_equal(
        string id, string family, string from, string? to, string standards, string judgements, int maximum)
    {
        var json = FrameworkCatalog.Default.GetJson(id);
        using var stream = new MemoryStream(json.ToArray());
        FrameworkCatalog.ReadFramework(stream, id + ".json").ShouldBe(FrameworkCatalog.Default.GetFramework(id));
    }

    [TestCase("probation-2018")]
    [TestCase("probation-2018-nps")]
    [TestCase("probation-pdu-2021")]
    [TestCase("youth-2018")]
    [TestCase("youth-2021")]
    public void R2_wording_no_source_gives_is_absent_not_invented(string id)
    {
        // No source read for this project gives the key questions' wording before 2023.
        FrameworkCatalog.Default.GetFramework(id).KeyQuestions.ShouldAllBe(q => q.Text == null);
    }

    [Test]
    public void R8_youth_2021_resettlement_is_rated_but_does_not_count()
    {
        var framework = FrameworkCatalog.Default.GetFramework("youth-2021");
        framework.Standards.Where(s => !s.CountsTowardsScore).Select(s => s.Id).ShouldBe(new[] { "4.1" });
        FrameworkCatalog.Default.Frameworks.Where(f => f.Id != "youth-2021").ShouldAllBe(f => f.Standards.All(s => s.CountsTowardsScore));
    }

    [Test]
    public void R1_no_two_embedded_frameworks_of_one_family_are_in_force_on_the_same_day()
    {
        var frameworks = FrameworkCatalog.Default.Frameworks;
        foreach (var a in frameworks)
        {
            foreach (var b in frameworks.Where(b => b != a && b.Family == a.Family))
            {
                var overlap = a.EffectiveFrom <= (b.EffectiveTo ?? DateTime.MaxValue) && b.EffectiveFrom <= (a.EffectiveTo ?? DateTime.MaxValue);
                overlap.ShouldBeFalse($"{a.Id} and {b.Id}");
            }
        }
    }

    [TestCase("2018-04-01", null, Description = "CRC/NPS frameworks are of other families")]
    [TestCase("2021-06-25", null, Description = "the day before the unified service")]
    [TestCase("2021-06-26", "probation-pdu-2021")]
    [TestCase("2023-09-30", "probation-pdu-2021", Description = "youth-2021 is also in force, but is of another family")]
    [TestCase("2023-10-01", "probation-pdu-2023")]
    [TestCase("2026-01-12", "probation-pdu-2023", Description = "R1: the 2023 framework has no end date")]
    public void R1_a_date_picks_within_the_default_family_only(string date, string? expected)
    {
        var found = FrameworkCatalog.Default.TryGetFrameworkInForce(Date(date), out var framework);
        found.ShouldBe(expected is not null);
        framework?.Id.ShouldBe(expected);
    }

    [TestCase("youth", "2018-05-31", null)]
    [TestCase("youth", "2018-06-01", "youth-2018")]
    [TestCase("youth", "2021-05-31", "youth-2018")]
    [TestCase("youth", "2021-06-01", "youth-2021")]
    [TestCase("youth", "2025-03-31", "youth-2021")]
    [TestCase("youth", "2025-04-01", null, Description = "the 2025 youth framework is not embedded")]
    [TestCase("probation-crc", "2018-03-31", null)]
    [TestCase("probation-crc", "2018-04-01", "probation-2018")]
    [TestCase("probation-nps", "2021-06-25", "probation-2018-nps")]
    [TestCase("probation-nps", "2021-06-26", null)]
    public void R1_a_date_picks_within_a_named_family(string family, string date, string? expected)
    {
        var found = FrameworkCatalog.Default.TryGetFrameworkInForce(Date(date), family, out var framework);
        found.ShouldBe(expected is not null);
        framework?.Id.ShouldBe(expected);
    }

    [Test]
    public void R1_a_document_of_2019_without_a_framework_is_rejected_naming_the_frameworks_of_other_families_in_force()
    {
        var doc = Docs.Aggregate();
        doc.Remove("framework");
        doc["fieldworkStarted"] = "2019-05-13";
        var problem = Docs.Rejects(doc).Problems[0];
        problem.Path.ShouldBe("$.fieldworkStarted");
        problem.Message.ShouldContain("2019-05-13");
        problem.Message.ShouldContain("name one in framework (in force then: probation-2018, probation-2018-nps, youth-2018)");
    }

    [Test]
    public void R1_a_document_naming_youth_2021_rates_on_it_and_warns_when_fieldwork_is_after_its_end()
    {
        var doc = Youth2021("Good", "Good", 70);
        doc["fieldworkStarted"] = "2025-04-01";
        var result = Docs.Rate(doc);
        result.Framework.Id.ShouldBe("youth-2021");
        result.Warnings.ShouldContain(w => w.Code == WarningCode.FrameworkNotInForce);
    }

    [TestCase("Inadequate")]
    [TestCase("RequiresImprovement")]
    [TestCase("Good")]
    [TestCase("Outstanding")]
    [TestCase("NotRated")]
    public void R8_resettlement_changes_neither_score_nor_maximum(string resettlement)
    {
        // 1.1-1.4 and 3.4 Good (5 x 2), the seven case standards at 70% Good (7 x 2): 24/36 Good whatever 4.1 is.
        var result = Docs.Rate(Youth2021("Good", resettlement, 70));
        result.Score.ShouldBe(24);
        result.MaxScore.ShouldBe(36);
        result.Overall.ShouldBe(Rating.Good);
        var standard = result.Standards.Single(s => s.Id == "4.1");
        standard.Rating.ToString().ShouldBe(resettlement);
        standard.CountsTowardsScore.ShouldBeFalse();
        result.Standards.Where(s => s.Id != "4.1").ShouldAllBe(s => s.CountsTowardsScore);
        result.Warnings.ShouldNotContain(w => w.Code == WarningCode.OverallNotRated);
    }

    [Test]
    public void R8_an_unrated_counting_youth_standard_still_lowers_the_maximum()
    {
        // 3.4 NotRated: maximum 33, for which youth-2021 has no table, so the overall is NotRated with a warning.
        var doc = Youth2021("Good", "Good", 70);
        doc["organisational"]!["3.4"] = "NotRated";
        var result = Docs.Rate(doc);
        result.Score.ShouldBe(22);
        result.MaxScore.ShouldBe(33);
        result.Overall.ShouldBe(Rating.NotRated);
        result.Warnings.ShouldContain(w => w.Code == WarningCode.OverallNotRated && w.StandardId == "3.4");
    }

    [Test]
    public void R6_youth_judgement_standards_are_required_inputs_as_in_the_PDU_framework()
    {
        var doc = Youth2021("Good", "Good", 70);
        doc["organisational"]!.AsObject().Remove("4.1");
        Docs.Rejects(doc).Problems.ShouldContain(p => p.Message.Contains("4.1", StringComparison.Ordinal));
    }

    [Test]
    public void R7_a_judgement_rated_youth_standard_cannot_be_overridden()
    {
        var doc = Youth2021("Good", "Good", 70).WithOverride("3.4", "Outstanding", "inspectors' discretion");
        Docs.Rejects(doc).Problems.ShouldContain(p => p.Path.Contains("3.4", StringComparison.Ordinal));
    }

    [Test]
    public void R5_a_youth_case_standard_takes_its_lowest_key_question()
    {
        // 2.1 at 70/70/49: Inadequate, so 24 - 2 = 22/36, still Good.
        var doc = Youth2021("Good", "Good", 70);
        doc["keyQuestions"]!["2.1.3"] = 49;
        var result = Docs.Rate(doc);
        var standard = result.Standards.Single(s => s.Id == "2.1");
        standard.Rating.ShouldBe(Rating.Inadequate);
        standard.DrivenBy.ShouldBe("2.1.3");
        result.Score.ShouldBe(22);
    }

    [Test]
    public void R1_validation_rejects_a_framework_none_of_whose_standards_counts()
    {
        var json = FrameworkJson.DefaultCopy();
        foreach (var standard in json["standards"]!.AsArray())
        {
            standard!["countsTowardsScore"] = false;
        }

        var problem = FrameworkJson.Rejects(json).Problems[0];
        problem.Path.ShouldBe("$.standards");
        problem.Message.ShouldContain("countsTowardsScore");
    }

    [Test]
    public void R8_a_user_framework_can_leave_a_standard_out_of_the_score()
    {
        // P1.2 does not count: 6 standards, maximum 18; the framework gains an 18-point table to rate it.
        var json = FrameworkJson.DefaultCopy();
        json["standards"]![1]!["countsTowardsScore"] = false;
        var table = json["overallBands"]![0]!.DeepClone();
        table["maxScore"] = 18;
        table["bands"]![3]!["toScore"] = 18;
        json["overallBands"]!.AsArray().Add(table);
        var catalog = FrameworkCatalog.Default.With(FrameworkJson.Read(json));

        // Defaults: P1.x Good, every key question 90/100 Outstanding: 2 + 2 + 4 x 3 = 16 of 18 (P1.2's 2 points left out).
        var result = Docs.Rate(Docs.Aggregate(), catalog: catalog);
        result.Score.ShouldBe(16);
        result.MaxScore.ShouldBe(18);
        result.Overall.ShouldBe(Rating.Outstanding);
        result.Standards.Single(s => s.Id == "P1.2").Points.ShouldBe(2);
    }

    [TestCase("text")]
    [TestCase("lens")]
    public void R1_a_key_question_may_leave_out_its_wording_or_lens_but_not_give_it_empty(string field)
    {
        var json = FrameworkJson.DefaultCopy();
        json["standards"]![3]!["keyQuestions"]![0]!.AsObject().Remove(field);
        var framework = FrameworkJson.Read(json);
        var question = framework.GetKeyQuestion("P2.1.1");
        (field == "text" ? question.Text : question.Lens).ShouldBeNull();

        json["standards"]![3]!["keyQuestions"]![0]![field] = " ";
        FrameworkJson.Rejects(json).Problems[0].Path.ShouldBe($"$.standards[3].keyQuestions[0].{field}");
    }

    [Test]
    public void R1_a_framework_file_without_family_belongs_to_the_default_family()
    {
        var json = FrameworkJson.Renamed("user-2030", "2030-01-01");
        json.Remove("family");
        var framework = FrameworkJson.Read(json);
        framework.Family.ShouldBe("probation-pdu");
        FrameworkCatalog.Default.With(framework).TryGetFrameworkInForce(Date("2030-01-01"), out var inForce).ShouldBeTrue();
        inForce.ShouldBeSameAs(framework);

        json["family"] = "";
        FrameworkJson.Rejects(json).Problems[0].Path.ShouldBe("$.family");
    }

    [Test]
    public void R1_a_user_framework_of_another_family_is_never_picked_by_date()
    {
        var json = FrameworkJson.Renamed("audit-2030", "2030-01-01");
        json["family"] = "in-house";
        var catalog = FrameworkCatalog.Default.With(FrameworkJson.Read(json));
        catalog.TryGetFrameworkInForce(Date("2030-01-01"), out var inForce).ShouldBeTrue();
        inForce!.Id.ShouldBe("probation-pdu-2023");
        catalog.TryGetFrameworkInForce(Date("2030-01-01"), "in-house", out var own).ShouldBeTrue();
        own!.Id.ShouldBe("audit-2030");
    }

    private static DateTime Date(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // A youth-2021 document: judgements 1.1-1.4 and 3.4 as given, resettlement 4.1 as given, every key question of the
    // seven case standards at the same published percentage.
    private static JsonObject Youth2021(string judgements, string resettlement, int percent)
    {
        var org = new JsonObject();
        foreach (var id in Youth2021Judgements)
        {
            org[id] = id == "4.1" ? resettlement : judgements;
        }

        var kqs = new JsonObject();
        foreach (var standard in Youth2021CaseStandards)
        {
            for (var q = 1; q <= 3; q++)
            {
                kqs[$"{standard}.{q}"] = percent;
            }
        }

        return new JsonObject
        {
            ["framework"] = "youth-2021",
            ["unit"] = "Test youth justice service",
            ["organisational"] = org,
            ["keyQuestions"] = kqs,
        };
    }
}
