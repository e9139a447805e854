using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Probation.Standards.Frameworks;
using Probation.Standards.Scoring;

namespace Probation.Standards.Findings;

/// <summary>
/// Rates a findings document (findings-format.md) straight from a stream, without holding its cases:
/// the parser reads the JSON in chunks, each case is validated and bound exactly as
/// <see cref="FindingsReader"/> binds it, and cases are tallied a few thousand at a time by the same
/// per-case code (<see cref="RatingInput.From(FindingsDocument)"/>, so the same tallies, case counts and
/// case warnings), then dropped; the chunks' tallies merge (design.md: tallies are the narrow waist).
/// The result equals <c>Rater.Rate(FindingsReader.Read(...))</c> except that it carries no per-case
/// <see cref="RatingResult.Classifications"/>.
/// </summary>
/// <remarks>
/// <para>
/// Memory: the JSON buffer, one chunk of cases and the tallies are fixed in size. What still grows with
/// the number of cases: the set of case ids seen, which the duplicate-id rule needs (one string and one
/// hash-set entry a case, roughly 60-100 bytes for short ids: about 80 MB for a million cases), and
/// the case warnings, one per case that earns one (R9: suspended but exempt, suspended before Reset).
/// </para>
/// <para>
/// Order of the document: cases are bound as soon as the framework is known, from <c>framework</c> or
/// from <c>fieldworkStarted</c>. Cases that come before both are buffered until one of them is read (or
/// the document ends), so a document that puts its header after its cases is read in memory that grows
/// with its cases, like <see cref="FindingsReader"/>. A document that gives <c>fieldworkStarted</c>
/// before its cases but <c>framework</c> after them, naming a different framework from the one in force
/// on that date, is read a second time from the start when the stream can seek; when it cannot, it is
/// rejected with an error that says to put <c>framework</c> first.
/// </para>
/// <para>
/// Errors: a document breaking several rules is rejected for the same rule, with the same message, as
/// <see cref="FindingsReader"/> would reject it: syntax and format errors first, then the framework,
/// then the first case in document order that breaks a binding rule, then the document-level rules.
/// </para>
/// </remarks>
public static class FindingsStream
{
    /// <summary>Rates a findings document read from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <param name="options">Rating options; <see cref="RatingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The rating, without per-case classifications.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static RatingResult Rate(Stream utf8Json, string file, FrameworkCatalog? catalog = null, RatingOptions? options = null) =>
        Rater.Rate(ReadRatingInput(utf8Json, file, catalog), options);

    /// <summary>Reads a findings document from a stream into the input of rating, tallying its cases as they stream past.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The rating input, equal to <c>RatingInput.From(FindingsReader.Read(...))</c> but with no per-case classifications.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static RatingInput ReadRatingInput(Stream utf8Json, string file, FrameworkCatalog? catalog = null) =>
        Read(utf8Json, file, catalog).Input;


    /// <summary>
    /// Tallies the cases of a findings document read from a stream (the whole document is still validated):
    /// for sharded data, tally each shard and <see cref="TallySet.Merge"/> the results.
    /// </summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tallies of the document's cases (aggregate key-question results are not included).</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static TallySet Tally(Stream utf8Json, string file, FrameworkCatalog? catalog = null) =>
        Read(utf8Json, file, catalog).CaseTallies;

    /// <summary>
    /// Reads a findings document from a stream into its header (everything but the cases: the document's
    /// <see cref="FindingsDocument.Cases"/> is empty) and the input of rating, with the cases tallied as
    /// they stream past. For tools that report on a document as well as rate it (unit, fieldwork date,
    /// the expected block).
    /// </summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="file">The file or stream name, used in error messages.</param>
    /// <param name="catalog">The frameworks the document may name; <see cref="FrameworkCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The header and the rating input.</returns>
    /// <exception cref="InvalidInputException">When the document breaks a rule of the format.</exception>
    public static StreamedFindings ReadStreamed(Stream utf8Json, string file, FrameworkCatalog? catalog = null)
    {
        var (input, _, header) = Read(utf8Json, file, catalog);
        return new StreamedFindings(header, input);
    }

    private static (RatingInput Input, TallySet CaseTallies, FindingsDocument Header) Read(Stream utf8Json, string file, FrameworkCatalog? catalog)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        catalog ??= FrameworkCatalog.Default;
        var start = utf8Json.CanSeek ? utf8Json.Position : -1;
        var handler = new StreamingBinder(file, catalog);
        var header = FindingsParser.Parse(utf8Json, file, handler);

        // The same order of checks as FindingsReader.Read: the framework, then the cases in order, then the document.
        var framework = FindingsBinder.ResolveFramework(file, header, catalog);
        if (!handler.Finish(header, framework))
        {
            // The cases were bound against the framework in force on fieldworkStarted, but a later
            // framework field names another: read the document again, whole, as FindingsReader does.
            if (start < 0)
            {
                throw new InvalidInputException(
                    file,
                    "$.framework",
                    $"framework '{header.Framework}' comes after cases that were read against {handler.BoundFramework?.Id ?? "no framework"}, the framework in force on fieldworkStarted; to stream this document give framework before cases");
            }

            utf8Json.Position = start;
            var document = FindingsReader.Read(utf8Json, file, catalog);
            var whole = RatingInput.From(document);
            return (whole with { Classifications = ImmutableArray<CaseClassification>.Empty }, TallySet.Of(document.Framework, document.Cases), document with { Cases = ImmutableArray<InspectedCase>.Empty });
        }

        return handler.Result();
    }

    /// <summary>Binds and tallies cases as the parser reads them, keeping none beyond one chunk.</summary>
    private sealed class StreamingBinder : IFindingsHandler
    {
        private const int ChunkSize = 4096;
        private readonly string file;
        private readonly FrameworkCatalog catalog;
        private readonly List<RawCase> waiting = new();
        private readonly List<InspectedCase> chunk = new(ChunkSize);
        private readonly ImmutableArray<RatingWarning>.Builder warnings = ImmutableArray.CreateBuilder<RatingWarning>();
        private FindingsBinder? binder;
        private InvalidInputException? firstError;
        private TallySet? tallies;
        private long casesSeen;
        private FindingsDocument? document;

        public StreamingBinder(string file, FrameworkCatalog catalog)
        {
            this.file = file;
            this.catalog = catalog;
        }

        public Framework? BoundFramework => this.binder?.Framework;

        public void HeaderChanged(RawHeader header)
        {
            if (this.binder is null && this.firstError is null && (header.Framework is not null || header.FieldworkStarted is not null))
            {
                this.StartBinding(header);
            }
        }

        public void Case(RawCase rawCase, RawHeader header)
        {
            this.casesSeen++;
            if (this.firstError is not null)
            {
                return; // a case already broke a rule; the parser goes on only to report syntax errors first
            }

            if (this.binder is null)
            {
                this.waiting.Add(rawCase); // framework not yet known: buffered (see FindingsStream remarks)
                return;
            }

            this.Bind(rawCase);
        }

        // Called once the whole document is parsed and its framework resolved; false when the cases were bound to another framework.
        public bool Finish(RawHeader header, Framework framework)
        {
            if (this.binder is null)
            {
                if (this.firstError is not null)
                {
                    return false; // no framework was in force on fieldworkStarted, but a later framework field names one
                }

                this.StartBinding(header);
            }

            if (this.binder is null || !ReferenceEquals(this.binder.Framework, framework) && this.binder.Framework != framework)
            {
                return false;
            }

            if (this.firstError is not null)
            {
                throw this.firstError;
            }

            this.Flush();
            this.document = this.binder.BindDocument(ImmutableArray<InspectedCase>.Empty);
            return true;
        }

        public (RatingInput Input, TallySet CaseTallies, FindingsDocument Header) Result()
        {
            var document = this.document!;
            var framework = document.Framework;
            var caseTallies = this.tallies ?? TallySet.Empty(framework);

            var input = new RatingInput(
                document.Unit,
                framework,
                document.Organisational,
                RatingInput.KeyQuestionInputs(caseTallies, document.KeyQuestions),
                this.casesSeen > 0 ? caseTallies.Cases : null,
                document.Overrides,
                ImmutableArray<CaseClassification>.Empty,
                this.warnings.ToImmutable());
            return (input, caseTallies, document);
        }

        private void StartBinding(RawHeader header)
        {
            try
            {
                this.binder = new FindingsBinder(this.file, header, this.catalog);
            }
            catch (InvalidInputException ex)
            {
                // Reported (or superseded by a later framework field) once the document is parsed.
                this.firstError = ex;
                return;
            }

            foreach (var rawCase in this.waiting)
            {
                if (this.firstError is not null)
                {
                    break;
                }

                this.Bind(rawCase);
            }

            this.waiting.Clear();
        }

        private void Bind(RawCase rawCase)
        {
            try
            {
                this.chunk.Add(this.binder!.BindCase(rawCase));
            }
            catch (InvalidInputException ex)
            {
                this.firstError = ex;
                this.chunk.Clear();
                return;
            }

            if (this.chunk.Count == ChunkSize)
            {
                this.Flush();
            }
        }

        // Tallies a chunk with the per-case code, keeps its tallies, counts and warnings, drops its cases.
        private void Flush()
        {
            if (this.chunk.Count == 0)
            {
                return;
            }

            var framework = this.binder!.Framework;
            var shard = new FindingsDocument(
                this.file,
                string.Empty,
                framework,
                null,
                ImmutableArray<JudgementRating>.Empty,
                ImmutableArray<KeyQuestionInput>.Empty,
                ImmutableArray.CreateRange(this.chunk),
                ImmutableArray<RatingOverride>.Empty,
                null);
            this.chunk.Clear();
            var input = RatingInput.From(shard);
            var tallies = new KeyQuestionTally[framework.KeyQuestions.Count];
            for (var i = 0; i < tallies.Length; i++)
            {
                tallies[i] = input.KeyQuestions[i].Tally;
            }

            var shardTallies = new TallySet(framework, ImmutableArray.Create(tallies), input.Cases ?? default);
            this.tallies = this.tallies is null ? shardTallies : this.tallies.Merge(shardTallies);
            this.warnings.AddRange(input.Warnings);
        }
    }
}

/// <summary>A findings document read by <see cref="FindingsStream.ReadStreamed"/>: its header and its rating input.</summary>
/// <param name="Document">The document without its cases (<see cref="FindingsDocument.Cases"/> is empty; the input holds their tallies).</param>
/// <param name="Input">The rating input, with the cases tallied and no per-case classifications.</param>
public sealed record StreamedFindings(FindingsDocument Document, RatingInput Input);
