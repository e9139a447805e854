using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Probation.Standards.Cases;
using Probation.Standards.Frameworks;
using Probation.Standards.Internal;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;
using Probation.Standards.Verification;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// The rules that need the framework, checked once as the parser hands over each piece: cases are bound
/// and tallied as they come (kept only when asked), so a document is read in one pass whatever its size,
/// with the same results and warnings whether its cases are kept or not.
/// </summary>
internal sealed class DocumentBinder : IFindingsHandler
{
    private readonly string file;
    private readonly FrameworkCatalog catalog;
    private readonly ProblemSink problems;
    private readonly bool keepCases;
    private readonly List<RawCase> waiting = new();
    private readonly ImmutableArray<InspectedCase>.Builder kept = ImmutableArray.CreateBuilder<InspectedCase>();
    private readonly ImmutableArray<RatingWarning>.Builder warnings = ImmutableArray.CreateBuilder<RatingWarning>();
    private readonly CaseIdSet caseIds = new();
    private Framework? framework;
    private bool frameworkFailed;
    private TallyBuilder? tallies;
    private ulong givenInCases;
    private long cases;
    private string?[] lastIds = Array.Empty<string?>();
    private int[] lastIndexes = Array.Empty<int>();
    private Answer[] scratch = Array.Empty<Answer>();
    private int[] slotIndexes = Array.Empty<int>(); // the parser's id slot -> key-question index, -1 unknown

    private const int NotLookedUp = -2;

    public DocumentBinder(string file, FrameworkCatalog catalog, ProblemSink problems, bool keepCases)
    {
        this.file = file;
        this.catalog = catalog;
        this.problems = problems;
        this.keepCases = keepCases;
    }

    /// <summary>Whether a key question given nowhere is accepted (a header whose cases come from a sheet).</summary>
    public bool AllowMissingKeyQuestions { get; init; }

    public void FrameworkNamed(RawHeader header)
    {
        if (this.framework is null && !this.frameworkFailed)
        {
            this.Resolve(header);
        }
    }

    public bool Case(RawCase rawCase)
    {
        this.cases++;
        if (this.framework is not null)
        {
            this.Bind(rawCase);
            return false;
        }

        if (!this.frameworkFailed)
        {
            this.waiting.Add(rawCase); // the framework is not known yet: bound once it is
            return true;
        }

        return false;
    }

    public void CasesExpected(long count)
    {
        this.caseIds.Reserve(count);
        if (this.keepCases && count > this.kept.Capacity && count <= int.MaxValue / 2)
        {
            this.kept.Capacity = (int)count; // grown once, not by doubling through every size below
        }
    }

    public void IdRead(ReadOnlySpan<byte> id) => this.caseIds.Prefetch(id);

    /// <summary>Checks the document-level rules and builds the document, or throws every problem found.</summary>
    public FindingsDocument Finish(RawHeader header, bool stopped)
    {
        if (stopped)
        {
            this.problems.ThrowIfAny();
        }

        if (this.framework is null && !this.frameworkFailed)
        {
            this.Resolve(header);
        }

        if (this.framework is null)
        {
            this.CheckUnit(header);
            this.problems.ThrowIfAny();
            throw new InvalidOperationException("no framework and no problem"); // unreachable: Resolve reports why
        }

        var framework = this.framework;
        this.CheckUnit(header);
        var judgements = this.Judgements(header, framework);
        var (published, aggregates) = this.KeyQuestions(header, framework);
        var overrides = this.Overrides(header, framework);
        var expected = this.Expected(header, framework);
        if (header.FieldworkStarted is { } started && header.Framework is not null && !framework.IsInForceOn(started))
        {
            this.warnings.Insert(0, new RatingWarning(
                WarningCode.FrameworkNotInForce,
                $"{framework.Id} applies to fieldwork from {DateText.Format(framework.EffectiveFrom)}{(framework.EffectiveTo is { } to ? " to " + DateText.Format(to) : string.Empty)}, but fieldwork started on {DateText.Format(started)}"));
        }

        this.problems.ThrowIfAny();
        var caseTallies = this.tallies!.ToTallySet();
        var given = caseTallies.Given.ToBuilder();
        var values = caseTallies.KeyQuestions.AsImmutableArray().ToBuilder();
        foreach (var (index, tally) in aggregates)
        {
            values[index] = tally;
            given[index] = true;
        }

        var tallySet = new TallySet(framework, values.MoveToImmutable(), given.MoveToImmutable(), this.cases > 0 ? caseTallies.Cases : null);
        this.warnings.AddRange(this.tallies.Warnings);
        var input = new RatingInput(header.Unit!, tallySet, published, judgements, overrides, this.warnings.ToImmutable());
        return new FindingsDocument(this.file, framework, header.FieldworkStarted, input, this.keepCases ? this.kept.ToImmutable() : ImmutableArray<InspectedCase>.Empty, this.keepCases, this.cases > 0, expected);
    }

    private void Resolve(RawHeader header)
    {
        if (header.Framework is not null)
        {
            if (!this.catalog.TryGetFramework(header.Framework, out this.framework))
            {
                this.Fail(header.FrameworkPlace, ProblemCode.UnknownFramework, $"unknown framework {Quoting.Quote(header.Framework)} (known: {this.catalog.KnownIds})");
                return;
            }
        }
        else if (header.BadFields.Contains("framework"))
        {
            this.frameworkFailed = true;
            return;
        }
        else if (header.FieldworkStarted is null)
        {
            if (!header.BadFields.Contains("fieldworkStarted"))
            {
                this.Fail(new Place("$.fieldworkStarted", 0, 0), ProblemCode.MissingField, "fieldworkStarted is required when framework is not given (R1)");
            }

            this.frameworkFailed = true;
            return;
        }
        else if (!this.catalog.TryGetFrameworkInForce(header.FieldworkStarted.Value, out this.framework))
        {
            var date = header.FieldworkStarted.Value;
            var elsewhere = this.catalog.InForceElsewhere(date);
            var hint = elsewhere.Length == 0 ? string.Empty : $"; frameworks of other families are never picked by date, so name one in framework (in force then: {elsewhere})";
            this.Fail(header.FieldworkPlace, ProblemCode.NoFrameworkInForce, $"no framework of the default family {FrameworkCatalog.DefaultFamily} is in force on {DateText.Format(date)} (known: {this.catalog.KnownIds}){hint}");
            return;
        }

        var n = this.framework!.KeyQuestions.Count;
        this.tallies = new TallyBuilder(this.framework);
        this.lastIds = new string?[n];
        this.lastIndexes = new int[n];
        this.scratch = new Answer[n];
        foreach (var rawCase in this.waiting)
        {
            this.Bind(rawCase);
        }

        this.waiting.Clear();
    }

    private void Fail(Place place, ProblemCode code, string message)
    {
        this.frameworkFailed = true;
        this.problems.Add(place.Problem(this.file, code, message));
    }

    private void Bind(RawCase rawCase)
    {
        var framework = this.framework!;
        var ok = !rawCase.Broken;
        if (rawCase.HasId && !(rawCase.IdUtf8.Length > 0 ? this.caseIds.Add(rawCase.IdUtf8) : this.caseIds.Add(rawCase.Id!)))
        {
            this.problems.Add(rawCase.Place("id").Problem(this.file, ProblemCode.DuplicateCaseId, $"duplicate case id {Quoting.Quote(rawCase.Id!)}"));
            ok = false;
        }

        // A kept case owns its answers; a case only tallied reuses one array.
        var answers = this.keepCases ? new Answer[framework.KeyQuestions.Count] : this.scratch;
        if (!this.keepCases)
        {
            Array.Clear(answers, 0, answers.Length);
        }

        if (!rawCase.BySlot || !this.AlignBySlot(rawCase, answers, out var answered))
        {
            answered = this.Align(rawCase, answers, ref ok);
        }

        this.givenInCases |= answered;
        if (!ok)
        {
            return;
        }

        if (!rawCase.HasAnswers)
        {
            this.warnings.Add(new RatingWarning(WarningCode.CaseWithoutAnswers, $"case {Quoting.Quote(rawCase.Id!)} has no answers: every key question is NotApplicable for it", caseId: rawCase.Id));
        }

        if (!this.keepCases)
        {
            // Tallied from the parts as read: no case object, no id string unless a warning names the case.
            this.tallies!.Add(answers, answered, rawCase.Sentence, rawCase.Start, rawCase.Suspended, rawCase.Exemption, rawCase);
            return;
        }

        // The array is new and never written again, so it becomes the immutable array without a copy.
        var inspected = new InspectedCase(framework, rawCase.Id!, rawCase.Sentence, rawCase.Start, rawCase.Suspended, rawCase.Exemption, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(answers), answered, InspectedCase.SortedTags(rawCase.Id!, rawCase.Tags));
        this.tallies!.Add(inspected);
        this.kept.Add(inspected);
    }

    // Answers held by the parser's id slots: each slot's key question is looked up once per document. Gives the
    // answered mask, or false (nothing written) when an id is not a key question, for Align to report.
    private bool AlignBySlot(RawCase rawCase, Answer[] answers, out ulong answered)
    {
        var slots = rawCase.Slots;
        var values = rawCase.SlotValues;
        answered = 0UL;
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (slot >= this.slotIndexes.Length)
            {
                var larger = new int[Math.Max(64, slot + 1)];
                larger.AsSpan().Fill(NotLookedUp);
                this.slotIndexes.AsSpan().CopyTo(larger);
                this.slotIndexes = larger;
            }

            var index = this.slotIndexes[slot];
            if (index == NotLookedUp)
            {
                index = this.framework!.TryGetKeyQuestion(rawCase.SlotIds![slot], out var question) ? question.Index : -1;
                this.slotIndexes[slot] = index;
            }

            if (index < 0)
            {
                answers.AsSpan().Clear();
                return false;
            }

            answers[index] = values[i];
            answered |= 1UL << index;
        }

        return true;
    }

    // Answers keyed by id strings (and any case with an unknown key question, reported here in document order).
    private ulong Align(RawCase rawCase, Answer[] answers, ref bool ok)
    {
        var framework = this.framework!;
        var answered = 0UL;
        var position = 0;
        foreach (var pair in rawCase.Answers)
        {
            // The parser hands out one string per distinct id, usually in the same order in every case,
            // so the id seen at this position last time settles most answers without a lookup.
            int index;
            if (position < this.lastIds.Length && ReferenceEquals(this.lastIds[position], pair.Key))
            {
                index = this.lastIndexes[position];
            }
            else if (framework.TryGetKeyQuestion(pair.Key, out var question))
            {
                index = question.Index;
                if (position < this.lastIds.Length)
                {
                    this.lastIds[position] = pair.Key;
                    this.lastIndexes[position] = index;
                }
            }
            else
            {
                var at = new Place(JsonPathText.Property(JsonPathText.Property(rawCase.Path, "answers"), pair.Key), rawCase.Line, rawCase.Column);
                this.problems.Add(at.Problem(this.file, ProblemCode.UnknownKeyQuestion, UnknownKeyQuestion(framework, pair.Key)));
                ok = false;
                position++;
                continue;
            }

            answers[index] = pair.Value;
            answered |= 1UL << index;
            position++;
        }

        return answered;
    }

    // One message for an unknown key question, wherever it is named, with a hint when it is a standard's id.
    private static string UnknownKeyQuestion(Framework framework, string id)
    {
        var hint = framework.TryGetStandard(id, out _) ? $" ({id} is a standard; its key questions are numbered like {id}.1)" : string.Empty;
        return $"unknown key question {Quoting.Quote(id)} in {framework.Id}{hint}";
    }

    private void CheckUnit(RawHeader header)
    {
        if (header.Unit is null && !header.BadFields.Contains("unit"))
        {
            this.problems.Add(new InputProblem(ProblemCode.MissingField, this.file, "$.unit", "unit is required: the inspected unit's name"));
        }
    }

    // R6: every judgement-rated standard must be given; R10: never guessed.
    private EquatableArray<JudgementRating> Judgements(RawHeader header, Framework framework)
    {
        if (!header.OrganisationalGiven)
        {
            if (!header.BadFields.Contains("organisational"))
            {
                this.problems.Add(new InputProblem(ProblemCode.MissingField, this.file, "$.organisational", "organisational is required: a rating (or NotRated) for every judgement-rated standard"));
            }

            return EquatableArray<JudgementRating>.Empty;
        }

        var given = new Dictionary<string, Rating>(StringComparer.Ordinal);
        foreach (var entry in header.Organisational)
        {
            if (!framework.TryGetStandard(entry.Id, out var standard))
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.UnknownStandard, $"unknown standard {Quoting.Quote(entry.Id)} in {framework.Id}"));
            }
            else if (standard.RatedBy != RatedBy.Judgement)
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.NotAJudgement, $"{standard.Id} {standard.Name} is rated from cases, not given as a judgement"));
            }
            else
            {
                given[entry.Id] = entry.Value;
            }
        }

        var judgements = ImmutableArray.CreateBuilder<JudgementRating>();
        foreach (var standard in framework.Standards.Where(s => s.RatedBy == RatedBy.Judgement))
        {
            if (given.TryGetValue(standard.Id, out var rating))
            {
                judgements.Add(new JudgementRating(standard.Id, rating));
            }
            else if (!header.BadFields.Contains("organisational") && !header.BadFields.Contains("organisational:" + standard.Id))
            {
                this.problems.Add(new InputProblem(ProblemCode.JudgementMissing, this.file, "$.organisational", $"missing organisational standard {standard.Id} {standard.Name} (give a rating or NotRated)"));
            }
        }

        return judgements.ToImmutable();
    }

    // docs/findings-format.md: each key question from exactly one place.
    private (EquatableArray<PublishedPercentage> Published, List<(int Index, KeyQuestionTally Tally)> Aggregates) KeyQuestions(RawHeader header, Framework framework)
    {
        var published = ImmutableArray.CreateBuilder<PublishedPercentage>();
        var aggregates = new List<(int, KeyQuestionTally)>();
        var inKeyQuestions = 0UL;
        foreach (var entry in header.KeyQuestions)
        {
            if (!framework.TryGetKeyQuestion(entry.Id, out var question))
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.UnknownKeyQuestion, UnknownKeyQuestion(framework, entry.Id)));
                continue;
            }

            inKeyQuestions |= 1UL << question.Index;
            if ((this.givenInCases & (1UL << question.Index)) != 0)
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.KeyQuestionGivenTwice, $"{question.Id} is given both in keyQuestions and in case answers"));
                continue;
            }

            if (header.BadFields.Contains("keyQuestions:" + entry.Id))
            {
                continue;
            }

            if (entry.Value.Percent is { } percent)
            {
                published.Add(PublishedPercentage.FromExact(question.Id, percent));
            }
            else
            {
                aggregates.Add((question.Index, entry.Value.Tally));
            }
        }

        foreach (var question in framework.KeyQuestions)
        {
            var bit = 1UL << question.Index;
            if ((inKeyQuestions & bit) == 0 && (this.givenInCases & bit) == 0 && !this.AllowMissingKeyQuestions)
            {
                this.problems.Add(new InputProblem(ProblemCode.KeyQuestionNotGiven, this.file, "$.keyQuestions", $"{question.Id} is given neither in keyQuestions nor in any case's answers"));
            }
        }

        return (published.ToImmutable(), aggregates);
    }

    private EquatableArray<RatingOverride> Overrides(RawHeader header, Framework framework)
    {
        var overrides = ImmutableArray.CreateBuilder<RatingOverride>();
        foreach (var entry in header.Overrides)
        {
            if (!framework.TryGetStandard(entry.Id, out var standard))
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.UnknownStandard, $"unknown standard {Quoting.Quote(entry.Id)} in {framework.Id}"));
            }
            else if (standard.RatedBy != RatedBy.CaseSample)
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.OverrideOfJudgement, $"{standard.Id} {standard.Name} is a judgement; only case standards can be overridden (R7)"));
            }
            else
            {
                overrides.Add(new RatingOverride(standard.Id, entry.Value.Rating, entry.Value.Reason));
            }
        }

        return overrides.ToImmutable();
    }

    private ExpectedResult? Expected(RawHeader header, Framework framework)
    {
        if (header.Expected is not { } raw)
        {
            return null;
        }

        var standards = new List<ExpectedStandard>();
        foreach (var entry in raw.Standards)
        {
            if (!framework.TryGetStandard(entry.Id, out _))
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.UnknownStandard, $"unknown standard {Quoting.Quote(entry.Id)} in {framework.Id}"));
                continue;
            }

            if (entry.Value.DrivenBy is { } drivenBy && !framework.TryGetKeyQuestion(drivenBy, out _))
            {
                this.problems.Add(entry.Place.Problem(this.file, ProblemCode.UnknownKeyQuestion, $"drivenBy {Quoting.Quote(drivenBy)} is not a key question of {framework.Id}"));
                continue;
            }

            standards.Add(entry.Value);
        }

        return new ExpectedResult(standards, raw.Score, raw.MaxScore, raw.Overall, raw.CasesInspected, raw.ResetCases, raw.AdjustedCases);
    }
}
