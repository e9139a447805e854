using System;
using System.Collections.Generic;
using System.Text;

namespace Probation.Standards.Internal;

/// <summary>
/// The set of case ids seen, for the exact duplicate-id rule, in a fraction of a <see cref="HashSet{T}"/> of
/// strings: one open-addressing table of 64-bit entries, most of which hold the whole id. An id of up to 7 bytes is
/// kept in its entry as it is; an id that is a prefix of up to 3 bytes then up to 16 digits, such as
/// <c>C00000042</c> or <c>AB-1234567</c>, is kept in its entry as the prefix, the number of digits and their value. Any other id is kept as UTF-8 bytes, after a one-to-five-byte
/// length, in large shared blocks, and its entry holds 22 bits of its hash and where its bytes are. Each id has
/// exactly one form, so equal ids have equal entries (or, for ids in blocks, bytes confirmed byte for byte): the
/// check stays exact. A million ids of the usual shapes cost 12-16 MB of table and nothing else, with no objects
/// for the garbage collector to trace; <see cref="Reserve"/> sizes the table once when the number of ids is known
/// roughly, so it is not built again and again as it grows.
/// </summary>
internal sealed class CaseIdSet
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private const int PlaceBits = 40;
    private const ulong PlaceMask = (1UL << PlaceBits) - 1;
    private const int InitialCapacity = 1024;
    private const int MaxPrefix = 3;
    private const int MaxDigits = 16;

    // Top bytes of an entry: 0 empty (the whole entry is 0); 1-7 an id of that many bytes, held in the low 56
    // bits; 0x40-0x7F an id in the blocks (top 2 bits 01, then the hash's low 22 bits, then 40 bits of place + 1);
    // 0x80-0xBF a prefix and digits (0x80 | prefix length << 4 | digits - 1; the prefix's bytes above the value).
    private const ulong BlockKind = 1UL << 62;
    private const ulong DigitKind = 1UL << 63;

    private readonly List<byte[]> blocks = new();
    private readonly byte[] scratch = new byte[256];
    private int blockUsed;
    private ulong[] slots = new ulong[InitialCapacity];
    private int count;
    private bool hasEmpty;

    public int Count => this.count + (this.hasEmpty ? 1 : 0);

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
        if (id.Length == 0)
        {
            var added = !this.hasEmpty;
            this.hasEmpty = true;
            return added;
        }

        var inline = Inline(id);
        if (inline != 0)
        {
            return this.AddInline(inline);
        }

        var hash = Hash(id);
        var tag = BlockKind | ((ulong)(hash & 0x3FFFFF) << PlaceBits); // the low bits: the slot comes from the high ones
        var slots = this.slots;
        for (var slot = Index(hash, slots.Length); ; slot = slot + 1 == slots.Length ? 0 : slot + 1)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                slots[slot] = tag | (this.Store(id) + 1);
                this.Added();
                return true;
            }

            if ((entry & ~PlaceMask) == tag && this.Bytes((entry & PlaceMask) - 1).SequenceEqual(id))
            {
                return false;
            }
        }
    }

    /// <summary>Makes room for about <paramref name="expected"/> ids in all, so the table is not rebuilt as it fills.</summary>
    public void Reserve(long expected)
    {
        var capacity = expected + (expected / 2); // two thirds full at the estimate; it grows at three quarters
        if (capacity > this.slots.Length && capacity <= int.MaxValue / 2)
        {
            this.Rebuild((int)capacity);
        }
    }

    /// <summary>
    /// Starts loading the part of the table where <paramref name="id"/> goes, so that <see cref="Add(ReadOnlySpan{byte})"/>,
    /// called a little later (after the rest of the case is read), does not wait for memory: in a large document
    /// each id lands somewhere new in a table bigger than the caches. Changes nothing.
    /// </summary>
    public void Prefetch(ReadOnlySpan<byte> id)
    {
#if NET
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported && id.Length > 0)
        {
            var inline = Inline(id);
            var slots = this.slots;
            PrefetchEntry(ref slots[Index(inline != 0 ? InlineHash(inline) : Hash(id), slots.Length)]);
        }
#endif
    }

#if NET
    private static unsafe void PrefetchEntry(ref ulong entry)
    {
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref entry));
    }
#endif

    // An id held whole in its entry, or 0 for an id kept in the blocks.
    private static ulong Inline(ReadOnlySpan<byte> id)
    {
        if (id.Length <= 7)
        {
            ulong packed = 0;
            for (var i = id.Length - 1; i >= 0; i--)
            {
                packed = (packed << 8) | id[i];
            }

            return ((ulong)id.Length << 56) | packed;
        }

        var digits = 0;
        ulong value = 0;
        ulong scale = 1;
        for (var i = id.Length - 1; i >= 0 && digits < MaxDigits; i--)
        {
            var d = unchecked((uint)(id[i] - (byte)'0'));
            if (d > 9)
            {
                break;
            }

            value += d * scale;
            scale *= 10;
            digits++;
        }

        var prefix = id.Length - digits;
        if (digits == 0 || prefix > MaxPrefix)
        {
            return 0;
        }

        var valueBits = 56 - (8 * prefix);
        if (value >= 1UL << valueBits)
        {
            return 0;
        }

        ulong entry = DigitKind | ((ulong)prefix << 60) | ((ulong)(digits - 1) << 56) | value;
        for (var i = 0; i < prefix; i++)
        {
            entry |= (ulong)id[i] << (valueBits + (8 * i));
        }

        return entry;
    }

    private static uint InlineHash(ulong entry) => unchecked((uint)((entry * 0x9E3779B97F4A7C15UL) >> 32));

    // A hash spread over [0, length) without a power-of-two table: the table can be sized to what it must hold.
    private static int Index(uint hash, int length) => (int)(((ulong)hash * (ulong)length) >> 32);

    private bool AddInline(ulong inline)
    {
        var slots = this.slots;
        for (var slot = Index(InlineHash(inline), slots.Length); ; slot = slot + 1 == slots.Length ? 0 : slot + 1)
        {
            var entry = slots[slot];
            if (entry == inline)
            {
                return false;
            }

            if (entry == 0)
            {
                slots[slot] = inline;
                this.Added();
                return true;
            }
        }
    }

    private void Added()
    {
        this.count++;
        if (this.count > this.slots.Length - (this.slots.Length >> 2))
        {
            this.Rebuild(this.slots.Length * 2); // at most three quarters full
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

    private void Rebuild(int capacity)
    {
        var larger = new ulong[capacity];
        foreach (var entry in this.slots)
        {
            if (entry == 0)
            {
                continue;
            }

            var hash = (entry & (DigitKind | BlockKind)) == BlockKind ? Hash(this.Bytes((entry & PlaceMask) - 1)) : InlineHash(entry);
            var slot = Index(hash, capacity);
            while (larger[slot] != 0)
            {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }

            larger[slot] = entry;
        }

        this.slots = larger;
    }
}
