using System;
using System.Buffers.Binary;
using System.IO;

namespace Probation.Standards.Parquet.Reading.Pages;

/// <summary>What a column's values become, one code a value: a dictionary's entries are mapped once each.</summary>
internal abstract class ValueMap
{
    /// <summary>A byte array (text) value lying at <paramref name="offset"/> of the decoder's page bytes; false when not valid.</summary>
    public virtual bool TryMap(ReadOnlySpan<byte> value, int offset, out int code)
    {
        code = 0;
        return false;
    }

    /// <summary>
    /// PLAIN byte arrays (each a 4-byte little-endian length and its bytes), <paramref name="codes"/>.Length of them,
    /// lying at <paramref name="offset"/> of the decoder's page bytes; false when one is cut short or not valid.
    /// </summary>
    public virtual bool TryMap(ReadOnlySpan<byte> values, int offset, Span<int> codes)
    {
        var position = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            if (!TryNextPlain(values, ref position, out var length) || !this.TryMap(values.Slice(position, length), offset + position, out codes[i]))
            {
                return false;
            }

            position += length;
        }

        return true;
    }

    /// <summary>
    /// The length of the PLAIN byte array at <paramref name="position"/> (a 4-byte little-endian length, then its
    /// bytes), with <paramref name="position"/> moved past the length; false when either is cut short or negative.
    /// </summary>
    protected static bool TryNextPlain(ReadOnlySpan<byte> values, ref int position, out int length)
    {
        length = 0;
        if (values.Length - position < 4)
        {
            return false;
        }

        length = BinaryPrimitives.ReadInt32LittleEndian(values.Slice(position));
        position += 4;
        return length >= 0 && length <= values.Length - position;
    }

    /// <summary>INT32 values, little-endian, four bytes each; false when one is not valid.</summary>
    public virtual bool TryMap(ReadOnlySpan<byte> values, Span<int> codes) => false;
}

/// <summary>
/// Decodes one flat column chunk (no repetition, at most one definition level) of the layouts Parquet writers use
/// for a case table: pages uncompressed or Snappy, a PLAIN dictionary page, data pages v1 and v2 of PLAIN values or
/// RLE_DICTIONARY / PLAIN_DICTIONARY indices, definition levels RLE. Every row gets a code from the column's
/// <see cref="ValueMap"/> (or <c>nullCode</c>). Anything else, or any length that does not add up, is false: the
/// caller then reads the table through Parquet.Net. The decompressed pages stay in <see cref="Bytes"/> until the
/// next chunk, where a byte-array value's offset points.
/// </summary>
internal sealed class ChunkDecoder
{
    private const int Plain = 0;
    private const int PlainDictionary = 2;
    private const int Rle = 3;
    private const int RleDictionary = 8;
    private const int Uncompressed = 0;
    private const int Snappy = 1;

    private readonly Rented rented;
    private byte[] arena = new byte[1 << 16];
    private int used;
    private int[] dictionary = new int[256];
    private int dictionarySize;
    private int[] levels = Array.Empty<int>();
    private int[] values = Array.Empty<int>();

    /// <summary>A decoder whose page bytes are taken from <paramref name="rented"/> (given back when the read ends).</summary>
    public ChunkDecoder(Rented rented) => this.rented = rented;

    /// <summary>The decompressed pages of the last chunk decoded.</summary>
    public byte[] Bytes => this.arena;

    /// <summary>
    /// Decodes a chunk of <paramref name="rows"/> values into <paramref name="into"/>: <paramref name="byteArrays"/>
    /// says whether its physical type is BYTE_ARRAY (else INT32); <paramref name="optional"/> whether it has a
    /// definition level (a NULL is <paramref name="nullCode"/>); <paramref name="reserve"/> is the room its pages likely take.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> chunk, int codec, bool byteArrays, bool optional, int rows, ValueMap map, int nullCode, Span<int> into, long reserve)
    {
        if (codec != Uncompressed && codec != Snappy)
        {
            return false;
        }

        this.used = 0;
        this.dictionarySize = -1;
        this.Reserve(reserve);
        var position = 0;
        var row = 0;
        while (row < rows)
        {
            if (!PageHeader.TryRead(chunk.Slice(position), out var header, out var headerLength))
            {
                return false;
            }

            position += headerLength;
            if (header.CompressedSize > chunk.Length - position)
            {
                return false;
            }

            var body = chunk.Slice(position, header.CompressedSize);
            position += header.CompressedSize;
            switch ((PageKind)header.Type)
            {
                case PageKind.Dictionary:
                    if (this.dictionarySize >= 0 || row > 0 || (header.Encoding != Plain && header.Encoding != PlainDictionary)
                        || !this.Expand(body, codec, header.UncompressedSize, out var entries)
                        || !this.Dictionary(entries, byteArrays, header.NumValues, map))
                    {
                        return false;
                    }

                    break;
                case PageKind.Data:
                    {
                        if (header.NumValues > rows - row || !this.Expand(body, codec, header.UncompressedSize, out var page))
                        {
                            return false;
                        }

                        var count = header.NumValues;
                        var defined = count;
                        var data = this.Bytes.AsSpan(page, header.UncompressedSize);
                        if (optional)
                        {
                            if (header.DefinitionLevelEncoding != Rle || data.Length < 4)
                            {
                                return false;
                            }

                            var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                            if (length < 0 || length > data.Length - 4 || !this.Levels(data.Slice(4, length), count, out defined))
                            {
                                return false;
                            }

                            page += 4 + length;
                            data = data.Slice(4 + length);
                        }

                        // A page without NULLs is decoded straight into its rows.
                        var spread = optional && defined < count;
                        if (!this.Values(data, page, header.Encoding, byteArrays, defined, map, spread ? this.values : into.Slice(row, count)))
                        {
                            return false;
                        }

                        if (spread)
                        {
                            this.Spread(into.Slice(row, count), nullCode);
                        }

                        row += count;
                        break;
                    }

                case PageKind.DataV2:
                    {
                        var count = header.NumValues;
                        var levelBytes = header.DefinitionLevelsLength;
                        if (count > rows - row || header.NumRows != count || header.RepetitionLevelsLength != 0 || levelBytes > body.Length
                            || (!optional && (levelBytes != 0 || header.NumNulls != 0)))
                        {
                            return false;
                        }

                        var defined = count;
                        if (optional && !this.Levels(body.Slice(0, levelBytes), count, out defined))
                        {
                            return false;
                        }

                        if (defined != count - header.NumNulls)
                        {
                            return false;
                        }

                        var size = header.UncompressedSize - levelBytes;
                        var spread = optional && defined < count;
                        if (size < 0 || !this.Expand(body.Slice(levelBytes), header.IsCompressed ? codec : Uncompressed, size, out var values)
                            || !this.Values(this.Bytes.AsSpan(values, size), values, header.Encoding, byteArrays, defined, map, spread ? this.values : into.Slice(row, count)))
                        {
                            return false;
                        }

                        if (spread)
                        {
                            this.Spread(into.Slice(row, count), nullCode);
                        }

                        row += count;
                        break;
                    }

                default:
                    return false;
            }
        }

        // The chunk holds exactly the rows: no page left over.
        return row == rows && position == chunk.Length;
    }

    // Room for a chunk's pages (the footer's uncompressed size of the chunk), so the arena does not grow page by page.
    private void Reserve(long size)
    {
        if (size > this.arena.Length && size < int.MaxValue - 64)
        {
            this.arena = this.rented.Take<byte>((int)size);
        }
    }

    // A page's bytes into the arena, decompressed; their offset there.
    private bool Expand(ReadOnlySpan<byte> body, int codec, int size, out int page)
    {
        page = this.used;
        if (size < 0)
        {
            return false;
        }

        if ((long)this.used + size > this.arena.Length)
        {
            var larger = this.rented.Take<byte>((int)Math.Max((long)this.used + size, Math.Min((long)this.arena.Length * 2, int.MaxValue - 64)));
            this.arena.AsSpan(0, this.used).CopyTo(larger);
            this.arena = larger;
        }

        var target = this.arena.AsSpan(this.used, size);
        if (codec == Uncompressed)
        {
            if (body.Length != size)
            {
                return false;
            }

            body.CopyTo(target);
        }
        else
        {
            try
            {
                if (Snappier.Snappy.GetUncompressedLength(body) != size || Snappier.Snappy.Decompress(body, target) != size)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException)
            {
                return false;
            }
        }

        this.used += size;
        return true;
    }

    private bool Dictionary(int page, bool byteArrays, int count, ValueMap map)
    {
        if (count < 0)
        {
            return false;
        }

        if (this.dictionary.Length < count)
        {
            this.dictionary = new int[count];
        }

        var data = this.arena.AsSpan(page, this.used - page);
        if (!this.Plainly(data, page, byteArrays, map, this.dictionary.AsSpan(0, count)))
        {
            return false;
        }

        this.dictionarySize = count;
        return true;
    }

    // Definition levels (0 NULL, 1 a value) of a page's rows; how many are defined.
    private bool Levels(ReadOnlySpan<byte> data, int count, out int defined)
    {
        defined = 0;
        if (this.levels.Length < count)
        {
            this.levels = new int[Math.Max(count, this.levels.Length * 2)];
            this.values = new int[this.levels.Length];
        }

        // The usual page without NULLs: one run of 1s (a header, then the byte 1) covering every row.
        if (Hybrid.IsOneRunOfOnes(data, count))
        {
            defined = count;
            return true;
        }

        var levels = this.levels.AsSpan(0, count);
        if (!Hybrid.TryDecode(data, 1, levels, 2))
        {
            return false;
        }

        defined = count - levels.Count(0);
        return true;
    }

    // The defined values (in this.values) out to their rows; a NULL row gets the null code.
    private void Spread(Span<int> rows, int nullCode)
    {
        unchecked
        {
            var levels = this.levels;
            var values = this.values;
            for (int r = 0, j = 0; r < rows.Length; r++)
            {
                if (levels[r] != 0)
                {
                    rows[r] = values[j++];
                }
                else
                {
                    rows[r] = nullCode;
                }
            }
        }
    }

    private bool Values(ReadOnlySpan<byte> data, int page, int encoding, bool byteArrays, int count, ValueMap map, Span<int> into)
    {
        into = into.Slice(0, count);
        if (count == 0)
        {
            return true;
        }

        if (encoding == Plain)
        {
            return this.Plainly(data, page, byteArrays, map, into);
        }

        if ((encoding != RleDictionary && encoding != PlainDictionary) || this.dictionarySize < 0 || data.Length < 1)
        {
            return false;
        }

        return Hybrid.TryDecode(data.Slice(1), data[0], into, this.dictionarySize, this.dictionary.AsSpan(0, this.dictionarySize));
    }

    // PLAIN values: INT32 little-endian, or BYTE_ARRAY as a 4-byte length and the bytes.
    private bool Plainly(ReadOnlySpan<byte> data, int page, bool byteArrays, ValueMap map, Span<int> into)
    {
        if (!byteArrays)
        {
            return (long)into.Length * 4 <= data.Length && map.TryMap(data.Slice(0, into.Length * 4), into);
        }

        return map.TryMap(data, page, into);
    }
}
