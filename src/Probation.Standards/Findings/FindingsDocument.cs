using System;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;

namespace Probation.Standards.Findings;

/// <summary>
/// A validated findings document (<c>docs/findings-format.md</c>): what was inspected and found, already
/// reduced to the <see cref="RatingInput"/> the rater reads. Its cases are kept only when the reader was
/// asked to (<see cref="FindingsReaderOptions.KeepCases"/>); the input, counts and warnings are the same either way.
/// </summary>
public sealed class FindingsDocument : IEquatable<FindingsDocument>
{
    internal FindingsDocument(string file, Framework framework, DateTime? fieldworkStarted, RatingInput input, EquatableArray<InspectedCase> cases, bool casesKept, bool hasCases, ExpectedResult? expected)
    {
        this.File = file;
        this.Framework = framework;
        this.FieldworkStarted = fieldworkStarted;
        this.Input = input;
        this.Cases = cases;
        this.CasesKept = casesKept;
        this.HasCases = hasCases;
        this.Expected = expected;
    }

    /// <summary>The file or source name the document was read from.</summary>
    public string File { get; }

    /// <summary>The inspected unit.</summary>
    public string Unit => this.Input.Unit;

    /// <summary>The framework the document named, or the one in force on its fieldwork start date (R1).</summary>
    public Framework Framework { get; }

    /// <summary>When fieldwork started, if given.</summary>
    public DateTime? FieldworkStarted { get; }

#if NET6_0_OR_GREATER
    /// <summary>When fieldwork started, if given, as a <see cref="DateOnly"/>.</summary>
    public DateOnly? FieldworkStartedDate => this.FieldworkStarted is { } date ? DateOnly.FromDateTime(date) : null;
#endif

    /// <summary>What the rater reads: tallies, published percentages, judgements, overrides and the warnings the cases raised.</summary>
    public RatingInput Input { get; }

    /// <summary>The cases, in document order, when kept; empty otherwise.</summary>
    public EquatableArray<InspectedCase> Cases { get; }

    /// <summary>Whether <see cref="Cases"/> holds the document's cases.</summary>
    public bool CasesKept { get; }

    /// <summary>Whether the document gave at least one case.</summary>
    public bool HasCases { get; }

    /// <summary>The document's <c>expected</c> block, if any, for <see cref="Verifier"/>.</summary>
    public ExpectedResult? Expected { get; }

    /// <inheritdoc />
    public bool Equals(FindingsDocument? other) =>
        other is not null && this.File == other.File && this.Framework.Equals(other.Framework) && this.FieldworkStarted == other.FieldworkStarted
        && this.Input.Equals(other.Input) && this.Cases == other.Cases && this.CasesKept == other.CasesKept && this.HasCases == other.HasCases
        && Equals(this.Expected, other.Expected);

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as FindingsDocument);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(this.File, this.Input);

    /// <inheritdoc />
    public override string ToString() => $"{this.File}: {this.Unit} ({this.Framework.Id})";
}
