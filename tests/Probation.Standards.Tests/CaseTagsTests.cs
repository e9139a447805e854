using System.Text;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Tests;

/// <summary>R12: a case's optional tags (an object of string values) are read and kept; anything else is bad input.</summary>
public class CaseTagsTests
{
    private static string Document(string tags) => $$"""
        { "framework": "probation-pdu-2023", "unit": "Tags",
          "organisational": { "P1.1": "Good", "P1.2": "Good", "P1.3": "Good" },
          "keyQuestions": { "P2.1.1": 90, "P2.1.2": 90, "P2.1.3": 90, "P2.2.1": 90, "P2.2.2": 90, "P2.2.3": 90,
                            "P2.3.1": 90, "P2.3.2": 90, "P2.3.3": 90, "P2.4.1": 90, "P2.4.2": 90 },
          "cases": [ { "id": "C1", "tags": {{tags}}, "answers": { "P2.4.3": "Yes" } } ] }
        """;

    private static FindingsDocument Read(string tags) =>
        FindingsReader.Read(Encoding.UTF8.GetBytes(Document(tags)), "tags.json", new FindingsReaderOptions { KeepCases = true });

    [Test]
    public void Tags_are_kept_sorted_by_name_and_found_by_name()
    {
        var kept = Read("""{ "team": "North", "pdu": "Nottinghamshire" }""").Cases.ShouldHaveSingleItem();
        kept.Tags.Select(t => t.Key).ShouldBe(new[] { "pdu", "team" });
        kept.TryGetTag("team", out var team).ShouldBeTrue();
        team.ShouldBe("North");
        kept.TryGetTag("Team", out _).ShouldBeFalse();
    }

    [Test]
    public void Null_tags_are_no_tags()
    {
        Read("null").Cases.ShouldHaveSingleItem().Tags.ShouldBeEmpty();
    }

    [TestCase("""{ "team": 3 }""", "$.cases[0].tags.team", ProblemCode.WrongType)]
    [TestCase("""{ "team": null }""", "$.cases[0].tags.team", ProblemCode.WrongType)]
    [TestCase("""{ "team": "North", "team": "South" }""", "$.cases[0].tags.team", ProblemCode.DuplicateField)]
    [TestCase("""["North"]""", "$.cases[0].tags", ProblemCode.WrongType)]
    [TestCase("\"North\"", "$.cases[0].tags", ProblemCode.WrongType)]
    public void Tags_that_are_not_an_object_of_strings_are_bad_input(string tags, string path, ProblemCode code)
    {
        var error = Should.Throw<InvalidInputException>(() => Read(tags));
        var problem = error.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(code);
        problem.Path.ShouldBe(path);
    }

    [Test]
    public void Create_checks_tags_as_the_reader_does()
    {
        var framework = FrameworkCatalog.Default.GetFramework("probation-pdu-2023");
        var answers = new Dictionary<string, Answer> { ["P2.1.1"] = Answer.Yes };
        var created = InspectedCase.Create(framework, "C1", answers, tags: new Dictionary<string, string> { ["team"] = "North" });
        created.TryGetTag("team", out var team).ShouldBeTrue();
        team.ShouldBe("North");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(framework, "C1", answers, tags: new[] { new KeyValuePair<string, string>("team", "North"), new KeyValuePair<string, string>("team", "South") }));
        Should.Throw<ArgumentException>(() => InspectedCase.Create(framework, "C1", answers, tags: new[] { new KeyValuePair<string, string>("team", null!) }));
    }
}
