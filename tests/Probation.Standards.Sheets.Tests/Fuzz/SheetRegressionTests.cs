using Probation.Standards.Scoring;
using System.Threading.Tasks;

namespace Probation.Standards.Sheets.Tests.Fuzz;

/// <summary>
/// Inputs the fuzzers found (docs/fuzzing.md), kept in Fuzz/Regressions: each NAME.csv or NAME.xlsx with NAME.expected, the exact
/// error lines (or rating line) written by hand. Each is read from memory, through an unseekable stream handing over
/// a few bytes at a time, and asynchronously through an unseekable stream; all three must give the expected lines.
/// </summary>
[TestFixture]
public class SheetRegressionTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fuzz", "Regressions");

    public static IEnumerable<TestCaseData> Documents() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions")).Where(f => CaseSheetReader.TryGetKind(f, out _))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName(Path.GetFileNameWithoutExtension(f)));

    [Test]
    public void Every_regression_document_has_its_expected_outcome()
    {
        var documents = Directory.EnumerateFiles(Folder).Where(f => CaseSheetReader.TryGetKind(f, out _)).Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        documents.ShouldNotBeEmpty();
        Directory.EnumerateFiles(Folder, "*.expected").Select(Path.GetFileNameWithoutExtension).Order().ShouldBe(documents);
    }

    [TestCaseSource(nameof(Documents))]
    public async Task The_document_gives_its_expected_lines_however_it_is_streamed(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var expected = File.ReadAllLines(Path.Combine(Folder, Path.ChangeExtension(name, ".expected")));
        CaseSheetReader.TryGetKind(name, out var kind).ShouldBeTrue();
        var file = "fuzz" + Path.GetExtension(name);

        Lines(() => CaseSheetReader.Read(new MemoryStream(bytes), file, kind)).ShouldBe(expected, "from memory");
        Lines(() => CaseSheetReader.Read(new TrickleStream(bytes), file, kind)).ShouldBe(expected, "trickled");
        var async = await LinesAsync(() => CaseSheetReader.ReadAsync(new TrickleStream(bytes), file, kind));
        async.ShouldBe(expected, "asynchronously, trickled");
    }

    private static string[] Lines(Func<CaseSheet> read)
    {
        try
        {
            var result = Rater.Rate(read().Input);
            return new[] { $"rated {result.Overall} ({result.Score}/{result.MaxScore})" };
        }
        catch (InvalidInputException e)
        {
            return e.MessageLines().ToArray();
        }
    }

    private static async Task<string[]> LinesAsync(Func<Task<CaseSheet>> read)
    {
        try
        {
            var result = Rater.Rate((await read()).Input);
            return new[] { $"rated {result.Overall} ({result.Score}/{result.MaxScore})" };
        }
        catch (InvalidInputException e)
        {
            return e.MessageLines().ToArray();
        }
    }
}
