using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Probation.Standards.Frameworks;
using Probation.Standards.Internal;

namespace Probation.Standards.Findings;

/// <summary>
/// Reads findings documents (findings-format.md) and checks every rule of the format, so that a
/// document either comes back whole and ratable or is rejected with one <see cref="InvalidInputException"/>
/// naming the file, the JSON path and the problem (R10: nothing is half-rated, nothing silently dropped).
/// </summary>
public static class FindingsReader
{
    /// <summary>Reads a findings document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static FindingsDocument Read(Stream utf8Json, string file, FrameworkCatalog? catalog = null)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var origin = utf8Json.CanSeek ? utf8Json.Position : -1;
        try
        {
            var collector = new Collector();
            var header = FindingsParser.Parse(utf8Json, file, collector);
            var binder = new FindingsBinder(file, header, catalog ?? FrameworkCatalog.Default);
            var cases = ImmutableArray.CreateBuilder<InspectedCase>(collector.Cases.Count);
            foreach (var rawCase in collector.Cases)
            {
                cases.Add(binder.BindCase(rawCase));
            }

            return binder.BindDocument(cases.MoveToImmutable());
        }
        catch (InvalidInputException ex) when (origin >= 0)
        {
            throw WithLocation(ex, utf8Json, origin);
        }
    }

    /// <summary>
    /// Adds the line and character column of the offending value to an error found after parsing, or turns a
    /// syntax error's byte column into a character column, by reading the document again from
    /// <paramref name="origin"/> (the error path only; seekable streams only).
    /// </summary>
    internal static InvalidInputException WithLocation(InvalidInputException error, Stream utf8Json, long origin)
    {
        const long MaxLocatableBytes = 256L * 1024 * 1024;
        try
        {
            var length = utf8Json.Length - origin;
            if (length <= 0 || length > MaxLocatableBytes)
            {
                return error;
            }

            utf8Json.Position = origin;
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = utf8Json.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (error.Line is { } syntaxLine)
            {
                // The reader counts bytes; a person counts characters.
                var characters = JsonLocator.CharacterColumn(bytes, syntaxLine, error.Column ?? 1);
                return characters == error.Column ? error : new InvalidInputException(error.File, error.JsonPath, error.Problem, syntaxLine, characters, error.InnerException);
            }

            return JsonLocator.TryLocate(bytes, error.JsonPath, out var line, out var column)
                ? error.Located(line, column)
                : error;
        }
        catch (IOException)
        {
            return error;
        }
        catch (NotSupportedException)
        {
            return error;
        }
    }

    /// <summary>Reads a findings document from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static FindingsDocument Read(byte[] utf8Json, string file, FrameworkCatalog? catalog = null)
    {
        using var stream = new MemoryStream(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json)), writable: false);
        return Read(stream, file, catalog);
    }

    private sealed class Collector : IFindingsHandler
    {
        public List<RawCase> Cases { get; } = new();

        public void HeaderChanged(RawHeader header)
        {
        }

        public void Case(RawCase rawCase, RawHeader header) => this.Cases.Add(rawCase);
    }
}

/// <summary>
/// Binds what the parser read to a framework and checks the rules that need it: known framework,
/// known standard and key-question ids, every judgement given, every key question given exactly once,
/// unique case ids, overrides only on case standards.
/// </summary>
internal sealed class FindingsBinder
{
    private readonly string file;
    private readonly RawHeader header;
    private readonly CaseIdSet caseIds = new();
    private readonly bool[] answeredInCases;
    private readonly string?[] lastIds;
    private readonly int[] lastIndexes;

    public FindingsBinder(string file, RawHeader header, FrameworkCatalog catalog)
    {
        this.file = file;
        this.header = header;
        this.Framework = ResolveFramework(file, header, catalog);
        this.answeredInCases = new bool[this.Framework.KeyQuestions.Count];
        this.lastIds = new string?[this.Framework.KeyQuestions.Count];
        this.lastIndexes = new int[this.Framework.KeyQuestions.Count];
    }

    public Framework Framework { get; }

    public static Framework ResolveFramework(string file, RawHeader header, FrameworkCatalog catalog)
    {
        if (header.Framework is not null)
        {
            return catalog.Find(header.Framework)
                ?? throw new InvalidInputException(file, "$.framework", $"unknown framework '{header.Framework}' (known: {string.Join(", ", Ids(catalog))})");
        }

        if (header.FieldworkStarted is null)
        {
            throw new InvalidInputException(file, "$.fieldworkStarted", "fieldworkStarted is required when framework is not given");
        }

        return catalog.InForceOn(header.FieldworkStarted.Value)
            ?? throw new InvalidInputException(file, "$.fieldworkStarted", $"no known framework is in force on {DateText.Format(header.FieldworkStarted.Value)}");
    }

    public InspectedCase BindCase(RawCase rawCase)
    {
        if (!this.caseIds.Add(rawCase.Id!))
        {
            throw this.Error(JsonPathText.Property(rawCase.Path, "id"), $"duplicate case id '{rawCase.Id}'");
        }

        var answers = new Answer[this.Framework.KeyQuestions.Count];
        var position = 0;
        foreach (var pair in rawCase.Answers)
        {
            // The parser hands out one string per distinct id, usually in the same order in every case,
            // so the id seen at this position last time settles most answers without a lookup.
            if (position < this.lastIds.Length && ReferenceEquals(this.lastIds[position], pair.Key))
            {
                answers[this.lastIndexes[position]] = pair.Value;
                this.answeredInCases[this.lastIndexes[position]] = true;
                position++;
                continue;
            }

            // The JSON path is built only for the error: building it for every answer cost several KB a case.
            if (!this.Framework.TryGetKeyQuestion(pair.Key, out var question))
            {
                question = this.KeyQuestion(pair.Key, JsonPathText.Property(JsonPathText.Property(rawCase.Path, "answers"), pair.Key));
            }

            answers[question.Index] = pair.Value;
            this.answeredInCases[question.Index] = true;
            if (position < this.lastIds.Length)
            {
                this.lastIds[position] = pair.Key;
                this.lastIndexes[position] = question.Index;
            }

            position++;
        }

        // The array is new and never written again, so it becomes the immutable array without a copy.
        return new InspectedCase(rawCase.Id!, rawCase.Sentence, rawCase.Start, rawCase.Suspended, rawCase.Exemption, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(answers));
    }

    public FindingsDocument BindDocument(ImmutableArray<InspectedCase> cases)
    {
        var unit = this.header.Unit ?? throw this.Error("$.unit", "unit is required");
        var framework = this.Framework;

        // R6: every judgement-rated standard must be given; R10: never guessed.
        if (this.header.Organisational is null)
        {
            throw this.Error("$.organisational", "organisational is required: a rating (or NotRated) for every judgement-rated standard");
        }

        var organisational = new JudgementRating?[framework.Standards.Count];
        foreach (var pair in this.header.Organisational)
        {
            var at = JsonPathText.Property("$.organisational", pair.Key);
            if (!framework.TryGetStandard(pair.Key, out var standard))
            {
                throw this.Error(at, $"unknown standard '{pair.Key}' in {framework.Id}");
            }

            if (standard.RatedBy != RatedBy.Judgement)
            {
                throw this.Error(at, $"{pair.Key} {standard.Name} is rated from cases, not given as a judgement");
            }

            organisational[IndexOf(framework, standard)] = new JudgementRating(pair.Key, pair.Value);
        }

        var judgements = ImmutableArray.CreateBuilder<JudgementRating>();
        for (var i = 0; i < framework.Standards.Count; i++)
        {
            var standard = framework.Standards[i];
            if (standard.RatedBy != RatedBy.Judgement)
            {
                continue;
            }

            judgements.Add(organisational[i] ?? throw this.Error("$.organisational", $"missing organisational standard {standard.Id} {standard.Name} (give a rating or NotRated)"));
        }

        // findings-format.md: each key question from exactly one place.
        var aggregates = new KeyQuestionInput?[framework.KeyQuestions.Count];
        foreach (var aggregate in this.header.KeyQuestions)
        {
            var at = JsonPathText.Property("$.keyQuestions", aggregate.KeyQuestionId);
            var question = this.KeyQuestion(aggregate.KeyQuestionId, at);
            if (this.answeredInCases[question.Index])
            {
                throw this.Error(at, $"{question.Id} is given both in keyQuestions and in case answers");
            }

            aggregates[question.Index] = aggregate;
        }

        foreach (var question in framework.KeyQuestions)
        {
            if (aggregates[question.Index] is null && !this.answeredInCases[question.Index])
            {
                throw this.Error("$.keyQuestions", $"{question.Id} is given neither in keyQuestions nor in any case's answers");
            }
        }

        var overrides = new RatingOverride?[framework.Standards.Count];
        foreach (var @override in this.header.Overrides)
        {
            var at = JsonPathText.Property("$.overrides", @override.StandardId);
            if (!framework.TryGetStandard(@override.StandardId, out var standard))
            {
                throw this.Error(at, $"unknown standard '{@override.StandardId}' in {framework.Id}");
            }

            if (standard.RatedBy != RatedBy.CaseSample)
            {
                throw this.Error(at, $"{standard.Id} {standard.Name} is a judgement; only case standards can be overridden (R7)");
            }

            overrides[IndexOf(framework, standard)] = @override;
        }

        var aggregateList = ImmutableArray.CreateBuilder<KeyQuestionInput>();
        foreach (var aggregate in aggregates)
        {
            if (aggregate is not null)
            {
                aggregateList.Add(aggregate);
            }
        }

        var overrideList = ImmutableArray.CreateBuilder<RatingOverride>();
        foreach (var @override in overrides)
        {
            if (@override is not null)
            {
                overrideList.Add(@override);
            }
        }

        return new FindingsDocument(
            this.file,
            unit,
            framework,
            this.header.FieldworkStarted,
            judgements.ToImmutable(),
            aggregateList.ToImmutable(),
            cases,
            overrideList.ToImmutable(),
            this.header.Expected);
    }

    private static int IndexOf(Framework framework, StandardDefinition standard)
    {
        for (var i = 0; i < framework.Standards.Count; i++)
        {
            if (ReferenceEquals(framework.Standards[i], standard))
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> Ids(FrameworkCatalog catalog)
    {
        foreach (var framework in catalog.Frameworks)
        {
            yield return framework.Id;
        }
    }

    private KeyQuestionDefinition KeyQuestion(string id, string at)
    {
        if (!this.Framework.TryGetKeyQuestion(id, out var question))
        {
            var hint = this.Framework.TryGetStandard(id, out _) ? $" ({id} is a standard; key questions are numbered like {id}.1)" : string.Empty;
            throw this.Error(at, $"unknown key question '{id}' in {this.Framework.Id}{hint}");
        }

        return question;
    }

    private InvalidInputException Error(string at, string problem) => new(this.file, at, problem);
}
