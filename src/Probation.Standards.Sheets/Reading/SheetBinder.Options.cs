using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Groups;
using Probation.Standards.Internal;
using Probation.Standards.Scoring;

namespace Probation.Standards.Sheets.Reading;

/// <summary>What the options give a sheet: its framework (or a header document's), the builders, and the judgements.</summary>
internal sealed partial class SheetBinder
{
    private void Resolve()
    {
        var catalog = this.options.Catalog ?? FrameworkCatalog.Default;
        if (this.options.Header is { } header)
        {
            this.framework = header.Framework;
            if (header.HasCases)
            {
                this.problems.Add(new InputProblem(ProblemCode.KeyQuestionGivenTwice, header.File, "$.cases", "a header document whose cases come from a sheet has no cases of its own"));
            }
        }
        else if (this.options.FrameworkId is { } id)
        {
            if (!catalog.TryGetFramework(id, out this.framework))
            {
                this.problems.Add(new InputProblem(ProblemCode.UnknownFramework, this.file, "--framework", $"unknown framework {Quoting.Quote(id)} (known: {catalog.KnownIds})"));
                return;
            }
        }
        else if (this.options.FieldworkStarted is { } started)
        {
            if (!catalog.TryGetFrameworkInForce(started, out this.framework))
            {
                this.problems.Add(new InputProblem(ProblemCode.NoFrameworkInForce, this.file, "--fieldwork-started", $"no known framework is in force on {DateText.Format(started)} (known: {catalog.KnownIds})"));
                return;
            }
        }
        else if (!catalog.TryGetFramework(FrameworkCatalog.DefaultFrameworkId, out this.framework))
        {
            this.problems.Add(new InputProblem(ProblemCode.UnknownFramework, this.file, "--framework", $"no framework named and the default {FrameworkCatalog.DefaultFrameworkId} is not known (known: {catalog.KnownIds})"));
            return;
        }

        this.tallies = new TallyBuilder(this.framework!);
        if (this.options.GroupBy is { Count: > 0 } by)
        {
            this.groups = new GroupedTallyBuilder(this.framework!, by);
        }

        if (this.options.Header is null && this.options.Judgements is { } judgements)
        {
            this.CheckJudgements(judgements);
        }
    }

    private void CheckJudgements(IReadOnlyList<JudgementRating> judgements)
    {
        var framework = this.framework!;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var judgement in judgements)
        {
            if (!framework.TryGetStandard(judgement.StandardId, out var standard))
            {
                this.problems.Add(new InputProblem(ProblemCode.UnknownStandard, this.file, "--judgements", $"unknown standard {Quoting.Quote(judgement.StandardId)} in {framework.Id}"));
            }
            else if (standard.RatedBy != RatedBy.Judgement)
            {
                this.problems.Add(new InputProblem(ProblemCode.NotAJudgement, this.file, "--judgements", $"{standard.Id} {standard.Name} is rated from cases, not given as a judgement"));
            }
            else if (!given.Add(standard.Id))
            {
                this.problems.Add(new InputProblem(ProblemCode.DuplicateField, this.file, "--judgements", $"{standard.Id} is judged twice"));
            }
        }

        foreach (var standard in framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement && !given.Contains(s.Id)))
        {
            this.problems.Add(new InputProblem(ProblemCode.JudgementMissing, this.file, "--judgements", $"missing organisational standard {standard.Id} {standard.Name} (give a rating or NotRated)"));
        }
    }

    private EquatableArray<JudgementRating> Judgements(Framework framework)
    {
        if (this.options.Header is { } header)
        {
            return header.Input.Judgements;
        }

        var byId = (this.options.Judgements ?? Array.Empty<JudgementRating>()).ToDictionary(j => j.StandardId, StringComparer.Ordinal);
        return framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement)
            .Select(s => byId.TryGetValue(s.Id, out var j) ? j : new JudgementRating(s.Id, Rating.NotRated))
            .ToImmutableArray();
    }
}
