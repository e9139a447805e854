namespace Probation.Standards.Cases;

/// <summary>Where a case's id comes from when a warning must name it: made only then, so a reader need not make it per case.</summary>
internal interface ICaseId
{
    /// <summary>The case id.</summary>
    string CaseId { get; }
}

/// <summary>A case id already in hand as text (the Parquet reader's), for code that asks for it through <see cref="ICaseId"/>.</summary>
internal readonly struct CaseIdText : ICaseId
{
    public CaseIdText(string caseId) => this.CaseId = caseId;

    /// <summary>The case id.</summary>
    public string CaseId { get; }
}
