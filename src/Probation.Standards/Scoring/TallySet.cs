using System;
using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>
/// The narrow waist between inputs and ratings: one <see cref="KeyQuestionTally"/> per key question of
/// a framework (in framework order) and the case counts. Tally sets merge (associative, commutative,
/// <see cref="Empty"/> is the identity), so a case set split across threads, files or machines rates the same.
/// </summary>
public sealed record TallySet
{
    internal TallySet(Framework framework, EquatableArray<KeyQuestionTally> keyQuestions, CaseCounts cases)
    {
        this.Framework = framework;
        this.KeyQuestions = keyQuestions;
        this.Cases = cases;
    }

    /// <summary>The framework whose key questions the tallies follow.</summary>
    public Framework Framework { get; }

    /// <summary>One tally per key question, aligned with <see cref="Framework.KeyQuestions"/>.</summary>
    public EquatableArray<KeyQuestionTally> KeyQuestions { get; }

    /// <summary>The case counts.</summary>
    public CaseCounts Cases { get; }

    /// <summary>The empty tally set of a framework: no cases.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The identity of <see cref="Merge"/>.</returns>
    public static TallySet Empty(Framework framework)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        return new TallySet(framework, ImmutableArray.Create(new KeyQuestionTally[framework.KeyQuestions.Count]), default);
    }

    /// <summary>
    /// A tally set from counts made elsewhere, e.g. a SQL <c>GROUP BY</c> over key questions or a Spark
    /// aggregate: each key question's Yes and relevant counts, and the case counts. A key question not given
    /// has no relevant case.
    /// </summary>
    /// <param name="framework">The framework the key-question ids belong to.</param>
    /// <param name="tallies">Tallies keyed by key-question id, each id once.</param>
    /// <param name="cases">The case counts, if known.</param>
    /// <returns>The tally set.</returns>
    /// <exception cref="ArgumentException">An unknown or repeated key-question id.</exception>
    public static TallySet From(Framework framework, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, KeyQuestionTally>> tallies, CaseCounts cases = default)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        var result = framework.AlignByKeyQuestion(tallies, nameof(tallies), string.Empty, "given");
        return new TallySet(framework, ImmutableArray.Create(result), cases);
    }

    /// <summary>Tallies a set of cases of one framework (R3, R9).</summary>
    /// <param name="framework">The framework the cases' answers follow.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The tally set.</returns>
    public static TallySet Of(Framework framework, System.Collections.Generic.IEnumerable<InspectedCase> cases)
    {
        var builder = new TallyBuilder(framework);
        foreach (var inspectedCase in cases ?? throw new ArgumentNullException(nameof(cases)))
        {
            builder.Add(inspectedCase);
        }

        return builder.ToTallySet();
    }

    /// <summary>Merges two tally sets of the same framework.</summary>
    /// <param name="other">The other tally set.</param>
    /// <returns>The tally set of both.</returns>
    public TallySet Merge(TallySet other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        if (!ReferenceEquals(other.Framework, this.Framework) && other.Framework != this.Framework)
        {
            throw new ArgumentException($"cannot merge tallies of {other.Framework} into tallies of {this.Framework}", nameof(other));
        }

        var merged = new KeyQuestionTally[this.KeyQuestions.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = this.KeyQuestions[i] + other.KeyQuestions[i];
        }

        return new TallySet(this.Framework, ImmutableArray.Create(merged), this.Cases + other.Cases);
    }

    /// <inheritdoc />
    public bool Equals(TallySet? other) =>
        other is not null && this.Framework.Id == other.Framework.Id && this.KeyQuestions == other.KeyQuestions && this.Cases == other.Cases;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Framework.Id, this.KeyQuestions, this.Cases);
}

/// <summary>
/// Accumulates cases into tallies one at a time, without keeping them (R3, R9). Not thread-safe: give
/// each thread its own builder and <see cref="TallySet.Merge"/> the results.
/// </summary>
public sealed class TallyBuilder
{
    private readonly Framework framework;
    private readonly long[] yes;
    private readonly long[] relevant;
    private readonly bool[] notApplicableWhenAdjusted;
    private readonly bool anyNotApplicableWhenAdjusted;
    private CaseCounts counts;

    /// <summary>Creates an empty builder for a framework.</summary>
    /// <param name="framework">The framework.</param>
    public TallyBuilder(Framework framework)
    {
        this.framework = framework ?? throw new ArgumentNullException(nameof(framework));
        var n = framework.KeyQuestions.Count;
        this.yes = new long[n];
        this.relevant = new long[n];
        this.notApplicableWhenAdjusted = new bool[n];
        foreach (var id in framework.Reset.NotApplicableWhenAdjusted)
        {
            if (framework.TryGetKeyQuestion(id, out var question))
            {
                this.notApplicableWhenAdjusted[question.Index] = true;
                this.anyNotApplicableWhenAdjusted = true;
            }
        }
    }

    /// <summary>Adds one case and returns its Reset class, allocating nothing (R3, R9).</summary>
    /// <param name="inspectedCase">The case; its answers must follow this builder's framework.</param>
    /// <returns>The case's Reset class; <see cref="ResetClassifier.Classify(InspectedCase, ResetRules)"/> gives the days too.</returns>
    public CaseClass Add(InspectedCase inspectedCase) => this.Add(inspectedCase, out _);

    /// <summary>Adds one case; gives its Reset class and the days from start to suspension (R9).</summary>
    internal CaseClass Add(InspectedCase inspectedCase, out int? daysToSuspension)
    {
        if (inspectedCase is null)
        {
            throw new ArgumentNullException(nameof(inspectedCase));
        }

        var answers = inspectedCase.Answers.AsImmutableArray().AsSpan();
        if (answers.Length != this.yes.Length)
        {
            throw new ArgumentException($"case {inspectedCase.Id} has {answers.Length} answers; {this.framework.Id} has {this.yes.Length} key questions", nameof(inspectedCase));
        }

        var @class = ResetClassifier.Classify(inspectedCase.Start, inspectedCase.Suspended, inspectedCase.Exemption, this.framework.Reset, out daysToSuspension);
        if (@class == CaseClass.Adjusted && this.anyNotApplicableWhenAdjusted)
        {
            this.AddAdjusted(answers);
        }
        else
        {
            // Answer is NotApplicable 0, No 1, Yes 2: relevant is (a + 1) >> 1, Yes is a >> 1; no branch per answer.
            for (var i = 0; i < answers.Length; i++)
            {
                var a = (int)answers[i];
                this.relevant[i] += (a + 1) >> 1;
                this.yes[i] += a >> 1;
            }
        }

        this.counts += CaseCounts.Of(@class, inspectedCase.Sentence, inspectedCase.Suspended is not null);
        return @class;
    }

    // R9: the adjusted set may make a key question not apply, as the framework's data declares.
    private void AddAdjusted(ReadOnlySpan<Answer> answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            if (answer == Answer.NotApplicable || this.notApplicableWhenAdjusted[i])
            {
                continue;
            }

            this.relevant[i]++;
            if (answer == Answer.Yes)
            {
                this.yes[i]++;
            }
        }
    }

    /// <summary>The tallies of the cases added so far.</summary>
    /// <returns>An immutable tally set.</returns>
    public TallySet ToTallySet()
    {
        var tallies = new KeyQuestionTally[this.yes.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = new KeyQuestionTally(this.yes[i], this.relevant[i]);
        }

        return new TallySet(this.framework, ImmutableArray.Create(tallies), this.counts);
    }
}
