using System;
using System.Buffers.Binary;
using System.Text;
using Probation.Standards.Parquet.Reading.Pages;

namespace Probation.Standards.Parquet.Reading;

/// <summary>The value maps of the fast path: what each column's values become.</summary>
internal sealed partial class TableReader
{
    /// <summary>Any text, for a group column whose pages are only checked: every value is code 0.</summary>
    private sealed class AnyText : ValueMap
    {
        public static readonly AnyText Instance = new();

        public override bool TryMap(ReadOnlySpan<byte> value, int offset, out int code)
        {
            code = 0;
            return true;
        }
    }

    private sealed class DateMap : ValueMap
    {
        public static readonly DateMap Instance = new();

        public override bool TryMap(ReadOnlySpan<byte> values, Span<int> codes)
        {
            // Day numbers run from 0 (0001-01-01) to DateOnly.MaxValue's: a DATE outside is no date.
            var bad = false;
            var last = (uint)DateOnly.MaxValue.DayNumber;
            for (var i = 0; i < codes.Length; i++)
            {
                var day = unchecked(BinaryPrimitives.ReadInt32LittleEndian(values.Slice(i * 4)) + Epoch);
                bad |= (uint)day > last;
                codes[i] = day;
            }

            // A sum that wraps comes out negative, above the last day number as unsigned.
            return !bad;
        }
    }

    /// <summary>The ids of a chunk: each value's place in the decoder's bytes, when it is valid UTF-8 and not blank.</summary>
    private sealed class IdMap : ValueMap
    {
        private readonly IdHasher hash;
        private readonly Rented rented;

        public IdMap(IdHasher hash, Rented rented) => (this.hash, this.rented) = (hash, rented);

        public int[] Offsets { get; private set; } = new int[1024];

        public int[] Lengths { get; private set; } = new int[1024];

        public ulong[] Hashes { get; private set; } = new ulong[1024];

        private int count;

        public IdMap Reset(int rows)
        {
            // A chunk has at most as many ids (plain or dictionary entries) as rows: sized once, it never grows.
            if (this.Offsets.Length < rows)
            {
                this.Offsets = this.rented.Take<int>(rows);
                this.Lengths = this.rented.Take<int>(rows);
                this.Hashes = this.rented.Take<ulong>(rows);
            }

            this.count = 0;
            return this;
        }

        // A page of plain ids in one loop (no call a value): each id's place, its hash, and the common checks. A
        // page all ASCII (lengths included: each below 128) holds only valid UTF-8, checked once for the page.
        public override bool TryMap(ReadOnlySpan<byte> values, int offset, Span<int> codes)
        {
            if (this.count + codes.Length > this.Offsets.Length)
            {
                return base.TryMap(values, offset, codes);
            }

            var ascii = System.Text.Ascii.IsValid(values);
            var (offsets, lengths, hashes) = (this.Offsets, this.Lengths, this.Hashes);
            var position = 0;
            for (var i = 0; i < codes.Length; i++)
            {
                if (!TryNextPlain(values, ref position, out var length))
                {
                    return false;
                }

                var id = values.Slice(position, length);
                if (id.IsEmpty || !(ascii || System.Text.Unicode.Utf8.IsValid(id)) || !Visible(id))
                {
                    return false;
                }

                var entry = this.count++;
                offsets[entry] = offset + position;
                lengths[entry] = length;
                hashes[entry] = this.hash(id);
                codes[i] = entry;
                position += length;
            }

            return true;
        }

        public override bool TryMap(ReadOnlySpan<byte> value, int offset, out int code)
        {
            code = this.count;
            if (value.IsEmpty || !System.Text.Unicode.Utf8.IsValid(value) || !Visible(value))
            {
                return false;
            }

            if (this.count == this.Offsets.Length)
            {
                var offsets = this.Offsets;
                var lengths = this.Lengths;
                var hashes = this.Hashes;
                Array.Resize(ref offsets, this.count * 2);
                Array.Resize(ref lengths, this.count * 2);
                Array.Resize(ref hashes, this.count * 2);
                (this.Offsets, this.Lengths, this.Hashes) = (offsets, lengths, hashes);
            }

            this.Offsets[this.count] = offset;
            this.Lengths[this.count] = value.Length;
            this.Hashes[this.count] = this.hash(value);
            this.count++;
            return true;
        }
    }
}
