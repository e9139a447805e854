using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Probation.Standards.Findings;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Scoring;

/// <summary>
/// Everything rating needs, and nothing about individual cases beyond their tallies: the unit, the
/// framework, the judgement ratings, one key-question input per key question (from cases or given in
/// aggregate), the case counts and the overrides. Every producer (documents, case objects, the bulk
/// path, merged shards) ends here; every consumer starts here.
/// </summary>
/// <param name="Unit">The inspected unit.</param>
/// <param name="Framework">The framework.</param>
/// <param name="Organisational">The judgement ratings, one per judgement-rated standard.</param>
/// <param name="KeyQuestions">One input per key question, aligned with <see cref="Framework.KeyQuestions"/>.</param>
/// <param name="Cases">The case counts, when cases were given.</param>
/// <param name="Overrides">Overrides of case-standard ratings (R7).</param>
/// <param name="Classifications">The classification of every case, when known.</param>
/// <param name="Warnings">Warnings found while tallying (R9).</param>
public sealed record RatingInput(
    string Unit,
    Framework Framework,
    EquatableArray<JudgementRating> Organisational,
    EquatableArray<KeyQuestionInput> KeyQuestions,
    CaseCounts? Cases,
    EquatableArray<RatingOverride> Overrides,
    EquatableArray<CaseClassification> Classifications,
    EquatableArray<RatingWarning> Warnings)
{
    /// <summary>Builds the rating input of a validated findings document: tallies its cases and lays its aggregate results beside them.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The rating input.</returns>
    public static RatingInput From(FindingsDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var framework = document.Framework;
        var builder = new TallyBuilder(framework);
        var classifications = ImmutableArray.CreateBuilder<CaseClassification>(document.Cases.Count);
        var warnings = ImmutableArray.CreateBuilder<RatingWarning>();
        var notApplicableWhenAdjusted = new HashSet<string>(framework.Reset.NotApplicableWhenAdjusted, StringComparer.Ordinal);
        if (document.FieldworkStarted is { } started && !framework.IsInForceOn(started))
        {
            warnings.Add(new RatingWarning(
                WarningCode.FrameworkNotInForce,
                $"{framework.Id} applies to fieldwork from {Internal.DateText.Format(framework.EffectiveFrom)}{(framework.EffectiveTo is { } to ? " to " + Internal.DateText.Format(to) : string.Empty)}, but fieldwork started on {Internal.DateText.Format(started)}"));
        }

        foreach (var inspectedCase in document.Cases)
        {
            var @class = builder.Add(inspectedCase, out var days);
            var classification = new CaseClassification(inspectedCase.Id, @class, days);
            classifications.Add(classification);
            CaseWarnings(framework, inspectedCase, classification, notApplicableWhenAdjusted, warnings);
        }

        var fromCases = builder.ToTallySet();
        return new RatingInput(
            document.Unit,
            framework,
            document.Organisational,
            KeyQuestionInputs(fromCases, document.KeyQuestions),
            document.HasCases ? fromCases.Cases : null,
            document.Overrides,
            classifications.ToImmutable(),
            warnings.ToImmutable());
    }

    /// <summary>Builds a rating input from tallies, e.g. the result of the bulk path or of merged shards.</summary>
    /// <param name="unit">The inspected unit.</param>
    /// <param name="tallies">The tallies.</param>
    /// <param name="organisational">The judgement ratings.</param>
    /// <param name="overrides">Overrides, if any.</param>
    /// <returns>The rating input.</returns>
    public static RatingInput FromTallies(string unit, TallySet tallies, IEnumerable<JudgementRating> organisational, IEnumerable<RatingOverride>? overrides = null)
    {
        if (tallies is null)
        {
            throw new ArgumentNullException(nameof(tallies));
        }

        var inputs = ImmutableArray.CreateBuilder<KeyQuestionInput>(tallies.KeyQuestions.Count);
        foreach (var question in tallies.Framework.KeyQuestions)
        {
            inputs.Add(new KeyQuestionInput(question.Id, tallies.KeyQuestions[question.Index], null));
        }

        return new RatingInput(
            unit,
            tallies.Framework,
            ImmutableArray.CreateRange(organisational ?? throw new ArgumentNullException(nameof(organisational))),
            inputs.MoveToImmutable(),
            tallies.Cases,
            overrides is null ? ImmutableArray<RatingOverride>.Empty : ImmutableArray.CreateRange(overrides),
            ImmutableArray<CaseClassification>.Empty,
            ImmutableArray<RatingWarning>.Empty);
    }

    /// <summary>
    /// One input per key question of the tallies' framework: the case tallies, with the document's aggregate
    /// results laid over them (findings-format.md: each key question comes from exactly one place).
    /// </summary>
    internal static ImmutableArray<KeyQuestionInput> KeyQuestionInputs(TallySet caseTallies, IEnumerable<KeyQuestionInput> aggregates)
    {
        var framework = caseTallies.Framework;
        var inputs = new KeyQuestionInput[framework.KeyQuestions.Count];
        foreach (var question in framework.KeyQuestions)
        {
            inputs[question.Index] = new KeyQuestionInput(question.Id, caseTallies.KeyQuestions[question.Index], null);
        }

        foreach (var aggregate in aggregates)
        {
            framework.TryGetKeyQuestion(aggregate.KeyQuestionId, out var question);
            inputs[question!.Index] = aggregate;
        }

        return ImmutableArray.Create(inputs);
    }

    private static void CaseWarnings(
        Framework framework,
        InspectedCase inspectedCase,
        CaseClassification classification,
        HashSet<string> notApplicableWhenAdjusted,
        ImmutableArray<RatingWarning>.Builder warnings)
    {
        if (inspectedCase.Suspended is not null && inspectedCase.Exemption is not null)
        {
            warnings.Add(new RatingWarning(
                WarningCode.SuspendedButExempt,
                $"case {inspectedCase.Id} is marked exempt ({inspectedCase.Exemption}) but has contact suspended from {Internal.DateText.Format(inspectedCase.Suspended.Value)}; it is judged against core standards",
                CaseId: inspectedCase.Id));
        }

        if (inspectedCase.Suspended is not null && inspectedCase.Suspended.Value < framework.Reset.EffectiveFrom)
        {
            warnings.Add(new RatingWarning(
                WarningCode.SuspendedBeforeReset,
                $"case {inspectedCase.Id} has contact suspended on {Internal.DateText.Format(inspectedCase.Suspended.Value)}, before Probation Reset began on {Internal.DateText.Format(framework.Reset.EffectiveFrom)}",
                CaseId: inspectedCase.Id));
        }

        if (classification.Class == CaseClass.Adjusted && notApplicableWhenAdjusted.Count > 0)
        {
            foreach (var question in framework.KeyQuestions)
            {
                if (notApplicableWhenAdjusted.Contains(question.Id) && inspectedCase.Answers[question.Index] != Answer.NotApplicable)
                {
                    warnings.Add(new RatingWarning(
                        WarningCode.AnswerNotApplicableWhenAdjusted,
                        $"case {inspectedCase.Id} has the adjusted standards, under which {question.Id} does not apply; its answer is not counted",
                        KeyQuestionId: question.Id,
                        CaseId: inspectedCase.Id));
                }
            }
        }
    }
}
