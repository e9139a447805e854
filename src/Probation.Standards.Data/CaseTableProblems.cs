using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;

namespace Probation.Standards.Data;

/// <summary>
/// The problems found in a case table, as the error lines a case sheet gives: the table is the source, the case
/// id and column the place (<c>audit: case 'C7', column 'p2_1_1': answer 'Yess' is not Yes, No or NotApplicable</c>).
/// </summary>
internal sealed class CaseTableProblems
{
    private const string SentenceList = "CommunityOrder, SuspendedSentenceOrder, Licence, PostSentenceSupervision";
    private const string ExemptionList = "Mappa, NationalSecurityDivision, VeryHighRiskOfSeriousHarm, ChildProtection, IntensiveSupervisionCourt";

    private readonly string table;
    private readonly List<(string? Id, string Column, InputProblem Problem)> found = new();

    public CaseTableProblems(string table) => this.table = table;

    public void ThrowIfAny()
    {
        if (this.found.Count == 0)
        {
            return;
        }

        // The database returns problems in no set order: list them by case id, then column, so a message is stable.
        var sorted = this.found
            .OrderBy(p => p.Id is null ? 0 : 1)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p.Column, StringComparer.Ordinal)
            .ThenBy(p => p.Problem.Message, StringComparer.Ordinal)
            .Select(p => p.Problem)
            .ToList();
        var listed = sorted.Take(InvalidInputException.MaxListedProblems).ToList();
        throw new InvalidInputException(listed, sorted.Count - listed.Count);
    }

    public void Unreadable(string message) =>
        this.Add(null, string.Empty, ProblemCode.Unreadable, $"table {Quote(this.table)}", $"the database could not run the query: {message}");

    public void MissingColumn(string column, string? near) =>
        this.Add(null, column, ProblemCode.MissingField, $"table {Quote(this.table)}", near is null
            ? $"column {Quote(column)} is missing"
            : $"column {Quote(column)} is missing (the table has {Quote(near)}; names are matched exactly)");

    public void Duplicates(long count) =>
        this.Add(null, "id", ProblemCode.DuplicateCaseId, $"table {Quote(this.table)}", $"{count.ToString(CultureInfo.InvariantCulture)} case id{(count == 1 ? " is" : "s are")} given more than once");

    public void Faulty(long count) =>
        this.Add(null, string.Empty, ProblemCode.Unreadable, $"table {Quote(this.table)}", $"{count.ToString(CultureInfo.InvariantCulture)} row{(count == 1 ? " breaks" : "s break")} a check of the case table, but the validation query found none (did the table change?)");

    /// <summary>Adds the problem of one row of the validation query.</summary>
    public void Add(DbDataReader row)
    {
        string? Text(int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal), CultureInfo.InvariantCulture);
        var id = Text(0);
        var column = Text(1) ?? string.Empty;
        var value = Text(2);
        var other = Text(3);
        var where = id is null ? $"case (no id), column {Quote(column)}" : $"case {Quote(id)}, column {Quote(column)}";
        switch (Text(4))
        {
            case "empty_id":
                this.Add(id, column, ProblemCode.EmptyValue, where, "the case id is empty");
                break;
            case "answer":
                this.Add(id, column, ProblemCode.InvalidAnswer, where, $"answer {Quote(value ?? string.Empty)} is not Yes, No or NotApplicable");
                break;
            case "sentence":
                this.Add(id, column, ProblemCode.InvalidSentence, where, $"sentence {Quote(value ?? string.Empty)} is not one of {SentenceList}");
                break;
            case "exemption":
                this.Add(id, column, ProblemCode.InvalidExemption, where, $"exemption {Quote(value ?? string.Empty)} is not one of {ExemptionList}");
                break;
            case "suspended_without_start":
                this.Add(id, column, ProblemCode.SuspendedWithoutStart, where, "a suspension date needs a start date (R9)");
                break;
            case "suspended_before_start":
                this.Add(id, column, ProblemCode.SuspendedBeforeStart, where, $"the suspension date {value} is before the start date {other} (R9)");
                break;
            case "duplicate_id":
                this.Add(id, column, ProblemCode.DuplicateCaseId, where, $"duplicate case id {Quote(id ?? string.Empty)} ({value} rows)");
                break;
            default:
                this.Add(id, column, ProblemCode.Unreadable, where, "the validation query returned a problem this library does not know");
                break;
        }
    }

    internal static string Quote(string value) => "'" + Identifiers.Escape(value) + "'";

    private void Add(string? id, string column, ProblemCode code, string where, string message) =>
        this.found.Add((id, column, new InputProblem(code, this.table, where, message)));
}
