using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// The case ids of a table, for the exact duplicate-id rule on Parquet.Net's path, sized up front from the row count
/// in the footer, as UTF-16 from Parquet.Net's strings (the fast path checks its ids with <see cref="IdHashes"/>). Each 8-byte slot of the open-addressing table holds the top half of
/// an id's 64-bit hash (the bottom half picks the slot) beside its entry, so an id that is not there costs one probe
/// of one cache line, and only a match of the whole hash's halves compares the ids themselves (element by element,
/// so no text is re-encoded). The ids are kept in large shared blocks, no object per id.
/// </summary>
internal sealed class IdSet<T>
    where T : unmanaged, IEquatable<T>
{
    private const int BlockSize = 1 << 20;
    private readonly List<T[]> blocks = new();
    private Slot[] slots;
    private long[] places;   // block index << 32 | offset in block
    private int[] lengths;
    private int blockUsed;
    private int count;

    public IdSet(long expected)
    {
        // At most three quarters full (linear probing within 8-byte slots, eight to a cache line).
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp((expected * 4 / 3) + 1, 1024, 1 << 30));
        this.slots = new Slot[size];
        var entries = (int)Math.Clamp(expected, 512, int.MaxValue / 2);
        this.places = GC.AllocateUninitializedArray<long>(entries); // written before read
        this.lengths = GC.AllocateUninitializedArray<int>(entries);
    }

    public int Count => this.count;

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<T> id) => this.Add(id, Hash(id));

    /// <summary>Adds an id whose <see cref="Hash"/> is known; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<T> id, ulong hash)
    {
        var mask = this.slots.Length - 1;
        for (var slot = unchecked((int)hash) & mask; ; slot = (slot + 1) & mask)
        {
            ref var s = ref this.slots[slot];
            if (s.Tag == 0)
            {
                this.Insert(ref s, hash, id);
                return true;
            }

            if (s.Tag == Tag(hash) && this.Chars(s.Entry).SequenceEqual(id))
            {
                return false;
            }
        }
    }

    // The top half of a hash (never 0: bit 63 of a hash is set).
    private static uint Tag(ulong hash) => (uint)(hash >> 32);

    /// <summary>An id's hash: its bytes eight at a time, each word multiplied in, then its length and a 64-bit mix; never 0 (an empty slot).</summary>
    public static ulong Hash(ReadOnlySpan<T> id)
    {
        var bytes = MemoryMarshal.AsBytes(id);
        var h = 14695981039346656037UL;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = unchecked((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i))) * 0x9E3779B97F4A7C15UL);
            h ^= h >> 29;
        }

        ulong tail = 0;
        for (var shift = 0; i < bytes.Length; i++, shift += 8)
        {
            tail |= (ulong)bytes[i] << shift;
        }

        h = unchecked((h ^ tail ^ ((ulong)bytes.Length << 56)) * 0x9E3779B97F4A7C15UL);
        h ^= h >> 33;
        h = unchecked(h * 0xff51afd7ed558ccdUL);
        h ^= h >> 33;
        return h | 1UL << 63;
    }

    private ReadOnlySpan<T> Chars(int entry)
    {
        var place = this.places[entry];
        return new ReadOnlySpan<T>(this.blocks[(int)(place >> 32)], (int)(place & 0xFFFFFFFF), this.lengths[entry]);
    }

    private void Insert(ref Slot slot, ulong hash, ReadOnlySpan<T> id)
    {
        if (this.count == this.places.Length)
        {
            Array.Resize(ref this.places, this.count * 2);
            Array.Resize(ref this.lengths, this.count * 2);
        }

        if (this.blocks.Count == 0 || this.blockUsed + id.Length > BlockSize)
        {
            this.blocks.Add(new T[Math.Max(BlockSize, id.Length)]);
            this.blockUsed = 0;
        }

        var block = this.blocks.Count - 1;
        id.CopyTo(new Span<T>(this.blocks[block], this.blockUsed, id.Length));
        var entry = this.count++;
        this.places[entry] = ((long)block << 32) | (uint)this.blockUsed;
        this.lengths[entry] = id.Length;
        this.blockUsed += id.Length;
        slot = new Slot(Tag(hash), entry);
        if ((long)this.count * 4 > (long)this.slots.Length * 3)
        {
            this.Grow();
        }
    }

    // Twice the slots, each id's hash computed again from the id kept (the slot holds only its top half).
    private void Grow()
    {
        var larger = new Slot[this.slots.Length * 2];
        var mask = larger.Length - 1;
        foreach (var s in this.slots)
        {
            if (s.Tag == 0)
            {
                continue;
            }

            var slot = unchecked((int)Hash(this.Chars(s.Entry))) & mask;
            while (larger[slot].Tag != 0)
            {
                slot = (slot + 1) & mask;
            }

            larger[slot] = s;
        }

        this.slots = larger;
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Slot
    {
        public Slot(uint tag, int entry)
        {
            this.Tag = tag;
            this.Entry = entry;
        }

        public uint Tag { get; }

        public int Entry { get; }
    }
}
