using System;
using System.Text;

namespace Probation.Standards;

/// <summary>
/// A findings or framework document broke a rule of its format. Nothing was rated (R10): the
/// exception names the file, the JSON path and what was wrong, and for syntax errors the line and column.
/// </summary>
#pragma warning disable CA1032 // The standard constructors would allow an error without its location.
public sealed class InvalidInputException : Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or stream name) the document came from.</param>
    /// <param name="jsonPath">The JSON path of the offending value, e.g. <c>$.keyQuestions['P2.1.1']</c>.</param>
    /// <param name="problem">What was wrong, in words a person can act on.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column, when known.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public InvalidInputException(string file, string jsonPath, string problem, long? line = null, long? column = null, Exception? innerException = null)
        : this(file, jsonPath, problem, line, column, innerException, locationInMessage: true)
    {
    }

    // Errors found after parsing carry their line and column as properties; the message keeps the
    // format's "file: path: problem" shape, which only syntax errors extend with a location.
    private InvalidInputException(string file, string jsonPath, string problem, long? line, long? column, Exception? innerException, bool locationInMessage)
        : base(Format(file, jsonPath, problem, locationInMessage ? line : null, column), innerException)
    {
        this.File = file;
        this.JsonPath = jsonPath;
        this.Problem = problem;
        this.Line = line;
        this.Column = column;
    }

    /// <summary>The file (or stream name) the document came from.</summary>
    public string File { get; }

    /// <summary>The same error with the location of the offending value found by a second read (message unchanged).</summary>
    internal InvalidInputException Located(long line, long column) =>
        new(this.File, this.JsonPath, this.Problem, line, column, this, locationInMessage: false);

    /// <summary>The JSON path of the offending value.</summary>
    public string JsonPath { get; }

    /// <summary>What was wrong.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of the offending text, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column of the offending text, when known.</summary>
    public long? Column { get; }

    private static string Format(string file, string jsonPath, string problem, long? line, long? column)
    {
        var builder = new StringBuilder();
        builder.Append(file).Append(": ").Append(jsonPath).Append(": ");
        if (line is not null)
        {
            builder.Append("line ").Append(line.Value);
            if (column is not null)
            {
                builder.Append(", column ").Append(column.Value);
            }

            builder.Append(": ");
        }

        builder.Append(problem);
        return builder.ToString();
    }
}
