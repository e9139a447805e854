using System;
using System.Data.Common;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Probation.Standards.Bulk;
using Probation.Standards.Data;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// Issue 9's contenders (a) and (b): the same cases as the Parquet file, loaded once into an in-process DuckDB table
/// (<c>CREATE TABLE cases AS SELECT * FROM read_parquet(...)</c>), then (a) tallied inside DuckDB by the generated
/// query, as <see cref="CaseTable.TallyAsync"/> runs it (columns checked, validation query, tally query), and by the
/// tally query alone; (b) the rows moved out through a data reader into a <see cref="CaseBatch"/> and counted.
/// </summary>
public partial class DataIngestBenchmarks
{
    private DuckDBConnection duck = null!;
    private CaseTableQuery query = null!;

    /// <summary>Setup of (a), as users call it: the table loaded, one push-down checked.</summary>
    [GlobalSetup(Target = nameof(DuckDbPushDownTally))]
    public void SetupPushDown()
    {
        this.LoadDuckDb();
        this.Check("DuckDB push-down", this.DuckDbPushDownTally(), full: false);
    }

    /// <summary>Setup of (a), the query alone: the table loaded, the query checked once.</summary>
    [GlobalSetup(Target = nameof(DuckDbTallyQueryOnly))]
    public void SetupTallyQuery()
    {
        this.LoadDuckDb();
        this.Check("DuckDB tally query", this.DuckDbTallyQueryOnly(), full: false);
    }

    /// <summary>Setup of (b): the table loaded, the rows moved once and checked.</summary>
    [GlobalSetup(Target = nameof(DuckDbRowsIntoCaseBatch))]
    public void SetupRowsMoved()
    {
        this.LoadDuckDb();
        this.Check("DuckDB rows moved", this.DuckDbRowsIntoCaseBatch(), full: false);
    }

    /// <summary>The table loaded and all three DuckDB contenders checked (the probes of the benchmark program).</summary>
    public void SetupDuckDb()
    {
        this.LoadDuckDb();
        this.Check("DuckDB push-down", this.DuckDbPushDownTally(), full: false);
        this.Check("DuckDB tally query", this.DuckDbTallyQueryOnly(), full: false);
        this.Check("DuckDB rows moved", this.DuckDbRowsIntoCaseBatch(), full: false);
    }

    // The files, then the Parquet file loaded into an in-memory DuckDB table (DuckDB reads it in parallel itself;
    // 12 to 14 s and about 4.8 GB at 10M cases). The query's rows carry no sentence counts: the DuckDB contenders' key-
    // question tallies and Reset counts are checked.
    private void LoadDuckDb()
    {
        this.Files();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        this.duck = new DuckDBConnection("DataSource=:memory:");
        this.duck.Open();
        using (var command = this.duck.CreateCommand())
        {
            command.CommandText = $"CREATE TABLE cases AS SELECT * FROM read_parquet('{this.parquet.Replace("'", "''")}')";
            command.ExecuteNonQuery();
        }

        Console.WriteLine($"// DuckDB: table loaded from the Parquet file in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        this.query = new CaseTableQuery(Data.Framework, SqlDialect.DuckDb);
    }

    private void CleanupDuckDb() => this.duck?.Dispose();

    /// <summary>(a) The push-down, as a user calls it: CaseTable.TallyAsync (columns, validation query, tally query).</summary>
    [Benchmark]
    public TallySet DuckDbPushDownTally() => CaseTable.TallyAsync(this.duck, this.query).GetAwaiter().GetResult();

    /// <summary>(a') The generated tally query alone, its one row read back (no validation pass).</summary>
    [Benchmark]
    public TallySet DuckDbTallyQueryOnly()
    {
        using var command = this.duck.CreateCommand();
        command.CommandText = this.query.TallySql();
        using var reader = command.ExecuteReader();
        reader.Read();
        var framework = Data.Framework;
        var tallies = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, KeyQuestionTally>>();
        foreach (var keyQuestion in framework.KeyQuestions)
        {
            var column = CaseTableColumns.DefaultName(keyQuestion.Id);
            tallies.Add(new(keyQuestion.Id, new KeyQuestionTally(
                Convert.ToInt64(reader[column + "_yes"], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader[column + "_relevant"], System.Globalization.CultureInfo.InvariantCulture))));
        }

        long Count(string name) => Convert.ToInt64(reader[name], System.Globalization.CultureInfo.InvariantCulture);
        var cases = Count("cases");
        var adjusted = Count("adjusted");
        var exempt = Count("exempt");
        var reset = Count("reset");
        var counts = new CaseCounts(cases, cases - exempt - reset, exempt, reset - adjusted, adjusted);
        return TallySet.From(framework, tallies, counts);
    }

    /// <summary>(b) Moving the rows: every row read out of DuckDB, parsed, classified (R9) and added to a CaseBatch, then counted.</summary>
    [Benchmark]
    public TallySet DuckDbRowsIntoCaseBatch()
    {
        var framework = Data.Framework;
        var questions = framework.KeyQuestions.Count;
        using var command = this.duck.CreateCommand();
        var columns = new string[questions];
        for (var q = 0; q < questions; q++)
        {
            columns[q] = CaseTableColumns.DefaultName(framework.KeyQuestions[q].Id);
        }

        command.CommandText = $"SELECT sentence, start, suspended, exemption, {string.Join(", ", columns)} FROM cases";
        using DbDataReader reader = command.ExecuteReader();
        var batch = new CaseBatch(framework, this.N);
        var answers = new Answer[questions];
        while (reader.Read())
        {
            SentenceType? sentence = reader.IsDBNull(0) ? null : Enum.Parse<SentenceType>(reader.GetString(0), ignoreCase: true);
            DateOnly? start = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1);
            DateOnly? suspended = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2);
            Exemption? exemption = reader.IsDBNull(3) ? null : Enum.Parse<Exemption>(reader.GetString(3), ignoreCase: true);
            for (var q = 0; q < questions; q++)
            {
                if (reader.IsDBNull(4 + q) || !RatingText.TryParseAnswer(reader.GetString(4 + q), out answers[q]))
                {
                    answers[q] = Answer.NotApplicable;
                }
            }

            var caseClass = ResetClassifier.Classify(start, suspended, exemption, framework.Reset, out _);
            batch.Add(answers, caseClass, sentence, suspended is not null);
        }

        return BulkTally.Tally(batch);
    }
}
