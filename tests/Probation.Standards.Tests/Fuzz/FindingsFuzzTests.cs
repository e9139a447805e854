using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Bulk;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests.Fuzz;

/// <summary>A base document and the mutations made to it; printed in full when a property fails.</summary>
internal sealed record Mutant(string Base, IReadOnlyList<Mutation> Mutations, bool KeepCases, byte[] Bytes)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(this.Bytes);
        return $"{this.Base} + [{string.Join(", ", this.Mutations)}] (KeepCases {this.KeepCases}, {this.Bytes.Length} bytes): "
            + (text.Length > 400 ? text[..400] + "..." : text);
    }
}

/// <summary>
/// A bounded, structure-aware fuzz of the findings reader (docs/fuzzing.md): the seed documents and generated valid
/// ones, mutated (fields deleted, duplicated, retyped and renamed, values swapped, huge numbers, deep nesting,
/// unicode, wrong dates, repeated cases, truncation, byte order marks, bad UTF-8, flipped bytes, stray tokens), must
/// read and rate or be refused as bad input with well-formed error lines; never any other exception. The runs are
/// replayable (a fixed Replay seed; change it, or MaxTest, to explore further), and fast enough for .ci/run.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public class FindingsFuzzTests
{
    private const string File = "mutant.json";

    // One error line as the format has it: "file: path: [line L, column C: ]message", on one line.
    private static readonly Regex ErrorLine = new(@"^mutant\.json: \$[^\r\n]*?: (line [0-9]+, column [0-9]+: )?[^\r\n]+$", RegexOptions.CultureInvariant);

    private static readonly Lazy<(string Name, byte[] Bytes)[]> SeedDocuments = new(() =>
        Directory.EnumerateFiles(Seeds.Folder, "*.json", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Seeds.Folder, f), System.IO.File.ReadAllBytes(f)))
            .ToArray());

    internal static Gen<Mutation> MutationGen =>
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from place in Gen.Choose(0, int.MaxValue)
        from what in Gen.Choose(0, int.MaxValue)
        from other in Gen.Choose(0, int.MaxValue)
        select new Mutation(kind, place, what, other);

    /// <summary>A seed document (two in three) or a generated valid one, with one to six mutations (one most often).</summary>
    internal static Gen<Mutant> MutantGen =>
        from seed in Gen.Frequency(
            (2, Gen.Elements(SeedDocuments.Value)),
            (1, from cases in BulkArbitraries.CaseSets().Generator
                from headerAfter in Gen.Elements(false, true)
                from aggregate in Gen.Choose(0, 12)
                from give in Gen.Elements(true, false)
                from overrides in Gen.Elements(false, true)
                select ($"generated ({cases.Cases.Length} cases, header after {headerAfter}, {aggregate} aggregate)",
                    FindingsDocuments.Write(cases.Cases, new DocumentShape(headerAfter, give, aggregate, overrides)))))
        from count in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 3)), (1, Gen.Choose(4, 6)))
        from mutations in Gen.ListOf(MutationGen, count)
        from keep in Gen.Elements(false, true)
        select new Mutant(seed.Item1, mutations.ToArray(), keep, JsonMutator.Apply(seed.Item2, mutations));

    [FsCheck.NUnit.Property(MaxTest = 1000, Replay = "20261203,4711", QuietOnSuccess = true)]
    public Property Mutated_documents_rate_or_are_refused_with_error_lines() =>
        Prop.ForAll(Arb.From(MutantGen), (Action<Mutant>)(mutant => ReadsOrRefuses(mutant.Bytes, mutant.KeepCases, mutant.ToString())));

    [FsCheck.NUnit.Property(MaxTest = 300, Replay = "20261203,4717", QuietOnSuccess = true)]
    public Property Mutated_documents_read_the_same_through_a_stream_handing_over_a_few_bytes_at_a_time() =>
        Prop.ForAll(Arb.From(MutantGen), (Action<Mutant>)(mutant =>
        {
            var options = new FindingsReaderOptions { KeepCases = mutant.KeepCases };
            Outcome(() => FindingsReader.Read(new SlowStream(mutant.Bytes, mutant.Bytes.Length), File, options))
                .ShouldBe(Outcome(() => FindingsReader.Read(mutant.Bytes, File, options)), mutant.ToString());
        }));

    [Test]
    public void The_mutator_makes_bad_input_and_keeps_some_good_so_the_property_tests_both_paths()
    {
        var sample = Gen.Sample(MutantGen, 300, new Rnd(20261203UL, 4711UL), 50);
        var rated = sample.Count(m => ReadsOrRefuses(m.Bytes, m.KeepCases, m.ToString()));
        rated.ShouldBeGreaterThan(10, "some mutants still read and rate");
        rated.ShouldBeLessThan(290, "most mutants are bad input");
    }

    [Test]
    public void The_oracle_refuses_an_error_line_without_the_file_or_path()
    {
        ErrorLine.IsMatch("mutant.json: $.cases[0].id: line 3, column 9: duplicate case id 'C1'").ShouldBeTrue();
        ErrorLine.IsMatch("mutant.json: $: the document is empty").ShouldBeTrue();
        ErrorLine.IsMatch("other.json: $: the document is empty").ShouldBeFalse();
        ErrorLine.IsMatch("mutant.json: the document is empty").ShouldBeFalse();
        ErrorLine.IsMatch("mutant.json: $: two\nlines").ShouldBeFalse();
    }

    /// <summary>The rating input read (compared by value), or the error lines.</summary>
    private static (RatingInput? Input, string Lines) Outcome(Func<FindingsDocument> read)
    {
        try
        {
            return (read().Input, string.Empty);
        }
        catch (InvalidInputException e)
        {
            return (null, string.Join("\n", e.MessageLines()));
        }
    }

    /// <summary>
    /// The oracle: the document reads and rates (true), or is refused as bad input with well-formed error lines
    /// (false). Any other exception fails the test with the mutant that caused it.
    /// </summary>
    internal static bool ReadsOrRefuses(byte[] bytes, bool keepCases, string described)
    {
        try
        {
            var document = FindingsReader.Read(bytes, File, new FindingsReaderOptions { KeepCases = keepCases });
            Rater.Rate(document.Input);
            return true;
        }
        catch (InvalidInputException e)
        {
            e.Problems.Count.ShouldBeGreaterThan(0, described);
            foreach (var line in e.MessageLines().Take(e.Problems.Count))
            {
                ErrorLine.IsMatch(line).ShouldBeTrue($"error: {line}\nis not a well-formed error line, for {described}");
            }

            return false;
        }
        catch (Exception e)
        {
            throw new AssertionException($"{e.GetType().Name} (not InvalidInputException) for {described}\n{e}");
        }
    }
}
