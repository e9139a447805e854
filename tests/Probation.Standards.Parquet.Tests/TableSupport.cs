using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Probation.Standards.Parquet.Tests;

/// <summary>One case as the tests model it, independent of the library: the strings a table holds.</summary>
internal sealed class TestCase
{
    public string Id { get; set; } = string.Empty;

    public string? Sentence { get; set; }

    public DateTime? Start { get; set; }

    /// <summary>Text written for the start instead of <see cref="Start"/> when dates are text (a planted mistake).</summary>
    public string? StartText { get; set; }

    public DateTime? Suspended { get; set; }

    public string? Exemption { get; set; }

    /// <summary>Key question id to the text written; absent means NULL (a blank cell in CSV).</summary>
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    public string? Team { get; set; }
}

/// <summary>How a test writes a Parquet table.</summary>
internal sealed record TableStyle(
    bool DatabaseNames = true,
    DateStorage Dates = DateStorage.Date,
    int RowGroupSize = 1000,
    bool Dictionary = true,
    CompressionMethod Compression = CompressionMethod.Snappy);

/// <summary>How a test table stores its dates.</summary>
public enum DateStorage
{
    Date,
    Timestamp,
    Text,
}

/// <summary>Case tables made up for the tests, written as Parquet with Parquet.Net's writer and as CSV, without the library.</summary>
internal static class TableSupport
{
    /// <summary>The organisational judgements every test table is rated with.</summary>
    public static readonly Standards.Scoring.JudgementRating[] Good =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.RequiresImprovement),
    };

    /// <summary>The test tables' options: grouped by team, cases kept, or neither.</summary>
    public static Sheets.CaseSheetOptions Options(bool group = false, bool keep = false, int threads = 1) =>
        new() { Unit = "Test PDU", Judgements = Good, GroupBy = group ? new[] { "team" } : null, KeepCases = keep, Parallelism = threads };

    public static readonly string[] KeyQuestions =
    {
        "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3",
    };

    public static readonly string[] Teams = { "North", "South", "East", "West" };

    public static readonly string[] Sentences = { "CommunityOrder", "SuspendedSentenceOrder", "Licence", "PostSentenceSupervision" };

    public static readonly string[] Exemptions = { "Mappa", "NationalSecurityDivision", "VeryHighRiskOfSeriousHarm", "ChildProtection", "IntensiveSupervisionCourt" };

    private static readonly string[] AnswerSpellings = { "Yes", "No", "N/A", "NotApplicable", "yes", "NO", "n/a", "notapplicable", " Yes " };

    /// <summary>
    /// Random cases: answers in several spellings or NULL, sentences, starts around leap days, suspensions at 56 and
    /// 57 days and either side, exemptions with and without suspensions, a team tag (some missing).
    /// </summary>
    public static List<TestCase> RandomCases(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<TestCase>();
        var starts = new[] { new DateTime(2024, 1, 3), new DateTime(2024, 2, 29), new DateTime(2024, 6, 1), new DateTime(2023, 12, 31), new DateTime(2025, 1, 4) };
        for (var i = 0; i < count; i++)
        {
            var c = new TestCase { Id = $"T{seed}-{i:D5}" };
            c.Sentence = random.Next(5) == 0 ? null : Sentences[random.Next(4)];
            if (random.Next(6) > 0)
            {
                c.Start = starts[random.Next(starts.Length)].AddDays(random.Next(-3, 120));
                if (random.Next(3) == 0)
                {
                    c.Suspended = c.Start.Value.AddDays(random.Next(3) switch
                    {
                        0 => 56,
                        1 => 57,
                        _ => random.Next(0, 200),
                    });
                }
            }

            c.Exemption = random.Next(6) == 0 ? Exemptions[random.Next(5)] : null;
            foreach (var question in KeyQuestions)
            {
                var roll = random.Next(12);
                if (roll < 11)
                {
                    c.Answers[question] = roll < 9 ? AnswerSpellings[roll % 3] : AnswerSpellings[random.Next(AnswerSpellings.Length)];
                }
            }

            c.Team = random.Next(8) == 0 ? null : Teams[random.Next(Teams.Length)];
            cases.Add(c);
        }

        // Every key question answered by someone, so the table is valid.
        foreach (var question in KeyQuestions)
        {
            if (!cases.Any(c => c.Answers.ContainsKey(question)))
            {
                cases[0].Answers[question] = "Yes";
            }
        }

        return cases;
    }

    public static string ColumnName(string keyQuestion, bool databaseNames) =>
        databaseNames ? keyQuestion.ToLowerInvariant().Replace('.', '_') : keyQuestion;

    /// <summary>The cases as a Parquet file: id, sentence, start, suspended, exemption, the key questions, team.</summary>
    public static byte[] Parquet(IReadOnlyList<TestCase> cases, TableStyle? style = null) => ParquetWith(cases, style ?? new TableStyle(), extra: null);

    /// <summary>The same, with extra columns written by <paramref name="extra"/> for each row group.</summary>
    public static byte[] ParquetWith(IReadOnlyList<TestCase> cases, TableStyle style, (DataField Field, Func<IReadOnlyList<TestCase>, Array> Values)[]? extra)
    {
        var id = new DataField<string>("id");
        var sentence = new DataField<string>("sentence");
        var exemption = new DataField<string>("exemption");
        DataField start, suspended;
        switch (style.Dates)
        {
            case DateStorage.Date:
                start = new DataField<DateOnly?>("start");
                suspended = new DataField<DateOnly?>("suspended");
                break;
            case DateStorage.Timestamp:
                start = new DataField<DateTime?>("start");
                suspended = new DataField<DateTime?>("suspended");
                break;
            default:
                start = new DataField<string>("start");
                suspended = new DataField<string>("suspended");
                break;
        }

        var answers = KeyQuestions.Select(q => new DataField<string>(ColumnName(q, style.DatabaseNames))).ToArray();
        var team = new DataField<string>("team");
        var fields = new List<Field> { id, sentence, start, suspended, exemption };
        fields.AddRange(answers);
        fields.Add(team);
        fields.AddRange((extra ?? Array.Empty<(DataField, Func<IReadOnlyList<TestCase>, Array>)>()).Select(e => e.Field));
        var schema = new ParquetSchema(fields);
        using var memory = new MemoryStream();
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true, CompressionMethod = style.Compression };
        foreach (var field in fields)
        {
            if (style.Dictionary && field is DataField<string> text)
            {
                options.ColumnEncodingHints[text.Path.ToString()] = EncodingHint.Dictionary;
            }
        }

        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, memory, options);
            for (var from = 0; from < Math.Max(1, cases.Count); from += style.RowGroupSize)
            {
                var part = cases.Skip(from).Take(style.RowGroupSize).ToList();
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(id, part.Select(c => c.Id).ToArray());
                await group.WriteAsync(sentence, part.Select(c => c.Sentence).ToArray());
                if (style.Dates == DateStorage.Text)
                {
                    await group.WriteAsync(start, part.Select(c => c.StartText ?? c.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
                }
                else
                {
                    await WriteDate(group, start, part.Select(c => c.Start).ToArray(), style.Dates);
                }

                await WriteDate(group, suspended, part.Select(c => c.Suspended).ToArray(), style.Dates);
                await group.WriteAsync(exemption, part.Select(c => c.Exemption).ToArray());
                for (var q = 0; q < KeyQuestions.Length; q++)
                {
                    await group.WriteAsync(answers[q], part.Select(c => c.Answers.TryGetValue(KeyQuestions[q], out var a) ? a : null).ToArray());
                }

                await group.WriteAsync(team, part.Select(c => c.Team).ToArray());
                foreach (var (field, values) in extra ?? Array.Empty<(DataField, Func<IReadOnlyList<TestCase>, Array>)>())
                {
                    await WriteArray(group, field, values(part));
                }
            }
        }).GetAwaiter().GetResult();
        return memory.ToArray();
    }

    private static async Task WriteDate(ParquetRowGroupWriter group, DataField field, DateTime?[] values, DateStorage dates)
    {
        switch (dates)
        {
            case DateStorage.Date:
                await group.WriteAsync<DateOnly>(field, values.Select(v => v is null ? (DateOnly?)null : DateOnly.FromDateTime(v.Value)).ToArray());
                break;
            case DateStorage.Timestamp:
                // A time of day on the date: the reader counts the calendar date.
                await group.WriteAsync<DateTime>(field, values.Select(v => v?.AddHours(13.5)).ToArray());
                break;
            default:
                await group.WriteAsync(field, values.Select(v => v?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
                break;
        }
    }

    private static async Task WriteArray(ParquetRowGroupWriter group, DataField field, Array values)
    {
        switch (values)
        {
            case string?[] text:
                await group.WriteAsync(field, text);
                break;
            case int?[] numbers:
                await group.WriteAsync<int>(field, numbers);
                break;
            case int[] numbers:
                await group.WriteAsync<int>(field, numbers.AsMemory());
                break;
            default:
                throw new NotSupportedException(values.GetType().Name);
        }
    }

    /// <summary>The same cases as a CSV case sheet (a NULL answer is a blank cell), with the sheet's P2.1.1 headers.</summary>
    public static string Csv(IReadOnlyList<TestCase> cases)
    {
        var builder = new StringBuilder("id,sentence,start,suspended,exemption," + string.Join(",", KeyQuestions) + ",team\r\n");
        foreach (var c in cases)
        {
            var cells = new[] { c.Id, c.Sentence ?? string.Empty, Iso(c.Start), Iso(c.Suspended), c.Exemption ?? string.Empty }
                .Concat(KeyQuestions.Select(q => c.Answers.TryGetValue(q, out var a) ? a : string.Empty))
                .Append(c.Team ?? string.Empty);
            builder.Append(string.Join(",", cells)).Append("\r\n");
        }

        return builder.ToString();
    }

    public static string Iso(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>
/// An independent reference for the tallies: R3 (Yes over Yes + No; N/A and NULL count in neither) and R9 (exempt
/// never Reset; suspended within 56 days of the start adjusted, later suspended after the threshold) by hand.
/// </summary>
internal static class Reference
{
    public const int AdjustedWithinDays = 56; // R9: eight weeks, as the rules document states

    public static (long Yes, long Relevant) Tally(IEnumerable<TestCase> cases, string keyQuestion)
    {
        long yes = 0, relevant = 0;
        foreach (var c in cases)
        {
            if (!c.Answers.TryGetValue(keyQuestion, out var text))
            {
                continue;
            }

            var folded = text.Trim().ToLowerInvariant();
            if (folded == "yes")
            {
                yes++;
                relevant++;
            }
            else if (folded == "no")
            {
                relevant++;
            }
        }

        return (yes, relevant);
    }

    /// <summary>Inspected, core, exempt, suspended after the threshold, adjusted.</summary>
    public static (long Inspected, long Core, long Exempt, long After, long Adjusted) Classes(IEnumerable<TestCase> cases)
    {
        long inspected = 0, core = 0, exempt = 0, after = 0, adjusted = 0;
        foreach (var c in cases)
        {
            inspected++;
            if (c.Exemption is not null)
            {
                exempt++;
            }
            else if (c.Suspended is null)
            {
                core++;
            }
            else if ((c.Suspended.Value - c.Start!.Value).TotalDays <= AdjustedWithinDays)
            {
                adjusted++;
            }
            else
            {
                after++;
            }
        }

        return (inspected, core, exempt, after, adjusted);
    }
}
