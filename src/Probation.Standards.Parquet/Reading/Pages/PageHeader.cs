using System;

namespace Probation.Standards.Parquet.Reading.Pages;

/// <summary>The Parquet page types the fast path meets (parquet.thrift's PageType).</summary>
internal enum PageKind
{
    Data = 0,
    Index = 1,
    Dictionary = 2,
    DataV2 = 3,
}

/// <summary>
/// One page header, as far as the fast path reads it: the fields of parquet.thrift's PageHeader, DataPageHeader,
/// DataPageHeaderV2 and DictionaryPageHeader (statistics and checksums skipped); any other field makes it not
/// one the fast path reads. Unset numbers stay -1.
/// </summary>
internal struct PageHeader
{
    public int Type;
    public int UncompressedSize;
    public int CompressedSize;
    public int NumValues;
    public int Encoding;
    public int DefinitionLevelEncoding;
    public int NumNulls;
    public int NumRows;
    public int DefinitionLevelsLength;
    public int RepetitionLevelsLength;
    public bool IsCompressed;
    public int Body; // the kind of page whose header was given (one only), or -1

    /// <summary>
    /// Reads a page header in the Thrift compact protocol from the front of <paramref name="bytes"/>; false when
    /// the bytes are not one (cut short, a type out of range, nested too deep). <paramref name="length"/> is the
    /// header's size in bytes.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PageHeader header, out int length)
    {
        header = new PageHeader
        {
            Type = -1, UncompressedSize = -1, CompressedSize = -1, NumValues = -1, Encoding = -1, DefinitionLevelEncoding = -1,
            NumNulls = -1, NumRows = -1, DefinitionLevelsLength = -1, RepetitionLevelsLength = -1, IsCompressed = true, Body = -1,
        };
        var reader = new CompactReader(bytes);
        var ok = reader.ReadPageHeader(ref header);
        length = reader.Position;
        return ok;
    }
}

/// <summary>
/// A bounds-checked reader of the Thrift compact protocol (field headers of a delta and a type in one byte, zigzag
/// variable-length integers), for a page header only: a field it does not know, or of another type, is false.
/// </summary>
internal ref struct CompactReader
{
    private readonly ReadOnlySpan<byte> bytes;
    private int position;

    public CompactReader(ReadOnlySpan<byte> bytes)
    {
        this.bytes = bytes;
        this.position = 0;
    }

    public readonly int Position => this.position;

    public bool ReadPageHeader(ref PageHeader header)
    {
        short field = 0;
        while (true)
        {
            if (!this.FieldHeader(ref field, out var type))
            {
                return false;
            }

            if (type == 0)
            {
                return header.Type >= 0 && header.Type == header.Body && header.CompressedSize >= 0 && header.UncompressedSize >= 0;
            }

            var ok = (field, type) switch
            {
                (1, 5) => this.Int(out header.Type),
                (2, 5) => this.Int(out header.UncompressedSize),
                (3, 5) => this.Int(out header.CompressedSize),
                (4, 5) => this.Int(out _),
                (5, 12) => header.Body == -1 && this.DataPage(ref header) && Given(out header.Body, (int)PageKind.Data),
                (7, 12) => header.Body == -1 && this.DictionaryPage(ref header) && Given(out header.Body, (int)PageKind.Dictionary),
                (8, 12) => header.Body == -1 && this.DataPageV2(ref header) && Given(out header.Body, (int)PageKind.DataV2),
                _ => false, // an index page, or a field parquet.thrift does not have there: Parquet.Net's path reads it
            };
            if (!ok)
            {
                return false;
            }
        }
    }

    private bool DataPage(ref PageHeader header)
    {
        short field = 0;
        while (true)
        {
            if (!this.FieldHeader(ref field, out var type))
            {
                return false;
            }

            if (type == 0)
            {
                return header.NumValues >= 0 && header.Encoding >= 0;
            }

            var ok = (field, type) switch
            {
                (1, 5) => this.Int(out header.NumValues),
                (2, 5) => this.Int(out header.Encoding),
                (3, 5) => this.Int(out header.DefinitionLevelEncoding),
                (4, 5) => this.Int(out _),
                (5, 12) => this.Statistics(),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
    }

    private bool DictionaryPage(ref PageHeader header)
    {
        short field = 0;
        while (true)
        {
            if (!this.FieldHeader(ref field, out var type))
            {
                return false;
            }

            if (type == 0)
            {
                return header.NumValues >= 0 && header.Encoding >= 0;
            }

            var ok = (field, type) switch
            {
                (1, 5) => this.Int(out header.NumValues),
                (2, 5) => this.Int(out header.Encoding),
                (3, 1) or (3, 2) => true,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
    }

    private bool DataPageV2(ref PageHeader header)
    {
        short field = 0;
        while (true)
        {
            if (!this.FieldHeader(ref field, out var type))
            {
                return false;
            }

            if (type == 0)
            {
                return header.NumValues >= 0 && header.Encoding >= 0 && header.NumRows >= 0 && header.NumNulls >= 0
                    && header.DefinitionLevelsLength >= 0 && header.RepetitionLevelsLength >= 0;
            }

            var ok = (field, type) switch
            {
                (1, 5) => this.Int(out header.NumValues),
                (2, 5) => this.Int(out header.NumNulls),
                (3, 5) => this.Int(out header.NumRows),
                (4, 5) => this.Int(out header.Encoding),
                (5, 5) => this.Int(out header.DefinitionLevelsLength),
                (6, 5) => this.Int(out header.RepetitionLevelsLength),
                (7, 1) => Set(out header.IsCompressed, true),
                (7, 2) => Set(out header.IsCompressed, false),
                (8, 12) => this.Statistics(),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
    }

    private static bool Given(out int target, int value)
    {
        target = value;
        return true;
    }

    private static bool Set(out bool target, bool value)
    {
        target = value;
        return true;
    }

    // A field header: the id as a delta from the last (high nibble) or, when that is 0, a zigzag i16 after it.
    private bool FieldHeader(ref short field, out int type)
    {
        type = 0;
        if (!this.Byte(out var b))
        {
            return false;
        }

        // A stop is the byte 0; a type 0 with a field delta is no field.
        type = b & 0x0F;
        if (type == 0)
        {
            return b == 0;
        }

        var delta = b >> 4;
        if (delta != 0)
        {
            field = (short)(field + delta);
            return true;
        }

        if (!this.Varint(out var raw))
        {
            return false;
        }

        field = (short)Zigzag(raw);
        return true;
    }

    private bool Int(out int value)
    {
        value = 0;
        if (!this.Varint(out var raw))
        {
            return false;
        }

        var v = Zigzag(raw);
        if (v < int.MinValue || v > int.MaxValue)
        {
            return false;
        }

        value = (int)v;
        return true;
    }

    // A Statistics struct, skipped: its fields exactly as parquet.thrift gives them (min and max as binary, counts
    // as i64, exactness as booleans); any other field or type is not a page header the fast path reads.
    private bool Statistics()
    {
        short field = 0;
        while (true)
        {
            if (!this.FieldHeader(ref field, out var type))
            {
                return false;
            }

            if (type == 0)
            {
                return true;
            }

            var ok = (field, type) switch
            {
                (1 or 2 or 5 or 6, 8) => this.Varint(out var size) && size <= int.MaxValue && this.Advance((int)size),
                (3 or 4, 6) => this.Varint(out _),
                (7 or 8, 1 or 2) => true,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
    }

    private bool Byte(out byte value)
    {
        if (this.position >= this.bytes.Length)
        {
            value = 0;
            return false;
        }

        value = this.bytes[this.position++];
        return true;
    }

    private bool Advance(int count)
    {
        if (count < 0 || count > this.bytes.Length - this.position)
        {
            return false;
        }

        this.position += count;
        return true;
    }

    private bool Varint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (!this.Byte(out var b))
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static long Zigzag(ulong raw) => (long)(raw >> 1) ^ -(long)(raw & 1);
}
