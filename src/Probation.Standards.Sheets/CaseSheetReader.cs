using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Sheets.Reading;

namespace Probation.Standards.Sheets;

/// <summary>
/// Reads case sheets (<c>docs/findings-format.md</c>, "Case sheets"): a CSV file or an Excel <c>.xlsx</c> workbook
/// with one row per case, read in one pass into the cases, tallies and rating input a findings document with the
/// same cases gives. Columns are matched by header, case-insensitively: <c>id</c>, <c>sentence</c>, <c>start</c>,
/// <c>suspended</c>, <c>exemption</c>, one per key question; every other column is a tag. A sheet that breaks a rule
/// is rejected whole with an <see cref="InvalidInputException"/> naming the file, row and column of every problem.
/// </summary>
public static class CaseSheetReader
{
    /// <summary>Whether a path names a case sheet: it ends <c>.csv</c> or <c>.xlsx</c> (any case).</summary>
    /// <param name="path">The path.</param>
    /// <param name="kind">The kind of sheet, when it is one.</param>
    /// <returns>Whether it is a case sheet.</returns>
    public static bool TryGetKind(string path, out SheetKind kind)
    {
        kind = SheetKind.Csv;
        if (path is null)
        {
            return false;
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        kind = SheetKind.Xlsx;
        return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads and validates a case sheet from a stream.</summary>
    /// <param name="sheet">The sheet: CSV text (UTF-8), or an <c>.xlsx</c> workbook (a seekable stream).</param>
    /// <param name="file">The file or source name, for problems and the default unit name.</param>
    /// <param name="kind">Whether the stream is CSV or a workbook.</param>
    /// <param name="options">Options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="InvalidInputException">The sheet breaks a rule; every problem is listed.</exception>
    public static CaseSheet Read(Stream sheet, string file, SheetKind kind, CaseSheetOptions? options = null)
    {
        var binder = Start(sheet, file, kind, options);
        binder.ThrowIfAny();
        if (kind == SheetKind.Xlsx)
        {
            XlsxSheet.Read(Seekable(sheet), binder);
        }
        else
        {
            CsvSheet.Read(sheet, binder);
        }

        return binder.Finish();
    }

    /// <summary>Reads and validates a case sheet from a stream asynchronously (a request body, a blob).</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="file">The file or source name.</param>
    /// <param name="kind">Whether the stream is CSV or a workbook.</param>
    /// <param name="options">Options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="InvalidInputException">The sheet breaks a rule; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CaseSheet> ReadAsync(Stream sheet, string file, SheetKind kind, CaseSheetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var binder = Start(sheet, file, kind, options);
        binder.ThrowIfAny();
        if (kind == SheetKind.Xlsx)
        {
            // A workbook is a zip archive, read from its end: an unseekable stream is buffered first.
            var stream = sheet;
            if (!sheet.CanSeek)
            {
                var buffer = new MemoryStream();
                await sheet.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                stream = buffer;
            }

            XlsxSheet.Read(stream, binder);
        }
        else
        {
            await CsvSheet.ReadAsync(sheet, binder, synchronous: false, cancellationToken).ConfigureAwait(false);
        }

        return binder.Finish();
    }

    /// <summary>Reads and validates a case sheet file; its kind is told by its extension.</summary>
    /// <param name="path">A <c>.csv</c> or <c>.xlsx</c> file.</param>
    /// <param name="options">Options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read, is not named .csv or .xlsx, or breaks a rule.</exception>
    public static CaseSheet ReadFile(string path, CaseSheetOptions? options = null)
    {
        var kind = KindOf(path);
        using var stream = Internal.InputFiles.Open(path, "a case sheet", useAsync: false);
        return Read(stream, path, kind, options);
    }

    /// <summary>Reads and validates a case sheet file asynchronously; its kind is told by its extension.</summary>
    /// <param name="path">A <c>.csv</c> or <c>.xlsx</c> file.</param>
    /// <param name="options">Options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The sheet.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read, is not named .csv or .xlsx, or breaks a rule.</exception>
    public static async Task<CaseSheet> ReadFileAsync(string path, CaseSheetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var kind = KindOf(path);
        using var stream = Internal.InputFiles.Open(path, "a case sheet", useAsync: true);
        return await ReadAsync(stream, path, kind, options, cancellationToken).ConfigureAwait(false);
    }

    private static SheetKind KindOf(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return TryGetKind(path, out var kind)
            ? kind
            : throw new InvalidInputException(new[] { new InputProblem(ProblemCode.Unreadable, path, "file", "a case sheet is named .csv or .xlsx") });
    }

    private static Stream Seekable(Stream sheet)
    {
        if (sheet.CanSeek)
        {
            return sheet;
        }

        var buffer = new MemoryStream();
        sheet.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static SheetBinder Start(Stream sheet, string file, SheetKind kind, CaseSheetOptions? options)
    {
        if (sheet is null)
        {
            throw new ArgumentNullException(nameof(sheet));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        if (kind is not SheetKind.Csv and not SheetKind.Xlsx)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a sheet kind");
        }

        return new SheetBinder(file, options ?? CaseSheetOptions.Default);
    }
}
