using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace Probation.Standards;

#pragma warning disable CA1032 // The standard constructors would allow an error without its problems.
/// <summary>
/// Bad input: a findings document, framework file or API argument that breaks a rule of the format
/// (<c>docs/findings-format.md</c>). Nothing is ever half-rated: the whole input is rejected, and
/// <see cref="Problems"/> lists every problem found, each with a stable <see cref="ProblemCode"/>, so
/// callers and tests match codes, not text.
/// </summary>
public sealed class InvalidInputException : Exception
#pragma warning restore CA1032
{
    /// <summary>The most problems a message lists; <see cref="OmittedCount"/> counts the rest.</summary>
    public const int MaxListedProblems = 50;

    /// <summary>Creates the exception from the problems found (at least one).</summary>
    /// <param name="problems">The problems, in the order found; at most <see cref="MaxListedProblems"/> are kept.</param>
    /// <param name="omittedCount">Further problems found but not kept.</param>
    public InvalidInputException(IEnumerable<InputProblem> problems, long omittedCount = 0)
        : this(ToArray(problems), omittedCount)
    {
    }

    private InvalidInputException(ImmutableArray<InputProblem> problems, long omittedCount)
        : base(Format(problems, omittedCount))
    {
        this.Problems = problems;
        this.OmittedCount = omittedCount;
    }

    /// <summary>The problems found, in document order as far as the reader could tell, at most <see cref="MaxListedProblems"/>.</summary>
    public EquatableArray<InputProblem> Problems { get; }

    /// <summary>How many further problems were found and not listed.</summary>
    public long OmittedCount { get; }

    /// <summary>The file (or source name) the first problem is in.</summary>
    public string File => this.Problems[0].File;

    /// <summary>The message lines a command-line tool prints: one per problem, then one counting the omitted ones.</summary>
    /// <returns>The lines, without the <c>error: </c> prefix.</returns>
    public IReadOnlyList<string> MessageLines()
    {
        var lines = new List<string>(this.Problems.Count + 1);
        foreach (var problem in this.Problems)
        {
            lines.Add(problem.ToString());
        }

        if (this.OmittedCount > 0)
        {
            lines.Add($"{this.File}: {this.OmittedCount} more problem{(this.OmittedCount == 1 ? string.Empty : "s")} not listed");
        }

        return lines;
    }

    internal static InvalidInputException Of(InputProblem problem) => new(ImmutableArray.Create(problem), 0);

    private static ImmutableArray<InputProblem> ToArray(IEnumerable<InputProblem> problems)
    {
        var array = ImmutableArray.CreateRange(problems ?? throw new ArgumentNullException(nameof(problems)));
        if (array.IsEmpty)
        {
            throw new ArgumentException("bad input needs at least one problem", nameof(problems));
        }

        foreach (var problem in array)
        {
            if (problem is null)
            {
                throw new ArgumentException("a problem is null", nameof(problems));
            }
        }

        return array.Length > MaxListedProblems ? array.RemoveRange(MaxListedProblems, array.Length - MaxListedProblems) : array;
    }

    private static string Format(ImmutableArray<InputProblem> problems, long omitted)
    {
        var builder = new StringBuilder();
        foreach (var problem in problems)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(problem);
        }

        if (omitted > 0)
        {
            builder.Append('\n').Append(problems[0].File).Append(": ").Append(omitted).Append(" more problems not listed");
        }

        return builder.ToString();
    }
}
