using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Tests;

/// <summary>
/// One inspected case as the per-case API builds it: every argument it refuses, named, with the case in the
/// message; answers aligned to the framework whatever order they come in; dates without their times; tags sorted,
/// unique and found by exact name; and equality part by part.
/// </summary>
public class InspectedCaseContractTests
{
    private static readonly Framework Default = FrameworkCatalog.DefaultFramework;

    private static KeyValuePair<string, Answer> A(string id, Answer answer) => new(id, answer);

    private static KeyValuePair<string, string> T(string name, string value) => new(name, value);

    private static InspectedCase Make(
        string id = "C1",
        Answer first = Answer.Yes,
        SentenceType? sentence = SentenceType.Licence,
        DateTime? start = null,
        DateTime? suspended = null,
        Exemption? exemption = null,
        string team = "North") =>
        InspectedCase.Create(Default, id, new[] { A("P2.1.1", first), A("P2.4.3", Answer.No) }, sentence, start ?? new DateTime(2024, 7, 1), suspended, exemption, new[] { T("team", team) });

    [Test]
    public void Arguments_a_case_cannot_have_are_refused_naming_the_case()
    {
        var yes = new[] { A("P2.1.1", Answer.Yes) };
        Should.Throw<ArgumentNullException>(() => InspectedCase.Create(null!, "C1", yes)).ParamName.ShouldBe("framework");
        foreach (var id in new[] { null, "", "  " })
        {
            var e = Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, id!, yes));
            e.ParamName.ShouldBe("id");
            e.Message.ShouldStartWith("a case needs an id that is not empty");
        }

        Should.Throw<ArgumentOutOfRangeException>(() => InspectedCase.Create(Default, "C1", yes, (SentenceType)4)).Message.ShouldStartWith("case C1: not a sentence type");
        Should.Throw<ArgumentOutOfRangeException>(() => InspectedCase.Create(Default, "C1", yes, exemption: (Exemption)5)).Message.ShouldStartWith("case C1: not an exemption");
        var noStart = Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", yes, suspended: new DateTime(2024, 7, 1)));
        noStart.ParamName.ShouldBe("start");
        noStart.Message.ShouldStartWith("case C1: a suspension date needs a start date (R9)");
        var before = Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", yes, start: new DateTime(2024, 7, 2), suspended: new DateTime(2024, 7, 1, 23, 0, 0)));
        before.ParamName.ShouldBe("suspended");
        before.Message.ShouldStartWith("case C1: the suspension date is before the start date (R9)");
        Should.Throw<ArgumentNullException>(() => InspectedCase.Create(Default, "C1", null!)).ParamName.ShouldBe("answers");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", new[] { A("P2.5.1", Answer.Yes) })).Message.ShouldStartWith("case C1: unknown key question 'P2.5.1' in probation-pdu-2023");
        Should.Throw<ArgumentOutOfRangeException>(() => InspectedCase.Create(Default, "C1", new[] { A("P2.2.2", (Answer)3) })).Message.ShouldStartWith("case C1: the answer to P2.2.2 is not Yes, No or NotApplicable");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", new[] { A("P2.2.2", Answer.Yes), A("P2.2.2", Answer.No) })).Message.ShouldStartWith("case C1: P2.2.2 is answered twice");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", yes, tags: new[] { T("team", "A"), T("region", "B"), T("team", "C") })).Message.ShouldStartWith("case C1: tag 'team' is given twice");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", yes, tags: new[] { T("team", null!) })).Message.ShouldStartWith("case C1: a tag needs a name and a value");
        Should.Throw<ArgumentException>(() => InspectedCase.Create(Default, "C1", yes, tags: new[] { T("a", "1"), T(null!, "2") })).ParamName.ShouldBe("tags");

        // A suspension on the start day, even at an earlier hour, is not before it.
        InspectedCase.Create(Default, "C1", yes, start: new DateTime(2024, 7, 1, 18, 0, 0), suspended: new DateTime(2024, 7, 1, 6, 0, 0)).Classify().DaysToSuspension.ShouldBe(0);
    }

    [Test]
    public void Answers_are_aligned_to_the_framework_and_the_rest_are_not_answered()
    {
        var c = InspectedCase.Create(Default, "C2", new[] { A("P2.4.3", Answer.Yes), A("P2.1.2", Answer.No), A("P2.3.1", Answer.NotApplicable) });
        c.Answers.Count.ShouldBe(12);
        c.GetAnswer("P2.4.3").ShouldBe(Answer.Yes);
        c.GetAnswer("P2.1.2").ShouldBe(Answer.No);
        c.Answers[11].ShouldBe(Answer.Yes);
        c.Answers[1].ShouldBe(Answer.No);
        c.Answers[0].ShouldBe(Answer.NotApplicable);
        c.AnsweredMask.ShouldBe((1UL << 11) | (1UL << 1) | (1UL << 6));
        Should.Throw<KeyNotFoundException>(() => c.GetAnswer("P2.4"));
        c.ToString().ShouldBe("C2");
        c.Tags.ShouldBeEmpty();
    }

    [Test]
    public void Dates_keep_the_day_only_and_the_case_classifies_by_them()
    {
        var c = Make(start: new DateTime(2024, 7, 1, 23, 0, 0), suspended: new DateTime(2024, 8, 27, 1, 0, 0));
        c.Start.ShouldBe(new DateTime(2024, 7, 1));
        c.Suspended.ShouldBe(new DateTime(2024, 8, 27));
        var classification = c.Classify();
        classification.CaseId.ShouldBe("C1");
        classification.Class.ShouldBe(CaseClass.SuspendedAfterThreshold);
        classification.DaysToSuspension.ShouldBe(57);
        Make(suspended: new DateTime(2024, 8, 26)).Classify().Class.ShouldBe(CaseClass.Adjusted);
        Make(suspended: new DateTime(2024, 8, 26), exemption: Exemption.Mappa).Classify().Class.ShouldBe(CaseClass.Exempt);
#if !LIBRARY_NETSTANDARD
        InspectedCase.Create(Default, "C3", new[] { A("P2.1.1", Answer.Yes) }, null, new DateOnly(2024, 7, 1), new DateOnly(2024, 8, 26)).Classify().Class.ShouldBe(CaseClass.Adjusted);
        InspectedCase.Create(Default, "C3", new[] { A("P2.1.1", Answer.Yes) }, null, (DateOnly?)null).Start.ShouldBeNull();
#endif
    }

    [Test]
    public void Tags_are_sorted_by_name_and_found_by_exact_name()
    {
        var c = InspectedCase.Create(Default, "C4", new[] { A("P2.1.1", Answer.Yes) }, tags: new[] { T("team", "North"), T("Region", "East"), T("audit", "2025-Q1") });
        c.Tags.Select(t => t.Key).ShouldBe(new[] { "Region", "audit", "team" });
        c.TryGetTag("team", out var team).ShouldBeTrue();
        team.ShouldBe("North");
        c.TryGetTag("audit", out var audit).ShouldBeTrue();
        audit.ShouldBe("2025-Q1");
        c.TryGetTag("region", out var missing).ShouldBeFalse();
        missing.ShouldBe(string.Empty);
    }

    [Test]
    public void Cases_are_equal_when_every_part_is()
    {
        var c = Make();
        c.Equals(Make()).ShouldBeTrue();
        c.Equals((object)Make()).ShouldBeTrue();
        c.GetHashCode().ShouldBe(Make().GetHashCode());
        c.Equals(null).ShouldBeFalse();
        c.Equals("C1").ShouldBeFalse();
        var variants = new[]
        {
            Make(id: "C2"), Make(first: Answer.No), Make(sentence: null), Make(sentence: SentenceType.CommunityOrder),
            Make(start: new DateTime(2024, 7, 2)), Make(suspended: new DateTime(2024, 8, 1)), Make(exemption: Exemption.Mappa), Make(team: "South"),
            InspectedCase.Create(Default, "C1", new[] { A("P2.1.1", Answer.Yes), A("P2.4.3", Answer.No), A("P2.2.1", Answer.NotApplicable) }, SentenceType.Licence, new DateTime(2024, 7, 1), null, null, new[] { T("team", "North") }),
            InspectedCase.Create(Default.WithResetThreshold(70), "C1", new[] { A("P2.1.1", Answer.Yes), A("P2.4.3", Answer.No) }, SentenceType.Licence, new DateTime(2024, 7, 1), null, null, new[] { T("team", "North") }),
        };
        foreach (var variant in variants)
        {
            c.Equals(variant).ShouldBeFalse(variant.ToString());
            variant.Equals(c).ShouldBeFalse(variant.ToString());
        }
    }
}
