using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Probation.Standards.Parquet.Reading;

/// <summary>
/// The case ids of a table, for the exact duplicate-id rule, sized up front from the row count in the footer. Each
/// slot of the open-addressing table holds an id's 64-bit hash beside its entry, so an id that is not there costs
/// one probe of one cache line, and only a full hash match compares the ids themselves (ordinally, as UTF-16, so no
/// text is re-encoded). The ids are kept in large shared blocks, no object per id.
/// </summary>
internal sealed class IdSet
{
    private const int BlockSize = 1 << 20;
    private readonly List<char[]> blocks = new();
    private Slot[] slots;
    private long[] places;   // block index << 32 | offset in block
    private int[] lengths;
    private int blockUsed;
    private int count;

    public IdSet(long expected)
    {
        // At most three quarters full (linear probing within 16-byte slots, four to a cache line).
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp((expected * 4 / 3) + 1, 1024, 1 << 30));
        this.slots = new Slot[size];
        var entries = (int)Math.Clamp(expected, 512, int.MaxValue / 2);
        this.places = new long[entries];
        this.lengths = new int[entries];
    }

    public int Count => this.count;

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<char> id)
    {
        var hash = Hash(id);
        var mask = this.slots.Length - 1;
        for (var slot = unchecked((int)hash) & mask; ; slot = (slot + 1) & mask)
        {
            ref var s = ref this.slots[slot];
            if (s.Hash == 0)
            {
                this.Insert(ref s, hash, id);
                return true;
            }

            if (s.Hash == hash && this.Chars(s.Entry).SequenceEqual(id))
            {
                return false;
            }
        }
    }

    // FNV-1a over the UTF-16 code units, finished with a 64-bit mix; never 0 (an empty slot).
    private static ulong Hash(ReadOnlySpan<char> id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        h ^= h >> 33;
        h = unchecked(h * 0xff51afd7ed558ccdUL);
        h ^= h >> 33;
        return h | 1UL << 63;
    }

    private ReadOnlySpan<char> Chars(int entry)
    {
        var place = this.places[entry];
        return new ReadOnlySpan<char>(this.blocks[(int)(place >> 32)], (int)(place & 0xFFFFFFFF), this.lengths[entry]);
    }

    private void Insert(ref Slot slot, ulong hash, ReadOnlySpan<char> id)
    {
        if (this.count == this.places.Length)
        {
            Array.Resize(ref this.places, this.count * 2);
            Array.Resize(ref this.lengths, this.count * 2);
        }

        if (this.blocks.Count == 0 || this.blockUsed + id.Length > BlockSize)
        {
            this.blocks.Add(new char[Math.Max(BlockSize, id.Length)]);
            this.blockUsed = 0;
        }

        var block = this.blocks.Count - 1;
        id.CopyTo(new Span<char>(this.blocks[block], this.blockUsed, id.Length));
        var entry = this.count++;
        this.places[entry] = ((long)block << 32) | (uint)this.blockUsed;
        this.lengths[entry] = id.Length;
        this.blockUsed += id.Length;
        slot = new Slot(hash, entry);
        if ((long)this.count * 4 > (long)this.slots.Length * 3)
        {
            this.Grow();
        }
    }

    private void Grow()
    {
        var larger = new Slot[this.slots.Length * 2];
        var mask = larger.Length - 1;
        foreach (var s in this.slots)
        {
            if (s.Hash == 0)
            {
                continue;
            }

            var slot = unchecked((int)s.Hash) & mask;
            while (larger[slot].Hash != 0)
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
        public Slot(ulong hash, int entry)
        {
            this.Hash = hash;
            this.Entry = entry;
        }

        public ulong Hash { get; }

        public int Entry { get; }
    }
}
