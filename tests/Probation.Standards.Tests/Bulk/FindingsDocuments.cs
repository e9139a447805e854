using System.Text;
using System.Text.Json;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests.Bulk;

/// <summary>How a generated findings document is laid out.</summary>
/// <param name="HeaderAfterCases">Whether framework and fieldworkStarted come after the cases.</param>
/// <param name="GiveFramework">Whether framework is given (otherwise only fieldworkStarted).</param>
/// <param name="AggregateQuestions">How many key questions (the last ones) are given in keyQuestions instead of cases.</param>
/// <param name="Override">Whether an override of P2.3 is given.</param>
public sealed record DocumentShape(bool HeaderAfterCases, bool GiveFramework, int AggregateQuestions, bool Override);

/// <summary>Writes findings documents (findings-format.md) for the streaming tests and benchmarks.</summary>
public static class FindingsDocuments
{
    public static byte[] Write(IReadOnlyList<InspectedCase> cases, DocumentShape shape, Framework? framework = null)
    {
        framework ??= FrameworkCatalog.DefaultFramework;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (!shape.HeaderAfterCases)
            {
                Header(json, framework, shape);
            }

            json.WriteString("unit", "Generated PDU");
            json.WriteStartObject("organisational");
            json.WriteString("P1.1", "Good");
            json.WriteString("P1.2", "RequiresImprovement");
            json.WriteString("P1.3", "Outstanding");
            json.WriteEndObject();
            var caseQuestions = framework.KeyQuestions.Count - shape.AggregateQuestions;
            if (shape.AggregateQuestions > 0)
            {
                json.WriteStartObject("keyQuestions");
                for (var q = caseQuestions; q < framework.KeyQuestions.Count; q++)
                {
                    if (q % 2 == 0)
                    {
                        json.WriteNumber(framework.KeyQuestions[q].Id, 40 + (q * 3));
                    }
                    else
                    {
                        json.WriteStartObject(framework.KeyQuestions[q].Id);
                        json.WriteNumber("yes", 7 + q);
                        json.WriteNumber("relevant", 30);
                        json.WriteEndObject();
                    }
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("cases");
            foreach (var c in cases)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                if (c.Sentence is not null)
                {
                    json.WriteString("sentence", c.Sentence.Value.ToString());
                }

                if (c.Start is not null)
                {
                    json.WriteString("start", c.Start.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }

                if (c.Suspended is not null)
                {
                    json.WriteString("suspended", c.Suspended.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNull("suspended");
                }

                if (c.Exemption is not null)
                {
                    json.WriteString("exemption", c.Exemption.Value.ToString());
                }

                json.WriteStartObject("answers");
                for (var q = 0; q < caseQuestions; q++)
                {
                    json.WriteString(framework.KeyQuestions[q].Id, c.Answers[q].ToString());
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (shape.Override)
            {
                json.WriteStartObject("overrides");
                json.WriteStartObject("P2.3");
                json.WriteString("rating", "Good");
                json.WriteString("reason", "generated");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (shape.HeaderAfterCases)
            {
                Header(json, framework, shape);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Header(Utf8JsonWriter json, Framework framework, DocumentShape shape)
    {
        if (shape.GiveFramework)
        {
            json.WriteString("framework", framework.Id);
        }

        json.WriteString("fieldworkStarted", "2025-03-10");
    }
}
