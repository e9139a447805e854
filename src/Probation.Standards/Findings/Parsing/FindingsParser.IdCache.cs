using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text.Json;

namespace Probation.Standards.Findings.Parsing;

internal sealed partial class FindingsParser
{
    /// <summary>
    /// One string per distinct key-question id, matched as UTF-8: a document repeats the same dozen ids in
    /// every case, usually in the same order, so the slot of the answer's position is tried first. For the
    /// scanner each id also has its compact entry head, <c>"id":"</c>, kept as two eight-byte words, so the
    /// expected entry is confirmed with two loads.
    /// </summary>
    private sealed class IdCache
    {
        private const int MaxEntries = 64;
        private readonly byte[][] utf8 = new byte[MaxEntries][];
        private readonly EntryHead[] compact = new EntryHead[MaxEntries];
        private readonly EntryHead[] spaced = new EntryHead[MaxEntries];
        private readonly List<string> text = new();
        private int count;

        /// <summary>The ids cached, by slot.</summary>
        public IReadOnlyList<string> Ids => this.text;

        /// <summary>
        /// Where the value's opening quote is when <paramref name="bytes"/> hold, from <paramref name="at"/>, the
        /// entry head of the id cached at <paramref name="position"/>, written compactly (<c>"id":"</c>) or as
        /// pretty printers write it (<c>"id": "</c>); else -1.
        /// </summary>
        public int HeadAt(ReadOnlySpan<byte> bytes, int at, int position)
        {
            if (position >= this.count)
            {
                return -1;
            }

            var length = this.compact[position].Matches(bytes, at);
            if (length < 0)
            {
                length = this.spaced[position].Matches(bytes, at);
            }

            return length < 0 ? -1 : at + length - 1;
        }

        /// <summary>The slot of an unescaped id already cached, or -1; the slot of the answer's position is tried first.</summary>
        public int SlotOf(ReadOnlySpan<byte> name, int position)
        {
            if (position < this.count && name.SequenceEqual(this.utf8[position]))
            {
                return position;
            }

            for (var i = 0; i < this.count; i++)
            {
                if (name.SequenceEqual(this.utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // slot: the id's entry in the cache (one entry per distinct id, so equal slots mean equal ids), or -1
        // for an id not cached (escaped, or the cache is full), which the caller compares as a string.
        public string Get(ref Utf8JsonReader reader, int position, out int slot)
        {
            if (!reader.HasValueSequence && !reader.ValueIsEscaped && (slot = this.SlotOf(reader.ValueSpan, position)) >= 0)
            {
                return this.text[slot];
            }

            var id = reader.GetString()!;
            slot = -1;
            if (this.text.Count < MaxEntries && !reader.HasValueSequence && !reader.ValueIsEscaped && !this.text.Contains(id))
            {
                slot = this.count;
                this.Add(reader.ValueSpan.ToArray());
                this.text.Add(id);
            }

            return id;
        }

        private void Add(byte[] id)
        {
            var slot = this.count++;
            this.utf8[slot] = id;
            this.compact[slot] = new EntryHead(id, "\":\"");
            this.spaced[slot] = new EntryHead(id, "\": \"");
        }
    }

    /// <summary>An id's entry head, its quoted id, a colon and the value's opening quote, kept as two eight-byte words when it fits in 8 to 16 bytes.</summary>
    private readonly struct EntryHead
    {
        private readonly byte[] bytes;
        private readonly ulong first;
        private readonly ulong last;

        public EntryHead(byte[] id, string between)
        {
            this.bytes = new byte[1 + id.Length + between.Length];
            this.bytes[0] = (byte)'"';
            id.CopyTo(this.bytes, 1);
            System.Text.Encoding.ASCII.GetBytes(between, 0, between.Length, this.bytes, 1 + id.Length);
            this.first = this.bytes.Length >= sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(this.bytes) : 0;
            this.last = this.bytes.Length >= sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(this.bytes.AsSpan(this.bytes.Length - sizeof(ulong))) : 0;
        }

        /// <summary>The head's length when <paramref name="input"/> holds it at <paramref name="at"/>, else -1.</summary>
        public int Matches(ReadOnlySpan<byte> input, int at)
        {
            var length = this.bytes.Length;
            if (at + length > input.Length)
            {
                return -1;
            }

            if (length is >= sizeof(ulong) and <= 2 * sizeof(ulong))
            {
                return BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(at)) == this.first
                    && BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(at + length - sizeof(ulong))) == this.last ? length : -1;
            }

            return input.Slice(at, length).SequenceEqual(this.bytes) ? length : -1;
        }
    }
}
