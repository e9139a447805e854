using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Groups;

/// <summary>One group's rating (R12): its key and the rating of its case standards.</summary>
public sealed class GroupRating : IEquatable<GroupRating>
{
    internal GroupRating(GroupKey key, RatingResult result)
    {
        this.Key = key;
        this.Result = result;
    }

    /// <summary>The group's tag values.</summary>
    public GroupKey Key { get; }

    /// <summary>The group's rating: its case standards rated, its organisational standards and overall NotRated.</summary>
    public RatingResult Result { get; }

    /// <inheritdoc />
    public bool Equals(GroupRating? other) => other is not null && this.Key.Equals(other.Key) && this.Result.Equals(other.Result);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as GroupRating);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Key, this.Result);

    /// <inheritdoc />
    public override string ToString() => $"{this.Key}: {this.Result}";
}

/// <summary>The ratings of every group and of the whole (R12).</summary>
public sealed class GroupedRating : IEquatable<GroupedRating>
{
    internal GroupedRating(ImmutableArray<GroupRating> groups, RatingResult all)
    {
        this.Groups = groups;
        this.All = all;
    }

    /// <summary>The groups in key order (ordinal, cases without a tag last).</summary>
    public EquatableArray<GroupRating> Groups { get; }

    /// <summary>The whole rated as usual, with its judgements and overrides.</summary>
    public RatingResult All { get; }

    /// <inheritdoc />
    public bool Equals(GroupedRating? other) => other is not null && this.Groups == other.Groups && this.All.Equals(other.All);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as GroupedRating);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Groups.Count, this.All);
}

/// <summary>
/// Rates groups of cases (R12): each group's case standards from its own tallies, with its organisational
/// standards and overall NotRated and a warning saying so; the whole is rated as usual.
/// </summary>
public static class GroupRater
{
    /// <summary>Rates every group and the whole.</summary>
    /// <param name="whole">The whole unit's input: its judgements and overrides; its tallies the sum of the groups'.</param>
    /// <param name="groups">The groups' tallies.</param>
    /// <param name="options">Rating options; the defaults when <see langword="null"/>.</param>
    /// <returns>The ratings.</returns>
    /// <exception cref="ArgumentException">
    /// The frameworks differ, or the whole has a key question the groups do not give (a published percentage or
    /// an aggregate count, which cannot be split, R12).
    /// </exception>
    public static GroupedRating Rate(RatingInput whole, GroupedTallies groups, RatingOptions? options = null)
    {
        if (whole is null)
        {
            throw new ArgumentNullException(nameof(whole));
        }

        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }

        if (!whole.Framework.Equals(groups.Framework))
        {
            throw new ArgumentException($"the groups follow {groups.Framework}, the whole {whole.Framework}", nameof(groups));
        }

        if (TryGetUnsplittable(whole, groups, out var keyQuestionId))
        {
            throw new ArgumentException($"{keyQuestionId} is not given by the cases' answers, so it cannot be split into groups (R12)", nameof(groups));
        }

        var notRated = whole.Framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement).Select(s => new JudgementRating(s.Id, Rating.NotRated)).ToArray();
        var rated = ImmutableArray.CreateBuilder<GroupRating>(groups.Groups.Count);
        foreach (var group in groups.Groups)
        {
            var warning = new RatingWarning(
                WarningCode.OnlyCaseStandardsRated,
                $"group {group.Key} of {whole.Unit}: only its case standards are rated; its organisational standards and overall are not rated (R12)");
            var input = RatingInput.Create($"{whole.Unit} ({group.Key})", group.Tallies, notRated, warnings: new[] { warning }.Concat(group.Warnings));
            rated.Add(new GroupRating(group.Key, Rater.Rate(input, options)));
        }

        return new GroupedRating(rated.MoveToImmutable(), Rater.Rate(whole, options));
    }

    /// <summary>Finds a key question of the whole that its cases' answers do not give (a published percentage or an aggregate count).</summary>
    /// <param name="whole">The whole unit's input.</param>
    /// <param name="groups">The groups.</param>
    /// <param name="keyQuestionId">The first such key question.</param>
    /// <returns>Whether there is one: grouping is then bad input (R12).</returns>
    public static bool TryGetUnsplittable(RatingInput whole, GroupedTallies groups, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? keyQuestionId)
    {
        if (whole is null)
        {
            throw new ArgumentNullException(nameof(whole));
        }

        if (groups is null)
        {
            throw new ArgumentNullException(nameof(groups));
        }

        foreach (var published in whole.Published)
        {
            keyQuestionId = published.KeyQuestionId;
            return true;
        }

        foreach (var question in whole.Framework.KeyQuestions)
        {
            if (whole.Tallies.IsGiven(question.Id) && (!groups.All.IsGiven(question.Id) || !whole.Tallies.GetTally(question.Id).Equals(groups.All.GetTally(question.Id))))
            {
                keyQuestionId = question.Id;
                return true;
            }
        }

        keyQuestionId = null;
        return false;
    }
}
