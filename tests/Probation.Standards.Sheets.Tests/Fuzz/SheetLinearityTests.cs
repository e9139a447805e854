using System.Text;

namespace Probation.Standards.Sheets.Tests.Fuzz;

/// <summary>
/// Time linear in size, measured without a clock (docs/fuzzing.md): the bytes the CSV reader allocates on this thread
/// as each shape of sheet grows one, four, sixteen and sixty-four times. From each size to the next, four times the
/// input may allocate at most six times as much; a quadratic cost would allocate sixteen times as much.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public class SheetLinearityTests
{
    private const double MostGrowthForFourTimesTheInput = 6.0;

    private static readonly string Header = "id,sentence,start,suspended,exemption,team," + string.Join(",", SheetSupport.KeyQuestions);

    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData("valid rows", (Func<int, string>)(n => Rows(100 * n, i => $"C{i:D7}", "Yes")));
        yield return new TestCaseData("rows with a bad answer each", (Func<int, string>)(n => Rows(100 * n, i => $"C{i:D7}", "Perhaps")));
        yield return new TestCaseData("rows with one id, duplicated", (Func<int, string>)(n => Rows(100 * n, _ => "SAME", "No")));
        yield return new TestCaseData("a long quoted cell", (Func<int, string>)(n => Header + "\nC1,Licence,2024-09-02,,,\"" + new string('x', 20_000 * n) + "\"," + string.Join(",", SheetSupport.KeyQuestions.Select(_ => "Yes")) + "\n"));
        yield return new TestCaseData("a row far wider than the header", (Func<int, string>)(n => Rows(1, i => "C1", "Yes") + "C2" + new string(',', 20_000 * n) + "\n"));
        yield return new TestCaseData("a header far wider than a workbook", (Func<int, string>)(n => Header + string.Concat(Enumerable.Range(0, 20_000 * n).Select(i => $",t{i}")) + "\n"));
        yield return new TestCaseData("blank rows", (Func<int, string>)(n => Rows(1, i => "C1", "Yes") + new string('\n', 20_000 * n)));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Allocation_grows_linearly_with_the_sheet(string shape, Func<int, string> sheet)
    {
        var sizes = new[] { 1, 4, 16, 64 };
        var inputs = sizes.Select(n => Encoding.UTF8.GetBytes(sheet(n))).ToArray();
        Read(inputs[0]); // the first read pays for JIT compilation and the frameworks' loading
        Read(inputs[0]);
        var allocated = inputs.Select(Read).ToArray();
        for (var i = 1; i < sizes.Length; i++)
        {
            var inputGrowth = (double)inputs[i].Length / inputs[i - 1].Length;
            var growth = (double)allocated[i] / allocated[i - 1];
            TestContext.Out.WriteLine($"{shape}: {inputs[i - 1].Length} -> {inputs[i].Length} bytes (x{inputGrowth:F1}): {allocated[i - 1]} -> {allocated[i]} bytes allocated (x{growth:F2})");
            inputGrowth.ShouldBeGreaterThan(3.0, "the shape's input grows");
            growth.ShouldBeLessThanOrEqualTo(MostGrowthForFourTimesTheInput * inputGrowth / 4, $"{shape}: allocation grows faster than the input");
        }
    }

    private static long Read(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            CaseSheetReader.Read(new MemoryStream(input), "linear.csv", SheetKind.Csv);
        }
        catch (InvalidInputException)
        {
            // Bad input is measured too: the problems found are capped, so they cost no more than the input.
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Rows(int count, Func<int, string> id, string answer)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            text.Append(id(i)).Append(",Licence,2024-09-02,,,").Append(SheetSupport.Teams[i % 4]).Append(',')
                .AppendJoin(",", SheetSupport.KeyQuestions.Select(_ => answer)).Append('\n');
        }

        return text.ToString();
    }
}
