using System.IO;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions;

/// <summary>
/// Reads and rates findings documents with the configured <see cref="ProbationStandardsOptions"/>: the frameworks
/// of <see cref="Catalog"/> (embedded and extra files, with the configured Reset threshold) and the configured
/// banding basis. Registered as a singleton by <c>AddProbationStandards</c>; thread-safe.
/// </summary>
public interface IProbationRater
{
    /// <summary>The frameworks documents are read against: the embedded ones and those of <see cref="ProbationStandardsOptions.FrameworkFiles"/>.</summary>
    FrameworkCatalog Catalog { get; }

    /// <summary>The framework named by <see cref="ProbationStandardsOptions.DefaultFrameworkId"/>, from <see cref="Catalog"/>.</summary>
    Framework DefaultFramework { get; }

    /// <summary>The rating options every rating uses, from <see cref="ProbationStandardsOptions.BandingBasis"/>.</summary>
    RatingOptions RatingOptions { get; }

    /// <summary>Reads and validates a findings document against <see cref="Catalog"/>.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <param name="name">The file or stream name, used in error messages.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    FindingsDocument Read(Stream utf8Json, string name);

    /// <summary>Reads a findings document against <see cref="Catalog"/> and rates it with <see cref="RatingOptions"/>.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <param name="name">The file or stream name, used in error messages.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    RatingResult Rate(Stream utf8Json, string name);

    /// <summary>
    /// Rates a validated findings document with <see cref="RatingOptions"/>. A document read elsewhere (e.g. with
    /// <see cref="FindingsReader"/>) is rated with the configured Reset threshold all the same.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <returns>The rating.</returns>
    RatingResult Rate(FindingsDocument document);

    /// <summary>
    /// Rates tallied input (e.g. from the bulk path or merged shards) with <see cref="RatingOptions"/>. Cases were
    /// classified under Probation Reset when the tallies were built: build them against <see cref="DefaultFramework"/>
    /// or a framework of <see cref="Catalog"/> for the configured threshold to apply.
    /// </summary>
    /// <param name="input">The input.</param>
    /// <returns>The rating.</returns>
    RatingResult Rate(RatingInput input);
}
