using System.Text;
using Probation.Standards.Parquet.Tests;

namespace Probation.Standards.Cli.Tests;

/// <summary>Parquet case tables through the real tool: the same output as the same rows in a CSV case sheet.</summary>
public class ParquetCommandTests
{
    private const string Judgements = "P1.1=Good,P1.2=RequiresImprovement,P1.3=Good";

    private static (string Parquet, string Csv) Pair(string name, int seed, int count, TableStyle? style = null)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "parquet-command-tests", name);
        Directory.CreateDirectory(folder);
        var cases = TableSupport.RandomCases(seed, count);
        var parquet = Path.Combine(folder, "cases.parquet");
        var csv = Path.Combine(folder, "cases.csv");
        File.WriteAllBytes(parquet, TableSupport.Parquet(cases, style ?? new TableStyle(RowGroupSize: 45)));
        File.WriteAllText(csv, TableSupport.Csv(cases), new UTF8Encoding(false));
        return (parquet, csv);
    }

    private static void SameRun(string[] parquetArgs, string[] csvArgs)
    {
        var fromParquet = Tool.Run(parquetArgs);
        var fromCsv = Tool.Run(csvArgs);
        fromCsv.ExitCode.ShouldBe(0, fromCsv.Error);
        fromParquet.ExitCode.ShouldBe(0, fromParquet.Error);
        fromParquet.Error.ShouldBe(fromCsv.Error);
        fromParquet.Output.ShouldBe(fromCsv.Output.Replace("cases.csv", "cases.parquet"));
    }

    [TestCase("text")]
    [TestCase("json")]
    public void Rate_of_a_table_prints_what_rate_of_the_same_rows_as_csv_prints(string format)
    {
        var (parquet, csv) = Pair("rate-" + format, 11, 240);
        string[] Args(string file) => new[] { "rate", file, "--unit", "Test PDU", "--judgements", Judgements, "--fieldwork-started", "2025-03-10", "--format", format };
        SameRun(Args(parquet), Args(csv));
        var json = Tool.Run(Args(parquet));
        if (format == "json")
        {
            json.Output.ShouldContain("\"unit\": \"Test PDU\"");
        }
    }

    [Test]
    public void Rate_by_team_and_explain_and_report_agree_with_the_csv()
    {
        var (parquet, csv) = Pair("by", 12, 300, new TableStyle(DatabaseNames: false, Dates: DateStorage.Timestamp, RowGroupSize: 64));
        SameRun(new[] { "rate", parquet, "--by", "team" }, new[] { "rate", csv, "--by", "team" });
        SameRun(new[] { "explain", parquet, "--framework", "probation-pdu-2023" }, new[] { "explain", csv, "--framework", "probation-pdu-2023" });
        SameRun(new[] { "report", parquet, "-o", "-" }, new[] { "report", csv, "-o", "-" });
    }

    [Test]
    public void A_bad_table_exits_2_with_every_problem_named_and_nothing_rated()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "parquet-command-tests", "bad");
        Directory.CreateDirectory(folder);
        var cases = TableSupport.RandomCases(13, 50);
        cases[1].Answers["P2.3.2"] = "Yess";
        cases[7].Id = cases[3].Id;
        var path = Path.Combine(folder, "audit.parquet");
        File.WriteAllBytes(path, TableSupport.Parquet(cases, new TableStyle(RowGroupSize: 20)));
        var run = Tool.Run("rate", path);
        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ShouldBe(new[]
        {
            $"error: {path}: row 2, column 'p2_3_2': answer 'Yess' is not Yes, No or NotApplicable",
            $"error: {path}: row 8, column 'id': duplicate case id '{cases[3].Id}'",
        });
    }

    [Test]
    public void A_file_named_parquet_that_is_not_parquet_is_bad_input()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "parquet-command-tests", "not");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cases.parquet");
        File.WriteAllText(path, "id,P2.1.1\nC1,Yes\n");
        var run = Tool.Run("rate", path);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"error: {path}: file: not a readable Parquet file: ");
    }
}
