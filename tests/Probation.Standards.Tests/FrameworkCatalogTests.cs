using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R1: frameworks are versioned, validated data; documents name one or get the one in force.</summary>
public class FrameworkCatalogTests
{
    [Test]
    public void R1_default_framework_is_probation_pdu_2023_in_force_from_2023_10_01()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        framework.Id.ShouldBe("probation-pdu-2023");
        FrameworkCatalog.Default.GetFramework("probation-pdu-2023").ShouldBeSameAs(framework);
        framework.EffectiveFrom.ShouldBe(new DateTime(2023, 10, 1));
        framework.IsInForceOn(new DateTime(2023, 9, 30)).ShouldBeFalse();
        framework.IsInForceOn(new DateTime(2023, 10, 1)).ShouldBeTrue();
        framework.IsInForceOn(new DateTime(2025, 3, 10)).ShouldBeTrue();
    }

    [Test]
    public void R1_default_framework_has_no_end_date_while_no_successor_is_published()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        framework.EffectiveTo.ShouldBeNull();
        framework.IsInForceOn(new DateTime(2025, 10, 1)).ShouldBeTrue("the PDU programme paused, but the 2023 standards are still the current ones");
        framework.IsInForceOn(new DateTime(2026, 12, 2)).ShouldBeTrue();
    }

    [Test]
    public void R2_default_framework_has_the_seven_standards_in_order_with_how_each_is_rated()
    {
        var standards = FrameworkCatalog.DefaultFramework.Standards;
        standards.Select(s => (s.Id, s.Name, s.RatedBy)).ShouldBe(new[]
        {
            ("P1.1", "Leadership", RatedBy.Judgement),
            ("P1.2", "Staffing", RatedBy.Judgement),
            ("P1.3", "Services", RatedBy.Judgement),
            ("P2.1", "Assessment", RatedBy.CaseSample),
            ("P2.2", "Planning", RatedBy.CaseSample),
            ("P2.3", "Implementation and delivery", RatedBy.CaseSample),
            ("P2.4", "Reviewing", RatedBy.CaseSample),
        });
    }

    [Test]
    public void R2_each_case_standard_has_three_key_questions_numbered_by_lens()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        framework.KeyQuestions.Select(q => q.Id).ShouldBe(Docs.KeyQuestionIds);
        framework.KeyQuestions.Select(q => q.Index).ShouldBe(Enumerable.Range(0, 12));
        foreach (var standard in framework.Standards.Where(s => s.RatedBy == RatedBy.CaseSample))
        {
            standard.KeyQuestions.Select(q => q.Id).ShouldBe(new[] { standard.Id + ".1", standard.Id + ".2", standard.Id + ".3" });
            standard.KeyQuestions.Select(q => q.Lens).ShouldBe(new[] { "engagement", "desistance", "keepingSafe" });
        }

        framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).ShouldAllBe(s => s.KeyQuestions.Count == 0);
    }

    [Test]
    public void R4_default_band_table_is_0_50_65_80_100()
    {
        FrameworkCatalog.DefaultFramework.Bands.Select(b => (b.Rating, b.FromPercent, b.ToPercent)).ShouldBe(new[]
        {
            (Rating.Inadequate, 0, 50),
            (Rating.RequiresImprovement, 50, 65),
            (Rating.Good, 65, 80),
            (Rating.Outstanding, 80, 100),
        });
    }

    [Test]
    public void R8_default_points_and_21_point_overall_table()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        framework.Points.Select(p => (p.Rating, p.Points)).ShouldBe(new[]
        {
            (Rating.Inadequate, 0), (Rating.RequiresImprovement, 1), (Rating.Good, 2), (Rating.Outstanding, 3),
        });
        framework.MaxPointsPerStandard.ShouldBe(3);
        framework.OverallBands.Count.ShouldBe(1);
        framework.TryGetOverallBands(21, out var table).ShouldBeTrue();
        table.ShouldNotBeNull();
        table.Bands.Select(b => (b.Rating, b.FromScore, b.ToScore)).ShouldBe(new[]
        {
            (Rating.Inadequate, 0, 5), (Rating.RequiresImprovement, 6, 10), (Rating.Good, 11, 15), (Rating.Outstanding, 16, 21),
        });
        framework.TryGetOverallBands(18, out var none).ShouldBeFalse();
        none.ShouldBeNull();
    }

    [Test]
    public void R1_every_standard_key_question_and_threshold_carries_a_source()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var sources = framework.Standards.Select(s => s.Source)
            .Concat(framework.KeyQuestions.Select(q => q.Source))
            .Concat(framework.Bands.Select(b => b.Source))
            .Concat(framework.Points.Select(p => p.Source))
            .Concat(framework.OverallBands.Select(t => t.Source))
            .Append(framework.Source)
            .Append(framework.Reset.Source)
            .ToList();
        sources.Count.ShouldBe(7 + 12 + 4 + 4 + 1 + 1 + 1);
        sources.ShouldAllBe(s => s.Document.Length > 0 && s.Locator.Length > 0 && s.Status.Length > 0);
    }

    [Test]
    public void R1_the_embedded_json_read_through_ReadFramework_equals_the_default_framework()
    {
        FrameworkJson.Read(FrameworkJson.DefaultCopy()).ShouldBe(FrameworkCatalog.DefaultFramework);
    }

    [Test]
    public void R1_validation_rejects_a_gap_between_bands()
    {
        var json = FrameworkJson.DefaultCopy();
        json["bands"]![1]!["fromPercent"] = 51; // Inadequate ends at 50, Requires improvement starts at 51: 50 is in no band
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.bands[1].fromPercent");
        error.Problems[0].Message.ShouldContain("gap");
        error.File.ShouldBe("test-framework.json");
    }

    [Test]
    public void R1_validation_rejects_a_gap_below_100_at_the_top()
    {
        var json = FrameworkJson.DefaultCopy();
        json["bands"]![3]!["toPercent"] = 99;
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.bands");
        error.Problems[0].Message.ShouldContain("gap");
    }

    [Test]
    public void R1_validation_rejects_a_gap_above_0_at_the_bottom()
    {
        var json = FrameworkJson.DefaultCopy();
        json["bands"]![0]!["fromPercent"] = 1;
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.bands[0].fromPercent");
        error.Problems[0].Message.ShouldContain("gap");
    }

    [Test]
    public void R1_validation_rejects_overlapping_bands()
    {
        var json = FrameworkJson.DefaultCopy();
        json["bands"]![2]!["fromPercent"] = 60; // Requires improvement runs to 65, Good would start at 60
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.bands[2].fromPercent");
        error.Problems[0].Message.ShouldContain("overlap");
    }

    [Test]
    public void R1_validation_rejects_an_overall_table_with_a_gap()
    {
        var json = FrameworkJson.DefaultCopy();
        json["overallBands"]![0]!["bands"]![2]!["fromScore"] = 12; // Requires improvement ends at 10: 11 is in no band
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.overallBands[0].bands[2].fromScore");
        error.Problems[0].Message.ShouldContain("gap");
    }

    [Test]
    public void R1_validation_rejects_an_overall_table_that_stops_short_of_its_maximum()
    {
        var json = FrameworkJson.DefaultCopy();
        json["overallBands"]![0]!["bands"]![3]!["toScore"] = 20; // 21 is in no band
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.overallBands[0].bands");
        error.Problems[0].Message.ShouldContain("gap");
    }

    [Test]
    public void R1_validation_rejects_an_overall_table_with_an_overlap()
    {
        var json = FrameworkJson.DefaultCopy();
        json["overallBands"]![0]!["bands"]![1]!["fromScore"] = 5; // Inadequate already covers 5
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.overallBands[0].bands[1].fromScore");
        error.Problems[0].Message.ShouldContain("overlap");
    }

    [Test]
    public void R1_validation_rejects_a_duplicate_standard_id()
    {
        var json = FrameworkJson.DefaultCopy();
        json["standards"]![1]!["id"] = "P1.1";
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.standards[1].id");
        error.Problems[0].Message.ShouldContain("duplicate");
        error.Problems[0].Message.ShouldContain("P1.1");
    }

    [Test]
    public void R1_validation_rejects_a_duplicate_key_question_id()
    {
        var json = FrameworkJson.DefaultCopy();
        json["standards"]![4]!["keyQuestions"]![2]!["id"] = "P2.1.3"; // P2.2.3 renamed to a key question of P2.1
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe("$.standards[4].keyQuestions[2].id");
        error.Problems[0].Message.ShouldContain("P2.1.3");
    }

    [TestCase("standards", 0, "$.standards[0].source", Description = "a standard without its source")]
    [TestCase("bands", 2, "$.bands[2].source", Description = "a band threshold without its source")]
    [TestCase("points", 3, "$.points[3].source", Description = "a points value without its source")]
    [TestCase("overallBands", 0, "$.overallBands[0].source", Description = "the overall table without its source")]
    public void R1_validation_rejects_a_missing_source(string list, int index, string path)
    {
        var json = FrameworkJson.DefaultCopy();
        json[list]![index]!.AsObject().Remove("source");
        var error = FrameworkJson.Rejects(json);
        error.Problems[0].Path.ShouldBe(path);
        error.Problems[0].Message.ShouldContain("source");
    }

    [Test]
    public void R1_validation_rejects_a_key_question_without_its_source()
    {
        var json = FrameworkJson.DefaultCopy();
        json["standards"]![5]!["keyQuestions"]![1]!.AsObject().Remove("source");
        FrameworkJson.Rejects(json).Problems[0].Path.ShouldBe("$.standards[5].keyQuestions[1].source");
    }

    [Test]
    public void R1_a_user_framework_added_with_With_is_found_by_id_and_by_date()
    {
        var user = FrameworkJson.Read(FrameworkJson.Renamed("user-2025", "2025-10-01"));
        var catalog = FrameworkCatalog.Default.With(user);

        catalog.GetFramework("user-2025").ShouldBeSameAs(user);
        catalog.GetFramework("probation-pdu-2023").ShouldBeSameAs(FrameworkCatalog.DefaultFramework);
        catalog.TryGetFrameworkInForce(new DateTime(2025, 10, 1), out var inForce1).ShouldBeTrue();
        inForce1.ShouldBeSameAs(user);
        catalog.TryGetFrameworkInForce(new DateTime(2030, 1, 1), out var inForce2).ShouldBeTrue();
        inForce2.ShouldBeSameAs(user);
        catalog.TryGetFrameworkInForce(new DateTime(2025, 9, 30), out var inForce3).ShouldBeTrue();
        inForce3.ShouldBeSameAs(FrameworkCatalog.DefaultFramework);
        catalog.TryGetFrameworkInForce(new DateTime(2023, 9, 30), out var earlier).ShouldBeTrue();
        earlier!.Id.ShouldBe("probation-pdu-2021");
        catalog.TryGetFrameworkInForce(new DateTime(2021, 6, 25), out var beforeAny).ShouldBeFalse("the CRC/NPS frameworks in force then are of other families");
        beforeAny.ShouldBeNull();

        // With returns a new catalog: the default one is unchanged.
        FrameworkCatalog.Default.TryGetFramework("user-2025", out _).ShouldBeFalse();
    }

    [Test]
    public void R1_when_two_frameworks_are_in_force_the_later_starting_one_is_picked()
    {
        var overlapping = FrameworkJson.Read(FrameworkJson.Renamed("overlap-2025", "2025-01-01"));
        var catalog = FrameworkCatalog.Default.With(overlapping);
        catalog.TryGetFrameworkInForce(new DateTime(2024, 12, 31), out var inForce4).ShouldBeTrue();
        inForce4.ShouldBeSameAs(FrameworkCatalog.DefaultFramework);
        catalog.TryGetFrameworkInForce(new DateTime(2025, 1, 1), out var inForce5).ShouldBeTrue();
        inForce5.ShouldBeSameAs(overlapping);
    }

    [Test]
    public void R1_With_replaces_a_framework_of_the_same_id()
    {
        var json = FrameworkJson.DefaultCopy();
        json["versionId"] = "2023.1-test";
        var replacement = FrameworkJson.Read(json);
        var catalog = FrameworkCatalog.Default.With(replacement);
        catalog.Frameworks.Count(f => f.Id == "probation-pdu-2023").ShouldBe(1);
        catalog.GetFramework("probation-pdu-2023").VersionId.ShouldBe("2023.1-test");
    }

    [Test]
    public void R1_a_document_without_framework_gets_the_framework_in_force_on_fieldworkStarted()
    {
        var doc = Docs.Aggregate();
        doc.Remove("framework");
        doc["fieldworkStarted"] = "2024-11-04";
        Docs.Read(doc).Framework.ShouldBeSameAs(FrameworkCatalog.DefaultFramework);
    }

    [Test]
    public void R1_a_document_without_framework_gets_a_user_framework_in_force_on_its_date()
    {
        var user = FrameworkJson.Read(FrameworkJson.Renamed("user-2025", "2025-10-01"));
        var doc = Docs.Aggregate();
        doc.Remove("framework");
        doc["fieldworkStarted"] = "2025-11-03";
        Docs.Read(doc, FrameworkCatalog.Default.With(user)).Framework.ShouldBeSameAs(user);
    }

    [TestCase("2021-06-25", Description = "the day before probation-pdu-2021, the first framework of the default family, came in")]
    public void R1_a_document_without_framework_is_rejected_when_none_is_in_force(string date)
    {
        var doc = Docs.Aggregate();
        doc.Remove("framework");
        doc["fieldworkStarted"] = date;
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.fieldworkStarted");
        error.Problems[0].Message.ShouldContain(date);
    }

    [Test]
    public void R1_a_document_with_neither_framework_nor_fieldworkStarted_is_rejected()
    {
        var doc = Docs.Aggregate();
        doc.Remove("framework");
        doc.Remove("fieldworkStarted");
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.fieldworkStarted");
    }

    [Test]
    public void R1_a_named_framework_wins_over_the_date()
    {
        // Named framework, fieldwork outside its dates: the name is what the document says it follows.
        var doc = Docs.Aggregate();
        doc["fieldworkStarted"] = "2026-01-12";
        Docs.Read(doc).Framework.Id.ShouldBe("probation-pdu-2023");
    }

    [Test]
    public void R1_a_framework_file_that_is_not_json_is_rejected_with_line_and_column()
    {
        using var stream = new MemoryStream("{\n  \"id\": \"x\",\n  oops\n}"u8.ToArray());
        var error = Should.Throw<InvalidInputException>(() => FrameworkCatalog.ReadFramework(stream, "broken.json"));
        error.File.ShouldBe("broken.json");
        error.Problems[0].Line.ShouldBe(3);
        error.Problems[0].Column.ShouldBe(3);
    }

    [Test]
    public void R1_a_framework_file_with_an_unknown_field_is_rejected()
    {
        var json = FrameworkJson.DefaultCopy();
        json["colour"] = "blue";
        Should.Throw<InvalidInputException>(() => FrameworkJson.Read(json));
    }

    [Test]
    public void R1_a_framework_whose_effectiveTo_is_before_effectiveFrom_is_rejected()
    {
        var json = FrameworkJson.DefaultCopy();
        json["effectiveTo"] = "2023-09-30";
        FrameworkJson.Rejects(json).Problems[0].Path.ShouldBe("$.effectiveTo");
    }

    [Test]
    public void R1_a_user_framework_can_add_an_overall_table_for_a_reduced_maximum()
    {
        var json = FrameworkJson.Renamed("user-18", "2025-10-01");
        json["overallBands"]!.AsArray().Add(Table18());
        var framework = FrameworkJson.Read(json);
        framework.GetOverallBands(18).GetRating(13).ShouldBe(Rating.Good);
        framework.GetOverallBands(18).GetRating(14).ShouldBe(Rating.Outstanding);
    }

    /// <summary>A made-up overall table for 18 points: 0-4, 5-8, 9-13, 14-18.</summary>
    internal static JsonObject Table18() => new()
    {
        ["maxScore"] = 18,
        ["source"] = new JsonObject { ["document"] = "test", ["locator"] = "made up for a test", ["status"] = "inferred" },
        ["bands"] = new JsonArray(
            new JsonObject { ["rating"] = "Inadequate", ["fromScore"] = 0, ["toScore"] = 4 },
            new JsonObject { ["rating"] = "RequiresImprovement", ["fromScore"] = 5, ["toScore"] = 8 },
            new JsonObject { ["rating"] = "Good", ["fromScore"] = 9, ["toScore"] = 13 },
            new JsonObject { ["rating"] = "Outstanding", ["fromScore"] = 14, ["toScore"] = 18 }),
    };
}
