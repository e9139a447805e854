using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Probation.Standards.Reset;

/// <summary>A framework's Probation Reset rules (R9), as data.</summary>
public sealed class ResetRules : IEquatable<ResetRules>
{
    private readonly bool[] exempt;

    internal ResetRules(DateTime effectiveFrom, int adjustedWithinDays, EquatableArray<Exemption> exemptions, EquatableArray<string> notApplicableWhenAdjusted, SourceReference source)
    {
        this.EffectiveFrom = effectiveFrom.Date;
        this.AdjustedWithinDays = adjustedWithinDays;
        this.Exemptions = exemptions;
        this.NotApplicableWhenAdjusted = notApplicableWhenAdjusted;
        this.Source = source;
        this.exempt = new bool[(int)Exemption.IntensiveSupervisionCourt + 1];
        foreach (var exemption in exemptions)
        {
            this.exempt[(int)exemption] = true;
        }
    }

    /// <summary>When Probation Reset began (2024-06-07).</summary>
    public DateTime EffectiveFrom { get; }

    /// <summary>Suspended this many days or fewer after the start: the adjusted set (56, eight weeks).</summary>
    public int AdjustedWithinDays { get; }

    /// <summary>The exemptions that keep a case on core standards.</summary>
    public EquatableArray<Exemption> Exemptions { get; }

    /// <summary>Key questions that do not apply to a case with the adjusted set (none by default).</summary>
    public EquatableArray<string> NotApplicableWhenAdjusted { get; }

    /// <summary>Where the rules come from.</summary>
    public SourceReference Source { get; }

    /// <summary>Whether an exemption keeps a case off Reset under these rules.</summary>
    /// <param name="exemption">The exemption.</param>
    /// <returns><see langword="true"/> when it is one of <see cref="Exemptions"/>.</returns>
    public bool IsExempt(Exemption exemption) => unchecked((uint)exemption) < (uint)this.exempt.Length && this.exempt[(int)exemption];

    // A copy with another adjusted-set threshold and the source that says who changed it.
    internal ResetRules WithThreshold(int adjustedWithinDays, SourceReference source) =>
        new(this.EffectiveFrom, adjustedWithinDays, this.Exemptions, this.NotApplicableWhenAdjusted, source);

    /// <inheritdoc />
    public bool Equals(ResetRules? other) =>
        other is not null && this.EffectiveFrom == other.EffectiveFrom && this.AdjustedWithinDays == other.AdjustedWithinDays
        && this.Exemptions == other.Exemptions && this.NotApplicableWhenAdjusted == other.NotApplicableWhenAdjusted && Equals(this.Source, other.Source);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as ResetRules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.EffectiveFrom, this.AdjustedWithinDays, this.Exemptions);
}

/// <summary>The Reset classification of one case (R9).</summary>
public sealed class CaseClassification : IEquatable<CaseClassification>
{
    /// <summary>Creates a classification.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="class">Its class.</param>
    /// <param name="daysToSuspension">Days from start to suspension, when suspended.</param>
    public CaseClassification(string caseId, CaseClass @class, int? daysToSuspension)
    {
        if (!Defined.Is(@class))
        {
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "not a Reset class");
        }

        this.CaseId = caseId ?? throw new ArgumentNullException(nameof(caseId));
        this.Class = @class;
        this.DaysToSuspension = daysToSuspension;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>Its class.</summary>
    public CaseClass Class { get; }

    /// <summary>Days from start to suspension, when suspended.</summary>
    public int? DaysToSuspension { get; }

    /// <summary>Whether the case counts as subject to Probation Reset: suspended and not exempt (R9).</summary>
    public bool IsReset => this.Class is CaseClass.SuspendedAfterThreshold or CaseClass.Adjusted;

    /// <inheritdoc />
    public bool Equals(CaseClassification? other) =>
        other is not null && this.CaseId == other.CaseId && this.Class == other.Class && this.DaysToSuspension == other.DaysToSuspension;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as CaseClassification);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.CaseId, this.Class, this.DaysToSuspension);

    /// <inheritdoc />
    public override string ToString() => $"{this.CaseId}: {this.Class}";
}

/// <summary>Classifies cases under Probation Reset (R9). Classification never touches a tally's arithmetic.</summary>
public static class ResetClassifier
{
    /// <summary>Classifies a case from its dates and exemption (R9).</summary>
    /// <param name="start">Order start or release date; required with a suspension date.</param>
    /// <param name="suspended">Suspension date, or <see langword="null"/>; never before <paramref name="start"/>.</param>
    /// <param name="exemption">Exemption, or <see langword="null"/>.</param>
    /// <param name="rules">The framework's Reset rules.</param>
    /// <param name="daysToSuspension">Days from start to suspension, when suspended.</param>
    /// <returns>The class.</returns>
    /// <exception cref="ArgumentException">A suspension without a start, or before it; an undefined exemption.</exception>
    public static CaseClass Classify(DateTime? start, DateTime? suspended, Exemption? exemption, ResetRules rules, out int? daysToSuspension)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (exemption is { } e && !Defined.Is(e))
        {
            throw new ArgumentOutOfRangeException(nameof(exemption), exemption, "not an exemption");
        }

        daysToSuspension = null;
        if (suspended is not null)
        {
            if (start is null)
            {
                throw new ArgumentException("a suspended case needs a start date (R9)", nameof(start));
            }

            var days = (suspended.Value.Date - start.Value.Date).TotalDays;
            if (days < 0)
            {
                throw new ArgumentException("the suspension date is before the start date (R9)", nameof(suspended));
            }

            daysToSuspension = (int)days;
        }

        return ClassOf(daysToSuspension, exemption, rules);
    }

#if NET6_0_OR_GREATER
    /// <summary>Classifies a case from its dates and exemption (R9).</summary>
    /// <param name="start">Order start or release date; required with a suspension date.</param>
    /// <param name="suspended">Suspension date, or <see langword="null"/>; never before <paramref name="start"/>.</param>
    /// <param name="exemption">Exemption, or <see langword="null"/>.</param>
    /// <param name="rules">The framework's Reset rules.</param>
    /// <param name="daysToSuspension">Days from start to suspension, when suspended.</param>
    /// <returns>The class.</returns>
    public static CaseClass Classify(DateOnly? start, DateOnly? suspended, Exemption? exemption, ResetRules rules, out int? daysToSuspension) =>
        Classify(start?.ToDateTime(TimeOnly.MinValue), suspended?.ToDateTime(TimeOnly.MinValue), exemption, rules, out daysToSuspension);
#endif

    // R9: exempt -> core, never Reset; not suspended -> core; suspended within the threshold -> adjusted; later -> core, proportionately.
    internal static CaseClass ClassOf(int? daysToSuspension, Exemption? exemption, ResetRules rules)
    {
        if (exemption is { } e && rules.IsExempt(e))
        {
            return CaseClass.Exempt;
        }

        if (daysToSuspension is null)
        {
            return CaseClass.Core;
        }

        return daysToSuspension.Value <= rules.AdjustedWithinDays ? CaseClass.Adjusted : CaseClass.SuspendedAfterThreshold;
    }
}
