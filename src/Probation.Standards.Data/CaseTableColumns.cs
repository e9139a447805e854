using System;
using System.Collections.Generic;
using System.Globalization;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Data;

/// <summary>
/// Which column of a case table holds each field of a case: <c>id</c>, <c>sentence</c>, <c>start</c>,
/// <c>suspended</c>, <c>exemption</c> and one column per key question. By default each is the field's name in lower
/// case with <c>.</c> replaced by <c>_</c> (<c>P2.1.1</c> is <c>p2_1_1</c>); <see cref="With"/> maps one elsewhere.
/// Every name is a plain SQL identifier (letters, digits and <c>_</c>, not starting with a digit).
/// </summary>
public sealed class CaseTableColumns
{
    /// <summary>The case id field.</summary>
    public const string Id = "id";

    /// <summary>The sentence field.</summary>
    public const string Sentence = "sentence";

    /// <summary>The start (order start or release) date field.</summary>
    public const string Start = "start";

    /// <summary>The Probation Reset suspension date field.</summary>
    public const string Suspended = "suspended";

    /// <summary>The Reset exemption field.</summary>
    public const string Exemption = "exemption";

    private static readonly string[] CaseFields = { Id, Sentence, Start, Suspended, Exemption };

    private readonly Dictionary<string, string> columns;

    private CaseTableColumns(Framework framework, Dictionary<string, string> columns)
    {
        this.Framework = framework;
        this.columns = columns;
    }

    /// <summary>The framework whose key questions are mapped.</summary>
    public Framework Framework { get; }

    /// <summary>The default columns of a framework's case table.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The mapping.</returns>
    public static CaseTableColumns Default(Framework framework)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in CaseFields)
        {
            map[field] = field;
        }

        foreach (var question in framework.KeyQuestions)
        {
            map[question.Id] = Identifiers.Check(DefaultName(question.Id), "key question " + question.Id);
        }

        return new CaseTableColumns(framework, map);
    }

    /// <summary>The default column name of a field: lower case, <c>.</c> replaced by <c>_</c>.</summary>
    /// <param name="field">A field: <c>id</c> ... <c>exemption</c>, or a key-question id.</param>
    /// <returns>The column name.</returns>
    public static string DefaultName(string field) =>
        (field ?? throw new ArgumentNullException(nameof(field))).ToLower(CultureInfo.InvariantCulture).Replace('.', '_');

    /// <summary>The column of a field.</summary>
    /// <param name="field">A field: <see cref="Id"/> ... <see cref="Exemption"/>, or a key-question id.</param>
    /// <returns>The column name.</returns>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public string this[string field] =>
        this.columns.TryGetValue(field ?? throw new ArgumentNullException(nameof(field)), out var column)
            ? column
            : throw new KeyNotFoundException($"'{field}' is not a field of a case table of {this.Framework.Id}");

    /// <summary>The same mapping with one field in another column.</summary>
    /// <param name="field">A field: <see cref="Id"/> ... <see cref="Exemption"/>, or a key-question id.</param>
    /// <param name="column">Its column: a plain SQL identifier.</param>
    /// <returns>The new mapping.</returns>
    /// <exception cref="ArgumentException">No such field, a column name that is not a plain identifier, or one already used by another field.</exception>
    public CaseTableColumns With(string field, string column)
    {
        if (field is null || !this.columns.ContainsKey(field))
        {
            throw new ArgumentException($"'{field}' is not a field of a case table of {this.Framework.Id}", nameof(field));
        }

        Identifiers.Check(column, "column of " + field, nameof(column));
        foreach (var pair in this.columns)
        {
            if (pair.Key != field && Identifiers.Same(pair.Value, column))
            {
                throw new ArgumentException($"column '{column}' already holds {pair.Key}", nameof(column));
            }
        }

        var map = new Dictionary<string, string>(this.columns, StringComparer.Ordinal) { [field] = column };
        return new CaseTableColumns(this.Framework, map);
    }

    /// <summary>Every column, case fields first, then key questions in framework order.</summary>
    internal IEnumerable<KeyValuePair<string, string>> All()
    {
        foreach (var field in CaseFields)
        {
            yield return new KeyValuePair<string, string>(field, this.columns[field]);
        }

        foreach (var question in this.Framework.KeyQuestions)
        {
            yield return new KeyValuePair<string, string>(question.Id, this.columns[question.Id]);
        }
    }
}

/// <summary>The identifiers a query is written with: checked before they are quoted, so no name carries SQL.</summary>
internal static class Identifiers
{
    public const int MaxLength = 128;

    /// <summary>A plain identifier: an ASCII letter or <c>_</c>, then letters, digits or <c>_</c>; at most 128 characters.</summary>
    public static string Check(string? name, string what, string parameter = "name")
    {
        if (!IsPlain(name))
        {
            throw new ArgumentException(
                $"{what}: {(name is null ? "no name" : "'" + Escape(name) + "'")} is not a plain SQL identifier (an ASCII letter or '_', then letters, digits or '_', at most {MaxLength} characters)",
                parameter);
        }

        return name!;
    }

    public static bool IsPlain(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxLength || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two names may be the same column in some dialect (names differing only in case are).</summary>
    public static bool Same(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    // A name in an error message: quotes, backslashes and control characters escaped, so the message is one line.
    public static string Escape(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Length > 100 ? name.Substring(0, 100) : name)
        {
            builder.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return name.Length > 100 ? builder.Append("...").ToString() : builder.ToString();
    }
}
