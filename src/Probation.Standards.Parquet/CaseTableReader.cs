using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Probation.Standards.Parquet.Reading;
using Probation.Standards.Sheets;

namespace Probation.Standards.Parquet;

/// <summary>
/// Reads Parquet case tables (<c>docs/findings-format.md</c>, "Parquet case tables"): one row per case with the case
/// sheet's columns, named as in a sheet (<c>P2.1.1</c>) or as in a database (<c>p2_1_1</c>), matched
/// case-insensitively: <c>id</c>, <c>sentence</c>, <c>start</c>, <c>suspended</c>, <c>exemption</c>, one per key
/// question; every other column is a tag. The table is read column by column, row group by row group, straight
/// into <see cref="Bulk.CaseBatch"/> bit-planes, and tallied; the options are a case sheet's. A table that breaks a
/// rule is rejected whole with an <see cref="InvalidInputException"/> naming the file, row and column of every problem.
/// </summary>
public static class CaseTableReader
{
    /// <summary>Whether a path names a Parquet case table: it ends <c>.parquet</c> (any case).</summary>
    /// <param name="path">The path.</param>
    /// <returns>Whether it is a Parquet file by name.</returns>
    public static bool IsCaseTable(string path) => path is not null && path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and validates a Parquet case table from a stream (buffered first when it cannot seek).</summary>
    /// <param name="table">The Parquet file's bytes.</param>
    /// <param name="file">The file or source name, for problems and the default unit name.</param>
    /// <param name="options">The case sheet's options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidInputException">The table cannot be read or breaks a rule; every problem is listed.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<CaseTable> ReadAsync(Stream table, string file, CaseSheetOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        // A Parquet file is read from its footer: an unseekable stream is buffered first.
        var stream = table;
        if (!table.CanSeek)
        {
            var buffer = new MemoryStream();
            await table.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            stream = buffer;
        }

        var reader = new TableReader(file, options ?? CaseSheetOptions.Default);
        return await reader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and validates a Parquet case table from a stream, blocking until it is read.</summary>
    /// <param name="table">The Parquet file's bytes.</param>
    /// <param name="file">The file or source name.</param>
    /// <param name="options">The case sheet's options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidInputException">The table cannot be read or breaks a rule; every problem is listed.</exception>
    public static CaseTable Read(Stream table, string file, CaseSheetOptions? options = null)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var stream = table;
        if (!table.CanSeek)
        {
            var buffer = new MemoryStream();
            table.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }

        // Every read completes at once, so the await chain runs on this thread and never waits for the pool; under a
        // synchronisation context (a UI thread) it runs on the pool instead, so no continuation can wait for this thread.
        var reader = new TableReader(file, options ?? CaseSheetOptions.Default);
        var synchronous = new SynchronousStream(stream);
        var task = SynchronizationContext.Current is null
            ? reader.ReadAsync(synchronous, CancellationToken.None)
            : Task.Run(() => reader.ReadAsync(synchronous, CancellationToken.None));
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Reads and validates a Parquet case table file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The case sheet's options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read or breaks a rule.</exception>
    public static async Task<CaseTable> ReadFileAsync(string path, CaseSheetOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var stream = Internal.InputFiles.Open(path, "a Parquet case table", useAsync: true);
        return await ReadAsync(stream, path, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and validates a Parquet case table file, blocking until it is read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The case sheet's options; <see cref="CaseSheetOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidInputException">The file cannot be read or breaks a rule.</exception>
    public static CaseTable ReadFile(string path, CaseSheetOptions? options = null)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var stream = Internal.InputFiles.Open(path, "a Parquet case table", useAsync: false);
        return Read(stream, path, options);
    }
}
