using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// R1: a framework is data, and two frameworks are the same exactly when their data is. The default framework read
/// twice is equal (and hashes alike); one value changed anywhere in the file, however small, makes it a different
/// framework, down to the piece that holds the value (a standard, key question, band, points row, overall band,
/// the Reset rules, or a source). Each edit keeps the file valid.
/// </summary>
public class FrameworkEqualityTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Edits = new()
    {
        ["versionId"] = j => j["versionId"] = "2023.2-test",
        ["name"] = j => j["name"] = "another name",
        ["family"] = j => j["family"] = "probation-other",
        ["effectiveFrom"] = j => j["effectiveFrom"] = "2023-10-02",
        ["effectiveTo"] = j => j["effectiveTo"] = "2030-01-01",
        ["source document"] = j => j["source"]!["document"] = "another document",
        ["source locator"] = j => j["source"]!["locator"] = "another locator",
        ["source status"] = j => j["source"]!["status"] = "inferred",
        ["standard id"] = j => j["standards"]![0]!["id"] = "P1.9",
        ["standard name"] = j => j["standards"]![0]!["name"] = "Leading",
        ["standard domain"] = j => j["standards"]![0]!["domain"] = "another domain",
        ["standard counts towards the score"] = j => j["standards"]![0]!["countsTowardsScore"] = false,
        ["standard source"] = j => j["standards"]![3]!["source"]!["locator"] = "another locator",
        ["key question id"] = j => j["standards"]![3]!["keyQuestions"]![0]!["id"] = "P2.1.9",
        ["key question text"] = j => j["standards"]![3]!["keyQuestions"]![0]!["text"] = "another wording",
        ["key question lens"] = j => j["standards"]![3]!["keyQuestions"]![0]!["lens"] = "desistance",
        ["key question order"] = j => Swap(j["standards"]![3]!["keyQuestions"]!.AsArray(), 0, 1),
        ["key question source"] = j => j["standards"]![3]!["keyQuestions"]![2]!["source"]!["status"] = "inferred",
        ["band descriptor"] = j => j["bands"]![0]!["descriptor"] = "few",
        ["band edge"] = j =>
        {
            j["bands"]![0]!["toPercent"] = 49;
            j["bands"]![1]!["fromPercent"] = 49;
        },
        ["band source"] = j => j["bands"]![2]!["source"]!["locator"] = "another locator",
        ["points"] = j => j["points"]![1]!["points"] = 2,
        ["points source"] = j => j["points"]![1]!["source"]!["locator"] = "another locator",
        ["overall band edge"] = j =>
        {
            j["overallBands"]![0]!["bands"]![0]!["toScore"] = 3;
            j["overallBands"]![0]!["bands"]![1]!["fromScore"] = 4;
        },
        ["overall table source"] = j => j["overallBands"]![0]!["source"]!["locator"] = "another locator",
        ["Reset start"] = j => j["reset"]!["effectiveFrom"] = "2024-06-08",
        ["Reset threshold"] = j => j["reset"]!["adjustedWithinDays"] = 57,
        ["Reset exemptions"] = j => j["reset"]!["exemptions"]!.AsArray().RemoveAt(4),
        ["Reset adjusted set"] = j => j["reset"]!["notApplicableWhenAdjusted"] = new JsonArray("P2.1.3"),
        ["Reset source"] = j => j["reset"]!["source"]!["status"] = "confirmed",
    };

    public static IEnumerable<string> EditNames => Edits.Keys;

    private static void Swap(JsonArray array, int a, int b)
    {
        var first = array[a]!.DeepClone();
        var second = array[b]!.DeepClone();
        array[a] = second;
        array[b] = first;
    }

    private static Framework Edited(string edit)
    {
        var json = FrameworkJson.DefaultCopy();
        Edits[edit](json);
        return FrameworkJson.Read(json);
    }

    [Test]
    public void The_default_framework_read_twice_is_equal_and_hashes_alike()
    {
        var first = FrameworkJson.Read(FrameworkJson.DefaultCopy());
        var second = FrameworkJson.Read(FrameworkJson.DefaultCopy());
        ReferenceEquals(first, second).ShouldBeFalse();
        first.Equals(second).ShouldBeTrue();
        first.Equals((object)second).ShouldBeTrue();
        first.GetHashCode().ShouldBe(second.GetHashCode());
        first.Equals(FrameworkCatalog.DefaultFramework).ShouldBeTrue();

        // Every piece equals its copy, and hashes alike.
        for (var i = 0; i < first.Standards.Count; i++)
        {
            first.Standards[i].Equals(second.Standards[i]).ShouldBeTrue();
            first.Standards[i].GetHashCode().ShouldBe(second.Standards[i].GetHashCode());
        }

        for (var i = 0; i < first.KeyQuestions.Count; i++)
        {
            first.KeyQuestions[i].Equals((object)second.KeyQuestions[i]).ShouldBeTrue();
            first.KeyQuestions[i].GetHashCode().ShouldBe(second.KeyQuestions[i].GetHashCode());
        }

        for (var i = 0; i < first.Bands.Count; i++)
        {
            first.Bands[i].Equals((object)second.Bands[i]).ShouldBeTrue();
            first.Bands[i].GetHashCode().ShouldBe(second.Bands[i].GetHashCode());
        }

        for (var i = 0; i < first.Points.Count; i++)
        {
            first.Points[i].Equals((object)second.Points[i]).ShouldBeTrue();
            first.Points[i].GetHashCode().ShouldBe(second.Points[i].GetHashCode());
        }

        first.OverallBands[0].Equals((object)second.OverallBands[0]).ShouldBeTrue();
        first.OverallBands[0].GetHashCode().ShouldBe(second.OverallBands[0].GetHashCode());
        first.OverallBands[0].Bands[1].Equals((object)second.OverallBands[0].Bands[1]).ShouldBeTrue();
        first.OverallBands[0].Bands[1].GetHashCode().ShouldBe(second.OverallBands[0].Bands[1].GetHashCode());
        first.Reset.Equals((object)second.Reset).ShouldBeTrue();
        first.Reset.GetHashCode().ShouldBe(second.Reset.GetHashCode());
    }

    [Test]
    public void Nothing_equals_null_or_another_kind_of_thing()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        framework.Equals(null).ShouldBeFalse();
        framework.Equals((object)"probation-pdu-2023").ShouldBeFalse();
        framework.Standards[0].Equals(null).ShouldBeFalse();
        framework.KeyQuestions[0].Equals(null).ShouldBeFalse();
        framework.Bands[0].Equals(null).ShouldBeFalse();
        framework.Points[0].Equals(null).ShouldBeFalse();
        framework.OverallBands[0].Equals(null).ShouldBeFalse();
        framework.OverallBands[0].Bands[0].Equals(null).ShouldBeFalse();
        framework.Reset.Equals(null).ShouldBeFalse();
    }

    [TestCaseSource(nameof(EditNames))]
    public void One_value_changed_makes_a_different_framework(string edit)
    {
        var changed = Edited(edit);
        var original = FrameworkCatalog.DefaultFramework;
        changed.Equals(original).ShouldBeFalse();
        original.Equals(changed).ShouldBeFalse();
        changed.Equals((object)original).ShouldBeFalse();
    }

    [Test]
    public void The_piece_that_holds_a_changed_value_is_itself_different()
    {
        var original = FrameworkCatalog.DefaultFramework;
        Edited("standard name").Standards[0].Equals(original.Standards[0]).ShouldBeFalse();
        Edited("standard domain").Standards[0].Equals(original.Standards[0]).ShouldBeFalse();
        Edited("standard counts towards the score").Standards[0].Equals(original.Standards[0]).ShouldBeFalse();
        Edited("standard source").Standards[3].Equals(original.Standards[3]).ShouldBeFalse();
        Edited("key question text").KeyQuestions[0].Equals(original.KeyQuestions[0]).ShouldBeFalse();
        Edited("key question lens").KeyQuestions[0].Equals(original.KeyQuestions[0]).ShouldBeFalse();
        Edited("key question source").KeyQuestions[2].Equals(original.KeyQuestions[2]).ShouldBeFalse();
        Edited("band descriptor").Bands[0].Equals(original.Bands[0]).ShouldBeFalse();
        Edited("band source").Bands[2].Equals(original.Bands[2]).ShouldBeFalse();
        Edited("points").Points[1].Equals(original.Points[1]).ShouldBeFalse();
        Edited("points source").Points[1].Equals(original.Points[1]).ShouldBeFalse();
        Edited("overall table source").OverallBands[0].Equals(original.OverallBands[0]).ShouldBeFalse();
        Edited("Reset source").Reset.Equals(original.Reset).ShouldBeFalse();

        // A key question moved to second place keeps its id but not its index.
        var moved = Edited("key question order");
        moved.KeyQuestions[1].Id.ShouldBe("P2.1.1");
        moved.KeyQuestions[1].Equals(original.KeyQuestions[0]).ShouldBeFalse();

        // A standard whose key question changed is a different standard (a key question belongs to its standard).
        Edited("key question id").Standards[3].Equals(original.Standards[3]).ShouldBeFalse();

        var edge = Edited("band edge");
        edge.Bands[0].ToPercent.ShouldBe(49);
        edge.Bands[0].Equals(original.Bands[0]).ShouldBeFalse();
        edge.Bands[1].Equals(original.Bands[1]).ShouldBeFalse();

        var overall = Edited("overall band edge").OverallBands[0];
        overall.Bands[0].Equals(original.OverallBands[0].Bands[0]).ShouldBeFalse();
        overall.Bands[1].Equals(original.OverallBands[0].Bands[1]).ShouldBeFalse();
        overall.Bands[2].Equals(original.OverallBands[0].Bands[2]).ShouldBeTrue();
        overall.Equals(original.OverallBands[0]).ShouldBeFalse();
    }
}
