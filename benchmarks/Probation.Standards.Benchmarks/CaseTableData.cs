using System;
using System.IO;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>
/// The generated cases of <see cref="Data.WriteFindings"/> as one case table (findings-format.md, "Rating where the
/// data lives"): the same ids, sentences, starts, suspensions (a fifth of cases) and answers, row by row, with a team
/// tag, in columns <c>id, sentence, start, suspended, exemption, p2_1_1 ... p2_4_3, team</c>. <see cref="Rows"/> gives
/// the rows a column at a time for any writer (Parquet here; a DuckDB loader for the push-down benchmarks can take
/// the same columns), so every ingest benchmark counts the same cases.
/// </summary>
public static class CaseTableData
{
    /// <summary>Rows per row group of the Parquet file (a common writer default order of magnitude).</summary>
    public const int RowGroupSize = 1_000_000;

    private static readonly string[] Sentences = { "CommunityOrder", "SuspendedSentenceOrder", "Licence", "PostSentenceSupervision" };
    private static readonly string[] Teams = { "North", "South", "East", "West", "City" };

    /// <summary>One block of rows as columns: the same values as the findings document's cases <c>from</c> to <c>from + count - 1</c>.</summary>
    public sealed class Rows
    {
        public required string[] Ids { get; init; }

        public required string[] Sentence { get; init; }

        public required DateOnly[] Start { get; init; }

        public required DateOnly?[] Suspended { get; init; }

        public required string?[] Exemption { get; init; }

        /// <summary>Per key question, each row's answer as text (Yes, No, NotApplicable).</summary>
        public required string[][] Answers { get; init; }

        public required string[] Team { get; init; }
    }

    /// <summary>Rows <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 of the generated table of <paramref name="answers"/>.</summary>
    public static Rows Block(Answer[] answers, int from, int count)
    {
        var questions = Data.Framework.KeyQuestions.Count;
        var rows = new Rows
        {
            Ids = new string[count],
            Sentence = new string[count],
            Start = new DateOnly[count],
            Suspended = new DateOnly?[count],
            Exemption = new string?[count],
            Answers = new string[questions][],
            Team = new string[count],
        };
        for (var q = 0; q < questions; q++)
        {
            rows.Answers[q] = new string[count];
        }

        var start = new DateOnly(2024, 7, 1);
        for (var r = 0; r < count; r++)
        {
            var i = from + r;
            rows.Ids[r] = "C" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            rows.Sentence[r] = Sentences[i % 4];
            var caseStart = start.AddDays(i % 200);
            rows.Start[r] = caseStart;
            rows.Suspended[r] = i % 5 == 0 ? caseStart.AddDays(20 + (i % 80)) : null;
            rows.Team[r] = Teams[i % Teams.Length];
            for (var q = 0; q < questions; q++)
            {
                rows.Answers[q][r] = answers[((long)i * questions) + q] switch
                {
                    Answer.Yes => "Yes",
                    Answer.No => "No",
                    _ => "NotApplicable",
                };
            }
        }

        return rows;
    }

    /// <summary>Writes the table of <paramref name="n"/> generated cases as Parquet (Snappy, text columns but the id dictionary-encoded).</summary>
    public static void WriteParquet(Stream output, int n) => Task.Run(() => WriteParquetAsync(output, n)).GetAwaiter().GetResult();

    private static async Task WriteParquetAsync(Stream output, int n)
    {
        var answers = Data.Answers(n);
        var framework = Data.Framework;
        var id = new DataField<string>("id");
        var sentence = new DataField<string>("sentence");
        var start = new DataField<DateOnly>("start");
        var suspended = new DataField<DateOnly?>("suspended");
        var exemption = new DataField<string>("exemption");
        var questions = new DataField<string>[framework.KeyQuestions.Count];
        for (var q = 0; q < questions.Length; q++)
        {
            questions[q] = new DataField<string>(framework.KeyQuestions[q].Id.ToLowerInvariant().Replace('.', '_'));
        }

        var team = new DataField<string>("team");
        var fields = new System.Collections.Generic.List<Field> { id, sentence, start, suspended, exemption };
        fields.AddRange(questions);
        fields.Add(team);
        // Low-cardinality text dictionary-encoded, as DuckDB, Spark and Arrow write it (Parquet.Net does so only when asked).
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
        foreach (var field in fields)
        {
            if (field is DataField<string> text && text != id)
            {
                options.ColumnEncodingHints[text.Path.ToString()] = EncodingHint.Dictionary;
            }
        }

        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options);
        for (var from = 0; from < n; from += RowGroupSize)
        {
            var rows = Block(answers, from, Math.Min(RowGroupSize, n - from));
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, rows.Ids);
            await group.WriteAsync(sentence, rows.Sentence);
            await group.WriteAsync<DateOnly>(start, rows.Start.AsMemory());
            await group.WriteAsync<DateOnly>(suspended, rows.Suspended.AsMemory());
            await group.WriteAsync(exemption, rows.Exemption);
            for (var q = 0; q < questions.Length; q++)
            {
                await group.WriteAsync(questions[q], rows.Answers[q]);
            }

            await group.WriteAsync(team, rows.Team);
        }
    }
}
