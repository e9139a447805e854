using System;

namespace Probation.Standards;

/// <summary>Where a rule or value comes from, as OpenFisca parameters carry a legal reference (R1).</summary>
public sealed class SourceReference : IEquatable<SourceReference>
{
    /// <summary>The status of a value whose source has been read and agrees.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Creates a source reference.</summary>
    /// <param name="document">The document.</param>
    /// <param name="locator">Where in it (section, table, paragraph), and the rule it backs.</param>
    /// <param name="status">How sure the value is: <c>confirmed</c>, <c>unverified</c>, <c>inferred</c>, or a user's word such as <c>configured</c>.</param>
    public SourceReference(string document, string locator, string status)
    {
        this.Document = document ?? throw new ArgumentNullException(nameof(document));
        this.Locator = locator ?? throw new ArgumentNullException(nameof(locator));
        this.Status = status ?? throw new ArgumentNullException(nameof(status));
    }

    /// <summary>The document.</summary>
    public string Document { get; }

    /// <summary>Where in it, and the rule it backs.</summary>
    public string Locator { get; }

    /// <summary>How sure the value is.</summary>
    public string Status { get; }

    /// <summary>Whether the value is confirmed by its source.</summary>
    public bool IsConfirmed => string.Equals(this.Status, Confirmed, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(SourceReference? other) =>
        other is not null && this.Document == other.Document && this.Locator == other.Locator && this.Status == other.Status;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as SourceReference);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.Document, this.Locator, this.Status);

    /// <inheritdoc />
    public override string ToString() => $"{this.Document}: {this.Locator} [{this.Status}]";
}
