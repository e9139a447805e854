using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;

namespace Probation.Standards.Extensions;

/// <summary>The registered <see cref="IProbationRater"/>: the library's readers and rater with the configured options.</summary>
internal sealed class ProbationRater : IProbationRater
{
    private readonly FindingsReaderOptions readerOptions;

    public ProbationRater(FrameworkCatalog catalog, IOptions<ProbationStandardsOptions> options)
    {
        var settings = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        this.Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        this.DefaultFramework = catalog.TryGetFramework(settings.DefaultFrameworkId, out var framework)
            ? framework
            : throw new InvalidOperationException($"{ProbationStandardsOptions.SectionName}: DefaultFrameworkId: unknown framework '{settings.DefaultFrameworkId}'");
        this.RatingOptions = new RatingOptions(settings.BandingBasis);
        this.readerOptions = new FindingsReaderOptions { Catalog = catalog };
    }

    public FrameworkCatalog Catalog { get; }

    public Framework DefaultFramework { get; }

    public RatingOptions RatingOptions { get; }

    public FindingsDocument Read(Stream utf8Json, string name) => FindingsReader.Read(utf8Json, name, this.readerOptions);

    public Task<FindingsDocument> ReadAsync(Stream utf8Json, string name, CancellationToken cancellationToken = default) =>
        FindingsReader.ReadAsync(utf8Json, name, this.readerOptions, cancellationToken);

    public RatingResult Rate(Stream utf8Json, string name) => this.Rate(this.Read(utf8Json, name));

    public async Task<RatingResult> RateAsync(Stream utf8Json, string name, CancellationToken cancellationToken = default) =>
        this.Rate(await this.ReadAsync(utf8Json, name, cancellationToken).ConfigureAwait(false));

    public RatingResult Rate(FindingsDocument document) => Rater.Rate((document ?? throw new ArgumentNullException(nameof(document))).Input, this.RatingOptions);

    public RatingResult Rate(RatingInput input) => Rater.Rate(input ?? throw new ArgumentNullException(nameof(input)), this.RatingOptions);

    public RatingExplanation Explain(RatingResult result) => Explainer.Explain(result ?? throw new ArgumentNullException(nameof(result)));

    public VerificationResult Verify(FindingsDocument document) => Verifier.Verify((document ?? throw new ArgumentNullException(nameof(document))).Expected, this.Rate(document));
}
