using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Groups;

/// <summary>One group's tallies (R12): its key, the tallies of its cases and the warnings they raised.</summary>
public sealed class TallyGroup : IEquatable<TallyGroup>
{
    /// <summary>Creates a group.</summary>
    /// <param name="key">The group's tag values.</param>
    /// <param name="tallies">The tallies of its cases.</param>
    /// <param name="warnings">The warnings its cases raised (R9), if any.</param>
    public TallyGroup(GroupKey key, TallySet tallies, IEnumerable<RatingWarning>? warnings = null)
    {
        this.Key = key ?? throw new ArgumentNullException(nameof(key));
        this.Tallies = tallies ?? throw new ArgumentNullException(nameof(tallies));
        this.Warnings = ImmutableArray.CreateRange(warnings ?? Array.Empty<RatingWarning>());
    }

    /// <summary>The group's tag values.</summary>
    public GroupKey Key { get; }

    /// <summary>The tallies of the group's cases.</summary>
    public TallySet Tallies { get; }

    /// <summary>The warnings the group's cases raised.</summary>
    public EquatableArray<RatingWarning> Warnings { get; }

    /// <inheritdoc />
    public bool Equals(TallyGroup? other) =>
        other is not null && this.Key.Equals(other.Key) && this.Tallies.Equals(other.Tallies) && this.Warnings == other.Warnings;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as TallyGroup);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Key, this.Tallies);

    /// <inheritdoc />
    public override string ToString() => this.Key.ToString();
}

/// <summary>
/// The tallies of every group of a grouping (R12), in key order, and their sum: tallies add, so
/// <see cref="All"/> is the tally set of every case, and groups roll up into coarser ones (a region from
/// its PDUs) by <see cref="RollUp"/>. Made by <see cref="GroupedTallyBuilder"/>.
/// </summary>
public sealed class GroupedTallies : IEquatable<GroupedTallies>
{
    internal GroupedTallies(Framework framework, ImmutableArray<string> tagNames, List<TallyGroup> groups)
    {
        groups.Sort((left, right) => left.Key.CompareTo(right.Key));
        this.Framework = framework;
        this.TagNames = tagNames;
        this.Groups = ImmutableArray.CreateRange(groups);
        var all = TallySet.Empty(framework);
        foreach (var group in groups)
        {
            all = all.Merge(group.Tallies);
        }

        this.All = all;
    }

    /// <summary>The framework.</summary>
    public Framework Framework { get; }

    /// <summary>The tags grouped by.</summary>
    public EquatableArray<string> TagNames { get; }

    /// <summary>The groups, ordered by key (ordinal, cases without a tag last).</summary>
    public EquatableArray<TallyGroup> Groups { get; }

    /// <summary>The tallies of every case: the merge of the groups.</summary>
    public TallySet All { get; }

    /// <summary>Groups tallies made elsewhere (shards, a database's <c>GROUP BY</c>); groups with equal keys merge.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="tagNames">The tags grouped by.</param>
    /// <param name="groups">The groups; each key has one value per tag name.</param>
    /// <returns>The grouped tallies.</returns>
    /// <exception cref="ArgumentException">A group of another framework or with other tag names.</exception>
    public static GroupedTallies From(Framework framework, IEnumerable<string> tagNames, IEnumerable<TallyGroup> groups)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var names = GroupKey.CheckNames(tagNames);
        var byKey = new Dictionary<GroupKey, TallyGroup>();
        foreach (var group in groups ?? throw new ArgumentNullException(nameof(groups)))
        {
            if (group is null || !group.Tallies.Framework.Equals(framework) || group.Key.Names != (EquatableArray<string>)names)
            {
                throw new ArgumentException($"a group of another framework or not keyed by {string.Join(", ", names)}", nameof(groups));
            }

            byKey[group.Key] = byKey.TryGetValue(group.Key, out var seen)
                ? new TallyGroup(group.Key, seen.Tallies.Merge(group.Tallies), seen.Warnings.Concat(group.Warnings))
                : group;
        }

        return new GroupedTallies(framework, names, byKey.Values.ToList());
    }

    /// <summary>The group with a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="group">The group, when there is one.</param>
    /// <returns>Whether any case has that key.</returns>
    public bool TryGetGroup(GroupKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TallyGroup? group)
    {
        foreach (var candidate in this.Groups)
        {
            if (candidate.Key.Equals(key))
            {
                group = candidate;
                return true;
            }
        }

        group = null;
        return false;
    }

    /// <summary>Merges two groupings of the same framework and tags (e.g. two shards): groups with equal keys add.</summary>
    /// <param name="other">The other grouping.</param>
    /// <returns>The grouping of both.</returns>
    /// <exception cref="ArgumentException">Another framework or other tags.</exception>
    public GroupedTallies Merge(GroupedTallies other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (this.TagNames != other.TagNames)
        {
            throw new ArgumentException($"cannot merge groups by {string.Join(", ", other.TagNames)} into groups by {string.Join(", ", this.TagNames)}", nameof(other));
        }

        return From(this.Framework, this.TagNames, this.Groups.Concat(other.Groups));
    }

    /// <summary>
    /// Rolls the groups up into coarser ones: the groups that agree on <paramref name="tagNames"/> (a subset of
    /// <see cref="TagNames"/>) merge, e.g. groups by region and PDU roll up to regions, each pooling its PDUs' cases (R12).
    /// </summary>
    /// <param name="tagNames">The tags to keep, each one of <see cref="TagNames"/>.</param>
    /// <returns>The coarser grouping.</returns>
    /// <exception cref="ArgumentException">A tag that is not grouped by.</exception>
    public GroupedTallies RollUp(IEnumerable<string> tagNames)
    {
        var names = GroupKey.CheckNames(tagNames);
        var positions = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            positions[i] = this.TagNames.AsImmutableArray().IndexOf(names[i]);
            if (positions[i] < 0)
            {
                throw new ArgumentException($"'{names[i]}' is not one of the tags grouped by ({string.Join(", ", this.TagNames)})", nameof(tagNames));
            }
        }

        var coarse = this.Groups.Select(group => new TallyGroup(
            new GroupKey(names, ImmutableArray.CreateRange(positions.Select(p => group.Key.Values[p]))),
            group.Tallies,
            group.Warnings));
        return From(this.Framework, names, coarse);
    }

    /// <inheritdoc />
    public bool Equals(GroupedTallies? other) =>
        other is not null && this.Framework.Equals(other.Framework) && this.TagNames == other.TagNames && this.Groups == other.Groups;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as GroupedTallies);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.TagNames, this.Groups.Count);
}
