using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Findings.Parsing;
using Probation.Standards.Frameworks;

namespace Probation.Standards.Findings;

/// <summary>How <see cref="FindingsReader"/> reads: which frameworks it knows and whether it keeps the cases.</summary>
public sealed class FindingsReaderOptions
{
    /// <summary>The defaults: the embedded frameworks, cases not kept.</summary>
    public static FindingsReaderOptions Default { get; } = new();

    /// <summary>The frameworks a document may name; <see cref="FrameworkCatalog.Default"/> by default.</summary>
    public FrameworkCatalog Catalog { get; init; } = FrameworkCatalog.Default;

    /// <summary>
    /// Whether to keep every case in <see cref="FindingsDocument.Cases"/> (for listing them, or for the per-case API).
    /// Off by default: cases are tallied as they are read, so memory does not grow with them. Ratings, counts and
    /// warnings are the same either way.
    /// </summary>
    public bool KeepCases { get; init; }

    /// <summary>
    /// Whether a key question given neither in <c>keyQuestions</c> nor in any case is accepted: for a header
    /// document whose cases come from elsewhere (a case sheet, <c>rate header.json --cases cases.csv</c>), which
    /// then checks that every key question is given once. Off by default: such a document is bad input.
    /// </summary>
    public bool AllowMissingKeyQuestions { get; init; }

    /// <summary>Whether plain cases are scanned straight from the bytes (on; tests turn it off to compare with the token reader).</summary>
    internal bool ScanCases { get; init; } = true;
}

/// <summary>
/// The one reader of findings documents (<c>docs/findings-format.md</c>): one pass over a UTF-8 stream, in
/// chunks, that validates, binds and tallies, whatever the document's size. A document that breaks any rule
/// is rejected whole with an <see cref="InvalidInputException"/> listing every problem found; time and memory
/// are linear in the document's size (the ids of its cases aside) whatever its numbers, strings or nesting.
/// </summary>
public static class FindingsReader
{
    /// <summary>Reads and validates a findings document.</summary>
    /// <param name="utf8Json">The document, UTF-8 (a byte order mark is allowed).</param>
    /// <param name="file">The file or source name, for problems.</param>
    /// <param name="options">Options; <see cref="FindingsReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule; every problem is listed.</exception>
    public static FindingsDocument Read(Stream utf8Json, string file, FindingsReaderOptions? options = null)
    {
        var (binder, problems) = Start(utf8Json, file, options);
        var header = FindingsParser.Parse(utf8Json, file, problems, binder, (options ?? FindingsReaderOptions.Default).ScanCases, out var stopped);
        return binder.Finish(header, stopped);
    }

    /// <summary>Reads and validates a findings document held in memory.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="file">The file or source name, for problems.</param>
    /// <param name="options">Options; <see cref="FindingsReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule; every problem is listed.</exception>
    public static FindingsDocument Read(byte[] utf8Json, string file, FindingsReaderOptions? options = null)
    {
        using var stream = new MemoryStream(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json)), writable: false);
        return Read(stream, file, options);
    }

    /// <summary>Reads and validates a findings document from a stream asynchronously (an ASP.NET Core request body, a blob).</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="file">The file or source name, for problems.</param>
    /// <param name="options">Options; <see cref="FindingsReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The document breaks a rule; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<FindingsDocument> ReadAsync(Stream utf8Json, string file, FindingsReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (binder, problems) = Start(utf8Json, file, options);
        var (header, stopped) = await FindingsParser.ParseAsync(utf8Json, file, problems, binder, (options ?? FindingsReaderOptions.Default).ScanCases, cancellationToken).ConfigureAwait(false);
        return binder.Finish(header, stopped);
    }

    /// <summary>Reads and validates a findings document file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; <see cref="FindingsReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read (<see cref="ProblemCode.Unreadable"/>: a folder, no such file) or breaks a rule.</exception>
    public static FindingsDocument ReadFile(string path, FindingsReaderOptions? options = null)
    {
        using var stream = Internal.InputFiles.Open(path, "a findings document", useAsync: false);
        return Read(stream, path, options);
    }

    /// <summary>Reads and validates a findings document file asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; <see cref="FindingsReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read or breaks a rule.</exception>
    public static async Task<FindingsDocument> ReadFileAsync(string path, FindingsReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var stream = Internal.InputFiles.Open(path, "a findings document", useAsync: true);
        return await ReadAsync(stream, path, options, cancellationToken).ConfigureAwait(false);
    }

    private static (DocumentBinder Binder, ProblemSink Problems) Start(Stream utf8Json, string file, FindingsReaderOptions? options)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        options ??= FindingsReaderOptions.Default;
        var problems = new ProblemSink(file);
        return (new DocumentBinder(file, options.Catalog ?? FrameworkCatalog.Default, problems, options.KeepCases) { AllowMissingKeyQuestions = options.AllowMissingKeyQuestions }, problems);
    }
}
