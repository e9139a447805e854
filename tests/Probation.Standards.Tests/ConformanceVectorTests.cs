using System.Text.Json.Nodes;
using Probation.Standards.Findings;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Every <c>*.json</c> under seeds/ (copied to the test output) is a findings document with an
/// <c>expected</c> block; each is one test, named after its file, so an auditor adds a vector by adding
/// a JSON file (conventions.md #6). Every field the block gives is checked; the rest are ignored.
/// </summary>
public class ConformanceVectorTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        var folder = Seeds.Folder;
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            yield return new TestCaseData(path).SetName(Path.GetFileName(path));
        }
    }

    /// <summary>Every field of the expected block that differs from the result, as "field: expected X, got Y".</summary>
    public static IReadOnlyList<string> Differences(ExpectedResult expected, RatingResult result)
    {
        var differences = new List<string>();
        void Check<T>(string field, T? want, T? got)
        {
            if (want is not null && !EqualityComparer<T>.Default.Equals(want, got))
            {
                differences.Add($"{field}: expected {want}, got {(got is null ? "nothing" : got.ToString())}");
            }
        }

        foreach (var want in expected.Standards)
        {
            var got = result.Standards.FirstOrDefault(s => s.Id == want.StandardId);
            if (got is null)
            {
                differences.Add($"{want.StandardId}: not in the result");
                continue;
            }

            Check($"{want.StandardId} rating", want.Rating, (Rating?)got.Rating);
            Check($"{want.StandardId} computedRating", want.ComputedRating, got.ComputedRating);
            Check($"{want.StandardId} drivenBy", want.DrivenBy, got.DrivenBy);
            Check($"{want.StandardId} points", want.Points, (int?)got.Points);
        }

        Check("score", expected.Score, (int?)result.Score);
        Check("maxScore", expected.MaxScore, (int?)result.MaxScore);
        Check("overall", expected.Overall, (Rating?)result.Overall);
        Check("casesInspected", expected.CasesInspected, result.Cases?.Inspected);
        Check("resetCases", expected.ResetCases, result.Cases?.Reset);
        Check("adjustedCases", expected.AdjustedCases, result.Cases?.Adjusted);
        return differences;
    }

    [Test]
    public void Seeds_folder_holds_the_vectors_listed_in_its_readme()
    {
        // seeds/README.md lists 2 Nottinghamshire documents and 24 vectors; more may be added, none may vanish.
        Vectors().Count().ShouldBeGreaterThanOrEqualTo(26);
    }

    [TestCaseSource(nameof(Vectors))]
    public void Vector_rates_as_its_expected_block_says(string path)
    {
        FindingsDocument document;
        using (var stream = File.OpenRead(path))
        {
            document = FindingsReader.Read(stream, Path.GetFileName(path));
        }

        document.Expected.ShouldNotBeNull($"{Path.GetFileName(path)} has no expected block");
        var differences = Differences(document.Expected, Rater.Rate(document.Input));
        differences.ShouldBeEmpty(string.Join("; ", differences));
    }

    [Test]
    public void The_vector_check_reports_every_field_that_differs()
    {
        // Guards the guard: a vector whose expected block is wrong in every field must fail in every field.
        // The document rates 18/21 Outstanding (3 x Good + 4 x Outstanding), with 1 case, not Reset;
        // P2.1 is 1/1, 90/100, 90/100, so P2.1.2 drives (lowest, first of the tie).
        var doc = Docs.Aggregate().WithCases(Docs.Case("A", "P2.1.1=Yes"));
        doc["expected"] = new JsonObject
        {
            ["standards"] = new JsonObject
            {
                ["P1.1"] = "Inadequate",
                ["P2.1"] = new JsonObject { ["rating"] = "Good", ["computedRating"] = "Good", ["drivenBy"] = "P2.1.3", ["points"] = 2 },
            },
            ["score"] = 17,
            ["maxScore"] = 18,
            ["overall"] = "Good",
            ["casesInspected"] = 2,
            ["resetCases"] = 1,
            ["adjustedCases"] = 1,
        };

        var document = Docs.Read(doc);
        var differences = Differences(document.Expected!, Rater.Rate(document.Input));

        differences.ShouldBe(
            new[]
            {
                "P1.1 rating: expected Inadequate, got Good",
                "P2.1 rating: expected Good, got Outstanding",
                "P2.1 computedRating: expected Good, got Outstanding",
                "P2.1 drivenBy: expected P2.1.3, got P2.1.2",
                "P2.1 points: expected 2, got 3",
                "score: expected 17, got 18",
                "maxScore: expected 18, got 21",
                "overall: expected Good, got Outstanding",
                "casesInspected: expected 2, got 1",
                "resetCases: expected 1, got 0",
                "adjustedCases: expected 1, got 0",
            },
            ignoreOrder: true);
    }
}
