using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Benchmarks;

/// <summary>Deterministic test data shared by every benchmark, so all contenders count the same answers.</summary>
public static class Data
{
    public static readonly Framework Framework = FrameworkCatalog.DefaultFramework;

    public static readonly JudgementRating[] Organisational =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.RequiresImprovement), new("P1.3", Rating.Good),
    };

    /// <summary>Answers for <paramref name="n"/> cases, case-major: 1/6 NotApplicable, 2/6 No, 3/6 Yes.</summary>
    public static Answer[] Answers(int n, int questions = 12, ulong seed = 0x9E3779B97F4A7C15UL)
    {
        var answers = new Answer[(long)n * questions];
        var state = seed;
        for (long i = 0; i < answers.LongLength; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var r = (int)(state % 6);
            answers[i] = r == 0 ? Answer.NotApplicable : r <= 2 ? Answer.No : Answer.Yes;
        }

        return answers;
    }

    /// <summary>Writes a findings document of <paramref name="n"/> generated cases (findings-format.md).</summary>
    public static void WriteFindings(Stream output, int n)
    {
        var answers = Answers(n);
        var framework = Framework;
        var ids = new string[framework.KeyQuestions.Count];
        for (var q = 0; q < ids.Length; q++)
        {
            ids[q] = framework.KeyQuestions[q].Id;
        }

        var start = new DateTime(2024, 7, 1);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("framework", framework.Id);
        json.WriteString("unit", $"Generated PDU ({n} cases)");
        json.WriteString("fieldworkStarted", "2025-03-10");
        json.WriteStartObject("organisational");
        foreach (var o in Organisational)
        {
            json.WriteString(o.StandardId, o.Rating.ToString());
        }

        json.WriteEndObject();
        json.WriteStartArray("cases");
        string[] sentences = { "CommunityOrder", "SuspendedSentenceOrder", "Licence", "PostSentenceSupervision" };
        for (var i = 0; i < n; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", "C" + i.ToString("D8", CultureInfo.InvariantCulture));
            json.WriteString("sentence", sentences[i % 4]);
            var caseStart = start.AddDays(i % 200);
            json.WriteString("start", caseStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (i % 5 == 0)
            {
                json.WriteString("suspended", caseStart.AddDays(20 + (i % 80)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("suspended");
            }

            json.WriteNull("exemption");
            json.WriteStartObject("answers");
            for (var q = 0; q < ids.Length; q++)
            {
                json.WriteString(ids[q], answers[((long)i * ids.Length) + q] switch
                {
                    Answer.Yes => "Yes",
                    Answer.No => "No",
                    _ => "NotApplicable",
                });
            }

            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The options a generated case sheet is rated with: the unit and judgements its findings document gives.</summary>
    public static readonly Sheets.CaseSheetOptions SheetOptions = new() { Unit = "Generated PDU", Judgements = Organisational, FieldworkStarted = new DateTime(2025, 3, 10) };

    /// <summary>The same options, grouping by tags as the sheet streams.</summary>
    public static Sheets.CaseSheetOptions WithGroupBy(this Sheets.CaseSheetOptions options, params string[] tags) =>
        new() { Unit = options.Unit, Judgements = options.Judgements, FieldworkStarted = options.FieldworkStarted, GroupBy = tags };

    /// <summary>The same options, the reader allowed <paramref name="threads"/> threads.</summary>
    public static Sheets.CaseSheetOptions WithParallelism(this Sheets.CaseSheetOptions options, int threads) =>
        new() { Unit = options.Unit, Judgements = options.Judgements, FieldworkStarted = options.FieldworkStarted, GroupBy = options.GroupBy, Parallelism = threads };

    /// <summary>Writes the cases of <see cref="WriteFindings"/> as a CSV case sheet, with a team column (findings-format.md, "Case sheets").</summary>
    public static void WriteCaseSheet(Stream output, int n)
    {
        var answers = Answers(n);
        var framework = Framework;
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("id,sentence,start,suspended,exemption");
        foreach (var question in framework.KeyQuestions)
        {
            writer.Write(',');
            writer.Write(question.Id);
        }

        writer.Write(",team\r\n");
        string[] sentences = { "CommunityOrder", "SuspendedSentenceOrder", "Licence", "PostSentenceSupervision" };
        string[] teams = { "North", "South", "East", "West", "City" };
        var start = new DateTime(2024, 7, 1);
        for (var i = 0; i < n; i++)
        {
            var caseStart = start.AddDays(i % 200);
            writer.Write('C');
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(sentences[i % 4]);
            writer.Write(',');
            writer.Write(caseStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            if (i % 5 == 0)
            {
                writer.Write(caseStart.AddDays(20 + (i % 80)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            writer.Write(',');
            for (var q = 0; q < framework.KeyQuestions.Count; q++)
            {
                writer.Write(',');
                writer.Write(answers[((long)i * framework.KeyQuestions.Count) + q] switch
                {
                    Answer.Yes => "Yes",
                    Answer.No => "No",
                    _ => "N/A",
                });
            }

            writer.Write(',');
            writer.Write(teams[i % teams.Length]);
            writer.Write("\r\n");
        }
    }

    public static byte[] CaseSheet(int n)
    {
        using var buffer = new MemoryStream();
        WriteCaseSheet(buffer, n);
        return buffer.ToArray();
    }

    private static readonly Dictionary<int, long> CaseSheetSizes = new();

    /// <summary>The size in bytes of the generated case sheet of <paramref name="n"/> cases (computed once per process).</summary>
    public static long CaseSheetSize(int n)
    {
        lock (CaseSheetSizes)
        {
            if (!CaseSheetSizes.TryGetValue(n, out var size))
            {
                size = CaseSheet(n).LongLength;
                CaseSheetSizes[n] = size;
            }

            return size;
        }
    }

    public static byte[] Findings(int n)
    {
        using var buffer = new MemoryStream();
        WriteFindings(buffer, n);
        return buffer.ToArray();
    }

    private static readonly Dictionary<int, long> FindingsSizes = new();

    /// <summary>The size in bytes of the generated document of <paramref name="n"/> cases (computed once per process).</summary>
    public static long FindingsSize(int n)
    {
        lock (FindingsSizes)
        {
            if (!FindingsSizes.TryGetValue(n, out var size))
            {
                using var counter = new CountingStream();
                WriteFindings(counter, n);
                size = counter.Length;
                FindingsSizes[n] = size;
            }

            return size;
        }
    }

    public static List<InspectedCase> Cases(int n, Answer[] answers, int questions = 12)
    {
        var cases = new List<InspectedCase>(n);
        for (var i = 0; i < n; i++)
        {
            var framework = Probation.Standards.Frameworks.FrameworkCatalog.DefaultFramework;
            var keyed = new KeyValuePair<string, Answer>[questions];
            for (var q = 0; q < questions; q++)
            {
                keyed[q] = new KeyValuePair<string, Answer>(framework.KeyQuestions[q].Id, answers[(i * questions) + q]);
            }

            cases.Add(InspectedCase.Create(framework, "C" + i, keyed));
        }

        return cases;
    }

    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => this.length;

        public override long Position { get => this.length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => this.length += count;
    }
}
