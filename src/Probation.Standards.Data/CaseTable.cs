using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Groups;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Data;

/// <summary>
/// Tallies a case table where it lives, over any ADO.NET <see cref="DbConnection"/>: checks that the table has
/// every column, then runs the tally query (<see cref="CaseTableQuery.TallySql()"/>) with a count of the rows at fault
/// added, one scan of the table, and turns its rows into tallies to rate. Only when some row is at fault, or an id
/// is repeated, does it run <see cref="CaseTableQuery.ValidationSql"/> to name each problem. Bad input is an
/// <see cref="InvalidInputException"/> listing every problem (the table name is its source), and nothing is tallied.
/// </summary>
public static class CaseTable
{
    /// <summary>Tallies the whole table (the groups' sum when the query groups).</summary>
    /// <param name="connection">An open connection, or a closed one that is opened and closed again.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The tallies of every case.</returns>
    /// <exception cref="InvalidInputException">A missing column, a value outside its list, a suspension before its start, an empty or duplicate id, or a table the database cannot read.</exception>
    public static async Task<TallySet> TallyAsync(DbConnection connection, CaseTableQuery query, CancellationToken cancellationToken = default)
    {
        var rows = await RunAsync(connection, query, cancellationToken).ConfigureAwait(false);
        var all = TallySet.Empty(query.Framework);
        foreach (var row in rows)
        {
            all = all.Merge(row.Value);
        }

        return all;
    }

    /// <summary>Tallies each group of a query that groups by tag columns (R12).</summary>
    /// <param name="connection">An open connection, or a closed one that is opened and closed again.</param>
    /// <param name="query">A query with <see cref="CaseTableQuery.GroupBy"/> columns.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The groups' tallies; <see cref="GroupedTallies.All"/> is the whole table's.</returns>
    /// <exception cref="ArgumentException">The query does not group.</exception>
    /// <exception cref="InvalidInputException">As for <see cref="TallyAsync"/>.</exception>
    public static async Task<GroupedTallies> TallyGroupsAsync(DbConnection connection, CaseTableQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (query.GroupBy.Count == 0)
        {
            throw new ArgumentException("the query groups by no tag column; use TallyAsync", nameof(query));
        }

        var rows = await RunAsync(connection, query, cancellationToken).ConfigureAwait(false);
        var groups = rows.Select(row => new TallyGroup(GroupKey.Create(query.GroupBy, row.Key), row.Value));
        return GroupedTallies.From(query.Framework, query.GroupBy, groups);
    }

    private static async Task<List<KeyValuePair<string?[], TallySet>>> RunAsync(DbConnection connection, CaseTableQuery query, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var opened = false;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            opened = true;
        }

        try
        {
            var problems = new CaseTableProblems(query.Table);
            await CheckColumnsAsync(connection, query, problems, cancellationToken).ConfigureAwait(false);
            problems.ThrowIfAny();

            // One scan tallies and counts the rows at fault; only a table with some is read again, to name them.
            var rows = new List<KeyValuePair<string?[], TallySet>>();
            long duplicates = 0;
            long faulty = 0;
            await ExecuteAsync(connection, query.TallySql(countProblems: true), query.Table, reader => rows.Add(ReadRow(reader, query, ref duplicates, ref faulty)), cancellationToken).ConfigureAwait(false);
            if (faulty > 0 || duplicates > 0)
            {
                await ExecuteAsync(connection, query.ValidationSql(), query.Table, reader => problems.Add(reader), cancellationToken).ConfigureAwait(false);
                problems.ThrowIfAny();

                // The table changed between the two statements: say what the tally saw.
                if (duplicates > 0)
                {
                    problems.Duplicates(duplicates);
                }

                if (faulty > 0)
                {
                    problems.Faulty(faulty);
                }

                problems.ThrowIfAny();
            }

            return rows;
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    // The table's columns from a query that returns none of its rows: every provider describes a result's columns.
    private static async Task CheckColumnsAsync(DbConnection connection, CaseTableQuery query, CaseTableProblems problems, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var sql = $"SELECT * FROM {query.Rules.QuoteTable(query.Table)} WHERE 1 = 0";
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            DbDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                problems.Unreadable(e.Message);
                return;
            }

            using (reader)
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    names.Add(reader.GetName(i));
                }
            }
        }

        foreach (var required in query.RequiredColumns)
        {
            var comparison = query.Rules.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (!names.Any(n => string.Equals(n, required, comparison)))
            {
                var near = names.FirstOrDefault(n => string.Equals(n, required, StringComparison.OrdinalIgnoreCase));
                problems.MissingColumn(required, near);
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, string table, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row(reader);
            }
        }
        catch (DbException e)
        {
            var problems = new CaseTableProblems(table);
            problems.Unreadable(e.Message);
            problems.ThrowIfAny();
        }
    }

    private static KeyValuePair<string?[], TallySet> ReadRow(DbDataReader reader, CaseTableQuery query, ref long duplicates, ref long faulty)
    {
        var g = query.GroupBy.Count;
        var key = new string?[g];
        for (var i = 0; i < g; i++)
        {
            key[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        long Int(int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
        var cases = Int(g);
        var reset = Int(g + 1);
        var adjusted = Int(g + 2);
        var exempt = Int(g + 3);
        duplicates = Math.Max(duplicates, Int(g + 4));
        var counts = new CaseCounts(cases, cases - exempt - reset, exempt, reset - adjusted, adjusted);
        var questions = query.Framework.KeyQuestions;
        faulty += Int(g + 5 + (2 * questions.Count));
        var tallies = new KeyValuePair<string, KeyQuestionTally>[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            tallies[i] = new KeyValuePair<string, KeyQuestionTally>(questions[i].Id, new KeyQuestionTally(Int(g + 5 + (2 * i)), Int(g + 6 + (2 * i))));
        }

        // No cases (an empty table without groups): nothing answered any key question, as for an empty case list.
        var tallySet = cases == 0
            ? TallySet.From(query.Framework, Array.Empty<KeyValuePair<string, KeyQuestionTally>>(), counts, questions.Select(q => q.Id))
            : TallySet.From(query.Framework, tallies, counts);
        return new KeyValuePair<string?[], TallySet>(key, tallySet);
    }
}
