using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Scoring;

/// <summary>
/// The narrow waist between producers and consumers: one <see cref="KeyQuestionTally"/> per key question
/// of a framework, in framework order, whether each key question was given at all, and the case counts.
/// Cases, sheets, bit-planes, shards and a database's <c>GROUP BY</c> all end here, and rating reads only
/// this. Tally sets merge (associative, commutative, <see cref="Empty"/> is the identity).
/// </summary>
public sealed class TallySet : IEquatable<TallySet>
{
    internal TallySet(Framework framework, ImmutableArray<KeyQuestionTally> keyQuestions, ImmutableArray<bool> given, CaseCounts? cases)
    {
        this.Framework = framework;
        this.KeyQuestions = keyQuestions;
        this.Given = given;
        this.Cases = cases;
    }

    /// <summary>The framework whose key questions the tallies follow.</summary>
    public Framework Framework { get; }

    /// <summary>One tally per key question, aligned with <see cref="Frameworks.Framework.KeyQuestions"/>.</summary>
    public EquatableArray<KeyQuestionTally> KeyQuestions { get; }

    /// <summary>The case counts; <see langword="null"/> when the producer did not count cases.</summary>
    public CaseCounts? Cases { get; }

    /// <summary>Per key question, whether any input gave it (a case answered it, <c>NotApplicable</c> included, or a count was given).</summary>
    internal ImmutableArray<bool> Given { get; }

    /// <summary>The empty tally set of a framework: no cases, nothing given. The identity of <see cref="Merge"/>.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The empty set.</returns>
    public static TallySet Empty(Framework framework)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var n = framework.KeyQuestions.Count;
        return new TallySet(framework, ImmutableArray.Create(new KeyQuestionTally[n]), ImmutableArray.Create(new bool[n]), CaseCounts.Zero);
    }

    /// <summary>
    /// A tally set from counts made elsewhere, e.g. a SQL <c>GROUP BY</c> or a Spark aggregate. Strict: every
    /// key question of the framework must be given once, unless it is named in <paramref name="absent"/> (no
    /// result on purpose, R5); and with case counts, no key question can have more relevant cases than were inspected.
    /// </summary>
    /// <param name="framework">The framework the key-question ids belong to.</param>
    /// <param name="tallies">Tallies keyed by key-question id, each id once.</param>
    /// <param name="cases">The case counts, when known.</param>
    /// <param name="absent">Key questions deliberately not given: they have no result and are skipped with a warning (R5).</param>
    /// <returns>The tally set.</returns>
    /// <exception cref="ArgumentException">An unknown or repeated id, a key question neither given nor absent, or counts that cannot be true.</exception>
    public static TallySet From(Framework framework, IEnumerable<KeyValuePair<string, KeyQuestionTally>> tallies, CaseCounts? cases = null, IEnumerable<string>? absent = null)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (tallies is null)
        {
            throw new ArgumentNullException(nameof(tallies));
        }

        var n = framework.KeyQuestions.Count;
        var values = new KeyQuestionTally[n];
        var given = new bool[n];
        var accounted = new bool[n];
        foreach (var pair in tallies)
        {
            var question = Known(framework, pair.Key, nameof(tallies));
            if (accounted[question.Index])
            {
                throw new ArgumentException($"{pair.Key} is given twice", nameof(tallies));
            }

            if (cases is { } counts && pair.Value.Relevant > counts.Inspected)
            {
                throw new ArgumentException($"{pair.Key} has {pair.Value.Relevant} relevant cases, more than the {counts.Inspected} inspected", nameof(tallies));
            }

            values[question.Index] = pair.Value;
            given[question.Index] = true;
            accounted[question.Index] = true;
        }

        foreach (var id in absent ?? Array.Empty<string>())
        {
            var question = Known(framework, id, nameof(absent));
            if (accounted[question.Index])
            {
                throw new ArgumentException($"{id} is both given and named absent", nameof(absent));
            }

            accounted[question.Index] = true;
        }

        foreach (var question in framework.KeyQuestions)
        {
            if (!accounted[question.Index])
            {
                throw new ArgumentException($"{question.Id} is not given; name it in {nameof(absent)} if it has no result on purpose", nameof(tallies));
            }
        }

        return new TallySet(framework, ImmutableArray.Create(values), ImmutableArray.Create(given), cases);
    }

    /// <summary>The tally of a key question.</summary>
    /// <param name="keyQuestionId">The key-question id.</param>
    /// <returns>The tally.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such key question.</exception>
    public KeyQuestionTally GetTally(string keyQuestionId) => this.KeyQuestions[this.Framework.GetKeyQuestion(keyQuestionId).Index];

    /// <summary>Whether a key question was given by any input (answered by a case, <c>NotApplicable</c> included, or counted).</summary>
    /// <param name="keyQuestionId">The key-question id.</param>
    /// <returns><see langword="true"/> when given.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such key question.</exception>
    public bool IsGiven(string keyQuestionId) => this.Given[this.Framework.GetKeyQuestion(keyQuestionId).Index];

    /// <summary>Merges two tally sets of the same framework: tallies and case counts add.</summary>
    /// <param name="other">The other tally set.</param>
    /// <returns>The tally set of both; its case counts are unknown when either's are.</returns>
    /// <exception cref="ArgumentException">The other set follows another framework.</exception>
    public TallySet Merge(TallySet other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (!this.Framework.Equals(other.Framework))
        {
            throw new ArgumentException($"cannot merge tallies of {other.Framework} into tallies of {this.Framework}", nameof(other));
        }

        var n = this.KeyQuestions.Count;
        var merged = new KeyQuestionTally[n];
        var given = new bool[n];
        for (var i = 0; i < n; i++)
        {
            merged[i] = this.KeyQuestions[i] + other.KeyQuestions[i];
            given[i] = this.Given[i] || other.Given[i];
        }

        CaseCounts? cases = this.Cases is { } a && other.Cases is { } b ? a + b : null;
        return new TallySet(this.Framework, ImmutableArray.Create(merged), ImmutableArray.Create(given), cases);
    }

    /// <summary>The same tallies without case counts (a document that gave no cases).</summary>
    internal TallySet WithoutCaseCounts() => new(this.Framework, this.KeyQuestions.AsImmutableArray(), this.Given, null);

    /// <inheritdoc />
    public bool Equals(TallySet? other) =>
        other is not null && this.Framework.Equals(other.Framework) && this.KeyQuestions == other.KeyQuestions
        && ((EquatableArray<bool>)this.Given) == other.Given && Nullable.Equals(this.Cases, other.Cases);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as TallySet);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Framework.Id, this.KeyQuestions, this.Cases);

    private static KeyQuestionDefinition Known(Framework framework, string id, string parameter) =>
        framework.TryGetKeyQuestion(id, out var question) ? question : throw new ArgumentException($"unknown key question '{id}' in {framework.Id}", parameter);
}
