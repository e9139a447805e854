using System;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>Which standards an inspected case is judged against under Probation Reset (R9).</summary>
public enum CaseClass
{
    /// <summary>Not suspended: core standards.</summary>
    Core = 0,

    /// <summary>Exempt from Reset (MAPPA, National Security Division, very high risk of serious harm, child protection, Intensive Supervision Court): core standards.</summary>
    Exempt = 1,

    /// <summary>Suspended more than the framework's threshold (8 weeks) after the start: core standards, judged proportionately.</summary>
    SuspendedAfterThreshold = 2,

    /// <summary>Suspended within the threshold (8 weeks or less) after the start: the adjusted set of standards.</summary>
    Adjusted = 3,
}

/// <summary>The Reset classification of one case (R9).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Class">Its class.</param>
/// <param name="DaysToSuspension">Days from start to suspension, when suspended.</param>
public sealed record CaseClassification(string CaseId, CaseClass Class, int? DaysToSuspension)
{
    /// <summary>Whether the case counts as subject to Probation Reset (suspended and not exempt).</summary>
    public bool IsReset => this.Class is CaseClass.SuspendedAfterThreshold or CaseClass.Adjusted;
}

/// <summary>Classifies cases under Probation Reset (R9). Classification never touches a tally's arithmetic.</summary>
public static class ResetClassifier
{
    /// <summary>Classifies a case by the framework's Reset rules (R9).</summary>
    /// <param name="inspectedCase">The case; a suspended case must have a start date on or before its suspension.</param>
    /// <param name="rules">The framework's Reset rules.</param>
    /// <returns>The classification.</returns>
    public static CaseClassification Classify(InspectedCase inspectedCase, ResetRules rules)
    {
        if (inspectedCase is null)
        {
            throw new ArgumentNullException(nameof(inspectedCase));
        }

        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var @class = Classify(inspectedCase.Start, inspectedCase.Suspended, inspectedCase.Exemption, rules, out var days);
        return new CaseClassification(inspectedCase.Id, @class, days);
    }

    /// <summary>Classifies a case from its dates and exemption (R9).</summary>
    /// <param name="start">Order start or release date.</param>
    /// <param name="suspended">Suspension date, or <see langword="null"/>.</param>
    /// <param name="exemption">Exemption, or <see langword="null"/>.</param>
    /// <param name="rules">The framework's Reset rules.</param>
    /// <param name="daysToSuspension">Days from start to suspension, when suspended.</param>
    /// <returns>The class.</returns>
    public static CaseClass Classify(DateTime? start, DateTime? suspended, Exemption? exemption, ResetRules rules, out int? daysToSuspension)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        daysToSuspension = null;
        if (suspended is not null)
        {
            if (start is null)
            {
                throw new ArgumentException("a suspended case needs a start date", nameof(start));
            }

            daysToSuspension = (int)(suspended.Value.Date - start.Value.Date).TotalDays;
            if (daysToSuspension < 0)
            {
                throw new ArgumentException("suspended is before start", nameof(suspended));
            }
        }

        // R9: no suspension, or exempt: core standards.
        if (exemption is not null && rules.Exemptions.AsImmutableArray().Contains(exemption.Value))
        {
            return CaseClass.Exempt;
        }

        if (daysToSuspension is null)
        {
            return CaseClass.Core;
        }

        // R9: suspended N days or less after the start -> adjusted set; more -> core, proportionately.
        return daysToSuspension.Value <= rules.AdjustedWithinDays ? CaseClass.Adjusted : CaseClass.SuspendedAfterThreshold;
    }
}

/// <summary>How many cases were inspected, by sentence and by Reset class (R9). Counts add like tallies.</summary>
/// <param name="Inspected">Cases inspected.</param>
/// <param name="Core">Cases on core standards, not suspended and not exempt.</param>
/// <param name="Exempt">Cases exempt from Reset.</param>
/// <param name="SuspendedAfterThreshold">Cases suspended after the threshold: core standards, proportionately.</param>
/// <param name="Adjusted">Cases with the adjusted set of standards.</param>
/// <param name="SuspendedButExempt">Exempt cases that nevertheless carry a suspension date (each also a warning).</param>
/// <param name="CommunityOrders">Community orders.</param>
/// <param name="SuspendedSentenceOrders">Suspended sentence orders.</param>
/// <param name="Licences">Licences.</param>
/// <param name="PostSentenceSupervision">Post-sentence supervision cases.</param>
public readonly record struct CaseCounts(
    long Inspected,
    long Core,
    long Exempt,
    long SuspendedAfterThreshold,
    long Adjusted,
    long SuspendedButExempt,
    long CommunityOrders,
    long SuspendedSentenceOrders,
    long Licences,
    long PostSentenceSupervision)
{
    /// <summary>Cases subject to Probation Reset: suspended and not exempt.</summary>
    public long Reset => checked(this.SuspendedAfterThreshold + this.Adjusted);

    /// <summary>Adds two sets of counts.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>The counts of both.</returns>
    public static CaseCounts operator +(CaseCounts left, CaseCounts right) => checked(new(
        left.Inspected + right.Inspected,
        left.Core + right.Core,
        left.Exempt + right.Exempt,
        left.SuspendedAfterThreshold + right.SuspendedAfterThreshold,
        left.Adjusted + right.Adjusted,
        left.SuspendedButExempt + right.SuspendedButExempt,
        left.CommunityOrders + right.CommunityOrders,
        left.SuspendedSentenceOrders + right.SuspendedSentenceOrders,
        left.Licences + right.Licences,
        left.PostSentenceSupervision + right.PostSentenceSupervision));

    /// <summary>Adds two sets of counts; the named form of the <c>+</c> operator.</summary>
    /// <param name="other">Other counts.</param>
    /// <returns>The counts of both.</returns>
    public CaseCounts Add(CaseCounts other) => this + other;

    /// <summary>The counts of one case.</summary>
    /// <param name="class">Its Reset class.</param>
    /// <param name="sentence">Its sentence, if given.</param>
    /// <param name="suspended">Whether it carries a suspension date.</param>
    /// <returns>Counts of one.</returns>
    public static CaseCounts Of(CaseClass @class, SentenceType? sentence, bool suspended) => new(
        1,
        @class == CaseClass.Core ? 1 : 0,
        @class == CaseClass.Exempt ? 1 : 0,
        @class == CaseClass.SuspendedAfterThreshold ? 1 : 0,
        @class == CaseClass.Adjusted ? 1 : 0,
        @class == CaseClass.Exempt && suspended ? 1 : 0,
        sentence == SentenceType.CommunityOrder ? 1 : 0,
        sentence == SentenceType.SuspendedSentenceOrder ? 1 : 0,
        sentence == SentenceType.Licence ? 1 : 0,
        sentence == SentenceType.PostSentenceSupervision ? 1 : 0);
}
