using System;
using System.Runtime.InteropServices;

namespace Probation.Standards.Findings.Parsing;

/// <summary>UTF-8 validation of a document as it streams in, and recognition of UTF-16 and UTF-32 files.</summary>
internal static class Utf8Check
{
    /// <summary>
    /// Validates <paramref name="bytes"/> from its start. Returns the length of the valid prefix; when the
    /// prefix is shorter than the span, <paramref name="invalid"/> says whether the rest starts with a bad
    /// byte (<see langword="true"/>) or with a sequence the span cuts short (<see langword="false"/>: more data may complete it).
    /// </summary>
    public static int ValidPrefix(ReadOnlySpan<byte> bytes, out bool invalid)
    {
        invalid = false;
        var i = 0;
        while (i < bytes.Length)
        {
#if NET8_0_OR_GREATER
            // ASCII runs skipped with the vectorised search for the next byte of 0x80 or more.
            var next = bytes.Slice(i).IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (next < 0)
            {
                return bytes.Length;
            }

            i += next;
#else
            // ASCII runs eight bytes at a time.
            while (i + 8 <= bytes.Length && (MemoryMarshal.Read<ulong>(bytes.Slice(i)) & 0x8080808080808080UL) == 0)
            {
                i += 8;
            }
#endif

            if (i >= bytes.Length)
            {
                break;
            }

            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
                min = 0x80;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                min = 0x800;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                min = 0x10000;
            }
            else
            {
                invalid = true;
                return i;
            }

            if (i + length > bytes.Length)
            {
                // Cut short by the span: valid so far only if every byte present continues the sequence.
                for (var k = i + 1; k < bytes.Length; k++)
                {
                    if ((bytes[k] & 0xC0) != 0x80)
                    {
                        invalid = true;
                        return i;
                    }
                }

                return i;
            }

            var code = b & (0x7F >> length);
            for (var k = 1; k < length; k++)
            {
                var c = bytes[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    invalid = true;
                    return i;
                }

                code = (code << 6) | (c & 0x3F);
            }

            // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8.
            if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            {
                invalid = true;
                return i;
            }

            i += length;
        }

        return i;
    }

    /// <summary>Names the encoding of a file that starts like UTF-16 or UTF-32, or returns <see langword="null"/>.</summary>
    public static string? WideEncoding(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 4 && start[0] == 0xFF && start[1] == 0xFE && start[2] == 0 && start[3] == 0)
        {
            return "UTF-32 (little-endian)";
        }

        if (start.Length >= 4 && start[0] == 0 && start[1] == 0 && start[2] == 0xFE && start[3] == 0xFF)
        {
            return "UTF-32 (big-endian)";
        }

        if (start.Length >= 2 && start[0] == 0xFF && start[1] == 0xFE)
        {
            return "UTF-16 (little-endian)";
        }

        if (start.Length >= 2 && start[0] == 0xFE && start[1] == 0xFF)
        {
            return "UTF-16 (big-endian)";
        }

        // Without a byte order mark: JSON starts with an ASCII character, so a zero byte beside it gives the width away.
        if (start.Length >= 4 && start[0] != 0 && start[1] == 0 && start[2] == 0 && start[3] == 0)
        {
            return "UTF-32 (little-endian)";
        }

        if (start.Length >= 4 && start[0] == 0 && start[1] == 0 && start[2] == 0 && start[3] != 0)
        {
            return "UTF-32 (big-endian)";
        }

        if (start.Length >= 2 && start[0] != 0 && start[1] == 0)
        {
            return "UTF-16 (little-endian)";
        }

        if (start.Length >= 2 && start[0] == 0 && start[1] != 0)
        {
            return "UTF-16 (big-endian)";
        }

        return null;
    }
}
