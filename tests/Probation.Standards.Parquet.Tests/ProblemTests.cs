using Parquet.Schema;
using Probation.Standards.Sheets;

namespace Probation.Standards.Parquet.Tests;

/// <summary>Bad tables: every problem named by file, row and column, the whole table rejected, as a sheet.</summary>
public class ProblemTests
{
    private static InvalidInputException Fails(byte[] parquet, CaseSheetOptions? options = null) =>
        Should.Throw<InvalidInputException>(() => CaseTableReader.Read(new MemoryStream(parquet), "audit.parquet", options));

    [Test]
    public void Planted_mistakes_are_listed_in_row_order_with_their_columns()
    {
        var cases = TableSupport.RandomCases(5, 60);
        cases[2].Answers["P2.1.1"] = "Yess";
        cases[4].Sentence = "Prison";
        cases[6].Exemption = "MAPA";
        cases[10].Id = cases[0].Id;
        cases[12].Start = new DateTime(2024, 8, 1);
        cases[12].Suspended = new DateTime(2024, 7, 1);
        cases[14].Id = "   ";
        cases[16].Start = null;
        cases[16].Suspended = new DateTime(2024, 7, 1);
        cases[40].Answers["P2.4.3"] = "maybe";
        var error = Fails(TableSupport.Parquet(cases, new TableStyle(RowGroupSize: 25)));
        error.MessageLines().ShouldBe(new[]
        {
            "audit.parquet: row 3, column 'p2_1_1': answer 'Yess' is not Yes, No or NotApplicable",
            "audit.parquet: row 5, column 'sentence': sentence 'Prison' is not one of CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision",
            "audit.parquet: row 7, column 'exemption': exemption 'MAPA' is not one of Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt",
            $"audit.parquet: row 11, column 'id': duplicate case id '{cases[0].Id}'",
            "audit.parquet: row 13, column 'suspended': the suspension date 2024-07-01 is before the start date 2024-08-01 (R9)",
            "audit.parquet: row 15, column 'id': the case id is empty",
            "audit.parquet: row 17, column 'suspended': a suspension date needs a start date (R9)",
            "audit.parquet: row 41, column 'p2_4_3': answer 'maybe' is not Yes, No or NotApplicable",
        });
    }

    [Test]
    public void A_text_date_that_is_not_a_date_is_named_and_never_guessed()
    {
        var cases = TableSupport.RandomCases(9, 10);
        cases[3].StartText = "25/07/2024";
        cases[5].StartText = "2024-02-30";
        var error = Fails(TableSupport.Parquet(cases, new TableStyle(Dates: DateStorage.Text)));
        error.MessageLines().ShouldBe(new[]
        {
            "audit.parquet: row 4, column 'start': date '25/07/2024' is not yyyy-mm-dd; for dates written day first give --date-format dd/MM/yyyy, month first --date-format MM/dd/yyyy (never guessed)",
            "audit.parquet: row 6, column 'start': date '2024-02-30' is not a real calendar date written yyyy-mm-dd",
        });
    }

    [Test]
    public void A_column_given_twice_in_any_case_is_named()
    {
        var cases = TableSupport.RandomCases(9, 10);
        var error = Fails(TableSupport.ParquetWith(cases, new TableStyle(), new (DataField, Func<IReadOnlyList<TestCase>, Array>)[]
        {
            (new DataField<string>("Start"), part => part.Select(c => TableSupport.Iso(c.Start)).ToArray()),
            (new DataField<string>("P2.1.1"), part => part.Select(_ => "Yes").ToArray()),
        }));
        error.MessageLines().ShouldBe(new[]
        {
            "audit.parquet: schema, column 'Start': column 'Start' is given twice (also as 'start')",
            "audit.parquet: schema, column 'P2.1.1': column 'P2.1.1' is given twice (also as 'p2_1_1')",
        });
    }

    [Test]
    public void A_missing_id_column_and_a_key_question_in_no_column_are_schema_problems()
    {
        var cases = TableSupport.RandomCases(3, 5);
        var bytes = Write(new DataField[] { new DataField<string>("sentence"), new DataField<string>("p2_1_1") }, new Array[] { new[] { "Licence" }, new[] { "Yes" } });
        var error = Fails(bytes);
        var lines = error.MessageLines();
        lines[0].ShouldBe("audit.parquet: schema: no 'id' column: every case needs an id");
        lines.Skip(1).ShouldBe(TableSupport.KeyQuestions.Skip(1).Select(q => $"audit.parquet: schema: {q} is given in no column"));
        cases.Count.ShouldBe(5);
    }

    [Test]
    public void A_key_question_column_of_numbers_is_the_wrong_type()
    {
        var fields = new List<DataField> { new DataField<string>("id") };
        var values = new List<Array> { new[] { "C1", "C2" } };
        foreach (var q in TableSupport.KeyQuestions)
        {
            var name = TableSupport.ColumnName(q, true);
            fields.Add(name == "p2_2_2" ? new DataField<int>(name) : new DataField<string>(name));
            values.Add(name == "p2_2_2" ? new[] { 1, 0 } : new[] { "Yes", "No" });
        }

        var error = Fails(Write(fields, values));
        error.MessageLines().ShouldBe(new[]
        {
            "audit.parquet: schema, column 'p2_2_2': the column holds Int32 values; a key question's answers are text (Yes, No, N/A)",
            "audit.parquet: schema: P2.2.2 is given in no column",
        });
    }

    [Test]
    public void A_standard_or_an_unknown_key_question_as_a_column_is_a_mistake_not_a_tag()
    {
        var cases = TableSupport.RandomCases(4, 6);
        var error = Fails(TableSupport.ParquetWith(cases, new TableStyle(), new (DataField, Func<IReadOnlyList<TestCase>, Array>)[]
        {
            (new DataField<string>("p2_1"), part => part.Select(_ => "Yes").ToArray()),
            (new DataField<string>("p2_1_4"), part => part.Select(_ => "Yes").ToArray()),
            (new DataField<string>("p1_2"), part => part.Select(_ => "Good").ToArray()),
        }));
        error.MessageLines().ShouldBe(new[]
        {
            "audit.parquet: schema, column 'p2_1': P2.1 is a standard, not a key question; its key questions are numbered like P2.1.1",
            "audit.parquet: schema, column 'p2_1_4': unknown key question 'p2_1_4' in probation-pdu-2023",
            "audit.parquet: schema, column 'p1_2': P1.2 Staffing is a judgement, not a key question: give it with the judgements (--judgements P1.2=...)",
        });
    }

    [Test]
    public void Bytes_that_are_not_parquet_are_unreadable()
    {
        var error = Fails(System.Text.Encoding.UTF8.GetBytes("id,P2.1.1\r\nC1,Yes\r\n"));
        error.Problems.Single().Code.ShouldBe(ProblemCode.Unreadable);
        error.MessageLines()[0].ShouldStartWith("audit.parquet: file: not a readable Parquet file: ");
    }

    [Test]
    public void An_unknown_framework_is_named_before_the_file_is_read()
    {
        var error = Fails(TableSupport.Parquet(TableSupport.RandomCases(1, 3)), new CaseSheetOptions { FrameworkId = "nope" });
        error.MessageLines()[0].ShouldStartWith("audit.parquet: --framework: unknown framework 'nope'");
    }

    private static byte[] Write(IReadOnlyList<DataField> fields, IReadOnlyList<Array> values)
    {
        using var memory = new MemoryStream();
        Task.Run(async () =>
        {
            await using var writer = await global::Parquet.ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray<Field>()), memory);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Count; i++)
            {
                if (values[i] is string[] text)
                {
                    await group.WriteAsync(fields[i], text);
                }
                else
                {
                    await group.WriteAsync<int>(fields[i], ((int[])values[i]).AsMemory());
                }
            }
        }).GetAwaiter().GetResult();
        return memory.ToArray();
    }
}
