using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Probation.Standards.Sheets.Reading;

/// <summary>
/// An Excel <c>.xlsx</c> case sheet, read with the Open XML SDK's forward-only reader: the first worksheet, row by
/// row; the first row with a value is the header. Shared strings and cell styles are read first, so a cell styled
/// as a date reads as a date whatever <c>--date-format</c> says. Rows are named by their Excel row numbers.
/// </summary>
internal sealed class XlsxSheet : ISheetRow
{
    private static readonly HashSet<uint> BuiltInDateFormats = new() { 14, 15, 16, 17, 22, 27, 30, 36, 50, 57 };
    private string[] texts = new string[16];
    private DateTime?[] dates = new DateTime?[16];
    private bool[] numbers = new bool[16];
    private int count;
    private int headerCount;

    // A workbook leaves out trailing blank cells: a row has at least the header's columns.
    public int Count => Math.Max(this.count, this.headerCount);

    public static void Read(Stream stream, SheetBinder binder)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or XmlException or ArgumentException or InvalidOperationException)
        {
            binder.Problem(1, null, ProblemCode.Syntax, "not an Excel .xlsx workbook (a CSV file is named .csv)");
            binder.ThrowIfAny();
            return;
        }

        // The package opened, but its parts are read as they are reached: one that is missing, not XML, or whose
        // compressed data is damaged is bad input too, reported at the row reached.
        long reached = 1;
        try
        {
            using (document)
            {
                ReadRows(document, binder, ref reached);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            binder.Problem(reached, null, ProblemCode.Syntax, "the workbook is damaged: a part of it is missing or cannot be read (save it again from Excel)");
            binder.ThrowIfAny();
        }
    }

    private static void ReadRows(SpreadsheetDocument document, SheetBinder binder, ref long reached)
    {
        {
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                binder.Header(Array.Empty<string>());
                binder.ThrowIfAny();
                return;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? Array.Empty<string>();
            var isDate = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var sheet = new XlsxSheet();
            var headerRead = false;
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } r ? (long)r : 0;
                reached = Math.Max(reached, number);
                if (!sheet.Load(row, shared, isDate, binder, number))
                {
                    continue;
                }

                if (!headerRead)
                {
                    var blank = true;
                    for (var i = 0; i < sheet.count; i++)
                    {
                        blank &= string.IsNullOrWhiteSpace(sheet.texts[i]);
                    }

                    if (blank)
                    {
                        continue;
                    }

                    binder.Header(sheet.texts.Take(sheet.count).ToArray());
                    headerRead = true;
                    sheet.headerCount = sheet.count;
                    continue;
                }

                binder.Row(number, sheet);
            }

            if (!headerRead)
            {
                binder.Header(Array.Empty<string>());
            }
        }
    }

    public ReadOnlySpan<char> Text(int column) => this.texts[column].AsSpan();

    public DateTime? Date(int column) => this.dates[column];

    public bool IsNumber(int column) => this.numbers[column];

    // The cell styles (cellXfs) whose number format is a date: built-in ids, or a custom format with days or years.
    private static bool[] DateStyles(Stylesheet? styles)
    {
        if (styles?.CellFormats is null)
        {
            return Array.Empty<bool>();
        }

        var custom = new Dictionary<uint, string>();
        foreach (var format in styles.NumberingFormats?.Elements<NumberingFormat>() ?? Enumerable.Empty<NumberingFormat>())
        {
            if (format.NumberFormatId?.Value is { } fid && format.FormatCode?.Value is { } code)
            {
                custom[fid] = code;
            }
        }

        return styles.CellFormats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } nid && (BuiltInDateFormats.Contains(nid) || (custom.TryGetValue(nid, out var code) && IsDateCode(code))))
            .ToArray();
    }

    private static bool IsDateCode(string code)
    {
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '[')
            {
                inBracket = true;
            }
            else if (inBracket && c == ']')
            {
                inBracket = false;
            }
            else if (!inQuote && !inBracket && c == '\\')
            {
                i++;
            }
            else if (!inQuote && !inBracket && (c is 'd' or 'D' or 'y' or 'Y'))
            {
                return true;
            }
        }

        return false;
    }

    // Column index from a reference like "AB12": letters to a 0-based index.
    private static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return fallback;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference!)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters == 0 || index > 16384 ? fallback : index - 1;
    }

    private bool Load(Row row, string[] shared, bool[] isDate, SheetBinder binder, long number)
    {
        Array.Clear(this.dates, 0, this.dates.Length);
        Array.Clear(this.numbers, 0, this.numbers.Length);
        Array.Fill(this.texts, string.Empty);
        this.count = 0;
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value, next);
            next = column + 1;
            if (column >= this.texts.Length)
            {
                var size = Math.Max(column + 1, this.texts.Length * 2);
                var old = this.texts.Length;
                Array.Resize(ref this.texts, size);
                Array.Resize(ref this.dates, size);
                Array.Resize(ref this.numbers, size);
                Array.Fill(this.texts, string.Empty, old, size - old);
            }

            var raw = cell.CellValue?.Text ?? string.Empty;
            var type = cell.DataType?.Value;
            string text;
            if (type == CellValues.SharedString)
            {
                text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < shared.Length ? shared[s] : string.Empty;
            }
            else if (type == CellValues.InlineString)
            {
                text = cell.InlineString?.InnerText ?? string.Empty;
            }
            else if (type == CellValues.Boolean)
            {
                text = raw == "1" ? "TRUE" : "FALSE";
            }
            else if (type == CellValues.Date)
            {
                text = raw;
                if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso))
                {
                    this.dates[column] = iso.Date;
                }
            }
            else if (type is null || type == CellValues.Number)
            {
                text = raw;
                if (raw.Length > 0)
                {
                    var style = cell.StyleIndex?.Value is { } si ? (int)si : 0;
                    if (style < isDate.Length && isDate[style] && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
                    {
                        if (serial < 1 || serial > 2958465)
                        {
                            binder.Problem(number, null, ProblemCode.InvalidDate, $"cell {cell.CellReference?.Value} holds the date serial {raw}, which is no date");
                        }
                        else
                        {
                            this.dates[column] = DateTime.FromOADate(serial).Date;
                        }
                    }
                    else
                    {
                        this.numbers[column] = true;
                    }
                }
            }
            else
            {
                text = raw; // a formula's string result or an error value such as #N/A, read as text
            }

            this.texts[column] = text;
            this.count = Math.Max(this.count, column + 1);
        }

        return true;
    }
}
