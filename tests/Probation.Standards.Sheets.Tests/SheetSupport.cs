using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Probation.Standards.Sheets.Tests;

/// <summary>One case as the tests model it, independent of the library: strings as a document writes them.</summary>
internal sealed class TestCase
{
    public string Id { get; set; } = string.Empty;

    public string? Sentence { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? Suspended { get; set; }

    public string? Exemption { get; set; }

    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

/// <summary>Case-level documents made up for the tests, and their JSON, CSV and xlsx forms, written without the library.</summary>
internal static class SheetSupport
{
    public static readonly string[] KeyQuestions =
    {
        "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3",
    };

    public static readonly string[] Teams = { "North", "South", "East", "West" };

    public static string Seeds => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");

    /// <summary>Random cases: answers Yes/No/N/A or left out, sentences, suspensions around the 56-day edge, exemptions, team and office tags (some missing).</summary>
    public static List<TestCase> RandomCases(int seed, int count)
    {
        var random = new Random(seed);
        var sentences = new[] { "CommunityOrder", "SuspendedSentenceOrder", "Licence", "PostSentenceSupervision" };
        var exemptions = new[] { "Mappa", "NationalSecurityDivision", "VeryHighRiskOfSeriousHarm", "ChildProtection", "IntensiveSupervisionCourt" };
        var cases = new List<TestCase>();
        for (var i = 0; i < count; i++)
        {
            var c = new TestCase { Id = $"S{seed}-{i:D4}" };
            c.Sentence = random.Next(5) == 0 ? null : sentences[random.Next(4)];
            if (random.Next(6) > 0)
            {
                c.Start = new DateTime(2024, 6, 1).AddDays(random.Next(120));
                if (random.Next(3) == 0)
                {
                    c.Suspended = c.Start.Value.AddDays(random.Next(2) == 0 ? random.Next(50, 62) : random.Next(0, 200));
                }
            }

            c.Exemption = random.Next(8) == 0 ? exemptions[random.Next(5)] : null;
            foreach (var question in KeyQuestions)
            {
                var roll = random.Next(10);
                if (roll < 5)
                {
                    c.Answers[question] = "Yes";
                }
                else if (roll < 8)
                {
                    c.Answers[question] = "No";
                }
                else if (roll < 9)
                {
                    c.Answers[question] = random.Next(2) == 0 ? "NotApplicable" : "N/A";
                }

                // else left out: NotApplicable, and a blank cell in a sheet
            }

            if (random.Next(10) > 0)
            {
                c.Tags["team"] = Teams[random.Next(Teams.Length)];
            }

            if (random.Next(3) > 0)
            {
                c.Tags["office"] = random.Next(2) == 0 ? "Central" : "Mansfield";
            }

            cases.Add(c);
        }

        // Every key question answered by someone, so the document is valid.
        foreach (var question in KeyQuestions)
        {
            if (!cases.Any(c => c.Answers.ContainsKey(question)))
            {
                cases[0].Answers[question] = "Yes";
            }
        }

        return cases;
    }

    public static string Iso(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Json(string unit, IEnumerable<TestCase> cases, string judgements = "RequiresImprovement")
    {
        var doc = new JsonObject
        {
            ["framework"] = "probation-pdu-2023",
            ["unit"] = unit,
            ["organisational"] = new JsonObject { ["P1.1"] = judgements, ["P1.2"] = judgements, ["P1.3"] = judgements },
        };
        var array = new JsonArray();
        foreach (var c in cases)
        {
            var node = new JsonObject
            {
                ["id"] = c.Id,
                ["sentence"] = c.Sentence,
                ["start"] = c.Start is null ? null : Iso(c.Start),
                ["suspended"] = c.Suspended is null ? null : Iso(c.Suspended),
                ["exemption"] = c.Exemption,
            };
            var answers = new JsonObject();
            foreach (var pair in c.Answers)
            {
                answers[pair.Key] = pair.Value;
            }

            node["answers"] = answers;
            if (c.Tags.Count > 0)
            {
                var tags = new JsonObject();
                foreach (var pair in c.Tags)
                {
                    tags[pair.Key] = pair.Value;
                }

                node["tags"] = tags;
            }

            array.Add(node);
        }

        doc["cases"] = array;
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The sheet's header and rows as text: id, sentence, start, suspended, exemption, the key questions, the tags.</summary>
    public static List<string[]> Table(IReadOnlyList<TestCase> cases, Func<DateTime?, string>? date = null)
    {
        date ??= Iso;
        var tags = cases.SelectMany(c => c.Tags.Keys).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
        var rows = new List<string[]> { new[] { "id", "sentence", "start", "suspended", "exemption" }.Concat(KeyQuestions).Concat(tags).ToArray() };
        foreach (var c in cases)
        {
            rows.Add(new[] { c.Id, c.Sentence ?? string.Empty, date(c.Start), date(c.Suspended), c.Exemption ?? string.Empty }
                .Concat(KeyQuestions.Select(q => c.Answers.TryGetValue(q, out var a) ? a : string.Empty))
                .Concat(tags.Select(t => c.Tags.TryGetValue(t, out var v) ? v : string.Empty))
                .ToArray());
        }

        return rows;
    }

    /// <summary>RFC 4180 CSV: fields with a comma, quote or line break quoted, quotes doubled, CRLF line ends.</summary>
    public static string Csv(IEnumerable<string[]> rows)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Append(string.Join(",", row.Select(Field))).Append("\r\n");
        }

        return builder.ToString();

        static string Field(string value) =>
            value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>
    /// An xlsx workbook written with the Open XML SDK: shared strings for text, and the columns named in
    /// <paramref name="dateColumns"/> as date cells (serial numbers with a dd/mm/yyyy style) when their text is an ISO date.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows, params string[] dateColumns)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var dates = new HashSet<int>(dateColumns.Select(name => Array.IndexOf(rows[0], name)));
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (text.Length == 0)
                    {
                        continue; // Excel leaves blank cells out
                    }

                    var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    if (r > 0 && dates.Contains(c) && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture)) });
                        continue;
                    }

                    if (!index.TryGetValue(text, out var s))
                    {
                        s = index.Count;
                        index.Add(text, s);
                        shared.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                    }

                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(s.ToString(CultureInfo.InvariantCulture)) });
                }

                data.Append(row);
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Cases" }));
        }

        return memory.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
