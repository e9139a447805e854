using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Explanation;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;

namespace Probation.Standards.Extensions;

/// <summary>
/// The library as a service, configured from <see cref="ProbationStandardsOptions"/>: read, rate, explain and
/// verify findings with the configured frameworks and banding basis. Registered as a singleton by
/// <c>AddProbationStandards</c>; thread-safe.
/// </summary>
public interface IProbationRater
{
    /// <summary>The frameworks documents may name: the embedded ones and the configured files, with the configured Reset threshold.</summary>
    FrameworkCatalog Catalog { get; }

    /// <summary>The configured default framework, for inputs built from tallies.</summary>
    Framework DefaultFramework { get; }

    /// <summary>The configured rating options.</summary>
    RatingOptions RatingOptions { get; }

    /// <summary>Reads and validates a findings document against <see cref="Catalog"/>.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="name">Its name, for problems.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule.</exception>
    FindingsDocument Read(Stream utf8Json, string name);

    /// <summary>Reads and validates a findings document asynchronously, e.g. an ASP.NET Core request body.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="name">Its name, for problems.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule.</exception>
    Task<FindingsDocument> ReadAsync(Stream utf8Json, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads and rates a findings document.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="name">Its name, for problems.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule.</exception>
    RatingResult Rate(Stream utf8Json, string name);

    /// <summary>Reads and rates a findings document asynchronously.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="name">Its name, for problems.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule.</exception>
    Task<RatingResult> RateAsync(Stream utf8Json, string name, CancellationToken cancellationToken = default);

    /// <summary>Rates a document already read (its tallies were made with the catalog it was read against).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The rating.</returns>
    RatingResult Rate(FindingsDocument document);

    /// <summary>Rates tallies from any producer.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The rating.</returns>
    RatingResult Rate(RatingInput input);

    /// <summary>Explains a rating (R4, R5, R8).</summary>
    /// <param name="result">The rating.</param>
    /// <returns>The explanation.</returns>
    RatingExplanation Explain(RatingResult result);

    /// <summary>Rates a document and checks it against its <c>expected</c> block.</summary>
    /// <param name="document">The document.</param>
    /// <returns>What differs; a document without an expected block, or one that checks nothing, fails.</returns>
    VerificationResult Verify(FindingsDocument document);
}
