using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;

namespace Probation.Standards.Parquet.Reading;

/// <summary>A case id's 64-bit hash from its UTF-8 bytes (tests give one that collides on purpose).</summary>
internal delegate ulong IdHasher(ReadOnlySpan<byte> id);

/// <summary>
/// The fast path's duplicate-id check, in two steps instead of one random probe a row: while the table is read, one
/// 64-bit hash of each row's id is written in row order (and counted by its top bits); after the last row group,
/// the hashes are moved into cache-sized buckets by their top bits, and each bucket is checked with a small table
/// that stays in cache. Equal hashes only say that two ids may be equal: <see cref="Repeated"/> gives the hashes seen
/// more than once, and the caller compares those rows' ids byte for byte (a hash says nothing for certain).
/// </summary>
internal sealed class IdHashes
{
    // About this many hashes a bucket: its table (twice as many 8-byte slots, 64 KiB) stays in the core's L2.
    private const int BucketTarget = 4096;
    private const ulong Occupied = 1UL << 63;

    private readonly ulong[] hashes;
    private readonly int capacity;
    private readonly Rented rented;
    private readonly int[] counts;
    private readonly int shift;
    private int count;

    public IdHashes(long rows, Rented rented)
    {
        var n = (int)Math.Clamp(rows, 0, int.MaxValue - 64);
        this.rented = rented;
        this.capacity = n;
        this.hashes = rented.Take<ulong>(n); // written before read
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(n / BucketTarget, 1, 1 << 16));
        this.counts = new int[buckets];

        // A bucket is picked by the hash's top bits under bit 63 (set in every stored hash).
        this.shift = 63 - BitOperations.Log2((uint)buckets);
    }

    /// <summary>The hashes written.</summary>
    public int Count => this.count;

    /// <summary>
    /// Each row's id hash, as <paramref name="entryHashes"/>[<paramref name="entries"/>[r]]: the rows' entries in
    /// the chunk's ids (a plain chunk's rows, or a dictionary's entries). False at a negative entry (a NULL id) or
    /// when the rows would pass the count the table was sized for.
    /// </summary>
    public bool Append(ReadOnlySpan<int> entries, ReadOnlySpan<ulong> entryHashes)
    {
        if (entries.Length > this.capacity - this.count)
        {
            return false;
        }

        var into = this.hashes.AsSpan(this.count, entries.Length);
        var counts = this.counts;
        var (mask, shift) = (counts.Length - 1, this.shift);
        for (var r = 0; r < entries.Length; r++)
        {
            var entry = entries[r];
            if (unchecked((uint)entry) >= (uint)entryHashes.Length)
            {
                return false;
            }

            var hash = entryHashes[entry] | Occupied;
            into[r] = hash;
            counts[unchecked((int)(hash >> shift)) & mask]++;
        }

        this.count += entries.Length;
        return true;
    }

    /// <summary>
    /// The hashes written more than once (empty when every hash is distinct, the usual case: then no two ids are
    /// equal). Each is given once, whatever the number of times it was written. With <paramref name="parallelism"/>
    /// 2 or more, the buckets are checked on two threads (they are independent; the result is the same).
    /// </summary>
    public HashSet<ulong> Repeated(int parallelism = 1)
    {
        var buckets = this.counts.Length;
        if (this.count < 2)
        {
            return new HashSet<ulong>();
        }

        // Each bucket's place in one array (the counts added up), then every hash moved into its bucket.
        var starts = new int[buckets + 1];
        var largest = 0;
        for (var b = 0; b < buckets; b++)
        {
            starts[b + 1] = starts[b] + this.counts[b];
            largest = Math.Max(largest, this.counts[b]);
        }

        var sorted = this.rented.Take<ulong>(this.count);
        var next = (int[])starts.Clone();
        var (mask, shift) = (buckets - 1, this.shift);
        foreach (var hash in this.hashes.AsSpan(0, this.count))
        {
            sorted[next[unchecked((int)(hash >> shift)) & mask]++] = hash;
        }

        if (parallelism < 2 || buckets < 2)
        {
            return CheckBuckets(sorted, starts, 0, buckets, largest);
        }

        var half = buckets / 2;
        HashSet<ulong>? first = null;
        HashSet<ulong>? second = null;
        System.Threading.Tasks.Parallel.Invoke(
            () => first = CheckBuckets(sorted, starts, 0, half, largest),
            () => second = CheckBuckets(sorted, starts, half, buckets, largest));
        first!.UnionWith(second!);
        return first;
    }

    // Buckets [from, to) each through an open-addressing table of at least twice its size, indexed by the hash's
    // low bits (0 is an empty slot: every stored hash has bit 63 set).
    private static HashSet<ulong> CheckBuckets(ulong[] sorted, int[] starts, int from, int to, int largest)
    {
        var repeated = new HashSet<ulong>();
        var table = new ulong[BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, largest * 2))];
        for (var b = from; b < to; b++)
        {
            var bucket = sorted.AsSpan(starts[b], starts[b + 1] - starts[b]);
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, bucket.Length * 2));
            var slots = table.AsSpan(0, size);
            slots.Clear();
            var slotMask = size - 1;
            foreach (var hash in bucket)
            {
                for (var slot = unchecked((int)hash) & slotMask; ; slot = (slot + 1) & slotMask)
                {
                    var held = slots[slot];
                    if (held == 0)
                    {
                        slots[slot] = hash;
                        break;
                    }

                    if (held == hash)
                    {
                        repeated.Add(hash);
                        break;
                    }
                }
            }
        }

        return repeated;
    }

    /// <summary>Whether a row's hash (as <see cref="Append"/> was given it) is one of <paramref name="repeated"/>.</summary>
    public static bool IsRepeated(ulong hash, HashSet<ulong> repeated) => repeated.Contains(hash | Occupied);

    /// <summary>
    /// An id's hash: up to 16 bytes as two (overlapping) little-endian words, longer ids 16 bytes at a time, each
    /// pair multiplied as 128 bits and folded (as wyhash does), with the length mixed in.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<byte> id)
    {
        const ulong K0 = 0xa0761d6478bd642fUL;
        const ulong K1 = 0xe7037ed1a0b428dbUL;
        const ulong K2 = 0x8ebc6af09c88c6e3UL;
        var n = id.Length;
        ulong a, b;
        var seed = K2 ^ (ulong)n;
        if (n <= 16)
        {
            if (n >= 8)
            {
                a = BinaryPrimitives.ReadUInt64LittleEndian(id);
                b = BinaryPrimitives.ReadUInt64LittleEndian(id.Slice(n - 8));
            }
            else if (n >= 4)
            {
                a = BinaryPrimitives.ReadUInt32LittleEndian(id);
                b = BinaryPrimitives.ReadUInt32LittleEndian(id.Slice(n - 4));
            }
            else if (n > 0)
            {
                a = ((ulong)id[0] << 16) | ((ulong)id[n >> 1] << 8) | id[n - 1];
                b = 0;
            }
            else
            {
                a = b = 0;
            }
        }
        else
        {
            var i = 0;
            for (; n - i > 16; i += 16)
            {
                seed = Fold(BinaryPrimitives.ReadUInt64LittleEndian(id.Slice(i)) ^ K0, BinaryPrimitives.ReadUInt64LittleEndian(id.Slice(i + 8)) ^ seed);
            }

            a = BinaryPrimitives.ReadUInt64LittleEndian(id.Slice(n - 16));
            b = BinaryPrimitives.ReadUInt64LittleEndian(id.Slice(n - 8));
        }

        return Fold(K0 ^ (ulong)n, Fold(a ^ K0, b ^ seed) ^ K1);
    }

    private static ulong Fold(ulong a, ulong b)
    {
        var high = Math.BigMul(a, b, out var low);
        return high ^ low;
    }
}
