using System;
using System.IO;
using Microsoft.Extensions.Options;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions;

/// <summary>The <see cref="IProbationRater"/> registered by <c>AddProbationStandards</c>.</summary>
internal sealed class ProbationRater : IProbationRater
{
    private readonly int? resetAdjustedWithinDays;

    public ProbationRater(FrameworkCatalog catalog, IOptions<ProbationStandardsOptions> options)
    {
        var settings = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        this.Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        this.DefaultFramework = catalog.Find(settings.DefaultFrameworkId)
            ?? throw new InvalidOperationException($"{ProbationStandardsOptions.SectionName}: DefaultFrameworkId: unknown framework '{settings.DefaultFrameworkId}'");
        this.RatingOptions = new RatingOptions(settings.BandingBasis);
        this.resetAdjustedWithinDays = settings.ResetAdjustedWithinDays;
    }

    public FrameworkCatalog Catalog { get; }

    public Framework DefaultFramework { get; }

    public RatingOptions RatingOptions { get; }

    public FindingsDocument Read(Stream utf8Json, string name) => FindingsReader.Read(utf8Json, name, this.Catalog);

    public RatingResult Rate(Stream utf8Json, string name) => Rater.Rate(this.Read(utf8Json, name), this.RatingOptions);

    public RatingResult Rate(FindingsDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        // A document read against another catalog still gets the configured Reset threshold (R9).
        if (this.resetAdjustedWithinDays is { } days && document.Framework.Reset.AdjustedWithinDays != days)
        {
            document = document with { Framework = document.Framework.WithResetThreshold(days) };
        }

        return Rater.Rate(document, this.RatingOptions);
    }

    public RatingResult Rate(RatingInput input) => Rater.Rate(input ?? throw new ArgumentNullException(nameof(input)), this.RatingOptions);
}
