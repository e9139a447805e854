using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Groups;

/// <summary>
/// Tallies cases per group in one pass (R12): each case goes to the <see cref="TallyBuilder"/> of its values
/// of the grouping tags, and is not kept, so memory grows with the number of groups, not of cases. Not
/// thread-safe: give each thread its own builder and <see cref="GroupedTallies.Merge"/> the results.
/// </summary>
public sealed class GroupedTallyBuilder
{
    private readonly Framework framework;
    private readonly ImmutableArray<string> names;
    private readonly Dictionary<string?[], TallyBuilder> groups = new(ValuesComparer.Instance);
    private readonly string?[] scratch;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="framework">The framework the cases follow.</param>
    /// <param name="tagNames">The tags to group by, in order, each once (compared exactly).</param>
    /// <exception cref="ArgumentException">No tag name, an empty or a repeated one.</exception>
    public GroupedTallyBuilder(Framework framework, IEnumerable<string> tagNames)
    {
        this.framework = framework ?? throw new ArgumentNullException(nameof(framework));
        this.names = GroupKey.CheckNames(tagNames);
        this.scratch = new string?[this.names.Length];
    }

    /// <summary>The tags grouped by.</summary>
    public EquatableArray<string> TagNames => this.names;

    /// <summary>The groups seen so far.</summary>
    public int GroupCount => this.groups.Count;

    /// <summary>Groups a set of cases in one pass.</summary>
    /// <param name="framework">The framework the cases follow.</param>
    /// <param name="tagNames">The tags to group by.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The tallies of every group.</returns>
    public static GroupedTallies Tally(Framework framework, IEnumerable<string> tagNames, IEnumerable<InspectedCase> cases)
    {
        var builder = new GroupedTallyBuilder(framework, tagNames);
        foreach (var inspectedCase in cases ?? throw new ArgumentNullException(nameof(cases)))
        {
            builder.Add(inspectedCase);
        }

        return builder.ToGroupedTallies();
    }

    /// <summary>Adds one case to its group's tallies.</summary>
    /// <param name="inspectedCase">A case of this builder's framework.</param>
    /// <returns>The case's Reset class (R9).</returns>
    /// <exception cref="ArgumentException">The case follows another framework.</exception>
    public CaseClass Add(InspectedCase inspectedCase)
    {
        if (inspectedCase is null)
        {
            throw new ArgumentNullException(nameof(inspectedCase));
        }

        for (var i = 0; i < this.names.Length; i++)
        {
            this.scratch[i] = inspectedCase.TryGetTag(this.names[i], out var value) ? value : null;
        }

        if (!this.groups.TryGetValue(this.scratch, out var builder))
        {
            builder = new TallyBuilder(this.framework);
            this.groups.Add((string?[])this.scratch.Clone(), builder);
        }

        return builder.Add(inspectedCase);
    }

    /// <summary>The tallies of the groups seen so far, in key order (ordinal, cases without a tag last).</summary>
    /// <returns>An immutable set of groups.</returns>
    public GroupedTallies ToGroupedTallies()
    {
        var list = new List<TallyGroup>(this.groups.Count);
        foreach (var pair in this.groups)
        {
            list.Add(new TallyGroup(new GroupKey(this.names, ImmutableArray.Create(pair.Key)), pair.Value.ToTallySet(), pair.Value.Warnings));
        }

        return new GroupedTallies(this.framework, this.names, list);
    }

    /// <summary>Compares arrays of tag values item by item, ordinally.</summary>
    internal sealed class ValuesComparer : IEqualityComparer<string?[]>
    {
        public static readonly ValuesComparer Instance = new();

        public bool Equals(string?[]? x, string?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string?[] obj)
        {
            var hash = 17;
            foreach (var value in obj)
            {
                hash = unchecked((hash * 31) + (value is null ? 0 : StringComparer.Ordinal.GetHashCode(value)));
            }

            return hash;
        }
    }
}
