namespace Probation.Standards.Statistics.Tests;

/// <summary>Results for the tests: the seeds, and results made from tallies.</summary>
internal static class Documents
{
    public static readonly Framework Framework = FrameworkCatalog.DefaultFramework;

    public static readonly string[] CaseStandards = { "P2.1", "P2.2", "P2.3", "P2.4" };

    public static string Seed(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds", name);

    public static RatingResult RateSeed(string name, BandingBasis basis = BandingBasis.ExactRatio) =>
        Rater.Rate(FindingsReader.ReadFile(Seed(name)).Input, new RatingOptions(basis));

    /// <summary>A result from twelve tallies (yes, relevant) in framework order, with the given judgements, on a basis.</summary>
    public static RatingResult FromTallies((long Yes, long Relevant)[] tallies, Rating judgement = Rating.RequiresImprovement, IEnumerable<RatingOverride>? overrides = null, BandingBasis basis = BandingBasis.ExactRatio)
    {
        var rows = Framework.Standards.Where(s => s.RatedBy == RatedBy.CaseSample)
            .SelectMany(s => s.KeyQuestions)
            .Select((q, i) => new KeyValuePair<string, KeyQuestionTally>(q.Id, new KeyQuestionTally(tallies[i].Yes, tallies[i].Relevant)))
            .ToList();
        var judgements = Framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, judgement));
        return Rater.Rate(RatingInput.Create("Test PDU", TallySet.From(Framework, rows), judgements, overrides: overrides), new RatingOptions(basis));
    }
}
