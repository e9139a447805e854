using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Probation.Standards;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Sheets;
using SharpFuzz;

namespace Probation.Standards.Fuzz;

/// <summary>
/// The fuzzing harness (docs/fuzzing.md). <c>Probation.Standards.Fuzz TARGET</c> runs a target under afl-fuzz
/// through SharpFuzz's out-of-process mode; <c>Probation.Standards.Fuzz TARGET --run FILE...</c> runs it once on
/// each file without afl, for triage and replay. Targets: <c>findings</c> (the findings reader, then the rater) and
/// <c>sheet</c> (the case-sheet reader: a workbook when the input starts "PK", CSV otherwise, then the rater).
/// The oracle: a rating, or an <see cref="InvalidInputException"/> whose lines are well formed. Anything else
/// (another exception, a crash, a hang) is a finding: the exception escapes, and afl-fuzz records the input.
/// </summary>
public static class Program
{
    /// <summary>Runs the harness.</summary>
    /// <param name="args">TARGET [--run FILE...].</param>
    /// <returns>0, or 1 when a replayed file is a finding, 2 for bad arguments.</returns>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || Targets.Of(args[0]) is not { } target)
        {
            Console.Error.WriteLine("usage: Probation.Standards.Fuzz findings|sheet [--run FILE...]");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--run")
        {
            var findings = 0;
            foreach (var file in args.Skip(2))
            {
                try
                {
                    Console.WriteLine($"{file}: {target(File.ReadAllBytes(file))}");
                }
                catch (Exception e)
                {
                    findings++;
                    Console.WriteLine($"{file}: FINDING: {e}");
                }
            }

            return findings == 0 ? 0 : 1;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }
}

/// <summary>The targets: each reads one input and returns what it gave, or throws when the oracle fails.</summary>
internal static class Targets
{
    public static Func<byte[], string>? Of(string name) => name switch
    {
        "findings" => Findings,
        "sheet" => Sheet,
        _ => null,
    };

    /// <summary>
    /// The findings reader three ways: from memory with cases streamed, through a stream that hands over a few bytes
    /// at a time (the chunk edges of the one-pass reader), and with the cases kept. All three must agree.
    /// </summary>
    private static string Findings(byte[] input)
    {
        var streamed = Outcome.Of("fuzz.json", () => FindingsReader.Read(input, "fuzz.json").Input);
        var trickled = Outcome.Of("fuzz.json", () => FindingsReader.Read(new TrickleStream(input), "fuzz.json").Input);
        var kept = Outcome.Of("fuzz.json", () => FindingsReader.Read(input, "fuzz.json", new FindingsReaderOptions { KeepCases = true }).Input);
        streamed.ShouldAgreeWith(trickled, "read through a trickling stream");
        streamed.ShouldAgreeWith(kept, "read with KeepCases");
        return streamed.ToString();
    }

    /// <summary>The case-sheet reader: streamed, trickled, and with the cases kept and grouped by a tag; all must agree.</summary>
    private static string Sheet(byte[] input)
    {
        var kind = input.Length >= 2 && input[0] == (byte)'P' && input[1] == (byte)'K' ? SheetKind.Xlsx : SheetKind.Csv;
        var file = kind == SheetKind.Xlsx ? "fuzz.xlsx" : "fuzz.csv";
        var streamed = Outcome.Of(file, () => CaseSheetReader.Read(new MemoryStream(input, writable: false), file, kind).Input);
        var trickled = Outcome.Of(file, () => CaseSheetReader.Read(new TrickleStream(input), file, kind).Input);
        var kept = Outcome.Of(file, () => CaseSheetReader.Read(new MemoryStream(input, writable: false), file, kind, new CaseSheetOptions { KeepCases = true }).Input);
        var grouped = Outcome.Of(file, () => CaseSheetReader.Read(new MemoryStream(input, writable: false), file, kind, new CaseSheetOptions { GroupBy = new[] { "team" } }).Input);
        streamed.ShouldAgreeWith(trickled, "read through a trickling stream");
        streamed.ShouldAgreeWith(kept, "read with KeepCases");
        if (grouped.Rating is not null || !grouped.Lines.Any(l => l.Contains("team", StringComparison.OrdinalIgnoreCase)))
        {
            // Grouping by a column the sheet lacks is its own refusal; otherwise the sheet reads the same.
            streamed.ShouldAgreeWith(grouped, "read grouped by team");
        }

        return streamed.ToString();
    }
}

/// <summary>What one read gave: a rating, or the error lines of bad input. Any other exception escapes.</summary>
internal sealed class Outcome
{
    private Outcome(RatingInput? input, RatingResult? rating, IReadOnlyList<string> lines)
    {
        this.Input = input;
        this.Rating = rating;
        this.Lines = lines;
    }

    public RatingInput? Input { get; }

    public RatingResult? Rating { get; }

    public IReadOnlyList<string> Lines { get; }

    public static Outcome Of(string file, Func<RatingInput> read)
    {
        RatingInput input;
        try
        {
            input = read();
        }
        catch (InvalidInputException e)
        {
            var lines = e.MessageLines();
            Check(lines.Count > 0, "bad input with no error lines");
            foreach (var line in lines)
            {
                Check(line.StartsWith(file + ": ", StringComparison.Ordinal), $"an error line that does not name the file: {line}");
                Check(line.Length > file.Length + 2, "an empty error line");
                Check(line.IndexOfAny(new[] { '\r', '\n' }) < 0, $"an error line with a line break: {line}");
            }

            return new Outcome(null, null, lines);
        }

        // A document that reads must rate: the rater may refuse it only as bad input, never otherwise.
        try
        {
            return new Outcome(input, Rater.Rate(input), Array.Empty<string>());
        }
        catch (InvalidInputException e)
        {
            return new Outcome(input, null, e.MessageLines());
        }
    }

    public void ShouldAgreeWith(Outcome other, string how)
    {
        Check(
            Equals(this.Input, other.Input) && Equals(this.Rating, other.Rating) && this.Lines.SequenceEqual(other.Lines),
            $"the outcome differs when {how}:\n{this}\n---\n{other}");
    }

    public override string ToString() => this.Rating is { } rating
        ? $"rated {rating.Overall} ({rating.Score}/{rating.MaxScore})"
        : "error: " + string.Join("\nerror: ", this.Lines);

    private static void Check(bool condition, string finding)
    {
        if (!condition)
        {
            throw new FuzzFindingException(finding);
        }
    }
}

/// <summary>A failed oracle: thrown so that afl-fuzz records the input as a crash.</summary>
internal sealed class FuzzFindingException : Exception
{
    public FuzzFindingException(string message)
        : base(message)
    {
    }

    public FuzzFindingException()
    {
    }

    public FuzzFindingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A read-only stream that hands over at most a few bytes a read, unseekable, as a slow network body does.</summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] data;
    private int position;
    private int turn;

    public TrickleStream(byte[] data) => this.data = data;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, 1 + (this.turn++ % 7)), this.data.Length - this.position);
        Array.Copy(this.data, this.position, buffer, offset, n);
        this.position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
