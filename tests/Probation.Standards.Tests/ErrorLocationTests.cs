using System.Text;
using Probation.Standards.Findings;

namespace Probation.Standards.Tests;

/// <summary>Errors carry file, JSON path, line and column; only syntax errors put the location in the message.</summary>
public class ErrorLocationTests
{
    private const string Document = "{\n  \"unit\": \"Test\",\n  \"framework\": \"probation-pdu-2023\",\n  \"organisational\": { \"P1.1\": \"Good\", \"P1.2\": \"Good\", \"P1.3\": \"Good\" },\n  \"keyQuestions\": {\n    \"P2.1.9\": 50\n  }\n}";

    [Test]
    public void An_error_found_after_parsing_points_at_the_value()
    {
        var error = Should.Throw<InvalidInputException>(() => FindingsReader.Read(Encoding.UTF8.GetBytes(Document), "doc.json"));
        error.Problems[0].Path.ShouldBe("$.keyQuestions['P2.1.9']");

        // Line 6 is `    "P2.1.9": 50`; the value 50 starts in column 15.
        error.Problems[0].Line.ShouldBe(6);
        error.Problems[0].Column.ShouldBe(15);
        error.Problems[0].Code.ShouldBe(ProblemCode.UnknownKeyQuestion);
        error.Problems[0].ToString().ShouldBe("doc.json: $.keyQuestions['P2.1.9']: line 6, column 15: unknown key question 'P2.1.9' in probation-pdu-2023");
    }

    [Test]
    public void A_syntax_error_puts_line_and_column_in_the_message()
    {
        var broken = Document.Replace("\"P2.1.9\": 50", "\"P2.1.9\": 50,", StringComparison.Ordinal);
        var error = Should.Throw<InvalidInputException>(() => FindingsReader.Read(Encoding.UTF8.GetBytes(broken), "doc.json"));
        error.Problems[0].Line.ShouldBe(7);
        error.Message.ShouldStartWith("doc.json: $.keyQuestions: line 7, column 3: ");
    }
}
