using System;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets;

/// <summary>
/// A validated case sheet: its cases reduced to the same <see cref="RatingInput"/> a findings document with those
/// cases gives, the cases themselves when kept, and the groups' tallies when asked for.
/// </summary>
public sealed class CaseSheet
{
    internal CaseSheet(string file, Framework framework, DateTime? fieldworkStarted, RatingInput input, EquatableArray<InspectedCase> cases, bool casesKept, long rows, long blankAnswers, GroupedTallies? groups)
    {
        this.File = file;
        this.Framework = framework;
        this.FieldworkStarted = fieldworkStarted;
        this.Input = input;
        this.Cases = cases;
        this.CasesKept = casesKept;
        this.Rows = rows;
        this.BlankAnswers = blankAnswers;
        this.Groups = groups;
    }

    /// <summary>The file or source name.</summary>
    public string File { get; }

    /// <summary>The inspected unit.</summary>
    public string Unit => this.Input.Unit;

    /// <summary>The framework.</summary>
    public Framework Framework { get; }

    /// <summary>When fieldwork started, if given.</summary>
    public DateTime? FieldworkStarted { get; }

    /// <summary>What the rater reads.</summary>
    public RatingInput Input { get; }

    /// <summary>The cases in row order, when kept; empty otherwise.</summary>
    public EquatableArray<InspectedCase> Cases { get; }

    /// <summary>Whether <see cref="Cases"/> holds the sheet's cases.</summary>
    public bool CasesKept { get; }

    /// <summary>The cases read (one a row, blank rows aside).</summary>
    public long Rows { get; }

    /// <summary>How many key-question cells were blank, each read as NotApplicable.</summary>
    public long BlankAnswers { get; }

    /// <summary>The groups' tallies when <see cref="CaseSheetOptions.GroupBy"/> was given; <see langword="null"/> otherwise.</summary>
    public GroupedTallies? Groups { get; }

    /// <inheritdoc />
    public override string ToString() => $"{this.File}: {this.Unit} ({this.Framework.Id}, {this.Rows} cases)";
}
