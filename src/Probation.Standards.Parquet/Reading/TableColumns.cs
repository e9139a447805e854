using System;
using System.Collections.Generic;
using System.Linq;
using Parquet.Schema;
using Probation.Standards.Frameworks;
using Probation.Standards.Internal;
using Probation.Standards.Sheets.Reading;

namespace Probation.Standards.Parquet.Reading;

/// <summary>What a column of a case table is (the case sheet's roles).</summary>
internal enum Role
{
    Ignored,
    Id,
    Sentence,
    Start,
    Suspended,
    Exemption,
    KeyQuestion,
    Tag,
}

/// <summary>How a column's values are stored, as far as the reader cares.</summary>
internal enum Storage
{
    Text,
    Date,
    Timestamp,
    Other,
}

/// <summary>One column of the table: its field, its name as written, its role and (for a key question) its index.</summary>
internal sealed class TableColumn
{
    public TableColumn(DataField field, string name, Role role, int keyQuestion, int order)
    {
        this.Field = field;
        this.Name = name;
        this.Role = role;
        this.KeyQuestion = keyQuestion;
        this.Order = order;
        var type = field.ClrType;
        this.Storage = type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? Storage.Text
            : type == typeof(DateOnly) ? Storage.Date
            : type == typeof(DateTime) ? Storage.Timestamp
            : Storage.Other;
    }

    public DataField Field { get; }

    public string Name { get; }

    public Role Role { get; }

    public int KeyQuestion { get; }

    /// <summary>The column's position in the schema: problems of a row are listed in column order, as a sheet's.</summary>
    public int Order { get; }

    public Storage Storage { get; }

    public string TypeName => this.Field.IsArray ? "a list" : this.Field.ClrType.Name;
}

/// <summary>
/// The schema's columns mapped to the case sheet's roles (findings-format.md, "Case sheets"): matched
/// case-insensitively after trimming, a key question written <c>P2.1.1</c> or <c>p2_1_1</c>; a name that looks like a
/// standard or an unknown key question of one is bad input, not a tag; a column named twice is bad input.
/// </summary>
internal static class TableColumns
{
    public static List<TableColumn> Map(IReadOnlyList<Field> fields, Framework framework, IReadOnlyList<string>? groupBy, Action<string?, ProblemCode, string> problem)
    {
        var columns = new List<TableColumn>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Name.Trim();
            var role = name.ToUpperInvariant() switch
            {
                "ID" => Role.Id,
                "SENTENCE" => Role.Sentence,
                "START" => Role.Start,
                "SUSPENDED" => Role.Suspended,
                "EXEMPTION" => Role.Exemption,
                _ => Role.Tag,
            };
            var keyQuestion = -1;
            var canonical = name;
            if (role == Role.Tag)
            {
                (role, keyQuestion, canonical) = KeyQuestionOrTag(name, framework, groupBy, problem);
            }

            if (fields[i] is not DataField field)
            {
                // A struct, list or map is no column of a case table; as a tag it is ignored.
                if (role != Role.Tag && role != Role.Ignored)
                {
                    problem(name, ProblemCode.WrongType, $"the column is a {fields[i].SchemaType.ToString().ToLowerInvariant()}; this column is a plain value a row");
                }

                continue;
            }

            var key = role == Role.KeyQuestion ? framework.KeyQuestions[keyQuestion].Id : name;
            if (seen.TryGetValue(key, out var first))
            {
                problem(name, ProblemCode.DuplicateField, $"column {Quoting.Quote(name)} is given twice (also as {Quoting.Quote(first)})");
                continue;
            }

            seen.Add(key, name);
            if (role == Role.Ignored)
            {
                continue;
            }

            var column = new TableColumn(field, role == Role.Tag ? canonical : name, role, keyQuestion, i);
            if (!CheckType(column, problem))
            {
                continue;
            }

            columns.Add(column);
        }

        return columns;
    }

    private static bool CheckType(TableColumn column, Action<string?, ProblemCode, string> problem)
    {
        var ok = column.Field.IsArray ? false : column.Role switch
        {
            Role.Start or Role.Suspended => column.Storage is Storage.Date or Storage.Timestamp or Storage.Text,
            Role.Tag => true, // a tag of another type is checked only when grouped by
            _ => column.Storage == Storage.Text,
        };
        if (ok)
        {
            return true;
        }

        var wanted = column.Role switch
        {
            Role.Start or Role.Suspended => "a date is a Parquet DATE, a timestamp or text written yyyy-mm-dd",
            Role.KeyQuestion => "a key question's answers are text (Yes, No, N/A)",
            Role.Id => "a case id is text",
            _ => $"{column.Role.ToString().ToLowerInvariant()} is text",
        };
        problem(column.Name, ProblemCode.WrongType, $"the column holds {column.TypeName} values; {wanted}");
        return false;
    }

    private static (Role Role, int KeyQuestion, string Name) KeyQuestionOrTag(string name, Framework framework, IReadOnlyList<string>? groupBy, Action<string?, ProblemCode, string> problem)
    {
        // A database names P2.1.1 p2_1_1; a sheet's spelling is read too.
        var dotted = name.Replace('_', '.');
        foreach (var question in framework.KeyQuestions)
        {
            if (string.Equals(question.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(question.Id, dotted, StringComparison.OrdinalIgnoreCase))
            {
                return (Role.KeyQuestion, question.Index, question.Id);
            }
        }

        foreach (var standard in framework.Standards)
        {
            if (string.Equals(standard.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(standard.Id, dotted, StringComparison.OrdinalIgnoreCase))
            {
                problem(name, ProblemCode.UnknownKeyQuestion, standard.RatedBy == RatedBy.Judgement
                    ? $"{standard.Id} {standard.Name} is a judgement, not a key question: give it with the judgements (--judgements {standard.Id}=...)"
                    : $"{standard.Id} is a standard, not a key question; its key questions are numbered like {standard.Id}.1");
                return (Role.Ignored, -1, name);
            }

            if (name.StartsWith(standard.Id + ".", StringComparison.OrdinalIgnoreCase) || dotted.StartsWith(standard.Id + ".", StringComparison.OrdinalIgnoreCase))
            {
                problem(name, ProblemCode.UnknownKeyQuestion, $"unknown key question {Quoting.Quote(name)} in {framework.Id}");
                return (Role.Ignored, -1, name);
            }
        }

        // Names match case-insensitively: a tag column named like a tag grouped by takes the grouping's spelling.
        var grouped = groupBy?.FirstOrDefault(tag => string.Equals(tag, name, StringComparison.OrdinalIgnoreCase));
        return (Role.Tag, -1, grouped ?? name);
    }
}
