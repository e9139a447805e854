using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// The scoring values' contract: equality that tells apart two values differing in one part only (the first part
/// each compares, and null), their text, and every refusal of <see cref="RatingInput.Create"/> and the value
/// constructors by argument name and words.
/// </summary>
public class ScoringValueTests
{
    private static Framework Default => FrameworkCatalog.DefaultFramework;

    private static IEnumerable<KeyValuePair<string, KeyQuestionTally>> Tallies(long yes = 10, long relevant = 10, params string[] except) =>
        Default.KeyQuestions.Where(q => !except.Contains(q.Id)).Select(q => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(yes, relevant)));

    private static IEnumerable<JudgementRating> Judgements(Rating rating = Rating.Good) =>
        Default.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, rating));

    private static RatingInput Input(string unit = "Wessex North", IEnumerable<PublishedPercentage>? published = null, IEnumerable<RatingOverride>? overrides = null, IEnumerable<RatingWarning>? warnings = null, IEnumerable<JudgementRating>? judgements = null, string[]? absent = null) =>
        RatingInput.Create(unit, TallySet.From(Default, Tallies(except: absent ?? Array.Empty<string>()), absent: absent), judgements ?? Judgements(), published, overrides, warnings);

    private static void NotEqual<T>(T value, T other)
        where T : class, IEquatable<T>
    {
        value.Equals(other).ShouldBeFalse();
        value.Equals((object)other).ShouldBeFalse();
        value.Equals((T?)null).ShouldBeFalse();
        value.Equals((object?)null).ShouldBeFalse();
    }

    [Test]
    public void Values_differing_in_their_first_part_only_are_not_equal()
    {
        NotEqual(new JudgementRating("P1.1", Rating.Good), new JudgementRating("P1.2", Rating.Good));
        NotEqual(new RatingOverride("P2.1", Rating.Good, "seen"), new RatingOverride("P2.2", Rating.Good, "seen"));
        NotEqual(PublishedPercentage.Create("P2.1.1", 50m), PublishedPercentage.Create("P2.1.2", 50m));
        NotEqual(new RatingWarning(WarningCode.KeyQuestionSkipped, "m"), new RatingWarning(WarningCode.StandardNotRated, "m"));
        NotEqual(new KeyQuestionResult("P2.1.1", new KeyQuestionTally(1, 2), null, Rating.RequiresImprovement), new KeyQuestionResult("P2.1.2", new KeyQuestionTally(1, 2), null, Rating.RequiresImprovement));
        NotEqual(Input("A"), Input("B"));
        NotEqual(new RatingOptions(BandingBasis.ExactRatio), new RatingOptions(BandingBasis.RoundedPercentage));
        new RatingOptions(BandingBasis.RoundedPercentage).Equals(new RatingOptions(BandingBasis.RoundedPercentage)).ShouldBeTrue();

        var result = Rater.Rate(Input());
        var renamed = new RatingResult("Other", result.Framework, result.Basis, result.Standards, result.Score, result.MaxScore, result.Overall, result.Cases, result.Warnings);
        NotEqual(result, renamed);
        new RatingResult(result.Unit, result.Framework, result.Basis, result.Standards, result.Score, result.MaxScore, result.Overall, result.Cases, result.Warnings).Equals(result).ShouldBeTrue();
    }

    [Test]
    public void Standard_results_differing_only_in_the_standards_name_are_not_equal()
    {
        var json = FrameworkJson.DefaultCopy();
        json["standards"]!.AsArray().Single(s => (string?)s!["id"] == "P2.1")!["name"] = "Assessment, renamed";
        var renamedFramework = FrameworkJson.Read(json);
        var result = Rater.Rate(Input()).GetStandard("P2.1");
        StandardResult Of(StandardDefinition definition) =>
            new(definition, result.Rating, result.ComputedRating, result.Points, result.DrivenBy, result.KeyQuestions, result.Override);

        Of(Default.GetStandard("P2.1")).Equals(result).ShouldBeTrue();
        NotEqual(result, Of(renamedFramework.GetStandard("P2.1")));
    }

    [Test]
    public void Tally_sets_differing_only_in_which_key_questions_are_given_are_not_equal()
    {
        // P2.1.1 given as 0 of 0 against P2.1.1 absent: the same counts, one given and one not.
        var given = TallySet.From(Default, Tallies(except: "P2.1.1").Append(new("P2.1.1", KeyQuestionTally.Zero)));
        var absent = TallySet.From(Default, Tallies(except: "P2.1.1"), absent: new[] { "P2.1.1" });
        given.KeyQuestions.ShouldBe(absent.KeyQuestions);
        NotEqual(given, absent);
    }

    [Test]
    public void Tallies_differing_in_one_count_are_not_equal()
    {
        new KeyQuestionTally(1, 2).Equals(new KeyQuestionTally(1, 3)).ShouldBeFalse();
        new KeyQuestionTally(1, 2).Equals(new KeyQuestionTally(2, 2)).ShouldBeFalse();
        (new KeyQuestionTally(1, 2) != new KeyQuestionTally(1, 3)).ShouldBeTrue();
        (new KeyQuestionTally(1, 2) != new KeyQuestionTally(1, 2)).ShouldBeFalse();
    }

    [Test]
    public void Values_print_their_parts()
    {
        new JudgementRating("P1.1", Rating.Good).ToString().ShouldBe("P1.1: Good");
        var result = Rater.Rate(Input(judgements: Judgements(Rating.RequiresImprovement)));
        result.ToString().ShouldBe("Wessex North: 15/21 Good");
        result.GetStandard("P2.1").ToString().ShouldBe($"P2.1 {Default.GetStandard("P2.1").Name}: Outstanding");
        result.GetStandard("P2.1").KeyQuestions[0].ToString().ShouldBe("P2.1.1: 10/10 Outstanding");
    }

    [Test]
    public void A_missing_standard_is_named_and_not_found()
    {
        var result = Rater.Rate(Input());
        result.TryGetStandard("P9", out var none).ShouldBeFalse();
        none.ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => result.GetStandard("P9")).Message.ShouldBe("probation-pdu-2023 has no standard 'P9'");
    }

    [Test]
    public void Unverified_values_name_the_Reset_threshold_only_when_cases_were_classified()
    {
        const string threshold = "the Reset adjusted-set threshold of 56 days (R9)";
        Rater.Rate(Input()).Unverified.ShouldNotContain(threshold);
        var counted = new TallyBuilder(Default);
        counted.Add(InspectedCase.Create(Default, "C1", Default.KeyQuestions.Select(q => new KeyValuePair<string, Answer>(q.Id, Answer.Yes))));
        var input = RatingInput.Create("Wessex North", counted.ToTallySet(), Judgements());
        Rater.Rate(input).Unverified.ShouldContain(threshold);
        var none = RatingInput.Create("Wessex North", new TallyBuilder(Default).ToTallySet(), Judgements());
        none.Tallies.Cases!.Value.Inspected.ShouldBe(0);
        Rater.Rate(none).Unverified.ShouldNotContain(threshold);
    }

    [Test]
    public void Value_constructors_refuse_by_name_and_reason()
    {
        var judgement = Should.Throw<ArgumentOutOfRangeException>(() => new JudgementRating("P1.1", (Rating)99));
        judgement.ParamName.ShouldBe("rating");
        judgement.Message.ShouldStartWith("not a rating");

        var overrideRating = Should.Throw<ArgumentOutOfRangeException>(() => new RatingOverride("P2.1", Rating.NotRated, "seen"));
        overrideRating.ParamName.ShouldBe("rating");
        overrideRating.Message.ShouldStartWith("an override is one of Outstanding, Good, RequiresImprovement, Inadequate (R7)");
        var reason = Should.Throw<ArgumentException>(() => new RatingOverride("P2.1", Rating.Good, " "));
        reason.ParamName.ShouldBe("reason");
        reason.Message.ShouldStartWith("the override of P2.1 needs a reason (R7)");

        Should.Throw<ArgumentNullException>(() => PublishedPercentage.Create(null!, 50m)).ParamName.ShouldBe("keyQuestionId");
        foreach (var percent in new[] { -0.01m, 100.01m })
        {
            var ex = Should.Throw<ArgumentOutOfRangeException>(() => PublishedPercentage.Create("P2.1.1", percent));
            ex.ParamName.ShouldBe("percent");
            ex.Message.ShouldStartWith("a published percentage is from 0 to 100");
        }

        PublishedPercentage.Create("P2.1.1", 0m).Percent.ShouldBe(0m);
        PublishedPercentage.Create("P2.1.1", 100m).Percent.ShouldBe(100m);

        var tally = Should.Throw<ArgumentOutOfRangeException>(() => new KeyQuestionTally(3, 2));
        tally.ParamName.ShouldBe("yes");
        tally.Message.ShouldStartWith("a tally needs 0 <= yes <= relevant (yes 3, relevant 2)");
        var answer = Should.Throw<ArgumentOutOfRangeException>(() => KeyQuestionTally.Of((Answer)9));
        answer.ParamName.ShouldBe("answer");
        answer.Message.ShouldStartWith("not Yes, No or NotApplicable");

        var basis = Should.Throw<ArgumentOutOfRangeException>(() => new RatingOptions((BandingBasis)5));
        basis.ParamName.ShouldBe("basis");
        basis.Message.ShouldStartWith("not a banding basis");
    }

    [Test]
    public void A_rating_input_refuses_each_rule_by_name_and_words()
    {
        void Refused(Action create, string parameter, string message)
        {
            var ex = Should.Throw<ArgumentException>(create);
            ex.ParamName.ShouldBe(parameter);
            ex.Message.ShouldStartWith(message);
        }

        Refused(() => Input(" "), "unit", "a rating input needs the unit's name");
        Refused(() => Input(judgements: Judgements().Append(new JudgementRating("P9.9", Rating.Good))), "judgements", "'P9.9' is not a judgement-rated standard of probation-pdu-2023");
        Refused(() => Input(judgements: Judgements().Append(new JudgementRating("P2.1", Rating.Good))), "judgements", "'P2.1' is not a judgement-rated standard of probation-pdu-2023");
        Refused(() => Input(judgements: Judgements().Append(new JudgementRating("P1.1", Rating.Good))), "judgements", "P1.1 is judged twice");
        Refused(() => Input(published: new[] { PublishedPercentage.Create("P9.9.9", 50m) }, absent: new[] { "P2.1.1" }), "published", "unknown key question 'P9.9.9' in probation-pdu-2023");
        Refused(() => Input(published: new[] { PublishedPercentage.Create("P2.1.1", 50m) }), "published", "P2.1.1 is given more than once; each key question comes from one place");
        Refused(() => Input(published: new[] { PublishedPercentage.Create("P2.1.1", 50m), PublishedPercentage.Create("P2.1.1", 60m) }, absent: new[] { "P2.1.1" }), "published", "P2.1.1 is given more than once; each key question comes from one place");
        Refused(() => Input(overrides: new[] { new RatingOverride("P1.1", Rating.Good, "seen") }), "overrides", "'P1.1' is not a case standard of probation-pdu-2023; only case standards can be overridden (R7)");
        Refused(() => Input(overrides: new[] { new RatingOverride("P2.1", Rating.Good, "seen"), new RatingOverride("P2.1", Rating.Inadequate, "again") }), "overrides", "P2.1 is overridden twice");
        Refused(() => Input(warnings: new RatingWarning[] { null! }), "warnings", "a warning is null");
    }

    [Test]
    public void A_rating_input_keeps_the_producers_warnings_and_a_published_key_question_beside_an_override()
    {
        var warning = new RatingWarning(WarningCode.KeyQuestionSkipped, "from the producer");
        var input = Input(
            published: new[] { PublishedPercentage.Create("P2.1.1", 50m) },
            overrides: new[] { new RatingOverride("P2.1", Rating.Good, "seen") },
            warnings: new[] { warning },
            absent: new[] { "P2.1.1" });
        input.Warnings.ShouldBe(new[] { warning });
        input.Published.Single().KeyQuestionId.ShouldBe("P2.1.1");
        input.Overrides.Single().StandardId.ShouldBe("P2.1");
        Rater.Rate(input).Warnings[0].ShouldBe(warning);
    }
}
