using System.Collections.Generic;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// Collects the problems of one document: the first <see cref="InvalidInputException.MaxListedProblems"/>
/// kept, the rest counted, so a document with a million bad cases costs no more memory than one with fifty.
/// A mark taken before an optimistic read lets problems found in an attempt that ran out of buffer be undone.
/// </summary>
internal sealed class ProblemSink
{
    private readonly List<InputProblem> kept = new();
    private long omitted;

    public ProblemSink(string file) => this.File = file;

    public string File { get; }

    public bool Any => this.kept.Count > 0;

    public int Count => this.kept.Count;

    /// <summary>Whether a further problem would only be counted: callers may skip building its message.</summary>
    public bool Full => this.kept.Count >= InvalidInputException.MaxListedProblems;

    public void Add(InputProblem problem)
    {
        if (this.Full)
        {
            this.omitted++;
        }
        else
        {
            this.kept.Add(problem);
        }
    }

    public (int Kept, long Omitted) Mark() => (this.kept.Count, this.omitted);

    public void Rewind((int Kept, long Omitted) mark)
    {
        this.kept.RemoveRange(mark.Kept, this.kept.Count - mark.Kept);
        this.omitted = mark.Omitted;
    }

    public void ThrowIfAny()
    {
        if (this.kept.Count > 0)
        {
            throw new InvalidInputException(this.kept, this.omitted);
        }
    }
}
