using System.Text;
using Probation.Standards.Findings;

namespace Probation.Standards.Tests.Fuzz;

/// <summary>
/// Time linear in size, measured deterministically (docs/fuzzing.md): no clock, but the bytes the reader allocates
/// on this thread, which an algorithm quadratic in its input shows at once (a string rebuilt per character, a list
/// copied per item, a problem list that grows without its cap). Each shape of document is read at one, four and
/// sixteen and sixty-four times a base size (large enough that a fixed cost cannot hide a growing one); from each size to the next, four times the input may allocate at most six times as
/// much (a quadratic cost would allocate sixteen times as much; a fixed cost makes the ratio smaller than four).
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public class ReaderLinearityTests
{
    private const double MostGrowthForFourTimesTheInput = 6.0;

    private static readonly string Header =
        "{\"framework\": \"probation-pdu-2023\", \"unit\": \"Linear PDU\", \"fieldworkStarted\": \"2024-11-04\", " +
        "\"organisational\": {\"P1.1\": \"Good\", \"P1.2\": \"Good\", \"P1.3\": \"Good\"}, ";

    private static readonly string[] KeyQuestions =
    {
        "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3",
    };

    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData("valid cases", (Func<int, string>)(n => Header + Cases(100 * n, "Yes", i => $"C{i:D7}") + "}"));
        yield return new TestCaseData("cases with a bad answer each", (Func<int, string>)(n => Header + Cases(100 * n, "Perhaps", i => $"C{i:D7}") + "}"));
        yield return new TestCaseData("cases with one id, duplicated", (Func<int, string>)(n => Header + Cases(100 * n, "No", _ => "SAME") + "}"));
        yield return new TestCaseData("a long unit name", (Func<int, string>)(n => Header.Replace("Linear PDU", new string('x', 20_000 * n), StringComparison.Ordinal) + Cases(1, "Yes", i => "C1") + "}"));
        yield return new TestCaseData("a long number", (Func<int, string>)(n => Header + "\"keyQuestions\": {\"P2.1.1\": {\"yes\": 1, \"relevant\": 1" + new string('0', 20_000 * n) + "}}}"));
        yield return new TestCaseData("deep nesting", (Func<int, string>)(n => Header + "\"x\": " + new string('[', 2_000 * n) + new string(']', 2_000 * n) + "}"));
        yield return new TestCaseData("whitespace", (Func<int, string>)(n => Header + new string(' ', 50_000 * n) + Cases(1, "Yes", i => "C1") + "}"));
        yield return new TestCaseData("many unknown fields", (Func<int, string>)(n => Header + string.Concat(Enumerable.Range(0, 500 * n).Select(i => $"\"extra{i}\": {i}, ")) + Cases(1, "Yes", i => "C1") + "}"));
        yield return new TestCaseData("a string of escapes", (Func<int, string>)(n => Header.Replace("Linear PDU", string.Concat(Enumerable.Repeat("\\u00e9\\n", 2_000 * n)), StringComparison.Ordinal) + Cases(1, "Yes", i => "C1") + "}"));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Allocation_grows_linearly_with_the_document(string shape, Func<int, string> document)
    {
        var sizes = new[] { 1, 4, 16, 64 };
        var inputs = sizes.Select(n => Encoding.UTF8.GetBytes(document(n))).ToArray();
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

    [Test]
    public void The_measure_sees_a_quadratic_cost()
    {
        // The proxy can fail: a reader that concatenated the input's text one piece at a time would allocate n^2/2.
        static long Quadratic(byte[] input)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var text = string.Empty;
            for (var i = 0; i < input.Length; i += 64)
            {
                text += Encoding.ASCII.GetString(input, i, Math.Min(64, input.Length - i));
            }

            return GC.GetAllocatedBytesForCurrentThread() - before + (text.Length > 0 ? 0 : 1);
        }

        var small = Quadratic(new byte[4_000]);
        var large = Quadratic(new byte[16_000]);
        ((double)large / small).ShouldBeGreaterThan(MostGrowthForFourTimesTheInput);
    }

    private static long Read(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            FindingsReader.Read(input, "linear.json");
        }
        catch (InvalidInputException)
        {
            // Bad input is measured too: the problems found are capped, so they cost no more than the input.
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Cases(int count, string answer, Func<int, string> id)
    {
        var text = new StringBuilder("\"cases\": [");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append("{\"id\": \"").Append(id(i)).Append("\", \"sentence\": \"Licence\", \"start\": \"2024-09-02\", \"answers\": {");
            text.AppendJoin(", ", KeyQuestions.Select(q => $"\"{q}\": \"{answer}\""));
            text.Append("}}");
        }

        return text.Append(']').ToString();
    }
}
