using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The framework's lookups and derived values, each at its edges: the days it is in force (R1), standards, key
/// questions, points, bands and overall tables by key, the values whose sources are not confirmed, and a changed
/// Reset threshold. Expected values come from the 2023 framework's file as written (edges 50/65/80, points 0-3,
/// overall bands 0-5/6-10/11-15/16-21, Reset 56 days).
/// </summary>
public class FrameworkApiTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    [Test]
    public void A_framework_is_in_force_from_its_first_day_to_its_last_whatever_the_time()
    {
        var json = FrameworkJson.DefaultCopy();
        json["effectiveTo"] = "2024-03-31";
        var framework = FrameworkJson.Read(json);
        framework.IsInForceOn(new DateTime(2023, 9, 30, 23, 59, 59)).ShouldBeFalse();
        framework.IsInForceOn(new DateTime(2023, 10, 1)).ShouldBeTrue();
        framework.IsInForceOn(new DateTime(2023, 10, 1, 0, 0, 1)).ShouldBeTrue();
        framework.IsInForceOn(new DateTime(2024, 3, 31, 23, 59, 59)).ShouldBeTrue();
        framework.IsInForceOn(new DateTime(2024, 4, 1)).ShouldBeFalse();
        framework.EffectiveTo.ShouldBe(new DateTime(2024, 3, 31));
#if !LIBRARY_NETSTANDARD
        framework.IsInForceOn(new DateOnly(2024, 3, 31)).ShouldBeTrue();
        framework.IsInForceOn(new DateOnly(2024, 4, 1)).ShouldBeFalse();
        framework.IsInForceOn(new DateOnly(2023, 9, 30)).ShouldBeFalse();
#endif
        Default.EffectiveTo.ShouldBeNull();
        Default.IsInForceOn(DateTime.MaxValue).ShouldBeTrue();
    }

    [Test]
    public void Standards_and_key_questions_are_found_by_id_and_an_unknown_id_is_named()
    {
        Default.TryGetStandard("P2.3", out var standard).ShouldBeTrue();
        standard!.Name.ShouldBe("Implementation and delivery");
        Default.GetStandard("P1.2").Name.ShouldBe("Staffing");
        Default.TryGetStandard("P2.3.1", out standard).ShouldBeFalse();
        standard.ShouldBeNull();
        Default.TryGetStandard(null!, out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => Default.GetStandard("P9"))
            .Message.ShouldBe("probation-pdu-2023 has no standard 'P9' (it has P1.1, P1.2, P1.3, P2.1, P2.2, P2.3, P2.4)");

        Default.TryGetKeyQuestion("P2.4.3", out var question).ShouldBeTrue();
        question!.Index.ShouldBe(11);
        question.StandardId.ShouldBe("P2.4");
        Default.GetKeyQuestion("P2.1.1").Index.ShouldBe(0);
        Default.TryGetKeyQuestion("P2.4", out question).ShouldBeFalse();
        question.ShouldBeNull();
        Default.TryGetKeyQuestion(null!, out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => Default.GetKeyQuestion("P2.5.1")).Message.ShouldBe("probation-pdu-2023 has no key question 'P2.5.1'");
        Default.KeyQuestions.Select(k => k.Id).ShouldBe(new[]
        {
            "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3",
        });
    }

    [Test]
    public void Points_come_from_the_framework_by_rating()
    {
        Default.GetPoints(Rating.Inadequate).ShouldBe(0);
        Default.GetPoints(Rating.RequiresImprovement).ShouldBe(1);
        Default.GetPoints(Rating.Good).ShouldBe(2);
        Default.GetPoints(Rating.Outstanding).ShouldBe(3);
        Default.GetPoints(Rating.NotRated).ShouldBe(0);
        Default.MaxPointsPerStandard.ShouldBe(3);
        Should.Throw<ArgumentOutOfRangeException>(() => Default.GetPoints((Rating)5)).ParamName.ShouldBe("rating");
        Should.Throw<ArgumentOutOfRangeException>(() => Default.GetPoints((Rating)(-1))).ParamName.ShouldBe("rating");

        // Points listed out of order, the highest not last: each rating keeps its own, and the maximum is the largest.
        var json = FrameworkJson.DefaultCopy();
        var points = json["points"]!.AsArray();
        points[0]!["points"] = 1;
        points[1]!["points"] = 7;
        points[2]!["points"] = 2;
        points[3]!["points"] = 4;
        var framework = FrameworkJson.Read(json);
        framework.GetPoints(Rating.Inadequate).ShouldBe(1);
        framework.GetPoints(Rating.RequiresImprovement).ShouldBe(7);
        framework.GetPoints(Rating.Outstanding).ShouldBe(4);
        framework.MaxPointsPerStandard.ShouldBe(7);
    }

    [Test]
    public void Bands_and_overall_tables_are_found_by_key()
    {
        Default.GetBand(Rating.Inadequate).FromPercent.ShouldBe(0);
        Default.GetBand(Rating.RequiresImprovement).FromPercent.ShouldBe(50);
        Default.GetBand(Rating.Good).FromPercent.ShouldBe(65);
        Default.GetBand(Rating.Outstanding).FromPercent.ShouldBe(80);
        Default.GetBand(Rating.Outstanding).ToPercent.ShouldBe(100);
        Should.Throw<KeyNotFoundException>(() => Default.GetBand(Rating.NotRated)).Message.ShouldBe("probation-pdu-2023 has no band for NotRated");

        Default.TryGetOverallBands(21, out var table).ShouldBeTrue();
        table!.MaxScore.ShouldBe(21);
        Default.GetOverallBands(21).Bands.Select(b => (b.Rating, b.FromScore, b.ToScore)).ShouldBe(new[]
        {
            (Rating.Inadequate, 0, 5), (Rating.RequiresImprovement, 6, 10), (Rating.Good, 11, 15), (Rating.Outstanding, 16, 21),
        });
        Default.TryGetOverallBands(20, out table).ShouldBeFalse();
        table.ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => Default.GetOverallBands(18)).Message.ShouldBe("probation-pdu-2023 has no overall table for a maximum score of 18");

        // A second table is found by its own maximum, not the first one's.
        var json = FrameworkJson.DefaultCopy();
        var second = json["overallBands"]![0]!.DeepClone().AsObject();
        second["maxScore"] = 12;
        second["bands"]![3]!["toScore"] = 12;
        second["bands"]![3]!["fromScore"] = 12;
        second["bands"]![2]!["toScore"] = 11;
        json["overallBands"]!.AsArray().Add(second);
        var framework = FrameworkJson.Read(json);
        framework.GetOverallBands(12).Bands[3].FromScore.ShouldBe(12);
        framework.GetOverallBands(21).Bands[3].FromScore.ShouldBe(16);
    }

    [Test]
    public void Unverified_values_are_named_one_by_one()
    {
        Default.UnverifiedValues(casesClassified: false).ShouldBe(new[]
        {
            "the band edges 50/65/80 (R4)", "the points 0/1/2/3 (R8)", "the overall bands 0-5/6-10/11-15/16-21 (R8)",
        });
        Default.UnverifiedValues(casesClassified: true)[^1].ShouldBe("the Reset adjusted-set threshold of 56 days (R9)");

        // Everything confirmed: nothing to name. Then one part at a time left unconfirmed.
        JsonObject Confirmed()
        {
            var json = FrameworkJson.DefaultCopy();
            foreach (var band in json["bands"]!.AsArray())
            {
                band!["source"]!["status"] = "confirmed";
            }

            foreach (var points in json["points"]!.AsArray())
            {
                points!["source"]!["status"] = "confirmed";
            }

            json["overallBands"]![0]!["source"]!["status"] = "confirmed";
            json["reset"]!["source"]!["status"] = "confirmed";
            return json;
        }

        FrameworkJson.Read(Confirmed()).UnverifiedValues(true).ShouldBeEmpty();

        var oneBand = Confirmed();
        oneBand["bands"]![3]!["source"]!["status"] = "unverified";
        FrameworkJson.Read(oneBand).UnverifiedValues(true).ShouldBe(new[] { "the band edges 50/65/80 (R4)" });

        var onePoints = Confirmed();
        onePoints["points"]![0]!["source"]!["status"] = "inferred";
        var reversed = new JsonArray(onePoints["points"]!.AsArray().Reverse().Select(p => p!.DeepClone()).ToArray());
        onePoints["points"] = reversed;
        FrameworkJson.Read(onePoints).UnverifiedValues(true).ShouldBe(new[] { "the points 0/1/2/3 (R8)" });

        var table = Confirmed();
        table["overallBands"]![0]!["source"]!["status"] = "Confirmed";
        FrameworkJson.Read(table).UnverifiedValues(false).ShouldBe(new[] { "the overall bands 0-5/6-10/11-15/16-21 (R8)" });

        var reset = Confirmed();
        reset["reset"]!["source"]!["status"] = "inferred";
        FrameworkJson.Read(reset).UnverifiedValues(false).ShouldBeEmpty();
        FrameworkJson.Read(reset).UnverifiedValues(true).ShouldBe(new[] { "the Reset adjusted-set threshold of 56 days (R9)" });
    }

    [Test]
    public void A_changed_Reset_threshold_is_a_new_version_that_says_who_changed_it()
    {
        Default.WithResetThreshold(56).ShouldBeSameAs(Default);
        var e = Should.Throw<ArgumentOutOfRangeException>(() => Default.WithResetThreshold(-1));
        e.ParamName.ShouldBe("adjustedWithinDays");
        e.Message.ShouldStartWith("the Reset adjusted-set threshold is a number of days, 0 or more");

        var seventy = Default.WithResetThreshold(70);
        seventy.Id.ShouldBe("probation-pdu-2023");
        seventy.VersionId.ShouldBe("2023.2+reset-70d");
        seventy.ToString().ShouldBe("probation-pdu-2023 (2023.2+reset-70d)");
        seventy.Reset.AdjustedWithinDays.ShouldBe(70);
        seventy.Reset.Source.Status.ShouldBe("configured");
        seventy.Reset.Source.Document.ShouldBe(Default.Reset.Source.Document);
        seventy.Reset.Source.Locator.ShouldBe(Default.Reset.Source.Locator + "; adjusted-set threshold changed by the user from 56 to 70 days");
        seventy.Standards.ShouldBe(Default.Standards);
        seventy.Bands.ShouldBe(Default.Bands);
        seventy.Points.ShouldBe(Default.Points);
        seventy.OverallBands.ShouldBe(Default.OverallBands);
        seventy.EffectiveFrom.ShouldBe(Default.EffectiveFrom);
        seventy.Name.ShouldBe(Default.Name);
        seventy.Family.ShouldBe(Default.Family);
        seventy.SourceJson.ShouldBeNull();
        seventy.ShouldNotBe(Default);

        var zero = seventy.WithResetThreshold(0);
        zero.VersionId.ShouldBe("2023.2+reset-0d", "the published version, once");
        zero.Reset.Source.Locator.ShouldEndWith("from 70 to 0 days");
        zero.WithResetThreshold(56).VersionId.ShouldBe("2023.2+reset-56d");
        Default.ToString().ShouldBe("probation-pdu-2023 (2023.2)");
    }
}
