using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Probation.Standards.Internal;
using Probation.Standards.Reset;

namespace Probation.Standards.Findings.Parsing;

/// <summary>
/// The case scanner. Once the reader has read a case, the cases after it are scanned straight from the
/// buffer's bytes, not a token at a time, for as long as each is in the plain shape producers write: known
/// fields once each (tags included); strings without escapes or control characters; canonical sentences, exemptions and
/// answers; <c>yyyy-mm-dd</c> dates; key-question ids the id cache already holds; the whole case in the buffer.
/// A case is taken only when all of it has been scanned and it breaks no rule, so the scanner never reports
/// a problem: the first case it does not take, and everything after it, goes back to the reader, which
/// finds the problems and words them as it always has.
/// </summary>
internal sealed partial class FindingsParser
{
    private readonly bool scanCases;
    private bool afterCaseObject;   // the reader's last token closed a case object (the scanner's starting point)
    private int readerEnd;          // the end, in the buffer, of the bytes the current reader was given
    private bool readerFinal;

    // Where the reader last resumed past scanned cases (absolute), or -1; and once found, that point's 0-based
    // line and the bytes before it on its line. A resumed reader counts lines and bytes from there.
    private long resumedAt = -1;
    private long resumedLine;
    private long resumedByte;
    private bool resumedPlaced;

    /// <summary>The cases the scanner has taken on this thread, for tests that check it is in use.</summary>
    [ThreadStatic]
    internal static long ScannedOnThisThread;

    // Scans the cases after the one the reader just closed; when any is taken, the reader resumes after the last.
    private void ScanAhead(ref Utf8JsonReader reader)
    {
        var at = this.start + (int)reader.BytesConsumed;
        var before = this.caseIndex;
        var taken = this.ScanCases(at, this.readerEnd);
        if (taken > at)
        {
            ScannedOnThisThread += this.caseIndex - before;
            this.start = taken;
            reader = new Utf8JsonReader(this.buffer.AsSpan(taken, this.readerEnd - taken), this.readerFinal, Resume.State);
            this.resumedAt = this.origin + taken;
            this.resumedPlaced = false;
        }
    }

    // Cases from `at` (just after a case's closing brace) while each is plain and whole before `limit`;
    // returns where the last case taken ends (`at` when none was).
    private int ScanCases(int at, int limit)
    {
        var bytes = new ReadOnlySpan<byte>(this.buffer, 0, limit);
        var taken = at;
        while (true)
        {
            var i = SkipBlank(bytes, taken);
            if (i >= bytes.Length || bytes[i] != (byte)',')
            {
                return taken;
            }

            i = SkipBlank(bytes, i + 1);
            if (i >= bytes.Length || bytes[i] != (byte)'{')
            {
                return taken;
            }

            var rawCase = this.NextCase(this.origin + i);
            var end = this.ScanCase(bytes, i + 1, rawCase);
            if (end < 0)
            {
                this.spare = rawCase; // the reader reads it again from the start
                return taken;
            }

            taken = end;
            this.CaseDone(rawCase, this.origin + end - 1);
        }
    }

    // One case's fields, from just after its opening brace; returns the index after its closing brace, or -1
    // for a case the reader must read (it is not plain, it is cut off, or it breaks a rule).
    private int ScanCase(ReadOnlySpan<byte> bytes, int i, RawCase rawCase)
    {
        var seen = 0;
        i = SkipBlank(bytes, i);
        while (true)
        {
            if (!ScanString(bytes, ref i, out var name))
            {
                return -1;
            }

            var field = FieldOf(name);
            if (field < 0 || (seen & (1 << field)) != 0)
            {
                return -1; // unknown or repeated
            }

            seen |= 1 << field;
            if (!SkipColon(bytes, ref i) || !this.ScanField(bytes, ref i, field, rawCase))
            {
                return -1;
            }

            var next = NextMember(bytes, ref i);
            if (next < 0)
            {
                return -1;
            }

            if (next == 0)
            {
                break;
            }
        }

        // The rules ReadCase checks at a case's end: each broken one is left to it.
        var missingId = (seen & 1) == 0;
        var badSuspension = rawCase.Suspended is { } suspended && (rawCase.Start is not { } start || suspended < start);
        return missingId || badSuspension ? -1 : i;
    }

    private bool ScanField(ReadOnlySpan<byte> bytes, ref int i, int field, RawCase rawCase)
    {
        if (field == 5)
        {
            return ScanNull(bytes, ref i) || this.ScanAnswers(bytes, ref i, rawCase);
        }

        if (field == 6)
        {
            return ScanNull(bytes, ref i) || ScanTags(bytes, ref i, rawCase);
        }

        if (field != 0 && ScanNull(bytes, ref i))
        {
            return true; // sentence, start, suspended and exemption may be null, and are null until given
        }

        if (!ScanString(bytes, ref i, out var value))
        {
            return false;
        }

        switch (field)
        {
            case 0:
                if (!PlainId(value))
                {
                    return false;
                }

                rawCase.SetIdUtf8(value);
                this.handler.IdRead(value);
                return true;
            case 1:
                rawCase.Sentence = SentenceOf(value);
                return rawCase.Sentence is not null;
            case 2:
                rawCase.Start = DateText.TryParse(value, out var startDate) ? startDate : null;
                return rawCase.Start is not null;
            case 3:
                rawCase.Suspended = DateText.TryParse(value, out var suspendedDate) ? suspendedDate : null;
                return rawCase.Suspended is not null;
            default:
                rawCase.Exemption = ExemptionOf(value);
                return rawCase.Exemption is not null;
        }
    }

    // The answers object, from its opening brace: every id one the id cache holds, each once.
    private bool ScanAnswers(ReadOnlySpan<byte> bytes, ref int i, RawCase rawCase)
    {
        if (i >= bytes.Length || bytes[i] != (byte)'{')
        {
            return false;
        }

        rawCase.HasAnswers = true;
        rawCase.SlotIds = this.keyQuestionIds.Ids;
        i = SkipBlank(bytes, i + 1);
        if (i < bytes.Length && bytes[i] == (byte)'}')
        {
            i++;
            return true;
        }

        var seen = 0UL;
        for (var count = 0; ; count++)
        {
            // Producers write the ids in the same order in every case, and compactly: the entry expected here is
            // tried first, whole up to its value's opening quote.
            int slot;
            var quote = this.keyQuestionIds.HeadAt(bytes, i, count);
            if (quote >= 0)
            {
                slot = count;
                i = quote;
            }
            else if (!ScanString(bytes, ref i, out var id) || (slot = this.keyQuestionIds.SlotOf(id, count)) < 0 || !SkipColon(bytes, ref i))
            {
                return false;
            }

            if ((seen & (1UL << slot)) != 0)
            {
                return false;
            }

            seen |= 1UL << slot;
            var answer = QuickAnswer(bytes, ref i);
            if (answer < 0)
            {
                answer = ScanString(bytes, ref i, out var value) ? AnswerOf(value) : -1;
                if (answer < 0)
                {
                    return false;
                }
            }

            rawCase.AddBySlot(slot, (Answer)answer);
            var next = NextMember(bytes, ref i);
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }

    // The canonical answers told from eight-byte words in place, from the value's opening quote; -1 (i unchanged)
    // for anything else, or too near the end of the bytes, which is read the long way.
    private static int QuickAnswer(ReadOnlySpan<byte> bytes, ref int i)
    {
        if (i + (2 * sizeof(ulong)) > bytes.Length)
        {
            return -1;
        }

        // Without a branch on which answer it is (they come in no order a predictor could learn).
        var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i));
        var yes = (word & Answers.FiveBytes) == Answers.Yes ? 1 : 0;
        var no = (word & Answers.FourBytes) == Answers.No ? 1 : 0;
        var notApplicable = (word == Answers.NotApplicableFirst ? 1 : 0) & (BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i + 7)) == Answers.NotApplicableLast ? 1 : 0);
        if ((yes | no | notApplicable) == 0)
        {
            return -1;
        }

        i += (yes * 5) + (no * 4) + (notApplicable * 15);
        return (yes * (int)Answer.Yes) + (no * (int)Answer.No) + (notApplicable * (int)Answer.NotApplicable);
    }

    // After a member of an object: 1 and i at the next member after a comma, 0 and i past the closing brace, or -1.
    private static int NextMember(ReadOnlySpan<byte> bytes, ref int i)
    {
        i = SkipBlank(bytes, i);
        if (i < bytes.Length && bytes[i] == (byte)',')
        {
            i = SkipBlank(bytes, i + 1);
            return 1;
        }

        if (i < bytes.Length && bytes[i] == (byte)'}')
        {
            i++;
            return 0;
        }

        return -1;
    }

    // A colon between blanks, after a field name.
    private static bool SkipColon(ReadOnlySpan<byte> bytes, ref int i)
    {
        i = SkipBlank(bytes, i);
        if (i >= bytes.Length || bytes[i] != (byte)':')
        {
            return false;
        }

        i = SkipBlank(bytes, i + 1);
        return true;
    }

    // The tags object, from its opening brace: plain string values, each name once (R12).
    private static bool ScanTags(ReadOnlySpan<byte> bytes, ref int i, RawCase rawCase)
    {
        if (i >= bytes.Length || bytes[i] != (byte)'{')
        {
            return false;
        }

        var tags = rawCase.Tags ??= new List<KeyValuePair<string, string>>(4);
        i = SkipBlank(bytes, i + 1);
        if (i < bytes.Length && bytes[i] == (byte)'}')
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!ScanString(bytes, ref i, out var name) || !SkipColon(bytes, ref i) || !ScanString(bytes, ref i, out var value))
            {
                return false;
            }

            var key = Utf8Text(name);
            foreach (var earlier in tags)
            {
                if (earlier.Key == key)
                {
                    return false;
                }
            }

            tags.Add(new KeyValuePair<string, string>(key, Utf8Text(value)));
            var next = NextMember(bytes, ref i);
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }

    private static string Utf8Text(ReadOnlySpan<byte> bytes) =>
#if NET
        Encoding.UTF8.GetString(bytes);
#else
        Encoding.UTF8.GetString(bytes.ToArray());
#endif

    // A string with no escape and no control character, from its opening quote; i ends after the closing one.
    private static bool ScanString(ReadOnlySpan<byte> bytes, ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (i >= bytes.Length || bytes[i] != (byte)'"')
        {
            return false;
        }

        for (var j = i + 1; j < bytes.Length; j++)
        {
            var b = bytes[j];
            if (b == (byte)'"')
            {
                value = bytes.Slice(i + 1, j - i - 1);
                i = j + 1;
                return true;
            }

            if (b == (byte)'\\' || b < 0x20)
            {
                return false;
            }
        }

        return false;
    }

    // The literal null, followed by something that is not part of a word (the caller checks what).
    private static bool ScanNull(ReadOnlySpan<byte> bytes, ref int i)
    {
        if (i + 4 <= bytes.Length && bytes[i] == (byte)'n' && bytes[i + 1] == (byte)'u' && bytes[i + 2] == (byte)'l' && bytes[i + 3] == (byte)'l')
        {
            i += 4;
            return true;
        }

        return false;
    }

    // JSON's four blanks: space, tab, line feed and carriage return; runs of spaces (indents) eight at a time.
    private static int SkipBlank(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b > (byte)' ')
            {
                break;
            }

            if (b == (byte)' ' && i + sizeof(ulong) <= bytes.Length)
            {
                var notSpaces = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i)) ^ EightSpaces;
                i += notSpaces == 0 ? sizeof(ulong) : LeadingZeroBytes(notSpaces);
                continue;
            }

            if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
            {
                break;
            }

            i++;
        }

        return i;
    }

    private const ulong EightSpaces = 0x2020_2020_2020_2020;

    // The zero bytes at the low end of a little-endian word that is not zero.
    private static int LeadingZeroBytes(ulong word)
    {
#if NET
        return System.Numerics.BitOperations.TrailingZeroCount(word) >> 3;
#else
        var n = 0;
        while ((word & 0xFF) == 0)
        {
            word >>= 8;
            n++;
        }

        return n;
#endif
    }

    /// <summary>The quoted canonical answers as little-endian words, with the masks that keep their bytes.</summary>
    private static class Answers
    {
        public const ulong FourBytes = 0xFFFF_FFFF;
        public const ulong FiveBytes = 0xFF_FFFF_FFFF;
        public static readonly ulong Yes = Word("\"Yes\"");
        public static readonly ulong No = Word("\"No\"");
        public static readonly ulong NotApplicableFirst = Word("\"NotAppl");
        public static readonly ulong NotApplicableLast = Word("licable\"");

        private static ulong Word(string text)
        {
            var bytes = new byte[sizeof(ulong)];
            System.Text.Encoding.ASCII.GetBytes(text, 0, text.Length, bytes, 0);
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }
    }

    /// <summary>The reader's state just after a case's closing brace, made by reading a document head of that shape.</summary>
    private static class Resume
    {
        private static readonly byte[] Head = System.Text.Encoding.UTF8.GetBytes("{\"cases\":[{\"a\":{}}");

        public static readonly JsonReaderState State = After(Head);

        /// <summary>The bytes a resumed reader counts as already read on its first line.</summary>
        public static int HeadLength => Head.Length;

        private static JsonReaderState After(byte[] head)
        {
            var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(ReaderOptions));
            while (reader.Read())
            {
            }

            return reader.CurrentState;
        }
    }
}
