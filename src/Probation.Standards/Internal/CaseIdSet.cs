using System;
using System.Collections.Generic;
using System.Text;

namespace Probation.Standards.Internal;

/// <summary>
/// The set of case ids seen, for the exact duplicate-id rule, in a fraction of a <see cref="HashSet{T}"/> of
/// strings: ids are kept as UTF-8 bytes, each after a one-to-five-byte length, in large shared blocks, and found
/// through an open-addressing table of 64-bit entries (24 bits of hash to reject most mismatches, 40 bits of
/// where the id's bytes are). A million 9-byte ids cost some 10 MB of bytes and 16-32 MB of table, and no objects
/// for the garbage collector to trace. The check stays exact: a hash match is confirmed byte for byte.
/// </summary>
internal sealed class CaseIdSet
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private const int PlaceBits = 40;
    private const ulong PlaceMask = (1UL << PlaceBits) - 1;
    private readonly List<byte[]> blocks = new();
    private readonly byte[] scratch = new byte[256];
    private int blockUsed;
    private ulong[] slots = new ulong[1024];  // 0 empty; else hash's top 24 bits << 40 | (place + 1)
    private int count;

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
    public bool Add(ReadOnlySpan<byte> id)
    {
        var hash = Hash(id);
        var tag = (ulong)(hash >> 8) << PlaceBits;
        var mask = this.slots.Length - 1;
        for (var slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = this.slots[slot];
            if (entry == 0)
            {
                this.slots[slot] = tag | (this.Store(id) + 1);
                this.count++;
                if (this.count * 2 > this.slots.Length)
                {
                    this.Grow(); // at most half full
                }

                return true;
            }

            if ((entry & ~PlaceMask) == tag && this.Bytes((entry & PlaceMask) - 1).SequenceEqual(id))
            {
                return false;
            }
        }
    }

    // FNV-1a over the UTF-8 bytes, finished with a mix so that nearby ids spread over the table.
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = unchecked((h ^ b) * 16777619u);
        }

        h ^= h >> 15;
        h = unchecked(h * 0x2c1b3c6du);
        h ^= h >> 12;
        h = unchecked(h * 0x297a2d39u);
        h ^= h >> 15;
        return h;
    }

    // An id's bytes: the length (7 bits a byte, high bit = more) then the bytes, at block << 20 | offset.
    private ReadOnlySpan<byte> Bytes(ulong place)
    {
        var block = this.blocks[(int)(place >> BlockBits)];
        var at = (int)(place & (BlockSize - 1));
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = block[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return new ReadOnlySpan<byte>(block, at, length);
    }

    private ulong Store(ReadOnlySpan<byte> id)
    {
        var needed = id.Length + 5;
        if (this.blocks.Count == 0 || this.blockUsed + needed > this.blocks[this.blocks.Count - 1].Length)
        {
            // Blocks grow from 16 KiB to 1 MiB, so a small document does not pay for a large block; an id longer
            // than a block has a block of its own, at offset 0.
            var size = this.blocks.Count == 0 ? 16 * 1024 : Math.Min(BlockSize, this.blocks[this.blocks.Count - 1].Length * 2);
            this.blocks.Add(new byte[Math.Max(size, needed)]);
            this.blockUsed = 0;
        }

        var index = this.blocks.Count - 1;
        var block = this.blocks[index];
        var place = ((ulong)index << BlockBits) | (uint)this.blockUsed;
        var at = this.blockUsed;
        var length = (uint)id.Length;
        while (length >= 0x80)
        {
            block[at++] = unchecked((byte)(length | 0x80));
            length >>= 7;
        }

        block[at++] = (byte)length;
        id.CopyTo(new Span<byte>(block, at, id.Length));
        // An offset must stay below 1 MiB: a block made for one long id takes no other.
        this.blockUsed = block.Length > BlockSize ? block.Length : at + id.Length;
        return place;
    }

    private void Grow()
    {
        var larger = new ulong[this.slots.Length * 2];
        var mask = larger.Length - 1;
        foreach (var entry in this.slots)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = (int)(Hash(this.Bytes((entry & PlaceMask) - 1)) & (uint)mask);
            while (larger[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            larger[slot] = entry;
        }

        this.slots = larger;
    }
}
