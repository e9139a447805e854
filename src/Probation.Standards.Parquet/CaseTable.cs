using System;
using Probation.Standards.Bulk;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Parquet;

/// <summary>
/// A validated Parquet case table: its cases as <see cref="CaseBatch"/> bit-planes (no object per case), their
/// tallies reduced to the same <see cref="RatingInput"/> a case sheet or a findings document with those cases
/// gives, and the groups' tallies when asked for.
/// </summary>
public sealed class CaseTable
{
    internal CaseTable(string file, Framework framework, DateTime? fieldworkStarted, CaseBatch batch, RatingInput input, long rows, long blankAnswers, int rowGroups, GroupedTallies? groups, EquatableArray<CaseClassification> classifications, bool classified)
    {
        this.File = file;
        this.Framework = framework;
        this.FieldworkStarted = fieldworkStarted;
        this.Batch = batch;
        this.Input = input;
        this.Rows = rows;
        this.BlankAnswers = blankAnswers;
        this.RowGroups = rowGroups;
        this.Groups = groups;
        this.Classifications = classifications;
        this.Classified = classified;
    }

    /// <summary>The file or source name.</summary>
    public string File { get; }

    /// <summary>The inspected unit.</summary>
    public string Unit => this.Input.Unit;

    /// <summary>The framework.</summary>
    public Framework Framework { get; }

    /// <summary>When fieldwork started, if given.</summary>
    public DateTime? FieldworkStarted { get; }

    /// <summary>Every case of the table as bit-planes, in row order; <see cref="BulkTally.Tally(CaseBatch, int)"/> counts them.</summary>
    public CaseBatch Batch { get; }

    /// <summary>The case counts (R9) of the table's cases.</summary>
    public CaseCounts Cases => this.Batch.Cases;

    /// <summary>What the rater reads.</summary>
    public RatingInput Input { get; }

    /// <summary>The warnings the table raised (blank answers, suspended but exempt, ...), as in <see cref="RatingInput.Warnings"/>.</summary>
    public EquatableArray<RatingWarning> Warnings => this.Input.Warnings;

    /// <summary>The cases read (one a row).</summary>
    public long Rows { get; }

    /// <summary>How many key-question values were NULL or blank, each read as NotApplicable.</summary>
    public long BlankAnswers { get; }

    /// <summary>How many row groups the file has.</summary>
    public int RowGroups { get; }

    /// <summary>The groups' tallies when <see cref="Sheets.CaseSheetOptions.GroupBy"/> was given; <see langword="null"/> otherwise.</summary>
    public GroupedTallies? Groups { get; }

    /// <summary>
    /// Each case's Reset classification in row order, when <see cref="Sheets.CaseSheetOptions.KeepCases"/> asked for
    /// the cases (a table keeps no case objects, only these); empty otherwise.
    /// </summary>
    public EquatableArray<CaseClassification> Classifications { get; }

    /// <summary>Whether <see cref="Classifications"/> holds every case's classification.</summary>
    public bool Classified { get; }

    /// <inheritdoc />
    public override string ToString() => $"{this.File}: {this.Unit} ({this.Framework.Id}, {this.Rows} cases)";
}
