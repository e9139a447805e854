namespace Probation.Standards.Reset;

/// <summary>The kind of sentence an inspected case is supervised under.</summary>
public enum SentenceType
{
    /// <summary>A community order.</summary>
    CommunityOrder = 0,

    /// <summary>A suspended sentence order.</summary>
    SuspendedSentenceOrder = 1,

    /// <summary>A licence after release from custody.</summary>
    Licence = 2,

    /// <summary>Post-sentence supervision.</summary>
    PostSentenceSupervision = 3,
}

/// <summary>Why a case is exempt from Probation Reset (R9).</summary>
public enum Exemption
{
    /// <summary>Managed under MAPPA (any category or level).</summary>
    Mappa = 0,

    /// <summary>Managed by the National Security Division.</summary>
    NationalSecurityDivision = 1,

    /// <summary>Assessed as very high risk of serious harm.</summary>
    VeryHighRiskOfSeriousHarm = 2,

    /// <summary>Subject to active child protection procedures.</summary>
    ChildProtection = 3,

    /// <summary>Under an Intensive Supervision Court.</summary>
    IntensiveSupervisionCourt = 4,
}

/// <summary>Which standards an inspected case is judged against under Probation Reset (R9).</summary>
public enum CaseClass
{
    /// <summary>Not suspended: core standards.</summary>
    Core = 0,

    /// <summary>Exempt from Reset: core standards, never counted as Reset, even with a suspension date.</summary>
    Exempt = 1,

    /// <summary>Suspended more than the framework's threshold (8 weeks) after the start: core standards, judged proportionately.</summary>
    SuspendedAfterThreshold = 2,

    /// <summary>Suspended within the threshold (8 weeks or less) after the start: the adjusted set of standards.</summary>
    Adjusted = 3,
}

/// <summary>Checks that an enum value is one the library defines, at every door (no <c>(Answer)7</c>).</summary>
internal static class Defined
{
    public static bool Is(SentenceType value) => value is >= SentenceType.CommunityOrder and <= SentenceType.PostSentenceSupervision;

    public static bool Is(Exemption value) => value is >= Exemption.Mappa and <= Exemption.IntensiveSupervisionCourt;

    public static bool Is(CaseClass value) => value is >= CaseClass.Core and <= CaseClass.Adjusted;

    public static bool Is(Answer value) => value <= Answer.Yes;

    public static bool Is(Rating value) => value is >= Rating.NotRated and <= Rating.Outstanding;
}
