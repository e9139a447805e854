using System.Data.Common;
using System.Text;

namespace Probation.Standards.Data.Tests.Support;

/// <summary>
/// One row of a case table as a database holds it (answers, sentence and exemption as text, dates as dates, tags),
/// and the same case as the library's <see cref="InspectedCase"/>, built from the values the text spells, not by
/// reading the text: the reference the SQL tallies are compared with.
/// </summary>
public sealed class CaseRow
{
    public CaseRow(string? id, Answer[] answers, string?[] answerTexts)
    {
        this.Id = id;
        this.Answers = answers;
        this.AnswerTexts = answerTexts;
    }

    public string? Id { get; set; }

    public Answer[] Answers { get; }

    public string?[] AnswerTexts { get; }

    public SentenceType? Sentence { get; set; }

    public string? SentenceText { get; set; }

    public Exemption? Exemption { get; set; }

    public string? ExemptionText { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? Suspended { get; set; }

    public string? Team { get; set; }

    public string? Office { get; set; }

    /// <summary>A row from one letter per key question (Y, N, - for NotApplicable as NULL), spelt plainly.</summary>
    public static CaseRow Letters(string id, string letters, DateOnly? start = null, DateOnly? suspended = null, Exemption? exemption = null, string? team = null)
    {
        var answers = letters.Select(c => c switch { 'Y' => Answer.Yes, 'N' => Answer.No, _ => Answer.NotApplicable }).ToArray();
        var texts = letters.Select(c => c switch { 'Y' => "Yes", 'N' => "No", _ => (string?)null }).ToArray();
        return new CaseRow(id, answers, texts)
        {
            Start = start,
            Suspended = suspended,
            Exemption = exemption,
            ExemptionText = exemption?.ToString(),
            Team = team,
        };
    }

    public InspectedCase ToCase(Framework framework)
    {
        var answers = framework.KeyQuestions.Select((q, i) => new KeyValuePair<string, Answer>(q.Id, this.Answers[i]));
        var tags = new List<KeyValuePair<string, string>>();
        if (this.Team is not null)
        {
            tags.Add(new("team", this.Team));
        }

        if (this.Office is not null)
        {
            tags.Add(new("office", this.Office));
        }

        return InspectedCase.Create(framework, this.Id!, answers, this.Sentence, ToDate(this.Start), ToDate(this.Suspended), this.Exemption, tags);
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(this.Id).Append(": ").Append(string.Join(",", this.AnswerTexts.Select(t => t is null ? "NULL" : "'" + t + "'")));
        builder.Append(" sentence=").Append(this.SentenceText ?? "NULL").Append(" exemption=").Append(this.ExemptionText ?? "NULL");
        builder.Append(" start=").Append(this.Start?.ToString("yyyy-MM-dd") ?? "NULL").Append(" suspended=").Append(this.Suspended?.ToString("yyyy-MM-dd") ?? "NULL");
        builder.Append(" team=").Append(this.Team ?? "NULL").Append(" office=").Append(this.Office ?? "NULL");
        return builder.ToString();
    }

    private static DateTime? ToDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}

/// <summary>Creates and fills case tables with plain parameterised SQL, independently of the code under test.</summary>
public static class CaseTables
{
    public static IReadOnlyList<string> Columns(Framework framework) =>
        new[] { "id", "sentence", "start", "suspended", "exemption" }
            .Concat(framework.KeyQuestions.Select(q => q.Id.ToLowerInvariant().Replace('.', '_')))
            .Concat(new[] { "team", "office" })
            .ToArray();

    /// <summary>Creates <paramref name="table"/> (dropping any of that name) and inserts the rows in one transaction.</summary>
    public static async Task LoadAsync(DbConnection connection, string table, Framework framework, IEnumerable<CaseRow> rows, Func<int, string> placeholder, IEnumerable<string>? leaveOut = null)
    {
        var skip = new HashSet<string>(leaveOut ?? Array.Empty<string>());
        var columns = Columns(framework).Where(c => !skip.Contains(c)).ToArray();
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}");
        var definitions = columns.Select(c => c is "start" or "suspended" ? $"{c} DATE" : $"{c} VARCHAR");
        await ExecuteAsync(connection, $"CREATE TABLE {table} ({string.Join(", ", definitions)})");
        using var transaction = await connection.BeginTransactionAsync();
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => placeholder(i + 1)))})";
        foreach (var row in rows)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = insert;
            foreach (var column in columns)
            {
                var parameter = command.CreateParameter();
                parameter.Value = ValueOf(framework, row, column) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query and returns its rows as column name to value.</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object? ValueOf(Framework framework, CaseRow row, string column)
    {
        switch (column)
        {
            case "id": return row.Id;
            case "sentence": return row.SentenceText;
            case "start": return row.Start;
            case "suspended": return row.Suspended;
            case "exemption": return row.ExemptionText;
            case "team": return row.Team;
            case "office": return row.Office;
        }

        var index = framework.KeyQuestions.Select((q, i) => (q, i)).Single(p => p.q.Id.ToLowerInvariant().Replace('.', '_') == column).i;
        return row.AnswerTexts[index];
    }
}
