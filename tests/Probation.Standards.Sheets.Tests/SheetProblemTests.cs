using System.Text;

namespace Probation.Standards.Sheets.Tests;

/// <summary>Bad sheets: every problem named by file, row and column, the whole sheet rejected.</summary>
public class SheetProblemTests
{
    private static List<string[]> Planted(out string[] expected)
    {
        var table = SheetSupport.Table(SheetSupport.RandomCases(5, 40));
        var header = table[0];
        int Col(string name) => Array.IndexOf(header, name);

        // Ten mistakes, each in its own row (row numbers count the header as 1).
        void Set(int row, string column, string value) => table[row - 1][Col(column)] = value;
        Set(3, "P2.1.1", "Yess");
        Set(5, "start", "25/07/2024");
        Set(7, "sentence", "Prison");
        Set(9, "exemption", "MAPA");
        Set(11, "id", table[1][Col("id")]);
        Set(13, "start", "2024-08-01");
        Set(13 + 0, "suspended", "2024-07-01");
        Set(15, "id", "   ");
        Set(17, "P2.4.3", "maybe");
        Set(19, "start", "2024-02-30");
        Set(21, "P2.2.2", "Y es?");
        Set(23, "suspended", "soon");
        expected = new[]
        {
            "row 3, column 'P2.1.1'", "row 5, column 'start'", "row 7, column 'sentence'", "row 9, column 'exemption'", "row 11, column 'id'",
            "row 13, column 'suspended'", "row 15, column 'id'", "row 17, column 'P2.4.3'", "row 19, column 'start'", "row 21, column 'P2.2.2'",
        };
        table[22][Col("suspended")] = string.Empty; // keep it ten
        return table;
    }

    [Test]
    public void Ten_planted_mistakes_in_a_csv_give_ten_problems_with_rows_and_columns()
    {
        var table = Planted(out var expected);
        var error = Should.Throw<InvalidInputException>(() =>
            CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(table))), "audit.csv", SheetKind.Csv));
        error.Problems.Select(p => p.Path).ShouldBe(expected);
        error.Problems.Select(p => p.Code).ShouldBe(new[]
        {
            ProblemCode.InvalidAnswer, ProblemCode.InvalidDate, ProblemCode.InvalidSentence, ProblemCode.InvalidExemption, ProblemCode.DuplicateCaseId,
            ProblemCode.SuspendedBeforeStart, ProblemCode.EmptyValue, ProblemCode.InvalidAnswer, ProblemCode.InvalidDate, ProblemCode.InvalidAnswer,
        });
        error.MessageLines()[0].ShouldBe("audit.csv: row 3, column 'P2.1.1': answer 'Yess' is not Yes, No or NotApplicable");
    }

    [Test]
    public void Ten_planted_mistakes_in_an_xlsx_give_ten_problems_with_excel_row_numbers()
    {
        var table = Planted(out var expected);
        var error = Should.Throw<InvalidInputException>(() =>
            CaseSheetReader.Read(new MemoryStream(SheetSupport.Xlsx(table, "start", "suspended")), "audit.xlsx", SheetKind.Xlsx));
        error.Problems.Select(p => p.Path).ShouldBe(expected);
    }

    [TestCase("id,sentence\r\nC1,Licence\r\n", ProblemCode.KeyQuestionNotGiven, "row 1", 12)]
    [TestCase("sentence,P2.1.1\r\nLicence,Yes\r\n", ProblemCode.MissingField, "row 1", 1)]
    [TestCase("", ProblemCode.Empty, "row 1", 1)]
    public void Header_problems_are_named(string csv, ProblemCode code, string path, int count)
    {
        var error = Should.Throw<InvalidInputException>(() => CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "h.csv", SheetKind.Csv));
        error.Problems.Where(p => p.Code == code).Select(p => p.Path).ShouldBe(Enumerable.Repeat(path, count));
    }

    [Test]
    public void A_column_named_like_an_unknown_key_question_is_a_mistake_not_a_tag()
    {
        var table = SheetSupport.Table(SheetSupport.RandomCases(2, 5));
        table[0] = table[0].Append("P2.1.4").ToArray();
        for (var i = 1; i < table.Count; i++)
        {
            table[i] = table[i].Append("Yes").ToArray();
        }

        var error = Should.Throw<InvalidInputException>(() => CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SheetSupport.Csv(table))), "k.csv", SheetKind.Csv));
        error.Problems.Single().ToString().ShouldBe("k.csv: row 1, column 'P2.1.4': unknown key question 'P2.1.4' in probation-pdu-2023");
    }

    [Test]
    public void Headers_match_case_insensitively_extra_columns_are_tags_blank_rows_are_skipped_and_hash_is_no_comment()
    {
        var csv = "ID, Sentence ,Start,Suspended,Exemption,p2.1.1,P2.1.2,P2.1.3,P2.2.1,P2.2.2,P2.2.3,P2.3.1,P2.3.2,P2.3.3,P2.4.1,P2.4.2,P2.4.3,Team,Officer\r\n"
            + "#1,licence,2024-07-01,,,yes,No,N/A,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,Yes,\"North, city\",Ann\r\n"
            + ",,,,,,,,,,,,,,,,,,\r\n"
            + "C2,Community order,2024-07-01,2024-08-01,,No,No,No,No,No,No,No,No,No,No,No,No, ,Bob\r\n";
        var sheet = CaseSheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF" + csv)), "t.csv", SheetKind.Csv, new CaseSheetOptions { KeepCases = true });
        sheet.Rows.ShouldBe(2);
        sheet.Cases[0].Id.ShouldBe("#1");
        sheet.Cases[0].TryGetTag("Team", out var team).ShouldBeTrue();
        team.ShouldBe("North, city");
        sheet.Cases[1].TryGetTag("Team", out _).ShouldBeFalse(); // a blank tag cell is no tag
        sheet.Cases[1].Sentence.ShouldBe(Reset.SentenceType.CommunityOrder);
        sheet.Input.Tallies.GetTally("P2.1.1").ShouldBe(new Scoring.KeyQuestionTally(1, 2));
        sheet.Input.Tallies.GetTally("P2.1.3").ShouldBe(new Scoring.KeyQuestionTally(0, 1));
        sheet.Input.Judgements.ShouldAllBe(j => j.Rating == Rating.NotRated);
        sheet.Unit.ShouldBe("t");
    }

    [Test]
    public void A_utf16_csv_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id\r\nC1\r\n")).ToArray();
        Should.Throw<InvalidInputException>(() => CaseSheetReader.Read(new MemoryStream(bytes), "u.csv", SheetKind.Csv))
            .Problems.Single().Message.ShouldContain("UTF-16");
    }
}
