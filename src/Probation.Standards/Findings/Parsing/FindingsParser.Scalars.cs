using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Probation.Standards.Internal;

namespace Probation.Standards.Findings.Parsing;

/// <summary>Scalar rules, stated once: strings, dates, enum names, number literals, counts; and object fields.</summary>
internal sealed partial class FindingsParser
{
    /// <summary>The longest number literal read (docs/findings-format.md: longer is bad input).</summary>
    private const int MaxNumberLength = 100;

    /// <summary>The largest exponent magnitude a number literal may have.</summary>
    private const int MaxExponent = 100;

    // A string that must not be empty; null (and a problem) otherwise. The caller skips a bad value.
    private string? RequiredString(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            this.Report(ref reader, place.Path, ProblemCode.WrongType, $"must be a string, not {Describe(reader.TokenType)}");
            return null;
        }

        var value = reader.GetString()!;
        if (value.Trim().Length == 0)
        {
            this.Report(ref reader, place.Path, ProblemCode.EmptyValue, "must not be empty");
            return null;
        }

        return value;
    }

    private string? OptionalString(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var value = this.RequiredString(ref reader, place);
        if (value is null)
        {
            SkipValue(ref reader);
        }

        return value;
    }

    // A date or null; false (and a problem) when the value is neither. The caller skips a bad value.
    private bool OptionalDate(ref Utf8JsonReader reader, Place place, out DateTime? date)
    {
        date = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            this.Report(ref reader, place.Path, ProblemCode.WrongType, $"a date must be a string yyyy-mm-dd, not {Describe(reader.TokenType)}");
            return false;
        }

        var text = reader.GetString()!;
        if (!DateText.TryParse(text, out var parsed))
        {
            this.Report(ref reader, place.Path, ProblemCode.InvalidDate, $"{Quoting.Quote(text)} is not a real date written yyyy-mm-dd");
            return false;
        }

        date = parsed;
        return true;
    }

    private DateTime? OptionalDate(ref Utf8JsonReader reader, Place place)
    {
        if (!this.OptionalDate(ref reader, place, out var date))
        {
            this.header.BadFields.Add(this.pathName ?? string.Empty);
            SkipValue(ref reader);
        }

        return date;
    }

    private bool OptionalEnum<TEnum>(ref Utf8JsonReader reader, string path, ProblemCode code, string what, string allowed, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String && Names.TryParseEnum<TEnum>(reader.GetString(), out var parsed))
        {
            value = parsed;
            return true;
        }

        this.Report(ref reader, path, code, $"{what} {this.Quote(ref reader)} is not one of {allowed}");
        return false;
    }

    // Moves to the next field of an object: false at its end; otherwise the field's name and place, with
    // the reader on its value. A name given twice is a problem (System.Text.Json would keep the last), and
    // its value is skipped.
    private bool NextField(ref Utf8JsonReader reader, string parent, HashSet<string> seen, out string name, out Place place)
    {
        while (true)
        {
            name = string.Empty;
            place = default;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            name = reader.GetString()!;
            reader.Read();
            place = this.PlaceOf(ref reader, JsonPathText.Property(parent, name)); // a problem points at the value
            if (seen.Add(name))
            {
                return true;
            }

            this.Report(place, ProblemCode.DuplicateField, $"{Quoting.Quote(name)} is given twice");
            SkipValue(ref reader);
        }
    }

    // Reports a value of the wrong type and skips it (sections, where the value is always whole).
    private void WrongType(ref Utf8JsonReader reader, Place place, string what)
    {
        this.Report(place, ProblemCode.WrongType, $"{what}, not {Describe(reader.TokenType)}");
        SkipValue(ref reader);
    }

    private bool ExpectObject(ref Utf8JsonReader reader, Place place, string what)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        this.WrongType(ref reader, place, what);
        return false;
    }

    // The text of a number literal, within the format's bounds, so exact reading takes linear time.
    private string? NumberText(ref Utf8JsonReader reader, Place place)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxNumberLength)
        {
            this.Report(place, ProblemCode.NumberTooLong, $"a number literal of {length} characters is longer than {MaxNumberLength}");
            return null;
        }

        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        var e = text.IndexOfAny(new[] { 'e', 'E' });
        if (e >= 0 && (!int.TryParse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || exponent > MaxExponent || exponent < -MaxExponent))
        {
            this.Report(place, ProblemCode.NumberTooLong, $"number {text} has an exponent outside -{MaxExponent}..{MaxExponent}");
            return null;
        }

        return text;
    }

    // A count is a whole number of cases: 60, or 60.0 or 6e1 (the same number), never 60.5; at most 2^63 - 1.
    private long? Count(ref Utf8JsonReader reader, Place place)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            this.Report(place, ProblemCode.WrongType, $"{this.Quote(ref reader)} is not a number: a count is a whole number of cases");
            SkipValue(ref reader);
            return null;
        }

        if (reader.TryGetInt64(out var value))
        {
            if (value < 0)
            {
                this.Report(place, ProblemCode.InvalidCount, $"count {value} is negative");
                return null;
            }

            return value;
        }

        var text = this.NumberText(ref reader, place);
        if (text is null)
        {
            return null;
        }

        if (!ExactNumber.TryParse(text, out var number) || number.Scale != 0)
        {
            this.Report(place, ProblemCode.InvalidCount, $"count {text} is not a whole number");
            return null;
        }

        if (number.IsNegative && !number.Digits.IsZero)
        {
            this.Report(place, ProblemCode.InvalidCount, $"count {text} is negative");
            return null;
        }

        if (number.Digits > long.MaxValue)
        {
            this.Report(place, ProblemCode.InvalidCount, $"count {text} is too large (at most {long.MaxValue})");
            return null;
        }

        return (long)number.Digits;
    }

    // A value quoted in a message: strings escaped and cut to a readable length, numbers as written.
    private string Quote(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Quoting.Quote(reader.GetString()!);
            case JsonTokenType.Number:
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length > Quoting.MaxQuoted)
                {
                    return $"a number of {length} characters";
                }

                return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            default:
                return Describe(reader.TokenType);
        }
    }

    private static bool IsBlank(byte[] buffer, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string CleanReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message.Substring(0, cut) : message;
        return text.Trim().TrimEnd('.');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
