using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Frameworks;
using Probation.Standards.Reset;

namespace Probation.Standards.Cases;

/// <summary>
/// One inspected case: its answers to the framework's key questions (R3) and what Probation Reset needs
/// to classify it (R9). Created by <see cref="Create(Framework, string, IEnumerable{KeyValuePair{string, Answer}}, SentenceType?, DateTime?, DateTime?, Exemption?, IEnumerable{KeyValuePair{string, string}})"/>
/// or a findings reader, both of which check every rule, so a case that exists is a valid one.
/// </summary>
public sealed class InspectedCase : IEquatable<InspectedCase>, ICaseId
{
    internal InspectedCase(Framework framework, string id, SentenceType? sentence, DateTime? start, DateTime? suspended, Exemption? exemption, ImmutableArray<Answer> answers, ulong answered, ImmutableArray<KeyValuePair<string, string>> tags = default)
    {
        this.Tags = tags.IsDefault ? ImmutableArray<KeyValuePair<string, string>>.Empty : tags;
        this.Framework = framework;
        this.Id = id;
        this.Sentence = sentence;
        this.Start = start;
        this.Suspended = suspended;
        this.Exemption = exemption;
        this.Answers = answers;
        this.AnsweredMask = answered;
    }

    /// <summary>The framework whose key questions the answers follow.</summary>
    public Framework Framework { get; }

    /// <summary>The case id, compared exactly.</summary>
    public string Id { get; }

    /// <summary>The sentence, if given.</summary>
    public SentenceType? Sentence { get; }

    /// <summary>The order start or release date, if given.</summary>
    public DateTime? Start { get; }

    /// <summary>The date contact was suspended under Probation Reset, if it was (R9).</summary>
    public DateTime? Suspended { get; }

    /// <summary>The exemption from Reset, if any (R9).</summary>
    public Exemption? Exemption { get; }

    /// <summary>One answer per key question, aligned with <see cref="Frameworks.Framework.KeyQuestions"/>; NotApplicable where not answered.</summary>
    public EquatableArray<Answer> Answers { get; }

    /// <summary>
    /// The case's tags, sorted by name (ordinal): the groups it belongs to, such as team, PDU or audit
    /// round (R12); empty without any.
    /// </summary>
    public EquatableArray<KeyValuePair<string, string>> Tags { get; }

    /// <summary>Bit i set: the case answered key question i (NotApplicable included).</summary>
    internal ulong AnsweredMask { get; }

    string ICaseId.CaseId => this.Id;

    /// <summary>Creates a case from answers keyed by key-question id, checking every rule a findings document's case is checked for.</summary>
    /// <param name="framework">The framework the answers follow.</param>
    /// <param name="id">The case id; not empty or white space.</param>
    /// <param name="answers">Answers keyed by key-question id, each id once; a key question not answered is NotApplicable.</param>
    /// <param name="sentence">The sentence, if known.</param>
    /// <param name="start">The order start or release date; required with <paramref name="suspended"/>.</param>
    /// <param name="suspended">The suspension date, if suspended; not before <paramref name="start"/> (R9).</param>
    /// <param name="exemption">The exemption from Reset, if any.</param>
    /// <param name="tags">Tags naming the case's groups (team, PDU, audit round), each name once, values not null.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">A rule is broken: an empty id, an unknown or repeated key question, an undefined answer, sentence or exemption, a suspension without a start or before it, or a repeated or null tag.</exception>
    public static InspectedCase Create(
        Framework framework,
        string id,
        IEnumerable<KeyValuePair<string, Answer>> answers,
        SentenceType? sentence = null,
        DateTime? start = null,
        DateTime? suspended = null,
        Exemption? exemption = null,
        IEnumerable<KeyValuePair<string, string>>? tags = null)
    {
        if (framework is null)
        {
            throw new ArgumentNullException(nameof(framework));
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("a case needs an id that is not empty", nameof(id));
        }

        if (sentence is { } s && !Defined.Is(s))
        {
            throw new ArgumentOutOfRangeException(nameof(sentence), sentence, $"case {id}: not a sentence type");
        }

        if (exemption is { } e && !Defined.Is(e))
        {
            throw new ArgumentOutOfRangeException(nameof(exemption), exemption, $"case {id}: not an exemption");
        }

        if (suspended is not null && start is null)
        {
            throw new ArgumentException($"case {id}: a suspension date needs a start date (R9)", nameof(start));
        }

        if (suspended?.Date < start?.Date)
        {
            throw new ArgumentException($"case {id}: the suspension date is before the start date (R9)", nameof(suspended));
        }

        var aligned = new Answer[framework.KeyQuestions.Count];
        var answered = 0UL;
        foreach (var pair in answers ?? throw new ArgumentNullException(nameof(answers)))
        {
            if (!framework.TryGetKeyQuestion(pair.Key, out var question))
            {
                throw new ArgumentException($"case {id}: unknown key question '{pair.Key}' in {framework.Id}", nameof(answers));
            }

            if (!Defined.Is(pair.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(answers), pair.Value, $"case {id}: the answer to {pair.Key} is not Yes, No or NotApplicable");
            }

            var bit = 1UL << question.Index;
            if ((answered & bit) != 0)
            {
                throw new ArgumentException($"case {id}: {pair.Key} is answered twice", nameof(answers));
            }

            answered |= bit;
            aligned[question.Index] = pair.Value;
        }

        return new InspectedCase(framework, id, sentence, start?.Date, suspended?.Date, exemption, ImmutableArray.Create(aligned), answered, SortedTags(id, tags));
    }

    /// <summary>Tags sorted by name, each name once; <paramref name="caseId"/> names the case in errors.</summary>
    internal static ImmutableArray<KeyValuePair<string, string>> SortedTags(string caseId, IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (tags is null)
        {
            return ImmutableArray<KeyValuePair<string, string>>.Empty;
        }

        var sorted = new List<KeyValuePair<string, string>>(tags);
        sorted.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Key is null || sorted[i].Value is null)
            {
                throw new ArgumentException($"case {caseId}: a tag needs a name and a value", nameof(tags));
            }

            if (i > 0 && sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException($"case {caseId}: tag '{sorted[i].Key}' is given twice", nameof(tags));
            }
        }

        return ImmutableArray.CreateRange(sorted);
    }

    /// <summary>The value of a tag.</summary>
    /// <param name="name">The tag's name, compared exactly.</param>
    /// <param name="value">The value, when the case has the tag.</param>
    /// <returns>Whether the case has the tag.</returns>
    public bool TryGetTag(string name, out string value)
    {
        foreach (var tag in this.Tags)
        {
            if (string.Equals(tag.Key, name, StringComparison.Ordinal))
            {
                value = tag.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

#if NET6_0_OR_GREATER
    /// <summary>Creates a case from answers keyed by key-question id, with <see cref="DateOnly"/> dates (as EF Core maps SQL <c>date</c>).</summary>
    /// <param name="framework">The framework the answers follow.</param>
    /// <param name="id">The case id; not empty or white space.</param>
    /// <param name="answers">Answers keyed by key-question id, each id once.</param>
    /// <param name="sentence">The sentence, if known.</param>
    /// <param name="start">The order start or release date; required with <paramref name="suspended"/>.</param>
    /// <param name="suspended">The suspension date, if suspended.</param>
    /// <param name="exemption">The exemption from Reset, if any.</param>
    /// <param name="tags">Tags naming the case's groups, each name once.</param>
    /// <returns>The case.</returns>
    public static InspectedCase Create(
        Framework framework,
        string id,
        IEnumerable<KeyValuePair<string, Answer>> answers,
        SentenceType? sentence,
        DateOnly? start,
        DateOnly? suspended = null,
        Exemption? exemption = null,
        IEnumerable<KeyValuePair<string, string>>? tags = null) =>
        Create(framework, id, answers, sentence, start?.ToDateTime(TimeOnly.MinValue), suspended?.ToDateTime(TimeOnly.MinValue), exemption, tags);
#endif

    /// <summary>The answer to a key question.</summary>
    /// <param name="keyQuestionId">The key-question id.</param>
    /// <returns>The answer; NotApplicable when not answered.</returns>
    /// <exception cref="KeyNotFoundException">The framework has no such key question.</exception>
    public Answer GetAnswer(string keyQuestionId) => this.Answers[this.Framework.GetKeyQuestion(keyQuestionId).Index];

    /// <summary>Classifies the case under Probation Reset by its framework's rules (R9).</summary>
    /// <returns>The classification.</returns>
    public CaseClassification Classify()
    {
        var @class = ResetClassifier.Classify(this.Start, this.Suspended, this.Exemption, this.Framework.Reset, out var days);
        return new CaseClassification(this.Id, @class, days);
    }

    /// <inheritdoc />
    public bool Equals(InspectedCase? other) =>
        other is not null && this.Id == other.Id && this.Sentence == other.Sentence && this.Start == other.Start
        && this.Suspended == other.Suspended && this.Exemption == other.Exemption && this.Answers == other.Answers
        && this.AnsweredMask == other.AnsweredMask && this.Tags == other.Tags && this.Framework.Equals(other.Framework);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as InspectedCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Id, this.Answers);

    /// <inheritdoc />
    public override string ToString() => this.Id;
}
