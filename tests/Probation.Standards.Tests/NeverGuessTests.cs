using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>R10: the library never guesses a missing organisational rating and never silently drops bad input.</summary>
public class NeverGuessTests
{
    [TestCase("P1.1")]
    [TestCase("P1.2")]
    [TestCase("P1.3")]
    public void R10_a_missing_organisational_rating_is_an_error(string missing)
    {
        var doc = Docs.Aggregate();
        doc["organisational"]!.AsObject().Remove(missing);
        var error = Docs.Rejects(doc);
        error.Problems[0].Path.ShouldBe("$.organisational");
        error.Problems[0].Message.ShouldContain(missing);
    }

    [Test]
    public void R10_a_document_without_organisational_is_an_error()
    {
        var doc = Docs.Aggregate();
        doc.Remove("organisational");
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.organisational");
    }

    [Test]
    public void R10_a_null_organisational_rating_is_an_error_not_NotRated()
    {
        var doc = Docs.Aggregate();
        doc["organisational"]!["P1.2"] = null;
        Docs.Rejects(doc).Problems[0].Path.ShouldBe("$.organisational['P1.2']");
    }

    [Test]
    public void R10_rating_tallies_without_a_judgement_throws_rather_than_guessing()
    {
        var framework = FrameworkCatalog.DefaultFramework;
        var judgements = new[] { new JudgementRating("P1.1", Rating.Good), new JudgementRating("P1.2", Rating.Good) };
        var error = Should.Throw<ArgumentException>(() => RatingInput.Create("Test PDU", TallySet.Empty(framework), judgements));
        error.Message.ShouldContain("P1.3");
    }

    [Test]
    public void R10_a_malformed_case_rejects_the_whole_document()
    {
        var bad = Docs.Case("B", "P2.1.1=Yes");
        bad["answers"]!["P2.1.1"] = "Probably";
        var error = Docs.Rejects(Docs.Aggregate().WithCases(Docs.Case("A", "P2.1.1=Yes"), bad, Docs.Case("C", "P2.1.1=No")));
        error.Problems[0].Path.ShouldBe("$.cases[1].answers['P2.1.1']");
    }
}
