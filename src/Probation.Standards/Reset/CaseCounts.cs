using System;

namespace Probation.Standards.Reset;

/// <summary>
/// How many cases were inspected, by Reset class and by sentence (R9). Counts add like tallies, and
/// only counts that can be true are accepted: the classes sum to the cases inspected, and so do the
/// sentences, where given.
/// </summary>
public readonly struct CaseCounts : IEquatable<CaseCounts>
{
    /// <summary>Creates case counts; every count must be 0 or more and the totals must agree.</summary>
    /// <param name="inspected">Cases inspected.</param>
    /// <param name="core">Cases on core standards: not suspended and not exempt.</param>
    /// <param name="exempt">Cases exempt from Reset.</param>
    /// <param name="suspendedAfterThreshold">Cases suspended after the threshold: core standards, proportionately.</param>
    /// <param name="adjusted">Cases with the adjusted set of standards.</param>
    /// <param name="suspendedButExempt">Exempt cases that carry a suspension date (at most <paramref name="exempt"/>).</param>
    /// <param name="communityOrders">Community orders.</param>
    /// <param name="suspendedSentenceOrders">Suspended sentence orders.</param>
    /// <param name="licences">Licences.</param>
    /// <param name="postSentenceSupervision">Post-sentence supervision cases.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the classes do not sum to <paramref name="inspected"/>, the sentences sum to more, or more exempt cases are suspended than are exempt.</exception>
    public CaseCounts(
        long inspected,
        long core,
        long exempt,
        long suspendedAfterThreshold,
        long adjusted,
        long suspendedButExempt = 0,
        long communityOrders = 0,
        long suspendedSentenceOrders = 0,
        long licences = 0,
        long postSentenceSupervision = 0)
    {
        if ((inspected | core | exempt | suspendedAfterThreshold | adjusted | suspendedButExempt | communityOrders | suspendedSentenceOrders | licences | postSentenceSupervision) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inspected), "case counts cannot be negative");
        }

        var classes = checked(core + exempt + suspendedAfterThreshold + adjusted);
        if (classes != inspected)
        {
            throw new ArgumentOutOfRangeException(nameof(inspected), $"the Reset classes sum to {classes} cases, not the {inspected} inspected");
        }

        var sentences = checked(communityOrders + suspendedSentenceOrders + licences + postSentenceSupervision);
        if (sentences > inspected)
        {
            throw new ArgumentOutOfRangeException(nameof(inspected), $"the sentences sum to {sentences} cases, more than the {inspected} inspected");
        }

        if (suspendedButExempt > exempt)
        {
            throw new ArgumentOutOfRangeException(nameof(suspendedButExempt), $"{suspendedButExempt} exempt cases are suspended, but only {exempt} are exempt");
        }

        this.Inspected = inspected;
        this.Core = core;
        this.Exempt = exempt;
        this.SuspendedAfterThreshold = suspendedAfterThreshold;
        this.Adjusted = adjusted;
        this.SuspendedButExempt = suspendedButExempt;
        this.CommunityOrders = communityOrders;
        this.SuspendedSentenceOrders = suspendedSentenceOrders;
        this.Licences = licences;
        this.PostSentenceSupervision = postSentenceSupervision;
    }

    /// <summary>The counts from a producer's running totals, indexed by <see cref="CaseClass"/> and <see cref="SentenceType"/>.</summary>
    internal static CaseCounts FromTotals(long inspected, long[] classes, long suspendedButExempt, long[] sentences) => new(
        inspected,
        classes[(int)CaseClass.Core],
        classes[(int)CaseClass.Exempt],
        classes[(int)CaseClass.SuspendedAfterThreshold],
        classes[(int)CaseClass.Adjusted],
        suspendedButExempt,
        sentences[(int)SentenceType.CommunityOrder],
        sentences[(int)SentenceType.SuspendedSentenceOrder],
        sentences[(int)SentenceType.Licence],
        sentences[(int)SentenceType.PostSentenceSupervision]);

    /// <summary>No cases: the identity of <c>+</c>.</summary>
    public static CaseCounts Zero => default;

    /// <summary>Cases inspected.</summary>
    public long Inspected { get; }

    /// <summary>Cases on core standards: not suspended and not exempt.</summary>
    public long Core { get; }

    /// <summary>Cases exempt from Reset.</summary>
    public long Exempt { get; }

    /// <summary>Cases suspended after the threshold: core standards, proportionately.</summary>
    public long SuspendedAfterThreshold { get; }

    /// <summary>Cases with the adjusted set of standards.</summary>
    public long Adjusted { get; }

    /// <summary>Exempt cases that carry a suspension date (each also a warning).</summary>
    public long SuspendedButExempt { get; }

    /// <summary>Community orders.</summary>
    public long CommunityOrders { get; }

    /// <summary>Suspended sentence orders.</summary>
    public long SuspendedSentenceOrders { get; }

    /// <summary>Licences.</summary>
    public long Licences { get; }

    /// <summary>Post-sentence supervision cases.</summary>
    public long PostSentenceSupervision { get; }

    /// <summary>Cases subject to Probation Reset: suspended and not exempt (R9).</summary>
    public long Reset => checked(this.SuspendedAfterThreshold + this.Adjusted);

    /// <summary>Adds two sets of counts (checked against overflow).</summary>
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

    /// <summary>Value equality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>Whether every count is equal.</returns>
    public static bool operator ==(CaseCounts left, CaseCounts right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">Counts.</param>
    /// <param name="right">Other counts.</param>
    /// <returns>Whether a count differs.</returns>
    public static bool operator !=(CaseCounts left, CaseCounts right) => !left.Equals(right);

    /// <summary>The counts of one case.</summary>
    /// <param name="class">Its Reset class.</param>
    /// <param name="sentence">Its sentence, if given.</param>
    /// <param name="suspended">Whether it carries a suspension date.</param>
    /// <returns>Counts of one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined class or sentence.</exception>
    public static CaseCounts Of(CaseClass @class, SentenceType? sentence, bool suspended)
    {
        if (!Defined.Is(@class))
        {
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "not a Reset class");
        }

        if (sentence is { } s && !Defined.Is(s))
        {
            throw new ArgumentOutOfRangeException(nameof(sentence), sentence, "not a sentence type");
        }

        return OfUnchecked(@class, sentence, suspended);
    }

    /// <summary>Adds two sets of counts; the named form of <c>+</c>.</summary>
    /// <param name="other">Other counts.</param>
    /// <returns>The counts of both.</returns>
    public CaseCounts Add(CaseCounts other) => this + other;

    /// <inheritdoc />
    public bool Equals(CaseCounts other) =>
        this.Inspected == other.Inspected && this.Core == other.Core && this.Exempt == other.Exempt
        && this.SuspendedAfterThreshold == other.SuspendedAfterThreshold && this.Adjusted == other.Adjusted
        && this.SuspendedButExempt == other.SuspendedButExempt && this.CommunityOrders == other.CommunityOrders
        && this.SuspendedSentenceOrders == other.SuspendedSentenceOrders && this.Licences == other.Licences
        && this.PostSentenceSupervision == other.PostSentenceSupervision;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CaseCounts other && this.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Inspected, this.Core, this.Exempt, this.SuspendedAfterThreshold, this.Adjusted, this.SuspendedButExempt);

    /// <inheritdoc />
    public override string ToString() => $"{this.Inspected} inspected, {this.Reset} subject to Reset, {this.Adjusted} adjusted";

    internal static CaseCounts OfUnchecked(CaseClass @class, SentenceType? sentence, bool suspended) => new(
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
