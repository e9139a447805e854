using System.Collections.Generic;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Extensions;

/// <summary>
/// Settings of the Probation.Standards services, bound from the <c>ProbationStandards</c> configuration section
/// (<see cref="SectionName"/>) or set in code, and validated when the host starts: every invalid setting is named
/// in one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>. The defaults are those of rules.md.
/// </summary>
public sealed class ProbationStandardsOptions
{
    /// <summary>The configuration section the settings are read from: <c>ProbationStandards</c>.</summary>
    public const string SectionName = "ProbationStandards";

    /// <summary>
    /// Which number a key question's band is read from (R4): <see cref="BandingBasis.ExactRatio"/> (the default;
    /// 31/48 = 64.58% is Requires improvement) or <see cref="BandingBasis.RoundedPercentage"/> (the whole-number
    /// percentage rounded half up, as printed).
    /// </summary>
    public BandingBasis BandingBasis { get; set; } = BandingBasis.ExactRatio;

    /// <summary>
    /// The id of the framework <see cref="IProbationRater.DefaultFramework"/> names: the one to build rating inputs
    /// from tallies against, when no findings document names a framework. It must be embedded or loaded from
    /// <see cref="FrameworkFiles"/>. Default: <c>probation-pdu-2023</c>. A findings document is still rated against
    /// the framework it names, or the one in force on its fieldwork start date (R1).
    /// </summary>
    public string DefaultFrameworkId { get; set; } = FrameworkCatalog.DefaultFrameworkId;

    /// <summary>
    /// Framework JSON files to load besides the embedded frameworks (R1), in order; a file whose framework has the
    /// id of an embedded one replaces it. Relative paths are resolved against the process's current directory.
    /// Each file must exist, be readable and pass the framework rules, and no two files may define the same id.
    /// </summary>
    public IList<string> FrameworkFiles { get; } = new List<string>();

    /// <summary>
    /// The Probation Reset adjusted-set threshold in days (R9): a case suspended this many days or fewer after its
    /// start has the adjusted set of standards. <see langword="null"/> (the default) keeps each framework's own value,
    /// 56 days (8 weeks) in <c>probation-pdu-2023</c>. When set (0 or more) it applies to every framework, and the
    /// framework's version id shows it (<c>2023.1+reset-42d</c>).
    /// </summary>
    public int? ResetAdjustedWithinDays { get; set; }
}
