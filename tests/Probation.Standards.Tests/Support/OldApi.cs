using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Tests;

/// <summary>
/// Short forms the tests were written against before the 1.0 reshaping, each mapped onto the one public way
/// the library now offers (the first problem of a rejection, the reader keeping cases, the waist's factories).
/// </summary>
internal static class TestReader
{
    public static FindingsDocument Read(Stream utf8Json, string file, FrameworkCatalog? catalog = null) =>
        FindingsReader.Read(utf8Json, file, new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default, KeepCases = true });

    public static FindingsDocument Read(byte[] utf8Json, string file, FrameworkCatalog? catalog = null) =>
        FindingsReader.Read(utf8Json, file, new FindingsReaderOptions { Catalog = catalog ?? FrameworkCatalog.Default, KeepCases = true });
}

internal static class TestRater
{
    public static RatingResult Rate(FindingsDocument document, RatingOptions? options = null) => Rater.Rate(document.Input, options);

    public static RatingResult Rate(RatingInput input, RatingOptions? options = null) => Rater.Rate(input, options);
}

internal static class OldApi
{
    extension(InvalidInputException error)
    {
        public string JsonPath => error.Problems[0].Path;

        public string Problem => error.Problems[0].Message;

        public long? Line => error.Problems[0].Line;

        public long? Column => error.Problems[0].Column;
    }

    extension(TallySet)
    {
        public static TallySet Of(Framework framework, IEnumerable<InspectedCase> cases) => TallyBuilder.Tally(framework, cases);
    }

    extension(RatingInput)
    {
        public static RatingInput FromTallies(string unit, TallySet tallies, IEnumerable<JudgementRating> organisational, IEnumerable<RatingOverride>? overrides = null) =>
            RatingInput.Create(unit, tallies, organisational, overrides: overrides);
    }

    public static StandardResult? Standard(this RatingResult result, string id) => result.TryGetStandard(id, out var standard) ? standard : null;

    public static Framework? Find(this FrameworkCatalog catalog, string id) => catalog.TryGetFramework(id, out var framework) ? framework : null;

    public static Framework? InForceOn(this FrameworkCatalog catalog, DateTime date) => catalog.TryGetFrameworkInForce(date, out var framework) ? framework : null;

    public static OverallBandTable? OverallBandsFor(this Framework framework, int maxScore) => framework.TryGetOverallBands(maxScore, out var table) ? table : null;

    public static int PointsFor(this Framework framework, Rating rating) => framework.GetPoints(rating);

    public static EquatableArray<JudgementRating> Organisational(this FindingsDocument document) => document.Input.Judgements;
}
