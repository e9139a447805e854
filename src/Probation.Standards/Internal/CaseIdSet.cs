using System;
using System.Collections.Generic;
using System.Text;

namespace Probation.Standards.Internal;

/// <summary>
/// The set of case ids seen, for the exact duplicate-id rule, in about a third of a
/// <see cref="HashSet{T}"/> of strings: ids are kept as UTF-8 bytes in large shared blocks and found
/// through an open-addressing table of integers, so a million ids cost some 30 MB and no objects for the
/// garbage collector to trace. The check stays exact: a hash match is confirmed byte for byte.
/// </summary>
internal sealed class CaseIdSet
{
    private const int BlockSize = 1 << 20;
    private readonly List<byte[]> blocks = new();
    private int blockUsed;
    private int[] slots = new int[1024];      // entry index + 1; 0 is empty
    private int[] hashes = new int[512];
    private long[] places = new long[512];    // block index << 32 | offset in block
    private int[] lengths = new int[512];
    private int count;
    private readonly byte[] scratch = new byte[256];

    public int Count => this.count;

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(string id)
    {
        var byteCount = Encoding.UTF8.GetByteCount(id);
        var scratch = byteCount <= this.scratch.Length ? this.scratch : new byte[byteCount];
        Encoding.UTF8.GetBytes(id, 0, id.Length, scratch, 0);
        return this.Add(new ReadOnlySpan<byte>(scratch, 0, byteCount));
    }

    /// <summary>Adds an id given as its UTF-8 bytes; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<byte> bytes)
    {
        var byteCount = bytes.Length;
        var hash = Hash(bytes);
        var mask = this.slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = this.slots[slot] - 1;
            if (entry < 0)
            {
                this.Insert(slot, hash, bytes);
                return true;
            }

            if (this.hashes[entry] == hash && this.lengths[entry] == byteCount && this.Bytes(entry).SequenceEqual(bytes))
            {
                return false;
            }
        }
    }

    // FNV-1a over the UTF-8 bytes, finished with a mix so that nearby ids spread over the table.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = unchecked((h ^ b) * 16777619u);
        }

        h ^= h >> 15;
        h = unchecked(h * 0x2c1b3c6du);
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }

    private ReadOnlySpan<byte> Bytes(int entry)
    {
        var place = this.places[entry];
        return new ReadOnlySpan<byte>(this.blocks[(int)(place >> 32)], (int)(place & 0xFFFFFFFF), this.lengths[entry]);
    }

    private void Insert(int slot, int hash, ReadOnlySpan<byte> bytes)
    {
        if (this.count == this.hashes.Length)
        {
            Array.Resize(ref this.hashes, this.count * 2);
            Array.Resize(ref this.places, this.count * 2);
            Array.Resize(ref this.lengths, this.count * 2);
        }

        if (this.blocks.Count == 0 || this.blockUsed + bytes.Length > BlockSize)
        {
            this.blocks.Add(new byte[Math.Max(BlockSize, bytes.Length)]);
            this.blockUsed = 0;
        }

        var block = this.blocks.Count - 1;
        bytes.CopyTo(new Span<byte>(this.blocks[block], this.blockUsed, bytes.Length));
        var entry = this.count++;
        this.hashes[entry] = hash;
        this.places[entry] = ((long)block << 32) | (uint)this.blockUsed;
        this.lengths[entry] = bytes.Length;
        this.blockUsed += bytes.Length;
        this.slots[slot] = entry + 1;

        // Keep the table at most half full.
        if (this.count * 2 > this.slots.Length)
        {
            this.Grow();
        }
    }

    private void Grow()
    {
        var larger = new int[this.slots.Length * 2];
        var mask = larger.Length - 1;
        for (var entry = 0; entry < this.count; entry++)
        {
            var slot = this.hashes[entry] & mask;
            while (larger[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            larger[slot] = entry + 1;
        }

        this.slots = larger;
    }
}
