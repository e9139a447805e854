using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets.Tests.Fuzz;

/// <summary>A base sheet and its mutations; printed in full when a property fails.</summary>
internal sealed record SheetMutant(string Base, IReadOnlyList<CsvMutation> Mutations, int Style, bool KeepCases, List<string[]> Table)
{
    public byte[] Csv() => CsvMutator.Apply(this.Table, this.Mutations, this.Style);

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(this.Csv());
        return $"{this.Base} + [{string.Join(", ", this.Mutations)}] (style {this.Style}, KeepCases {this.KeepCases}): "
            + (text.Length > 400 ? text[..400] + "..." : text);
    }
}

/// <summary>
/// A bounded, structure-aware fuzz of the case-sheet reader (docs/fuzzing.md): the seed sheet, the harness's small
/// sheets and generated ones, mutated as tables (columns deleted, duplicated and renamed, cells set to wrong dates,
/// answers, formulas, quotes and line breaks, rows deleted, duplicated, made ragged and repeated) and as bytes
/// (truncation, byte order marks, bad UTF-8, stray quotes), and written as CSV in several dialects or as a workbook.
/// Every sheet must rate or be refused with well-formed error lines, the same read from memory as through an
/// unseekable stream that trickles a few bytes at a time. Fixed Replay seeds make the runs repeatable.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public class SheetFuzzTests
{
    // One error line as sheets have it: "file: row R[, column 'C']: message", on one line.
    private static readonly Regex ErrorLine = new(@"^mutant\.(csv|xlsx): row [0-9]+(, column [^\r\n]+?)?: [^\r\n]+$", RegexOptions.CultureInvariant);

    private static readonly Lazy<(string Name, List<string[]> Table)[]> Bases = new(() =>
    {
        var seed = File.ReadAllLines(Path.Combine(SheetSupport.Seeds, "nottinghamshire-pdu-2025-cases.csv"))
            .Select(l => l.Split(',')).ToList();
        var generated = Enumerable.Range(1, 4).Select(s => ($"generated {s}", SheetSupport.Table(SheetSupport.RandomCases(s, 5 + (s * 7)))));
        return new[] { ("seed sheet", seed) }.Concat(generated).ToArray();
    });

    private static Gen<CsvMutation> MutationGen =>
        from kind in Gen.Elements(Enum.GetValues<CsvMutationKind>())
        from place in Gen.Choose(0, int.MaxValue)
        from what in Gen.Choose(0, int.MaxValue)
        from other in Gen.Choose(0, int.MaxValue)
        select new CsvMutation(kind, place, what, other);

    private static Gen<SheetMutant> MutantGen(bool structuralOnly) =>
        from sheet in Gen.Elements(Bases.Value)
        from count in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 3)), (1, Gen.Choose(4, 6)))
        from mutations in Gen.ListOf(structuralOnly ? MutationGen.Where(m => m.Kind < CsvMutationKind.Truncate) : MutationGen, count)
        from style in Gen.Choose(0, 59)
        from keep in Gen.Elements(false, true)
        select new SheetMutant(sheet.Name, mutations.ToArray(), style, keep, sheet.Table);

    [FsCheck.NUnit.Property(MaxTest = 600, Replay = "20261203,4711", QuietOnSuccess = true)]
    public Property Mutated_csv_sheets_rate_or_are_refused_the_same_however_the_stream_reads() =>
        Prop.ForAll(Arb.From(MutantGen(structuralOnly: false)), (Action<SheetMutant>)(mutant =>
        {
            var csv = mutant.Csv();
            var options = new CaseSheetOptions { KeepCases = mutant.KeepCases };
            var fromMemory = Outcome(() => CaseSheetReader.Read(new MemoryStream(csv), "mutant.csv", SheetKind.Csv, options), mutant);
            var trickled = Outcome(() => CaseSheetReader.Read(new TrickleStream(csv), "mutant.csv", SheetKind.Csv, options), mutant);
            trickled.ShouldBe(fromMemory, $"read through a trickling stream, {mutant}");
        }));

    [FsCheck.NUnit.Property(MaxTest = 100, Replay = "20261203,4713", QuietOnSuccess = true)]
    public Property Mutated_tables_written_as_workbooks_rate_or_are_refused() =>
        Prop.ForAll(Arb.From(MutantGen(structuralOnly: true)), (Action<SheetMutant>)(mutant =>
        {
            var rows = CsvMutator.Structure(mutant.Table, mutant.Mutations);
            if (rows.Count == 0 || rows[0].Length == 0)
            {
                return; // a workbook needs a first row to write
            }

            if (rows.Any(r => r.Any(c => c.Any(ch => (ch < ' ' && ch is not '\t' and not '\n' and not '\r') || char.IsSurrogate(ch)))))
            {
                return; // XML, and so a workbook, cannot hold control characters (the CSV property has them)
            }

            var xlsx = SheetSupport.Xlsx(rows, "start", "suspended");
            Outcome(() => CaseSheetReader.Read(new MemoryStream(xlsx), "mutant.xlsx", SheetKind.Xlsx, new CaseSheetOptions { KeepCases = mutant.KeepCases }), mutant);
        }));

    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "20261203,4715", QuietOnSuccess = true)]
    public Property Damaged_workbooks_are_refused_as_bad_input() =>
        Prop.ForAll(Arb.From(from cut in Gen.Choose(0, int.MaxValue) from flip in Gen.Choose(0, int.MaxValue) from how in Gen.Choose(0, 2) select (cut, flip, how)), (Action<(int Cut, int Flip, int How)>)(m =>
        {
            var xlsx = File.ReadAllBytes(Path.Combine(SheetSupport.Seeds, "nottinghamshire-pdu-2025-cases.xlsx"));
            var at = (int)((uint)m.Cut % (uint)xlsx.Length);
            var damaged = m.How switch
            {
                0 => xlsx[..at],
                1 => Flip(xlsx, at, m.Flip),
                _ => [.. xlsx[..at], .. xlsx[(at + 1)..]],
            };
            Outcome(() => CaseSheetReader.Read(new MemoryStream(damaged), "mutant.xlsx", SheetKind.Xlsx), $"xlsx {m}");
        }));

    [Test]
    public void The_mutator_keeps_some_sheets_good_so_the_property_tests_both_paths()
    {
        var sample = Gen.Sample(MutantGen(structuralOnly: false), 200, new Rnd(20261203UL, 4711UL), 50);
        var rated = sample.Count(m => Outcome(() => CaseSheetReader.Read(new MemoryStream(m.Csv()), "mutant.csv", SheetKind.Csv), m).StartsWith("rated", StringComparison.Ordinal));
        rated.ShouldBeGreaterThan(5, "some mutants still read and rate");
        rated.ShouldBeLessThan(195, "most mutants are bad input");
    }

    [Test]
    public void The_oracle_refuses_an_error_line_without_the_file_or_row()
    {
        ErrorLine.IsMatch("mutant.csv: row 3, column 'P2.1.1': answer 'Maybe' is not Yes, No or NotApplicable").ShouldBeTrue();
        ErrorLine.IsMatch("mutant.csv: row 1: no 'id' column: every case needs an id").ShouldBeTrue();
        ErrorLine.IsMatch("mutant.csv: answer 'Maybe' is not Yes, No or NotApplicable").ShouldBeFalse();
        ErrorLine.IsMatch("other.csv: row 1: no 'id' column").ShouldBeFalse();
        ErrorLine.IsMatch("mutant.csv: row 1: two\nlines").ShouldBeFalse();
    }

    /// <summary>The rating, or the error lines; any other exception fails the test with the input that caused it.</summary>
    internal static string Outcome(Func<CaseSheet> read, object described)
    {
        try
        {
            var sheet = read();
            var result = Rater.Rate(sheet.Input);
            return $"rated {result.Overall} ({result.Score}/{result.MaxScore}), {sheet.Rows} rows, {sheet.BlankAnswers} blank";
        }
        catch (InvalidInputException e)
        {
            e.Problems.Count.ShouldBeGreaterThan(0);
            var lines = e.MessageLines();
            foreach (var line in lines.Take(e.Problems.Count))
            {
                ErrorLine.IsMatch(line).ShouldBeTrue($"error: {line}\nis not a well-formed error line, for {described}");
            }

            return string.Join("\n", lines);
        }
        catch (Exception e)
        {
            throw new AssertionException($"{e.GetType().Name} (not InvalidInputException) for {described}\n{e}");
        }
    }

    private static byte[] Flip(byte[] bytes, int at, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= (byte)(1 << (int)((uint)bit % 8));
        return copy;
    }
}
