using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Every check of a framework file (R1, R4, R8, R9), one at a time: the embedded 2023 framework with one thing
/// broken must be refused at the JSON path of that thing with that message, and nothing else; the edge just inside
/// each limit is accepted. Paths and messages are written out here by hand from the file's layout.
/// </summary>
public class FrameworkReaderErrorTests
{
    public static IEnumerable<TestCaseData> Broken()
    {
        yield return Case("effectiveTo_before_effectiveFrom", j => { j["effectiveTo"] = "2023-09-30"; }, "$.effectiveTo", "effectiveTo is before effectiveFrom");
        yield return Case("an_effectiveTo_that_is_not_a_date", j => { j["effectiveTo"] = "2025-13-01"; }, "$.effectiveTo", "'2025-13-01' is not an ISO date (yyyy-mm-dd)");
        yield return Case("a_blank_standard_id", j => { S(j)[0]!["id"] = " "; }, "$.standards[0].id", "is required and must not be empty");
        yield return Case("a_blank_key_question_id", j => { Q(j, 3)[0]!["id"] = " "; }, "$.standards[3].keyQuestions[0].id", "is required and must not be empty");
        yield return Case("points_for_no_rating", j => { P(j)[1]!["rating"] = "Fair"; }, "$.points[1].rating", "'Fair' is not one of Inadequate, RequiresImprovement, Good, Outstanding");
        yield return Case("an_overall_band_of_no_rating", j => { OB(j)[1]!["rating"] = "Fair"; }, "$.overallBands[0].bands[1].rating", "'Fair' is not one of Inadequate, RequiresImprovement, Good, Outstanding");
        yield return Case("no_standards", j => { j["standards"] = new JsonArray(); }, "$.standards", "a framework needs at least one standard");
        yield return Case("standards_left_out", j => { j.Remove("standards"); }, "$.standards", "a framework needs at least one standard");
        yield return Case("a_null_standard", j => { S(j)[0] = null; }, "$.standards[0]", "a standard must be an object");
        yield return Case("a_repeated_standard_id", j => { S(j)[1]!["id"] = "P1.1"; }, "$.standards[1].id", "duplicate id 'P1.1'");
        yield return Case("an_unknown_ratedBy", j => { S(j)[0]!["ratedBy"] = "vote"; }, "$.standards[0].ratedBy", "ratedBy 'vote' is not judgement or caseSample");
        yield return Case("a_judged_standard_with_key_questions", j => { S(j)[0]!["keyQuestions"] = S(j)[3]!["keyQuestions"]!.DeepClone(); }, "$.standards[0].keyQuestions", "a judgement-rated standard has no key questions");
        yield return Case("a_case_standard_without_key_questions", j => { S(j)[3]!.AsObject().Remove("keyQuestions"); }, "$.standards[3].keyQuestions", "a case-rated standard needs at least one key question");
        yield return Case("a_case_standard_with_an_empty_list", j => { S(j)[3]!["keyQuestions"] = new JsonArray(); }, "$.standards[3].keyQuestions", "a case-rated standard needs at least one key question");
        yield return Case("a_null_key_question", j => { Q(j, 3)[0] = null; }, "$.standards[3].keyQuestions[0]", "a key question must be an object");
        yield return Case("a_key_question_with_a_standards_id", j => { Q(j, 3)[0]!["id"] = "P1.1"; }, "$.standards[3].keyQuestions[0].id", "duplicate id 'P1.1'");
        yield return Case("a_repeated_key_question_id", j => { Q(j, 4)[2]!["id"] = "P2.1.1"; }, "$.standards[4].keyQuestions[2].id", "duplicate id 'P2.1.1'");
        yield return Case("an_empty_key_question_text", j => { Q(j, 3)[1]!["text"] = " "; }, "$.standards[3].keyQuestions[1].text", "must not be empty when given; leave it out when it is not known");
        yield return Case("no_standard_counting", j => { foreach (var s in S(j)) { s!["countsTowardsScore"] = false; } }, "$.standards", "at least one standard must count towards the score (countsTowardsScore)");
        yield return Case("sixty_five_key_questions", j => { AddKeyQuestions(j, 53); }, "$.standards", "a framework has at most 64 key questions, not 65");
        yield return Case("no_bands", j => { j["bands"] = new JsonArray(); }, "$.bands", "a framework needs a band table");
        yield return Case("bands_left_out", j => { j.Remove("bands"); }, "$.bands", "a framework needs a band table");
        yield return Case("a_null_band", j => { B(j)[2] = null; }, "$.bands[2]", "a band must be an object");
        yield return Case("bands_out_of_order", j => { B(j)[0]!["rating"] = "Good"; }, "$.bands[1].rating", "bands must be listed lowest first, each rating once");
        yield return Case("a_band_rating_twice", j => { B(j)[1]!["rating"] = "Inadequate"; }, "$.bands[1].rating", "bands must be listed lowest first, each rating once");
        yield return Case("a_band_rating_not_a_rating", j => { B(j)[1]!["rating"] = "Fair"; }, "$.bands[1].rating", "'Fair' is not one of Inadequate, RequiresImprovement, Good, Outstanding");
        yield return Case("a_band_rated_NotRated", j => { B(j)[0]!["rating"] = "NotRated"; }, "$.bands[0].rating", "'NotRated' is not one of Inadequate, RequiresImprovement, Good, Outstanding");
        yield return Case("a_band_without_fromPercent", j => { B(j)[1]!.AsObject().Remove("fromPercent"); }, "$.bands[1].fromPercent", "fromPercent is required");
        yield return Case("a_band_without_toPercent", j => { B(j)[1]!.AsObject().Remove("toPercent"); }, "$.bands[1].toPercent", "toPercent is required");
        yield return Case("a_band_without_descriptor", j => { B(j)[1]!.AsObject().Remove("descriptor"); }, "$.bands[1].descriptor", "is required and must not be empty");
        yield return Case("a_gap_between_bands", j => { B(j)[1]!["fromPercent"] = 51; }, "$.bands[1].fromPercent", "gap: no band covers 50 up to 51");
        yield return Case("an_overlap_between_bands", j => { B(j)[1]!["fromPercent"] = 49; }, "$.bands[1].fromPercent", "overlap: 49 is already covered by the band below");
        yield return Case("a_band_ending_where_it_starts", j => { B(j)[0]!["toPercent"] = 0; }, "$.bands[0].toPercent", "toPercent 0 must be above fromPercent 0 and at most 100");
        yield return Case("a_band_ending_above_100", j => { B(j)[3]!["toPercent"] = 101; }, "$.bands[3].toPercent", "toPercent 101 must be above fromPercent 80 and at most 100");
        yield return Case("bands_stopping_short_of_100", j => { B(j)[3]!["toPercent"] = 99; }, "$.bands", "gap: no band covers 99 up to 100");
        yield return Case("a_band_without_source", j => { B(j)[1]!.AsObject().Remove("source"); }, "$.bands[1].source", "every standard, key question, threshold and table needs a source");
        yield return Case("a_null_points_entry", j => { P(j)[0] = null; }, "$.points[0]", "points must be an object");
        yield return Case("points_for_a_rating_twice", j => { P(j)[2]!["rating"] = "RequiresImprovement"; }, "$.points[2].rating", "points for RequiresImprovement are given twice");
        yield return Case("points_left_out_of_an_entry", j => { P(j)[1]!.AsObject().Remove("points"); }, "$.points[1].points", "points is required");
        yield return Case("negative_points", j => { P(j)[1]!["points"] = -1; }, "$.points[1].points", "points -1 is negative");
        yield return Case("no_points_for_Outstanding", j => { P(j).RemoveAt(3); }, "$.points", "no points are given for Outstanding");
        yield return Case("no_points_at_all", j => { j.Remove("points"); }, "$.points", "no points are given for Inadequate");
        yield return Case("no_overall_tables", j => { j["overallBands"] = new JsonArray(); }, "$.overallBands", "a framework needs at least one overall-rating table");
        yield return Case("a_null_overall_table", j => { O(j).Add(null); }, "$.overallBands[1]", "an overall table must be an object");
        yield return Case("an_overall_table_without_maxScore", j => { O(j)[0]!.AsObject().Remove("maxScore"); }, "$.overallBands[0].maxScore", "maxScore is required");
        yield return Case("an_overall_table_with_maxScore_0", j => { O(j)[0]!["maxScore"] = 0; }, "$.overallBands[0].maxScore", "maxScore 0 must be positive and appear once");
        yield return Case("two_tables_for_one_maxScore", j => { O(j).Add(O(j)[0]!.DeepClone()); }, "$.overallBands[1].maxScore", "maxScore 21 must be positive and appear once");
        yield return Case("a_null_overall_band", j => { OB(j)[1] = null; }, "$.overallBands[0].bands[1]", "a band must be an object");
        yield return Case("overall_bands_out_of_order", j => { OB(j)[2]!["rating"] = "RequiresImprovement"; }, "$.overallBands[0].bands[2].rating", "bands must be listed lowest first, each rating once");
        yield return Case("an_overall_band_without_fromScore", j => { OB(j)[1]!.AsObject().Remove("fromScore"); }, "$.overallBands[0].bands[1].fromScore", "fromScore is required");
        yield return Case("an_overall_band_without_toScore", j => { OB(j)[1]!.AsObject().Remove("toScore"); }, "$.overallBands[0].bands[1].toScore", "toScore is required");
        yield return Case("a_gap_in_the_overall_table", j => { OB(j)[1]!["fromScore"] = 7; }, "$.overallBands[0].bands[1].fromScore", "gap: no band covers score 6");
        yield return Case("an_overlap_in_the_overall_table", j => { OB(j)[1]!["fromScore"] = 5; }, "$.overallBands[0].bands[1].fromScore", "overlap: score 5 is already covered");
        yield return Case("an_overall_band_ending_before_it_starts", j => { OB(j)[1]!["toScore"] = 5; }, "$.overallBands[0].bands[1].toScore", "toScore 5 must be from fromScore 6 to maxScore 21");
        yield return Case("an_overall_band_above_maxScore", j => { OB(j)[3]!["toScore"] = 22; }, "$.overallBands[0].bands[3].toScore", "toScore 22 must be from fromScore 16 to maxScore 21");
        yield return Case("an_overall_table_stopping_short", j => { OB(j)[3]!["toScore"] = 20; }, "$.overallBands[0].bands", "gap: no band covers score 21 to 21");
        yield return Case("an_overall_table_without_source", j => { O(j)[0]!.AsObject().Remove("source"); }, "$.overallBands[0].source", "every standard, key question, threshold and table needs a source");
        yield return Case("no_reset_rules", j => { j.Remove("reset"); }, "$.reset", "a framework needs its Probation Reset rules (reset)");
        yield return Case("reset_without_a_start", j => { R(j).Remove("effectiveFrom"); }, "$.reset.effectiveFrom", "is required and must not be empty");
        yield return Case("reset_without_adjustedWithinDays", j => { R(j).Remove("adjustedWithinDays"); }, "$.reset.adjustedWithinDays", "adjustedWithinDays is required");
        yield return Case("negative_adjustedWithinDays", j => { R(j)["adjustedWithinDays"] = -1; }, "$.reset.adjustedWithinDays", "adjustedWithinDays -1 is negative");
        yield return Case("an_unknown_exemption", j => { R(j)["exemptions"]![1] = "Mapa"; }, "$.reset.exemptions[1]", "unknown exemption 'Mapa'");
        yield return Case("a_standard_as_not_applicable_when_adjusted", j => { R(j)["notApplicableWhenAdjusted"] = new JsonArray("P2.1.1", "P1.1"); }, "$.reset.notApplicableWhenAdjusted[1]", "unknown key question 'P1.1'");
        yield return Case("a_null_not_applicable_when_adjusted", j => { R(j)["notApplicableWhenAdjusted"] = new JsonArray((JsonNode?)null); }, "$.reset.notApplicableWhenAdjusted[0]", "unknown key question ''");
        yield return Case("reset_without_source", j => { R(j).Remove("source"); }, "$.reset.source", "every standard, key question, threshold and table needs a source");
        yield return Case("no_source", j => { j.Remove("source"); }, "$.source", "every standard, key question, threshold and table needs a source");
        yield return Case("a_source_without_document", j => { j["source"]!["document"] = ""; }, "$.source.document", "is required and must not be empty");
        yield return Case("a_source_without_locator", j => { j["source"]!.AsObject().Remove("locator"); }, "$.source.locator", "is required and must not be empty");
        yield return Case("a_source_with_a_blank_status", j => { j["source"]!["status"] = "  "; }, "$.source.status", "is required and must not be empty");
        yield return Case("a_key_question_without_source", j => { Q(j, 5)[0]!.AsObject().Remove("source"); }, "$.standards[5].keyQuestions[0].source", "every standard, key question, threshold and table needs a source");
        yield return Case("a_standard_without_name", j => { S(j)[2]!.AsObject().Remove("name"); }, "$.standards[2].name", "is required and must not be empty");
        yield return Case("a_standard_without_domain", j => { S(j)[2]!["domain"] = ""; }, "$.standards[2].domain", "is required and must not be empty");
        yield return Case("not_a_date", j => { j["effectiveFrom"] = "2023-13-01"; }, "$.effectiveFrom", "'2023-13-01' is not an ISO date (yyyy-mm-dd)");
        yield return Case("a_date_with_a_time", j => { j["effectiveFrom"] = "2023-10-01T00:00"; }, "$.effectiveFrom", "'2023-10-01T00:00' is not an ISO date (yyyy-mm-dd)");
        yield return Case("no_id", j => { j.Remove("id"); }, "$.id", "is required and must not be empty");
        yield return Case("no_versionId", j => { j["versionId"] = ""; }, "$.versionId", "is required and must not be empty");
        yield return Case("no_name", j => { j.Remove("name"); }, "$.name", "is required and must not be empty");
    }

    [TestCaseSource(nameof(Broken))]
    public void A_broken_framework_is_refused_where_it_is_broken(Action<JsonObject> breakIt, string path, string message)
    {
        var json = FrameworkJson.DefaultCopy();
        breakIt(json);
        var e = FrameworkJson.Rejects(json);
        var problem = e.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(ProblemCode.InvalidFramework);
        problem.File.ShouldBe("test-framework.json");
        problem.Path.ShouldBe(path);
        problem.Message.ShouldBe(message);
    }

    [Test]
    public void The_edges_just_inside_each_limit_are_accepted()
    {
        // An end date on the start date; a judged standard with an empty key-question list; 64 key questions;
        // zero points; zero adjusted days; an overall band of one score; points listed in any order.
        var json = FrameworkJson.DefaultCopy();
        json["effectiveTo"] = json["effectiveFrom"]!.GetValue<string>();
        S(json)[0]!["keyQuestions"] = new JsonArray();
        AddKeyQuestions(json, 52);
        P(json)[1]!["points"] = 0;
        R(json)["adjustedWithinDays"] = 0;
        OB(json)[1]!["toScore"] = 6;
        OB(json)[2]!["fromScore"] = 7;
        var reversed = new JsonArray(P(json).Reverse().Select(p => p!.DeepClone()).ToArray());
        json["points"] = reversed;

        var framework = FrameworkJson.Read(json);
        framework.EffectiveTo.ShouldBe(framework.EffectiveFrom);
        framework.KeyQuestions.Count.ShouldBe(64);
        framework.Reset.AdjustedWithinDays.ShouldBe(0);
        framework.OverallBands[0].Bands[1].FromScore.ShouldBe(6);
        framework.OverallBands[0].Bands[1].ToScore.ShouldBe(6);
        framework.Standards[0].KeyQuestions.ShouldBeEmpty();
    }

    [Test]
    public void A_framework_file_that_is_not_an_object_or_not_JSON_is_refused()
    {
        Problem("null").Message.ShouldBe("a framework must be a JSON object, not null");
        Problem("null").Path.ShouldBe("$");

        var syntax = Problem("{\n  \"id\": \"x\",\n  \"name\": }");
        syntax.Code.ShouldBe(ProblemCode.InvalidFramework);
        syntax.Message.ShouldNotContain("Path:");
        syntax.Message.ShouldNotBeEmpty();
        syntax.Line.ShouldBe(3);
        syntax.Column.ShouldBe(11);

        // "{\n  "id": "<C3 28>"}": 0xC3 opens a two-byte character that 0x28 does not continue; line 2, byte 10.
        var notUtf8 = Problem(new byte[] { (byte)'{', (byte)'\n', (byte)' ', (byte)' ', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)' ', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' });
        notUtf8.Code.ShouldBe(ProblemCode.NotUtf8);
        notUtf8.Message.ShouldBe("the framework file is not UTF-8: byte 0xC3 at line 2, column 10 (save it as UTF-8)");
        notUtf8.Line.ShouldBe(2);
        notUtf8.Column.ShouldBe(10);

        var cutShort = Problem(new byte[] { (byte)'{', (byte)'}', 0xE2, 0x82 });
        cutShort.Message.ShouldBe("the framework file is not UTF-8: a character cut short at the end at line 1, column 3 (save it as UTF-8)");

        // UTF-8 with a byte-order mark is UTF-8.
        Problem(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("null")).ToArray()).Message.ShouldBe("a framework must be a JSON object, not null");
    }

    private static InputProblem Problem(string text) => Problem(Encoding.UTF8.GetBytes(text));

    private static InputProblem Problem(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Should.Throw<InvalidInputException>(() => FrameworkCatalog.ReadFramework(stream, "f.json")).Problems.ShouldHaveSingleItem();
    }

    private static TestCaseData Case(string name, Action<JsonObject> breakIt, string path, string message) =>
        new TestCaseData(breakIt, path, message).SetArgDisplayNames(name);

    private static JsonArray S(JsonObject json) => json["standards"]!.AsArray();

    private static JsonArray Q(JsonObject json, int standard) => S(json)[standard]!["keyQuestions"]!.AsArray();

    private static JsonArray B(JsonObject json) => json["bands"]!.AsArray();

    private static JsonArray P(JsonObject json) => json["points"]!.AsArray();

    private static JsonArray O(JsonObject json) => json["overallBands"]!.AsArray();

    private static JsonArray OB(JsonObject json) => O(json)[0]!["bands"]!.AsArray();

    private static JsonObject R(JsonObject json) => json["reset"]!.AsObject();

    // A standard outside the score with this many key questions, added to the twelve of the 2023 framework.
    private static void AddKeyQuestions(JsonObject json, int count)
    {
        var standard = S(json)[3]!.DeepClone().AsObject();
        standard["id"] = "P9.1";
        standard["countsTowardsScore"] = false;
        var template = Q(json, 3)[0]!;
        var questions = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            var question = template.DeepClone().AsObject();
            question["id"] = $"P9.1.{i}";
            questions.Add(question);
        }

        standard["keyQuestions"] = questions;
        S(json).Add(standard);
    }
}
