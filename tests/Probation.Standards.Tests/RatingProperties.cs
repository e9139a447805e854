using System.Collections.Immutable;
using FsCheck.NUnit;
using Property = FsCheck.NUnit.PropertyAttribute;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Tests.Support;

namespace Probation.Standards.Tests;

/// <summary>
/// Properties of rating over generated case sets (conventions.md #7): monotonic in Yes and No answers,
/// independent of case order, tallies that split and merge, NotApplicable that changes nothing, bands that
/// partition 0..100, and exact band edges.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
public class RatingProperties
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private static readonly JudgementRating[] Judgements =
    {
        new("P1.1", Rating.Good), new("P1.2", Rating.Good), new("P1.3", Rating.Good),
    };

    private static RatingResult Rate(IEnumerable<InspectedCase> cases) =>
        Rater.Rate(RatingInput.FromTallies("Generated PDU", TallySet.Of(Framework, cases), Judgements));

    /// <summary>A generated int mapped onto 0..n-1 (n &gt; 0).</summary>
    private static int Wrap(int value, int n) => ((value % n) + n) % n;

    private static InspectedCase WithAnswer(InspectedCase c, int keyQuestion, Answer answer) =>
        c with { Answers = c.Answers.AsImmutableArray().SetItem(keyQuestion, answer) };

    private static InspectedCase OnlyAnswer(string id, int keyQuestion, Answer answer)
    {
        var answers = new Answer[Framework.KeyQuestions.Count];
        answers[keyQuestion] = answer;
        return new InspectedCase(id, null, null, null, null, ImmutableArray.Create(answers));
    }

    private static IEnumerable<(StandardResult Before, StandardResult After)> CaseStandards(RatingResult before, RatingResult after) =>
        before.Standards.Zip(after.Standards).Where(p => p.First.RatedBy == RatedBy.CaseSample);

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

        after.StandardOf(Framework.StandardOf(k.Id).Id).Rating.ShouldNotBe(Rating.NotRated);
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
        var changed = set.Cases.SetItem(i, WithAnswer(set.Cases[i], k.Value, answer));
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
        var shuffled = set.Cases.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(shuffled);

        TallySet.Of(Framework, shuffled).ShouldBe(TallySet.Of(Framework, set.Cases));
        var before = Rate(set.Cases);
        var after = Rate(shuffled);
        after.Standards.ShouldBe(before.Standards);
        after.Score.ShouldBe(before.Score);
        after.Overall.ShouldBe(before.Overall);
        after.Cases.ShouldBe(before.Cases);
    }

    [Property]
    public void Splitting_a_case_set_and_merging_the_tallies_equals_the_tallies_of_the_whole(CaseSet set, int at)
    {
        var split = Wrap(at, set.Cases.Length + 1);
        var first = TallySet.Of(Framework, set.Cases.Take(split));
        var rest = TallySet.Of(Framework, set.Cases.Skip(split));
        first.Merge(rest).ShouldBe(TallySet.Of(Framework, set.Cases));
    }

    [Property]
    public void Merge_is_associative(CaseSet a, CaseSet b, CaseSet c)
    {
        var (ta, tb, tc) = (TallySet.Of(Framework, a.Cases), TallySet.Of(Framework, b.Cases), TallySet.Of(Framework, c.Cases));
        ta.Merge(tb).Merge(tc).ShouldBe(ta.Merge(tb.Merge(tc)));
    }

    [Property]
    public void Merge_is_commutative(CaseSet a, CaseSet b)
    {
        var (ta, tb) = (TallySet.Of(Framework, a.Cases), TallySet.Of(Framework, b.Cases));
        ta.Merge(tb).ShouldBe(tb.Merge(ta));
    }

    [Property]
    public void Empty_is_the_identity_of_Merge(CaseSet a)
    {
        var ta = TallySet.Of(Framework, a.Cases);
        var empty = TallySet.Empty(Framework);
        ta.Merge(empty).ShouldBe(ta);
        empty.Merge(ta).ShouldBe(ta);
        TallySet.Of(Framework, Array.Empty<InspectedCase>()).ShouldBe(empty);
    }

    [Property]
    public void NotApplicable_answers_never_change_a_tally(CaseSet set, int at)
    {
        var position = Wrap(at, set.Cases.Length + 1);
        var allNotApplicable = new InspectedCase("NA", null, null, null, null, ImmutableArray.Create(new Answer[Framework.KeyQuestions.Count]));
        var before = TallySet.Of(Framework, set.Cases);
        var after = TallySet.Of(Framework, set.Cases.Insert(position, allNotApplicable));

        after.KeyQuestions.ShouldBe(before.KeyQuestions);
        after.Cases.Inspected.ShouldBe(before.Cases.Inspected + 1);
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
        var before = TallySet.Of(Framework, set.Cases);
        var after = TallySet.Of(Framework, set.Cases.SetItem(i, WithAnswer(set.Cases[i], k.Value, Answer.NotApplicable)));

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
        Banding.BandOf(Framework, new KeyQuestionTally(r.Yes, r.Relevant), BandingBasis.ExactRatio).ShouldBe(containing[0]);
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
                if (containing.Count != 1)
                {
                    failures.Add($"{yes}/{relevant} is in {containing.Count} bands");
                }
                else if (Banding.BandOf(Framework, new KeyQuestionTally(yes, relevant), BandingBasis.ExactRatio) != containing[0])
                {
                    failures.Add($"{yes}/{relevant}: BandOf disagrees with the band table");
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
                continue;
            }

            // The band of the lowest result is the lowest band: banding is monotonic in the ratio.
            standard.Rating.ShouldBe(withResult.Min(k => k.Band));
            var driver = withResult.First(k => k.Id == standard.DrivenBy);
            withResult.ShouldAllBe(k => k.Tally.CompareRatio(driver.Tally) >= 0);
            withResult.TakeWhile(k => k.Id != standard.DrivenBy).ShouldAllBe(k => k.Tally.CompareRatio(driver.Tally) > 0);
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
        var classes = sets.SelectMany(s => s.Cases).Select(c => ResetClassifier.Classify(c, Framework.Reset).Class).ToHashSet();
        classes.ShouldBe(Enum.GetValues<CaseClass>(), ignoreOrder: true);
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
