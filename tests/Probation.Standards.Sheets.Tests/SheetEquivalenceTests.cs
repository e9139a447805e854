using System.Globalization;
using System.Text;
using System.Text.Json;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets.Tests;

/// <summary>A case sheet reads into the same cases, tallies and rating as the findings document with those cases.</summary>
public class SheetEquivalenceTests
{
    private static readonly JudgementRating[] RequiresImprovement =
    {
        new("P1.1", Rating.RequiresImprovement), new("P1.2", Rating.RequiresImprovement), new("P1.3", Rating.RequiresImprovement),
    };

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 6);

    [TestCase("nottinghamshire-pdu-2025-cases.csv")]
    [TestCase("nottinghamshire-pdu-2025-cases.xlsx")]
    public void The_seed_sheets_read_into_the_seed_documents_cases_and_input(string sheetName)
    {
        var document = FindingsReader.ReadFile(Path.Combine(SheetSupport.Seeds, "nottinghamshire-pdu-2025-cases.json"), new FindingsReaderOptions { KeepCases = true });
        var sheet = CaseSheetReader.ReadFile(Path.Combine(SheetSupport.Seeds, sheetName), new CaseSheetOptions
        {
            Unit = "Nottinghamshire PDU (case-level reconstruction)",
            Judgements = RequiresImprovement,
            FieldworkStarted = new DateTime(2025, 3, 10),
            KeepCases = true,
        });

        sheet.Cases.ShouldBe(document.Cases);
        sheet.Input.ShouldBe(document.Input); // every answer given: no blank cells, so the same warnings too
        var result = Rater.Rate(sheet.Input);
        (result.Score, result.MaxScore, result.Overall).ShouldBe((3, 21, Rating.Inadequate));
        (result.Cases!.Value.Inspected, result.Cases.Value.Reset, result.Cases.Value.Adjusted).ShouldBe((60L, 12L, 7L));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Generated_documents_as_csv_and_xlsx_read_as_the_json(int seed)
    {
        var cases = SheetSupport.RandomCases(seed, 150 + (seed * 37));
        var document = FindingsReader.Read(Encoding.UTF8.GetBytes(SheetSupport.Json("Unit " + seed, cases)), "doc.json", new FindingsReaderOptions { KeepCases = true });
        var table = SheetSupport.Table(cases);
        var blanks = cases.Sum(c => SheetSupport.KeyQuestions.Count(q => !c.Answers.ContainsKey(q)));
        var options = new CaseSheetOptions { Unit = "Unit " + seed, Judgements = RequiresImprovement, KeepCases = true };

        var csv = CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(table))), "cases.csv", SheetKind.Csv, options);
        var xlsx = CaseSheetReader.Read(new MemoryStream(SheetSupport.Xlsx(table, "start", "suspended")), "cases.xlsx", SheetKind.Xlsx, options);
        foreach (var sheet in new[] { csv, xlsx })
        {
            sheet.Cases.ShouldBe(document.Cases, sheet.File);
            sheet.Input.Tallies.ShouldBe(document.Input.Tallies, sheet.File);
            sheet.Input.Judgements.ShouldBe(document.Input.Judgements);
            sheet.BlankAnswers.ShouldBe(blanks);
            sheet.Input.Warnings.Where(w => w.Code != WarningCode.BlankAnswers).ShouldBe(document.Input.Warnings);
            sheet.Input.Warnings.Count(w => w.Code == WarningCode.BlankAnswers).ShouldBe(blanks > 0 ? 1 : 0);
            SameRating(Rater.Rate(sheet.Input), Rater.Rate(document.Input));
        }
    }

    /// <summary>Every case-level conformance vector (no aggregates, no overrides), converted to CSV and xlsx here from its JSON, rates as it does.</summary>
    [TestCaseSource(nameof(CaseLevelVectors))]
    public void Case_level_vectors_as_sheets_rate_as_the_documents(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var questions = root.GetProperty("cases").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("answers", out var a) ? a.EnumerateObject().Select(p => p.Name) : Enumerable.Empty<string>())
            .Distinct().OrderBy(q => Array.IndexOf(SheetSupport.KeyQuestions, q)).ToArray();
        var rows = new List<string[]> { new[] { "id", "sentence", "start", "suspended", "exemption" }.Concat(questions).ToArray() };
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            string Field(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
            string Answer(string q) => c.TryGetProperty("answers", out var a) && a.TryGetProperty(q, out var v) ? v.GetString()! : string.Empty;
            rows.Add(new[] { Field("id"), Field("sentence"), Field("start"), Field("suspended"), Field("exemption") }.Concat(questions.Select(Answer)).ToArray());
        }

        var judgements = root.GetProperty("organisational").EnumerateObject()
            .Select(p => new JudgementRating(p.Name, Enum.Parse<Rating>(p.Value.GetString()!.Replace(" ", string.Empty), ignoreCase: true))).ToArray();
        var options = new CaseSheetOptions
        {
            Unit = root.GetProperty("unit").GetString(),
            FrameworkId = root.TryGetProperty("framework", out var f) ? f.GetString() : null,
            FieldworkStarted = root.TryGetProperty("fieldworkStarted", out var s) ? DateTime.Parse(s.GetString()!, CultureInfo.InvariantCulture) : null,
            Judgements = judgements,
        };
        var expected = Rater.Rate(FindingsReader.ReadFile(path).Input);
        SameRating(Rater.Rate(CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(rows))), "v.csv", SheetKind.Csv, options).Input), expected);
        SameRating(Rater.Rate(CaseSheetReader.Read(new MemoryStream(SheetSupport.Xlsx(rows, "start", "suspended")), "v.xlsx", SheetKind.Xlsx, options).Input), expected);
    }

    [TestCase("dd/MM/yyyy", SheetDateFormat.DayMonthYear)]
    [TestCase("MM/dd/yyyy", SheetDateFormat.MonthDayYear)]
    public void Dates_written_day_or_month_first_read_with_the_date_format_and_not_without(string pattern, SheetDateFormat format)
    {
        var cases = SheetSupport.RandomCases(11, 80);
        var table = SheetSupport.Table(cases, d => d?.ToString(pattern, CultureInfo.InvariantCulture) ?? string.Empty);
        var bytes = Encoding.UTF8.GetBytes(SheetSupport.Csv(table));
        var iso = CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(SheetSupport.Table(cases)))), "a.csv", SheetKind.Csv, new CaseSheetOptions { KeepCases = true });
        var read = CaseSheetReader.Read(new MemoryStream(bytes), "a.csv", SheetKind.Csv, new CaseSheetOptions { KeepCases = true, DateFormat = format });
        read.Cases.ShouldBe(iso.Cases);

        var error = Should.Throw<InvalidInputException>(() => CaseSheetReader.Read(new MemoryStream(bytes), "a.csv", SheetKind.Csv));
        var expected = new List<string>();
        for (var i = 0; i < cases.Count && expected.Count < InvalidInputException.MaxListedProblems; i++)
        {
            if (cases[i].Start is not null)
            {
                expected.Add($"row {i + 2}, column 'start'");
            }

            if (cases[i].Suspended is not null && expected.Count < InvalidInputException.MaxListedProblems)
            {
                expected.Add($"row {i + 2}, column 'suspended'");
            }
        }

        error.Problems.Select(p => p.Path).ShouldBe(expected);
        error.Problems.ShouldAllBe(p => p.Code == ProblemCode.InvalidDate && p.File == "a.csv");
    }

    [Test]
    public void A_header_document_and_a_sheet_of_its_cases_give_the_documents_input()
    {
        var cases = SheetSupport.RandomCases(21, 90);
        var full = FindingsReader.Read(Encoding.UTF8.GetBytes(SheetSupport.Json("Joined", cases, "Good")), "full.json");
        const string Header = """{"framework": "probation-pdu-2023", "unit": "Joined", "organisational": {"P1.1": "Good", "P1.2": "Good", "P1.3": "Good"}}""";
        var header = FindingsReader.Read(Encoding.UTF8.GetBytes(Header), "header.json", new FindingsReaderOptions { AllowMissingKeyQuestions = true });
        var sheet = CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(SheetSupport.Table(cases)))), "cases.csv", SheetKind.Csv, new CaseSheetOptions { Header = header });
        sheet.Input.Tallies.ShouldBe(full.Input.Tallies);
        sheet.Input.Judgements.ShouldBe(full.Input.Judgements);
        sheet.Unit.ShouldBe("Joined");
        SameRating(Rater.Rate(sheet.Input), Rater.Rate(full.Input));
    }

    [Test]
    public void Without_the_option_a_header_without_cases_is_still_bad_input()
    {
        const string Header = """{"framework": "probation-pdu-2023", "unit": "H", "organisational": {"P1.1": "Good", "P1.2": "Good", "P1.3": "Good"}}""";
        Should.Throw<InvalidInputException>(() => FindingsReader.Read(Encoding.UTF8.GetBytes(Header), "h.json")).Problems
            .Count(p => p.Code == ProblemCode.KeyQuestionNotGiven).ShouldBe(12);
    }

    internal static void SameRating(RatingResult actual, RatingResult expected)
    {
        actual.Standards.ShouldBe(expected.Standards);
        (actual.Score, actual.MaxScore, actual.Overall).ShouldBe((expected.Score, expected.MaxScore, expected.Overall));
        actual.Cases.ShouldBe(expected.Cases);
    }

    private static IEnumerable<string> CaseLevelVectors()
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");
        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            if (root.TryGetProperty("cases", out var c) && c.GetArrayLength() > 0 && !root.TryGetProperty("keyQuestions", out _) && !root.TryGetProperty("overrides", out _))
            {
                yield return path;
            }
        }
    }
}
