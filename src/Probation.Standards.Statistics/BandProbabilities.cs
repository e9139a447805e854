using System;
using System.Collections.Immutable;
using System.Text;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Statistics;

/// <summary>The probability of each rating of a band table (R11), in the table's order, summing to 1.</summary>
public sealed class BandProbabilities : IEquatable<BandProbabilities>
{
    internal BandProbabilities(EquatableArray<Rating> ratings, EquatableArray<double> probabilities)
    {
        this.Ratings = ratings;
        this.Probabilities = probabilities;
    }

    /// <summary>The ratings, lowest first.</summary>
    public EquatableArray<Rating> Ratings { get; }

    /// <summary>The probability of each rating, in the order of <see cref="Ratings"/>.</summary>
    public EquatableArray<double> Probabilities { get; }

    /// <summary>Finds the probability of a rating.</summary>
    /// <param name="rating">The rating.</param>
    /// <param name="probability">Its probability, when the table has it.</param>
    /// <returns>Whether the table has the rating.</returns>
    public bool TryGetProbability(Rating rating, out double probability)
    {
        for (var i = 0; i < this.Ratings.Count; i++)
        {
            if (this.Ratings[i] == rating)
            {
                probability = this.Probabilities[i];
                return true;
            }
        }

        probability = 0;
        return false;
    }

    /// <summary>Gets the probability of a rating; 0 for a rating the table does not have.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The probability.</returns>
    public double GetProbability(Rating rating) => this.TryGetProbability(rating, out var p) ? p : 0;

    /// <summary>The probability of this rating or a higher one in the table.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The probability; 0 for a rating the table does not have.</returns>
    public double ProbabilityAtLeast(Rating rating)
    {
        var sum = 0.0;
        var counting = false;
        for (var i = 0; i < this.Ratings.Count; i++)
        {
            counting |= this.Ratings[i] == rating;
            if (counting)
            {
                sum += this.Probabilities[i];
            }
        }

        return Math.Min(1, sum);
    }

    internal static BandProbabilities Certain(EquatableArray<Rating> ratings, Rating rating)
    {
        var p = new double[ratings.Count];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = ratings[i] == rating ? 1 : 0;
        }

        return new BandProbabilities(ratings, p.ToImmutableArray());
    }

    /// <inheritdoc />
    public bool Equals(BandProbabilities? other) => other is not null && this.Ratings == other.Ratings && this.Probabilities == other.Probabilities;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as BandProbabilities);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Ratings, this.Probabilities);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < this.Ratings.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(this.Ratings[i]).Append(' ').Append((this.Probabilities[i] * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append('%');
        }

        return text.ToString();
    }
}
