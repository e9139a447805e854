using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Bulk;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;

namespace Probation.Standards.Parquet.Tests;

/// <summary>A Parquet case table reads into the tallies, warnings, groups and rating of the same rows as a CSV case sheet.</summary>
public class EquivalenceTests
{
    private static readonly JudgementRating[] Good =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.RequiresImprovement),
    };

    private static CaseSheetOptions Options(bool group = false, bool keep = false) =>
        new() { Unit = "Test PDU", Judgements = Good, GroupBy = group ? new[] { "team" } : null, KeepCases = keep };

    private static CaseTable ReadTable(IReadOnlyList<TestCase> cases, TableStyle style, CaseSheetOptions options) =>
        CaseTableReader.Read(new MemoryStream(TableSupport.Parquet(cases, style)), "cases.parquet", options);

    private static CaseSheet ReadCsv(IReadOnlyList<TestCase> cases, CaseSheetOptions options) =>
        CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(TableSupport.Csv(cases))), "cases.csv", SheetKind.Csv, options);

    private static void ShouldMatchReference(CaseTable table, IReadOnlyList<TestCase> cases)
    {
        var tallies = table.Input.Tallies;
        foreach (var question in TableSupport.KeyQuestions)
        {
            var (yes, relevant) = Reference.Tally(cases, question);
            var tally = tallies.GetTally(question);
            (tally.Yes, tally.Relevant).ShouldBe((yes, relevant), question);
        }

        var (inspected, core, exempt, after, adjusted) = Reference.Classes(cases);
        var counts = table.Cases;
        (counts.Inspected, counts.Core, counts.Exempt, counts.SuspendedAfterThreshold, counts.Adjusted).ShouldBe((inspected, core, exempt, after, adjusted));
        counts.SuspendedButExempt.ShouldBe(cases.Count(c => c.Exemption is not null && c.Suspended is not null));
        counts.Licences.ShouldBe(cases.Count(c => c.Sentence == "Licence"));
        table.BlankAnswers.ShouldBe(cases.Sum(c => TableSupport.KeyQuestions.Count(q => !c.Answers.ContainsKey(q))));
        table.Rows.ShouldBe(cases.Count);
        table.Batch.Count.ShouldBe(cases.Count);
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Random_tables_read_as_the_same_rows_in_csv_and_as_the_reference_counts() =>
        Prop.ForAll(
            Gen.Choose(1, 1_000_000).ToArbitrary(),
            seed =>
            {
                // The seed draws the table's size, row-group size and style as well as its rows.
                var draw = new Random(seed ^ 0x5EED);
                var (count, rowGroup, styleBits) = (draw.Next(1, 400), draw.Next(1, 130), draw.Next(0, 12));
                var cases = TableSupport.RandomCases(seed, count);
                var style = new TableStyle(
                    DatabaseNames: (styleBits & 1) == 0,
                    Dates: (DateStorage)(styleBits % 3),
                    RowGroupSize: rowGroup,
                    Dictionary: (styleBits & 4) == 0);
                var table = ReadTable(cases, style, Options(group: true));
                var sheet = ReadCsv(cases, Options(group: true));
                table.Input.ShouldBe(sheet.Input);
                table.Groups.ShouldBe(sheet.Groups);
                table.RowGroups.ShouldBe((count + rowGroup - 1) / rowGroup);
                ShouldMatchReference(table, cases);
                Rater.Rate(table.Input).ShouldBe(Rater.Rate(sheet.Input));
            });

    [TestCase(DateStorage.Date)]
    [TestCase(DateStorage.Timestamp)]
    [TestCase(DateStorage.Text)]
    public void Reset_edges_classify_as_the_per_case_path(DateStorage dates)
    {
        // 56 days is adjusted, 57 is not; across 29 February; an exempt case with a suspension; a suspension on the start day.
        var cases = new List<TestCase>
        {
            Case("E56", new DateTime(2024, 7, 1), new DateTime(2024, 7, 1).AddDays(56)),
            Case("E57", new DateTime(2024, 7, 1), new DateTime(2024, 7, 1).AddDays(57)),
            Case("L56", new DateTime(2024, 1, 4), new DateTime(2024, 2, 29)), // 56 days with the leap day
            Case("L57", new DateTime(2024, 1, 4), new DateTime(2024, 3, 1)),
            Case("F29", new DateTime(2024, 2, 29), new DateTime(2024, 4, 25)), // 56 days from a leap day
            Case("X", new DateTime(2024, 7, 1), new DateTime(2024, 7, 20), "Mappa"),
            Case("Z", new DateTime(2024, 7, 1), new DateTime(2024, 7, 1)),
            Case("B", new DateTime(2024, 4, 1), new DateTime(2024, 5, 1)), // suspended before Reset began: a warning
            Case("C", new DateTime(2024, 7, 1), null),
        };
        var table = ReadTable(cases, new TableStyle(Dates: dates, RowGroupSize: 4), Options(keep: true));
        table.Classifications.Select(c => (c.CaseId, c.Class, c.DaysToSuspension)).ShouldBe(new (string, Reset.CaseClass, int?)[]
        {
            ("E56", Reset.CaseClass.Adjusted, 56), ("E57", Reset.CaseClass.SuspendedAfterThreshold, 57),
            ("L56", Reset.CaseClass.Adjusted, 56), ("L57", Reset.CaseClass.SuspendedAfterThreshold, 57),
            ("F29", Reset.CaseClass.Adjusted, 56), ("X", Reset.CaseClass.Exempt, 19), ("Z", Reset.CaseClass.Adjusted, 0),
            ("B", Reset.CaseClass.Adjusted, 30), ("C", Reset.CaseClass.Core, null),
        });
        (table.Cases.Adjusted, table.Cases.Reset, table.Cases.Exempt, table.Cases.SuspendedButExempt).ShouldBe((5L, 7L, 1L, 1L));
        // Reset began on 2024-06-07: the suspensions in February, March, April and May are counted as given, with a warning.
        table.Warnings.Select(w => (w.Code, w.CaseId)).ShouldBe(new (WarningCode, string?)[]
        {
            (WarningCode.SuspendedBeforeReset, "L56"), (WarningCode.SuspendedBeforeReset, "L57"), (WarningCode.SuspendedBeforeReset, "F29"),
            (WarningCode.SuspendedButExempt, "X"), (WarningCode.SuspendedBeforeReset, "B"),
        });
        table.Warnings[3].Message.ShouldBe("case 'X' is exempt (Mappa) but has contact suspended from 2024-07-20; it is judged against core standards and not counted as Reset");

        // The adjusted bit-plane marks exactly the adjusted rows.
        var adjusted = table.Batch.AdjustedPlane()[0];
        adjusted.ShouldBe((1UL << 0) | (1UL << 2) | (1UL << 4) | (1UL << 6) | (1UL << 7));
        table.Input.ShouldBe(ReadCsv(cases, Options()).Input);
    }

    [Test]
    public void The_batch_holds_each_answer_in_row_order_across_row_groups()
    {
        var cases = TableSupport.RandomCases(77, 300);
        var table = ReadTable(cases, new TableStyle(RowGroupSize: 37), Options());
        for (var i = 0; i < cases.Count; i++)
        {
            for (var q = 0; q < TableSupport.KeyQuestions.Length; q++)
            {
                var expected = cases[i].Answers.TryGetValue(TableSupport.KeyQuestions[q], out var text)
                    ? text.Trim().ToLowerInvariant() switch { "yes" => Answer.Yes, "no" => Answer.No, _ => Answer.NotApplicable }
                    : Answer.NotApplicable;
                table.Batch.GetAnswer(i, q).ShouldBe(expected, $"case {i}, {TableSupport.KeyQuestions[q]}");
            }
        }

        BulkTally.Tally(table.Batch).ShouldBe(table.Input.Tallies);
    }

    [Test]
    public void A_table_without_rows_reads_as_a_sheet_with_only_its_header()
    {
        var table = ReadTable(new List<TestCase>(), new TableStyle(), Options());
        var sheet = ReadCsv(new List<TestCase>(), Options());
        table.Input.ShouldBe(sheet.Input);
        table.Rows.ShouldBe(0);
        TableSupport.KeyQuestions.ShouldAllBe(q => !table.Input.Tallies.IsGiven(q)); // no row answers any key question (R5)
    }

    [Test]
    public void A_header_document_takes_its_cases_from_a_table_as_from_a_sheet()
    {
        const string Header = """{"framework": "probation-pdu-2023", "unit": "Joined", "organisational": {"P1.1": "Good", "P1.2": "Good", "P1.3": "Outstanding"}}""";
        var header = Findings.FindingsReader.Read(Encoding.UTF8.GetBytes(Header), "header.json", new Findings.FindingsReaderOptions { AllowMissingKeyQuestions = true });
        var cases = TableSupport.RandomCases(21, 90);
        var table = ReadTable(cases, new TableStyle(RowGroupSize: 31), new CaseSheetOptions { Header = header });
        var sheet = ReadCsv(cases, new CaseSheetOptions { Header = header });
        table.Unit.ShouldBe("Joined");
        table.Input.ShouldBe(sheet.Input);
        table.Input.Judgements.Single(j => j.StandardId == "P1.3").Rating.ShouldBe(Rating.Outstanding);
    }

    private static TestCase Case(string id, DateTime start, DateTime? suspended, string? exemption = null)
    {
        var c = new TestCase { Id = id, Sentence = "Licence", Start = start, Suspended = suspended, Exemption = exemption, Team = "North" };
        foreach (var question in TableSupport.KeyQuestions)
        {
            c.Answers[question] = id.Length % 2 == 0 ? "Yes" : "No";
        }

        return c;
    }
}
