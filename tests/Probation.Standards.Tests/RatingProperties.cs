using System.Collections.Immutable;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Properties of rating over generated case sets: the rater agrees with docs/rules.md written out naively
/// (Support/Rules.cs), is monotonic in Yes and No answers, independent of case order, tallies split and merge,
/// NotApplicable changes nothing, bands partition 0..100, and band edges are exact.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
public class RatingProperties
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static readonly JudgementRating[] Judgements =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.Good),
    };

    private static RatingResult Rate(IEnumerable<InspectedCase> cases, RatingOptions? options = null) =>
        Rater.Rate(RatingInput.Create("Generated PDU", TallyBuilder.Tally(Framework, cases), Judgements), options);

    /// <summary>A generated int mapped onto 0..n-1 (n &gt; 0).</summary>
    private static int Wrap(int value, int n) => ((value % n) + n) % n;

    private static InspectedCase OnlyAnswer(string id, int keyQuestion, Answer answer)
    {
        var answers = new Answer[Framework.KeyQuestions.Count];
        answers[keyQuestion] = answer;
        return TestCases.Make(id, answers);
    }

    private static IEnumerable<(StandardResult Before, StandardResult After)> CaseStandards(RatingResult before, RatingResult after) =>
        before.Standards.Zip(after.Standards).Where(p => p.First.RatedBy == RatedBy.CaseSample);

    [Property]
    public void The_rater_agrees_with_the_rules_on_the_exact_ratio(CaseSet set) => AgreesWithTheRules(set, rounded: false);

    [Property]
    public void The_rater_agrees_with_the_rules_on_the_rounded_percentage(CaseSet set) => AgreesWithTheRules(set, rounded: true);

    private static void AgreesWithTheRules(CaseSet set, bool rounded)
    {
        var options = new RatingOptions(rounded ? BandingBasis.RoundedPercentage : BandingBasis.ExactRatio);
        var result = Rate(set.Cases, options);
        var tallies = Rules.Tallies(set.Cases);
        var expected = Rules.Rate(tallies, new[] { Rating.Good, Rating.Good, Rating.Good }, rounded);

        result.Standards.Select(s => s.Id).ShouldBe(new[] { "P1.1", "P1.2", "P1.3", "P2.1", "P2.2", "P2.3", "P2.4" });
        result.Standards.Take(3).ShouldAllBe(s => s.Rating == Rating.Good && s.Points == 2);
        foreach (var (id, rating, drivenBy) in expected.CaseStandards)
        {
            var standard = result.GetStandard(id);
            standard.Rating.ShouldBe(rating, id);
            standard.ComputedRating.ShouldBe(rating, id);
            standard.DrivenBy.ShouldBe(drivenBy, id);
            standard.Points.ShouldBe(Rules.Points(rating), id);
        }

        for (var q = 0; q < 12; q++)
        {
            result.Outcome(Docs.KeyQuestionIds[q]).Tally.ShouldBe(new KeyQuestionTally(tallies[q].Yes, tallies[q].Relevant));
        }

        result.Score.ShouldBe(expected.Score);
        result.MaxScore.ShouldBe(expected.MaxScore);
        result.Overall.ShouldBe(expected.Overall);
        result.Cases.ShouldBe(Rules.Counts(set.Cases));

        // R5: a key question without a result is skipped with a warning; a standard with none is NotRated, with one.
        var skipped = Enumerable.Range(0, 12).Where(q => tallies[q].Relevant == 0).Select(q => Docs.KeyQuestionIds[q]).ToArray();
        result.Warnings.Where(w => w.Code == WarningCode.KeyQuestionSkipped).Select(w => w.KeyQuestionId).ShouldBe(skipped, ignoreOrder: true);
        result.Warnings.Where(w => w.Code == WarningCode.StandardNotRated).Select(w => w.StandardId)
            .ShouldBe(expected.CaseStandards.Where(s => s.Rating == Rating.NotRated).Select(s => s.Id), ignoreOrder: true);
        result.Warnings.Any(w => w.Code == WarningCode.OverallNotRated).ShouldBe(expected.Overall == Rating.NotRated);
    }

    [Property]
    public void Adding_a_case_answering_Yes_never_lowers_a_rating(CaseSet set, KeyQuestionIndex k)
    {
        var before = Rate(set.Cases);
        var after = Rate(set.With(OnlyAnswer("EXTRA", k.Value, Answer.Yes)).Cases);
        foreach (var (b, a) in CaseStandards(before, after))
        {
            if (b.Rating != Rating.NotRated)
            {
                ((int)a.Rating).ShouldBeGreaterThanOrEqualTo((int)b.Rating, $"{b.Id} after a Yes to {k}");
            }
        }

        after.GetStandard(Framework.GetKeyQuestion(k.Id).StandardId).Rating.ShouldNotBe(Rating.NotRated);
    }

    [Property]
    public void Changing_any_answer_to_Yes_never_lowers_a_rating_or_the_score(CaseSet set, KeyQuestionIndex k, int pick) =>
        ChangingAnAnswerMovesRatingsOneWay(set, k, pick, Answer.Yes, direction: +1);

    [Property]
    public void Adding_a_case_answering_No_never_raises_a_rating(CaseSet set, KeyQuestionIndex k)
    {
        var before = Rate(set.Cases);
        var after = Rate(set.With(OnlyAnswer("EXTRA", k.Value, Answer.No)).Cases);
        foreach (var (b, a) in CaseStandards(before, after))
        {
            if (b.Rating != Rating.NotRated)
            {
                ((int)a.Rating).ShouldBeLessThanOrEqualTo((int)b.Rating, $"{b.Id} after a No to {k}");
            }
        }

        after.GetStandard(Framework.GetKeyQuestion(k.Id).StandardId).Rating.ShouldNotBe(Rating.NotRated);
    }

    [Property]
    public void Changing_any_answer_to_No_never_raises_a_rating_or_the_score(CaseSet set, KeyQuestionIndex k, int pick) =>
        ChangingAnAnswerMovesRatingsOneWay(set, k, pick, Answer.No, direction: -1);

    // Sets one case's answer to a key question and checks that no rated standard, and (at the same maximum)
    // not the score, moved against the direction: +1 for Yes (never lower), -1 for No (never higher).
    private static void ChangingAnAnswerMovesRatingsOneWay(CaseSet set, KeyQuestionIndex k, int pick, Answer answer, int direction)
    {
        if (set.Cases.IsEmpty)
        {
            return;
        }

        var i = Wrap(pick, set.Cases.Length);
        var changed = set.Cases.SetItem(i, set.Cases[i].WithAnswer(k.Value, answer));
        var before = Rate(set.Cases);
        var after = Rate(changed);
        foreach (var (b, a) in CaseStandards(before, after))
        {
            if (b.Rating != Rating.NotRated)
            {
                (direction * ((int)a.Rating - (int)b.Rating)).ShouldBeGreaterThanOrEqualTo(0, $"{b.Id} after case {i} answers {answer} to {k}");
            }
        }

        if (after.MaxScore == before.MaxScore)
        {
            (direction * (after.Score - before.Score)).ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Property]
    public void Case_order_never_matters(CaseSet set, int seed)
    {
        var shuffled = set.Cases.ToArray();
        new Random(seed).Shuffle(shuffled);

        TallyBuilder.Tally(Framework, shuffled).ShouldBe(TallyBuilder.Tally(Framework, set.Cases));
        var before = Rate(set.Cases);
        var after = Rate(shuffled);
        after.ShouldBe(before);
    }

    [Property]
    public void Splitting_a_case_set_and_merging_the_tallies_equals_the_tallies_of_the_whole(CaseSet set, int at)
    {
        var split = Wrap(at, set.Cases.Length + 1);
        var first = TallyBuilder.Tally(Framework, set.Cases.Take(split));
        var rest = TallyBuilder.Tally(Framework, set.Cases.Skip(split));
        var whole = TallyBuilder.Tally(Framework, set.Cases);
        first.Merge(rest).ShouldBe(whole);
        whole.KeyQuestions.Select(t => (t.Yes, t.Relevant)).ShouldBe(Rules.Tallies(set.Cases));
    }

    [Property]
    public void Merge_is_associative(CaseSet a, CaseSet b, CaseSet c)
    {
        var (ta, tb, tc) = (TallyBuilder.Tally(Framework, a.Cases), TallyBuilder.Tally(Framework, b.Cases), TallyBuilder.Tally(Framework, c.Cases));
        ta.Merge(tb).Merge(tc).ShouldBe(ta.Merge(tb.Merge(tc)));
    }

    [Property]
    public void Merge_is_commutative(CaseSet a, CaseSet b)
    {
        var (ta, tb) = (TallyBuilder.Tally(Framework, a.Cases), TallyBuilder.Tally(Framework, b.Cases));
        ta.Merge(tb).ShouldBe(tb.Merge(ta));
    }

    [Property]
    public void Empty_is_the_identity_of_Merge(CaseSet a)
    {
        var ta = TallyBuilder.Tally(Framework, a.Cases);
        var empty = TallySet.Empty(Framework);
        ta.Merge(empty).ShouldBe(ta);
        empty.Merge(ta).ShouldBe(ta);
        TallyBuilder.Tally(Framework, Array.Empty<InspectedCase>()).ShouldBe(empty);
    }

    [Property]
    public void NotApplicable_answers_never_change_a_tally(CaseSet set, int at)
    {
        var position = Wrap(at, set.Cases.Length + 1);
        var allNotApplicable = TestCases.Make("NA", new Answer[Framework.KeyQuestions.Count]);
        var before = TallyBuilder.Tally(Framework, set.Cases);
        var after = TallyBuilder.Tally(Framework, set.Cases.Insert(position, allNotApplicable));

        after.KeyQuestions.ShouldBe(before.KeyQuestions);
        after.Cases!.Value.Inspected.ShouldBe(before.Cases!.Value.Inspected + 1);
        after.Cases!.Value.Core.ShouldBe(before.Cases!.Value.Core + 1);
    }

    [Property]
    public void Changing_an_answer_to_NotApplicable_only_removes_it_from_its_own_key_question(CaseSet set, KeyQuestionIndex k, int pick)
    {
        if (set.Cases.IsEmpty)
        {
            return;
        }

        var i = Wrap(pick, set.Cases.Length);
        var old = set.Cases[i].Answers[k.Value];
        var before = TallyBuilder.Tally(Framework, set.Cases);
        var after = TallyBuilder.Tally(Framework, set.Cases.SetItem(i, set.Cases[i].WithAnswer(k.Value, Answer.NotApplicable)));

        for (var q = 0; q < Framework.KeyQuestions.Count; q++)
        {
            var expected = q == k.Value
                ? new KeyQuestionTally(before.KeyQuestions[q].Yes - (old == Answer.Yes ? 1 : 0), before.KeyQuestions[q].Relevant - (old == Answer.NotApplicable ? 0 : 1))
                : before.KeyQuestions[q];
            after.KeyQuestions[q].ShouldBe(expected);
        }
    }

    [Property]
    public void Every_ratio_falls_in_exactly_one_band(Ratio r)
    {
        var containing = BandsContaining(r.Yes, r.Relevant);
        containing.Count.ShouldBe(1, $"{r} is in {containing.Count} bands");
        containing[0].Rating.ShouldBe(Rules.Band(r.Yes, r.Relevant));
        Banding.BandOf(Framework, new KeyQuestionTally(r.Yes, r.Relevant), BandingBasis.ExactRatio)!.Rating.ShouldBe(Rules.Band(r.Yes, r.Relevant));
    }

    [Test]
    public void Bands_partition_every_ratio_with_up_to_200_relevant_cases()
    {
        var failures = new List<string>();
        for (long relevant = 1; relevant <= 200; relevant++)
        {
            for (long yes = 0; yes <= relevant; yes++)
            {
                var containing = BandsContaining(yes, relevant);
                var tally = new KeyQuestionTally(yes, relevant);
                if (containing.Count != 1)
                {
                    failures.Add($"{yes}/{relevant} is in {containing.Count} bands");
                }
                else if (Banding.BandOf(Framework, tally, BandingBasis.ExactRatio)!.Rating != Rules.Band(yes, relevant))
                {
                    failures.Add($"{yes}/{relevant}: BandOf disagrees with R4 on the exact ratio");
                }
                else if (Banding.BandOf(Framework, tally, BandingBasis.RoundedPercentage)!.Rating != Rules.RoundedBand(yes, relevant))
                {
                    failures.Add($"{yes}/{relevant}: BandOf disagrees with R4 on the rounded percentage");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Property]
    public void Reaches_on_the_exact_basis_agrees_with_decimal_arithmetic(Ratio r, Percent from)
    {
        // decimal is only the test oracle here: yes * 100 / relevant, with relevant <= 200, is never within
        // decimal rounding of a whole number unless it is one.
        var oracle = r.Yes * 100m / r.Relevant >= from.Value;
        Banding.Reaches(new KeyQuestionTally(r.Yes, r.Relevant), from.Value, BandingBasis.ExactRatio).ShouldBe(oracle, $"{r} against {from}");
    }

    [Property]
    public void Reaches_on_the_rounded_basis_agrees_with_rounding_half_up(Ratio r, Percent from)
    {
        var printed = Math.Round(r.Yes * 100m / r.Relevant, 0, MidpointRounding.AwayFromZero);
        printed.ShouldBe(Rules.RoundedPercent(r.Yes, r.Relevant));
        Banding.Reaches(new KeyQuestionTally(r.Yes, r.Relevant), from.Value, BandingBasis.RoundedPercentage).ShouldBe(printed >= from.Value, $"{r} (prints {printed}%) against {from}");
        Banding.RoundedPercent(new KeyQuestionTally(r.Yes, r.Relevant)).ShouldBe((int)printed);
    }

    [Property]
    public void A_case_standard_is_rated_by_the_band_of_its_lowest_key_question(CaseSet set)
    {
        var result = Rate(set.Cases);
        foreach (var standard in result.Standards.Where(s => s.RatedBy == RatedBy.CaseSample))
        {
            var withResult = standard.KeyQuestions.Where(k => k.HasResult).ToList();
            if (withResult.Count == 0)
            {
                standard.Rating.ShouldBe(Rating.NotRated);
                standard.DrivenBy.ShouldBeNull();
                continue;
            }

            // The band of the lowest result is the lowest band: banding is monotonic in the ratio.
            standard.Rating.ShouldBe(withResult.Min(k => k.Band));
            var driver = withResult.First(k => k.Id == standard.DrivenBy);
            withResult.ShouldAllBe(k => k.Tally.Yes * driver.Tally.Relevant >= driver.Tally.Yes * k.Tally.Relevant);
            withResult.TakeWhile(k => k.Id != standard.DrivenBy).ShouldAllBe(k => k.Tally.Yes * driver.Tally.Relevant > driver.Tally.Yes * k.Tally.Relevant);
        }
    }

    [Test]
    public void The_case_set_generator_reaches_every_rating_and_every_size_class()
    {
        // Guards the properties above: they only mean something if the generated sets rate across all bands.
        var sets = FsCheck.Fluent.Gen.Sample(Arbitraries.CaseSetGen, 300);
        sets.ShouldContain(s => s.Cases.Length == 0);
        sets.ShouldContain(s => s.Cases.Length > 0 && s.Cases.Length <= 10);
        sets.ShouldContain(s => s.Cases.Length >= 150);
        sets.Max(s => s.Cases.Length).ShouldBeLessThanOrEqualTo(Arbitraries.MaxCases);
        var ratings = sets.SelectMany(s => Rate(s.Cases).Standards.Where(r => r.RatedBy == RatedBy.CaseSample)).Select(r => r.Rating).ToHashSet();
        ratings.ShouldBe(Enum.GetValues<Rating>(), ignoreOrder: true);
        var classes = sets.SelectMany(s => s.Cases).Select(c => Rules.ClassOf(c.Start, c.Suspended, c.Exemption)).ToHashSet();
        classes.ShouldBe(Enum.GetValues<CaseClass>(), ignoreOrder: true);
        var overall = sets.Select(s => Rate(s.Cases).Overall).ToHashSet();
        overall.Count.ShouldBeGreaterThanOrEqualTo(4, "overall ratings reached: " + string.Join(", ", overall));
    }

    private static List<RatingBand> BandsContaining(long yes, long relevant)
    {
        var bands = Framework.Bands;
        var top = bands[bands.Count - 1];
        return bands.Where(b =>
            yes * 100 >= b.FromPercent * relevant
            && (yes * 100 < b.ToPercent * relevant || (ReferenceEquals(b, top) && b.ToPercent == 100)))
            .ToList();
    }
}
