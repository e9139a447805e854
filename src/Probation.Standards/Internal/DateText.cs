using System;
using System.Globalization;

namespace Probation.Standards.Internal;

/// <summary>ISO dates as the findings format writes them: exactly <c>yyyy-mm-dd</c>, a real calendar date.</summary>
internal static class DateText
{
    public static bool TryParse(string text, out DateTime date)
    {
        date = default;
        if (text is null || text.Length != 10)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[10];
        for (var i = 0; i < 10; i++)
        {
            if (text[i] > 127)
            {
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        return TryParse(bytes, out date);
    }

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTime date)
    {
        date = default;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        var year = Digits(s, 0, 4);
        var month = Digits(s, 5, 2);
        var day = Digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Digits(ReadOnlySpan<byte> s, int from, int count)
    {
        var value = 0;
        for (var i = from; i < from + count; i++)
        {
            var d = s[i] - (byte)'0';
            if (d < 0 || d > 9)
            {
                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }
}
