using System.Text;

namespace Probation.Standards.Sheets.Tests.Fuzz;

internal enum CsvMutationKind
{
    DeleteColumn,
    DuplicateColumn,
    RenameHeader,
    SetCell,
    SwapCells,
    DeleteRow,
    DuplicateRow,
    RaggedRow,
    RepeatRows,
    LongCell,

    // Byte-level, applied to the written text.
    Truncate,
    ByteOrderMark,
    BadUtf8,
    InsertText,
    FlipByte,
}

/// <summary>One mutation of a sheet: what, and three numbers that pick where and with what (each modulo its range).</summary>
internal sealed record CsvMutation(CsvMutationKind Kind, int Where, int What, int Other)
{
    public override string ToString() => $"{this.Kind}({this.Where},{this.What},{this.Other})";
}

/// <summary>Mutates a sheet as a table of cells, writes it as CSV (quoting, delimiter and line ends varied), then mutates its bytes.</summary>
internal static class CsvMutator
{
    public static readonly string[] Headers =
    {
        "id", "ID", " id", "sentence", "start", "suspended", "exemption", "team", "office", "P2.1.1", "p2.1.1", "P2.4.3",
        "P2.9.9", "P1.1", string.Empty, "\ufeffid", "id\u0000", "e\u0301", "\u00a0id",
    };

    public static readonly string[] Cells =
    {
        string.Empty, "Yes", "No", "NotApplicable", "N/A", "yes", " Yes", "Maybe", "1", "0", "Licence", "CommunityOrder",
        "SuspendedSentenceOrder", "PostSentenceSupervision", "Mappa", "ChildProtection", "2024-07-22", "2024-02-30",
        "2024-13-01", "22/07/2024", "07/22/2024", "2024-7-2", "0001-01-01", "9999-12-31", "20240722", "２０２４-07-22",
        "45000", "1e400", "18446744073709551616", "=1+1", "\"", "a,b", "line\nbreak", "\r", "\u0000", "\ud83d\ude00",
        "\u202e", "#", "C001", "   ", "TRUE",
    };

    /// <summary>The table after the structural mutations (a copy).</summary>
    public static List<string[]> Structure(List<string[]> table, IEnumerable<CsvMutation> mutations)
    {
        var rows = table.Select(r => (string[])r.Clone()).ToList();
        foreach (var m in mutations.Where(m => m.Kind < CsvMutationKind.Truncate))
        {
            Structural(rows, m);
        }

        return rows;
    }

    /// <summary>The table after the structural mutations, written as CSV in a dialect, then its bytes mutated.</summary>
    public static byte[] Apply(List<string[]> table, IReadOnlyList<CsvMutation> mutations, int style)
    {
        var bytes = Encoding.UTF8.GetBytes(Write(Structure(table, mutations), style));
        foreach (var m in mutations.Where(m => m.Kind >= CsvMutationKind.Truncate))
        {
            bytes = ByteLevel(bytes, m);
        }

        return bytes;
    }

    private static int Pick(int value, int count) => count <= 0 ? 0 : (int)((uint)value % (uint)count);

    private static void Structural(List<string[]> rows, CsvMutation m)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows[0].Length;
        var column = Pick(m.Where, width);
        var row = Pick(m.What, rows.Count);
        switch (m.Kind)
        {
            case CsvMutationKind.DeleteColumn when width > 0:
                for (var r = 0; r < rows.Count; r++)
                {
                    rows[r] = rows[r].Where((_, i) => i != column).ToArray();
                }

                break;
            case CsvMutationKind.DuplicateColumn when width > 0:
                for (var r = 0; r < rows.Count; r++)
                {
                    var cells = rows[r].ToList();
                    if (column < cells.Count)
                    {
                        cells.Insert(column, cells[column]);
                    }

                    rows[r] = cells.ToArray();
                }

                break;
            case CsvMutationKind.RenameHeader when width > 0:
                rows[0][column] = Headers[Pick(m.Other, Headers.Length)];
                break;
            case CsvMutationKind.SetCell when rows[row].Length > 0:
                rows[row][Pick(m.Where, rows[row].Length)] = Cells[Pick(m.Other, Cells.Length)];
                break;
            case CsvMutationKind.SwapCells when rows[row].Length > 0:
                var other = rows[Pick(m.Other, rows.Count)];
                if (other.Length > 0)
                {
                    var (a, b) = (Pick(m.Where, rows[row].Length), Pick(m.Other, other.Length));
                    (rows[row][a], other[b]) = (other[b], rows[row][a]);
                }

                break;
            case CsvMutationKind.DeleteRow:
                rows.RemoveAt(row);
                break;
            case CsvMutationKind.DuplicateRow:
                rows.Insert(row, (string[])rows[row].Clone());
                break;
            case CsvMutationKind.RaggedRow:
                rows[row] = Pick(m.Other, 2) == 0 && rows[row].Length > 0 ? rows[row][..^1] : [.. rows[row], "extra"];
                break;
            case CsvMutationKind.RepeatRows when rows.Count > 1:
                var template = rows[1 + Pick(m.What, rows.Count - 1)];
                for (var i = 0; i < 1 + Pick(m.Other, 60); i++)
                {
                    var copy = (string[])template.Clone();
                    if (copy.Length > 0)
                    {
                        copy[0] += "-" + i;
                    }

                    rows.Add(copy);
                }

                break;
            case CsvMutationKind.LongCell when rows[row].Length > 0:
                rows[row][Pick(m.Where, rows[row].Length)] = new string("xY,\"\n"[Pick(m.Other, 5)], 1 + Pick(m.Other, 70_000));
                break;
        }
    }

    private static string Write(List<string[]> rows, int style)
    {
        var delimiter = new[] { ",", ",", ",", ";", "\t" }[Pick(style, 5)];
        var lineEnd = new[] { "\r\n", "\n", "\r" }[Pick(style / 5, 3)];
        var quoteAll = Pick(style / 15, 4) == 0;
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, row.Select(c => quoteAll || c.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
            text.Append(lineEnd);
        }

        return text.ToString();
    }

    private static byte[] ByteLevel(byte[] bytes, CsvMutation m)
    {
        var at = Pick(m.Where, bytes.Length + 1);
        switch (m.Kind)
        {
            case CsvMutationKind.Truncate:
                return bytes[..at];
            case CsvMutationKind.ByteOrderMark:
                byte[] bom = Pick(m.What, 3) switch
                {
                    0 => [0xEF, 0xBB, 0xBF],
                    1 => [0xFF, 0xFE],
                    _ => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF],
                };
                return Insert(bytes, Pick(m.Other, 2) == 0 ? 0 : at, bom);
            case CsvMutationKind.BadUtf8:
                byte[] bad = Pick(m.What, 4) switch
                {
                    0 => [0xFF],
                    1 => [0xC0, 0x80],
                    2 => [0xED, 0xA0, 0x80],
                    _ => [0x80],
                };
                return Insert(bytes, at, bad);
            case CsvMutationKind.InsertText:
                return Insert(bytes, at, Encoding.UTF8.GetBytes(new[] { "\"", "\"\"", ",", "\n", "\r\n", "PK", "\u0000", "\"x\"y" }[Pick(m.What, 8)]));
            case CsvMutationKind.FlipByte when bytes.Length > 0:
                var copy = (byte[])bytes.Clone();
                copy[Pick(m.Where, bytes.Length)] ^= (byte)(1 << Pick(m.What, 8));
                return copy;
            default:
                return bytes;
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] extra) => [.. bytes[..at], .. extra, .. bytes[at..]];
}
