namespace Probation.Standards.Cases;

/// <summary>Where a case's id comes from when a warning must name it: made only then, so a reader need not make it per case.</summary>
internal interface ICaseId
{
    /// <summary>The case id.</summary>
    string CaseId { get; }
}
