using System;
using System.Text;

namespace Probation.Standards;

/// <summary>One problem in bad input: where it is and what is wrong (<c>docs/findings-format.md</c>, "Bad input").</summary>
public sealed class InputProblem : IEquatable<InputProblem>
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">The rule broken.</param>
    /// <param name="file">The file or source name.</param>
    /// <param name="path">The JSON path (<c>$.cases[3].answers['P2.1.1']</c>) or, for a sheet, the row and column.</param>
    /// <param name="message">What is wrong, one line; values copied from the input are already escaped.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column in characters, when known.</param>
    public InputProblem(ProblemCode code, string file, string path, string message, long? line = null, long? column = null)
    {
        if (!Enum.IsDefined(typeof(ProblemCode), code))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "not a problem code");
        }

        this.Code = code;
        this.File = OneLine(file ?? throw new ArgumentNullException(nameof(file)));
        this.Path = OneLine(path ?? throw new ArgumentNullException(nameof(path)));
        this.Message = OneLine(message ?? throw new ArgumentNullException(nameof(message)));
        this.Line = line;
        this.Column = column;
    }

    /// <summary>The rule broken: stable across versions, for tests and callers to match.</summary>
    public ProblemCode Code { get; }

    /// <summary>The file or source name.</summary>
    public string File { get; }

    /// <summary>The JSON path, or for a case sheet the row and column.</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>The 1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (characters), when known.</summary>
    public long? Column { get; }

    /// <summary>The same problem at a line and column.</summary>
    /// <param name="line">The line.</param>
    /// <param name="column">The column.</param>
    /// <returns>The located problem.</returns>
    public InputProblem At(long line, long column) => new(this.Code, this.File, this.Path, this.Message, line, column);

    /// <inheritdoc />
    public bool Equals(InputProblem? other) =>
        other is not null && this.Code == other.Code && this.File == other.File && this.Path == other.Path
        && this.Message == other.Message && this.Line == other.Line && this.Column == other.Column;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as InputProblem);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Code, this.File, this.Path, this.Message, this.Line, this.Column);

    /// <summary>The format's one-line form: <c>file: path: line L, column C: message</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(this.File).Append(": ").Append(this.Path).Append(": ");
        if (this.Line is { } line)
        {
            builder.Append("line ").Append(line);
            if (this.Column is { } column)
            {
                builder.Append(", column ").Append(column);
            }

            builder.Append(": ");
        }

        return builder.Append(this.Message).ToString();
    }

    // A message is always one line: control characters never reach the output raw.
    internal static string OneLine(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                return Internal.Quoting.EscapeControls(text);
            }
        }

        return text;
    }
}
