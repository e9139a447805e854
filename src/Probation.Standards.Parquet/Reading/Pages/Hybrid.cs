using System;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Probation.Standards.Parquet.Reading.Pages;

/// <summary>
/// Parquet's RLE/bit-packed hybrid encoding (definition levels and dictionary indices): runs, each a ULEB128 header
/// whose low bit says bit-packed (groups of eight values, least significant bit first) or repeated (one value in
/// whole bytes, repeated). Every length is checked against the bytes there are; false on anything short or odd.
/// </summary>
internal static class Hybrid
{
    /// <summary>
    /// Decodes <paramref name="into"/>.Length values of <paramref name="bitWidth"/> bits (0 to 32); each must be below
    /// <paramref name="limit"/> (a dictionary's size, or the largest level plus one).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, int bitWidth, Span<int> into, int limit) =>
        TryDecode(data, bitWidth, into, limit, ReadOnlySpan<int>.Empty);

    /// <summary>
    /// The same, each value <c>v</c> written as <paramref name="map"/>[v] when a map is given (a dictionary's codes;
    /// at least <paramref name="limit"/> long).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, int bitWidth, Span<int> into, int limit, ReadOnlySpan<int> map)
    {
        // Every index is checked against the span before it is used; the arithmetic needs no overflow checks.
        unchecked
        {
            if (!map.IsEmpty && map.Length < limit)
            {
                return false;
            }

            if (bitWidth < 0 || bitWidth > 32)
            {
                return false;
            }

            var position = 0;
            var done = 0;
            var count = into.Length;
            var byteWidth = (bitWidth + 7) / 8;
            var mask = bitWidth == 32 ? ulong.MaxValue >> 32 : (1UL << bitWidth) - 1;
            var last = (uint)limit - 1;
            while (done < count)
            {
                // Writers often emit runs of one or two values (Parquet.Net: a dictionary of a few answers), each a
                // one-byte header and a one-byte value: up to eight rows of one code are written at once whatever
                // the run's length (rows past it are written again by the next run), so no branch depends on it.
                if (byteWidth == 1 && !map.IsEmpty && limit > 0)
                {
                    while (done <= count - 8 && position <= data.Length - 2)
                    {
                        var run = (uint)data[position];
                        var value = (uint)data[position + 1];
                        if ((run & 1) != 0 || run - 2 > 14 || value > last)
                        {
                            break;
                        }

                        Vector256.Create(map[(int)value]).CopyTo(into.Slice(done));
                        done += (int)(run >> 1);
                        position += 2;
                    }

                    if (done >= count)
                    {
                        break;
                    }
                }

                ulong header;
                if (position < data.Length && data[position] < 0x80)
                {
                    header = data[position++];
                }
                else if (!Uleb(data, ref position, out header))
                {
                    return false;
                }

                if ((header & 1) == 0)
                {
                    // A run past the values the page holds is not what a writer makes (a damaged page): refused, so
                    // the table goes the fallback's way rather than being read two ways.
                    var run = header >> 1;
                    if (run == 0 || run > (ulong)(count - done) || position > data.Length - byteWidth)
                    {
                        return false;
                    }

                    uint value = data[position];
                    for (var b = 1; b < byteWidth; b++)
                    {
                        value |= (uint)data[position + b] << (8 * b);
                    }

                    position += byteWidth;
                    if (value >= (uint)limit)
                    {
                        return false;
                    }

                    var code = map.IsEmpty ? (int)value : map[(int)value];
                    var take = (int)run;
                    if (take <= 4)
                    {
                        for (var k = 0; k < take; k++)
                        {
                            into[done + k] = code;
                        }
                    }
                    else
                    {
                        into.Slice(done, take).Fill(code);
                    }

                    done += take;
                    continue;
                }

                // Bit-packed groups of eight: only the last may run past the values the page holds, by its padding.
                var groups = (long)(header >> 1);
                var values = groups * 8;
                if (values >= (long)(count - done) + 8)
                {
                    return false;
                }

                var wanted = (int)Math.Min(values, count - done);

                // A last group cut short after its wanted values is read as far as it goes.
                var bytes = Math.Min(groups * bitWidth, data.Length - position);
                if (groups == 0 || (((long)wanted * bitWidth) + 7) / 8 > bytes)
                {
                    return false;
                }

                if (!Unpack(data.Slice(position, (int)bytes), bitWidth, mask, into.Slice(done, wanted), limit, map))
                {
                    return false;
                }

                done += wanted;
                position += (int)bytes;
            }

            return true;
        }
    }

    private static bool Unpack(ReadOnlySpan<byte> packed, int bitWidth, ulong mask, Span<int> into, int limit, ReadOnlySpan<int> map)
    {
        unchecked
        {
            if (bitWidth == 0)
            {
                if (limit <= 0)
                {
                    return false;
                }

                into.Fill(map.IsEmpty ? 0 : map[0]);
                return true;
            }

            var bad = 0u;
            var i = 0;
            var last = (uint)limit - 1;

            // Up to 8 bits a value: each group of eight values lies in its bitWidth bytes, read as one word.
            if (bitWidth <= 8)
            {
                for (var at = 0; i + 8 <= into.Length && at + 8 <= packed.Length; i += 8, at += bitWidth)
                {
                    var word = BinaryPrimitives.ReadUInt64LittleEndian(packed.Slice(at));
                    var group = into.Slice(i, 8);
                    for (var k = 0; k < 8; k++)
                    {
                        var v = (uint)((word >> (k * bitWidth)) & mask);
                        bad |= v > last ? 1u : 0u;
                        group[k] = map.IsEmpty ? (int)v : map[(int)Math.Min(v, last)];
                    }
                }
            }

            for (var bit = (long)i * bitWidth; i < into.Length; i++, bit += bitWidth)
            {
                ulong word = 0;
                var at = (int)(bit >> 3);
                for (var b = 0; b < 8 && at + b < packed.Length; b++)
                {
                    word |= (ulong)packed[at + b] << (8 * b);
                }

                var v = (uint)((word >> (int)(bit & 7)) & mask);
                bad |= v > last ? 1u : 0u;
                into[i] = map.IsEmpty ? (int)v : map[(int)Math.Min(v, last)];
            }

            return bad == 0;
        }
    }

    private static bool Uleb(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="data"/> is exactly one repeated run of the 1-bit value 1 at least
    /// <paramref name="count"/> long (definition levels of a page without NULLs).
    /// </summary>
    public static bool IsOneRunOfOnes(ReadOnlySpan<byte> data, int count)
    {
        var position = 0;
        return Uleb(data, ref position, out var header) && (header & 1) == 0 && (header >> 1) >= (ulong)count
            && position == data.Length - 1 && data[position] == 1;
    }

    /// <summary>The bits a value up to <paramref name="max"/> takes.</summary>
    public static int BitWidth(int max) => max <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max);
}
