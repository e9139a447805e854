using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace Probation.Standards.Bulk;

/// <summary>The ways the bulk path can count bits; <see cref="Auto"/> picks the fastest this build and CPU have.</summary>
internal enum PopCountPath
{
    /// <summary>The fastest available: Vector512, then Vector256 (AVX2), then scalar popcnt; SWAR on netstandard2.0.</summary>
    Auto,

    /// <summary>Carry-save adds of 64-byte vectors (AVX-512F's vpternlog) with a nibble look-up count per sixteen (AVX-512BW's vpshufb); net8.0+ where Vector512 is accelerated.</summary>
    Vector512,

    /// <summary>Nibble look-up over 32-byte vectors (AVX2); net8.0+ where AVX2 is supported.</summary>
    Vector256,

    /// <summary><c>BitOperations.PopCount</c> a word at a time (popcnt); net8.0+.</summary>
    Scalar,

    /// <summary>The SWAR population count a word at a time, the netstandard2.0 build's only path; available on every build.</summary>
    Swar,
}

/// <summary>
/// Population counts of runs of words, optionally with a mask's bits cleared first (R9's adjusted cases):
/// each path gives the same counts; tests choose a path explicitly, the library uses <see cref="PopCountPath.Auto"/>.
/// </summary>
internal static class PopCountKernels
{
    /// <summary>The paths this build and CPU can run, in the order <see cref="PopCountPath.Auto"/> prefers them.</summary>
    internal static IReadOnlyList<PopCountPath> Available { get; } = FindAvailable();

    /// <summary>The path <see cref="PopCountPath.Auto"/> resolves to.</summary>
    internal static PopCountPath Best { get; } = Available[0];

    /// <summary>Counts the bits of <paramref name="words"/> not set in <paramref name="mask"/> (a mask of the same length), or all of them when the mask is empty.</summary>
    /// <param name="words">The words.</param>
    /// <param name="mask">Empty, or as long as <paramref name="words"/>.</param>
    /// <param name="path">The path to count with; must be in <see cref="Available"/>.</param>
    /// <returns>How many bits are counted.</returns>
    internal static long Count(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask, PopCountPath path)
    {
        if (mask.Length != 0 && mask.Length != words.Length)
        {
            throw new ArgumentException("the mask must be empty or as long as the words", nameof(mask));
        }

        if (path == PopCountPath.Auto)
        {
            path = Best;
        }

        switch (path)
        {
#if NET8_0_OR_GREATER
            case PopCountPath.Vector512 when Vector512.IsHardwareAccelerated && Avx512BW.IsSupported:
                return mask.IsEmpty ? CarrySave512(words, default, masked: false) : CarrySave512(words, mask, masked: true);
            case PopCountPath.Vector256 when Avx2.IsSupported:
                return mask.IsEmpty ? Count256(words) : Count256AndNot(words, mask);
            case PopCountPath.Scalar:
                return CountScalar(words, mask);
#endif
            case PopCountPath.Swar:
                return CountSwar(words, mask);
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "not available on this build or CPU");
        }
    }

    private static PopCountPath[] FindAvailable()
    {
        var paths = new List<PopCountPath>();
#if NET8_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && Avx512BW.IsSupported)
        {
            paths.Add(PopCountPath.Vector512);
        }

        if (Avx2.IsSupported)
        {
            paths.Add(PopCountPath.Vector256);
        }

        paths.Add(PopCountPath.Scalar);
#endif
        paths.Add(PopCountPath.Swar);
        return paths.ToArray();
    }

    private static long CountSwar(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask)
    {
        long total = 0;
        if (mask.IsEmpty)
        {
            foreach (var word in words)
            {
                total += Swar(word);
            }
        }
        else
        {
            for (var i = 0; i < words.Length; i++)
            {
                total += Swar(words[i] & ~mask[i]);
            }
        }

        return total;
    }

    // netstandard2.0 has no BitOperations: the classic SWAR population count.
    private static int Swar(ulong value)
    {
        unchecked
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }
    }

#if NET8_0_OR_GREATER
    // Byte counts of up to 31 vectors are summed before widening: at most 8 a byte each, so 248 < 256.
    private const int VectorsPerBlock = 31;

    private static long CountScalar(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask)
    {
        long total = 0;
        if (mask.IsEmpty)
        {
            foreach (var word in words)
            {
                total += BitOperations.PopCount(word);
            }
        }
        else
        {
            for (var i = 0; i < words.Length; i++)
            {
                total += BitOperations.PopCount(words[i] & ~mask[i]);
            }
        }

        return total;
    }

    // Harley and Seal's carry-save count over 64-byte vectors: sixteen vectors at a time are added bit by bit into
    // running "ones", "twos", "fours" and "eights" with full adders (each two vpternlog: the sum bit a^b^c is table
    // 0x96, the carry, the majority of the three, 0xE8), so only the carry out of the eights, one vector in sixteen,
    // is counted with the nibble look-up; the four running vectors are counted once at the end, with their weights.
    // About two and a half operations a vector against the look-up's seven. Vectors after the last sixteen and
    // words after the last vector are counted by the look-up and by popcnt. The mask (R9's adjusted cases) is
    // cleared from each vector as it is loaded; with masked a constant at each call, the JIT drops the other branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long CarrySave512(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask, bool masked)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector512<ulong>>(words);
        var masks = MemoryMarshal.Cast<ulong, Vector512<ulong>>(mask);
        ref var first = ref MemoryMarshal.GetReference(vectors);
        ref var firstMask = ref MemoryMarshal.GetReference(masks);
        var ones = Vector512<ulong>.Zero;
        var twos = Vector512<ulong>.Zero;
        var fours = Vector512<ulong>.Zero;
        var eights = Vector512<ulong>.Zero;
        var sixteens = Vector512<ulong>.Zero;
        var blocks = vectors.Length & ~15;
        var i = 0;
        for (; i < blocks; i += 16)
        {
            var twosA = Add(ref ones, Load(ref first, ref firstMask, i, masked), Load(ref first, ref firstMask, i + 1, masked));
            var twosB = Add(ref ones, Load(ref first, ref firstMask, i + 2, masked), Load(ref first, ref firstMask, i + 3, masked));
            var foursA = Add(ref twos, twosA, twosB);
            twosA = Add(ref ones, Load(ref first, ref firstMask, i + 4, masked), Load(ref first, ref firstMask, i + 5, masked));
            twosB = Add(ref ones, Load(ref first, ref firstMask, i + 6, masked), Load(ref first, ref firstMask, i + 7, masked));
            var foursB = Add(ref twos, twosA, twosB);
            var eightsA = Add(ref fours, foursA, foursB);
            twosA = Add(ref ones, Load(ref first, ref firstMask, i + 8, masked), Load(ref first, ref firstMask, i + 9, masked));
            twosB = Add(ref ones, Load(ref first, ref firstMask, i + 10, masked), Load(ref first, ref firstMask, i + 11, masked));
            foursA = Add(ref twos, twosA, twosB);
            twosA = Add(ref ones, Load(ref first, ref firstMask, i + 12, masked), Load(ref first, ref firstMask, i + 13, masked));
            twosB = Add(ref ones, Load(ref first, ref firstMask, i + 14, masked), Load(ref first, ref firstMask, i + 15, masked));
            foursB = Add(ref twos, twosA, twosB);
            var eightsB = Add(ref fours, foursA, foursB);
            sixteens += Lanes512(Add(ref eights, eightsA, eightsB));
        }

        var totals = (sixteens << 4) + (Lanes512(eights) << 3) + (Lanes512(fours) << 2) + (Lanes512(twos) << 1) + Lanes512(ones);
        for (; i < vectors.Length; i++)
        {
            totals += Lanes512(Load(ref first, ref firstMask, i, masked));
        }

        var tail = vectors.Length * 8;
        return (long)Vector512.Sum(totals) + CountScalar(words.Slice(tail), masked ? mask.Slice(tail) : default);
    }

    // A full adder of three vectors, bit by bit: the sum stays in the running vector, the carry is returned.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Add(ref Vector512<ulong> running, Vector512<ulong> a, Vector512<ulong> b)
    {
        var carry = Avx512F.TernaryLogic(running, a, b, 0xE8);
        running = Avx512F.TernaryLogic(running, a, b, 0x96);
        return carry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Load(ref Vector512<ulong> first, ref Vector512<ulong> firstMask, int i, bool masked) =>
        masked ? Vector512.AndNot(Unsafe.Add(ref first, i), Unsafe.Add(ref firstMask, i)) : Unsafe.Add(ref first, i);

    // The bits set in each 64-bit lane: the nibble look-up's byte counts summed eight at a time by vpsadbw.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Lanes512(Vector512<ulong> v) =>
        Avx512BW.SumAbsoluteDifferences(Bytes512(v.AsByte()), Vector512<byte>.Zero).AsUInt64();

    // Mula, Kurz and Lemire's nibble-lookup population count: each byte's count is the sum of two 4-bit table
    // look-ups (vpshufb, per 16-byte lane). The 256-bit kernels below sum byte counts for a block of vectors, then
    // widen them to 64-bit sums with vpsadbw; the 512-bit path uses it once in sixteen vectors (above).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Bytes512(Vector512<byte> v)
    {
        var lookup = Vector512.Create(
            (byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
            0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
            0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
            0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var low = Vector512.Create((byte)0x0F);
        var lo = Avx512BW.Shuffle(lookup, v & low);
        var hi = Avx512BW.Shuffle(lookup, Vector512.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & low);
        return lo + hi;
    }

    private static long Count256(ReadOnlySpan<ulong> words)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector256<byte>>(words);
        ref var first = ref MemoryMarshal.GetReference(vectors);
        var totals = Vector256<ulong>.Zero;
        var i = 0;
        while (i < vectors.Length)
        {
            var end = Math.Min(vectors.Length, i + (2 * VectorsPerBlock));
            var a = Vector256<byte>.Zero;
            var b = Vector256<byte>.Zero;
            for (; i + 1 < end; i += 2)
            {
                a += Bytes256(Unsafe.Add(ref first, i));
                b += Bytes256(Unsafe.Add(ref first, i + 1));
            }

            if (i < end)
            {
                a += Bytes256(Unsafe.Add(ref first, i));
                i++;
            }

            totals += Avx2.SumAbsoluteDifferences(a, Vector256<byte>.Zero).AsUInt64();
            totals += Avx2.SumAbsoluteDifferences(b, Vector256<byte>.Zero).AsUInt64();
        }

        return (long)Vector256.Sum(totals) + CountScalar(words.Slice(vectors.Length * 4), default);
    }

    private static long Count256AndNot(ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> mask)
    {
        var vectors = MemoryMarshal.Cast<ulong, Vector256<byte>>(words);
        var masks = MemoryMarshal.Cast<ulong, Vector256<byte>>(mask);
        ref var first = ref MemoryMarshal.GetReference(vectors);
        ref var firstMask = ref MemoryMarshal.GetReference(masks);
        var totals = Vector256<ulong>.Zero;
        var i = 0;
        while (i < vectors.Length)
        {
            var end = Math.Min(vectors.Length, i + VectorsPerBlock);
            var a = Vector256<byte>.Zero;
            for (; i < end; i++)
            {
                a += Bytes256(Vector256.AndNot(Unsafe.Add(ref first, i), Unsafe.Add(ref firstMask, i)));
            }

            totals += Avx2.SumAbsoluteDifferences(a, Vector256<byte>.Zero).AsUInt64();
        }

        var tail = vectors.Length * 4;
        return (long)Vector256.Sum(totals) + CountScalar(words.Slice(tail), mask.Slice(tail));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Bytes256(Vector256<byte> v)
    {
        var lookup = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var low = Vector256.Create((byte)0x0F);
        var lo = Avx2.Shuffle(lookup, v & low);
        var hi = Avx2.Shuffle(lookup, Avx2.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & low);
        return lo + hi;
    }
#endif
}
