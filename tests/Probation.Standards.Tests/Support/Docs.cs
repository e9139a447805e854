using System.Text;
using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests.Support;

/// <summary>
/// Builds findings documents (findings-format.md) as editable JSON, so each test states only what it
/// changes from a known valid document.
/// </summary>
internal static class Docs
{
    public static readonly string[] OrganisationalIds = { "P1.1", "P1.2", "P1.3" };

    public static readonly string[] CaseStandardIds = { "P2.1", "P2.2", "P2.3", "P2.4" };

    public static readonly string[] KeyQuestionIds =
    {
        "P2.1.1", "P2.1.2", "P2.1.3",
        "P2.2.1", "P2.2.2", "P2.2.3",
        "P2.3.1", "P2.3.2", "P2.3.3",
        "P2.4.1", "P2.4.2", "P2.4.3",
    };

    /// <summary>
    /// A valid aggregate document: every organisational standard <paramref name="organisational"/>
    /// and every key question <paramref name="yes"/> of <paramref name="relevant"/>. With the defaults
    /// (Good, 90/100 Outstanding) it scores 3 x 2 + 4 x 3 = 18 of 21, Outstanding.
    /// </summary>
    public static JsonObject Aggregate(string organisational = "Good", long yes = 90, long relevant = 100)
    {
        var org = new JsonObject();
        foreach (var id in OrganisationalIds)
        {
            org[id] = organisational;
        }

        var kqs = new JsonObject();
        foreach (var id in KeyQuestionIds)
        {
            kqs[id] = Counts(yes, relevant);
        }

        return new JsonObject
        {
            ["framework"] = "probation-pdu-2023",
            ["unit"] = "Test PDU",
            ["fieldworkStarted"] = "2024-11-04",
            ["organisational"] = org,
            ["keyQuestions"] = kqs,
        };
    }

    public static JsonObject Counts(long yes, long relevant) => new() { ["yes"] = yes, ["relevant"] = relevant };

    /// <summary>Sets the counts of several key questions of <paramref name="doc"/>.</summary>
    public static JsonObject WithCounts(this JsonObject doc, string keyQuestionIds, long yes, long relevant)
    {
        foreach (var id in keyQuestionIds.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            doc["keyQuestions"]![id] = Counts(yes, relevant);
        }

        return doc;
    }

    /// <summary>A case: answers written as "P2.1.1=Yes P2.1.2=No".</summary>
    public static JsonObject Case(string id, string answers, string? start = "2024-09-02", string? suspended = null, string? exemption = null, string? sentence = "CommunityOrder")
    {
        var map = new JsonObject();
        foreach (var pair in answers.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            map[parts[0]] = parts[1];
        }

        return new JsonObject
        {
            ["id"] = id,
            ["sentence"] = sentence,
            ["start"] = start,
            ["suspended"] = suspended,
            ["exemption"] = exemption,
            ["answers"] = map,
        };
    }

    /// <summary>Answers every key question of the framework with <paramref name="answer"/>.</summary>
    public static string All(string answer) => string.Join(" ", KeyQuestionIds.Select(id => id + "=" + answer));

    /// <summary>
    /// Adds cases to <paramref name="doc"/> and removes from <c>keyQuestions</c> every key question a case
    /// answers, so each key question still comes from exactly one place.
    /// </summary>
    public static JsonObject WithCases(this JsonObject doc, params JsonObject[] cases)
    {
        var array = new JsonArray();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            array.Add(c);
            foreach (var pair in c["answers"]!.AsObject())
            {
                answered.Add(pair.Key);
            }
        }

        doc["cases"] = array;
        var kqs = doc["keyQuestions"]!.AsObject();
        foreach (var id in answered)
        {
            kqs.Remove(id);
        }

        return doc;
    }

    public static JsonObject WithOverride(this JsonObject doc, string standardId, string rating, string? reason)
    {
        var overrides = doc["overrides"] as JsonObject ?? new JsonObject();
        var o = new JsonObject { ["rating"] = rating };
        if (reason is not null)
        {
            o["reason"] = reason;
        }

        overrides[standardId] = o;
        doc["overrides"] = overrides;
        return doc;
    }

    public static byte[] Bytes(JsonNode doc) => Encoding.UTF8.GetBytes(doc.ToJsonString());

    public static FindingsDocument Read(JsonNode doc, FrameworkCatalog? catalog = null, bool keepCases = false) =>
        FindingsReader.Read(Bytes(doc), "test.json", new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default, KeepCases = keepCases });

    public static RatingResult Rate(JsonNode doc, RatingOptions? options = null, FrameworkCatalog? catalog = null) =>
        Rater.Rate(Read(doc, catalog).Input, options);

    public static InvalidInputException Rejects(JsonNode doc, FrameworkCatalog? catalog = null) =>
        Should.Throw<InvalidInputException>(() => FindingsReader.Read(Bytes(doc), "test.json", new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default }));

    public static InvalidInputException Rejects(string text) =>
        Should.Throw<InvalidInputException>(() => FindingsReader.Read(Encoding.UTF8.GetBytes(text), "bad.json"));

    public static StandardResult StandardOf(this RatingResult result, string id) =>
        result.Standards.Single(s => s.Id == id);

    public static KeyQuestionResult Outcome(this RatingResult result, string keyQuestionId) =>
        result.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.Id == keyQuestionId);
}
