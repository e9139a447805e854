using System.Text;
using Probation.Standards.Findings;
using Probation.Standards.Reporting;
using Probation.Standards.Scoring;

namespace Probation.Standards.Cli.Tests;

/// <summary>A document of more than 16 MB rates through the tool exactly as the reader rates it keeping its cases.</summary>
public class LargeDocumentTests
{
    [Test]
    public void A_streamed_document_rates_as_the_in_memory_path_does()
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "large.json");
        var bytes = Generate(cases: 70_000);
        bytes.Length.ShouldBeGreaterThan(16 * 1024 * 1024, "a document of more than 16 MB");
        File.WriteAllBytes(file, bytes);

        var (exit, output, error) = Tool.Run("rate", file, "--format", "json");
        exit.ShouldBe(0, error);

        var expected = new MemoryStream();
        RatingJson.Write(Rater.Rate(FindingsReader.Read(bytes, file, new FindingsReaderOptions { KeepCases = true }).Input), expected);
        output.Trim().ShouldBe(Encoding.UTF8.GetString(expected.ToArray()).Trim());
        output.ShouldContain("\"inspected\": 70000");
    }

    // Answers follow fixed residues so that every key question has a different share of Yes, with
    // NotApplicable answers, Reset cases of both kinds and exempt cases among them.
    private static byte[] Generate(int cases)
    {
        var json = new StringBuilder();
        json.Append("{\"framework\":\"probation-pdu-2023\",\"unit\":\"Large PDU\",\"fieldworkStarted\":\"2025-03-10\",");
        json.Append("\"organisational\":{\"P1.1\":\"Good\",\"P1.2\":\"RequiresImprovement\",\"P1.3\":\"Good\"},\"cases\":[");
        var ids = new[] { "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3" };
        for (var c = 0; c < cases; c++)
        {
            if (c > 0)
            {
                json.Append(',');
            }

            var suspended = c % 5 == 0 ? "\"2024-09-10\"" : c % 7 == 0 ? "\"2025-01-20\"" : "null";
            var exemption = c % 11 == 0 && suspended == "null" ? "\"Mappa\"" : "null";
            json.Append($"{{\"id\":\"L{c:D7}\",\"sentence\":\"{(c % 3 == 0 ? "Licence" : "CommunityOrder")}\",\"start\":\"2024-07-22\",\"suspended\":{suspended},\"exemption\":{exemption},\"answers\":{{");
            for (var q = 0; q < ids.Length; q++)
            {
                var r = (c * (q + 3) + q) % 20;
                var answer = r == 0 ? "NotApplicable" : r <= 6 + q ? "Yes" : "No";
                json.Append($"{(q > 0 ? "," : string.Empty)}\"{ids[q]}\":\"{answer}\"");
            }

            json.Append("}}");
        }

        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
