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
        private readonly byte[][] heads = new byte[MaxEntries][];
        private readonly ulong[] headFirst = new ulong[MaxEntries];
        private readonly ulong[] headLast = new ulong[MaxEntries];
        private readonly List<string> text = new();
        private int count;

        /// <summary>The ids cached, by slot.</summary>
        public IReadOnlyList<string> Ids => this.text;

        /// <summary>
        /// The slot at <paramref name="position"/> when <paramref name="bytes"/> hold, from <paramref name="at"/>,
        /// that id's entry head written compactly (<c>"id":"</c>, no blanks); else -1.
        /// </summary>
        public int HeadAt(ReadOnlySpan<byte> bytes, int at, int position)
        {
            if (position >= this.count)
            {
                return -1;
            }

            var head = this.heads[position];
            if (at + head.Length > bytes.Length)
            {
                return -1;
            }

            if (head.Length >= sizeof(ulong) && head.Length <= 2 * sizeof(ulong))
            {
                return BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(at)) == this.headFirst[position]
                    && BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(at + head.Length - sizeof(ulong))) == this.headLast[position]
                    ? position : -1;
            }

            return bytes.Slice(at, head.Length).SequenceEqual(head) ? position : -1;
        }

        /// <summary>The bytes of a slot's entry head, up to and including the value's opening quote.</summary>
        public int HeadLength(int slot) => this.heads[slot].Length;

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
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                var name = reader.ValueSpan;
                if (position < this.count && name.SequenceEqual(this.utf8[position]))
                {
                    slot = position;
                    return this.text[position];
                }

                for (var i = 0; i < this.count; i++)
                {
                    if (name.SequenceEqual(this.utf8[i]))
                    {
                        slot = i;
                        return this.text[i];
                    }
                }
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
            var head = new byte[id.Length + 4];
            head[0] = (byte)'"';
            id.CopyTo(head, 1);
            head[id.Length + 1] = (byte)'"';
            head[id.Length + 2] = (byte)':';
            head[id.Length + 3] = (byte)'"';
            var slot = this.count++;
            this.utf8[slot] = id;
            this.heads[slot] = head;
            if (head.Length >= sizeof(ulong))
            {
                this.headFirst[slot] = BinaryPrimitives.ReadUInt64LittleEndian(head);
                this.headLast[slot] = BinaryPrimitives.ReadUInt64LittleEndian(head.AsSpan(head.Length - sizeof(ulong)));
            }
        }
    }
}
