using System;

namespace Probation.Standards.Scoring;

/// <summary>
/// A key question's result as exact counts (R3): how many cases were relevant (not answering
/// NotApplicable) and how many of them answered Yes. Tallies add: merging the tallies of two shards of
/// a case set gives the tally of the whole, and <see cref="Zero"/> is the identity.
/// </summary>
public readonly struct KeyQuestionTally : IEquatable<KeyQuestionTally>
{
    /// <summary>Creates a tally.</summary>
    /// <param name="yes">Relevant cases answering Yes.</param>
    /// <param name="relevant">Relevant cases.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a count is negative or <paramref name="yes"/> exceeds <paramref name="relevant"/>.</exception>
    public KeyQuestionTally(long yes, long relevant)
    {
        if (yes < 0 || relevant < 0 || yes > relevant)
        {
            throw new ArgumentOutOfRangeException(nameof(yes), $"a tally needs 0 <= yes <= relevant (yes {yes}, relevant {relevant})");
        }

        this.Yes = yes;
        this.Relevant = relevant;
    }

    /// <summary>The empty tally, the identity of <see cref="op_Addition"/>.</summary>
    public static KeyQuestionTally Zero => default;

    /// <summary>Relevant cases answering Yes.</summary>
    public long Yes { get; }

    /// <summary>Relevant cases: those not answering NotApplicable.</summary>
    public long Relevant { get; }

    /// <summary>Relevant cases answering No.</summary>
    public long No => this.Relevant - this.Yes;

    /// <summary>Whether the key question has a result: at least one relevant case (R3).</summary>
    public bool HasResult => this.Relevant > 0;

    /// <summary>The tally of one answer.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>1/1 for Yes, 0/1 for No, 0/0 for NotApplicable.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined answer such as <c>(Answer)7</c>.</exception>
    public static KeyQuestionTally Of(Answer answer) => answer switch
    {
        Answer.Yes => new KeyQuestionTally(1, 1),
        Answer.No => new KeyQuestionTally(0, 1),
        Answer.NotApplicable => Zero,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "not Yes, No or NotApplicable"),
    };

    /// <summary>Merges two tallies (associative and commutative; checked against overflow).</summary>
    /// <param name="left">A tally.</param>
    /// <param name="right">Another tally.</param>
    /// <returns>The tally of both.</returns>
    public static KeyQuestionTally operator +(KeyQuestionTally left, KeyQuestionTally right) =>
        new(checked(left.Yes + right.Yes), checked(left.Relevant + right.Relevant));

    /// <summary>Value equality.</summary>
    /// <param name="left">A tally.</param>
    /// <param name="right">Another tally.</param>
    /// <returns>Whether both counts are equal.</returns>
    public static bool operator ==(KeyQuestionTally left, KeyQuestionTally right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A tally.</param>
    /// <param name="right">Another tally.</param>
    /// <returns>Whether a count differs.</returns>
    public static bool operator !=(KeyQuestionTally left, KeyQuestionTally right) => !left.Equals(right);

    /// <summary>Merges two tallies; the named form of <see cref="op_Addition"/>.</summary>
    /// <param name="other">The other tally.</param>
    /// <returns>The tally of both.</returns>
    public KeyQuestionTally Add(KeyQuestionTally other) => this + other;

    /// <summary>
    /// Compares the exact ratios of two tallies with integer arithmetic (cross-multiplication); both must have a result.
    /// </summary>
    /// <param name="other">The other tally.</param>
    /// <returns>Negative, zero or positive as this ratio is below, equal to or above the other.</returns>
    public int CompareRatio(KeyQuestionTally other)
    {
        // yes/relevant vs other.yes/other.relevant, without division (R4: exact comparisons).
        var left = (System.Numerics.BigInteger)this.Yes * other.Relevant;
        var right = (System.Numerics.BigInteger)other.Yes * this.Relevant;
        return left.CompareTo(right);
    }

    /// <inheritdoc />
    public bool Equals(KeyQuestionTally other) => this.Yes == other.Yes && this.Relevant == other.Relevant;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KeyQuestionTally other && this.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Yes, this.Relevant);

    /// <inheritdoc />
    public override string ToString() => $"{this.Yes}/{this.Relevant}";
}
