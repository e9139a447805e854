using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sylvan.Data.Csv;

namespace Probation.Standards.Sheets.Reading;

/// <summary>
/// A CSV case sheet, streamed with Sylvan.Data.Csv: RFC 4180 quoting, UTF-8 (a byte order mark allowed), a header
/// row; each record's fields are read as spans and bound at once, so memory does not grow with the rows.
/// </summary>
internal sealed class CsvSheet : ISheetRow
{
    private CsvDataReader? reader;

    public int Count => this.reader!.RowFieldCount;

    public static void Read(Stream stream, SheetBinder binder) =>
        ReadAsync(stream, binder, synchronous: true, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task ReadAsync(Stream stream, SheetBinder binder, bool synchronous, CancellationToken cancellationToken)
    {
        // The first bytes tell a UTF-16, UTF-32 or zip file from CSV text, whether or not the stream can seek: an
        // unseekable one (a request body) is read on from the bytes already taken.
        var head = new byte[4];
        var n = 0;
        while (n < head.Length)
        {
            var read = synchronous
                ? stream.Read(head, n, head.Length - n)
                : await stream.ReadAsync(head.AsMemory(n, head.Length - n), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            n += read;
        }

        if (!CheckEncoding(head.AsSpan(0, n), binder))
        {
            return;
        }

        if (stream.CanSeek)
        {
            stream.Seek(-n, SeekOrigin.Current);
        }
        else
        {
            stream = new HeadStream(head, n, stream);
        }

        // Bytes that are not UTF-8 are reported at the row that holds them (Utf8Text), however the stream reads.
        var utf8 = new Utf8Text(stream);
        var text = new WidthLimitedText(utf8);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            Quote = '"',
            CsvStyle = CsvStyle.Standard,
            ResultSetMode = ResultSetMode.SingleResult,
            BufferSize = 1 << 16,
            MaxBufferSize = 1 << 24,
            OwnsReader = true,
            Comment = '\uFFFF', // no comment lines: a row starting '#' is a case like any other
        };
        var sheet = new CsvSheet();
        long row = 1;
        try
        {
            sheet.reader = synchronous ? CsvDataReader.Create(text, options) : await CsvDataReader.CreateAsync(text, options, cancellationToken).ConfigureAwait(false);
            var names = new List<string>(sheet.reader.FieldCount);
            for (var i = 0; i < sheet.reader.FieldCount; i++)
            {
                names.Add(sheet.reader.GetName(i));
            }

            var notUtf8 = false;
            foreach (var name in names)
            {
                notUtf8 |= utf8.TakeReplacements(name.AsSpan());
            }

            if (!notUtf8)
            {
                binder.Header(names);
            }

            while (!notUtf8 && (synchronous ? sheet.reader.Read() : await sheet.reader.ReadAsync(cancellationToken).ConfigureAwait(false)))
            {
                row++;
                for (var i = 0; i < sheet.Count; i++)
                {
                    notUtf8 |= utf8.TakeReplacements(sheet.Text(i));
                }

                if (!notUtf8)
                {
                    binder.Row(row, sheet);
                }
            }

            if (notUtf8)
            {
                binder.Problem(row, null, ProblemCode.WrongEncoding, "the text is not UTF-8: save the sheet as CSV UTF-8");
            }
        }
        catch (CsvMissingHeadersException)
        {
            binder.Header(Array.Empty<string>());
        }
        catch (CsvRecordTooLargeException)
        {
            binder.Problem(row + 1, null, ProblemCode.Syntax, "a row is longer than 16 MB (an unclosed quote?)");
        }
        catch (CsvFormatException ex)
        {
            binder.Problem(row + 1, null, ProblemCode.Syntax, $"malformed CSV ({Internal.Quoting.EscapeControls(ex.Message)}): a quote must open a field and close it, and a quote inside a quoted field is doubled");
        }
        finally
        {
            if (sheet.reader is not null)
            {
                await sheet.reader.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                text.Dispose();
            }
        }

        if (text.TooWide)
        {
            binder.Problem(row, null, ProblemCode.Syntax, $"more than {WidthLimitedText.MaxCells.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} cells in a row, more than a workbook has columns: the sheet is read no further");
        }

        binder.ThrowIfAny(); // a syntax error ends the reading: what was found so far is every problem
    }

    public ReadOnlySpan<char> Text(int column) => this.reader!.GetFieldSpan(column);

    public DateTime? Date(int column) => null;

    public bool IsNumber(int column) => false;

    private static bool CheckEncoding(ReadOnlySpan<byte> head, SheetBinder binder)
    {
        string? name = head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0 ? "UTF-32"
            : head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF ? "UTF-32"
            : head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) ? "UTF-16"
            : head.Length >= 2 && head[0] == 0x50 && head[1] == 0x4B ? "zip"
            : null;
        if (name is null)
        {
            return true;
        }

        binder.Problem(1, null, ProblemCode.WrongEncoding, name == "zip"
            ? "this looks like an Excel workbook, not CSV text: name it .xlsx"
            : $"the text is {name}: save the sheet as CSV UTF-8");
        binder.ThrowIfAny();
        return false;
    }
}
